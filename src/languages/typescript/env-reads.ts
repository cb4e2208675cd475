// Turns a use of an env object into EnvReadFacts by looking at where it sits: `.X`, `[K]`,
// destructuring, `'X' in env`, `Deno.env.get(K)`, `Reflect.get(env, K)`; writes (also
// `Reflect.set`/`Reflect.deleteProperty`) are skipped; handing the whole object
// on (spread, call argument, for-in, ...) is a dynamic read that enumerates.
import type { EnvReadFact, Range } from '../../core/facts.js';
import type { EnvSource } from './env-objects.js';
import type { OneStepKey } from './env-one-step.js';
import type { NameParts } from '../../core/facts.js';
import { propertyNameText } from './const-strings.js';
import { isEnumeratedEnvKey } from './env-enumerated-key.js';
import type { Scope } from './scopes.js';
import { isPresenceTestBeforeWrite } from './env-presence-tests.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';

/** What env-read detection needs from the running analysis. */
export interface EnvReadSink {
  /**
   * Resolves a key expression to a constant (and remembers its literals as env-read keys); an
   * imported identifier it cannot resolve comes back as a `constRef` for the engine to resolve.
   */
  resolveKey(expression: TS.Expression, scope: Scope): EnvKey;
  addEnvRead(name: EnvKey, source: EnvSource, at: TS.Node, enumerates?: boolean, extra?: EnvReadExtra): void;
}

/** Optional parts of a read the caller decides (a different `api` text, where the env access is, what is done to the environment). */
export type EnvReadExtra = Partial<Pick<EnvReadFact, 'api' | 'via' | 'access' | 'keyParam' | 'presence'>>;

/**
 * A read's name: a constant, unknown (null), an imported constant another file defines, a
 * name one step away (a helper's parameter, a loop variable over a literal list), or a computed
 * name with constant text at its start or end (a family: env-name-family.ts).
 */
export type EnvKey = string | null | { constRef: { identifier: string; from?: string } } | { oneStep: OneStepKey } | { family: NameParts };

export type { Range };

/** Wrappers through which an env object is still the same object for its user. */
function climbToUse(node: TS.Node): TS.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    switch (parent.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.TypeAssertionExpression:
        current = parent;
        continue;
      case SyntaxKind.BinaryExpression: {
        const operator = (parent as TS.BinaryExpression).operatorToken.kind;
        if (operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken) {
          current = parent;
          continue;
        }
        return current;
      }
      case SyntaxKind.ConditionalExpression:
        if ((parent as TS.ConditionalExpression).condition !== current) {
          current = parent;
          continue;
        }
        return current;
      default:
        return current;
    }
  }
}

/** `x = ...` and `delete x` change the environment; compound assignments (`??=`) also read it. */
function isWriteTarget(access: TS.Node): boolean {
  const parent = access.parent;
  if (ts.isDeleteExpression(parent)) return true;
  return ts.isBinaryExpression(parent) && parent.left === access && parent.operatorToken.kind === SyntaxKind.EqualsToken;
}

/**
 * `process.env[key] ??= value` (or `||=`) as a statement: set unless set, as a `.env` loader does.
 * The old value is only tested; used as an expression (`const v = (process.env.X ??= 'd')`) it is read.
 */
function isSetUnlessSetStatement(access: TS.Node): boolean {
  const parent = access.parent;
  if (!ts.isBinaryExpression(parent) || parent.left !== access) return false;
  const operator = parent.operatorToken.kind;
  return (operator === SyntaxKind.QuestionQuestionEqualsToken || operator === SyntaxKind.BarBarEqualsToken) && ts.isExpressionStatement(parent.parent);
}

const WRITING_OBJECT_CALLS = new Set(['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']);

function isObjectWriteCall(call: TS.CallExpression, argument: TS.Node): boolean {
  const callee = call.expression;
  return (
    call.arguments[0] === argument &&
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Object' &&
    WRITING_OBJECT_CALLS.has(callee.name.text)
  );
}

/** `Reflect` calls that act on one named property of their first argument. */
const REFLECT_NAMED_METHODS = new Set(['get', 'has', 'set', 'deleteProperty']);

/** The method of `Reflect.get/has/set/deleteProperty(env, key, ...)` with the env object `use` first, else null. */
function reflectMethod(call: TS.CallExpression, use: TS.Node): string | null {
  const callee = call.expression;
  if (call.arguments[0] !== use || call.arguments.length < 2 || !ts.isPropertyAccessExpression(callee)) return null;
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'Reflect' || !REFLECT_NAMED_METHODS.has(callee.name.text)) return null;
  return callee.name.text;
}

