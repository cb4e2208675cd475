// The constant text at the start and end of a computed env name (EnvReadFact.nameParts), as the
// TypeScript front end reads it (src/languages/typescript/env-name-family.ts):
// `env::var(format!("FLAG_{}", name))` (a placeholder for a constant is text:
// `format!("{}_{}", PREFIX, n)`), `.to_uppercase()` of one, a `let` bound to one, or what a
// function or method of this file returns (`let v = self.env_var_name(); env::var(&v)` with
// `fn env_var_name(&self) -> String { format!("FLAG_{}", self.name) }`). A method call is matched
// to this file's functions of that name, not to its receiver's type (they must all agree).
import type { Node } from 'web-tree-sitter';
import { localLetValue, resolveConstString, type ConstScope } from './constants.js';
import { lastSegment, macroTokenTree, tokenGroups } from './syntax.js';
import type { NameParts } from '../../core/facts.js';
import { partsAroundComputed, plusOperands, withText } from '../name-family.js';

/** Hops through `let`s and functions: a family is written next to its read, not far away. */
const MAX_HOPS = 3;

const CASE_CHANGES: Record<string, (text: string) => string> = {
  to_uppercase: (text) => text.toUpperCase(),
  to_ascii_uppercase: (text) => text.toUpperCase(),
  to_lowercase: (text) => text.toLowerCase(),
  to_ascii_lowercase: (text) => text.toLowerCase(),
};

/** Wrappers that keep the string: `&x`, `(x)`, `x.to_string()`, `x.as_str()`, `x.clone()`. */
const KEEPING_METHODS = new Set(['to_string', 'to_owned', 'as_str', 'as_ref', 'clone', 'into']);

export interface FamilyContext {
  constScope: ConstScope;
  /** Function items of this file with this name (free functions and methods alike). */
  functionsNamed(name: string): Node[];
}

/** The constant prefix and suffix of a name the front end could not resolve to a constant; null when it has neither. */
export function namePartsOf(node: Node, context: FamilyContext): NameParts | null {
  return withText(partsOf(node, context, context.constScope.enclosingFunction ?? null, 0));
}

function partsOf(node: Node | null, context: FamilyContext, fn: Node | null, hops: number): NameParts | null {
  if (!node) return null;
  switch (node.type) {
    case 'reference_expression':
      return partsOf(node.childForFieldName('value'), context, fn, hops);
    case 'parenthesized_expression':
      return partsOf(node.namedChild(0), context, fn, hops);
    case 'macro_invocation':
      return formatParts(node, context);
    case 'binary_expression':
      return concatenationParts(node, context, fn);
    case 'identifier': {
      if (!fn || hops >= MAX_HOPS) return null;
      return partsOf(localLetValue(fn, node.text, node.startIndex), context, fn, hops + 1);
    }
    case 'call_expression':
      return callParts(node, context, fn, hops);
    default:
      return null;
  }
}

/**
 * `format!("FLAG_{}", n)`: the format string as pieces, each placeholder computed unless it
 * stands, without a format spec, for a constant (`format!("{}_{}", PREFIX, n)`, `{PREFIX}`: a
 * `const` of this file or a literal argument).
 */
function formatParts(macro: Node, context: FamilyContext): NameParts | null {
  if (lastSegment(macro.childForFieldName('macro') ?? macro) !== 'format') return null;
  const tree = macroTokenTree(macro);
  if (!tree) return null;
  const [head, ...args] = tokenGroups(tree);
  const template = head?.length === 1 && head[0].type === 'string_literal' ? head[0] : null;
  if (!template) return null;
  const named = new Map<string, Node[]>();
  const positional: Node[][] = [];
  for (const arg of args) {
    if (arg.length >= 3 && arg[0].type === 'identifier' && arg[1].type === '=') named.set(arg[0].text, arg.slice(2));
    else positional.push(arg);
  }
  const constantArgument = (tokens: Node[] | undefined): string | null => {
    if (tokens?.length !== 1) return null;
    const token = tokens[0];
    if (token.type === 'string_literal') return literalText(token);
    return token.type === 'identifier' ? constantNamed(token.text, context) : null;
  };
  const text = literalText(template);
  const pieces: Array<string | null> = [];
  let literal = '';
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c === '{' || c === '}') && text[i + 1] === c) {
      literal += c; // `{{` and `}}` are braces
      i++;
    } else if (c !== '{') {
      literal += c;
    } else {
      const close = text.indexOf('}', i);
      if (close < 0) return null;
      const inside = text.slice(i + 1, close);
      i = close;
      pieces.push(literal);
      literal = '';
      const colon = inside.indexOf(':');
      const argument = colon < 0 ? inside : inside.slice(0, colon);
      // A format spec (`{:>8}`, `{:?}`) may change the text: computed.
      const plain = colon < 0;
      let value: string | null = null;
      if (argument === '') {
        const tokens = positional[next++];
        value = plain ? constantArgument(tokens) : null;
      } else if (plain && /^[0-9]+$/.test(argument)) value = constantArgument(positional[Number(argument)]);
      else if (plain) value = named.has(argument) ? constantArgument(named.get(argument)) : constantNamed(argument, context);
      pieces.push(value);
    }
  }
  pieces.push(literal);
  return partsAroundComputed(pieces);
}

