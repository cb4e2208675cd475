// What Python code does with the whole environment once it enumerates or copies it: keeps only
// names with a prefix (`{k: v for k, v in os.environ.items() if k.startswith("TOOL_")}`), removes
// names (`for k in list(os.environ): del os.environ[k]`), saves a copy in a test, hands it to a
// child process it starts (`subprocess.run(cmd, env={**os.environ, "X": "1"})`: plain
// inheritance) or to a process configured by someone else (an MCP server). Descriptive only.
import type { Node } from 'web-tree-sitter';
import type { EnvReadFact } from '../../core/facts.js';
import type { ModuleScope } from './module-scope.js';
import { literalStringText } from './python-syntax.js';
import { callSites, enclosingFunction, localFunction, parameterUses, receivingParameter } from './env-local-functions.js';
import { compareCodeUnits } from '../../core/compare.js';
import { isMaskingLoop } from './env-masking-loop.js';
import { COMPREHENSIONS } from './literal-lists.js';

type Patch = Pick<EnvReadFact, 'access' | 'enumeration' | 'returnedBy'>;

/** Modules whose process-starting calls pass `env=` on to a child the code starts itself. */
const CHILD_PROCESS_MODULES = ['subprocess.', 'asyncio.', 'os.', 'anyio.', 'trio.', 'pexpect.', 'multiprocessing.'];
const CHILD_PROCESS_CALLS = new Set([
  'run', 'Popen', 'call', 'check_call', 'check_output', 'create_subprocess_exec', 'create_subprocess_shell',
  'execve', 'execvpe', 'execle', 'spawnve', 'spawnvpe', 'posix_spawn', 'posix_spawnp', 'run_process', 'open_process', 'spawn',
]);
const THIRD_PARTY_CALLS: Record<string, string> = {
  StdioServerParameters: 'an MCP server (StdioServerParameters)',
  MCPServerStdio: 'an MCP server (MCPServerStdio)',
  MCPServerStdioParams: 'an MCP server (MCPServerStdioParams)',
  MultiServerMCPClient: 'MCP servers (MultiServerMCPClient)',
  StdioConnection: 'an MCP server (StdioConnection)',
};
const THIRD_PARTY_KEYS: Record<string, string> = {
  mcpServers: 'an MCP server configuration (mcpServers)',
  mcp_servers: 'an MCP server configuration (mcp_servers)',
  plugins: 'a plugin configuration',
};
/**
 * Local clients that take their settings from an environment mapping they are given, as a child
 * process does from its own (Docker's SDK reads DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH):
 * qualified call -> the keyword that takes the mapping.
 */
const ENV_READING_CLIENTS: Record<string, string> = {
  'docker.from_env': 'environment',
  'docker.client.from_env': 'environment',
  'docker.DockerClient.from_env': 'environment',
};
/** `os.execve(path, args, env)` and friends take the environment positionally. */
const EXEC_WITH_ENV = new Set(['execve', 'execvpe', 'execle', 'spawnve', 'spawnvpe', 'posix_spawn', 'posix_spawnp']);
/** Calls that remove a name: `os.environ.pop(k)`, `os.unsetenv(k)`, pytest's `monkeypatch.delenv(k)`. */
const REMOVING_METHODS = new Set(['pop', 'unsetenv', 'remove', 'discard', 'delenv']);

/** Classifies the enumeration whose env expression is `node` (a call, `**os.environ`, the iterated `os.environ`). */
export function classifyPythonEnumeration(node: Node, scope: ModuleScope, inTest: boolean): Patch | null {
  // `for k, v in dotenv_values(path).items(): os.environ[k] = v`: a `.env` loader.
  if (isDotenvValuesCall(node, scope) && isLoadedIntoEnviron(node, scope)) return { access: 'write' };
  const parent = node.parent;
  // Iteration: `for k in os.environ`, `for k, v in os.environ.items()`, comprehensions.
  if (parent && (parent.type === 'for_in_clause' || parent.type === 'for_statement') && parent.childForFieldName('right')?.id === node.id) {
    const key = firstTarget(parent.childForFieldName('left'));
    if (parent.type === 'for_in_clause') {
      const comprehension = parent.parent;
      const prefixes = key && comprehension ? comprehensionPrefixes(comprehension, key) : null;
      if (prefixes) return filter(prefixes);
      return comprehension && COMPREHENSIONS.has(comprehension.type) ? destination(comprehension, scope, inTest) : null;
    }
    const body = parent.childForFieldName('body');
    if (key && body && isScrubbingBlock(body, key)) return { enumeration: { use: 'scrub' } };
    const value = secondTarget(parent.childForFieldName('left'));
    if (value && isMaskingLoop(parent, value)) return { enumeration: { use: 'mask' } };
    const prefixes = key && body ? loopGuardPrefixes(body, key) : null;
    return prefixes ? filter(prefixes) : null;
  }
  // `list(os.environ)` / `os.environ.keys()` iterated by a for loop: the same as iterating directly.
  if (parent?.type === 'argument_list' && parent.parent?.type === 'call' && ['list', 'tuple', 'sorted'].includes(parent.parent.childForFieldName('function')?.text ?? '')) {
    return classifyPythonEnumeration(parent.parent, scope, inTest);
  }
  return destination(node, scope, inTest);
}

