// What code does with the whole environment object once it is handed on, worked out after the
// walk (when every node's parent is known): a schema parse (`z.object({...}).parse(process.env)`:
// the schema keys are the names read), a prefix filter, a copy saved or put back (tests), a
// child process's env (plain inheritance), or a process configured by someone else (an MCP
// server). The front end only describes; rules decide what to report.
import type { EnvEnumerationUse, EnvReadFact } from '../../core/facts.js';
import { propertyNameText } from './const-strings.js';
import { unwrapTransparent } from './env-objects.js';
import { accessorReads, argumentIndex, callsOfReturningFunction, exportedReturningFunction, functionParameterUses, parameterUses, promisifiedFunction, type ConstantRead, type Held, type ParameterUse } from './env-local-functions.js';
import type { Scope } from './scopes.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';
import { compareCodeUnits } from '../../core/compare.js';
import { isMaskingLoop } from './env-masking-loop.js';
import { importOf } from './export-origin.js';

/** Calls that start a child process of the code's own choosing; their `env` option is inherited by it. */
const CHILD_PROCESS_CALLS = new Set([
  'spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork',
  'execa', 'execaSync', 'execaNode', 'execaCommand', 'execaCommandSync', 'crossSpawn', 'Command', 'Worker',
]);

/** Modules whose child-process functions keep their meaning under another local name (`import { execa as run } from 'execa'`). */
const CHILD_PROCESS_MODULES = new Set(['child_process', 'node:child_process', 'execa', 'cross-spawn']);

/**
 * Browser and Electron launchers (Playwright's `_electron`/`chromium`/`firefox`/`webkit`,
 * Puppeteer): `electron.launch({ env })` starts the app or browser as a child process with that env.
 */
const LAUNCHER_RECEIVERS = new Set(['electron', '_electron', 'chromium', 'firefox', 'webkit', 'puppeteer', 'playwright']);

/** `spawn(...)`, `execa(...)`, `electron.launch(...)`: a call that starts a child process of the code's choosing. */
function startsChildProcess(name: string): boolean {
  const parts = name.split('.');
  const last = parts[parts.length - 1]!;
  if (CHILD_PROCESS_CALLS.has(last)) return true;
  return last === 'launch' && parts.length >= 2 && LAUNCHER_RECEIVERS.has(parts[parts.length - 2]!);
}

/**
 * Agent SDKs whose `env` option is the environment of the CLI they start as the caller's own child
 * process (the SDK passes its own process's environment when none is given): module -> exported
 * function or class -> what the finding would call it.
 */
const SPAWNING_SDKS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '@openai/codex-sdk': { Codex: 'the Codex CLI (new Codex({ env }))' },
  '@anthropic-ai/claude-agent-sdk': { query: 'the Claude Code CLI (query({ options: { env } }))' },
  '@anthropic-ai/claude-code': { query: 'the Claude Code CLI (query({ options: { env } }))' },
};

/**
 * `Codex` imported from `@openai/codex-sdk`, `sdk.Codex` with `import * as sdk` (also through a
 * `const alias = sdk as any`): the child-process target, else null.
 */
function spawningSdkCall(name: string, sourceFile: TS.SourceFile): string | null {
  const parts = name.split('.');
  if (parts.length === 1) {
    const imported = importOf(sourceFile, name);
    return imported ? (SPAWNING_SDKS[imported.specifier]?.[imported.function] ?? null) : null;
  }
  if (parts.length !== 2) return null;
  const module = namespaceModule(parts[0]!, sourceFile, 0);
  return module ? (SPAWNING_SDKS[module]?.[parts[1]!] ?? null) : null;
}

/** The module a local name holds as a whole (`import * as m from 'x'`, or `const a = m as any` of one), else null. */
function namespaceModule(local: string, sourceFile: TS.SourceFile, depth: number): string | null {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const bindings = statement.importClause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === local && !statement.importClause?.isTypeOnly) return statement.moduleSpecifier.text;
    } else if (depth < 2 && ts.isVariableStatement(statement) && (statement.declarationList.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== local || !declaration.initializer) continue;
        let value: TS.Expression = declaration.initializer;
        while (ts.isAsExpression(value) || ts.isParenthesizedExpression(value) || ts.isSatisfiesExpression(value)) value = value.expression;
        return ts.isIdentifier(value) ? namespaceModule(value.text, sourceFile, depth + 1) : null;
      }
    }
  }
  return null;
}

/** Vitest's config builders (`vitest/config`): their argument's `test` is the runner's own test settings. */
const VITEST_CONFIG_CALLS = new Set(['defineConfig', 'defineProject', 'defineWorkspace', 'mergeConfig']);

/** The `test:` property sits in an argument of a Vitest config builder (through nested objects, lists and `projects`). */
function inVitestConfigCall(property: TS.PropertyAssignment): boolean {
  for (let node: TS.Node = property.parent; ; node = node.parent) {
    const parent = node.parent;
    if (!parent) return false;
    if (ts.isCallExpression(parent)) return parent.arguments.includes(node as TS.Expression) && VITEST_CONFIG_CALLS.has(calleeText(parent.expression)?.split('.').pop() ?? '');
    if (!(ts.isObjectLiteralExpression(parent) || ts.isPropertyAssignment(parent) || ts.isArrayLiteralExpression(parent) || ts.isParenthesizedExpression(parent) || ts.isSpreadElement(parent) || ts.isSpreadAssignment(parent))) return false;
  }
}

/** Processes configured outside the code (by users or third parties) that receive the env they are given. */
const THIRD_PARTY_CALLS: Record<string, string> = {
  StdioClientTransport: 'an MCP server (StdioClientTransport)',
  Experimental_StdioMCPTransport: 'an MCP server (Experimental_StdioMCPTransport)',
  StdioServerTransport: 'an MCP server (StdioServerTransport)',
};

/** Object keys under which a configuration lists third-party processes. */
const THIRD_PARTY_KEYS: Record<string, string> = {
  mcpServers: 'an MCP server configuration (mcpServers)',
  plugins: 'a plugin configuration',
};

