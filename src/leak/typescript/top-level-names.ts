// The names a module's top-level statements declare, and their modifiers: one reading for the
// passes that ask (secret-carrying-exports.ts, star-exports.ts, statement-prints.ts).
import { ts } from './compiler-api.js';

/** The names a statement declares at the top level of its module (none for code that only runs). */
export function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) return [statement.name.text];
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) return [statement.name.text];
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return [statement.name.text];
  if (ts.isImportEqualsDeclaration(statement)) return [statement.name.text];
  return [];
}

/** The identifiers a binding name binds (`{ a, b: [c] }`: a, c). */
export function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

/** Whether the statement carries the modifier (`export`, `default`). */
export function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind.ExportKeyword | ts.SyntaxKind.DefaultKeyword): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === kind);
}