function filter(prefixes: string[]): Patch {
  return { enumeration: { use: 'filter', prefixes: [...new Set(prefixes)].sort(compareCodeUnits) } };
}

/** The first name a loop binds: `k` in `for k in ...`, `for k, v in ...`, `for (k, v) in ...`. */
export function firstTarget(left: Node | null): string | null {
  if (!left) return null;
  if (left.type === 'identifier') return left.text;
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern') return firstTarget(left.namedChildren[0] ?? null);
  return null;
}

/** The second name a loop binds: `v` in `for k, v in ...` (the value of an `.items()` pair). */
function secondTarget(left: Node | null): string | null {
  if (left?.type !== 'pattern_list' && left?.type !== 'tuple_pattern') return null;
  const second = left.namedChildren[1];
  return left.namedChildren.length === 2 && second?.type === 'identifier' ? second.text : null;
}

/** `if k.startswith("P")` clauses (any one of them narrows the comprehension). */
function comprehensionPrefixes(comprehension: Node, key: string): string[] | null {
  for (const clause of comprehension.namedChildren) {
    if (clause.type !== 'if_clause') continue;
    const prefixes = prefixesOf(clause.namedChildren[0] ?? null, key);
    if (prefixes) return prefixes;
  }
  return null;
}

/** `for k, v in os.environ.items(): if k.startswith("P"): ...` with nothing else in the loop. */
function loopGuardPrefixes(body: Node, key: string): string[] | null {
  const statements = body.namedChildren.filter((n) => n.type !== 'comment');
  if (statements.length !== 1 || statements[0].type !== 'if_statement') return null;
  if (statements[0].childrenForFieldName('alternative').length > 0) return null;
  return prefixesOf(statements[0].childForFieldName('condition'), key);
}

function prefixesOf(condition: Node | null, key: string): string[] | null {
  if (!condition) return null;
  if (condition.type === 'parenthesized_expression') return prefixesOf(condition.namedChildren[0] ?? null, key);
  if (condition.type === 'boolean_operator') {
    const left = prefixesOf(condition.childForFieldName('left'), key);
    const right = prefixesOf(condition.childForFieldName('right'), key);
    const operator = condition.childForFieldName('operator')?.text ?? condition.children[1]?.text;
    if (operator === 'or') return left && right ? [...left, ...right] : null;
    return left ?? right;
  }
  if (condition.type !== 'call') return null;
  const fn = condition.childForFieldName('function');
  if (fn?.type !== 'attribute' || fn.childForFieldName('attribute')?.text !== 'startswith') return null;
  if (fn.childForFieldName('object')?.text !== key) return null;
  const argument = condition.childForFieldName('arguments')?.namedChildren[0] ?? null;
  if (!argument) return null;
  if (argument.type === 'string') {
    const text = literalStringText(argument);
    return text ? [text] : null;
  }
  if (argument.type === 'tuple') {
    const texts = argument.namedChildren.map((n) => (n.type === 'string' ? literalStringText(n) : null));
    return texts.length > 0 && texts.every((t): t is string => !!t) ? texts : null;
  }
  return null;
}

/** Every statement (through `if` guards) only removes the loop's name from somewhere. */
function isScrubbingBlock(block: Node, key: string): boolean {
  const statements = block.namedChildren.filter((n) => n.type !== 'comment');
  return statements.length > 0 && statements.every((statement) => isRemoval(statement, key));
}