/** Calls that only copy or reshape the object they are given. */
const COPYING_CALLS = new Set(['Object.entries', 'Object.keys', 'Object.values', 'Object.fromEntries', 'Object.assign', 'structuredClone']);
/** Methods on an array of entries that keep (a subset of) them. */
const RESHAPING_METHODS = new Set(['map', 'flatMap', 'slice', 'concat', 'sort', 'toSorted', 'reverse', 'reduce']);
const SCHEMA_PARSE_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);
const SCHEMA_OBJECT_BUILDERS = new Set(['object', 'strictObject', 'looseObject']);
/** Schema methods that keep the receiver's keys; `passthrough`-like ones also let every other name through. */
const SCHEMA_KEEPING_METHODS = new Set(['strict', 'strip', 'partial', 'required', 'describe', 'readonly', 'refine', 'superRefine', 'transform', 'pick', 'omit', 'brand', 'default', 'optional']);
const SCHEMA_PASSING_METHODS = new Set(['passthrough', 'catchall', 'loose']);
/** t3-env `createEnv({ server, client, shared, runtimeEnv })`: the key lists. */
const CREATE_ENV_KEY_LISTS = ['server', 'client', 'shared'];

export interface SchemaKeys {
  keys: Array<{ name: string; node: TS.Node }>;
  /** Every name the schema can let through is in `keys`. */
  complete: boolean;
}

export type EnumerationOutcome =
  | { kind: 'unknown' }
  | { kind: 'fact'; patch: Pick<EnvReadFact, 'access' | 'enumeration' | 'returnedBy'> }
  | { kind: 'schema'; schema: SchemaKeys; api: string }
  /** Handed to a function imported from another module: judged there (src/core/env-object-handoffs.ts). */
  | { kind: 'handoff'; handedTo: NonNullable<EnvReadFact['handedTo']> };

interface Climb {
  node: TS.Node;
  prefixes: string[] | null;
  underEnvKey: boolean;
  thirdPartyKey: string | null;
}

/** Classifies the handed-on env object at `use`. `inTest`: the file is test code. */
export function classifyEnumeration(use: TS.Node, scope: Scope, sourceFile: TS.SourceFile, inTest: boolean): EnumerationOutcome {
  return climb({ node: use, prefixes: null, underEnvKey: false, thirdPartyKey: null }, scope, sourceFile, inTest, 0);
}

