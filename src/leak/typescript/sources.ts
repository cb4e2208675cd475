// Leak sources: resolver calls, environment reads of registry secrets, resolver-typed values.
import { ts } from './compiler-api.js';
import { describeNode } from './positions.js';
import type { EngineContext, SourceOrigin } from './taint.js';

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

/** A read `process.env.X` / `process.env['X']` of a registry secret name, else null. */
export function envSourceOf(node: ts.Node, ctx: EngineContext): SourceOrigin | null {
  let object: ts.Node;
  let name: string;
  if (ts.isPropertyAccessExpression(node)) {
    object = node.expression;
    name = node.name.text;
  } else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    object = node.expression;
    name = node.argumentExpression.text;
  } else return null;
  if (!isEnvObject(object)) return null;
  return envOrigin(name, envApiOf(object as ts.PropertyAccessExpression), ctx);
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
