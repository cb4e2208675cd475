// Local helpers a copy of the environment passes through: a function of this module that builds
// and returns it (`def _env(): e = os.environ.copy(); e["X"] = "1"; return e`, then
// `subprocess.run(cmd, env=_env())`), or one that is given it and hands it on
// (`def run(cmd, *, env): subprocess.Popen(cmd, env=env)`). Finds the call sites of the one and
// the places the other hands its parameter on, so the classifier can judge those places.
import type { Node } from 'web-tree-sitter';
import type { ModuleScope } from './module-scope.js';
import { callArguments, fieldOf } from './python-syntax.js';

/** The plain function (not a method) whose body holds `node`, with its name. */
export function enclosingFunction(node: Node): { fn: Node; name: string } | null {
  let p: Node | null = node.parent;
  while (p && p.type !== 'function_definition') {
    if (p.type === 'lambda' || p.type === 'class_definition') return null;
    p = p.parent;
  }
  if (p) {
    const name = fieldOf(p, 'name')?.text;
    const holder = p.parent?.type === 'decorated_definition' ? p.parent : p;
    // A method is called through an object this module may not show; only plain functions.
    if (!name || holder.parent?.parent?.type === 'class_definition') return null;
    return { fn: p, name };
  }
  return null;
}

/** Per module: call sites already looked up, by function node id (each lookup walks the whole module). */
const siteMemo = new WeakMap<ModuleScope, Map<number, Node[] | null>>();

/** Calls of `fn` by name in this module; null when the name is also used otherwise (passed around, reassigned). */
export function callSites(fn: Node, name: string, scope: ModuleScope): Node[] | null {
  let memo = siteMemo.get(scope);
  if (!memo) siteMemo.set(scope, (memo = new Map()));
  if (!memo.has(fn.id)) memo.set(fn.id, findCallSites(fn, name, scope));
  return memo.get(fn.id)!;
}

function findCallSites(fn: Node, name: string, scope: ModuleScope): Node[] | null {
  const sites: Node[] = [];
  for (const identifier of scope.nodes.of(['identifier'])) {
    if (identifier.text !== name || identifier.id === fieldOf(fn, 'name')?.id) continue;
    const call = identifier.parent;
    if (call?.type !== 'call' || fieldOf(call, 'function')?.id !== identifier.id) return null;
    if (localFunction(name, call)?.id !== fn.id) continue;
    sites.push(call);
  }
  return sites;
}

/**
 * The function a call of a plain name reaches in this module (the nearest `def` of that name in
 * an enclosing block or the module), or null.
 */
export function localFunction(name: string, from: Node): Node | null {
  for (let p = from.parent; p; p = p.parent) {
    if (p.type !== 'block' && p.type !== 'module') continue;
    for (const statement of p.namedChildren) {
      const definition = statement.type === 'decorated_definition' ? fieldOf(statement, 'definition') : statement;
      if (definition?.type === 'function_definition' && fieldOf(definition, 'name')?.text === name) return definition;
    }
  }
  return null;
}

/** The parameter of `fn` that receives `argument` (a positional argument or the value of a keyword argument) of `call`. */
export function receivingParameter(fn: Node, call: Node, argument: Node): string | null {
  const params = fieldOf(fn, 'parameters')?.namedChildren ?? [];
  const names = params.map(parameterName);
  if (argument.parent?.type === 'keyword_argument') {
    const keyword = fieldOf(argument.parent, 'name')?.text ?? null;
    return keyword !== null && names.includes(keyword) ? keyword : null;
  }
  const args = callArguments(call);
  const index = args.positional.findIndex((a) => a.id === argument.id);
  if (index === -1 || args.positional.slice(0, index).some((a) => a.type === 'list_splat')) return null;
  // Positional parameters end at `*`, `*args` or `**kwargs`.
  let position = 0;
  for (const param of params) {
    if (param.type === 'positional_separator') continue;
    if (param.type === 'keyword_separator' || param.type === 'list_splat_pattern' || param.type === 'dictionary_splat_pattern') return null;
    if (position++ === index) return parameterName(param);
  }
  return null;
}

function parameterName(param: Node): string | null {
  if (param.type === 'identifier') return param.text;
  if (param.type === 'default_parameter' || param.type === 'typed_default_parameter') return fieldOf(param, 'name')?.text ?? null;
  if (param.type === 'typed_parameter') return param.namedChildren.find((c) => c.type === 'identifier')?.text ?? null;
  return null;
}

/**
 * Where `fn` hands its parameter `name` (the environment mapping) on: as an argument, a keyword
 * value, a `**` splat, a dict value, or a copy of it (`env.copy()`, `dict(env)`), possibly through
 * a conditional. Reading it by a constant key or testing it (`env is None`) is no hand-on; a
 * computed key, iteration, a return or a reassignment cannot be followed (null).
 */
export function parameterUses(fn: Node, name: string): Node[] | null {
  const body = fieldOf(fn, 'body');
  if (!body) return null;
  const uses: Node[] = [];
  for (const identifier of body.descendantsOfType('identifier')) {
    if (!identifier || identifier.text !== name) continue;
    const use = useOf(identifier);
    if (use === 'unfollowable') return null;
    if (use) uses.push(use);
  }
  return uses;
}

function useOf(identifier: Node): Node | 'unfollowable' | null {
  const parent = identifier.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'attribute': {
      if (fieldOf(parent, 'object')?.id !== identifier.id) return null;
      const method = fieldOf(parent, 'attribute')?.text;
      const call = parent.parent?.type === 'call' && fieldOf(parent.parent, 'function')?.id === parent.id ? parent.parent : null;
      // `env.copy()` is the same mapping again; `env.get("X")`, `env.pop("X")`, `env.update(...)` read or change one name.
      if (method === 'copy' && call) return call;
      return method === 'keys' || method === 'items' || method === 'values' ? 'unfollowable' : null;
    }
    case 'subscript':
      // `env["X"]` reads or writes one name; `env[key]` reads a name nobody can check.
      return fieldOf(parent, 'value')?.id === identifier.id && fieldOf(parent, 'subscript')?.type !== 'string' ? 'unfollowable' : null;
    case 'argument_list': {
      const call = parent.parent;
      const callee = call ? fieldOf(call, 'function') : null;
      if (call && callee?.type === 'identifier' && callee.text === 'dict') return call;
      return identifier;
    }
    case 'keyword_argument':
      return fieldOf(parent, 'value')?.id === identifier.id ? identifier : null;
    case 'dictionary_splat':
      return identifier;
    case 'conditional_expression':
      // `env if ... else {}` hands it on; `... if env else ...` only tests it.
      return parent.namedChildren[1]?.id === identifier.id ? null : identifier;
    case 'pair':
      return fieldOf(parent, 'value')?.id === identifier.id ? identifier : null;
    case 'for_statement':
    case 'for_in_clause':
      return fieldOf(parent, 'right')?.id === identifier.id ? 'unfollowable' : null;
    // Only tested: `env is None`, `not env`, `if env:`.
    case 'comparison_operator':
    case 'not_operator':
      return null;
    case 'if_statement':
    case 'elif_clause':
    case 'while_statement':
      return fieldOf(parent, 'condition')?.id === identifier.id ? null : 'unfollowable';
    // Anything else (assigned, returned, in an f-string, `env or {}`) may take it anywhere: not followed.
    default:
      return 'unfollowable';
  }
}
