// Which of a candidate module's exports can hand a secret to the file that imports them. A module
// that names a source (`process.env.STRIPE_SECRET_KEY`) usually exports much else too: constants,
// helpers, components. An importer that uses only `CRON_BATCH_SIZE` from it receives no secret, so
// it need not be a root of the leak Program (importers.ts); on a monorepo that is most importers.
//
// Decided on the module's top-level statements, from syntax only, and on the safe side:
// - a declaration carries when its text names a source, or it refers to a module-level name that
//   carries, or to a name imported from a project module (which may return a secret; whether it
//   does is not known here), to a fixed point;
// - a top-level statement that is not a declaration (`client.setKey(process.env.K)`) and names a
//   source, or refers to a carrier, makes every module-level name it refers to a carrier;
// - a variable set to an instance of a package's class (`new Client({ token })`, imported from a
//   package, not a project file) carries nothing: the constructor consumes the credential, as the
//   taint walk decides (walker.ts, newTaint), except the classes that keep what they are given
//   (Request, URL, Headers…) and declared secret types;
// - `export … from` re-exports carry (their module is not read here); a default export, `export =`,
//   `export *` or a CommonJS module answers null: any name can carry.
import { ts } from './compiler-api.js';

export interface CarrierQuestions {
  /** Whether a piece of source text names a source (prefilter.ts's test). */
  namesSource(text: string): boolean;
  /** Whether an import specifier of this module resolves to a file of the project. */
  isProjectModule(specifier: string): boolean;
}

interface TopLevel {
  /** Module-level names the statement declares. */
  declares: string[];
  /** Identifiers it refers to (any name; those that are not module-level are ignored). */
  refers: Set<string>;
  namesSource: boolean;
}

/** The export names that can carry a secret, sorted; null when any name an importer uses can. */
export function secretCarryingExports(file: string, text: string, questions: CarrierQuestions): string[] | null {
  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false);
  } catch {
    return null;
  }
  const carriers = new Set<string>();
  const packageBindings = new Set<string>();
  const statements: TopLevel[] = [];
  const exportsOf = new Map<string, string[]>(); // export name -> local names it stands for
  let esExports = false;
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) return null; // export default x / export = x
    if (ts.isImportDeclaration(statement)) {
      if (!ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const fromProject = questions.isProjectModule(statement.moduleSpecifier.text);
      for (const name of importedNames(statement)) (fromProject ? carriers : packageBindings).add(name);
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      esExports = true;
      if (!statement.exportClause || ts.isNamespaceExport(statement.exportClause)) return null; // export * (as ns) from
      for (const element of statement.exportClause.elements) {
        if (element.name.text === 'default') return null;
        // `export { x } from './y'` carries whatever y's x does: not read here, so it may.
        if (statement.moduleSpecifier) carriers.add(`\u0000export:${element.name.text}`);
        exportsOf.set(element.name.text, [...(exportsOf.get(element.name.text) ?? []), (element.propertyName ?? element.name).getText(sourceFile)]);
      }
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    const exported = modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    if (exported && modifiers!.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) return null;
    const declares = declaredNames(statement);
    if (exported) {
      esExports = true;
      for (const name of declares) exportsOf.set(name, [...(exportsOf.get(name) ?? []), name]);
    }
    if (ts.isVariableStatement(statement)) {
      // Each declarator on its own: `const a = 1, b = process.env.K` makes b a carrier, not a.
      for (const declaration of statement.declarationList.declarations) {
        if (isPackageInstance(declaration.initializer, packageBindings, sourceFile, questions)) continue;
        statements.push({ declares: bindingNames(declaration.name), refers: referredNames(declaration), namesSource: questions.namesSource(declaration.getText(sourceFile)) });
      }
      continue;
    }
    statements.push({ declares, refers: referredNames(statement), namesSource: questions.namesSource(statement.getText(sourceFile)) });
  }
  if (!esExports && /\.[cm]?jsx?$/i.test(file)) return null; // CommonJS: `module.exports` can be anything
  spreadToFixedPoint(statements, carriers);
  const names = [...exportsOf].filter(([exportName, locals]) => carriers.has(`\u0000export:${exportName}`) || locals.some((local) => carriers.has(local))).map(([name]) => name);
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function spreadToFixedPoint(statements: TopLevel[], carriers: Set<string>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const statement of statements) {
      const carries = statement.namesSource || [...statement.refers].some((name) => carriers.has(name));
      if (!carries) continue;
      // A declaration makes its own names carriers; any other statement may store into what it names.
      const reached = statement.declares.length > 0 ? statement.declares : [...statement.refers];
      for (const name of reached) {
        if (carriers.has(name)) continue;
        carriers.add(name);
        changed = true;
      }
    }
  }
}

/** Classes whose instances keep their arguments (walker.ts, newTaint). */
const KEEPING_CLASSES = new Set(['Request', 'String', 'URL', 'URLSearchParams', 'Headers']);

function isPackageInstance(initializer: ts.Expression | undefined, packageBindings: ReadonlySet<string>, sourceFile: ts.SourceFile, questions: CarrierQuestions): boolean {
  let expression = initializer;
  while (expression && (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isNonNullExpression(expression) || ts.isSatisfiesExpression(expression))) expression = expression.expression;
  if (!expression || !ts.isNewExpression(expression)) return false;
  let root: ts.Expression = expression.expression;
  const last = ts.isPropertyAccessExpression(root) ? root.name.text : ts.isIdentifier(root) ? root.text : undefined;
  while (ts.isPropertyAccessExpression(root)) root = root.expression;
  if (!ts.isIdentifier(root) || !packageBindings.has(root.text) || last === undefined || KEEPING_CLASSES.has(last)) return false;
  return !questions.namesSource(expression.expression.getText(sourceFile));
}

function importedNames(statement: ts.ImportDeclaration): string[] {
  const clause = statement.importClause;
  if (!clause || clause.isTypeOnly) return [];
  const names = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  else if (bindings) for (const element of bindings.elements) if (!element.isTypeOnly) names.push(element.name.text);
  return names;
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) return [statement.name.text];
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) return [statement.name.text];
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return [statement.name.text];
  if (ts.isImportEqualsDeclaration(statement)) return [statement.name.text];
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function referredNames(statement: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    else if (ts.isShorthandPropertyAssignment(node)) names.add(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(statement);
  return names;
}