/** Contexts in which the whole env object is handed to other code. */
function escapes(use: TS.Node, parent: TS.Node): boolean {
  switch (parent.kind) {
    case SyntaxKind.CallExpression:
      return (parent as TS.CallExpression).expression !== use && !isObjectWriteCall(parent as TS.CallExpression, use);
    case SyntaxKind.NewExpression:
    case SyntaxKind.SpreadElement:
    case SyntaxKind.SpreadAssignment:
    case SyntaxKind.ShorthandPropertyAssignment:
    case SyntaxKind.ReturnStatement:
    case SyntaxKind.ArrayLiteralExpression:
    case SyntaxKind.YieldExpression:
    case SyntaxKind.JsxExpression:
    case SyntaxKind.ExportAssignment:
    case SyntaxKind.ForInStatement:
      return true;
    case SyntaxKind.PropertyAssignment:
      return (parent as TS.PropertyAssignment).initializer === use;
    case SyntaxKind.ArrowFunction:
      return (parent as TS.ArrowFunction).body === use;
    case SyntaxKind.BinaryExpression: {
      const binary = parent as TS.BinaryExpression;
      return binary.right === use && binary.operatorToken.kind === SyntaxKind.EqualsToken;
    }
    default:
      return false;
  }
}

function keyOfPropertyName(name: TS.PropertyName, scope: Scope, sink: EnvReadSink): EnvKey {
  if (ts.isComputedPropertyName(name)) return sink.resolveKey(name.expression, scope);
  return propertyNameText(name);
}

/** `const { A, B: b, [K]: c, ...rest } = env`: one read per property. */
export function reportBindingPattern(pattern: TS.ObjectBindingPattern, source: EnvSource, scope: Scope, sink: EnvReadSink): void {
  for (const element of pattern.elements) {
    if (element.dotDotDotToken) {
      sink.addEnvRead(null, source, element, true);
      continue;
    }
    const property = element.propertyName;
    let name: EnvKey = null;
    if (property) name = keyOfPropertyName(property, scope, sink);
    else if (ts.isIdentifier(element.name)) name = element.name.text;
    sink.addEnvRead(name, source, element);
  }
}

/** `({ A, B: b, ...rest } = env)`. */
function reportAssignmentPattern(pattern: TS.ObjectLiteralExpression, source: EnvSource, scope: Scope, sink: EnvReadSink): void {
  for (const property of pattern.properties) {
    if (ts.isSpreadAssignment(property)) sink.addEnvRead(null, source, property, true);
    else if (ts.isShorthandPropertyAssignment(property)) sink.addEnvRead(property.name.text, source, property);
    else if (ts.isPropertyAssignment(property)) sink.addEnvRead(keyOfPropertyName(property.name, scope, sink), source, property);
  }
}

/** `Deno.env.get(K)` / `.has(K)` read one name, `.toObject()` enumerates, `.set`/`.delete` write. */
function reportDenoUse(use: TS.Node, source: EnvSource, scope: Scope, sink: EnvReadSink): void {
  const parent = use.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === use) {
    const call = parent.parent;
    if (!ts.isCallExpression(call) || call.expression !== parent) return;
    const method = parent.name.text;
    if (method === 'get' || method === 'has') {
      const key = call.arguments[0];
      sink.addEnvRead(key ? sink.resolveKey(key, scope) : null, { api: `Deno.env.${method}` }, call);
    } else if (method === 'toObject') {
      sink.addEnvRead(null, { api: 'Deno.env.toObject' }, call, true);
    }
    return;
  }
  if (escapes(use, parent) && !source.parameterDefault) sink.addEnvRead(null, source, use, true);
}