function isRemoval(statement: Node, key: string): boolean {
  if (statement.type === 'if_statement') {
    const consequence = statement.childForFieldName('consequence');
    return !!consequence && isScrubbingBlock(consequence, key) && statement.childrenForFieldName('alternative').length === 0;
  }
  if (statement.type === 'delete_statement') return statement.text.includes(key);
  if (statement.type !== 'expression_statement') return false;
  const call = statement.namedChildren[0];
  if (call?.type !== 'call') return false;
  const fn = call.childForFieldName('function');
  const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text.split('.').pop();
  const first = call.childForFieldName('arguments')?.namedChildren[0];
  return !!method && REMOVING_METHODS.has(method) && first?.text === key;
}

/** Where a copy of the environment goes: a keyword `env=` of a call, a dict key, a variable. */
function destination(value: Node, scope: ModuleScope, inTest: boolean, depth = 0): Patch | null {
  let node = value;
  let underEnvKey = false;
  let thirdPartyKey: string | null = null;
  for (let steps = 0; steps < 30; steps++) {
    const parent = node.parent;
    if (!parent) return null;
    switch (parent.type) {
      case 'parenthesized_expression':
      case 'dictionary':
      case 'dictionary_splat':
        node = parent;
        continue;
      case 'conditional_expression':
        // `env if cond else other`: the copy is one value of the choice; as the condition it is only tested.
        if (parent.namedChildren[1]?.id === node.id) return null;
        node = parent;
        continue;
      case 'return_statement':
        if (underEnvKey || thirdPartyKey) return thirdPartyKey ? thirdParty(thirdPartyKey) : null;
        return returnedToCallers(parent, scope, inTest, depth);
      case 'pair': {
        if (parent.childForFieldName('value')?.id !== node.id) return null;
        const keyNode = parent.childForFieldName('key');
        const key = keyNode?.type === 'string' ? literalStringText(keyNode) : null;
        if (key === 'env') underEnvKey = true;
        else if (key !== null && THIRD_PARTY_KEYS[key] && underEnvKey) thirdPartyKey = THIRD_PARTY_KEYS[key];
        else if (!underEnvKey) return null;
        node = parent;
        continue;
      }
      case 'keyword_argument': {
        const name = parent.childForFieldName('name')?.text;
        const call = parent.parent?.parent;
        if (!call || call.type !== 'call') return null;
        if (name === 'env') return byCallee(call, scope, true, thirdPartyKey) ?? (!thirdPartyKey ? throughLocalFunction(call, node, scope, inTest, depth) : null);
        if (underEnvKey) return byCallee(call, scope, true, thirdPartyKey) ?? (thirdPartyKey ? thirdParty(thirdPartyKey) : null);
        const client = scope.qualify(call.childForFieldName('function'));
        if (client && ENV_READING_CLIENTS[client] === name && !thirdPartyKey) return { enumeration: { use: 'child-process', target: `${client}()` } };
        return throughLocalFunction(call, node, scope, inTest, depth);
      }
      case 'argument_list': {
        const call = parent.parent;
        if (!call || call.type !== 'call') return null;
        // `os.environ.update(dotenv_values(path))`: the file's values written into the environment.
        if (!underEnvKey && !thirdPartyKey && isDotenvValuesCall(value, scope) && scope.qualify(call.childForFieldName('function')) === 'os.environ.update') return { access: 'write' };
        // `os.execve(path, args, env)`: the environment is a positional argument of the exec family.
        const positionalEnv = EXEC_WITH_ENV.has(call.childForFieldName('function')?.text.split('.').pop() ?? '');
        const found = byCallee(call, scope, underEnvKey || positionalEnv, thirdPartyKey) ?? (thirdPartyKey ? thirdParty(thirdPartyKey) : null);
        return found ?? (underEnvKey ? null : throughLocalFunction(call, node, scope, inTest, depth));
      }
      case 'assignment': {
        if (parent.childForFieldName('right')?.id !== node.id) return null;
        const left = parent.childForFieldName('left');
        if (thirdPartyKey) return thirdParty(thirdPartyKey);
        if (underEnvKey) return null;
        // Test code saving the environment to put it back (`self.saved = os.environ.copy()` in `setUp`): a snapshot.
        if (inTest && (left?.type === 'identifier' || left?.type === 'attribute')) return { access: 'snapshot' };
        if (left?.type !== 'identifier') return null;
        return depth < MAX_DEPTH ? copyUse(parent, left.text, scope, inTest, depth) : null;
      }
      default:
        return thirdPartyKey ? thirdParty(thirdPartyKey) : null;
    }
  }
  return null;
}

