// Collects a module's env reads and says what each one is: a read of a known name, a name one
// step away (a helper's parameter resolved through its call sites, a loop over a literal list),
// an enumeration and what it is for, or no read at all (a write, a delete, a value saved in a
// test only to be put back). Only what stays unknown is a dynamic read.
import type { Node } from 'web-tree-sitter';
import type { FrontEndOptions } from '../../core/facts.js';
import { classifyPythonEnumeration } from './env-enumerations.js';
import { ENV_READ_TYPES, envReadAt, isEnumeratedKey, type PythonEnvRead } from './env-reads.js';
import type { ModuleScope } from './module-scope.js';
import { restoreUnit, type RestoreUnit } from './restore-units.js';
import { callArguments, fieldOf, literalStringText, rangeOf } from './python-syntax.js';
import { COMPREHENSIONS, LITERAL_LISTS, literalList, literalLists } from './literal-lists.js';
import { isPresenceOnly } from './env-presence-only.js';
import { choiceOptions } from './key-choices.js';

/** Calls that set or remove one variable: `os.putenv(K, v)`, `monkeypatch.setenv(K, v)`, `os.environ.pop(K)`. */
const WRITING_CALLS = new Set(['os.putenv', 'os.unsetenv', 'os.environ.pop', 'os.environ.setdefault', 'os.environb.pop']);
const WRITING_METHODS = new Set(['setenv', 'delenv']);
/** Whole-environment saves and restores, as unittest set-up/tear-down hooks do them. */
const ENV_SNAPSHOT_CALLS = new Set(['os.environ.copy', 'os.environ.update', 'os.environ.clear']);

/** The node types `PythonEnvReads.visit` does something for (the rest need not be visited). */
export const ENV_COLLECTOR_TYPES: readonly string[] = ['call', 'subscript', 'delete_statement', 'assignment', ...ENV_READ_TYPES];

type Binder =
  | { kind: 'loop'; list: Node; position?: number; more?: Node[] }
  | { kind: 'choice'; options: Node[] }
  /** `rest`: the key is each argument the `*keys` parameter at `index` collects (`for key in keys:`). */
  | { kind: 'param'; fn: Node; index: number; name: string; method: boolean; rest?: boolean };

interface DeferredRead {
  read: PythonEnvRead;
  binder: Extract<Binder, { kind: 'param' }>;
}

export class PythonEnvReads {
  private readonly reads: PythonEnvRead[] = [];
  private readonly deferred: DeferredRead[] = [];
  private readonly calls: Node[] = [];
  /** Names set or removed per save/restore unit (see `restoreUnit`), per top-level class, and for the whole module. */
  private readonly writtenNames = new Map<string, Set<string>>();
  /** Top-level classes whose set-up/tear-down hooks write the environment: they manage it for every test method. */
  private readonly envManagingClasses = new Set<number>();
  /** Key expressions written per enclosing function (`swap_env(key)`-style helpers): function id -> key texts. */
  private readonly writtenKeys = new Map<number, Set<string>>();

  constructor(
    private readonly scope: ModuleScope,
    private readonly inTest: boolean,
    /** Helpers of other modules whose parameter is an env key (second pass). */
    private readonly helpers: NonNullable<FrontEndOptions['envKeyHelpers']> = [],
  ) {}

