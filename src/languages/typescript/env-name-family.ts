// The constant text at the start and end of a computed env name (EnvReadFact.nameParts): the read
// `process.env[`FLAG_${name}`]` is one of the family `FLAG_…`, which no-dynamic-env-read judges
// against the registry. Read from the key expression itself (a template literal, whose
// substitutions of constants count as text: `${PREFIX}_${name}`; a `+` chain,
// `.toUpperCase()` of either), from a `const` it names, or from what a function of this file
// returns (`process.env[flagName(n)]` with `function flagName(n) { return `FLAG_${n}`; }`).
import { resolveConstString, type ConstContext } from './const-strings.js';
import { unwrapTransparent } from './env-objects.js';
import type { Scope } from './scopes.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';
import type { NameParts } from '../../core/facts.js';
import { partsAroundComputed, withText } from '../name-family.js';

/** Hops through constants and functions: a family is written next to its read, not far away. */
const MAX_HOPS = 3;

/** The constant prefix and suffix of a name the caller could not resolve to a constant; null when it has neither. */
export function namePartsOf(expression: TS.Expression, scope: Scope, context: ConstContext): NameParts | null {
  return withText(partsOf(expression, scope, context, 0));
}

/**
 * `scope` is null inside a function body reached through a call: its own bindings are not
 * declared yet, so only literal text counts there (an identifier might be a parameter that
 * shadows a constant of the same name).
 */
function partsOf(expression: TS.Expression, scope: Scope | null, context: ConstContext, hops: number): NameParts | null {
  const value = unwrapTransparent(expression);
  switch (value.kind) {
    case SyntaxKind.TemplateExpression: {
      // Substitutions of constants are text too (`${PREFIX}_${name}`): the template as pieces, computed ones null.
      const template = value as TS.TemplateExpression;
      const pieces: Array<string | null> = [template.head.text];
      for (const span of template.templateSpans) pieces.push(scope ? resolveConstString(span.expression, scope, context, null) : null, span.literal.text);
      return partsAroundComputed(pieces);
    }
    case SyntaxKind.BinaryExpression:
      return concatenationParts(value as TS.BinaryExpression, scope, context);
    case SyntaxKind.CallExpression:
      return callParts(value as TS.CallExpression, scope, context, hops);
    case SyntaxKind.Identifier: {
      if (!scope || hops >= MAX_HOPS) return null;
      const binding = scope.lookup((value as TS.Identifier).text);
      const origin = binding?.origin;
      if (!binding || origin?.type !== 'variable' || !origin.isConst || origin.element || !origin.declaration.initializer) return null;
      return partsOf(origin.declaration.initializer, binding.scope, context, hops + 1);
    }
    default:
      return null;
  }
}

/** `'FLAG_' + name + '_ON'`: the constant operands before the first computed one, and after the last. */
function concatenationParts(binary: TS.BinaryExpression, scope: Scope | null, context: ConstContext): NameParts | null {
  if (binary.operatorToken.kind !== SyntaxKind.PlusToken) return null;
  const operands: TS.Expression[] = [];
  const flatten = (node: TS.Expression): void => {
    const inner = unwrapTransparent(node);
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === SyntaxKind.PlusToken) {
      flatten(inner.left);
      flatten(inner.right);
    } else operands.push(inner);
  };
  flatten(binary);
  return partsAroundComputed(operands.map((operand) => constantText(operand, scope, context)));
}

function constantText(operand: TS.Expression, scope: Scope | null, context: ConstContext): string | null {
  if (ts.isStringLiteralLike(operand)) return operand.text;
  return scope ? resolveConstString(operand, scope, context, null) : null;
}

const CASE_CHANGES: Record<string, (text: string) => string> = {
  toUpperCase: (text) => text.toUpperCase(),
  toLowerCase: (text) => text.toLowerCase(),
};

/** `x.toUpperCase()` of a family; a call of a function of this file that returns one. */
function callParts(call: TS.CallExpression, scope: Scope | null, context: ConstContext, hops: number): NameParts | null {
  const callee = unwrapTransparent(call.expression);
  if (ts.isPropertyAccessExpression(callee) && call.arguments.length === 0) {
    const change = Object.prototype.hasOwnProperty.call(CASE_CHANGES, callee.name.text) ? CASE_CHANGES[callee.name.text] : undefined;
    const inner = change ? partsOf(callee.expression, scope, context, hops) : null;
    return inner && change ? { prefix: change(inner.prefix), suffix: change(inner.suffix) } : null;
  }
  if (!ts.isIdentifier(callee) || !scope || hops >= MAX_HOPS) return null;
  const returned = returnedExpression(callee, scope);
  return returned ? partsOf(returned, null, context, hops + 1) : null;
}

/**
 * The one expression a function of this file returns: an arrow's expression body, or a body of
 * declarations ending in its only `return` (no branch could return another name).
 */
function returnedExpression(callee: TS.Identifier, scope: Scope): TS.Expression | null {
  const origin = scope.lookup(callee.text)?.origin;
  let fn: TS.SignatureDeclaration | undefined;
  if (origin?.type === 'function') fn = origin.declaration;
  else if (origin?.type === 'variable' && origin.isConst && !origin.element && origin.declaration.initializer) {
    const initializer = unwrapTransparent(origin.declaration.initializer);
    if (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) fn = initializer;
  }
  const body = fn && (fn as TS.FunctionLikeDeclarationBase).body;
  if (!body) return null;
  if (!ts.isBlock(body)) return body;
  const statements = body.statements;
  const last = statements[statements.length - 1];
  if (!last || !ts.isReturnStatement(last) || !statements.slice(0, -1).every(ts.isVariableStatement)) return null;
  return last.expression ?? null;
}