function thirdParty(target: string): Patch {
  return { enumeration: { use: 'third-party', target } };
}

function byCallee(call: Node, scope: ModuleScope, asEnv: boolean, thirdPartyKey: string | null): Patch | null {
  const fn = call.childForFieldName('function');
  const qualified = scope.qualify(fn) ?? '';
  const last = (fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : fn?.text) ?? '';
  if (THIRD_PARTY_CALLS[last]) return thirdParty(THIRD_PARTY_CALLS[last]);
  if (thirdPartyKey) return thirdParty(thirdPartyKey);
  if (asEnv && CHILD_PROCESS_CALLS.has(last) && CHILD_PROCESS_MODULES.some((m) => qualified.startsWith(m))) return { enumeration: { use: 'child-process', target: `${qualified}()` } };
  return null;
}

/** How many steps (a copy in a variable, a local helper) a copy of the environment is followed. */
const MAX_DEPTH = 5;

/** Of the places one copy reaches, the one that says least in its favour; null when one of them is unknown. */
function worstOf(patches: Array<Patch | null>): Patch | null {
  if (patches.length === 0 || patches.some((p) => p === null)) return null;
  return patches.find((p) => p!.enumeration?.use !== 'child-process') ?? patches[0];
}

/**
 * `def _env(): return {**os.environ, "X": "1"}` (directly or through a variable): the copy goes
 * where each call of the function in this module takes it. A method, a function without callers
 * here, or one whose name is passed around stays unknown.
 */
function returnedToCallers(statement: Node, scope: ModuleScope, inTest: boolean, depth: number): Patch | null {
  if (depth >= MAX_DEPTH) return null;
  const owner = enclosingFunction(statement);
  const sites = owner ? callSites(owner.fn, owner.name, scope) : null;
  // A module-level function this module never calls: other modules do; judged at their calls (src/core/env-copy-helpers.ts).
  if (owner && sites?.length === 0 && isModuleLevel(owner.fn)) return { returnedBy: { function: owner.name } };
  return sites ? worstOf(sites.map((site) => destination(site, scope, inTest, depth + 1))) : null;
}

function isModuleLevel(fn: Node): boolean {
  const holder = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  return holder.parent?.type === 'module';
}

/**
 * Where the copy of the environment that another module's function returns goes at one call of it
 * (`subprocess.run(cmd, env=build_env())`, or through a variable): judged as if the copy were made
 * at the call. Null: somewhere this module cannot tell.
 */
export function returnedCopyDestination(call: Node, scope: ModuleScope, inTest: boolean): Patch | null {
  return destination(call, scope, inTest, 1);
}

/**
 * `run_pytest(cmd, env=child_env)` with `def run_pytest(command, *, env)` in this module: the copy
 * goes where the function hands its parameter on (every place; the worst wins).
 */
function throughLocalFunction(call: Node, argument: Node, scope: ModuleScope, inTest: boolean, depth: number): Patch | null {
  if (depth >= MAX_DEPTH) return null;
  const callee = call.childForFieldName('function');
  const fn = callee?.type === 'identifier' ? localFunction(callee.text, call) : null;
  const parameter = fn ? receivingParameter(fn, call, argument) : null;
  const uses = fn && parameter ? parameterUses(fn, parameter) : null;
  return uses ? worstOf(uses.map((use) => destination(use, scope, inTest, depth + 1))) : null;
}