function climb(state: Climb, scope: Scope, sourceFile: TS.SourceFile, inTest: boolean, depth: number): EnumerationOutcome {
  let { node, prefixes, underEnvKey, thirdPartyKey } = state;
  for (let steps = 0; steps < 40; steps++) {
    const parent = node.parent;
    if (!parent) return { kind: 'unknown' };
    switch (parent.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.SpreadElement:
      case SyntaxKind.SpreadAssignment:
      case SyntaxKind.ArrayLiteralExpression:
      case SyntaxKind.AwaitExpression:
        node = parent;
        continue;
      case SyntaxKind.ObjectLiteralExpression:
        node = parent;
        continue;
      case SyntaxKind.ConditionalExpression: {
        // `...(enabled ? [{ command, env: { ...process.env } }] : [])`: either branch is the value; the condition is not.
        if ((parent as TS.ConditionalExpression).condition === node) return { kind: 'unknown' };
        node = parent;
        continue;
      }
      case SyntaxKind.PropertyAssignment: {
        const property = parent as TS.PropertyAssignment;
        if (property.initializer !== node) return { kind: 'unknown' };
        const key = propertyNameText(property.name);
        if (key === 'env') underEnvKey = true;
        else if (key === 'runtimeEnv' || key === 'experimental__runtimeEnv') {
          const schema = createEnvKeys(property.parent);
          return schema ? { kind: 'schema', schema, api: 'createEnv()' } : { kind: 'unknown' };
        } else if (key === 'webServer' && underEnvKey && !prefixes) {
          // Playwright's `webServer: { command, env }` (one or a list): the test runner starts that command with this env.
          return fact({ enumeration: { use: 'child-process', target: 'Playwright webServer' } });
        } else if (key === 'test' && underEnvKey && !prefixes && inVitestConfigCall(property)) {
          // Vitest's `test.env`: the environment of the runner's own test workers, which inherit the runner's anyway.
          return fact({ enumeration: { use: 'child-process', target: 'Vitest test workers (test.env)' } });
        } else if (key !== null && THIRD_PARTY_KEYS[key] && underEnvKey) thirdPartyKey = THIRD_PARTY_KEYS[key];
        else if (!underEnvKey) return { kind: 'unknown' };
        node = property.parent;
        continue;
      }
      case SyntaxKind.PropertyAccessExpression: {
        // `Object.entries(env).filter(...)`: a method called on the (copied) entries.
        const access = parent as TS.PropertyAccessExpression;
        const call = access.parent;
        if (access.expression !== node || !call || !ts.isCallExpression(call) || call.expression !== access) return { kind: 'unknown' };
        const method = access.name.text;
        if (method === 'filter') {
          const found = callbackPrefixes(call.arguments[0]);
          // Chained filters only narrow further: the first prefix test already bounds the names.
          if (found && !prefixes) prefixes = found;
        } else if (method === 'forEach') {
          return isScrubbingCallback(call.arguments[0]) ? fact({ enumeration: { use: 'scrub' } }) : { kind: 'unknown' };
        } else if (!RESHAPING_METHODS.has(method)) return { kind: 'unknown' };
        node = call;
        continue;
      }
      case SyntaxKind.CallExpression: {
        const call = parent as TS.CallExpression;
        if (call.expression === node) return { kind: 'unknown' };
        const name = calleeText(call.expression);
        // `Object.keys(process.env).includes(name)`: a presence test on the names, like `name in process.env`.
        if (name === 'Object.keys' && (isMembershipTest(call) || keptForMembershipTests(call))) return fact({ enumeration: { use: 'presence' } });
        // `expect(process.env).not.toHaveProperty('TEST_B')`: a test of one name's presence, like `'TEST_B' in process.env`.
        if (name === 'expect' && call.arguments[0] === node && isPropertyPresenceAssertion(call)) return fact({ enumeration: { use: 'presence' } });
        if (name !== null && COPYING_CALLS.has(name)) {
          node = call;
          continue;
        }
        return destination(call, node, name, { prefixes, underEnvKey, thirdPartyKey }, scope);
      }
      case SyntaxKind.NewExpression: {
        const call = parent as TS.NewExpression;
        return destination(call, node, calleeText(call.expression), { prefixes, underEnvKey, thirdPartyKey }, scope);
      }
      case SyntaxKind.ForOfStatement: {
        const loop = parent as TS.ForOfStatement;
        if (loop.expression !== node) return { kind: 'unknown' };
        if (isScrubbingBody(loop.statement)) return fact({ enumeration: { use: 'scrub' } });
        if (isMaskingLoop(loop)) return fact({ enumeration: { use: 'mask' } });
        // `for (const [key, value] of Object.entries(process.env)) { if (key.startsWith('MONGOMS_')) … }`: as a filter.
        const guarded = prefixes ? null : loopKeyPrefixes(loop);
        return guarded ? filtered(guarded) : terminal();
      }
      case SyntaxKind.BinaryExpression: {
        const binary = parent as TS.BinaryExpression;
        // `options?.env ?? createCliEnv()`: the copy is one value the expression may have.
        const choice = binary.operatorToken.kind === SyntaxKind.QuestionQuestionToken || binary.operatorToken.kind === SyntaxKind.BarBarToken;
        if (choice && (binary.right === node || binary.left === node)) {
          node = binary;
          continue;
        }
        // `process.env = { ...saved }`: the environment is put back (or reset), nothing is read.
        if (binary.right === node && binary.operatorToken.kind === SyntaxKind.EqualsToken && isProcessEnv(binary.left)) return fact({ access: 'snapshot' });
        // `saved = { ...process.env }` (declared earlier, assigned in a `beforeEach`): a copy, as in a declaration.
        if (binary.right === node && binary.operatorToken.kind === SyntaxKind.EqualsToken && !prefixes && !thirdPartyKey && !underEnvKey) {
          if (ts.isIdentifier(binary.left)) return copyDestination(binary.left.text, sourceFile, inTest, depth, binary);
          if (inTest && ts.isPropertyAccessExpression(binary.left)) return fact({ access: 'snapshot' });
        }
        return { kind: 'unknown' };
      }
      case SyntaxKind.ReturnStatement:
      case SyntaxKind.ArrowFunction: {
        // `function getProcessEnv() { return process.env }` whose callers only read constant names.
        if (prefixes || underEnvKey || thirdPartyKey || (ts.isArrowFunction(parent) && parent.body !== node)) return terminal();
        // Test code: a copy returned as it is (`() => ({ ...process.env, HOME: tmp })`) is judged where
        // the test's calls take it (the CLI under test, started as a child). Outside tests such a copy
        // stays reported (see copyDestination): nothing says every caller's process is meant to get it all.
        if (inTest && ts.isObjectLiteralExpression(unwrapTransparent(node as TS.Expression))) {
          const found = returnedToCallers(ts.isReturnStatement(parent) ? parent : node, sourceFile, false, depth);
          if (found.kind === 'fact') return found;
        }
        return accessorOutcome(parent, node);
      }
      case SyntaxKind.VariableDeclaration: {
        const declaration = parent as TS.VariableDeclaration;
        if (declaration.initializer !== node || !ts.isIdentifier(declaration.name) || prefixes || thirdPartyKey) return terminal();
        if (underEnvKey) return optionsDestination(declaration.name.text, sourceFile, depth, declaration);
        return copyDestination(declaration.name.text, sourceFile, inTest, depth, declaration);
      }
      default:
        return terminal();
    }
  }
  return { kind: 'unknown' };

  /** Where the climb ends without a known consumer: a third-party configuration or a prefix filter, if seen on the way. */
  function terminal(): EnumerationOutcome {
    return thirdPartyKey ? fact({ enumeration: { use: 'third-party', target: thirdPartyKey } }) : filtered(prefixes);
  }

  function destination(call: TS.CallExpression | TS.NewExpression, argument: TS.Node, name: string | null, found: Omit<Climb, 'node'>, callScope: Scope): EnumerationOutcome {
    const args = call.arguments ?? ts.factory.createNodeArray();
    if (ts.isCallExpression(call) && name !== null) {
      const method = name.split('.').pop()!;
      // `schema.parse(process.env)` / valibot `v.parse(schema, process.env)`.
      if (SCHEMA_PARSE_METHODS.has(method) && !found.underEnvKey) {
        const receiver = args[0] === argument && ts.isPropertyAccessExpression(call.expression) ? call.expression.expression : args[1] === argument ? args[0] : undefined;
        const schema = receiver ? schemaKeys(receiver, callScope, 0) : null;
        if (schema) return { kind: 'schema', schema, api: `${method}()` };
      }
      // envalid `cleanEnv(process.env, { A: str() })`.
      if (method === 'cleanEnv' && args[0] === argument && args[1]) {
        const keys = objectKeys(args[1], callScope);
        if (keys) return { kind: 'schema', schema: keys, api: 'cleanEnv()' };
      }
    }
    if (!found.underEnvKey) return (!found.prefixes && (throughLocalFunction(call, argument, 'env', callScope) ?? importedFunction(call, argument, 'env', callScope, 'relative') ?? parsedBySchema(call, callScope) ?? importedFunction(call, argument, 'env', callScope, 'bare'))) || filtered(found.prefixes);
    const last = name?.split('.').pop() ?? null;
    if (last !== null && THIRD_PARTY_CALLS[last]) return fact({ enumeration: { use: 'third-party', target: THIRD_PARTY_CALLS[last] } });
    if (found.thirdPartyKey) return fact({ enumeration: { use: 'third-party', target: found.thirdPartyKey } });
    if (name !== null && startsChildProcess(name)) return fact({ enumeration: { use: 'child-process', target: `${name}()` } });
    // `new Codex({ env })`, `query({ options: { env } })`: an agent SDK that runs its CLI as the code's own child.
    const sdk = name !== null ? spawningSdkCall(name, sourceFile) : null;
    if (sdk) return fact({ enumeration: { use: 'child-process', target: sdk } });
    // `import { execa as execaBase } from 'execa'`: the same function under a local name.
    const aliased = name !== null && !name.includes('.') ? importOf(sourceFile, name) : null;
    if (aliased && CHILD_PROCESS_MODULES.has(aliased.specifier) && CHILD_PROCESS_CALLS.has(aliased.function)) return fact({ enumeration: { use: 'child-process', target: `${aliased.function}()` } });
    // `const execFileAsync = promisify(execFile)`: the same child process, awaited.
    const promisified = name !== null && !name.includes('.') ? promisifiedFunction(name, call, sourceFile) : null;
    if (promisified !== null && CHILD_PROCESS_CALLS.has(promisified)) return fact({ enumeration: { use: 'child-process', target: `${name}()` } });
    return (!found.prefixes && !found.thirdPartyKey && (throughLocalFunction(call, argument, 'options', callScope) ?? importedFunction(call, argument, 'options', callScope, 'any'))) || filtered(found.prefixes);
  }

  /**
   * `Schema.parse(removeEmptyEnvVariables(process.env))` with a function this file cannot follow
   * (imported from a package, `@acme/shared`): whatever it does to the object, the schema parses
   * its result, so the schema's keys are the names the code reads (langfuse reads its whole
   * configuration so). A function of the project is followed instead (the two calls above).
   */
  function parsedBySchema(call: TS.CallExpression | TS.NewExpression, callScope: Scope): EnumerationOutcome | null {
    if (!ts.isCallExpression(call)) return null;
    let parsed: TS.Node = call;
    while (parsed.parent && (ts.isParenthesizedExpression(parsed.parent) || ts.isAsExpression(parsed.parent) || ts.isNonNullExpression(parsed.parent) || ts.isSatisfiesExpression(parsed.parent))) parsed = parsed.parent;
    const parse = parsed.parent;
    if (!parse || !ts.isCallExpression(parse) || parse.expression === parsed) return null;
    const method = calleeText(parse.expression)?.split('.').pop();
    if (method === undefined || !SCHEMA_PARSE_METHODS.has(method)) return null;
    const receiver = parse.arguments[0] === parsed && ts.isPropertyAccessExpression(parse.expression) ? parse.expression.expression : parse.arguments[1] === parsed ? parse.arguments[0] : undefined;
    const schema = receiver ? schemaKeys(receiver, callScope, 0) : null;
    return schema ? { kind: 'schema', schema, api: `${method}()` } : null;
  }

  /**
   * `readSettings({ env: process.env })` with `readSettings` imported from another module (`from`
   * says which specifiers count): a relative one, or a bare one (a monorepo package or a tsconfig
   * `paths` alias: src/core/env-object-handoffs.ts finds it in the scan, or the use stays unknown).
   */
  function importedFunction(call: TS.CallExpression | TS.NewExpression, argument: TS.Node, held: Held, callScope: Scope, from: 'relative' | 'bare' | 'any'): EnumerationOutcome | null {
    if (!ts.isCallExpression(call)) return null;
    const callee = unwrapTransparent(call.expression);
    const index = argumentIndex(call, argument);
    if (!ts.isIdentifier(callee) || index === null) return null;
    const imported = importOf(sourceFile, callee.text);
    if (!imported || imported.specifier.startsWith('node:')) return null;
    if (from !== 'any' && imported.specifier.startsWith('.') !== (from === 'relative')) return null;
    // Known to give the object back (the cross-file pass found it so): the call is the env object.
    const returning = returningImports.get(sourceFile) ?? [];
    if (held === 'env' && depth < MAX_WRAPPER_DEPTH && returning.some((entry) => entry.specifier === imported.specifier && entry.function === imported.function && entry.index === index)) {
      return climb({ node: call, prefixes: null, underEnvKey: false, thirdPartyKey: null }, callScope, sourceFile, inTest, depth + 1);
    }
    return { kind: 'handoff', handedTo: { ...imported, index, held } };
  }

  /**
   * `execCommand(cmd, { env: { ...process.env, X } })` with `execCommand` declared in this file:
   * judged where the function hands its parameter on, every such place, and the worst one wins
   * (the same options given to `execSync` and to a telemetry call still expose the environment).
   * Null when the callee is not a local function or its parameter cannot be followed.
   */
  function throughLocalFunction(call: TS.CallExpression | TS.NewExpression, argument: TS.Node, held: Held, callScope: Scope): EnumerationOutcome | null {
    if (depth >= MAX_WRAPPER_DEPTH) return null;
    const found = parameterUses(call, argument, held);
    if (!found) return null;
    const { uses, reads, writes, callee } = found;
    // Only read by constant names inside the function: those reads, as a schema's keys are.
    if (uses.length === 0 && reads.length > 0) return { kind: 'schema', schema: { keys: reads, complete: true }, api: `${callee}()` };
    // Only variables blanked or deleted, by names it lists: a scrub of the caller's environment.
    if (uses.length === 0) return writes > 0 ? fact({ enumeration: { use: 'scrub' } }) : null;
    const outcomes = uses.filter((use) => !use.returned).map((use) => climb({ node: use.node, prefixes: null, underEnvKey: !use.holdsEnv, thirdPartyKey: null }, dummyScope, sourceFile, inTest, depth + 1));
    if (uses.some((use) => use.returned) && held === 'options' && depth + 1 < MAX_WRAPPER_DEPTH) {
      // Options the function gives back (`return { stdio: 'inherit', ...options }`): the env goes where the caller takes the result.
      return worstOf([...outcomes, climb({ node: call, prefixes: null, underEnvKey: true, thirdPartyKey: null }, callScope, sourceFile, inTest, depth + 1)]);
    }
    if (uses.some((use) => use.returned)) {
      // A filter that gives the object back (`removeEmpty(process.env)`): what the caller does with the result.
      return returnsObject(held, uses, outcomes) ? climb({ node: call, prefixes: null, underEnvKey: false, thirdPartyKey: null }, callScope, sourceFile, inTest, depth + 1) : null;
    }
    return worstOf(outcomes);
  }
}

