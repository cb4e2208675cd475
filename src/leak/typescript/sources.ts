// Leak sources: resolver calls, environment reads of registry secrets, resolver-typed values.
import { ts } from './compiler-api.js';
import { describeNode, stepAt } from './positions.js';
import { lastCalleeName, memberChain } from './sink-matcher.js';
import { skipOuterExpressions } from './provenance.js';
import type { EngineContext, SourceOrigin, Taint } from './taint.js';

/** `process.env` or `import.meta.env` (or `Bun.env`). */
export function isEnvObject(node: ts.Node): boolean {
  if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'env') return false;
  const base = node.expression;
  if (ts.isIdentifier(base)) return base.text === 'process' || base.text === 'Bun';
  return ts.isMetaProperty(base) && base.keywordToken === ts.SyntaxKind.ImportKeyword && base.name.text === 'meta';
}

export function envApiOf(node: ts.PropertyAccessExpression): string {
  return ts.isMetaProperty(node.expression) ? 'import.meta.env' : `${(node.expression as ts.Identifier).text}.env`;
}

/** `process.env.X` / `process.env['X']` (also `import.meta.env`, `Bun.env`): the env object and the name X, whatever X is. */
export function envMember(node: ts.Node): { object: ts.PropertyAccessExpression; name: string } | null {
  let name: string;
  if (ts.isPropertyAccessExpression(node)) name = node.name.text;
  else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) name = node.argumentExpression.text;
  else return null;
  const object = skipOuterExpressions(node.expression);
  return isEnvObject(object) ? { object: object as ts.PropertyAccessExpression, name } : null;
}

/** A read `process.env.X` / `process.env['X']` of a registry secret name, else null. */
export function envSourceOf(node: ts.Node, ctx: EngineContext): SourceOrigin | null {
  const member = envMember(node);
  return member ? envOrigin(member.name, envApiOf(member.object), ctx) : null;
}

export function envOrigin(name: string, api: string, ctx: EngineContext): SourceOrigin | null {
  const secretId = ctx.options.secretNames[name];
  if (!secretId) return null;
  return { kind: 'source', secretId, envName: name, description: `${api}.${name}` };
}

/** `resolveSecret('OpenRouterApiKey')`, `resolveSecret(SecretId.GithubToken)`, `resolveSecret('GITHUB_TOKEN')`. */
export function resolverCallOrigin(call: ts.CallExpression, calleeName: string, ctx: EngineContext): SourceOrigin {
  const arg = call.arguments[0];
  const ref = arg ? constantRef(arg, ctx.checker) : null;
  let secretId: string | null = null;
  let envName: string | null = null;
  if (ref && ctx.secretIds.has(ref)) secretId = ref;
  else if (ref && ctx.options.idsByName[ref]) {
    secretId = ctx.options.idsByName[ref];
    envName = ref;
  }
  if (secretId && !envName) envName = ctx.options.envById[secretId] ?? null;
  // Only a recognised name is shown in text, so an odd argument can never carry a value into output.
  const shown = secretId ? (arg && ts.isPropertyAccessExpression(arg) ? describeNode(arg) : `'${ref}'`) : arg ? '…' : '';
  return { kind: 'source', secretId, envName, description: `${calleeName}(${shown})` };
}

/** A string constant, the name of `Enum.Member`, or a `const` initialised with a string literal. */
function constantRef(node: ts.Expression, checker: ts.TypeChecker): string | null {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isIdentifier(node)) {
    const declaration = checker.getSymbolAtLocation(node)?.declarations?.[0];
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.isStringLiteralLike(declaration.initializer)) {
      return declaration.initializer.text;
    }
  }
  return null;
}

/** The resolver type a checker type is (directly, or as a member of a union), else null. */
export function resolverTypeName(type: ts.Type, ctx: EngineContext): string | null {
  const name = (type.aliasSymbol ?? type.getSymbol())?.name;
  if (name && ctx.resolverTypes.has(name)) return name;
  if (type.isUnionOrIntersection()) {
    for (const part of type.types) {
      const inner = resolverTypeName(part, ctx);
      if (inner) return inner;
    }
  }
  return null;
}