/** A string literal's text (escapes left out: env names have none). */
function literalText(literal: Node): string {
  return literal.namedChildren.filter((child) => child?.type === 'string_content').map((child) => child!.text).join('');
}

/** A `const`/`static` of this file by name, as a string. */
function constantNamed(name: string, context: FamilyContext): string | null {
  const value = context.constScope.fileConsts.get(name);
  return value ? (resolveConstString(value, context.constScope)?.value ?? null) : null;
}

/** `PREFIX.to_string() + &name`: constant operands before the first computed one, and after the last. */
function concatenationParts(node: Node, context: FamilyContext, fn: Node | null): NameParts | null {
  if (node.childForFieldName('operator')?.text !== '+') return null;
  const scope = { ...context.constScope, enclosingFunction: fn };
  return partsAroundComputed(plusOperands(node, 'binary_expression').map((operand) => resolveConstString(keptString(operand), scope)?.value ?? null));
}

/** The string under wrappers that keep it (`&x`, `"A_".to_string()`). */
function keptString(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'reference_expression' || current.type === 'parenthesized_expression') {
      const inner = current.childForFieldName('value') ?? current.namedChild(0);
      if (!inner) return current;
      current = inner;
      continue;
    }
    const method = methodCall(current);
    if (method && KEEPING_METHODS.has(method.name)) {
      current = method.receiver;
      continue;
    }
    return current;
  }
}

function methodCall(call: Node): { receiver: Node; name: string } | null {
  if (call.type !== 'call_expression') return null;
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'field_expression') return null;
  const receiver = callee.childForFieldName('value');
  const name = callee.childForFieldName('field')?.text;
  return receiver && name && call.childForFieldName('arguments')?.namedChildCount === 0 ? { receiver, name } : null;
}

/** `x.to_uppercase()` of a family (or a wrapper that keeps it), or a call of a function or method of this file that returns one. */
function callParts(call: Node, context: FamilyContext, fn: Node | null, hops: number): NameParts | null {
  const method = methodCall(call);
  if (method && Object.prototype.hasOwnProperty.call(CASE_CHANGES, method.name)) {
    const inner = partsOf(method.receiver, context, fn, hops);
    const change = CASE_CHANGES[method.name];
    return inner ? { prefix: change(inner.prefix), suffix: change(inner.suffix) } : null;
  }
  if (method && KEEPING_METHODS.has(method.name)) return partsOf(method.receiver, context, fn, hops);
  if (hops >= MAX_HOPS) return null;
  const callee = call.childForFieldName('function');
  const name = callee?.type === 'field_expression' ? callee.childForFieldName('field')?.text : callee ? lastSegment(callee) : undefined;
  if (!name) return null;
  // Every definition by that name that returns a family, and they agree; one that only calls
  // another of that name (a trait impl forwarding to the inherent method) says nothing.
  let found: NameParts | null = null;
  for (const definition of context.functionsNamed(name)) {
    if (!definition.childForFieldName('body')) continue; // a trait's declaration
    const returned = returnedExpression(definition);
    if (!returned) return null;
    if (forwardsTo(returned, name)) continue;
    const parts = partsOf(returned, context, definition, hops + 1);
    if (!parts || (found && (found.prefix !== parts.prefix || found.suffix !== parts.suffix))) return null;
    found = parts;
  }
  return found;
}

/** A body's value: its tail expression, after nothing but `let`s (a branch could return another name). */
function returnedExpression(definition: Node): Node | null {
  const body = definition.childForFieldName('body');
  if (!body) return null;
  const children = body.namedChildren.filter((child): child is Node => child !== null && child.type !== 'line_comment' && child.type !== 'block_comment');
  const last = children[children.length - 1];
  if (!last || !children.slice(0, -1).every((child) => child.type === 'let_declaration')) return null;
  if (last.type === 'expression_statement') {
    const inner = last.namedChild(0);
    return inner?.type === 'return_expression' ? inner.namedChild(0) : null;
  }
  return last;
}

/** `self.name()` / `Self::name(..)` / `name(..)`: a call of the same name. */
function forwardsTo(expression: Node, name: string): boolean {
  if (expression.type !== 'call_expression') return false;
  const callee = expression.childForFieldName('function');
  const called = callee?.type === 'field_expression' ? callee.childForFieldName('field')?.text : callee ? lastSegment(callee) : undefined;
  return called === name;
}
