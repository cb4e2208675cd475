// Refines a Rust file's env reads: a key one step away (a private fn's or a closure's parameter
// resolved through its call sites, a loop or iterator over a literal array) becomes reads of
// those names where they are decided; an enumeration says what it is for (scrubbing a child's
// environment, a prefix filter, `Command::envs` inheritance); a test's read of a variable it
// also sets or removes is a save for restore (`swap_env`). Only what stays unknown is dynamic.
import type { Node } from 'web-tree-sitter';
import type { EnvReadFact, FrontEndOptions, Range } from '../../core/facts.js';
import { resolveConstString, type ConstScope } from './constants.js';
import { constantName, type EnvReadMatch } from './env-reads.js';
import type { SiteRecord } from './syntax-index.js';
import { lastSegment, pathSegments, stringLiteralValue } from './syntax.js';
import { compareCodeUnits } from '../../core/compare.js';
import { TextOccurrences } from './word-scan.js';

export interface RustReadRecord {
  read: EnvReadMatch;
  inTest: boolean;
}

export interface RefineInput {
  reads: RustReadRecord[];
  calls: SiteRecord[];
  /** The constant scope for code inside `enclosingFunction` (its `let` bindings). */
  constScope(enclosingFunction: Node | null): ConstScope;
  rangeOf(node: Node): Range;
  /** Helpers of other files whose parameter is an env key (second pass, see FrontEndOptions.envKeyHelpers). */
  helpers?: FrontEndOptions['envKeyHelpers'];
  /** The parsed text: a call whose text does not spell a name cannot be a call of it (checked before any child node is read). */
  text?: string;
  /** Where words occur in `text` (shared with the caller, which tests calls for words too). */
  occurrences?: TextOccurrences;
}

const occurrencesOfInput = new WeakMap<RefineInput, TextOccurrences>();

function occurrencesOf(input: RefineInput & { text: string }): TextOccurrences {
  let occurrences = input.occurrences ?? occurrencesOfInput.get(input);
  if (!occurrences) occurrencesOfInput.set(input, (occurrences = new TextOccurrences(input.text)));
  return occurrences;
}

/** Some of `names` occurs in the call's text (always true without the text). */
function callSpells(input: RefineInput, call: Node, names: readonly string[]): boolean {
  if (input.text === undefined) return true;
  return occurrencesOf(input as RefineInput & { text: string }).spellsAny(names, call.startIndex, () => call.endIndex);
}

type Patch = Partial<Pick<EnvReadFact, 'access' | 'via' | 'enumeration' | 'keyParam'>>;
type Binder = { kind: 'list'; elements: Node[] } | { kind: 'param'; fn: Node; index: number; name: string; list: boolean };

const ITERATOR_ADAPTERS = new Set(['iter', 'into_iter', 'copied', 'cloned']);
const ELEMENT_CLOSURE_METHODS = new Set(['map', 'filter_map', 'for_each', 'find', 'find_map', 'any', 'all', 'filter', 'flat_map', 'inspect']);
const WRITING_FUNCTIONS = new Set(['set_var', 'remove_var', 'with_var', 'with_var_unset']);
const REMOVING_METHODS = new Set(['env_remove', 'remove_var', 'remove']);

export function refineRustEnvReads(input: RefineInput): RustReadRecord[] {
  const writes = collectWrites(input);
  // `set_var("X", v)` / `remove_var("X")`: not reads, but facts, so lifecycle rules see the name (and its literal is not a plain mention).
  const out: RustReadRecord[] = [...writes.facts];
  const deferred = new Map<number, Array<{ record: RustReadRecord; binder: Extract<Binder, { kind: 'param' }> }>>();
  for (const record of input.reads) {
    const { read } = record;
    if (read.enumerates) {
      const patch = classifyEnumeration(read.node, record.inTest);
      out.push(patch ? withPatch(record, patch) : record);
      continue;
    }
    const key = read.name === null && !read.compileTime && read.node.type === 'call_expression' ? keyArgument(read.node) : null;
    const binder = key ? binderOf(key, input) : null;
    if (!binder) out.push(record);
    else if (binder.kind === 'list') out.push(...listReads(record, binder.elements, input));
    else deferred.set(binder.fn.id, [...(deferred.get(binder.fn.id) ?? []), { record, binder }]);
  }
  let pending = [...deferred.values()];
  const foreign = foreignHelperReads(input);
  // A call whose argument is itself a parameter of the enclosing fn moves one step further out
  // (`pub fn env_ms(name) { env_u64(name) }`), a few steps at most.
  for (let depth = 0; depth < 3; depth++) {
    const next = new Map<number, Array<{ record: RustReadRecord; binder: Extract<Binder, { kind: 'param' }> }>>();
    const produced: RustReadRecord[] = depth === 0 ? [...foreign] : [];
    for (const entries of pending) {
      // A helper that saves the variable it then sets (`swap_env`) saves it for each caller too.
      const saves = entries.every((e) => isSavedForRestore(e.record, writes));
      const resolved = resolveHelper(entries, input);
      produced.push(...(saves ? resolved.map((r) => withPatch(r, { access: 'snapshot' })) : resolved));
    }
    for (const record of produced) {
      const chained = record.read.name === null && !record.read.extra?.access && !isSavedForRestore(record, writes) && record.read.keyNode && depth < 2 ? binderOf(record.read.keyNode, input) : null;
      if (chained?.kind === 'param') next.set(chained.fn.id, [...(next.get(chained.fn.id) ?? []), { record, binder: chained }]);
      // `for var in TOOL_DIRS { push_paths(&mut out, var) }`: the helper reads each name of the list (mistral.rs's sandbox).
      else if (chained?.kind === 'list') out.push(...listReads(record, chained.elements, input));
      else out.push(record);
    }
    pending = [...next.values()];
    if (pending.length === 0) break;
  }
  for (const entries of pending) out.push(...entries.map((e) => e.record));
  return out.map((record) => (isSavedForRestore(record, writes) ? withPatch(record, { access: 'snapshot' }) : record));
}