/** Functions other files give the env object back from, per file being classified (FrontEndOptions.envReturningImports). */
const returningImports = new WeakMap<TS.SourceFile, ReadonlyArray<{ specifier: string; function: string; index: number }>>();

/** Tells the classifier which imported functions of `sourceFile` return the env object they are given. */
export function setReturningImports(sourceFile: TS.SourceFile, entries: ReadonlyArray<{ specifier: string; function: string; index: number }>): void {
  returningImports.set(sourceFile, entries);
}

/**
 * Whether a function gives back the env object it was handed and does nothing else with it but
 * remove names (a scrubbing loop, `delete env[key]`): t3-env's `removeEmptyEnvVariables`.
 * `outcomes`: the judgments of its other uses.
 */
function returnsObject(held: Held, uses: ParameterUse[], outcomes: EnumerationOutcome[]): boolean {
  // Besides giving it back, the function may scrub the object or hand it to code that only reads
  // named variables from it (`resolveBuildEnv({ env })` deciding a flag): neither exposes a value.
  return held === 'env' && uses.some((use) => use.returned && use.holdsEnv) && outcomes.every((outcome) => outcome.kind === 'schema' || (outcome.kind === 'fact' && (outcome.patch.enumeration?.use === 'scrub' || outcome.patch.enumeration?.use === 'named-reads')));
}