/** `env = os.environ.copy(); env["X"] = "1"; subprocess.run(cmd, env=env)`: the copy's use in the same function. */
function copyUse(assignment: Node, variable: string, scope: ModuleScope, inTest: boolean, depth: number): Patch | null {
  let owner: Node | null = assignment.parent;
  while (owner && owner.type !== 'function_definition' && owner.type !== 'module') owner = owner.parent;
  if (!owner) return null;
  // `values = dotenv_values(path)`, then `for k, v in values.items(): os.environ[k] = v` and no other use: a `.env` loader.
  if (isDotenvValuesCall(assignment.childForFieldName('right'), scope)) {
    const uses = owner.descendantsOfType('identifier').filter((id): id is Node => !!id && id.text === variable && id.startIndex > assignment.startIndex);
    if (uses.length > 0 && uses.every((use) => isLoadedIntoEnviron(use, scope))) return { access: 'write' };
  }
  for (const identifier of owner.descendantsOfType('identifier')) {
    if (!identifier || identifier.text !== variable || identifier.startIndex <= assignment.startIndex) continue;
    const parent = identifier.parent;
    if (parent?.type === 'keyword_argument' && parent.childForFieldName('value')?.id === identifier.id) {
      const found = destination(identifier, scope, inTest, depth + 1);
      if (found) return found;
    }
    // `return env`: where the function's callers take it.
    if (parent?.type === 'return_statement') {
      const found = destination(identifier, scope, inTest, depth + 1);
      if (found) return found;
    }
    // `os.environ.update(saved)` / `os.environ.clear(); os.environ.update(saved)`: a save, put back.
    if (parent?.type === 'argument_list') {
      const call = parent.parent;
      if (call?.type === 'call' && scope.qualify(call.childForFieldName('function')) === 'os.environ.update') return { access: 'snapshot' };
      const found = destination(identifier, scope, inTest, depth + 1);
      if (found) return found;
    }
  }
  return null;
}

/** python-dotenv's `dotenv_values(path)`: the values of a `.env` file, not of the environment. */
const DOTENV_VALUES = new Set(['dotenv.dotenv_values', 'dotenv.main.dotenv_values']);

function isDotenvValuesCall(node: Node | null, scope: ModuleScope): boolean {
  return node?.type === 'call' && DOTENV_VALUES.has(scope.qualify(node.childForFieldName('function')) ?? '');
}

/**
 * `values` (a `.env` file's mapping) iterated by a loop that only writes each pair into the
 * environment: `for k, v in values.items(): [if v is not None:] os.environ[k] = v` (also
 * `os.environ.setdefault(k, v)`, `os.putenv(k, v)`). That is what `load_dotenv()` does: the file
 * is loaded, no value of the environment is read or exposed.
 */
function isLoadedIntoEnviron(values: Node, scope: ModuleScope): boolean {
  let iterated: Node = values;
  const items = values.parent;
  if (items?.type === 'attribute' && items.childForFieldName('object')?.id === values.id && items.childForFieldName('attribute')?.text === 'items' && items.parent?.type === 'call') iterated = items.parent;
  const loop = iterated.parent;
  if (loop?.type !== 'for_statement' || loop.childForFieldName('right')?.id !== iterated.id) return false;
  const targets = loop.childForFieldName('left');
  if (iterated === values || (targets?.type !== 'pattern_list' && targets?.type !== 'tuple_pattern') || targets.namedChildren.length !== 2) return false;
  const [key, value] = targets.namedChildren.map((n) => (n.type === 'identifier' ? n.text : null));
  const body = loop.childForFieldName('body');
  return !!key && !!value && !!body && isLoaderBlock(body, key, value, scope);
}

function isLoaderBlock(block: Node, key: string, value: string, scope: ModuleScope): boolean {
  const statements = block.namedChildren.filter((n) => n.type !== 'comment');
  return statements.length > 0 && statements.every((statement) => isLoaderStatement(statement, key, value, scope));
}

function isLoaderStatement(statement: Node, key: string, value: string, scope: ModuleScope): boolean {
  if (statement.type === 'if_statement') {
    const consequence = statement.childForFieldName('consequence');
    return !!consequence && statement.childrenForFieldName('alternative').length === 0 && isLoaderBlock(consequence, key, value, scope);
  }
  if (statement.type !== 'expression_statement') return false;
  const expression = statement.namedChildren[0];
  if (expression?.type === 'assignment') {
    const left = expression.childForFieldName('left');
    return left?.type === 'subscript' && scope.qualify(left.childForFieldName('value')) === 'os.environ'
      && left.childForFieldName('subscript')?.text === key && expression.childForFieldName('right')?.text === value;
  }
  if (expression?.type !== 'call') return false;
  const callee = scope.qualify(expression.childForFieldName('function'));
  const args = expression.childForFieldName('arguments')?.namedChildren ?? [];
  return (callee === 'os.environ.setdefault' || callee === 'os.putenv') && args.length === 2 && args[0].text === key && args[1].text === value;
}
