// Turns Rust expression nodes into the literal values a registry row needs: strings (literals,
// raw strings, `concat!` of literals, same-file `const`/`static` strings), string lists (`&[..]`,
// `[..]`, `vec![..]`, same-file const arrays) and `Option<&str>` (`Some("..")` / `None`).
// Anything else resolves to `undefined`, and the caller turns that into a located diagnostic.
import type { Node } from 'web-tree-sitter';

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', '"': '"', "'": "'" };

function decodeEscape(escape: string): string {
  const body = escape.slice(1);
  if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body];
  if (body.startsWith('x')) return String.fromCharCode(parseInt(body.slice(1), 16));
  if (body.startsWith('u{')) return String.fromCodePoint(parseInt(body.slice(2, -1), 16));
  return ''; // line continuation: `\` + newline + leading whitespace
}

function stringLiteralValue(node: Node): string {
  let value = '';
  for (const child of node.namedChildren) {
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'escape_sequence') value += decodeEscape(child.text);
  }
  return value;
}

/** `const`/`static` items of one file, by name; values are resolved lazily. */
export class RustConstants {
  private readonly items = new Map<string, Node>();
  private readonly resolving = new Set<string>();

  constructor(root: Node) {
    for (const item of root.descendantsOfType(['const_item', 'static_item'])) {
      const name = item.childForFieldName('name');
      const value = item.childForFieldName('value');
      if (name && value && !this.items.has(name.text)) this.items.set(name.text, value);
    }
  }

  /** The value node of a const, following `path::NAME` by its last segment. */
  private lookup(node: Node): { name: string; value: Node } | undefined {
    const nameNode = node.type === 'scoped_identifier' ? node.childForFieldName('name') : node;
    if (!nameNode || nameNode.type !== 'identifier') return undefined;
    const value = this.items.get(nameNode.text);
    return value && !this.resolving.has(nameNode.text) ? { name: nameNode.text, value } : undefined;
  }

  private viaConst<T>(node: Node, read: (value: Node) => T | undefined): T | undefined {
    const found = this.lookup(node);
    if (!found) return undefined;
    this.resolving.add(found.name);
    try {
      return read(found.value);
    } finally {
      this.resolving.delete(found.name);
    }
  }

  isConstRef(node: Node): boolean {
    return (node.type === 'identifier' || node.type === 'scoped_identifier') && this.lookup(node) !== undefined;
  }

  string(node: Node): string | undefined {
    switch (node.type) {
      case 'string_literal':
        return stringLiteralValue(node);
      case 'raw_string_literal':
        return node.namedChildren.find((c) => c.type === 'string_content')?.text ?? '';
      case 'parenthesized_expression':
      case 'reference_expression': {
        const inner = node.namedChildren.at(-1);
        return inner ? this.string(inner) : undefined;
      }
      case 'identifier':
      case 'scoped_identifier':
        return this.viaConst(node, (value) => this.string(value));
      case 'macro_invocation':
        return this.concatMacro(node);
      default:
        return undefined;
    }
  }

  private concatMacro(node: Node): string | undefined {
    if (node.childForFieldName('macro')?.text !== 'concat') return undefined;
    const tokens = node.namedChildren.find((c) => c.type === 'token_tree');
    if (!tokens) return undefined;
    let value = '';
    for (const part of tokens.namedChildren) {
      const piece = part.type === 'string_literal' || part.type === 'raw_string_literal' ? this.string(part) : undefined;
      if (piece === undefined) return undefined;
      value += piece;
    }
    return value;
  }

  /** The element nodes of a list expression, or undefined when it is not a literal list. */
  listItems(node: Node): Node[] | undefined {
    switch (node.type) {
      case 'reference_expression':
      case 'parenthesized_expression': {
        const inner = node.namedChildren.at(-1);
        return inner ? this.listItems(inner) : undefined;
      }
      case 'array_expression':
        return node.namedChildren.filter((c) => !c.type.endsWith('comment'));
      case 'macro_invocation': {
        if (node.childForFieldName('macro')?.text !== 'vec') return undefined;
        return node.namedChildren.find((c) => c.type === 'token_tree')?.namedChildren ?? [];
      }
      case 'identifier':
      case 'scoped_identifier':
        return this.viaConst(node, (value) => this.listItems(value));
      default:
        return undefined;
    }
  }

  /** `Some("..")` -> the string, `None` -> null, a plain string -> itself; otherwise undefined. */
  optionalString(node: Node): string | null | undefined {
    if (node.type === 'identifier' && node.text === 'None') return null;
    if (node.type === 'call_expression' && node.childForFieldName('function')?.text === 'Some') {
      const args = node.childForFieldName('arguments')?.namedChildren ?? [];
      return args.length === 1 ? this.string(args[0]) : undefined;
    }
    return this.string(node);
  }
}