/**
 * An env object handed out by a local accessor function whose callers only read constant names:
 * those reads, as the keys of a schema (every name the object can give out is known). A function
 * with several returns reports the names at its first one only, so each is read once.
 */
function accessorOutcome(at: TS.Node, returned: TS.Node): EnumerationOutcome {
  const found = accessorReads(ts.isArrowFunction(at) ? returned : at);
  if (!found) return { kind: 'unknown' };
  const keys = ts.isArrowFunction(at) || isFirstValueReturn(at as TS.ReturnStatement) ? found.reads : [];
  return { kind: 'schema', schema: { keys, complete: true }, api: `${found.accessor}()` };
}

/** The first `return <value>` of its function (source order, nested functions aside). */
function isFirstValueReturn(statement: TS.ReturnStatement): boolean {
  let fn: TS.Node | undefined = statement.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return false;
  let first: TS.ReturnStatement | null = null;
  const visit = (node: TS.Node): void => {
    if (first || (node !== fn && ts.isFunctionLike(node))) return;
    if (ts.isReturnStatement(node) && node.expression && !(ts.isIdentifier(node.expression) && node.expression.text === 'undefined') && node.expression.kind !== SyntaxKind.NullKeyword) {
      first = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return first === statement;
}

/** How many local wrappers deep a handed-on env object is followed. */
const MAX_WRAPPER_DEPTH = 3;

/** Of the places one env object is handed to, the one that says least in its favour: anything but the code's own child process. */
function worstOf(outcomes: EnumerationOutcome[]): EnumerationOutcome {
  return outcomes.find((o) => o.kind !== 'fact' || o.patch.enumeration?.use !== 'child-process') ?? outcomes[0];
}

function fact(patch: Pick<EnvReadFact, 'access' | 'enumeration' | 'returnedBy'>): EnumerationOutcome {
  return { kind: 'fact', patch };
}

function filtered(prefixes: string[] | null): EnumerationOutcome {
  return prefixes && prefixes.length > 0 ? fact({ enumeration: { use: 'filter', prefixes: [...prefixes].sort(compareCodeUnits) } }) : { kind: 'unknown' };
}

/**
 * `const copy = { ...process.env }`: a save (test code, or put back with `process.env = copy`)
 * or a child process's env (`spawn(cmd, { env: copy })`); otherwise unknown.
 */
function copyDestination(variable: string, sourceFile: TS.SourceFile, inTest: boolean, depth: number, made: TS.Node): EnumerationOutcome {
  if (inTest) return fact({ access: 'snapshot' });
  if (depth >= MAX_WRAPPER_DEPTH) return { kind: 'unknown' };
  // A wrapper deep (the copy a caller got back from a function), only the uses in the caller's own function count.
  const within = depth > 0 ? enclosingFunctionOf(made) : sourceFile;
  if (!within) return { kind: 'unknown' };
  let outcome: EnumerationOutcome = { kind: 'unknown' };
  const visit = (node: TS.Node): void => {
    if (outcome.kind !== 'unknown') return;
    if (ts.isIdentifier(node) && node.text === variable && node.parent && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) {
      const parent = node.parent;
      if (ts.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === SyntaxKind.EqualsToken && isProcessEnv(parent.left)) {
        outcome = fact({ access: 'snapshot' });
        return;
      }
      // `const env = { ...process.env }; delete env.OPENAI_API_KEY; return env`: a copy the function
      // curates for a child (it takes names out), judged where the function is called. A copy
      // returned as it is (`() => ({ ...process.env, FORCE_COLOR: '1' })`) stays reported: nothing
      // says its callers' processes are meant to get the whole environment.
      const returned = returnedAs(node);
      if (returned && enclosingFunctionOf(returned) === enclosingFunctionOf(made) && removesFrom(variable, enclosingFunctionOf(made))) {
        const found = returnedToCallers(returned, sourceFile, false, depth);
        if (found.kind === 'fact') outcome = found;
        return;
      }
      // `{ env: copy }` or `{ env }` handed to a call.
      const viaEnvKey =
        (ts.isPropertyAssignment(parent) && parent.initializer === node && propertyNameText(parent.name) === 'env') || (ts.isShorthandPropertyAssignment(parent) && variable === 'env');
      if (viaEnvKey) {
        const found = climb({ node: parent, prefixes: null, underEnvKey: true, thirdPartyKey: null }, dummyScope, sourceFile, false, depth + 1);
        if (found.kind === 'fact' || found.kind === 'handoff') outcome = found;
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(within, visit);
  return outcome;
}

/**
 * `const OPTS = { env: { ...process.env, NODE_PATH } }; execFileSync('node', args, OPTS)`: options
 * holding the environment under `env`, handed to a call in the same file (directly or spread into
 * another object): classified as if written at that call; otherwise unknown.
 */
function optionsDestination(variable: string, sourceFile: TS.SourceFile, depth: number, declared: TS.Node): EnumerationOutcome {
  if (depth >= MAX_WRAPPER_DEPTH) return { kind: 'unknown' };
  // Inside a wrapper (`const spawnOptions = { env: options.env }` in the function the object was
  // handed to), the options live in that function: only its uses count.
  const within = depth > 0 ? enclosingFunctionOf(declared) : sourceFile;
  if (!within) return { kind: 'unknown' };
  // Every use that hands the options on must be classified, and the worst one wins: options
  // given to `spawn` and then to a third-party client still expose the environment.
  const outcomes: EnumerationOutcome[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isIdentifier(node) && node.text === variable && node.parent && !(ts.isVariableDeclaration(node.parent) && node.parent.name === node)) {
      const parent = node.parent;
      if ((ts.isCallExpression(parent) && parent.arguments.includes(node as TS.Expression)) || ts.isSpreadAssignment(parent)) {
        outcomes.push(climb({ node, prefixes: null, underEnvKey: true, thirdPartyKey: null }, dummyScope, sourceFile, false, depth + 1));
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(within, visit);
  if (outcomes.length === 0) return { kind: 'unknown' };
  return worstOf(outcomes);
}

/**
 * An env copy a local function returns (`return env`), judged at every call of that function in
 * the file, as if the object were written there; the worst call wins (one call given to
 * `execFile` and another sent to telemetry still expose the environment). Unknown when the
 * function is exported, passed on, never called, or already a wrapper deep.
 */
function returnedToCallers(at: TS.Node, sourceFile: TS.SourceFile, inTest: boolean, depth: number): EnumerationOutcome {
  if (depth >= MAX_WRAPPER_DEPTH) return { kind: 'unknown' };
  const calls = callsOfReturningFunction(at);
  // An exported function this file never calls: judged at its calls in the files that import it (src/core/env-copy-helpers.ts).
  const exported = calls === null ? exportedReturningFunction(at, sourceFile) : null;
  if (exported !== null) return fact({ returnedBy: { function: exported } });
  if (!calls || calls.length === 0) return { kind: 'unknown' };
  return worstOf(calls.map((call) => climb({ node: call, prefixes: null, underEnvKey: false, thirdPartyKey: null }, dummyScope, sourceFile, inTest, depth + 1)));
}

/** The `return` that gives back `copy` itself, or an object it is spread into (`return { ...copy, NODE_ENV: 'test' }`). */
function returnedAs(copy: TS.Identifier): TS.ReturnStatement | null {
  let value: TS.Node = copy;
  if (copy.parent && ts.isSpreadAssignment(copy.parent) && ts.isObjectLiteralExpression(copy.parent.parent)) value = copy.parent.parent;
  while (value.parent && (ts.isParenthesizedExpression(value.parent) || ts.isAsExpression(value.parent) || ts.isSatisfiesExpression(value.parent))) value = value.parent;
  return value.parent && ts.isReturnStatement(value.parent) && value.parent.expression === value ? value.parent : null;
}

/** `delete copy.KEY` / `delete copy[key]` inside `fn` (nested functions aside). */
function removesFrom(variable: string, fn: TS.Node | undefined): boolean {
  if (!fn) return false;
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found || (node !== fn && ts.isFunctionLike(node))) return;
    if (ts.isDeleteExpression(node)) {
      const target = unwrapTransparent(node.expression);
      if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && ts.isIdentifier(target.expression) && target.expression.text === variable) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

function enclosingFunctionOf(node: TS.Node): TS.Node | undefined {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current)) current = current.parent;
  return current;
}

/** Scope lookups are only needed for schema receivers, which a copy never reaches. */
const dummyScope = { lookup: () => undefined } as unknown as Scope;

/** `process.env` itself (through parentheses and type assertions). */
export function isProcessEnv(node: TS.Expression): boolean {
  const value = unwrapTransparent(node);
  return ts.isPropertyAccessExpression(value) && value.name.text === 'env' && ts.isIdentifier(value.expression) && value.expression.text === 'process';
}

function calleeText(expression: TS.Expression): string | null {
  const value = unwrapTransparent(expression);
  if (ts.isIdentifier(value)) return value.text;
  if (ts.isPropertyAccessExpression(value)) {
    const owner = calleeText(value.expression);
    return owner === null ? value.name.text : `${owner}.${value.name.text}`;
  }
  return null;
}

/** The key parameter of an entries/keys callback: `([key]) => ...`, `([key, value]) => ...`, `(key) => ...`. */
function keyParameter(fn: TS.Expression | undefined): { name: string; body: TS.ConciseBody } | null {
  if (!fn) return null;
  const value = unwrapTransparent(fn);
  if (!ts.isArrowFunction(value) && !ts.isFunctionExpression(value)) return null;
  const first = value.parameters[0]?.name;
  if (!first) return null;
  if (ts.isIdentifier(first)) return { name: first.text, body: value.body };
  if (ts.isArrayBindingPattern(first)) {
    const element = first.elements[0];
    if (element && ts.isBindingElement(element) && ts.isIdentifier(element.name)) return { name: element.name.text, body: value.body };
  }
  return null;
}

function returnedExpression(body: TS.ConciseBody): TS.Expression | null {
  if (!ts.isBlock(body)) return body;
  const only = body.statements.length === 1 ? body.statements[0] : undefined;
  return only && ts.isReturnStatement(only) && only.expression ? only.expression : null;
}

/** `([key]) => key.startsWith('TOOL_')` (or `||` of such, `&&` with anything): the prefixes kept. */
function callbackPrefixes(fn: TS.Expression | undefined): string[] | null {
  const parameter = keyParameter(fn);
  if (!parameter) return null;
  const expression = returnedExpression(parameter.body);
  return expression ? prefixesOf(expression, parameter.name) : null;
}

function prefixesOf(expression: TS.Expression, key: string): string[] | null {
  const value = unwrapTransparent(expression);
  if (ts.isBinaryExpression(value)) {
    const left = prefixesOf(value.left, key);
    const right = prefixesOf(value.right, key);
    if (value.operatorToken.kind === SyntaxKind.BarBarToken) return left && right ? [...left, ...right] : null;
    if (value.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken) return left ?? right;
    return null;
  }
  if (!ts.isCallExpression(value) || !ts.isPropertyAccessExpression(value.expression)) return null;
  const method = value.expression.name.text;
  const target = unwrapTransparent(value.expression.expression);
  const argument = value.arguments[0] ? unwrapTransparent(value.arguments[0]) : undefined;
  // key.startsWith('P')
  if (method === 'startsWith' && ts.isIdentifier(target) && target.text === key && argument && ts.isStringLiteralLike(argument) && argument.text !== '') return [argument.text];
  // /^P/.test(key)
  if (method === 'test' && ts.isRegularExpressionLiteral(target) && argument && ts.isIdentifier(argument) && argument.text === key) {
    const match = /^\/\^([A-Za-z0-9_]+)\/[a-z]*$/.exec(target.text);
    return match ? [match[1]] : null;
  }
  return null;
}

/**
 * The prefixes a loop over the environment's names is bounded to: its body is nothing but `if`s
 * (without `else`) whose condition tests the key's prefix (`key.startsWith('MONGOMS_') && value`),
 * the key being the loop variable (`const key`) or the first element of its pair (`const [key, value]`).
 */
function loopKeyPrefixes(loop: TS.ForOfStatement): string[] | null {
  const list = loop.initializer;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1) return null;
  const binding = list.declarations[0].name;
  const first = ts.isArrayBindingPattern(binding) ? binding.elements[0] : undefined;
  const key = ts.isIdentifier(binding) ? binding.text : first && ts.isBindingElement(first) && ts.isIdentifier(first.name) ? first.name.text : null;
  if (!key) return null;
  const statements = ts.isBlock(loop.statement) ? loop.statement.statements : [loop.statement];
  if (statements.length === 0) return null;
  const found: string[] = [];
  for (const statement of statements) {
    if (!ts.isIfStatement(statement) || statement.elseStatement) return null;
    const tested = prefixesOf(statement.expression, key);
    if (!tested) return null;
    found.push(...tested);
  }
  return found;
}

/**
 * Every statement only removes a name (`delete env[k]`, `target.delete(k)`, vitest's
 * `vi.stubEnv(k, undefined)`), possibly under a test of the name (`if (k.endsWith('_API_KEY'))`,
 * the condition aside): the loop scrubs.
 */
function isScrubbingBody(statement: TS.Statement): boolean {
  const statements = ts.isBlock(statement) ? statement.statements : [statement];
  return statements.length > 0 && statements.every((s) => (ts.isExpressionStatement(s) && isRemoval(s.expression)) || (ts.isIfStatement(s) && isScrubbingBody(s.thenStatement) && (!s.elseStatement || isScrubbingBody(s.elseStatement))));
}

function isScrubbingCallback(fn: TS.Expression | undefined): boolean {
  if (!fn) return false;
  const value = unwrapTransparent(fn);
  if (!ts.isArrowFunction(value) && !ts.isFunctionExpression(value)) return false;
  return ts.isBlock(value.body) ? isScrubbingBody(value.body) : isRemoval(value.body);
}

function isRemoval(expression: TS.Expression): boolean {
  const value = unwrapTransparent(expression);
  if (ts.isDeleteExpression(value)) return true;
  if (!ts.isCallExpression(value) || !ts.isPropertyAccessExpression(value.expression)) return false;
  const method = value.expression.name.text;
  // `vi.stubEnv(k, undefined)` unsets the variable until `vi.unstubAllEnvs()`.
  if (method === 'stubEnv') return value.arguments.length === 2 && ts.isIdentifier(value.arguments[1]) && value.arguments[1].text === 'undefined';
  return ['delete', 'remove', 'unset', 'removeEnv'].includes(method);
}

/** Keys of a `z.object({...})`-style schema (through `.extend`, `.strict()`, a `const`), or null when it is not one. */
export function schemaKeys(expression: TS.Expression, scope: Scope, depth: number): SchemaKeys | null {
  if (depth > 10) return null;
  const value = unwrapTransparent(expression);
  if (ts.isIdentifier(value)) {
    const origin = scope.lookup(value.text)?.origin;
    if (origin?.type !== 'variable' || origin.element || !origin.declaration.initializer) return null;
    return schemaKeys(origin.declaration.initializer, scope, depth + 1);
  }
  if (!ts.isCallExpression(value) || !ts.isPropertyAccessExpression(value.expression)) return null;
  const method = value.expression.name.text;
  const receiver = value.expression.expression;
  const first = value.arguments[0];
  if (SCHEMA_OBJECT_BUILDERS.has(method)) {
    const keys = first ? objectKeys(first, scope) : null;
    if (!keys) return null;
    return method === 'looseObject' ? { ...keys, complete: false } : keys;
  }
  if (method === 'extend' || method === 'merge') {
    const base = schemaKeys(receiver, scope, depth + 1);
    if (!base) return null;
    const added = first ? (objectKeys(first, scope) ?? schemaKeys(first, scope, depth + 1)) : null;
    return added ? { keys: [...base.keys, ...added.keys], complete: base.complete && added.complete } : { keys: base.keys, complete: false };
  }
  if (SCHEMA_KEEPING_METHODS.has(method) || SCHEMA_PASSING_METHODS.has(method)) {
    const base = schemaKeys(receiver, scope, depth + 1);
    return base && SCHEMA_PASSING_METHODS.has(method) ? { ...base, complete: false } : base;
  }
  return null;
}

/** Keys of an object literal (directly or through a `const`); a spread makes the list incomplete. */
function objectKeys(expression: TS.Expression, scope: Scope): SchemaKeys | null {
  let value = unwrapTransparent(expression);
  if (ts.isIdentifier(value)) {
    const origin = scope.lookup(value.text)?.origin;
    if (origin?.type !== 'variable' || origin.element || !origin.declaration.initializer) return null;
    value = unwrapTransparent(origin.declaration.initializer);
  }
  if (!ts.isObjectLiteralExpression(value)) return null;
  const keys: SchemaKeys['keys'] = [];
  let complete = true;
  for (const property of value.properties) {
    const name = property.name && !ts.isComputedPropertyName(property.name) ? propertyNameText(property.name) : null;
    if (name === null || !property.name) complete = false;
    else keys.push({ name, node: property.name });
  }
  return { keys, complete };
}

/** t3-env: the keys of `server`, `client` and `shared` beside `runtimeEnv`. */
function createEnvKeys(options: TS.Node): SchemaKeys | null {
  if (!ts.isObjectLiteralExpression(options)) return null;
  const keys: SchemaKeys['keys'] = [];
  let complete = true;
  let found = false;
  for (const property of options.properties) {
    if (!ts.isPropertyAssignment(property) || !CREATE_ENV_KEY_LISTS.includes(propertyNameText(property.name) ?? '')) continue;
    const initializer = unwrapTransparent(property.initializer);
    if (!ts.isObjectLiteralExpression(initializer)) {
      complete = false;
      continue;
    }
    found = true;
    for (const entry of initializer.properties) {
      const name = entry.name && !ts.isComputedPropertyName(entry.name) ? propertyNameText(entry.name) : null;
      if (name === null || !entry.name) complete = false;
      else keys.push({ name, node: entry.name });
    }
  }
  return found ? { keys, complete } : null;
}

/**
 * `expect(x).toHaveProperty('NAME')` (also after `.not`): the assertion tests whether one constant
 * name is set. With a second argument it compares the value too, which is a read: not this.
 */
function isPropertyPresenceAssertion(expectCall: TS.CallExpression): boolean {
  let member: TS.Node = expectCall.parent;
  if (member && ts.isPropertyAccessExpression(member) && member.name.text === 'not') member = member.parent;
  if (!member || !ts.isPropertyAccessExpression(member) || member.name.text !== 'toHaveProperty') return false;
  const assertion = member.parent;
  return !!assertion && ts.isCallExpression(assertion) && assertion.expression === member && assertion.arguments.length === 1 && ts.isStringLiteralLike(assertion.arguments[0]);
}

export interface EnvParameterSummary {
  /** `returns`: the function gives the object back (a filter); the caller's use of the result decides. */
  outcome: 'child-process' | 'third-party' | 'named-reads' | 'returns' | 'unknown';
  /** What the function hands the environment to (`spawn()`, an MCP server), for the message. */
  target?: string;
  /** The constant names read from the parameter (become env reads of this file). */
  reads: ConstantRead[];
}

/**
 * What exported function `fn` does with the env object other files hand it as parameter `index`
 * (`held`: the object itself or options holding it under `env`), judged as a local wrapper's
 * parameter is: handed only to the code's own child processes, to a third-party process, or only
 * read by constant names. Anything else is unknown.
 */
export function summarizeEnvParameter(sourceFile: TS.SourceFile, fn: Parameters<typeof functionParameterUses>[0], index: number, held: Held, inTest: boolean): EnvParameterSummary {
  const found = functionParameterUses(fn, index, held);
  if (!found) return { outcome: 'unknown', reads: [] };
  if (found.uses.length === 0) return found.reads.length > 0 ? { outcome: 'named-reads', reads: found.reads } : { outcome: 'unknown', reads: [] };
  const outcomes = found.uses.filter((use) => !use.returned).map((use) => classifyHandedOn(use.node, !use.holdsEnv, sourceFile, inTest));
  if (found.uses.some((use) => use.returned)) return returnsObject(held, found.uses, outcomes) ? { outcome: 'returns', reads: [] } : { outcome: 'unknown', reads: [] };
  const worst = worstOf(outcomes);
  if (worst.kind === 'fact' && worst.patch.enumeration?.use === 'child-process') return { outcome: 'child-process', target: worst.patch.enumeration.target, reads: found.reads };
  if (worst.kind === 'fact' && worst.patch.enumeration?.use === 'third-party') return { outcome: 'third-party', target: worst.patch.enumeration.target, reads: [] };
  return { outcome: 'unknown', reads: [] };
}

/** A parameter's hand-on place, judged one wrapper deep (as a local wrapper's is). */
function classifyHandedOn(node: TS.Node, underEnvKey: boolean, sourceFile: TS.SourceFile, inTest: boolean): EnumerationOutcome {
  return climb({ node, prefixes: null, underEnvKey, thirdPartyKey: null }, dummyScope, sourceFile, inTest, 1);
}

/** `names.includes(x)` / `names.indexOf(x)` called on `names`: only asks whether a name is there. */
function isMembershipTest(names: TS.Node): boolean {
  const access = names.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== names || !['includes', 'indexOf'].includes(access.name.text)) return false;
  return !!access.parent && ts.isCallExpression(access.parent) && access.parent.expression === access;
}

/** `const names = Object.keys(process.env)` whose every use in its function is `names.includes(x)`. */
function keptForMembershipTests(call: TS.Node): boolean {
  const declaration = call.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== call || !ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  let owner: TS.Node = declaration;
  while (owner.parent && !ts.isFunctionLike(owner) && !ts.isSourceFile(owner)) owner = owner.parent;
  let uses = 0;
  let other = false;
  const visit = (node: TS.Node): void => {
    if (other) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      uses++;
      if (!isMembershipTest(node)) other = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(owner);
  return uses > 0 && !other;
}