  /** Looks at one node of the module (only nodes of ENV_COLLECTOR_TYPES matter); `type` is `node.type`. */
  visit(node: Node, type = node.type): void {
    if (type === 'call') {
      this.calls.push(node);
      this.noteCallWrite(node);
    } else if (type === 'delete_statement' || type === 'assignment') {
      this.noteSubscriptWrite(node);
    }
    const read = envReadAt(node, this.scope, type);
    if (!read) return;
    if (read.enumerates) {
      const patch = classifyPythonEnumeration(read.classifyFrom ?? read.node, this.scope, this.inTest);
      this.reads.push(patch ? { ...read, extra: { ...read.extra, ...patch } } : read);
      return;
    }
    if (/\.pop$/.test(read.api) && read.node.parent?.type === 'expression_statement') {
      this.reads.push({ ...read, extra: { ...read.extra, access: 'delete' } });
      return;
    }
    // `os.environ.setdefault(k, v)` as a statement: set unless set (a `.env` loader), no value is read.
    if (/\.setdefault$/.test(read.api) && read.node.parent?.type === 'expression_statement') {
      if (read.name !== null) this.reads.push({ ...read, extra: { ...read.extra, access: 'write' } });
      return;
    }
    // `for k in os.environ: ... os.environ[k]`: part of the enumeration, judged there.
    if (read.name === null && read.keyNode && !read.enumerates && isEnumeratedKey(read.keyNode, this.scope)) return;
    const binder = read.name === null && read.keyNode ? binderOf(read.keyNode, this.scope) : null;
    if (binder?.kind === 'param') this.deferred.push({ read, binder });
    else if (binder?.kind === 'loop') for (const list of [binder.list, ...(binder.more ?? [])]) this.addLoopReads(read, list, binder.position);
    else if (binder?.kind === 'choice') this.addChoiceReads(read, binder.options);
    else this.reads.push(read);
  }

  /** All reads, with helpers resolved through their call sites and test saves marked. */
  finish(): PythonEnvRead[] {
    const byFunction = new Map<number, DeferredRead[]>();
    for (const entry of this.deferred) byFunction.set(entry.binder.fn.id, [...(byFunction.get(entry.binder.fn.id) ?? []), entry]);
    this.foreignHelperReads();
    for (const entries of byFunction.values()) {
      // A helper that saves the variable it then sets saves it for each caller too.
      const saves = entries.every((e) => this.isSavedForRestore(e.read));
      const before = this.reads.length;
      this.resolveHelper(entries);
      if (saves) for (let i = before; i < this.reads.length; i++) this.reads[i] = { ...this.reads[i], extra: { ...this.reads[i].extra, access: 'snapshot' } };
    }
    return this.reads.map((read) => (this.isSavedForRestore(read) ? { ...read, extra: { ...read.extra, access: 'snapshot' as const } } : read));
  }

  /** `position`: the loop unpacks each element (`for label, name in (("a", "A"), ...)`) and the key is its part at this index. */
  private addLoopReads(read: PythonEnvRead, list: Node, position?: number): void {
    const via = { kind: 'loop' as const, range: rangeOf(read.node) };
    let unknown = false;
    for (const listed of list.namedChildren) {
      if (listed.type === 'comment') continue;
      const element = position === undefined ? listed : LITERAL_LISTS.has(listed.type) ? (listed.namedChildren.filter((c) => c.type !== 'comment')[position] ?? null) : null;
      if (!element) {
        unknown = true;
        continue;
      }
      const name = this.scope.constString(element);
      // An imported constant in the list: a read of it, resolved across modules by the engine.
      if (name === null && this.scope.constRefOf(element)) this.reads.push({ name: null, api: `${read.api} in a loop over a literal list`, node: element, keyNode: element, extra: { via } });
      else if (name === null) unknown = true;
      else this.reads.push({ name, api: `${read.api} in a loop over a literal list`, node: element, keyNode: element, extra: { via } });
    }
    if (unknown) this.reads.push(read);
  }

  /** `v = "COMSPEC" if os.name == "nt" else "SHELL"; os.getenv(v)`: a read of each name the choice can give. */
  private addChoiceReads(read: PythonEnvRead, options: Node[]): void {
    const via = { kind: 'choice' as const, range: rangeOf(read.node) };
    for (const option of options) {
      const name = this.scope.constString(option);
      if (name !== null) this.reads.push({ name, api: `${read.api} with a name chosen between literals`, node: option, keyNode: option, extra: { via } });
    }
  }

