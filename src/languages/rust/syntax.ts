// Small read-only queries over tree-sitter-rust nodes shared by the collectors.
import type { Node } from 'web-tree-sitter';

/** The `attribute` nodes written in front of an item (`#[derive(..)]`, `#[cfg(test)]`), skipping comments. */
export function precedingAttributes(item: Node): Node[] {
  const attributes: Node[] = [];
  let sibling = item.previousNamedSibling;
  while (sibling) {
    if (sibling.type === 'attribute_item') {
      const attribute = sibling.namedChildren.find((child) => child?.type === 'attribute');
      if (attribute) attributes.push(attribute);
    } else if (sibling.type !== 'line_comment' && sibling.type !== 'block_comment') {
      break;
    }
    sibling = sibling.previousNamedSibling;
  }
  return attributes;
}

/** Attributes of an item: the ones in front of it plus, for fields/variants, ones nested as children. */
export function itemAttributes(item: Node): Node[] {
  const own: Node[] = [];
  for (const child of item.namedChildren) {
    if (child?.type === 'attribute_item') {
      const attribute = child.namedChildren.find((c) => c?.type === 'attribute');
      if (attribute) own.push(attribute);
    }
  }
  return [...precedingAttributes(item), ...own];
}

/** `derive`, `cfg`, `tokio::test`: the path of an attribute. */
export function attributeName(attribute: Node): string {
  const head = attribute.namedChild(0);
  return head ? head.text : '';
}

/** The token tree of an attribute, `(Debug, Clone)` in `derive(Debug, Clone)`. */
export function attributeArguments(attribute: Node): Node | null {
  return attribute.childForFieldName('arguments');
}

/** Identifiers anywhere inside a token tree, in order. */
export function tokenIdentifiers(tree: Node): Node[] {
  const found: Node[] = [];
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const type = node.type; // a call into the tree: asked once per node
    if (type === 'identifier') {
      found.push(node); // a token: no children
      continue;
    }
    if (node.childCount === 0) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i];
      if (!child) continue;
      const childType = child.type;
      if (childType !== 'string_literal' && childType !== 'raw_string_literal') stack.push(child);
    }
  }
  return found;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', '\\': '\\', '"': '"', "'": "'" };

/** The value of a string literal (escapes decoded), or null when the node is not a plain string literal. */
export function stringLiteralValue(node: Node): string | null {
  const type = node.type;
  if (type === 'raw_string_literal') {
    const content = node.namedChildren.find((child) => child?.type === 'string_content');
    return content ? content.text : '';
  }
  if (type !== 'string_literal') return null;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    const childType = child.type;
    if (childType === 'string_content') value += child.text;
    else if (childType === 'escape_sequence') value += decodeEscape(child.text);
  }
  return value;
}

function decodeEscape(escape: string): string {
  const body = escape.slice(1);
  if (body in SIMPLE_ESCAPES) return SIMPLE_ESCAPES[body];
  const unicode = /^u\{([0-9a-fA-F_]+)\}$/.exec(body);
  if (unicode) return String.fromCodePoint(parseInt(unicode[1].replace(/_/g, ''), 16));
  const hex = /^x([0-9a-fA-F]{2})$/.exec(body);
  if (hex) return String.fromCharCode(parseInt(hex[1], 16));
  return '';
}

export function isStringLiteral(node: Node): boolean {
  const type = node.type;
  return type === 'string_literal' || type === 'raw_string_literal';
}

/** Path segments of `a::b::c`, `c`, `crate::x::C`, `<T>::f` (best effort); empty when not a path. */
export function pathSegments(node: Node): string[] {
  switch (node.type) {
    case 'identifier':
    case 'type_identifier':
    case 'field_identifier':
    case 'crate':
    case 'self':
    case 'super':
    case 'metavariable':
      return [node.text];
    case 'scoped_identifier':
    case 'scoped_type_identifier': {
      const path = node.childForFieldName('path');
      const name = node.childForFieldName('name');
      const head = path ? pathSegments(path) : [];
      return name ? [...head, name.text] : head;
    }
    case 'generic_function':
      return pathSegments(node.childForFieldName('function') ?? node);
    case 'generic_type':
    case 'generic_type_with_turbofish': {
      const type = node.childForFieldName('type');
      return type ? pathSegments(type) : [];
    }
    default:
      return [];
  }
}

export function lastSegment(node: Node): string | undefined {
  const segments = pathSegments(node);
  return segments[segments.length - 1];
}

/** Splits the inside of a token tree (without its delimiters) into groups at top-level separator tokens. */
export function tokenGroups(tree: Node, separators: ReadonlySet<string> = COMMA): Node[][] {
  const groups: Node[][] = [];
  let current: Node[] = [];
  // `children` fetches all children in one call; `child(i)` in a loop is quadratic.
  const children = tree.children;
  for (let i = 1; i < children.length - 1; i++) {
    const child = children[i];
    if (!child) continue;
    if (separators.has(child.type) && child.childCount === 0) {
      groups.push(current);
      current = [];
    } else {
      current.push(child);
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.filter((group) => group.length > 0);
}

const COMMA: ReadonlySet<string> = new Set([',']);

/** The token tree argument of a macro invocation. */
export function macroTokenTree(macro: Node): Node | null {
  const last = macro.lastChild;
  return last?.type === 'token_tree' ? last : null;
}

/** True when a type node mentions one of the given type names anywhere (`Option<&SecretString>`). */
export function typeMentions(typeNode: Node | null, names: ReadonlySet<string>): string | null {
  if (!typeNode || names.size === 0) return null;
  if (typeNode.type === 'type_identifier' && names.has(typeNode.text)) return typeNode.text;
  for (const identifier of typeNode.descendantsOfType('type_identifier')) {
    if (identifier && names.has(identifier.text)) return identifier.text;
  }
  return null;
}

/**
 * A macro's arguments parsed on their own (tree-sitter keeps them as a token tree): the text is
 * wrapped as `fn __clavis_probe() { let _ = (ARGS\n); }`, so the arguments are one expression (a
 * tuple when there are several); a node's offset there minus the prefix's length is its offset in
 * the arguments' text. Used by the leak walk (taint.ts) and the env reads (macro-argument-reads.ts).
 */
export const PROBE_PREFIX = 'fn __clavis_probe() { let _ = (';
export const PROBE_SUFFIX = '\n); }';