/** A declared type annotation naming a resolver type (works when the type cannot be resolved). */
export function annotatedResolverType(type: ts.TypeNode | undefined, ctx: EngineContext): string | null {
  if (!type) return null;
  if (ts.isTypeReferenceNode(type)) {
    const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
    return ctx.resolverTypes.has(name) ? name : null;
  }
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
    for (const part of type.types) {
      const inner = annotatedResolverType(part, ctx);
      if (inner) return inner;
    }
  }
  if (ts.isParenthesizedTypeNode(type)) return annotatedResolverType(type.type, ctx);
  return null;
}

export function typeOrigin(typeName: string): SourceOrigin {
  return { kind: 'source', secretId: null, envName: null, description: `a value of type ${typeName}` };
}

/** Non-string primitives carry no secret text: `.length`, comparisons, `startsWith`, counters. */
export function isNonStringPrimitive(type: ts.Type): boolean {
  const flags = type.getFlags();
  const primitive =
    ts.TypeFlags.BooleanLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Never;
  if (flags & primitive) return true;
  if (type.isUnion()) return type.types.every((part) => isNonStringPrimitive(part));
  return false;
}

/** A config `leak.sources` item `{ call, path }`: `call` split on dots (`envSchema.parse` -> [envSchema, parse]). */
export interface DeclaredSourcePath {
  call: string;
  callSegments: string[];
  path: string[];
}

/** The declared source paths indexed by the last segment of their call, as calls are matched. */
export function indexSourcePaths(specs: ReadonlyArray<{ call: string; path: string[] }>): Map<string, DeclaredSourcePath[]> {
  const index = new Map<string, DeclaredSourcePath[]>();
  for (const spec of specs) {
    const callSegments = spec.call.split('.');
    const last = callSegments[callSegments.length - 1];
    const list = index.get(last) ?? [];
    list.push({ call: spec.call, callSegments, path: spec.path });
    index.set(last, list);
  }
  return index;
}

/**
 * The declared source paths whose `call` this call is: `get_config()` and `cfg.get_config()` for
 * `call: get_config`; for a dotted `call: envSchema.parse`, the callee's member chain must end so.
 */
export function declaredPathsOf(call: ts.CallExpression, ctx: EngineContext): DeclaredSourcePath[] {
  const candidates = ctx.sourcePaths.get(lastCalleeName(call.expression));
  if (!candidates) return [];
  let chain: string[] | undefined;
  return candidates.filter((spec) => {
    if (spec.callSegments.length === 1) return true;
    chain ??= memberChain(call.expression).chain;
    const offset = chain.length - spec.callSegments.length;
    return offset >= 0 && spec.callSegments.every((segment, i) => chain![offset + i] === segment);
  });
}

/**
 * The value a declared call returns: a container in which only the declared paths are secret
 * (`get_config().llm.api_key`), so `cfg.llm.model` is clean while `cfg`, `cfg.llm` and
 * `cfg.llm.api_key` hold the secret. When one declared path is a prefix of another, the shorter wins.
 */
export function declaredPathContainer(call: ts.CallExpression, specs: DeclaredSourcePath[], ctx: EngineContext): Taint {
  const shownCall = `${describeNode(call.expression)}()`;
  let root: Taint | undefined;
  for (const spec of specs) {
    const origin = declaredPathOrigin(shownCall, spec.path, ctx);
    const leaf: Taint = { origin, flow: [stepAt(ctx.root, call, `${shownCall} returns ${spec.path.join('.')}, a declared secret path`)] };
    root ??= { origin, flow: [stepAt(ctx.root, call, `${shownCall} returns an object holding ${spec.path.join('.')}, a declared secret path`)], fields: new Map() };
    let holder = root;
    for (const [i, segment] of spec.path.entries()) {
      if (!holder.fields) break; // a shorter declared path already makes this whole part secret
      if (i === spec.path.length - 1) {
        holder.fields.set(segment, leaf);
        break;
      }
      let next = holder.fields.get(segment);
      if (!next) {
        next = { origin, flow: leaf.flow, fields: new Map() };
        holder.fields.set(segment, next);
      }
      holder = next;
    }
  }
  return root!;
}

