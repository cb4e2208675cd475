// Literal lists of constant strings, and the loops over them: what a loop variable can hold.
// Shared by the env-read collector (a key read in `for name in ("A", "B"):`) and the leak
// analysis (an attribute read by `getattr(obj, name)` in such a loop).
import type { Node } from 'web-tree-sitter';
import type { ModuleScope } from './module-scope.js';
import { fieldOf } from './python-syntax.js';

export const LITERAL_LISTS = new Set(['list', 'tuple', 'set']);
/** Comprehension node types: each binds its loop variables in `for_in_clause`s. */
export const COMPREHENSIONS = new Set(['list_comprehension', 'dictionary_comprehension', 'set_comprehension', 'generator_expression']);

/** `("A", "B")`, `["A", "B"]`, or a name bound once to one. */
export function literalList(node: Node | null, scope: ModuleScope): Node | null {
  if (!node) return null;
  if (LITERAL_LISTS.has(node.type)) return node;
  // The same lookup rules as constants: the value a name is assigned exactly once in scope.
  const value = node.type === 'identifier' ? scope.valueNodeOf(node) : null;
  return value && LITERAL_LISTS.has(value.type) ? value : null;
}

/**
 * The literal lists a loop runs over, in order: one (`literalList`), or each operand of a `+`
 * joining such lists (`for k in SERVER_VARS + ROUTER_VARS:`); else null.
 */
export function literalLists(node: Node | null, scope: ModuleScope, depth = 0): Node[] | null {
  if (!node || depth > 4) return null;
  const list = literalList(node, scope);
  if (list) return [list];
  const joined = node.type === 'identifier' ? scope.valueNodeOf(node) : node;
  if (joined?.type === 'parenthesized_expression') return literalLists(joined.namedChildren.find((c) => c.type !== 'comment') ?? null, scope, depth + 1);
  if (joined?.type !== 'binary_operator' || fieldOf(joined, 'operator')?.text !== '+') return null;
  const left = literalLists(fieldOf(joined, 'left'), scope, depth + 1);
  const right = left ? literalLists(fieldOf(joined, 'right'), scope, depth + 1) : null;
  return left && right ? [...left, ...right] : null;
}

/**
 * The strings an identifier can hold as the variable of the nearest loop that binds it (a `for`
 * statement whose body holds it, or a comprehension), when that loop runs over a literal list of
 * constant strings (`for attr in ("model", "name"):`) and the body never assigns the variable;
 * else null. Every element must be a constant: one that is not leaves the value unknown.
 */
export function loopStrings(key: Node, scope: ModuleScope): string[] | null {
  if (key.type !== 'identifier') return null;
  const name = key.text;
  let child = key;
  for (let p = key.parent; p; child = p, p = p.parent) {
    if (COMPREHENSIONS.has(p.type)) {
      for (const clause of p.namedChildren) {
        if (clause.type === 'for_in_clause' && fieldOf(clause, 'left')?.text === name) return listStrings(fieldOf(clause, 'right'), scope);
      }
    }
    if (p.type === 'for_statement' && fieldOf(p, 'body')?.id === child.id && fieldOf(p, 'left')?.text === name) {
      return assigns(child, name) ? null : listStrings(fieldOf(p, 'right'), scope);
    }
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition' || p.type === 'module') return null;
  }
  return null;
}

/**
 * The constant strings a loop runs over: the literal lists of `literalLists` (one, or several
 * joined with `+`: text-generation-inference's `SERVER_VARS + ROUTER_VARS`), or the keys of a
 * literal dict (`CREDENTIALS.keys()`); else null.
 */
function listStrings(node: Node | null, scope: ModuleScope): string[] | null {
  const lists = literalLists(node, scope);
  if (lists) {
    const parts = lists.map((list) => stringsOf(list, scope));
    return parts.every((part) => part !== null) ? (parts as string[][]).flat() : null;
  }
  return dictKeys(node, scope);
}

/** `TABLE.keys()` (or `{…}.keys()`) of a literal dict whose keys are all constant strings; else null. */
function dictKeys(node: Node | null, scope: ModuleScope): string[] | null {
  if (node?.type !== 'call') return null;
  const fn = fieldOf(node, 'function');
  if (fn?.type !== 'attribute' || fieldOf(fn, 'attribute')?.text !== 'keys' || (fieldOf(node, 'arguments')?.namedChildren.length ?? 0) > 0) return null;
  let dict = fieldOf(fn, 'object');
  if (dict?.type === 'identifier') dict = scope.valueNodeOf(dict);
  if (dict?.type !== 'dictionary') return null;
  const keys: string[] = [];
  for (const pair of dict.namedChildren) {
    if (pair.type === 'comment') continue;
    const key = pair.type === 'pair' ? scope.constString(fieldOf(pair, 'key')) : null;
    if (key === null) return null;
    keys.push(key);
  }
  return keys.length > 0 ? keys : null;
}

function stringsOf(list: Node | null, scope: ModuleScope): string[] | null {
  if (!list) return null;
  const values: string[] = [];
  for (const element of list.namedChildren) {
    if (element.type === 'comment') continue;
    const value = scope.constString(element);
    if (value === null) return null;
    values.push(value);
  }
  return values.length > 0 ? values : null;
}

/** Whether `body` rebinds `name` (an assignment, augmented assignment, walrus, inner loop or `as` target); unknown shapes count as rebinding. */
function assigns(body: Node, name: string): boolean {
  for (const node of body.descendantsOfType(['assignment', 'augmented_assignment', 'named_expression', 'for_statement', 'for_in_clause', 'as_pattern'])) {
    if (!node) continue;
    const target = fieldOf(node, 'left') ?? fieldOf(node, 'name') ?? fieldOf(node, 'alias');
    if (target === null || target.text === name || target.descendantsOfType('identifier').some((id) => id?.text === name)) return true;
  }
  return false;
}