function withPatch(record: RustReadRecord, patch: Patch): RustReadRecord {
  return { ...record, read: { ...record.read, extra: { ...record.read.extra, ...patch } } };
}

/** `env::var(k)`, `env::var(&k)`, `env::var(k.as_str())`: the key expression. */
function keyArgument(call: Node): Node | null {
  let node = call.childForFieldName('arguments')?.namedChild(0) ?? null;
  for (let i = 0; node && i < 4; i++) {
    if (node.type === 'reference_expression' || node.type === 'parenthesized_expression') node = node.childForFieldName('value') ?? node.namedChild(0);
    else if (node.type === 'call_expression' && node.childForFieldName('function')?.type === 'field_expression' && ['as_str', 'as_ref', 'clone'].includes(node.childForFieldName('function')!.childForFieldName('field')?.text ?? '')) {
      node = node.childForFieldName('function')!.childForFieldName('value');
    } else break;
  }
  return node?.type === 'identifier' ? node : null;
}

function binderOf(key: Node, input: RefineInput): Binder | null {
  let name = key.text;
  let child: Node = key;
  for (let p = key.parent; p; child = p, p = p.parent) {
    // `if let Some(env_var) = custom_env_var { env::var(env_var) }`: the key is the Option's
    // content (goose's `new_with_context_env`); call sites pass `Some("NAME")` (unwrapped there).
    if (p.type === 'if_expression' && p.childForFieldName('consequence')?.id === child.id) {
      const unwrapped = someBindingSource(p.childForFieldName('condition'), name);
      if (unwrapped) name = unwrapped;
      continue;
    }
    if (p.type === 'for_expression' && p.childForFieldName('body')?.id === child.id && patternBinds(p.childForFieldName('pattern'), name)) {
      return listOf(p.childForFieldName('value'), key, input);
    }
    if (p.type === 'closure_expression') {
      const index = closureParamIndex(p, name);
      if (index < 0) continue;
      // `["A", "B"].iter().map(|k| env::var(k))`
      const list = index === 0 ? closureList(p, key, input) : null;
      if (list) return list;
      // `let get = |k: &str| env::var(k);` called as `get("A")`.
      const holder = p.parent;
      const letName = holder?.type === 'let_declaration' ? holder.childForFieldName('pattern') : null;
      return letName?.type === 'identifier' ? { kind: 'param', fn: p, index, name: letName.text, list: false } : null;
    }
    if (p.type === 'function_item') {
      const params = p.childForFieldName('parameters')?.namedChildren.filter((c) => c.type === 'parameter') ?? [];
      const index = params.findIndex((param) => param.childForFieldName('pattern')?.text === name);
      const fnName = p.childForFieldName('name')?.text;
      return index >= 0 && fnName ? { kind: 'param', fn: p, index, name: fnName, list: false } : null;
    }
  }
  return null;
}

/** `let Some(name) = source` (an if-let condition binding `name`): the identifier `source`, else null. */
function someBindingSource(condition: Node | null, name: string): string | null {
  if (condition?.type !== 'let_condition') return null;
  const pattern = condition.childForFieldName('pattern');
  const value = condition.childForFieldName('value');
  if (pattern?.type !== 'tuple_struct_pattern' || value?.type !== 'identifier') return null;
  if (pattern.childForFieldName('type')?.text !== 'Some') return null;
  const bound = pattern.namedChildren.filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment');
  return bound.length === 2 && patternBinds(bound[1]!, name) ? value.text : null;
}

