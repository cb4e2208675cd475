// Recognises Python environment reads: `os.environ[...]`, `os.environ.get`, `os.getenv`,
// `os.environb`, `from os import environ/getenv` (with `as`), enumerations (`os.environ.copy()`,
// iteration, `dict(os.environ)`, `**os.environ`) and python-dotenv's `dotenv_values()`.
import type { Node } from 'web-tree-sitter';
import type { EnvReadFact } from '../../core/facts.js';
import { enclosingScope, type ModuleScope } from './module-scope.js';
import { callArguments, fieldOf } from './python-syntax.js';
import { firstTarget } from './env-enumerations.js';

export interface PythonEnvRead {
  name: string | null;
  api: string;
  /** The node the fact's range covers. */
  node: Node;
  /** The node holding the name (a string literal or constant), so it is not reported again as a name ref. */
  keyNode?: Node;
  enumerates?: boolean;
  /** What the collector found out about the read (see EnvReadFact): access kind, where the name is decided, the enumeration's use. */
  extra?: Partial<Pick<EnvReadFact, 'access' | 'via' | 'enumeration' | 'keyParam' | 'presence'>>;
  /** For an enumeration: the expression whose surroundings say what it is for, when not `node`. */
  classifyFrom?: Node;
}

const ENVIRON = new Set(['os.environ', 'os.environb']);
const GETTERS: Record<string, string> = {
  'os.environ.get': 'os.environ.get',
  'os.environb.get': 'os.environb.get',
  'os.getenv': 'os.getenv',
  'os.getenvb': 'os.getenvb',
  'os.environ.setdefault': 'os.environ.setdefault',
  'os.environ.pop': 'os.environ.pop',
};
const ENUMERATING_METHODS = new Set(['copy', 'items', 'keys', 'values']);
const DOTENV_VALUES = new Set(['dotenv.dotenv_values', 'dotenv.main.dotenv_values']);

function isEnviron(node: Node | null, scope: ModuleScope): boolean {
  const q = scope.qualify(node);
  return q !== null && ENVIRON.has(q);
}

function isDotenvValuesCall(node: Node | null, scope: ModuleScope): boolean {
  if (!node || node.type !== 'call') return false;
  const q = scope.qualify(fieldOf(node, 'function'));
  return q !== null && DOTENV_VALUES.has(q);
}

/**
 * `os.environ[key]` (or `os.environ.get(key)`) inside `for key in os.environ:` (also over
 * `os.environ.keys()`, `.items()`, `list(os.environ)`): the key is one the loop enumerates, so the
 * read is part of that enumeration, which is judged as a whole (a prefix filter, a scrub, a copy
 * for a child process, or the whole environment); it is no read of an unknown name of its own.
 */
export function isEnumeratedKey(key: Node, scope: ModuleScope): boolean {
  if (key.type !== 'identifier') return false;
  for (let p = key.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'class_definition') return false;
    if (p.type !== 'for_statement' && p.type !== 'for_in_clause') continue;
    if (firstTarget(fieldOf(p, 'left')) === key.text) return enumeratesEnviron(fieldOf(p, 'right'), scope);
  }
  return false;
}

function enumeratesEnviron(node: Node | null, scope: ModuleScope): boolean {
  if (!node) return false;
  if (isEnviron(node, scope)) return true;
  if (node.type !== 'call') return false;
  const fn = fieldOf(node, 'function');
  if (fn?.type === 'attribute' && ['keys', 'items'].includes(fieldOf(fn, 'attribute')?.text ?? '')) return isEnviron(fieldOf(fn, 'object'), scope);
  const first = callArguments(node).positional[0] ?? null;
  return ['list', 'tuple', 'sorted'].includes(fn?.text ?? '') && enumeratesEnviron(first, scope);
}

/** The node types `envReadAt` can find a read at. */
export const ENV_READ_TYPES: readonly string[] = ['subscript', 'call', 'for_statement', 'for_in_clause', 'dictionary_splat', 'keyword_argument'];

const readsOf = new WeakMap<ModuleScope, Map<number, PythonEnvRead | null>>();

/**
 * The env read an expression node performs, if any (`type` is `node.type`). Each read is
 * recognised at exactly one node. Kept per node: the fact walk and the leak passes ask again.
 */
