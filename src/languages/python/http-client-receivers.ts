// A request sent through a client object is the module-level call it stands for:
// `with httpx.Client(timeout=5) as client: client.get(url, params=params)` puts `params` in the
// query string exactly as `httpx.get(url, params=params)` does, and `session = requests.Session()`
// then `session.get(...)` as `requests.get(...)` (an `aiohttp.ClientSession` as `aiohttp.get`). The sink catalog lists the module-level calls;
// this names the module a local client variable belongs to, so the same entries apply.
import type { Node } from 'web-tree-sitter';
import type { ModuleScope } from './module-scope.js';
import { fieldOf } from './python-syntax.js';

/** Client constructors -> the module whose request functions their methods mirror. */
const CLIENT_CONSTRUCTORS: Record<string, string> = {
  'httpx.Client': 'httpx',
  'httpx.AsyncClient': 'httpx',
  'requests.Session': 'requests',
  'requests.session': 'requests',
  'requests.sessions.Session': 'requests',
  // aiohttp has no module-level verbs, only `aiohttp.request(method, url, ...)`: its session's
  // `get`/`post`/... take the same `params=` (the query string) and `headers=` as requests'.
  'aiohttp.ClientSession': 'aiohttp',
};

const SCOPES = new Set(['function_definition', 'lambda', 'module']);

/**
 * The module (`httpx`, `requests`) whose client the identifier `receiver` holds: every binding of
 * that name in the enclosing function (or module) is `with <Client>(...) as name` or
 * `name = <Client>(...)`. Null when a binding is anything else (a parameter, another value), so a
 * name that may hold some other object never counts.
 */
export function httpClientModule(receiver: Node, scope: ModuleScope): string | null {
  let owner: Node | null = receiver.parent;
  while (owner && !SCOPES.has(owner.type)) owner = owner.parent;
  if (!owner) return null;
  const name = receiver.text;
  const memo = memoOf(scope);
  const key = `${owner.id}\u0000${name}`;
  const known = memo.answers.get(key);
  if (known !== undefined) return known;
  const answer = clientModuleOf(owner, name, scope, memo);
  memo.answers.set(key, answer);
  return answer;
}

/**
 * Per file (its ModuleScope): each scope's identifiers by name, and the answers given. Every method
 * call on a name asks, and each asking walked all the identifiers of its function or module again:
 * on the long test modules of pydantic-ai (a call on a local object every few lines) that was
 * about a sixth of the whole scan. Node ids are unique within the file's tree.
 */
interface ReceiverMemo {
  identifiers: Map<number, Map<string, Node[]>>;
  answers: Map<string, string | null>;
}

const memos = new WeakMap<ModuleScope, ReceiverMemo>();

function memoOf(scope: ModuleScope): ReceiverMemo {
  let memo = memos.get(scope);
  if (!memo) memos.set(scope, (memo = { identifiers: new Map(), answers: new Map() }));
  return memo;
}

function clientModuleOf(owner: Node, name: string, scope: ModuleScope, memo: ReceiverMemo): string | null {
  if (owner.type === 'function_definition' && isParameter(owner, name)) return null;
  let byName = memo.identifiers.get(owner.id);
  if (!byName) {
    byName = new Map();
    for (const identifier of owner.descendantsOfType('identifier')) {
      if (!identifier) continue;
      const text = identifier.text;
      const same = byName.get(text);
      if (same) same.push(identifier);
      else byName.set(text, [identifier]);
    }
    memo.identifiers.set(owner.id, byName);
  }
  let module: string | null = null;
  for (const identifier of byName.get(name) ?? []) {
    const value = bindingValue(identifier);
    if (value === undefined) continue;
    const bound = value?.type === 'call' ? CLIENT_CONSTRUCTORS[scope.qualify(fieldOf(value, 'function')) ?? ''] : undefined;
    if (!bound || (module !== null && module !== bound)) return null;
    module = bound;
  }
  return module;
}

/**
 * What the identifier is bound to when it is a binding target: the value of `name = value` or of
 * `with value as name`; null for any other binding (a loop target, a tuple target, `import`);
 * undefined when the identifier is a use, not a binding.
 */
function bindingValue(identifier: Node): Node | null | undefined {
  const parent = identifier.parent;
  if (!parent) return undefined;
  if (parent.type === 'assignment' || parent.type === 'augmented_assignment') {
    return fieldOf(parent, 'left')?.id === identifier.id ? fieldOf(parent, 'right') : undefined;
  }
  if (parent.type === 'as_pattern_target') {
    const pattern = parent.parent;
    return pattern?.type === 'as_pattern' && pattern.parent?.type === 'with_item' ? (pattern.namedChildren[0] ?? null) : null;
  }
  if (parent.type === 'for_statement' || parent.type === 'for_in_clause') return fieldOf(parent, 'left')?.id === identifier.id ? null : undefined;
  if (parent.type === 'pattern_list' || parent.type === 'tuple_pattern' || parent.type === 'list_pattern') return null;
  if (parent.type === 'global_statement' || parent.type === 'nonlocal_statement') return null;
  return undefined;
}

function isParameter(fn: Node, name: string): boolean {
  for (const parameter of fieldOf(fn, 'parameters')?.namedChildren ?? []) {
    const id = parameter.type === 'identifier' ? parameter : (fieldOf(parameter, 'name') ?? parameter.namedChildren.find((c) => c.type === 'identifier') ?? null);
    if (id?.text === name) return true;
  }
  return false;
}