  /**
   * A helper's call sites in this module: a constant argument is a read of that name at the call
   * site, anything else a dynamic read there. A public function keeps its own read, marked
   * `keyParam`, for the engine to find callers in other modules; a private one keeps it only when
   * its callers cannot all be seen (none found, or the name is passed around).
   */
  private resolveHelper(entries: DeferredRead[]): void {
    const { fn, name, method } = entries[0].binder;
    const sites = this.calls.filter((call) => isCallOf(call, fn, name, method));
    for (const site of sites) {
      const emitted = new Set<string>();
      for (const { read, binder } of entries) {
        const via = { kind: 'call' as const, function: name, range: rangeOf(read.node) };
        const reads = binder.rest
          ? this.restSiteReads(site, binder.index, read.api, name, via, isPresenceOnly(read.node))
          : this.callSiteReads(site, binder.index, parameterName(fn, binder.index, method), read.api, name, via, parameterDefault(fn, binder.index, method), isPresenceOnly(read.node));
        for (const found of reads) {
          const key = `${found.name}\0${found.node.id}`;
          if (emitted.has(key)) continue;
          emitted.add(key);
          this.reads.push(found);
        }
      }
    }
    const isPrivate = isPrivateHelper(fn, name, method);
    // A `*keys` helper's own read stays only when its callers cannot all be seen (other modules' calls are not followed for it).
    if (entries.some((entry) => entry.binder.rest)) {
      if (!isPrivate || sites.length === 0 || nameEscapes(fn, name, method)) for (const { read } of entries) this.reads.push(read);
      return;
    }
    if (!method && !isPrivate) {
      // The parameter's name too: other modules may pass it by keyword (`helper(api_key_env="X")`).
      for (const { read, binder } of entries) {
        const parameter = parameterName(fn, binder.index, method);
        this.reads.push({ ...read, extra: { ...read.extra, keyParam: { function: name, index: binder.index, ...(parameter ? { parameter } : {}) } } });
      }
    } else if (!isPrivate || sites.length === 0 || nameEscapes(fn, name, method)) {
      for (const { read } of entries) this.reads.push(read);
    }
  }

  /**
   * The read one call makes through a helper: the constant key, or a dynamic read at the call.
   * `fallback`: the parameter's default (`def bucket(env_var="AWS_S3_BUCKET_NAME")`), the name a
   * call that leaves the argument out reads (`bucket()`), unless a `*args`/`**kwargs` splat may supply it.
   */
  private callSiteReads(site: Node, index: number, keyword: string | undefined, api: string, name: string, via: NonNullable<PythonEnvRead['extra']>['via'], fallback?: Node | null, presence = false): PythonEnvRead[] {
    const args = callArguments(site);
    const given = args.positional[index] ?? args.keywords.get(keyword ?? '') ?? null;
    const argument = given ?? (fallback && args.splats.length === 0 ? fallback : null);
    // `helper(api_key_env=None)`: no name, no read (`os.getenv(None)` raises); the helper tests for it.
    if (argument?.type === 'none') return [];
    const value = argument ? this.scope.constString(argument) : null;
    const through = `${api} through ${name}()`;
    // A constant another module defines (`read_dir(DIR_ENV)`, `DIR_ENV` imported): the argument is
    // kept as the key, so the engine resolves it across modules as for `os.getenv(DIR_ENV)`.
    if (value === null && argument && this.scope.constRefOf(argument)) return [{ name: null, api: through, node: site, keyNode: argument, extra: { via } }];
    // A helper that only tests whether the variable is set (`bool(os.environ.get(name))`) exposes no value of an unknown name.
    if (value === null || !argument) return [{ name: null, api: through, node: site, extra: { via, ...(presence ? { presence: true as const } : {}) } }];
    return [{ name: value, api: through, node: site, keyNode: argument, extra: { via } }];
  }

  /** A `*keys` helper's call site: each constant argument from `index` on is a read of that name there; anything else a dynamic read. */
  private restSiteReads(site: Node, index: number, api: string, name: string, via: NonNullable<PythonEnvRead['extra']>['via'], presence: boolean): PythonEnvRead[] {
    const args = callArguments(site);
    const through = `${api} through ${name}()`;
    const reads: PythonEnvRead[] = [];
    let unknown = args.splats.length > 0;
    for (const argument of args.positional.slice(index)) {
      const value = this.scope.constString(argument);
      if (value === null) unknown = true;
      else reads.push({ name: value, api: through, node: argument, keyNode: argument, extra: { via } });
    }
    if (unknown) reads.push({ name: null, api: through, node: site, extra: { via, ...(presence ? { presence: true as const } : {}) } });
    return reads;
  }

