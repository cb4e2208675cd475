// The string constants a file exports, for the engine's cross-file resolution of
// `process.env[IMPORTED_CONST]` (see `constRef`). Uses the tree already parsed for facts:
//   export const NAME = 'VALUE' / `${PREFIX}_KEY` / A + B   -> NAME
//   export const ENV = { KEY: 'X' } as const                -> ENV.KEY
//   export enum Names { Key = 'X' }                         -> Names.Key
//   const K = 'X'; export { K as NAME }                     -> NAME
//   module.exports = { NAME: 'VALUE', K }  (CommonJS)         -> NAME, K
//   module.exports.NAME = 'VALUE' / exports.NAME = K        -> NAME
// Only values that look like env names (or parts of one) are kept, so a constant holding a
// secret value never travels.
import { meaningOf } from './binding-meaning.js';
import { commonJsExportOf } from './commonjs-exports.js';
import { propertyNameText, resolveConstString, type ConstContext } from './const-strings.js';
import type { Scope } from './scopes.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';

const ENV_NAME_PART = /^[A-Za-z0-9_]{1,128}$/;

function isExported(statement: TS.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement)?.some((modifier) => modifier.kind === SyntaxKind.ExportKeyword) ?? false);
}

function addConstant(out: Record<string, string>, name: string, value: string | null): void {
  if (value !== null && ENV_NAME_PART.test(value)) out[name] = value;
}

function addLocalConstant(out: Record<string, string>, exportedName: string, localName: string, scope: Scope, context: ConstContext): void {
  const binding = scope.lookup(localName);
  if (!binding) return;
  const meaning = meaningOf(binding, context);
  if (meaning.kind === 'string') addConstant(out, exportedName, meaning.value);
  else if (meaning.kind === 'object') {
    for (const property of meaning.literal.properties) {
      if (!ts.isPropertyAssignment(property)) continue;
      const key = propertyNameText(property.name);
      if (key !== null) addConstant(out, `${exportedName}.${key}`, resolveConstString(property.initializer, meaning.scope, context, null));
    }
  } else if (meaning.kind === 'enum') {
    for (const member of meaning.declaration.members) {
      const key = propertyNameText(member.name);
      if (key !== null && member.initializer) addConstant(out, `${exportedName}.${key}`, resolveConstString(member.initializer, meaning.scope, context, null));
    }
  }
}

export function collectExportedConstants(sourceFile: TS.SourceFile, fileScope: Scope, context: ConstContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) {
      if (!isExported(statement) || (statement.declarationList.flags & ts.NodeFlags.Const) === 0) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name)) addLocalConstant(out, declaration.name.text, declaration.name.text, fileScope, context);
      }
    } else if (ts.isEnumDeclaration(statement)) {
      if (isExported(statement)) addLocalConstant(out, statement.name.text, statement.name.text, fileScope, context);
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const specifier of statement.exportClause.elements) {
        const local = specifier.propertyName ?? specifier.name;
        if (ts.isIdentifier(local) && ts.isIdentifier(specifier.name)) addLocalConstant(out, specifier.name.text, local.text, fileScope, context);
      }
    } else if (ts.isExpressionStatement(statement)) {
      addCommonJsExports(out, statement.expression, fileScope, context);
    }
  }
  return out;
}

/**
 * CommonJS, at the top level of the file: `module.exports = { NAME: 'VALUE', K }` (each member a
 * constant string, or a local constant as with `export { K }`), and `module.exports.NAME = …` /
 * `exports.NAME = …`. A `require` of the file reads them as `const { NAME } = require('./names')`.
 */
function addCommonJsExports(out: Record<string, string>, expression: TS.Expression, scope: Scope, context: ConstContext): void {
  const exported = commonJsExportOf(expression);
  if (exported?.kind === 'member') addExportedValue(out, exported.name, exported.value, scope, context);
  if (exported?.kind !== 'object' || !ts.isObjectLiteralExpression(exported.value)) return;
  for (const member of exported.value.properties) {
    if (ts.isShorthandPropertyAssignment(member)) addLocalConstant(out, member.name.text, member.name.text, scope, context);
    else if (ts.isPropertyAssignment(member)) {
      const key = propertyNameText(member.name);
      if (key !== null) addExportedValue(out, key, member.initializer, scope, context);
    }
  }
}

/** An exported member's value: a local constant (string, object, enum) by its name, else a constant string. */
function addExportedValue(out: Record<string, string>, name: string, value: TS.Expression, scope: Scope, context: ConstContext): void {
  if (ts.isIdentifier(value)) addLocalConstant(out, name, value.text, scope, context);
  else addConstant(out, name, resolveConstString(value, scope, context, null));
}
