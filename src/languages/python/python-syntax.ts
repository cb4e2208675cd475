// Small, policy-free helpers over tree-sitter-python nodes: ranges, callee chains, string values.
import type { Node, Tree } from 'web-tree-sitter';
import type { Range } from '../../core/facts.js';

const fieldsOf = new WeakMap<Tree, Map<string, Map<number, Node | null>>>();

/**
 * `node.childForFieldName(name)`, kept per tree: the fact walk, the env-read collector, the sink
 * matcher and each leak pass ask for the same fields of the same calls, and get the same Node
 * object (whose children are then built once).
 */
export function fieldOf(node: Node, name: string): Node | null {
  let byName = fieldsOf.get(node.tree);
  if (!byName) fieldsOf.set(node.tree, (byName = new Map()));
  let byNode = byName.get(name);
  if (!byNode) byName.set(name, (byNode = new Map()));
  let child = byNode.get(node.id);
  if (child === undefined) byNode.set(node.id, (child = node.childForFieldName(name)));
  return child;
}

/** tree-sitter columns are UTF-16 code units when parsing a JS string, 0-based; facts are 1-based. */
export function rangeOf(node: Node): Range {
  return {
    line: node.startPosition.row + 1,
    column: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}

/** `a.b.c` as a list of names, or null when the chain contains anything but identifiers/attributes. */
export function dottedParts(node: Node | null): string[] | null {
  if (!node) return null;
  if (node.type === 'identifier') return [node.text];
  if (node.type === 'attribute') {
    const object = dottedParts(fieldOf(node, 'object'));
    const attr = fieldOf(node, 'attribute');
    return object && attr ? [...object, attr.text] : null;
  }
  return null;
}

/**
 * The callee of a call as dotted text, looking through intermediate calls and subscripts
 * (`boto3.client("x").get_secret_value` -> `boto3.client.get_secret_value`), so suffix matching
 * works on chains like `client.secrets.kv.v2.read_secret_version`.
 */
export function calleeChain(node: Node | null): string[] {
  if (!node) return [];
  switch (node.type) {
    case 'identifier':
      return [node.text];
    case 'attribute': {
      const attr = fieldOf(node, 'attribute');
      return [...calleeChain(fieldOf(node, 'object')), attr ? attr.text : ''];
    }
    case 'call':
      return calleeChain(fieldOf(node, 'function'));
    case 'subscript':
      return calleeChain(fieldOf(node, 'value'));
    case 'parenthesized_expression':
      return calleeChain(node.namedChildren[0] ?? null);
    default:
      return ['?'];
  }
}

/** The last name of a callee: `print`, `info` for `logger.info`. */
export function calleeName(call: Node): string | null {
  const fn = fieldOf(call, 'function');
  if (!fn) return null;
  if (fn.type === 'identifier') return fn.text;
  if (fn.type === 'attribute') return fieldOf(fn, 'attribute')?.text ?? null;
  return null;
}

export interface CallArguments {
  positional: Node[];
  keywords: Map<string, Node>;
  /** `*args` / `**kwargs` splats, which may carry anything. */
  splats: Node[];
}

export function callArguments(call: Node): CallArguments {
  const result: CallArguments = { positional: [], keywords: new Map(), splats: [] };
  const args = fieldOf(call, 'arguments');
  if (!args || args.type !== 'argument_list') {
    if (args) result.positional.push(args); // generator expression argument
    return result;
  }
  for (const child of args.namedChildren) {
    if (child.type === 'keyword_argument') {
      const name = fieldOf(child, 'name');
      const value = fieldOf(child, 'value');
      if (name && value) result.keywords.set(name.text, value);
    } else if (child.type === 'list_splat' || child.type === 'dictionary_splat') {
      result.splats.push(child);
    } else if (child.type !== 'comment') {
      result.positional.push(child);
    }
  }
  return result;
}

/** The prefix letters of a string literal (`f`, `rb`, ...), lower-cased. */
export function stringPrefix(node: Node): string {
  const start = node.firstChild;
  if (!start || start.type !== 'string_start') return '';
  return start.text.replace(/["']+$/, '').toLowerCase();
}

/** True when a `string` node has interpolations (an f-string with `{...}`). */
export function hasInterpolation(node: Node): boolean {
  return node.namedChildren.some((c) => c.type === 'interpolation');
}

/** Decodes the literal text of a plain string node (no interpolation); escapes are kept simple. */
export function literalStringText(node: Node): string | null {
  if (node.type !== 'string') return null;
  // Most literals have nothing to decode: their text between the quotes is the value.
  const plain = undecodedContent(node.text);
  if (plain !== null) return plain;
  if (hasInterpolation(node)) return null;
  const raw = stringPrefix(node).includes('r');
  let out = '';
  for (const child of node.namedChildren) {
    if (child.type === 'string_content') out += child.text;
    else if (child.type === 'escape_sequence') out += raw ? child.text : decodeEscape(child.text);
  }
  return out;
}

/**
 * The text between the quotes of a string literal written `[prefix]"…"` (or `'…'`, `"""…"""`,
 * `'''…'''`) with no backslash and no brace in it: then there is no escape to decode and no
 * interpolation, and that text is the value. Null when the literal needs the slow path.
 */
function undecodedContent(raw: string): string | null {
  if (raw.includes('\\') || raw.includes('{')) return null;
  let start = 0;
  while (start < raw.length && 'rRbBuUfF'.includes(raw[start])) start++;
  const quoteChar = raw[start];
  if (quoteChar !== '"' && quoteChar !== "'") return null;
  const quote = raw.startsWith(quoteChar.repeat(3), start) && raw.length - start >= 6 ? quoteChar.repeat(3) : quoteChar;
  if (raw.length - start < 2 * quote.length || !raw.endsWith(quote)) return null;
  return raw.slice(start + quote.length, raw.length - quote.length);
}

function decodeEscape(text: string): string {
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0' };
  const key = text.slice(1);
  if (key in simple) return simple[key];
  if (/^x[0-9a-fA-F]{2}$/.test(key) || /^u[0-9a-fA-F]{4}$/.test(key)) return String.fromCharCode(parseInt(key.slice(1), 16));
  return text;
}

/**
 * The module's nodes of some types, collected in one tree-sitter walk that builds only those
 * nodes (the grammar has no anonymous token of these names), in pre-order (each node before its
 * children, in source order), each node's type read once: the front end's passes that look for
 * imports, classes, functions, assignments and the fact walk share it instead of walking the
 * tree each.
 */
export class ModuleNodes {
  private readonly nodes: Node[];
  private readonly types: string[];
  private readonly indexed: ReadonlySet<string>;

  constructor(
    private readonly root: Node,
    types: readonly string[],
  ) {
    this.indexed = new Set(types);
    this.nodes = root.descendantsOfType([...this.indexed]);
    this.types = this.nodes.map((node) => node.type);
  }

  /** The nodes of these types, in pre-order (a type not collected is looked up in the tree). */
  of(types: readonly string[]): Node[] {
    if (!types.every((type) => this.indexed.has(type))) return this.root.descendantsOfType([...types]);
    const out: Node[] = [];
    this.forEach(types, (node) => out.push(node));
    return out;
  }

  /** Visits the nodes of these types in pre-order, with each one's type. */
  forEach(types: readonly string[], visit: (node: Node, type: string) => void): void {
    if (!types.every((type) => this.indexed.has(type))) {
      for (const node of this.root.descendantsOfType([...types])) visit(node, node.type);
      return;
    }
    const wanted = new Set(types);
    for (let i = 0; i < this.nodes.length; i++) if (wanted.has(this.types[i])) visit(this.nodes[i], this.types[i]);
  }
}

/** The first syntax error in the tree, for the file's `errors` entry. */
export function firstSyntaxError(root: Node): Node | null {
  if (!root.hasError) return null;
  for (const node of namedDescendantsAll(root)) {
    if (node.isError || node.isMissing) return node;
  }
  return root;
}

function* namedDescendantsAll(root: Node): Generator<Node> {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if (!node.hasError && !node.isMissing) continue;
    const children = node.children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
