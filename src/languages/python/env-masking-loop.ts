// A loop over the environment that collects values only to mask them out of text: a log filter's
// `for key, value in os.environ.items(): if "_KEY" in key: secrets.append(value)` and later
// `for s in secrets: msg = msg.replace(s, "******")`. The values never leave the function except
// as what they replace, so the enumeration exposes nothing (EnvEnumerationUse `mask`). Anything
// else done with a value (printed, returned, stored elsewhere, passed to another call) is not this.
import type { Node } from 'web-tree-sitter';
import { onlyMasks, type MaskUse } from '../../core/masking-uses.js';

/** Calls a value may be measured or compared by without being exposed. */
const MEASURING_CALLS = new Set(['len', 'bool']);

/**
 * `loop` (a `for` statement over the environment's items) binds `value` and uses it only to be
 * measured, compared, masked in place (`text.replace(value, "***")`), or appended to local lists
 * whose only other uses are loops that mask with their elements.
 */
export function isMaskingLoop(loop: Node, value: string): boolean {
  const body = loop.childForFieldName('body');
  if (!body) return false;
  const scope = enclosingScope(loop);
  return onlyMasks(identifierUses(body, value), useOf, (list) => onlyMasksWith(scope, list, loop));
}

function useOf(use: Node): MaskUse | null {
  const parent = use.parent;
  if (!parent) return null;
  // Compared, or tested for truth (`if value`, `if value and …`, `not value`); `value or ""` as a value is not a test.
  if (parent.type === 'comparison_operator' || parent.type === 'not_operator' || isTestedForTruth(use)) return 'measure';
  if (parent.type === 'argument_list') {
    const call = parent.parent;
    const args = parent.namedChildren;
    const fn = call?.childForFieldName('function');
    if (!call || !fn) return null;
    if (fn.type === 'identifier' && MEASURING_CALLS.has(fn.text) && args.length === 1) return 'measure';
    if (isReplaceCall(call) && args[0]?.id === use.id) return 'mask';
    // `found.append(value)` on a local list: followed through its uses.
    if (fn.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'append' && args.length === 1 && fn.childForFieldName('object')?.type === 'identifier') {
      return { list: fn.childForFieldName('object')!.text };
    }
  }
  return null;
}

/** `node` is an `if`/`elif`/`while` condition, or an operand of `and`/`or` chains that are one. */
function isTestedForTruth(node: Node): boolean {
  let current = node;
  while (current.parent && (current.parent.type === 'boolean_operator' || current.parent.type === 'parenthesized_expression')) current = current.parent;
  const holder = current.parent;
  return !!holder && ['if_statement', 'elif_clause', 'while_statement'].includes(holder.type) && holder.childForFieldName('condition')?.id === current.id;
}

/** `text.replace(v, "***")`: the replacement is a literal, so `v` comes out masked, never copied. */
function isReplaceCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'replace') return false;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  return args.length === 2 && args[1].type === 'string' && !args[1].namedChildren.some((c) => c.type === 'interpolation');
}

/**
 * Every use of `list` in `scope` outside `loop` is its `[]` initialisation or a `for s in list:`
 * loop that uses `s` only to mask (and measure).
 */
function onlyMasksWith(scope: Node, list: string, loop: Node): boolean {
  let maskedBy = 0;
  for (const use of identifierUses(scope, list)) {
    const parent = use.parent;
    // `list.append(…)`: what else goes in is masked too (the loop's value, checked above).
    if (isAppendReceiver(use)) continue;
    if (within(use, loop)) return false;
    if (parent?.type === 'assignment' && parent.childForFieldName('left')?.id === use.id) {
      if (parent.childForFieldName('right')?.type !== 'list' || parent.childForFieldName('right')!.namedChildCount > 0) return false;
      continue;
    }
    if (parent?.type === 'for_statement' && parent.childForFieldName('right')?.id === use.id) {
      const element = parent.childForFieldName('left');
      const uses = element?.type === 'identifier' ? identifierUses(parent.childForFieldName('body')!, element.text) : null;
      if (!uses || uses.length === 0 || !uses.every((u) => useOf(u) === 'mask' || useOf(u) === 'measure')) return false;
      maskedBy++;
      continue;
    }
    return false;
  }
  return maskedBy > 0;
}

function isAppendReceiver(use: Node): boolean {
  const attribute = use.parent;
  if (attribute?.type !== 'attribute' || attribute.childForFieldName('object')?.id !== use.id) return false;
  if (attribute.childForFieldName('attribute')?.text !== 'append') return false;
  return attribute.parent?.type === 'call' && attribute.parent.childForFieldName('function')?.id === attribute.id;
}

/** Identifiers named `name` under `node` that read it (not an attribute name or a keyword argument's name). */
function identifierUses(node: Node, name: string): Node[] {
  const out: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === 'identifier' && current.text === name) {
      const parent = current.parent;
      const isAttributeName = parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === current.id;
      const isKeywordName = parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === current.id;
      if (!isAttributeName && !isKeywordName) out.push(current);
    }
    for (const child of current.namedChildren) stack.push(child);
  }
  return out;
}

function enclosingScope(node: Node): Node {
  let current: Node = node;
  while (current.parent && current.type !== 'function_definition') current = current.parent;
  return current;
}

function within(node: Node, container: Node): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}