  /** Calls of helpers other modules define (FrontEndOptions.envKeyHelpers), when this module does not define the name. */
  private foreignHelperReads(): void {
    const helpers = this.helpers.filter((h) => h.language === 'python');
    if (helpers.length === 0 || this.calls.length === 0) return;
    const defined = new Set(this.scope.nodes.of(['function_definition']).map((fn) => (fn ? fieldOf(fn, 'name') : null)?.text));
    for (const helper of helpers) {
      if (defined.has(helper.function)) continue;
      for (const call of this.calls) {
        const callee = fieldOf(call, 'function');
        const last = callee?.type === 'identifier' ? callee.text : callee?.type === 'attribute' ? fieldOf(callee, 'attribute')?.text : undefined;
        if (last !== helper.function) continue;
        const via = { kind: 'call' as const, function: helper.function, range: rangeOf(call) };
        this.reads.push(...this.callSiteReads(call, helper.index, helper.parameter, helper.api, helper.function, via, undefined, helper.presence === true));
      }
    }
  }

  /**
   * In a test, a read of a name the same test unit sets or removes (or a key the same function
   * writes) saves it to put it back. The unit is one test function or method (a fixture saves what
   * it patches), or a class's set-up/tear-down hooks together (setUp saves what tearDown restores);
   * a module-level read may be restored by any function. Another test's `monkeypatch.delenv(K)`
   * does not make this test's read of K a save: `api_key = os.getenv(K, 'fake')` passed to a
   * client is the live key when it is set.
   */
  private isSavedForRestore(read: PythonEnvRead): boolean {
    if (!this.inTest || read.enumerates || read.extra?.access) return false;
    if (read.name !== null) {
      const unit = restoreUnit(read.node);
      if (this.writtenNames.get(unit.key)?.has(read.name)) return true;
      // unittest's setUp copies or sets the environment and tearDown puts it back: in such a class a
      // name one test sets is test state in the others (`assertEqual(os.environ.get(K), "key1")`).
      if (unit.classId !== undefined && this.envManagingClasses.has(unit.classId) && this.writtenNames.get(`class:${unit.classId}`)?.has(read.name)) return true;
    }
    const key = read.keyNode?.text;
    return key !== undefined && (this.writtenKeys.get(enclosingFunctionId(read.node))?.has(key) ?? false);
  }

  /** Records a written key; with `fact`, a constant name also becomes a write/delete fact (its literal is then not a plain mention). */
  private noteWrittenKey(key: Node | null | undefined, at: Node, fact?: { api: string; access: 'write' | 'delete' }): void {
    if (!key) return;
    const name = this.scope.constString(key);
    if (name !== null) this.noteWrittenName(name, at);
    if (name !== null && fact) this.reads.push({ name, api: fact.api, node: at, keyNode: key, extra: { access: fact.access } });
    const id = enclosingFunctionId(at);
    const keys = this.writtenKeys.get(id) ?? new Set<string>();
    keys.add(key.text);
    this.writtenKeys.set(id, keys);
  }

  /** `os.environ.update(X="v")`: the keyword is the name. */
  private noteWrittenKeyName(name: string, value: Node, at: Node, api: string): void {
    this.noteWrittenName(name, at);
    this.reads.push({ name, api, node: value.parent ?? at, extra: { access: 'write' } });
  }

  private noteWrittenName(name: string, at: Node): void {
    const unit = restoreUnit(at);
    this.noteEnvTouched(unit);
    const keys = new Set([unit.key, 'module', ...(unit.classId !== undefined ? [`class:${unit.classId}`] : [])]);
    for (const key of keys) {
      const names = this.writtenNames.get(key) ?? new Set<string>();
      names.add(name);
      this.writtenNames.set(key, names);
    }
  }

  /** A write (or `os.environ.update/clear/copy`) in a class's set-up/tear-down hook: the class manages the environment. */
  private noteEnvTouched(unit: RestoreUnit): void {
    if (unit.inHook && unit.classId !== undefined) this.envManagingClasses.add(unit.classId);
  }

