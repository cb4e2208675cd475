// A read whose value is only tested for being set: `bool(os.environ.get(name))`, `not
// os.getenv(name)`, or the condition of an `if`, `elif`, `while` or conditional expression. For a
// read whose name is not known (no-dynamic-env-read) it exposes nothing but whether some variable
// is set (the Python twin of isPresenceOnly in typescript/env-presence-tests.ts).
import type { Node } from 'web-tree-sitter';
import { fieldOf } from './python-syntax.js';

export function isPresenceOnly(read: Node): boolean {
  let node = read;
  while (node.parent?.type === 'parenthesized_expression') node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
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
      return call?.type === 'call' && fieldOf(call, 'function')?.text === 'bool' && args.length === 1 && args[0].id === node.id;
    }
    default:
      return false;
  }
}
