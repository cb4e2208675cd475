// Resolving an expression to a constant string: literals, `const`/`static` items of this file,
// crate-wide constants (collected by the engine in a first pass), `concat!`, a local
// `let k = "X";`, and registry lookups such as `SecretId::X.spec().canonical_env`.
import type { Node } from 'web-tree-sitter';
import { lastSegment, macroTokenTree, pathSegments, stringLiteralValue, tokenGroups } from './syntax.js';

export interface ConstScope {
  /** `NAME` -> the value expression of a `const`/`static` in this file. */
  fileConsts: Map<string, Node>;
  projectConstants: Record<string, string>;
  envById: Record<string, string>;
  /** The function around the expression being resolved, for `let k = "X";` lookups. */
  enclosingFunction?: Node | null;
}

export interface ResolvedString {
  value: string;
  /** The string literal nodes the value came from (so they are not reported again as plain name mentions). */
  literals: Node[];
}

const MAX_DEPTH = 8;
const SPEC_ENV_FIELDS = new Set(['canonical_env', 'env_name']);
const STRING_CONVERSIONS = new Set(['to_string', 'to_owned', 'into', 'as_str', 'as_ref', 'clone']);

/** `NAME` -> value expression of the given `const`/`static` items (first one wins). */
export function constsByName(items: Node[]): Map<string, Node> {
  const consts = new Map<string, Node>();
  for (const item of items) {
    const name = item.childForFieldName('name');
    const value = item.childForFieldName('value');
    if (name && value && !consts.has(name.text)) consts.set(name.text, value);
  }
  return consts;
}

/** Resolves `node` to a string, or null when it is not a constant the linter can see. */
export function resolveConstString(node: Node, scope: ConstScope, depth = 0): ResolvedString | null {
  if (depth > MAX_DEPTH) return null;
  const literal = stringLiteralValue(node);
  if (literal !== null) return { value: literal, literals: [node] };
  switch (node.type) {
    case 'parenthesized_expression':
    case 'reference_expression': {
      const inner = node.childForFieldName('value') ?? node.namedChild(0);
      return inner ? resolveConstString(inner, scope, depth + 1) : null;
    }
    case 'identifier':
      // Constants first: they are cheap to look up, and a local rarely shadows a SCREAMING_CASE const.
      return resolveNamedConst(node.text, scope, depth) ?? resolveLocal(node, scope, depth);
    case 'scoped_identifier': {
      const library = libraryConstant(node);
      if (library !== undefined) return { value: library, literals: [] };
      const name = lastSegment(node);
      return name ? resolveNamedConst(name, scope, depth) : null;
    }
    case 'macro_invocation':
      return resolveConcat(node, scope, depth);
    case 'field_expression':
    case 'call_expression':
      return resolveSpecLookup(node, scope) ?? resolveConversion(node, scope, depth);
    default:
      return null;
  }
}

/**
 * Env-name constants of widely used crates, by the path's last segments: their values are part of
 * the crates' documented API, and no scan sees a dependency's source. `std::env::var(EnvFilter::DEFAULT_ENV)`
 * (tabby's log setup) is a read of RUST_LOG, not a dynamic read.
 */
const LIBRARY_ENV_CONSTANTS: ReadonlyMap<string, string> = new Map([
  ['EnvFilter::DEFAULT_ENV', 'RUST_LOG'], // tracing_subscriber::filter::EnvFilter
  ['env_logger::DEFAULT_FILTER_ENV', 'RUST_LOG'],
  ['env_logger::DEFAULT_WRITE_STYLE_ENV', 'RUST_LOG_STYLE'],
]);

function libraryConstant(path: Node): string | undefined {
  const segments = pathSegments(path);
  return segments.length >= 2 ? LIBRARY_ENV_CONSTANTS.get(segments.slice(-2).join('::')) : undefined;
}

function resolveNamedConst(name: string, scope: ConstScope, depth: number): ResolvedString | null {
  const value = scope.fileConsts.get(name);
  if (value) {
    const resolved = resolveConstString(value, scope, depth + 1);
    if (resolved) return resolved;
  }
  const project = scope.projectConstants[name];
  return typeof project === 'string' ? { value: project, literals: [] } : null;
}

/** A function's `let` declarations in order, with the name each binds (null for a pattern that is no plain name). */
interface LetBinding {
  start: number;
  name: string | null;
  declaration: Node;
}

/** Per function node (the collectors share one node object per function): its `let` bindings, read from the tree once. */
const letBindingsOf = new WeakMap<Node, LetBinding[]>();

function letBindings(fn: Node): LetBinding[] {
  let bindings = letBindingsOf.get(fn);
  if (!bindings) {
    bindings = [];
    for (const declaration of fn.descendantsOfType('let_declaration')) {
      if (!declaration) continue;
      const pattern = declaration.childForFieldName('pattern');
      bindings.push({ start: declaration.startIndex, name: pattern?.type === 'identifier' ? pattern.text : null, declaration });
    }
    letBindingsOf.set(fn, bindings);
  }
  return bindings;
}

