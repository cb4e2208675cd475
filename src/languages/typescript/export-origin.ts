// Where a module's export comes from, read from its top-level statements only: declared in the
// module itself, re-exported from another module under some name (`export { a as b } from './m'`,
// `import { a } from './m'; export { a as b }`), or possibly behind `export * from './m'`.
// A monorepo package's entry (`@acme/shared` -> src/index.ts) is usually such a barrel, and a pass
// that asks what an imported function does must look at the module that declares it. Also where a
// local binding was imported from (`importOf`), which the env-enumeration classifier asks too.
import { ts, type TS } from './typescript-module.js';

export type ExportOrigin =
  | { kind: 'declared' }
  | { kind: 'reexport'; specifier: string; name: string }
  | { kind: 'star'; specifiers: string[] }
  | { kind: 'none' };

/** Where export `name` (`default` for the default export) of the module with `text` comes from. */
export function exportOrigin(file: string, text: string, name: string): ExportOrigin {
  const sourceFile = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false);
  const stars: string[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly) {
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier !== undefined) stars.push(specifier);
        continue;
      }
      if (!ts.isNamedExports(clause)) continue; // `export * as ns from`: a namespace, not the function
      for (const element of clause.elements) {
        if (element.name.text !== name || element.isTypeOnly) continue;
        const local = (element.propertyName ?? element.name).text;
        if (specifier !== undefined) return { kind: 'reexport', specifier, name: local };
        // `export { a as b }` of a binding this module imported: the import says where it is.
        const imported = importOf(sourceFile, local);
        return imported ? { kind: 'reexport', specifier: imported.specifier, name: imported.function } : { kind: 'declared' };
      }
      continue;
    }
    if (declaresExport(statement, name)) return { kind: 'declared' };
  }
  return stars.length > 0 ? { kind: 'star', specifiers: stars } : { kind: 'none' };
}

/** Whether the statement is `export function name`, `export const name =`, `export class name` (or `export default` for 'default'). */
function declaresExport(statement: TS.Statement, name: string): boolean {
  if (ts.isExportAssignment(statement)) return name === 'default' && !statement.isExportEquals;
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  if (!modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return false;
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return name === 'default';
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return statement.name?.text === name;
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name);
  return false;
}

/** The module and export name a local binding is imported as (`import { a as b } from './m'`, a default import); null otherwise. */
export function importOf(sourceFile: TS.SourceFile, local: string): { specifier: string; function: string } | null {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier.text;
    if (clause.name?.text === local) return { specifier, function: 'default' };
    if (clause.namedBindings && ts.isNamedImports(clause.namedBindings)) {
      for (const element of clause.namedBindings.elements) {
        if (element.name.text === local && !element.isTypeOnly) return { specifier, function: (element.propertyName ?? element.name).text };
      }
    }
  }
  return null;
}
