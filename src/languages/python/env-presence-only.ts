// A read whose value is only tested for being set: `bool(os.environ.get(name))`, `not
// os.getenv(name)`, or the condition of an `if`, `elif`, `while` or conditional expression. For a
// read whose name is not known (no-dynamic-env-read) it exposes nothing but whether some variable
// is set (the Python twin of isPresenceOnly in typescript/env-presence-tests.ts).
import type { Node } from 'web-tree-sitter';
import { fieldOf } from './python-syntax.js';

const STRIPS = new Set(['strip', 'lstrip', 'rstrip']);

export function isPresenceOnly(read: Node): boolean {
  let node = read;
  for (;;) {
    while (node.parent?.type === 'parenthesized_expression') node = node.parent;
    // `os.getenv(k, "").strip()`: blank or not is still only whether it is set.
    const stripped = stripCall(node);
    if (!stripped) break;
    node = stripped;
  }
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'generator_expression': {
      // `all(os.getenv(k) for k in keys)`: any()/all() only test each value.
      const call = parent.parent;
      return fieldOf(parent, 'body')?.id === node.id && call?.type === 'call' && fieldOf(call, 'arguments')?.id === parent.id && ['any', 'all'].includes(fieldOf(call, 'function')?.text ?? '');
    }
    case 'list_comprehension': {
      // `all([os.environ.get(n) for n in self.env])` (chainlit's OAuth providers): the list is built only for all()/any().
      if (fieldOf(parent, 'body')?.id !== node.id) return false;
      const list = parent.parent;
      const call = list?.parent;
      const args = list?.type === 'argument_list' ? list.namedChildren.filter((child) => child.type !== 'comment') : [];
      return call?.type === 'call' && args.length === 1 && args[0]!.id === parent.id && ['any', 'all'].includes(fieldOf(call, 'function')?.text ?? '');
    }
    case 'not_operator':
      return fieldOf(parent, 'argument')?.id === node.id;
    case 'if_statement':
    case 'elif_clause':
    case 'while_statement':
      return fieldOf(parent, 'condition')?.id === node.id;
    case 'conditional_expression':
      // `a if <condition> else b`: the second operand.
      return parent.namedChildren.filter((child) => child.type !== 'comment')[1]?.id === node.id;
    case 'argument_list': {
      const call = parent.parent;
      const args = parent.namedChildren.filter((child) => child.type !== 'comment');
      if (call?.type !== 'call' || args.length !== 1 || args[0].id !== node.id) return false;
      const fn = fieldOf(call, 'function')?.text;
      // `len(os.environ[k]) == 0` (or `> 0`, `!= 0`): blank or not, as `not os.environ[k]`.
      return fn === 'bool' || (fn === 'len' && comparedWithZero(call));
    }
    default:
      return false;
  }
}

/** `<call> == 0`, `0 < <call>` and the like: only whether the length is zero. */
function comparedWithZero(call: Node): boolean {
  let node = call;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const comparison = node.parent;
  if (comparison?.type !== 'comparison_operator') return false;
  const operands = comparison.namedChildren.filter((child) => child.type !== 'comment');
  return operands.length === 2 && operands.some((operand) => operand.id !== node.id && operand.type === 'integer' && operand.text === '0');
}

/** The call `node.strip()` when `node` is its receiver, else null. */
function stripCall(node: Node): Node | null {
  const attribute = node.parent;
  if (attribute?.type !== 'attribute' || fieldOf(attribute, 'object')?.id !== node.id || !STRIPS.has(fieldOf(attribute, 'attribute')?.text ?? '')) return null;
  const call = attribute.parent;
  if (call?.type !== 'call' || fieldOf(call, 'function')?.id !== attribute.id) return null;
  const args = fieldOf(call, 'arguments');
  return args?.type === 'argument_list' && args.namedChildren.length === 0 ? call : null;
}