export function envReadAt(node: Node, scope: ModuleScope, type = node.type): PythonEnvRead | null {
  if (!ENV_READ_TYPES.includes(type)) return null;
  let reads = readsOf.get(scope);
  if (!reads) readsOf.set(scope, (reads = new Map()));
  let read = reads.get(node.id);
  if (read === undefined) reads.set(node.id, (read = findEnvRead(node, scope, type)));
  return read;
}

function findEnvRead(node: Node, scope: ModuleScope, type: string): PythonEnvRead | null {
  switch (type) {
    case 'subscript': {
      const value = fieldOf(node, 'value');
      const key = fieldOf(node, 'subscript');
      let read: PythonEnvRead | null;
      if (isEnviron(value, scope)) read = { name: scope.constString(key), api: scope.qualify(value)!, node, keyNode: key ?? undefined };
      else if (isDotenvValuesCall(value, scope)) read = { name: scope.constString(key), api: 'dotenv_values', node, keyNode: key ?? undefined };
      else read = copyRead(value, key, node, scope, '');
      // Asked last: most subscripts are no read at all, and this climbs the parents.
      return read && !isWriteTarget(node) ? read : null;
    }
    case 'call': {
      const fn = fieldOf(node, 'function');
      const q = scope.qualify(fn);
      if (q && GETTERS[q]) {
        const args = callArguments(node);
        const key = args.positional[0] ?? args.keywords.get('key') ?? null;
        if (!key) return null;
        return { name: scope.constString(key), api: GETTERS[q], node, keyNode: key };
      }
      if (fn?.type === 'attribute' && isEnviron(fieldOf(fn, 'object'), scope)) {
        const method = fieldOf(fn, 'attribute')?.text ?? '';
        if (method === 'keys' && onlyTestsMembership(node)) return null;
        if (ENUMERATING_METHODS.has(method)) return { name: null, api: `os.environ.${method}`, node, enumerates: true };
      }
      if (fn?.type === 'attribute' && fieldOf(fn, 'attribute')?.text === 'get') {
        const args = callArguments(node);
        const found = copyRead(fieldOf(fn, 'object'), args.positional[0] ?? args.keywords.get('key') ?? null, node, scope, '.get');
        if (found) return found;
      }
      if (q === 'dict' && callArguments(node).positional.some((arg) => isEnviron(arg, scope))) {
        return { name: null, api: 'dict(os.environ)', node, enumerates: true };
      }
      if (q && DOTENV_VALUES.has(q) && node.parent?.childForFieldName('value')?.id !== node.id) {
        return { name: null, api: 'dotenv_values', node, enumerates: true };
      }
      return null;
    }
    case 'for_statement':
    case 'for_in_clause': {
      const right = fieldOf(node, 'right');
      return isEnviron(right, scope) ? { name: null, api: 'os.environ', node: right!, enumerates: true } : null;
    }
    case 'dictionary_splat': {
      const inner = node.namedChildren[0] ?? null;
      return isEnviron(inner, scope) ? { name: null, api: '**os.environ', node, enumerates: true } : null;
    }
    case 'keyword_argument': {
      // `subprocess.run(cmd, env=os.environ)`: the whole environment handed on as it is.
      const value = fieldOf(node, 'value');
      return fieldOf(node, 'name')?.text === 'env' && isEnviron(value, scope) ? { name: null, api: 'os.environ', node: value!, enumerates: true } : null;
    }
    default:
      return null;
  }
}

/**
 * `env = os.environ.copy()` (also `dict(os.environ)`, `{**os.environ, ...}`), then `env["X"]` or
 * `env.get("X")`: a read of X from the environment, as `os.environ["X"]` is, for every rule (the
 * leak analysis's sources, direct reads, unregistered names, drift). Only a name assigned once in
 * its scope, to such a copy, and only a constant key: the copy itself is already an enumeration
 * (what it is for, a child process's environment or else, is classified there), so a computed key
 * of it adds nothing. Writes to the copy (`env["X"] = "1"`) are not environment writes.
 */