/** The value of the last `let name = ..;` of `fn` before offset `before`, if any. */
export function localLetValue(fn: Node, name: string, before: number): Node | null {
  let binding: Node | null = null;
  for (const bound of letBindings(fn)) {
    if (bound.start >= before) continue;
    if (bound.name === name) binding = bound.declaration;
  }
  return binding?.childForFieldName('value') ?? null;
}

/** `let k = "X";` (or `= CONST`) earlier in the same function. */
function resolveLocal(identifier: Node, scope: ConstScope, depth: number): ResolvedString | null {
  const fn = scope.enclosingFunction;
  if (!fn) return null;
  let binding: Node | null = null;
  const name = identifier.text;
  for (const bound of letBindings(fn)) {
    if (bound.start >= identifier.startIndex) continue;
    if (bound.name === name) binding = bound.declaration;
  }
  const value = binding?.childForFieldName('value');
  return value ? resolveConstString(value, scope, depth + 1) : null;
}

/** `concat!("A_", B, crate::c::D)`: every part must be constant. */
function resolveConcat(macro: Node, scope: ConstScope, depth: number): ResolvedString | null {
  const name = lastSegment(macro.childForFieldName('macro') ?? macro);
  if (name !== 'concat') return null;
  const tree = macroTokenTree(macro);
  if (!tree) return null;
  let value = '';
  const literals: Node[] = [];
  for (const group of tokenGroups(tree)) {
    const part = resolveTokenGroup(group, scope, depth);
    if (!part) return null;
    value += part.value;
    literals.push(...part.literals);
  }
  return { value, literals };
}

function resolveTokenGroup(group: Node[], scope: ConstScope, depth: number): ResolvedString | null {
  if (group.length === 1) return resolveConstString(group[0], scope, depth + 1);
  // A path inside a token tree is flat tokens: `crate`, `::`, `a`, `::`, `B`.
  const last = group[group.length - 1];
  const isPath = group.every((token, i) => (i % 2 === 1 ? token.type === '::' : token.type === 'identifier' || token.type === 'crate' || token.type === 'super' || token.type === 'self'));
  return isPath && last.type === 'identifier' ? resolveNamedConst(last.text, scope, depth + 1) : null;
}

/** `SecretId::X.spec().canonical_env`, `SecretId::X.canonical_env()`, `spec(SecretId::X).canonical_env`. */
function resolveSpecLookup(node: Node, scope: ConstScope): ResolvedString | null {
  let accessor: Node | null = null;
  if (node.type === 'field_expression') accessor = node.childForFieldName('field');
  else if (node.childForFieldName('function')?.type === 'field_expression') {
    accessor = node.childForFieldName('function')!.childForFieldName('field');
  }
  if (!accessor || !SPEC_ENV_FIELDS.has(accessor.text)) return null;
  for (const path of node.descendantsOfType('scoped_identifier')) {
    const id = path ? lastSegment(path) : undefined;
    if (id && typeof scope.envById[id] === 'string') return { value: scope.envById[id], literals: [] };
  }
  return null;
}

/** `"X".to_string()`, `String::from("X")`, `K.into()`. */
function resolveConversion(node: Node, scope: ConstScope, depth: number): ResolvedString | null {
  if (node.type !== 'call_expression') return null;
  const fn = node.childForFieldName('function');
  const args = node.childForFieldName('arguments');
  if (!fn) return null;
  if (fn.type === 'field_expression') {
    const method = fn.childForFieldName('field')?.text;
    const receiver = fn.childForFieldName('value');
    if (method && STRING_CONVERSIONS.has(method) && receiver && args?.namedChildCount === 0) {
      return resolveConstString(receiver, scope, depth + 1);
    }
    return null;
  }
  const segments = pathSegments(fn);
  if (segments.length >= 2 && segments[segments.length - 2] === 'String' && segments[segments.length - 1] === 'from') {
    const arg = args?.namedChild(0);
    return arg && args?.namedChildCount === 1 ? resolveConstString(arg, scope, depth + 1) : null;
  }
  return null;
}

/** Every string `const`/`static` of a file, for the crate-wide constant table. */
export function constantsOfTree(fileConsts: Map<string, Node>): Record<string, string> {
  const scope: ConstScope = { fileConsts, projectConstants: {}, envById: {} };
  const result: Record<string, string> = {};
  for (const [name, value] of fileConsts) {
    const resolved = resolveConstString(value, scope);
    if (resolved && looksLikeEnvName(resolved.value)) result[name] = resolved.value;
  }
  return result;
}

/**
 * Only env-name-shaped values leave the file: a constant may hold a real credential, and these
 * tables travel between workers. `AKIA…`-style ids (long, no underscore) are kept back too.
 * Leading underscores are allowed: a program's private marker variables are often spelled so
 * (mistral.rs's `IS_DAEMON_FLAG = "__MISTRALRS_DAEMON_INTERNAL"`, read in six other files).
 */
function looksLikeEnvName(value: string): boolean {
  if (!/^_*[A-Z][A-Z0-9_]*$/.test(value)) return false;
  return value.includes('_') || value.length <= 16;
}

