// The name a Python string literal is bound to, read from the syntax around it, so output can
// mask a value by position (core/value-literals.ts): `OPENAI_API_KEY = "…"`, `cfg.token = "…"`,
// `os.environ["KEY"] = "…"`, `Client(api_key="…")`, `{"KEY": "…"}`, `def f(token="…")`,
// `os.getenv("KEY", "…")`, `os.environ.setdefault("KEY", "…")`, `os.getenv("KEY") or "…"`.
// Which names are secret is not decided here.
import type { Node } from 'web-tree-sitter';
import { fieldOf, literalStringText } from './python-syntax.js';

function same(a: Node | null | undefined, b: Node): boolean {
  return Boolean(a) && a!.id === b.id;
}

/** `X`, `a.b.X`, `a["X"]`, or the key of `os.getenv("X")` / `os.environ.get("X")`. */
function targetName(node: Node | null): string | null {
  if (!node) return null;
  switch (node.type) {
    case 'identifier':
      return node.text;
    case 'attribute':
      return fieldOf(node, 'attribute')?.text ?? null;
    case 'subscript': {
      const key = fieldOf(node, 'subscript');
      return key ? literalStringText(key) : null;
    }
    case 'call': {
      const first = fieldOf(node, 'arguments')?.namedChildren[0];
      return first ? literalStringText(first) : null;
    }
    case 'parenthesized_expression':
      return targetName(node.namedChildren[0] ?? null);
    default:
      return null;
  }
}

/** The name `literal` (a `string` node) is assigned, defaulted or passed as the value of, or null. */
export function boundNameOf(literal: Node): string | null {
  let child = literal;
  let parent = literal.parent;
  while (parent && parent.type === 'parenthesized_expression') {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return null;
  switch (parent.type) {
    case 'assignment':
      return same(fieldOf(parent, 'right'), child) ? targetName(fieldOf(parent, 'left')) : null;
    case 'keyword_argument':
    case 'default_parameter':
    case 'typed_default_parameter':
      return same(fieldOf(parent, 'value'), child) ? fieldOf(parent, 'name')?.text ?? null : null;
    case 'pair': {
      const key = fieldOf(parent, 'key');
      return same(fieldOf(parent, 'value'), child) && key ? literalStringText(key) : null;
    }
    case 'boolean_operator':
      return same(fieldOf(parent, 'right'), child) ? targetName(fieldOf(parent, 'left')) : null;
    case 'argument_list': {
      // `get("KEY", "…")`, `setdefault("KEY", "…")`: a key literal, then its value.
      const args = parent.namedChildren.filter((c) => c.type !== 'comment');
      return args.length >= 2 && same(args[1], child) ? literalStringText(args[0]) : null;
    }
    default:
      return null;
  }
}
