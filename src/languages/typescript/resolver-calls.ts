// Calls of `resolver.functions` (`resolveSecret('X')`, `secrets.resolveSecret(SecretId.X)`), with
// the secret they ask for when it is a constant.
import { meaningOf } from './binding-meaning.js';
import { resolveConstString, type ConstContext } from './const-strings.js';
import { unwrapTransparent } from './env-objects.js';
import type { Scope } from './scopes.js';
import { ts, type TS } from './typescript-module.js';

/** Receivers whose member name is itself the secret id: `SecretId.OpenRouterApiKey`. */
const SECRET_ID_OWNERS = new Set(['SecretId', 'SecretIds', 'Secret', 'Secrets', 'SECRETS', 'SECRET_IDS', 'SecretName', 'SecretNames']);

/** The resolver function a call invokes (by its imported name when renamed on import), or null. */
export function calledResolver(call: TS.CallExpression, scope: Scope, context: ConstContext, functions: ReadonlySet<string>): string | null {
  const callee = unwrapTransparent(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return functions.has(callee.name.text) ? callee.name.text : null;
  if (!ts.isIdentifier(callee)) return null;
  if (functions.has(callee.text)) return callee.text;
  const binding = scope.lookup(callee.text);
  const meaning = binding ? meaningOf(binding, context) : null;
  return meaning?.kind === 'module' && functions.has(meaning.imported) ? meaning.imported : null;
}

export function secretRefOf(argument: TS.Expression | undefined, scope: Scope, context: ConstContext): string | null {
  if (!argument) return null;
  const constant = resolveConstString(argument, scope, context, null);
  if (constant !== null) return constant;
  const value = unwrapTransparent(argument);
  if (!ts.isPropertyAccessExpression(value) || !ts.isIdentifier(value.expression)) return null;
  const owner = value.expression.text;
  if (SECRET_ID_OWNERS.has(owner)) return value.name.text;
  const binding = scope.lookup(owner);
  return binding && meaningOf(binding, context).kind === 'enum' ? value.name.text : null;
}
