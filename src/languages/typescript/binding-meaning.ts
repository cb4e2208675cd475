// What a declared name stands for, as far as env reads, constants and SDK imports go.
// Worked out on first use and memoised on the binding.
import { resolveConstString, type ConstContext } from './const-strings.js';
import { envSourceThrough, isProcessModule, isProcessObject, requiredModule, unwrapTransparent, type EnvSource } from './env-objects.js';
import type { Binding, Scope } from './scopes.js';
import { ts, type TS } from './typescript-module.js';

export type BindingMeaning =
  | { kind: 'process' }
  | { kind: 'env'; source: EnvSource }
  | { kind: 'string'; value: string; literals: TS.Node[] }
  /** An import (or require) of `module`; `imported` is `default`, `*`, an export name, or `instance` for an object built from it. */
  | { kind: 'module'; module: string; imported: string }
  | { kind: 'object'; literal: TS.ObjectLiteralExpression; scope: Scope }
  | { kind: 'enum'; declaration: TS.EnumDeclaration; scope: Scope }
  | { kind: 'unknown' };

const UNKNOWN: BindingMeaning = { kind: 'unknown' };
const PROCESS: BindingMeaning = { kind: 'process' };
const PROCESS_ENV: EnvSource = { api: 'process.env' };

export function meaningOf(binding: Binding, context: ConstContext): BindingMeaning {
  if (binding.meaning) return binding.meaning as BindingMeaning;
  if (binding.resolving) return UNKNOWN;
  binding.resolving = true;
  const meaning = computeMeaning(binding, context);
  binding.resolving = false;
  binding.meaning = meaning;
  return meaning;
}

function computeMeaning(binding: Binding, context: ConstContext): BindingMeaning {
  const origin = binding.origin;
  switch (origin.type) {
    case 'import':
      return importMeaning(origin.module, origin.imported);
    case 'enum':
      return { kind: 'enum', declaration: origin.declaration, scope: binding.scope };
    case 'variable':
      return origin.element
        ? origin.directElement
          ? destructuredMeaning(origin.declaration, origin.element, binding.scope, context)
          : UNKNOWN
        : variableMeaning(origin.declaration, origin.isConst, binding.scope, context);
    case 'parameter': {
      // `function expand(v, env = process.env)`: a call that leaves it out reads the environment
      // through it (an MCP client's `${VAR}` interpolation), so its reads are env reads; a caller
      // that passes its own object is not told apart (the default is what the code falls back to).
      const parameter = origin.property === undefined && !origin.rest ? origin.fn.parameters[origin.index] : undefined;
      const source = parameter?.initializer ? envSourceThrough(parameter.initializer, binding.scope, context) : null;
      return source ? { kind: 'env', source: { ...source, parameterDefault: true } } : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

function importMeaning(module: string, imported: string): BindingMeaning {
  if (isProcessModule(module)) {
    if (imported === 'default' || imported === '*') return PROCESS;
    if (imported === 'env') return { kind: 'env', source: PROCESS_ENV };
  }
  return { kind: 'module', module, imported };
}

function variableMeaning(declaration: TS.VariableDeclaration, isConst: boolean, scope: Scope, context: ConstContext): BindingMeaning {
  const initializer = declaration.initializer;
  if (!initializer) return UNKNOWN;
  const value = unwrapTransparent(initializer);
  const required = requiredModule(value);
  if (required !== null) return importMeaning(required, '*');
  if (isProcessObject(value, scope, context)) return PROCESS;
  const source = envSourceThrough(value, scope, context);
  if (source) return { kind: 'env', source };
  if (isConst) {
    if (ts.isObjectLiteralExpression(value)) return { kind: 'object', literal: value, scope };
    const literals: TS.Node[] = [];
    const text = resolveConstString(value, scope, context, literals);
    if (text !== null) return { kind: 'string', value: text, literals };
  }
  return moduleInstanceMeaning(value, scope, context);
}

/** `new SecretClient(...)`, `require('node-vault')(...)`, `await sdk.create()`: an object from a module. */
function moduleInstanceMeaning(value: TS.Expression, scope: Scope, context: ConstContext): BindingMeaning {
  let current: TS.Expression = value;
  let sawCallOrMember = false;
  for (;;) {
    current = unwrapTransparent(current);
    if (ts.isAwaitExpression(current)) current = current.expression;
    else if (ts.isCallExpression(current) || ts.isNewExpression(current)) {
      const required = ts.isCallExpression(current) ? requiredModule(current) : null;
      if (required !== null) return sawCallOrMember ? { kind: 'module', module: required, imported: 'instance' } : importMeaning(required, '*');
      current = current.expression;
      sawCallOrMember = true;
    } else if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      current = current.expression;
      sawCallOrMember = true;
    } else break;
  }
  if (!sawCallOrMember || !ts.isIdentifier(current)) return UNKNOWN;
  const root = scope.lookup(current.text);
  const meaning = root ? meaningOf(root, context) : UNKNOWN;
  return meaning.kind === 'module' ? { kind: 'module', module: meaning.module, imported: 'instance' } : UNKNOWN;
}

/** `const { env } = process`, `const { getPassword } = require('keytar')`: one level of destructuring. */
function destructuredMeaning(declaration: TS.VariableDeclaration, element: TS.BindingElement, scope: Scope, context: ConstContext): BindingMeaning {
  if (element.dotDotDotToken || !declaration.initializer) return UNKNOWN;
  const property = element.propertyName ?? element.name;
  if (!ts.isIdentifier(property) && !ts.isStringLiteral(property)) return UNKNOWN;
  const value = unwrapTransparent(declaration.initializer);
  const required = requiredModule(value);
  if (required !== null) return importMeaning(required, property.text);
  if (isProcessObject(value, scope, context)) return property.text === 'env' ? { kind: 'env', source: PROCESS_ENV } : UNKNOWN;
  if (ts.isIdentifier(value)) {
    const root = scope.lookup(value.text);
    const meaning = root ? meaningOf(root, context) : UNKNOWN;
    if (meaning.kind === 'module') return { kind: 'module', module: meaning.module, imported: 'instance' };
  }
  return UNKNOWN;
}