/** `Some(x)` -> x, `None` -> null (no value: nothing is read), anything else as it is. */
function unwrapOption(argument: Node): Node | null | undefined {
  if (argument.type === 'identifier' && argument.text === 'None') return null;
  if (argument.type !== 'call_expression' || argument.childForFieldName('function')?.text !== 'Some') return argument;
  const inner = argument.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment') ?? [];
  return inner.length === 1 ? inner[0] : undefined;
}

function patternBinds(pattern: Node | null, name: string): boolean {
  if (!pattern) return false;
  if (pattern.type === 'identifier') return pattern.text === name;
  if (pattern.type === 'reference_pattern') return patternBinds(pattern.namedChild(0), name);
  if (pattern.type === 'tuple_pattern') return patternBinds(pattern.namedChild(0), name);
  return false;
}

function closureParamIndex(closure: Node, name: string): number {
  const params = closure.childForFieldName('parameters')?.namedChildren ?? [];
  return params.findIndex((param) => {
    const pattern = param.type === 'parameter' ? param.childForFieldName('pattern') : param;
    return patternBinds(pattern, name);
  });
}

/** The closure is the argument of `.map(...)` (etc.) on an iterator over a literal array. */
function closureList(closure: Node, key: Node, input: RefineInput): Binder | null {
  const call = closure.parent?.parent;
  const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
  if (fn?.type !== 'field_expression' || !ELEMENT_CLOSURE_METHODS.has(fn.childForFieldName('field')?.text ?? '')) return null;
  return listOf(fn.childForFieldName('value'), key, input);
}

