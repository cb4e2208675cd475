// The name a Rust string literal is bound to, read from the syntax around it, so output can
// mask a value by position (core/value-literals.ts): `const OPENAI_API_KEY: &str = "…"`,
// `let token = "…".to_string()`, `cfg.api_key = "…".into()`, `Config { api_key: "…" }`,
// `env::var("KEY").unwrap_or("…".into())`, `get("KEY", "…")`. Which names are secret is not
// decided here.
import type { Node } from 'web-tree-sitter';
import { stringLiteralValue } from './syntax.js';

function same(a: Node | null | undefined, b: Node): boolean {
  return Boolean(a) && a!.id === b.id;
}

const CONVERSIONS = new Set(['to_string', 'to_owned', 'into', 'clone']);
const FALLBACKS = new Set(['unwrap_or', 'or', 'map_or', 'unwrap_or_else']);

/**
 * Climbs `"…".to_string()`, `"…".into()`, `String::from("…")`, `&"…"`, `("…")`: the same value,
 * with its parent and the parent's type (`parent` searches the tree from its root, and `type` is a
 * call into the tree too: each asked once).
 */
function valueNode(literal: Node): { value: Node; parent: Node | null; parentType: string } {
  let node = literal;
  for (;;) {
    const parent = node.parent;
    if (!parent) return { value: node, parent: null, parentType: '' };
    const type = parent.type;
    if (type === 'parenthesized_expression' || type === 'reference_expression') {
      node = parent;
      continue;
    }
    if (type === 'field_expression' && same(parent.childForFieldName('value'), node)) {
      const call = parent.parent;
      const method = parent.childForFieldName('field')?.text ?? '';
      if (call?.type === 'call_expression' && same(call.childForFieldName('function'), parent) && CONVERSIONS.has(method)) {
        node = call;
        continue;
      }
    }
    if (type === 'arguments' && parent.namedChildren.length === 1) {
      const call = parent.parent;
      const callee = call?.childForFieldName('function')?.text ?? '';
      if (call?.type === 'call_expression' && /(^|::)(String::from|from)$/.test(callee)) {
        node = call;
        continue;
      }
    }
    return { value: node, parent, parentType: type };
  }
}

/** The string key of the first call in a receiver chain: `std::env::var("KEY").ok()` -> KEY. */
function keyOfReceiver(receiver: Node | null): string | null {
  let node = receiver;
  while (node) {
    if (node.type === 'call_expression') {
      const first = node.childForFieldName('arguments')?.namedChildren[0];
      const key = first ? stringLiteralValue(first) : null;
      if (key !== null) return key;
      node = node.childForFieldName('function');
    } else if (node.type === 'field_expression') {
      node = node.childForFieldName('value');
    } else return null;
  }
  return null;
}

/** `X`, `a.b.x` as its last name. */
function targetName(node: Node | null): string | null {
  if (!node) return null;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'field_expression') return node.childForFieldName('field')?.text ?? null;
  return null;
}

/** The name `literal` (a string or raw string literal) is assigned, defaulted or passed as the value of, or null. */
export function boundNameOf(literal: Node): string | null {
  const { value, parent, parentType } = valueNode(literal);
  if (!parent) return null;
  switch (parentType) {
    case 'const_item':
    case 'static_item':
      return same(parent.childForFieldName('value'), value) ? parent.childForFieldName('name')?.text ?? null : null;
    case 'let_declaration':
      return same(parent.childForFieldName('value'), value) ? targetName(parent.childForFieldName('pattern')) : null;
    case 'assignment_expression':
      return same(parent.childForFieldName('right'), value) ? targetName(parent.childForFieldName('left')) : null;
    case 'field_initializer':
      return same(parent.childForFieldName('value'), value) ? parent.childForFieldName('field')?.text ?? null : null;
    case 'arguments': {
      const args = parent.namedChildren.filter((c) => {
        const type = c.type;
        return type !== 'line_comment' && type !== 'block_comment';
      });
      const call = parent.parent;
      const callee = call?.childForFieldName('function');
      // `env::var("KEY").unwrap_or("…")`: the default of a lookup by key.
      if (callee?.type === 'field_expression' && FALLBACKS.has(callee.childForFieldName('field')?.text ?? '') && same(args[args.length - 1], value)) {
        return keyOfReceiver(callee.childForFieldName('value'));
      }
      // `get("KEY", "…")`, `set_var("KEY", "…")`: a key literal, then its value.
      return args.length >= 2 && same(args[1], value) ? stringLiteralValue(args[0]) : null;
    }
    default:
      return null;
  }
}
