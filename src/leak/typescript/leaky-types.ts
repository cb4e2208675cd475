// no-leaky-secret-type for TypeScript: a class that holds a secret in an ordinary field prints it
// through `console.log`/`util.inspect` and serialises it through `JSON.stringify`, unless it
// redacts both ways. A field "holds a secret" when it is declared with a resolver type, or is
// initialised/assigned from a resolver call or a registry secret env read.
// Decision: `#private` fields are exempt (neither JSON.stringify nor util.inspect shows them);
// TypeScript's `private` keyword is not (it is erased at run time). A class counts as redacting
// when it has both `toJSON` and `[util.inspect.custom]` (either spelling, or
// `Symbol.for('nodejs.util.inspect.custom')`) and neither returns the field unsanitised.
import { ts } from './compiler-api.js';
import type { LeakyTypeFact } from '../../core/facts.js';
import { rangeOf } from './positions.js';
import { annotatedResolverType, envSourceOf, resolverCallOrigin } from './sources.js';
import { lastCalleeName } from './sink-matcher.js';
import type { EngineContext } from './taint.js';

interface SecretField {
  name: string;
  node: ts.Node;
  secretId: string | null;
}

export function collectLeakyTypes(sourceFile: ts.SourceFile, ctx: EngineContext): LeakyTypeFact[] {
  const facts: LeakyTypeFact[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isClassDeclaration(node) || ts.isClassExpression(node)) && node.name) facts.push(...leakyFieldsOf(node, ctx));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return facts;
}

function leakyFieldsOf(node: ts.ClassLikeDeclaration, ctx: EngineContext): LeakyTypeFact[] {
  const fields = secretFields(node, ctx);
  if (fields.length === 0) return [];
  const toJSON = node.members.find((member) => ts.isMethodDeclaration(member) && member.name && ts.isIdentifier(member.name) && member.name.text === 'toJSON');
  const inspect = node.members.find((member) => ts.isMethodDeclaration(member) && isInspectCustomName(member.name));
  const facts: LeakyTypeFact[] = [];
  for (const field of fields) {
    const missing: string[] = [];
    if (!toJSON) missing.push('no toJSON');
    else if (exposesField(toJSON, field.name, ctx)) missing.push('toJSON returns it');
    if (!inspect) missing.push('no [util.inspect.custom]');
    else if (exposesField(inspect, field.name, ctx)) missing.push('[util.inspect.custom] returns it');
    if (missing.length === 0) continue;
    facts.push({ kind: 'leaky-type', typeName: node.name!.text, field: field.name, exposure: missing.join(', '), secretId: field.secretId, range: rangeOf(field.node) });
  }
  return facts;
}

function secretFields(node: ts.ClassLikeDeclaration, ctx: EngineContext): SecretField[] {
  const found = new Map<string, SecretField>();
  const add = (name: ts.Node, text: string, secretId: string | null): void => {
    if (!found.has(text)) found.set(text, { name: text, node: name, secretId });
  };
  for (const member of node.members) {
    if (ts.isPropertyDeclaration(member) && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name))) {
      if (member.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) continue;
      const source = member.initializer ? sourceIn(member.initializer, ctx) : null;
      if (annotatedResolverType(member.type, ctx) || source) add(member.name, member.name.text, source?.secretId ?? null);
    }
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        const isProperty = ts.isParameterPropertyDeclaration(parameter, member);
        if (isProperty && ts.isIdentifier(parameter.name) && annotatedResolverType(parameter.type, ctx)) add(parameter.name, parameter.name.text, null);
      }
      // `this.key = resolveSecret(...)` in the constructor body.
      member.body?.statements.forEach((statement) => {
        if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) return;
        const { left, right, operatorToken } = statement.expression;
        if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) return;
        if (ts.isPrivateIdentifier(left.name)) return;
        const source = sourceIn(right, ctx) ?? (parameterTypedAsResolver(right, member, ctx) ? { secretId: null } : null);
        if (source) add(left.name, left.name.text, source.secretId);
      });
    }
  }
  return [...found.values()];
}

/** A resolver call or a secret env read anywhere in the expression (not under a sanitizer). */
function sourceIn(expression: ts.Node, ctx: EngineContext): { secretId: string | null } | null {
  let result: { secretId: string | null } | null = null;
  const visit = (node: ts.Node): void => {
    if (result) return;
    if (ts.isCallExpression(node)) {
      const name = lastCalleeName(node.expression);
      if (ctx.sanitizers.has(name)) return;
      if (ctx.resolverFunctions.has(name)) {
        const secretId = resolverCallOrigin(node, name, ctx).secretId;
        // A `kind: config` id resolved through the resolver is a setting, not a secret.
        if (!secretId || ctx.secretKindIds.has(secretId)) result = { secretId };
        return;
      }
    }
    const env = envSourceOf(node, ctx);
    if (env) {
      result = { secretId: env.secretId };
      return;
    }
    if (ts.isFunctionLike(node)) return;
    // `new S3Client({ credentials: { secretAccessKey } })`, `createClient({ apiKey })`: the SDK
    // client consumes the secret; a field holding the client does not hold the secret's text.
    if (ts.isNewExpression(node) || (ts.isCallExpression(node) && node.arguments.some((arg) => ts.isObjectLiteralExpression(arg)))) return;
    ts.forEachChild(node, visit);
  };
  visit(expression);
  return result;
}

function parameterTypedAsResolver(expression: ts.Expression, constructor: ts.ConstructorDeclaration, ctx: EngineContext): boolean {
  if (!ts.isIdentifier(expression)) return false;
  const parameter = constructor.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === expression.text);
  return !!parameter && !!annotatedResolverType(parameter.type, ctx);
}

function isInspectCustomName(name: ts.PropertyName | undefined): boolean {
  if (!name || !ts.isComputedPropertyName(name)) return false;
  const expression = name.expression;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text === 'custom';
  if (ts.isIdentifier(expression)) return /inspect/i.test(expression.text);
  if (ts.isCallExpression(expression)) {
    const arg = expression.arguments[0];
    return !!arg && ts.isStringLiteralLike(arg) && arg.text === 'nodejs.util.inspect.custom';
  }
  return false;
}

/** The method body reads `this.<field>` (or spreads `this`) outside a sanitizer call. */
function exposesField(method: ts.ClassElement, field: string, ctx: EngineContext): boolean {
  let exposed = false;
  const visit = (node: ts.Node): void => {
    if (exposed) return;
    if (ts.isCallExpression(node) && ctx.sanitizers.has(lastCalleeName(node.expression))) return;
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && node.name.text === field) {
      const parent = node.parent;
      // `this.key.length`, `this.key === x` reveal nothing.
      if (ts.isPropertyAccessExpression(parent) && parent.name.text === 'length') return;
      exposed = true;
      return;
    }
    if ((ts.isSpreadAssignment(node) || ts.isSpreadElement(node)) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      exposed = true;
      return;
    }
    if (ts.isReturnStatement(node) && node.expression?.kind === ts.SyntaxKind.ThisKeyword) {
      exposed = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(method);
  return exposed;
}