function copyRead(container: Node | null, key: Node | null, node: Node, scope: ModuleScope, accessor: string): PythonEnvRead | null {
  if (container?.type !== 'identifier' || !key || !copyNames(container, scope).has(container.text)) return null;
  const value = boundValue(container, scope);
  const copy = environCopyApi(value, scope);
  if (!copy || !value) return null;
  const name = scope.constString(key);
  if (name === null) return null;
  // `{**os.environ, "X": "1"}["X"]` is the literal put there, not the environment's.
  if (value.type === 'dictionary' && value.namedChildren.some((pair) => pair.type === 'pair' && scope.constString(fieldOf(pair, 'key')) === name)) return null;
  return { name, api: `${copy}${accessor}`, node, keyNode: key };
}

const copyNamesOf = new WeakMap<ModuleScope, Set<string>>();

/** Names the module assigns a copy of the environment to anywhere (a cheap first filter). */
function copyNames(node: Node, scope: ModuleScope): Set<string> {
  let names = copyNamesOf.get(scope);
  if (names) return names;
  names = new Set();
  for (const assignment of scope.nodes.of(['assignment'])) {
    const left = (assignment ? fieldOf(assignment, 'left') : null);
    if (left?.type === 'identifier' && environCopyApi(assignment!.childForFieldName('right'), scope)) names.add(left.text);
  }
  copyNamesOf.set(scope, names);
  return names;
}

const SCOPES = new Set(['function_definition', 'class_definition', 'lambda', 'decorated_definition']);
const boundValues = new WeakMap<ModuleScope, Map<string, Node | null | 'unbound'>>();

/**
 * The value a name is bound to, when its scope binds it exactly once, by a plain `name = value`
 * (mutations of the value, `name["k"] = v`, are not rebindings); null otherwise. A name its own
 * function does not bind is looked up in the enclosing ones, then the module.
 */
function boundValue(identifier: Node, scope: ModuleScope): Node | null {
  let cache = boundValues.get(scope);
  if (!cache) boundValues.set(scope, (cache = new Map()));
  for (let owner = enclosingScope(identifier); ; owner = enclosingScope(owner)) {
    const key = `${owner.id}\0${identifier.text}`;
    if (!cache.has(key)) cache.set(key, bindingIn(owner, identifier.text));
    const found = cache.get(key);
    if (found !== 'unbound') return found ?? null;
    if (owner.type === 'module') return null;
  }
}

/** The value `owner` binds `name` to once; null when bound otherwise; 'unbound' when it does not bind it (look outward). */
function bindingIn(owner: Node, name: string): Node | null | 'unbound' {
  const params = fieldOf(owner, 'parameters');
  if (params?.descendantsOfType('identifier').some((id) => id?.text === name)) return null;
  const body = owner.type === 'module' ? owner : fieldOf(owner, 'body');
  const stack: Node[] = body ? [...body.namedChildren] : [];
  let value: Node | null = null;
  let bindings = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (SCOPES.has(node.type)) {
      if (fieldOf(node, 'name')?.text === name) bindings += 2;
      continue;
    }
    if (node.type === 'assignment' || node.type === 'augmented_assignment' || node.type === 'for_statement' || node.type === 'for_in_clause' || node.type === 'named_expression' || node.type === 'as_pattern') {
      const target = node.type === 'named_expression' ? fieldOf(node, 'name') : node.type === 'as_pattern' ? fieldOf(node, 'alias') : fieldOf(node, 'left');
      if (target?.type === 'identifier' && target.text === name) {
        bindings++;
        value = node.type === 'assignment' ? fieldOf(node, 'right') : null;
      } else if (target && target.type !== 'subscript' && target.type !== 'attribute' && target.descendantsOfType('identifier').some((id) => id?.text === name && id.parent?.type !== 'subscript' && id.parent?.type !== 'attribute')) {
        bindings += 2;
      }
    }
    for (const child of node.namedChildren) stack.push(child);
  }
  if (bindings === 0) return 'unbound';
  return bindings === 1 ? value : null;
}