  /** `os.environ[K] = v`, `del os.environ[K]`. */
  private noteSubscriptWrite(node: Node): void {
    const targets = node.type === 'subscript' ? [] : node.type === 'delete_statement' ? node.namedChildren : [fieldOf(node, 'left')];
    for (const target of targets) {
      if (target?.type !== 'subscript') continue;
      if (this.scope.qualify(fieldOf(target, 'value')) !== 'os.environ') continue;
      this.noteWrittenKey(fieldOf(target, 'subscript'), node, { api: 'os.environ', access: node.type === 'delete_statement' ? 'delete' : 'write' });
    }
  }

  /** `os.putenv`, `monkeypatch.setenv/delenv`, `os.environ.update({...})`, `patch.dict(os.environ, {...})`. */
  private noteCallWrite(call: Node): void {
    const fn = fieldOf(call, 'function');
    const qualified = this.scope.qualify(fn);
    const method = fn?.type === 'attribute' ? fieldOf(fn, 'attribute')?.text : undefined;
    const writes = (qualified && WRITING_CALLS.has(qualified)) || (method && WRITING_METHODS.has(method));
    if (qualified && ENV_SNAPSHOT_CALLS.has(qualified)) this.noteEnvTouched(restoreUnit(call));
    // Most calls write nothing: their arguments are not looked at.
    if (!writes && qualified !== 'os.environ.update' && !(qualified && /(^|\.)patch\.dict$/.test(qualified))) return;
    const args = callArguments(call);
    if (writes) {
      // `os.environ.pop` / `setdefault` are already reads (envReadAt); the others only write.
      const alsoRead = qualified === 'os.environ.pop' || qualified === 'os.environ.setdefault' || qualified === 'os.environb.pop';
      const api = qualified && WRITING_CALLS.has(qualified) ? qualified : `${method}`;
      const access = /unsetenv|delenv/.test(api) ? ('delete' as const) : ('write' as const);
      this.noteWrittenKey(args.positional[0] ?? args.keywords.get('name') ?? args.keywords.get('key'), call, alsoRead ? undefined : { api, access });
      return;
    }
    let mapping: Node | undefined;
    if (qualified === 'os.environ.update') mapping = args.positional[0];
    else if (qualified && /(^|\.)patch\.dict$/.test(qualified)) {
      const target = args.positional[0];
      const isEnviron = target && (this.scope.qualify(target) === 'os.environ' || (target.type === 'string' && literalStringText(target) === 'os.environ'));
      if (isEnviron) mapping = args.positional[1];
    }
    const api = qualified === 'os.environ.update' ? 'os.environ.update' : 'patch.dict(os.environ)';
    if (qualified === 'os.environ.update') for (const [name, value] of args.keywords) this.noteWrittenKeyName(name, value, call, api);
    if (mapping?.type !== 'dictionary') return;
    for (const pair of mapping.namedChildren) if (pair.type === 'pair') this.noteWrittenKey(fieldOf(pair, 'key'), call, { api, access: 'write' });
  }
}

function enclosingFunctionId(node: Node): number {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'function_definition' || p.type === 'module') return p.id;
  return -1;
}