/** `["A", "B"]`, `&[..]`, `vec![..]`, `X.iter()`, a `let`/`const` bound to one, or a parameter of the enclosing fn (a slice passed in). */
function listOf(expression: Node | null, key: Node, input: RefineInput, depth = 0): Binder | null {
  if (!expression || depth > 6) return null;
  switch (expression.type) {
    case 'array_expression':
      return { kind: 'list', elements: expression.namedChildren.filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment') };
    case 'reference_expression':
    case 'parenthesized_expression':
      return listOf(expression.childForFieldName('value') ?? expression.namedChild(0), key, input, depth + 1);
    case 'macro_invocation': {
      if (lastSegment(expression.childForFieldName('macro') ?? expression) !== 'vec') return null;
      const tree = expression.namedChildren.find((c) => c.type === 'token_tree');
      return tree ? { kind: 'list', elements: tree.namedChildren.filter((c) => c.type === 'string_literal' || c.type === 'identifier' || c.type === 'raw_string_literal') } : null;
    }
    case 'call_expression': {
      const fn = expression.childForFieldName('function');
      if (fn?.type === 'field_expression' && ITERATOR_ADAPTERS.has(fn.childForFieldName('field')?.text ?? '')) return listOf(fn.childForFieldName('value'), key, input, depth + 1);
      // `provider.required_env()`: a method of this file returning a literal list per `match` arm.
      if (fn?.type === 'field_expression' && (expression.childForFieldName('arguments')?.namedChildren.length ?? 0) === 0) {
        return methodReturnedList(fn.childForFieldName('field')?.text ?? '', expression, key, input, depth);
      }
      return null;
    }
    case 'identifier': {
      const fn = enclosingFunction(key);
      // A parameter of the enclosing fn: the call sites pass the list.
      if (fn?.type === 'function_item') {
        const params = fn.childForFieldName('parameters')?.namedChildren.filter((c) => c.type === 'parameter') ?? [];
        const index = params.findIndex((param) => param.childForFieldName('pattern')?.text === expression.text);
        const fnName = fn.childForFieldName('name')?.text;
        if (index >= 0 && fnName) return { kind: 'param', fn, index, name: fnName, list: true };
      }
      const value = letValue(expression, fn) ?? input.constScope(null).fileConsts.get(expression.text) ?? null;
      return value ? listOf(value, key, input, depth + 1) : null;
    }
    default:
      return null;
  }
}

function enclosingFunction(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_item') return p;
  return null;
}

/**
 * The names a no-argument method of this file returns when its body ends in a literal list, or a
 * `match` whose every arm is one (goose's test `ProviderType::required_env`): their union. One
 * method of that name in the file, or none is assumed (another type's method may share it).
 */
function methodReturnedList(method: string, call: Node, key: Node, input: RefineInput, depth: number): Binder | null {
  if (method === '' || depth > 4) return null;
  const candidates = call.tree.rootNode.descendantsOfType('function_item').filter((fn): fn is Node => !!fn && fn.childForFieldName('name')?.text === method);
  if (candidates.length !== 1) return null;
  const fn = candidates[0]!;
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  if (params.some((param) => param.type === 'parameter')) return null;
  const statements = fn.childForFieldName('body')?.namedChildren.filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment') ?? [];
  let tail: Node | null = statements[statements.length - 1] ?? null;
  if (tail?.type === 'expression_statement' && tail.text.trimEnd().endsWith(';')) return null;
  if (tail?.type === 'expression_statement') tail = tail.namedChild(0);
  if (!tail) return null;
  const values: Array<Node | null> = tail.type === 'match_expression' ? (tail.childForFieldName('body')?.namedChildren.filter((c) => c.type === 'match_arm').map((arm) => arm.childForFieldName('value')) ?? []) : [tail];
  const elements: Node[] = [];
  for (const value of values) {
    const list = listOf(value, key, input, depth + 1);
    if (list?.kind !== 'list') return null;
    elements.push(...list.elements);
  }
  return values.length > 0 ? { kind: 'list', elements } : null;
}

/** `let keys = [..];` earlier in the function. */
function letValue(identifier: Node, fn: Node | null): Node | null {
  if (!fn) return null;
  let value: Node | null = null;
  for (const declaration of fn.descendantsOfType('let_declaration')) {
    if (!declaration || declaration.startIndex >= identifier.startIndex) continue;
    const pattern = declaration.childForFieldName('pattern');
    if (pattern?.type === 'identifier' && pattern.text === identifier.text) value = declaration.childForFieldName('value');
  }
  return value;
}

function listReads(record: RustReadRecord, elements: Node[], input: RefineInput): RustReadRecord[] {
  const out: RustReadRecord[] = [];
  const via = { kind: 'loop' as const, range: input.rangeOf(record.read.node) };
  const scope = input.constScope(enclosingFunction(record.read.node));
  let unknown = elements.length === 0;
  for (const element of elements) {
    const resolved = resolveConstString(element, scope);
    const constRef = resolved ? undefined : constRefOf(element);
    if (!resolved && !constRef) {
      unknown = true;
      continue;
    }
    out.push({ inTest: record.inTest, read: { api: `${record.read.api} in a loop over a literal list`, name: resolved?.value ?? null, node: element, literals: resolved?.literals ?? [], extra: { via }, ...(constRef ? { constRef } : {}) } });
  }
  if (unknown) out.push(record);
  return out;
}

/**
 * Call sites of a helper in this file: a constant argument is a read of that name at the call
 * site, anything else a dynamic read there. A `pub` fn keeps its own read, marked `keyParam`, for
 * the engine to find callers in other files; a private one keeps it only when its callers cannot
 * all be seen (none found, or the fn is passed around as a value).
 */
function resolveHelper(entries: Array<{ record: RustReadRecord; binder: Extract<Binder, { kind: 'param' }> }>, input: RefineInput): RustReadRecord[] {
  const { fn, name } = entries[0].binder;
  const sites = input.calls.filter((site) => callSpells(input, site.node, [name]) && isCallOf(site.node, name, fn));
  const out: RustReadRecord[] = [];
  for (const site of sites) {
    const emitted = new Set<string>();
    for (const { record, binder } of entries) {
      const via = { kind: 'call' as const, function: name, range: input.rangeOf(record.read.node) };
      for (const read of callSiteReads(site, binder.index, binder.list, record.read.api, name, via, input)) {
        const key = `${read.read.name}\0${read.read.node.id}`;
        if (emitted.has(key)) continue;
        emitted.add(key);
        out.push(read);
      }
    }
  }
  const exported = isPublic(fn) ? (isFreeFunction(fn) ? name : associatedPath(fn, name)) : null;
  if (exported !== null) {
    out.push(...entries.map(({ record, binder }) => withPatch(record, { keyParam: { function: exported, index: binder.index, ...(binder.list ? { list: true } : {}) } })));
  } else if (isPublic(fn) || sites.length === 0 || usedAsValue(fn, name)) {
    out.push(...entries.map((e) => e.record));
  }
  return out;
}

/** The reads one call site makes through a helper: each constant key, or one dynamic read. */
function callSiteReads(site: SiteRecord, index: number, list: boolean, api: string, name: string, via: NonNullable<EnvReadFact['via']>, input: RefineInput): RustReadRecord[] {
  const args = site.node.childForFieldName('arguments')?.namedChildren.filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment') ?? [];
  const given = args[index];
  // An `Option` key parameter: `Some("NAME")` names it, `None` reads nothing.
  const unwrapped = given ? unwrapOption(given) : undefined;
  if (unwrapped === null) return [];
  const argument = unwrapped ?? given;
  const scope = input.constScope(site.enclosingFunction);
  const through = `${api} through ${name}()`;
  const dynamic: RustReadRecord = { inTest: site.inTest, read: { api: through, name: null, node: site.node, literals: [], extra: { via }, ...(argument ? { keyNode: unwrapKey(argument) } : {}) } };
  if (!argument) return [dynamic];
  if (list) {
    const elements = listOf(argument, argument, input);
    if (elements?.kind !== 'list') return [dynamic];
    const out: RustReadRecord[] = [];
    let unknown = false;
    for (const element of elements.elements) {
      const resolved = resolveConstString(element, scope);
      const constRef = resolved ? undefined : constRefOf(element);
      if (resolved) out.push({ inTest: site.inTest, read: { api: through, name: resolved.value, node: element, literals: resolved.literals, extra: { via } } });
      else if (constRef) out.push({ inTest: site.inTest, read: { api: through, name: null, node: element, literals: [], extra: { via }, constRef } });
      else unknown = true;
    }
    return unknown ? [...out, dynamic] : out;
  }
  const resolved = resolveConstString(argument, scope);
  if (resolved) return [{ inTest: site.inTest, read: { api: through, name: resolved.value, node: site.node, literals: resolved.literals, extra: { via } } }];
  // A constant of another module (`read_dir(DIR_ENV)` with `use crate::names::DIR_ENV`): resolved
  // across files by the engine, as for `std::env::var(DIR_ENV)` (src/core/const-refs.ts).
  const constRef = constRefOf(argument);
  return [constRef ? { ...dynamic, read: { ...dynamic.read, constRef } } : dynamic];
}

/** A constant's name this file cannot resolve (imported, or computed by a const expression), for the engine: `constRef`. */
function constRefOf(node: Node): { identifier: string } | undefined {
  const name = constantName(node, enclosingFunction(node));
  return name ? { identifier: name } : undefined;
}

/** Calls of helpers defined in other files (FrontEndOptions.envKeyHelpers) that this file does not define itself. */
function foreignHelperReads(input: RefineInput): RustReadRecord[] {
  const helpers = (input.helpers ?? []).filter((h) => h.language === 'rust');
  if (helpers.length === 0 || input.calls.length === 0) return [];
  // Keyed by the fn's own name; an associated fn (`Type::name`) is matched on its type too, below.
  const byName = new Map<string, typeof helpers>();
  for (const helper of helpers) {
    const own = helper.function.split('::').pop()!;
    byName.set(own, [...(byName.get(own) ?? []), helper]);
  }
  // One look at each call's name first: most files call none of the helpers, and need no tree walk.
  const matches: Array<{ site: SiteRecord; helpers: typeof helpers }> = [];
  // Only the names the text holds at all can be spelled by one of its calls.
  const names = input.text === undefined ? [...byName.keys()] : [...byName.keys()].filter((name) => occurrencesOf(input as RefineInput & { text: string }).includes(name));
  if (names.length === 0) return [];
  for (const site of input.calls) {
    if (!callSpells(input, site.node, names)) continue;
    const callee = site.node.childForFieldName('function');
    if (!callee || callee.type === 'field_expression') continue;
    const segments = pathSegments(callee);
    const named = byName.get(lastSegment(callee) ?? '')?.filter((helper) => {
      const parts = helper.function.split('::');
      return parts.length === 1 || (segments.length >= 2 && segments[segments.length - 2] === parts[parts.length - 2]);
    });
    if (named && named.length > 0) matches.push({ site, helpers: named });
  }
  if (matches.length === 0) return [];
  const root = input.calls[0].node.tree.rootNode;
  // Names this file defines or binds itself (a fn, a `let` closure) are not the other file's helper.
  const defined = new Set<string | undefined>();
  for (const fn of root.descendantsOfType('function_item')) {
    const name = fn?.childForFieldName('name')?.text;
    if (!fn || !name) continue;
    defined.add(name);
    const type = inherentImplType(fn);
    if (type !== null) defined.add(`${type}::${name}`); // the associated fn's own file resolves its calls itself
  }
  for (const declaration of root.descendantsOfType('let_declaration')) {
    const pattern = declaration?.childForFieldName('pattern');
    if (pattern?.type === 'identifier') defined.add(pattern.text);
  }
  const out: RustReadRecord[] = [];
  for (const helper of helpers) {
    if (defined.has(helper.function)) continue;
    for (const match of matches) {
      if (!match.helpers.includes(helper)) continue;
      const { site } = match;
      const via = { kind: 'call' as const, function: helper.function, range: input.rangeOf(site.node) };
      out.push(...callSiteReads(site, helper.index, helper.list === true, helper.api, helper.function, via, input));
    }
  }
  return out;
}

/** The fn's name appears other than as a callee or its own name (`.map(read_env)`, stored in a table). */
function usedAsValue(fn: Node, name: string): boolean {
  if (fn.type !== 'function_item') return false;
  for (const id of fn.tree.rootNode.descendantsOfType('identifier')) {
    if (!id || id.text !== name || id.id === fn.childForFieldName('name')?.id) continue;
    const parent = id.parent;
    const isCallee = parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === id.id;
    const isPathCallee = parent?.type === 'scoped_identifier' && parent.parent?.type === 'call_expression';
    const isMethodName = parent?.type === 'field_expression';
    if (!isCallee && !isPathCallee && !isMethodName) return true;
  }
  return false;
}

/** `name(..)`, `Self::name(..)`, `self.name(..)`; not the fn's own recursive calls' definition. */
function isCallOf(call: Node, name: string, fn: Node): boolean {
  if (call.startIndex >= fn.startIndex && call.endIndex <= fn.endIndex && fn.type === 'closure_expression') return false;
  const callee = call.childForFieldName('function');
  if (!callee) return false;
  if (callee.type === 'field_expression') return callee.childForFieldName('field')?.text === name && callee.childForFieldName('value')?.text === 'self';
  const segments = pathSegments(callee);
  if (segments.length === 1) return segments[0] === name;
  return segments.length === 2 && (segments[0] === 'Self' || segments[0] === 'self' || segments[0] === inherentImplType(fn)) && segments[1] === name;
}

/**
 * `Type::name` for an associated fn without `self` in an inherent `impl Type` block (goose's
 * `ModelConfig::new_with_context_env`): other files call it by that path, with the same argument
 * positions as a free fn. Null for methods, trait impls and generic or qualified impl types.
 */
function associatedPath(fn: Node, name: string): string | null {
  const type = inherentImplType(fn);
  if (type === null) return null;
  const params = fn.childForFieldName('parameters')?.namedChildren ?? [];
  return params.some((param) => param.type === 'self_parameter') ? null : `${type}::${name}`;
}

function inherentImplType(fn: Node): string | null {
  const block = fn.parent;
  const impl = block?.type === 'declaration_list' ? block.parent : null;
  if (impl?.type !== 'impl_item' || impl.childForFieldName('trait')) return null;
  const type = impl.childForFieldName('type');
  return type?.type === 'type_identifier' ? type.text : null;
}

/** A fn outside `impl`/`trait` blocks: other files can call it by its bare or path name. */
function isFreeFunction(fn: Node): boolean {
  for (let p = fn.parent; p; p = p.parent) if (p.type === 'impl_item' || p.type === 'trait_item') return false;
  return fn.type === 'function_item';
}

/** `&key`, `key.as_ref()`, `(key)` -> `key`. */
function unwrapKey(node: Node): Node {
  let current = node;
  for (let i = 0; i < 4; i++) {
    if (current.type === 'reference_expression' || current.type === 'parenthesized_expression') current = current.childForFieldName('value') ?? current.namedChild(0) ?? current;
    else if (current.type === 'call_expression' && current.childForFieldName('function')?.type === 'field_expression' && ['as_str', 'as_ref', 'clone', 'to_string'].includes(current.childForFieldName('function')!.childForFieldName('field')?.text ?? '')) {
      current = current.childForFieldName('function')!.childForFieldName('value') ?? current;
    } else break;
  }
  return current;
}

/** `pub fn` (any `pub(...)`): callers may live in other files. A closure bound by `let` is local. */
function isPublic(fn: Node): boolean {
  return fn.type === 'function_item' && fn.namedChildren.some((c) => c.type === 'visibility_modifier');
}

interface Writes {
  /** One fact per write of a constant name (`access: write | delete`). */
  facts: RustReadRecord[];
  names: Set<string>;
  /** Enclosing function id -> key expression texts written there. */
  keys: Map<number, Set<string>>;
}

/** `set_var(K, v)`, `remove_var(K)` (and `temp_env::with_var`): names and key texts written. */
function collectWrites(input: RefineInput): Writes {
  const writes: Writes = { facts: [], names: new Set(), keys: new Map() };
  const writers = [...WRITING_FUNCTIONS];
  if (input.text !== undefined && !writers.some((name) => input.text!.includes(name))) return writes;
  for (const site of input.calls) {
    if (!callSpells(input, site.node, writers)) continue;
    const callee = site.node.childForFieldName('function');
    if (!callee || callee.type === 'field_expression') continue;
    if (!WRITING_FUNCTIONS.has(lastSegment(callee) ?? '')) continue;
    const first = site.node.childForFieldName('arguments')?.namedChild(0);
    if (!first) continue;
    const resolved = resolveConstString(first, input.constScope(site.enclosingFunction));
    if (resolved) {
      writes.names.add(resolved.value);
      const fn = lastSegment(callee) ?? '';
      const access = fn === 'remove_var' || fn === 'with_var_unset' ? ('delete' as const) : ('write' as const);
      writes.facts.push({ inTest: site.inTest, read: { api: `std::env::${fn}`, name: resolved.value, node: site.node, literals: resolved.literals, extra: { access } } });
    }
    const key = keyText(first);
    const fnId = enclosingFunction(site.node)?.id ?? -1;
    const set = writes.keys.get(fnId) ?? new Set<string>();
    set.add(key);
    writes.keys.set(fnId, set);
  }
  return writes;
}

function keyText(node: Node): string {
  return node.type === 'reference_expression' ? keyText(node.childForFieldName('value') ?? node) : node.text;
}

/** In test code, reading a variable the same test sets or removes saves it to put it back. */
function isSavedForRestore(record: RustReadRecord, writes: Writes): boolean {
  const { read } = record;
  if (read.enumerates || read.compileTime || read.extra?.access) return false;
  // A named variable the test also sets: saved to be put back (test code only: production code
  // that reads a secret and then clears it still reads it).
  if (record.inTest && read.name !== null && writes.names.has(read.name)) return true;
  // An unknown key the same function also writes (`prev = var(key); set_var(key, v)`): a save.
  const key = read.keyNode ?? (read.node.type === 'call_expression' ? read.node.childForFieldName('arguments')?.namedChild(0) : null);
  const fnId = enclosingFunction(read.node)?.id ?? -1;
  return (record.inTest || read.name === null) && !!key && (writes.keys.get(fnId)?.has(keyText(key)) ?? false);
}

/** What `env::vars()` at `call` is for. */
function classifyEnumeration(call: Node, inTest: boolean): Patch | null {
  let node = call;
  let prefixes: string[] | null = null;
  for (let steps = 0; steps < 12; steps++) {
    const parent = node.parent;
    if (!parent) return null;
    if (parent.type === 'for_expression' && parent.childForFieldName('value')?.id === node.id) {
      const pattern = parent.childForFieldName('pattern');
      const body = parent.childForFieldName('body');
      const key = pattern ? tupleName(pattern, 0) : null;
      const value = pattern ? tupleName(pattern, 1) : null;
      if (key && body && scrubs(body, key, value)) return { enumeration: { use: 'scrub' } };
      const guard = key && body ? guardPrefixes(body, key) : null;
      return filterPatch(prefixes ?? guard);
    }
    if (parent.type === 'field_expression' && parent.childForFieldName('value')?.id === node.id) {
      const method = parent.childForFieldName('field')?.text ?? '';
      const methodCall = parent.parent;
      if (methodCall?.type !== 'call_expression') return filterPatch(prefixes);
      const closure = methodCall.childForFieldName('arguments')?.namedChildren.find((c) => c.type === 'closure_expression') ?? null;
      if (method === 'filter' && closure) prefixes ??= closurePrefixes(closure);
      else if (method === 'for_each' && closure) {
        const body = closure.childForFieldName('body');
        const params = closure.childForFieldName('parameters')?.namedChild(0) ?? null;
        const key = params ? tupleName(params.type === 'parameter' ? params.childForFieldName('pattern')! : params, 0) : null;
        const value = params ? tupleName(params.type === 'parameter' ? params.childForFieldName('pattern')! : params, 1) : null;
        return key && body && scrubs(body, key, value) ? { enumeration: { use: 'scrub' } } : filterPatch(prefixes);
      } else if (!['map', 'filter_map', 'collect', 'into_iter', 'iter'].includes(method)) return filterPatch(prefixes);
      node = methodCall;
      continue;
    }
    if (parent.type === 'arguments') {
      const outer = parent.parent;
      const fn = outer?.childForFieldName('function');
      // `Command::new(x).envs(std::env::vars())`: the child inherits, as it would anyway.
      if (fn?.type === 'field_expression' && fn.childForFieldName('field')?.text === 'envs') return { enumeration: { use: 'child-process', target: 'Command::envs' } };
      return filterPatch(prefixes);
    }
    if (parent.type === 'let_declaration' && inTest && !prefixes) return { access: 'snapshot' };
    if (parent.type === 'let_declaration' && !prefixes && parent.childForFieldName('value')?.id === node.id && handedToOwnChildOnly(parent)) return { enumeration: { use: 'child-process', target: 'Command::envs' } };
    return filterPatch(prefixes);
  }
  return null;
}

/** Methods that only edit a collected environment in place (`envs.retain(…)`, `envs.push(…)`). */
const EDITING_METHODS = new Set(['retain', 'push', 'extend', 'insert', 'remove', 'sort', 'sort_by', 'dedup', 'dedup_by_key', 'truncate', 'reserve']);

/**
 * `let mut envs: Vec<_> = env::vars_os().collect();`, edited in place, then given to
 * `Command::new(…).envs(envs)` (text-generation-inference's launcher): the child gets the
 * environment it would inherit, with the changes. Every later use of the name in the function
 * must be such an edit or that hand-over, and at least one the hand-over.
 */
function handedToOwnChildOnly(declaration: Node): boolean {
  const pattern = declaration.childForFieldName('pattern');
  const name = pattern?.type === 'mut_pattern' ? pattern.namedChild(0)?.text : pattern?.type === 'identifier' ? pattern.text : undefined;
  const fn = enclosingFunction(declaration);
  if (!name || !fn) return false;
  let handed = false;
  for (const use of fn.descendantsOfType('identifier')) {
    if (!use || use.text !== name || use.startIndex < declaration.endIndex) continue;
    let value: Node = use;
    while (value.parent?.type === 'reference_expression') value = value.parent;
    const parent = value.parent;
    if (parent?.type === 'field_expression' && parent.childForFieldName('value')?.id === value.id && EDITING_METHODS.has(parent.childForFieldName('field')?.text ?? '') && parent.parent?.type === 'call_expression') continue;
    const call = parent?.type === 'arguments' ? parent.parent : null;
    const callee = call?.childForFieldName('function');
    if (callee?.type === 'field_expression' && callee.childForFieldName('field')?.text === 'envs' && parent!.namedChildren.length === 1) {
      handed = true;
      continue;
    }
    return false;
  }
  return handed;
}

function filterPatch(prefixes: string[] | null): Patch | null {
  return prefixes && prefixes.length > 0 ? { enumeration: { use: 'filter', prefixes: [...new Set(prefixes)].sort(compareCodeUnits) } } : null;
}

/** `(k, v)` -> `k` at 0, `v` at 1; `k` alone at 0. `_` -> `_`. */
function tupleName(pattern: Node, index: number): string | null {
  let node: Node | null = pattern;
  if (node.type === 'reference_pattern') node = node.namedChild(0);
  if (!node) return null;
  if (node.type === 'tuple_pattern') {
    const item = node.namedChildren[index];
    return item ? (item.type === 'identifier' ? item.text : item.text === '_' ? '_' : null) : null;
  }
  if (node.type === 'identifier' && index === 0) return node.text;
  return null;
}

/** The body removes the key (`cmd.env_remove(&k)`, `remove_var(&k)`) and never uses the value. */
function scrubs(body: Node, key: string, value: string | null): boolean {
  if (value !== null && value !== '_' && !value.startsWith('_') && body.descendantsOfType('identifier').some((id) => id?.text === value)) return false;
  return body.descendantsOfType('call_expression').some((call) => {
    const fn = call?.childForFieldName('function');
    const method = fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : fn ? lastSegment(fn) : undefined;
    const first = call?.childForFieldName('arguments')?.namedChild(0);
    return !!method && REMOVING_METHODS.has(method) && !!first && keyText(first) === key;
  });
}

/** `if k.starts_with("P") { .. }` as the whole loop body. */
function guardPrefixes(body: Node, key: string): string[] | null {
  const statements = body.namedChildren.filter((c) => c.type !== 'line_comment' && c.type !== 'block_comment');
  const only = statements.length === 1 ? (statements[0].type === 'expression_statement' ? statements[0].namedChild(0) : statements[0]) : null;
  if (only?.type !== 'if_expression' || only.childForFieldName('alternative')) return null;
  return prefixesOf(only.childForFieldName('condition'), key);
}

function closurePrefixes(closure: Node): string[] | null {
  const param = closure.childForFieldName('parameters')?.namedChild(0) ?? null;
  const pattern = param?.type === 'parameter' ? param.childForFieldName('pattern') : param;
  const key = pattern ? tupleName(pattern, 0) : null;
  const body = closure.childForFieldName('body');
  return key && body ? prefixesOf(body, key) : null;
}

function prefixesOf(condition: Node | null, key: string): string[] | null {
  if (!condition) return null;
  if (condition.type === 'parenthesized_expression' || condition.type === 'block') return prefixesOf(condition.namedChildren[condition.namedChildren.length - 1] ?? null, key);
  if (condition.type === 'binary_expression') {
    const operator = condition.childForFieldName('operator')?.text ?? condition.children[1]?.text;
    const left = prefixesOf(condition.childForFieldName('left'), key);
    const right = prefixesOf(condition.childForFieldName('right'), key);
    if (operator === '||') return left && right ? [...left, ...right] : null;
    if (operator === '&&') return left ?? right;
    return null;
  }
  if (condition.type !== 'call_expression') return null;
  const fn = condition.childForFieldName('function');
  if (fn?.type !== 'field_expression' || fn.childForFieldName('field')?.text !== 'starts_with') return null;
  const receiver = fn.childForFieldName('value');
  if (!receiver || keyText(receiver) !== key) return null;
  const argument = condition.childForFieldName('arguments')?.namedChild(0);
  const text = argument ? stringLiteralValue(argument) : null;
  return text ? [text] : null;
}