/** `get_config().llm.api_key`; a last segment naming a registry secret (`env.OPENAI_API_KEY`) gives its id. */
function declaredPathOrigin(shownCall: string, path: string[], ctx: EngineContext): SourceOrigin {
  const last = path[path.length - 1];
  const secretId = ctx.options.secretNames[last] ?? null;
  return { kind: 'source', secretId, envName: secretId ? last : null, description: `${shownCall}.${path.join('.')}` };
}

const SCHEMA_PARSE_METHODS = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync']);

/**
 * The env object a schema is given: `process.env` itself, a filter over it
 * (`removeEmptyEnvVariables(process.env)`: a call taking the env object first keeps its names), or
 * an object spreading it (`{ ...process.env, PORT }`). null: anything else.
 */
function envObjectGiven(node: ts.Expression): ts.PropertyAccessExpression | null {
  const arg = skipOuterExpressions(node);
  if (isEnvObject(arg)) return arg as ts.PropertyAccessExpression;
  if (ts.isCallExpression(arg) && arg.arguments.length > 0) {
    const inner = skipOuterExpressions(arg.arguments[0]);
    if (isEnvObject(inner)) return inner as ts.PropertyAccessExpression;
  }
  if (ts.isObjectLiteralExpression(arg)) {
    for (const property of arg.properties) {
      if (ts.isSpreadAssignment(property) && isEnvObject(skipOuterExpressions(property.expression))) return skipOuterExpressions(property.expression) as ts.PropertyAccessExpression;
    }
  }
  return null;
}

/**
 * `envSchema.parse(process.env)` (zod, valibot and alike): the parsed object holds the registry's
 * secrets under their own env names, so `env.OPENAI_API_KEY` is the secret and `env.NODE_ENV` is
 * not; the object passed whole still holds them. `safeParse` wraps it in `{ success, data }`.
 * null: not such a call, or the registry has no secret.
 */
export function parsedEnvContainer(call: ts.CallExpression, ctx: EngineContext): Taint | null {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !SCHEMA_PARSE_METHODS.has(callee.name.text)) return null;
  const arg = call.arguments[0] && envObjectGiven(call.arguments[0]);
  if (!arg) return null;
  const api = envApiOf(arg);
  const shown = `${describeNode(callee)}(${api})`;
  const fields = new Map<string, Taint>();
  for (const name of Object.keys(ctx.options.secretNames).sort()) {
    const origin = envOrigin(name, api, ctx);
    if (origin) fields.set(name, { origin, flow: [stepAt(ctx.root, call, `${shown} returns ${name}`)] });
  }
  const first = fields.values().next().value;
  if (!first) return null;
  const parsed: Taint = { origin: first.origin, flow: [stepAt(ctx.root, call, `${shown} returns the environment's secrets under their names`)], fields };
  return callee.name.text.startsWith('safe') ? { origin: first.origin, flow: parsed.flow, fields: new Map([['data', parsed]]) } : parsed;
}

/**
 * t3-env `createEnv({ server, client, runtimeEnv: { STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY } })`:
 * the validated object holds what `runtimeEnv` maps under the same keys, so `env.STRIPE_SECRET_KEY`
 * is the secret and `env.NODE_ENV` is not. `options`: the taint of the call's first argument.
 */
export function runtimeEnvOf(options: Taint | undefined, call: ts.CallExpression, ctx: EngineContext): Taint | undefined {
  const runtime = options?.fields?.get('runtimeEnv') ?? options?.fields?.get('experimental__runtimeEnv');
  if (!runtime?.fields) return undefined;
  return { origin: runtime.origin, flow: [...runtime.flow, stepAt(ctx.root, call, `${describeNode(call.expression)}() returns the runtime environment's values under their names`)], fields: runtime.fields };
}