/** What binds the identifier used as a key: a loop over a literal list, or a helper's parameter. */
function binderOf(key: Node, scope: ModuleScope): Binder | null {
  if (key.type !== 'identifier') return null;
  const options = choiceOptions(key, scope);
  if (options) return { kind: 'choice', options };
  const name = key.text;
  let child = key;
  for (let p = key.parent; p; child = p, p = p.parent) {
    if (COMPREHENSIONS.has(p.type)) {
      for (const clause of p.namedChildren) {
        if (clause.type !== 'for_in_clause' || fieldOf(clause, 'left')?.text !== name) continue;
        const lists = literalLists(fieldOf(clause, 'right'), scope);
        return lists ? { kind: 'loop', list: lists[0]!, ...(lists.length > 1 ? { more: lists.slice(1) } : {}) } : (restParameter(fieldOf(clause, 'right')) ?? tablePartLoop(fieldOf(clause, 'right'), scope));
      }
    }
    if (p.type === 'for_statement' && fieldOf(p, 'body')?.id === child.id && fieldOf(p, 'left')?.text === name) {
      const lists = literalLists(fieldOf(p, 'right'), scope);
      return lists ? { kind: 'loop', list: lists[0]!, ...(lists.length > 1 ? { more: lists.slice(1) } : {}) } : (restParameter(fieldOf(p, 'right')) ?? tablePartLoop(fieldOf(p, 'right'), scope));
    }
    // `for label, name in (("a", "A"), ("b", "B")):` the key is one part of each unpacked element.
    const position = p.type === 'for_statement' && fieldOf(p, 'body')?.id === child.id ? unpackedPosition(fieldOf(p, 'left'), name) : -1;
    if (position >= 0) {
      const list = literalList(fieldOf(p, 'right'), scope);
      return list ? { kind: 'loop', list, position } : null;
    }
    if (p.type === 'lambda' || p.type === 'class_definition' || p.type === 'module') return null;
    if (p.type === 'function_definition') {
      const method = isMethod(p);
      const names = parameterNames(p);
      const index = names.indexOf(name);
      if (index < 0) return null;
      const offset = method ? 1 : 0;
      if (index < offset) return null;
      const fnName = fieldOf(p, 'name')?.text;
      return fnName ? { kind: 'param', fn: p, index: index - offset, name: fnName, method } : null;
    }
  }
  return null;
}

/**
 * A loop over the `*keys` parameter of the enclosing function (`def require_env(*keys): for key in
 * keys: os.getenv(key)`, dspy's live tests): each call site passes the names as its arguments.
 */
function restParameter(iterated: Node | null): Binder | null {
  if (iterated?.type !== 'identifier') return null;
  for (let p = iterated.parent; p; p = p.parent) {
    if (p.type === 'lambda' || p.type === 'class_definition' || p.type === 'module') return null;
    if (p.type !== 'function_definition') continue;
    const method = isMethod(p);
    // `*keys` or `*keys: str` (a typed parameter around the splat).
    const splatOf = (param: Node): Node | undefined => (param.type === 'list_splat_pattern' ? param : param.type === 'typed_parameter' ? param.namedChildren.find((c) => c.type === 'list_splat_pattern') : undefined);
    const position = parameterNodes(p).findIndex((param) => splatOf(param)?.namedChildren[0]?.text === iterated.text);
    const fnName = fieldOf(p, 'name')?.text;
    const index = position - (method ? 1 : 0);
    return position >= 0 && index >= 0 && fnName ? { kind: 'param', fn: p, index, name: fnName, method, rest: true } : null;
  }
  return null;
}

/**
 * A loop over a part of a constant table's rows: `for agent, names in TABLE:` then
 * `any(os.getenv(n) for n in names)`, where each row of TABLE is a literal tuple whose part at
 * that position is a literal list (or a constant bound to one). The loop reads every name of
 * every row's list; one row whose part is not such a list leaves the read dynamic.
 */
function tablePartLoop(iterated: Node | null, scope: ModuleScope): Binder | null {
  if (iterated?.type !== 'identifier') return null;
  const enclosingLoops: Node[] = [];
  for (let child: Node = iterated, p = iterated.parent; p; child = p, p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition' || p.type === 'module') break;
    if (p.type === 'for_statement' && fieldOf(p, 'body')?.id === child.id) enclosingLoops.push(p);
  }
  for (const p of enclosingLoops) {
    const position = unpackedPosition(fieldOf(p, 'left'), iterated.text);
    if (position < 0) continue;
    const table = literalList(fieldOf(p, 'right'), scope);
    if (!table) return null;
    const lists: Node[] = [];
    for (const row of table.namedChildren) {
      if (row.type === 'comment') continue;
      const part = LITERAL_LISTS.has(row.type) ? (row.namedChildren.filter((c) => c.type !== 'comment')[position] ?? null) : null;
      const list = literalList(part, scope);
      if (!list) return null;
      lists.push(list);
    }
    return lists.length > 0 ? { kind: 'loop', list: lists[0], more: lists.slice(1) } : null;
  }
  return null;
}

