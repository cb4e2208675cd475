// `for (const key of Object.keys(process.env)) { … process.env[key] … }`: the key is one the loop
// enumerates, so the read is part of that enumeration, which is judged as a whole (a prefix filter,
// a scrub, a child process's environment, or the whole environment: env-enumerations.ts); it is
// no read of an unknown name of its own. Also `for (const key in process.env)`, the key of
// `Object.entries(process.env)` destructured in the loop, and the key parameter of a callback over
// `Object.keys(process.env)` (`forEach`, `map`, `filter`, …).
import { isProcessEnv } from './env-enumerations.js';
import { unwrapTransparent } from './env-objects.js';
import { ELEMENT_CALLBACK_METHODS } from './env-one-step.js';
import type { Scope } from './scopes.js';
import { ts, type TS } from './typescript-module.js';

export function isEnumeratedEnvKey(expression: TS.Expression, scope: Scope): boolean {
  const key = unwrapTransparent(expression);
  if (!ts.isIdentifier(key)) return false;
  const origin = scope.lookup(key.text)?.origin;
  if (!origin) return false;
  if (origin.type === 'variable') {
    const list = origin.declaration.parent;
    const loop = list?.parent;
    if (!loop || !ts.isVariableDeclarationList(list) || list.declarations.length !== 1) return false;
    // `for (const key in process.env)`
    if (ts.isForInStatement(loop) && loop.initializer === list && !origin.element) return isProcessEnv(loop.expression);
    if (!ts.isForOfStatement(loop) || loop.initializer !== list) return false;
    // `for (const key of Object.keys(process.env))`, `for (const [key, value] of Object.entries(process.env))`
    if (!origin.element) return enumeratedKeys(loop.expression, 'keys');
    return isFirstElement(origin.declaration.name, origin.element) && enumeratedKeys(loop.expression, 'entries');
  }
  if (origin.type === 'parameter' && origin.index === 0 && !origin.rest) {
    const fn = origin.fn;
    const call = fn.parent;
    if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isPropertyAccessExpression(call.expression) || !ELEMENT_CALLBACK_METHODS.has(call.expression.name.text)) return false;
    // `({ name }) => …` destructures its element: not a key of the listing.
    if (origin.property !== undefined) return false;
    return enumeratedKeys(call.expression.expression, 'keys');
  }
  return false;
}

/** `Object.keys(process.env)` (method `keys`) or `Object.entries(process.env)` (method `entries`). */
function enumeratedKeys(expression: TS.Expression, method: 'keys' | 'entries'): boolean {
  const call = unwrapTransparent(expression);
  if (!ts.isCallExpression(call) || call.arguments.length !== 1) return false;
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && callee.name.text === method && isProcessEnv(call.arguments[0]!);
}

/** `[key, value]`: `element` is the pattern's first element. */
function isFirstElement(name: TS.BindingName, element: TS.BindingElement): boolean {
  return ts.isArrayBindingPattern(name) && name.elements[0] === element;
}
