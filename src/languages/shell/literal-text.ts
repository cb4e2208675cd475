// The literal text of a shell word, shared by the fact collector and the indirect-name resolver.
import type { Node } from 'web-tree-sitter';

/** The literal text of a word-like node, or null when it contains expansions/substitutions. */
export function literalText(node: Node): string | null {
  switch (node.type) {
    case 'word':
    case 'number':
      return node.text;
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'string':
      return node.namedChildren.every((c) => c.type === 'string_content') ? node.namedChildren.map((c) => c.text).join('') : null;
    case 'concatenation': {
      let out = '';
      for (const part of node.namedChildren) {
        const text = literalText(part);
        if (text === null) return null;
        out += text;
      }
      return out;
    }
    case 'command_name':
      return node.namedChildren[0] ? literalText(node.namedChildren[0]) : null;
    default:
      return null;
  }
}