/** Where `name` sits among the plain names a loop unpacks (`for a, name in ...`), or -1. */
function unpackedPosition(left: Node | null, name: string): number {
  if (!left || (left.type !== 'pattern_list' && left.type !== 'tuple_pattern')) return -1;
  const targets = left.namedChildren;
  if (!targets.every((t) => t.type === 'identifier')) return -1;
  return targets.findIndex((t) => t.text === name);
}

/** The parameter node types that take a position or a keyword. */
const PARAMETER_TYPES = new Set(['identifier', 'default_parameter', 'typed_default_parameter', 'typed_parameter', 'list_splat_pattern', 'dictionary_splat_pattern']);

/** The nodes of `fn`'s parameter list that take an argument position or a keyword (not `*`, `/`, comments). */
function parameterNodes(fn: Node): Node[] {
  return (fieldOf(fn, 'parameters')?.namedChildren ?? []).filter((param) => PARAMETER_TYPES.has(param.type));
}

function parameterNames(fn: Node): string[] {
  return parameterNodes(fn).map((param) => {
    if (param.type === 'identifier') return param.text;
    if (param.type === 'default_parameter' || param.type === 'typed_default_parameter') return fieldOf(param, 'name')?.text ?? '';
    if (param.type === 'typed_parameter') return param.namedChildren.find((c) => c.type === 'identifier')?.text ?? '';
    return ''; // `*args`, `**kwargs`
  });
}

function parameterName(fn: Node, index: number, method: boolean): string | undefined {
  return parameterNames(fn)[index + (method ? 1 : 0)];
}

/** The default value of the parameter at `index` (as parameterName counts), or null. */
function parameterDefault(fn: Node, index: number, method: boolean): Node | null {
  const param = parameterNodes(fn)[index + (method ? 1 : 0)];
  return param && (param.type === 'default_parameter' || param.type === 'typed_default_parameter') ? fieldOf(param, 'value') : null;
}

/** A function defined in a class body, not a `@staticmethod`. */
function isMethod(fn: Node): boolean {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  if (holder.parent?.type !== 'block' || holder.parent.parent?.type !== 'class_definition') return false;
  return !(holder.type === 'decorated_definition' && holder.namedChildren.some((d) => d.type === 'decorator' && d.text.includes('staticmethod')));
}

function classOf(node: Node): Node | null {
  for (let p = node.parent; p; p = p.parent) if (p.type === 'class_definition') return p;
  return null;
}

/** `helper(...)` for a function, `self.helper(...)` / `cls.helper(...)` inside the same class for a method. */
function isCallOf(call: Node, fn: Node, name: string, method: boolean): boolean {
  const callee = fieldOf(call, 'function');
  if (!callee) return false;
  if (!method) return callee.type === 'identifier' && callee.text === name;
  if (callee.type !== 'attribute' || fieldOf(callee, 'attribute')?.text !== name) return false;
  const owner = fieldOf(callee, 'object')?.text;
  return (owner === 'self' || owner === 'cls') && classOf(call)?.id === classOf(fn)?.id;
}

/** Only this module calls it: a `_private` name, or a function nested in another function. */
function isPrivateHelper(fn: Node, name: string, method: boolean): boolean {
  if (name.startsWith('_')) return true;
  if (method) return false;
  for (let p = fn.parent; p; p = p.parent) if (p.type === 'function_definition') return true;
  return false;
}

/** The helper is referenced other than by calling it (passed on, stored, exported in `__all__`). */
function nameEscapes(fn: Node, name: string, method: boolean): boolean {
  const root = fn.tree.rootNode;
  for (const identifier of root.descendantsOfType('identifier')) {
    if (!identifier || identifier.text !== name) continue;
    const parent = identifier.parent;
    if (!parent) continue;
    if (parent.type === 'function_definition' && fieldOf(parent, 'name')?.id === identifier.id) continue;
    if (!method && parent.type === 'call' && fieldOf(parent, 'function')?.id === identifier.id) continue;
    if (method && parent.type === 'attribute' && fieldOf(parent, 'attribute')?.id === identifier.id && parent.parent?.type === 'call') continue;
    return true;
  }
  for (const literal of root.descendantsOfType('string')) if (literal && literalStringText(literal) === name) return true;
  return false;
}

