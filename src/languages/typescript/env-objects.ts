// Recognises expressions that *are* an environment object (`process.env`, an imported `env`,
// an alias of one, `import.meta.env`, `Bun.env`, `Deno.env`) and the `process` object behind them.
import { meaningOf } from './binding-meaning.js';
import type { ConstContext } from './const-strings.js';
import type { Scope } from './scopes.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';

export interface EnvSource {
  /** Reported as the fact's `api`. */
  api: string;
  compileTime?: boolean;
  /** `Deno.env` is read through `.get(name)`, not property access. */
  deno?: boolean;
  /**
   * A parameter that defaults to the environment (`env = process.env`): its reads are reads of the
   * environment, but handing it on is not an enumeration (a caller may well pass its own object).
   */
  parameterDefault?: boolean;
}

const PROCESS_ENV: EnvSource = { api: 'process.env' };
const IMPORT_META_ENV: EnvSource = { api: 'import.meta.env', compileTime: true };
const BUN_ENV: EnvSource = { api: 'Bun.env' };
const DENO_ENV: EnvSource = { api: 'Deno.env', deno: true };
const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

export function isProcessModule(module: string): boolean {
  return module === 'process' || module === 'node:process';
}

/** Strips syntax that does not change the value: parentheses, `as`, `satisfies`, `!`, `<T>x`. */
export function unwrapTransparent(expression: TS.Expression): TS.Expression {
  let current = expression;
  for (;;) {
    switch (current.kind) {
      case SyntaxKind.ParenthesizedExpression:
      case SyntaxKind.AsExpression:
      case SyntaxKind.SatisfiesExpression:
      case SyntaxKind.NonNullExpression:
      case SyntaxKind.TypeAssertionExpression:
        current = (current as TS.ParenthesizedExpression).expression;
        break;
      default:
        return current;
    }
  }
}

/** The module of a `require('m')` call, else null. */
export function requiredModule(expression: TS.Expression): string | null {
  if (!ts.isCallExpression(expression) || expression.arguments.length !== 1) return null;
  const callee = expression.expression;
  const argument = expression.arguments[0];
  if (!ts.isIdentifier(callee) || callee.text !== 'require' || !ts.isStringLiteralLike(argument)) return null;
  return argument.text;
}

function isUnboundGlobal(expression: TS.Expression, names: ReadonlySet<string> | string, scope: Scope): boolean {
  if (!ts.isIdentifier(expression)) return false;
  const matches = typeof names === 'string' ? expression.text === names : names.has(expression.text);
  return matches && !scope.lookup(expression.text);
}

export function isProcessObject(expression: TS.Expression, scope: Scope, context: ConstContext): boolean {
  const value = unwrapTransparent(expression);
  if (ts.isIdentifier(value)) {
    const binding = scope.lookup(value.text);
    if (!binding) return value.text === 'process';
    return meaningOf(binding, context).kind === 'process';
  }
  if (ts.isPropertyAccessExpression(value)) {
    return value.name.text === 'process' && isUnboundGlobal(unwrapTransparent(value.expression), GLOBAL_OBJECTS, scope);
  }
  if (ts.isCallExpression(value)) {
    const module = requiredModule(value);
    return module !== null && isProcessModule(module);
  }
  return false;
}

function envOfOwner(owner: TS.Expression, scope: Scope, context: ConstContext): EnvSource | null {
  const value = unwrapTransparent(owner);
  if (ts.isMetaProperty(value)) return value.keywordToken === SyntaxKind.ImportKeyword ? IMPORT_META_ENV : null;
  if (isUnboundGlobal(value, 'Bun', scope)) return BUN_ENV;
  if (isUnboundGlobal(value, 'Deno', scope)) return DENO_ENV;
  return isProcessObject(value, scope, context) ? PROCESS_ENV : null;
}

/**
 * The env object an expression denotes, without looking through wrappers: the walk meets
 * `(process.env as X)` at the inner `process.env` and climbs outward from there.
 */
export function envSourceOf(expression: TS.Node, scope: Scope, context: ConstContext): EnvSource | null {
  switch (expression.kind) {
    case SyntaxKind.PropertyAccessExpression: {
      const access = expression as TS.PropertyAccessExpression;
      return access.name.text === 'env' ? envOfOwner(access.expression, scope, context) : null;
    }
    case SyntaxKind.ElementAccessExpression: {
      const access = expression as TS.ElementAccessExpression;
      const key = access.argumentExpression;
      return ts.isStringLiteralLike(key) && key.text === 'env' ? envOfOwner(access.expression, scope, context) : null;
    }
    case SyntaxKind.Identifier: {
      const binding = scope.lookup((expression as TS.Identifier).text);
      if (!binding) return null;
      const meaning = meaningOf(binding, context);
      return meaning.kind === 'env' ? meaning.source : null;
    }
    default:
      return null;
  }
}

/** Like envSourceOf, also through wrappers and `a ?? process.env` / `c ? process.env : x` (for alias declarations). */
export function envSourceThrough(expression: TS.Expression, scope: Scope, context: ConstContext): EnvSource | null {
  const value = unwrapTransparent(expression);
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    if (operator !== SyntaxKind.QuestionQuestionToken && operator !== SyntaxKind.BarBarToken) return null;
    return envSourceThrough(value.left, scope, context) ?? envSourceThrough(value.right, scope, context);
  }
  if (ts.isConditionalExpression(value)) {
    return envSourceThrough(value.whenTrue, scope, context) ?? envSourceThrough(value.whenFalse, scope, context);
  }
  return envSourceOf(value, scope, context);
}