/** Reports what the env object at `node` is used for. */
export function reportEnvUse(node: TS.Node, source: EnvSource, scope: Scope, sink: EnvReadSink): void {
  const use = climbToUse(node);
  if (source.deno) {
    reportDenoUse(use, source, scope, sink);
    return;
  }
  const parent = use.parent;
  switch (parent.kind) {
    case SyntaxKind.PropertyAccessExpression: {
      const access = parent as TS.PropertyAccessExpression;
      if (access.expression !== use) return;
      if (isWriteTarget(access)) {
        // Not a read; the analysis remembers the name (a test that sets X and also reads X saves it).
        sink.addEnvRead(access.name.text, source, access, false, { access: ts.isDeleteExpression(access.parent) ? 'delete' : 'write' });
        return;
      }
      const call = access.parent;
      if (access.name.text === 'hasOwnProperty' && ts.isCallExpression(call) && call.expression === access) {
        const key = call.arguments[0];
        sink.addEnvRead(key ? sink.resolveKey(key, scope) : null, source, call);
        return;
      }
      // `if (process.env.X === undefined) process.env.X = v` or `process.env.X ??= v`: set unless set, not a read.
      if (isPresenceTestBeforeWrite(access, use, access.name) || isSetUnlessSetStatement(access)) sink.addEnvRead(access.name.text, source, access, false, { access: 'write' });
      else sink.addEnvRead(access.name.text, source, access);
      return;
    }
    case SyntaxKind.ElementAccessExpression: {
      const access = parent as TS.ElementAccessExpression;
      if (access.expression !== use) return;
      // The walk has not reached the key yet: link it, so a constant field can find its class (`this.#keyEnv`).
      linkParents(access.argumentExpression, access);
      if (isWriteTarget(access)) {
        const written = sink.resolveKey(access.argumentExpression, scope);
        const kind = ts.isDeleteExpression(access.parent) ? 'delete' : 'write';
        if (typeof written === 'string') sink.addEnvRead(written, source, access, false, { access: kind });
        // `process.env[flagName] = original`: a write by a variable's name (a test restoring what it saved).
        else if (ts.isIdentifier(access.argumentExpression)) sink.addEnvRead(null, source, access, false, { access: kind });
        return;
      }
      if (isPresenceTestBeforeWrite(access, use, access.argumentExpression) || isSetUnlessSetStatement(access)) {
        // A loader's "set unless set": like the write it guards, a fact only for a constant name.
        const tested = sink.resolveKey(access.argumentExpression, scope);
        if (typeof tested === 'string') sink.addEnvRead(tested, source, access, false, { access: 'write' });
        return;
      }
      // `for (const key of Object.keys(process.env)) process.env[key]`: part of the enumeration, judged there.
      if (isEnumeratedEnvKey(access.argumentExpression, scope)) return;
      sink.addEnvRead(sink.resolveKey(access.argumentExpression, scope), source, access);
      return;
    }
    case SyntaxKind.VariableDeclaration: {
      const declaration = parent as TS.VariableDeclaration;
      if (declaration.initializer === use && ts.isObjectBindingPattern(declaration.name)) {
        reportBindingPattern(declaration.name, source, scope, sink);
      }
      return;
    }
    case SyntaxKind.CallExpression: {
      const call = parent as TS.CallExpression;
      const method = reflectMethod(call, use);
      if (method === null) break;
      // `Reflect.deleteProperty(process.env, 'X')` is `delete process.env.X`, `Reflect.get(process.env, 'X')` is `process.env.X`:
      // one name, not the whole object handed on (vercel/ai's tests clear the gateway key this way).
      const keyNode = call.arguments[1];
      linkParents(keyNode, call);
      const key = sink.resolveKey(keyNode, scope);
      if (method === 'get' || method === 'has') sink.addEnvRead(key, source, call);
      else if (typeof key === 'string') sink.addEnvRead(key, source, call, false, { access: method === 'deleteProperty' ? 'delete' : 'write' });
      else if (ts.isIdentifier(keyNode)) sink.addEnvRead(null, source, call, false, { access: method === 'deleteProperty' ? 'delete' : 'write' });
      return;
    }
    case SyntaxKind.BinaryExpression: {
      const binary = parent as TS.BinaryExpression;
      if (binary.right !== use) return;
      if (binary.operatorToken.kind === SyntaxKind.InKeyword) {
        const key = sink.resolveKey(binary.left, scope);
        if (!isPresenceTestBeforeWrite(binary, use, binary.left)) sink.addEnvRead(key, source, binary);
        else if (typeof key === 'string') sink.addEnvRead(key, source, binary, false, { access: 'write' });
        return;
      }
      if (binary.operatorToken.kind === SyntaxKind.EqualsToken && ts.isObjectLiteralExpression(binary.left)) {
        reportAssignmentPattern(binary.left, source, scope, sink);
        return;
      }
      break;
    }
    default:
      break;
  }
  if (escapes(use, parent) && !source.parameterDefault) sink.addEnvRead(null, source, use, true);
}

/** Sets `parent` on `node` and its subtree (files are parsed without parent links; the walk sets them top-down). */
function linkParents(node: TS.Node, parent: TS.Node): void {
  (node as { parent: TS.Node }).parent = parent;
  ts.forEachChild(node, (child) => linkParents(child, node));
}