/** The api of an expression that copies the whole environment, or null. */
function environCopyApi(value: Node | null, scope: ModuleScope): string | null {
  if (!value) return null;
  if (value.type === 'call') {
    const fn = fieldOf(value, 'function');
    if (fn?.type === 'attribute' && fieldOf(fn, 'attribute')?.text === 'copy' && isEnviron(fieldOf(fn, 'object'), scope)) return 'os.environ.copy()';
    if (scope.qualify(fn) === 'dict' && isEnviron(callArguments(value).positional[0] ?? null, scope)) return 'dict(os.environ)';
    return null;
  }
  if (value.type === 'dictionary' && value.namedChildren.some((child) => child.type === 'dictionary_splat' && isEnviron(child.namedChildren[0] ?? null, scope))) return '{**os.environ}';
  return null;
}

/** `os.environ["X"] = v` and `del os.environ["X"]` write the environment; they do not read it. */
function isWriteTarget(node: Node): boolean {
  let target = node;
  while (target.parent && (target.parent.type === 'pattern_list' || target.parent.type === 'tuple_pattern' || target.parent.type === 'expression_list')) target = target.parent;
  const parent = target.parent;
  if (!parent) return false;
  if (parent.type === 'assignment') return fieldOf(parent, 'left')?.id === target.id;
  return parent.type === 'delete_statement';
}

/** `name in x` / `name not in x` with `x` the right operand. */
function isMembershipTarget(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type !== 'comparison_operator' || parent.namedChildren.length !== 2 || parent.namedChildren[1]?.id !== node.id) return false;
  return parent.children.some((child) => child?.type === 'in' || child?.type === 'not in');
}

/**
 * `"X_API_KEY" in os.environ.keys()`, or `names = os.environ.keys()` used only as `… in names`
 * (litellm's provider detection): presence tests, like `"X" in os.environ`; no value is read and
 * no name is taken from the environment.
 */
function onlyTestsMembership(call: Node): boolean {
  if (isMembershipTarget(call)) return true;
  const assignment = call.parent;
  const target = assignment?.type === 'assignment' && fieldOf(assignment, 'right')?.id === call.id ? fieldOf(assignment, 'left') : null;
  if (target?.type !== 'identifier') return false;
  const uses = enclosingScope(call).descendantsOfType('identifier').filter((id): id is Node => !!id && id.text === target.text && id.id !== target.id);
  return uses.length > 0 && uses.every(isMembershipTarget);
}

/** Calls that set an env variable to their second argument: `monkeypatch.setenv(NAME, v)`, `os.environ.setdefault(NAME, v)`, `os.putenv(NAME, v)`. */
const ENV_SETTING_CALLS = new Set(['setenv', 'setdefault', 'putenv']);

export interface PythonEnvWrite {
  /** `os.environ[...] =`, or the setting call's method; `update` (`os.environ.update(d)`) names no variable. */
  api: 'subscript' | 'setenv' | 'setdefault' | 'putenv' | 'update';
  variable: Node | null;
  value: Node | null;
}

/**
 * The env write an assignment or call performs: `os.environ["X"] = v`, `monkeypatch.setenv("X", v)`,
 * `os.environ.setdefault("X", v)`, `os.putenv("X", v)`, `os.environ.update(d)`. Shared by the leak
 * pass (a value the code set itself) and the credential-file test (a file pointed at by a variable).
 */
export function envWriteAt(node: Node, scope: ModuleScope): PythonEnvWrite | null {
  if (node.type === 'assignment') {
    const left = fieldOf(node, 'left');
    if (left?.type !== 'subscript' || !isEnviron(fieldOf(left, 'value'), scope)) return null;
    return { api: 'subscript', variable: fieldOf(left, 'subscript'), value: fieldOf(node, 'right') };
  }
  if (node.type !== 'call') return null;
  const fn = fieldOf(node, 'function');
  const method = fn?.type === 'attribute' ? (fieldOf(fn, 'attribute')?.text ?? '') : '';
  if (method === 'update' && fn && isEnviron(fieldOf(fn, 'object'), scope)) return { api: 'update', variable: null, value: callArguments(node).positional[0] ?? null };
  if (!ENV_SETTING_CALLS.has(method)) return null;
  const [variable, value] = callArguments(node).positional;
  return { api: method as PythonEnvWrite['api'], variable: variable ?? null, value: value ?? null };
}
