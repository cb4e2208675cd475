// Interprets the data-driven sink catalog (src/leak/sinks/rust.ts) against Rust call sites:
// macros (`println!`, `tracing::info!`), methods (`*.expect`) and paths (`serde_json::to_string`).
import type { Node } from 'web-tree-sitter';
import type { SinkEntry } from '../../leak/sink-catalog.js';
import { crateIdent, referencesCrate, resolvePath, type ImportMap } from './imports.js';
import { lastSegment, macroTokenTree, pathSegments, tokenGroups } from './syntax.js';

const URL_QUERY_FORM = 'format!("?key={}")';

export interface SinkArgument {
  /** One node for call arguments; the tokens of one comma group for macro arguments. */
  nodes: Node[];
  index: number;
}

export interface SinkMatch {
  entry: SinkEntry;
  kind: 'macro' | 'call';
  arguments: SinkArgument[];
}

export class RustSinkMatcher {
  private readonly macros = new Map<string, SinkEntry[]>();
  private readonly methods = new Map<string, SinkEntry[]>();
  private readonly paths: SinkEntry[] = [];
  /** Last segments of the path callees (`to_string`, `new` of `KeyValue::new`). */
  private readonly pathTails = new Set<string>();
  /** Matches by node id: the taint walks ask about the same call once per seeded parameter. */
  private readonly cache = new Map<number, SinkMatch | null>();

  /** The special form `format!("?key={}")`: a value formatted after `?name=` in a format string (a URL's query). */
  readonly urlQuerySink?: SinkEntry;

  constructor(entries: SinkEntry[], private readonly imports: ImportMap) {
    for (const entry of entries) {
      if (entry.callee === URL_QUERY_FORM) this.urlQuerySink ??= entry;
      else if (entry.callee.endsWith('!')) push(this.macros, entry.callee.slice(0, -1), entry);
      else if (entry.callee.startsWith('*.')) push(this.methods, entry.callee.slice(2), entry);
      else {
        this.paths.push(entry);
        this.pathTails.add(entry.callee.split('::').pop() ?? entry.callee);
      }
    }
  }

  /** Cheap name-only test: false means `match` returns null. */
  mayMatch(node: Node): boolean {
    const type = node.type;
    if (type === 'macro_invocation') {
      const path = node.childForFieldName('macro');
      const name = path ? lastSegment(path) : undefined;
      return !!name && this.macros.has(name);
    }
    const fn = type === 'call_expression' ? node.childForFieldName('function') : null;
    if (!fn) return false;
    if (fn.type === 'field_expression') return this.methods.has(fn.childForFieldName('field')?.text ?? '');
    const name = lastSegment(fn);
    return !!name && this.pathTails.has(name);
  }

  /** Names of macros and methods that may be sinks (for cheap pre-checks). */
  hasMacro(name: string): boolean {
    return this.macros.has(name);
  }

  match(node: Node): SinkMatch | null {
    const cached = this.cache.get(node.id);
    if (cached !== undefined) return cached;
    let found: SinkMatch | null = null;
    const type = node.type;
    if (type === 'macro_invocation') found = this.matchMacro(node);
    else if (type === 'call_expression') found = this.matchCall(node);
    this.cache.set(node.id, found);
    return found;
  }

  private matchMacro(node: Node): SinkMatch | null {
    const path = node.childForFieldName('macro');
    if (!path) return null;
    const name = lastSegment(path);
    const candidates = name ? this.macros.get(name) : undefined;
    if (!candidates) return null;
    const full = resolvePath(this.imports, pathSegments(path));
    const root = full.length > 1 ? full[0] : undefined;
    const entry =
      (root && candidates.find((c) => c.module && crateIdent(c.module) === root)) ||
      candidates.find((c) => !c.module) ||
      candidates.find((c) => c.module && referencesCrate(this.imports, c.module)) ||
      candidates[0];
    const tree = macroTokenTree(node);
    const groups = tree ? tokenGroups(tree) : [];
    return { entry, kind: 'macro', arguments: selectArguments(entry, groups.map((nodes, index) => ({ nodes, index }))) };
  }

  private matchCall(node: Node): SinkMatch | null {
    const fn = node.childForFieldName('function');
    const argsNode = node.childForFieldName('arguments');
    if (!fn || !argsNode) return null;
    const args = callArguments(argsNode).map((arg, index) => ({ nodes: [arg], index }));
    if (fn.type === 'field_expression') {
      const method = fn.childForFieldName('field')?.text;
      const candidates = method ? this.methods.get(method) : undefined;
      const entry = candidates?.find((c) => !c.module || referencesCrate(this.imports, c.module));
      return entry ? { entry, kind: 'call', arguments: selectArguments(entry, args) } : null;
    }
    const segments = pathSegments(fn);
    if (segments.length === 0) return null;
    const full = resolvePath(this.imports, segments);
    const joined = full.join('::');
    for (const entry of this.paths) {
      if (entry.callee.includes('::')) {
        const tail = entry.callee.split('::');
        const matchesTail = full.length >= tail.length && tail.every((part, i) => full[full.length - tail.length + i] === part);
        if (matchesTail && (!entry.module || referencesCrate(this.imports, entry.module))) return { entry, kind: 'call', arguments: selectArguments(entry, args) };
      } else if (entry.module && joined === `${crateIdent(entry.module)}::${entry.callee}`) {
        return { entry, kind: 'call', arguments: selectArguments(entry, args) };
      }
    }
    return null;
  }
}

/** The expression arguments of a call, without comments and attributes. */
export function callArguments(args: Node): Node[] {
  return args.namedChildren.filter((child): child is Node => {
    if (!child) return false;
    const type = child.type; // a call into the tree: asked once
    return type !== 'line_comment' && type !== 'block_comment' && type !== 'attribute_item';
  });
}

function selectArguments(entry: SinkEntry, args: SinkArgument[]): SinkArgument[] {
  if (entry.args === 'all') return args;
  const wanted = new Set(entry.args);
  return args.filter((arg) => wanted.has(arg.index));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
