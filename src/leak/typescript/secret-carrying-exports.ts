// Which of a module's exports can hand a secret to the file that imports them. A module that
// names a source (`process.env.STRIPE_SECRET_KEY`) usually exports much else too: constants,
// helpers, components. An importer that uses only `CRON_BATCH_SIZE` from it receives no secret, so
// it need not be a root of the leak Program (importers.ts), nor a source-reaching file
// (carrier-reaching.ts); on a monorepo that is most importers.
//
// Decided on the module's top-level statements, from syntax only, and on the safe side:
// - a top-level statement carries when its text names a source, or it refers to a module-level
//   name that carries, or to an imported binding the caller says carries (`importCarries`: any
//   project import for the importer ring, which knows no other module; per imported name for the
//   source-reaching files), to a fixed point;
// - a statement that carries makes carriers of the names it declares and of the module variables
//   it stores into (`function init() { cache = process.env.K }` then `export const get = () => cache`);
//   a statement that declares nothing (`client.setKey(process.env.K)`), of every name it refers to;
// - a variable set to an instance of a package's class (`new Client({ token })`, imported from a
//   package, not a project file) carries nothing: the constructor consumes the credential, as the
//   taint walk decides (walker.ts, newTaint), except the classes that keep what they are given
//   (Request, URL, Headers…) and declared secret types;
// - `export { x } from` carries what `importCarries` says of x, `export * from` the carrying names
//   `reExportedCarriers` gives (any name when unknown); a default export, `export =` or a CommonJS
//   module answers null: any name can carry.
import { ts } from './compiler-api.js';
import { bindingNames, declaredNames } from './top-level-names.js';

export interface CarrierQuestions {
  /** Whether a piece of source text names a source (prefilter.ts's test); absent: the module names none. */
  namesSource?(text: string): boolean;
  /** Whether an import specifier of this module resolves to a file of the project (else a package). */
  isProjectModule(specifier: string): boolean;
  /** Whether what `specifier` exports as `name` can carry a secret ('*': any export of it, for a namespace or `export *`). */
  importCarries(specifier: string, name: string): boolean;
  /** The carrying export names of a module `export * from` re-exports (null or absent: not known, any name may). */
  reExportedCarriers?(specifier: string): string[] | null;
}

export interface CarrierAnswer {
  /** The export names that can carry a secret, sorted; null when any name an importer uses can. */
  exports: string[] | null;
  /** Whether the module receives a secret-carrying binding through an import, a re-export, `require` or `import()`. */
  receives: boolean;
}

interface TopLevel {
  /** Module-level names the statement declares. */
  declares: string[];
  /** Identifiers it refers to (any name; those that are not module-level are ignored). */
  refers: Set<string>;
  /**
   * Names it may store a value into: roots of assignment targets (`cache = …`, `store.key = …`),
   * of receivers of mutating calls (`cache.set(…)`), of `Object.assign`'s target; for a top-level
   * statement that declares nothing (`client.configure(process.env.K)`), every name it refers to.
   */
  stores: Set<string>;
  namesSource: boolean;
}

/** The export names of a module's text that can carry a secret (see CarrierAnswer.exports). */
export function secretCarryingExports(file: string, text: string, questions: CarrierQuestions): string[] | null {
  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false);
    return carriersOf(sourceFile, questions).exports;
  } catch {
    // A text the parser cannot take (nested too deep): any name may carry.
    return null;
  }
}

/** What a parsed module's exports can carry, and whether it receives a carrier at all. */
export function carriersOf(sourceFile: ts.SourceFile, questions: CarrierQuestions): CarrierAnswer {
  // A module that names no source receives a secret only through what it loads: when no import or
  // re-export carries and its text loads nothing at run time, none of its statements needs a walk.
  if (!questions.namesSource && !LOADS_AT_RUN_TIME.test(sourceFile.text) && !anyImportCarries(sourceFile, questions)) return { exports: [], receives: false };
  const carriers = new Set<string>();
  const packageBindings = new Set<string>();
  const statements: TopLevel[] = [];
  const variables = new Set<string>(); // module-level variables: where a statement may store a secret
  const exportsOf = new Map<string, string[]>(); // export name -> local names it stands for
  let esExports = false;
  let anyName = false;
  let receives = false;
  const exportAs = (exportName: string, local: string): void => {
    exportsOf.set(exportName, [...(exportsOf.get(exportName) ?? []), local]);
  };
  // A name re-exported from another module that carries there: a carrier of its own, not a local.
  const reExportCarrier = (exportName: string): void => {
    carriers.add(`\u0000export:${exportName}`);
    exportAs(exportName, `\u0000export:${exportName}`);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (!ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const specifier = statement.moduleSpecifier.text;
      const fromProject = questions.isProjectModule(specifier);
      for (const [local, imported] of importedBindings(statement)) {
        if (!fromProject) packageBindings.add(local);
        else if (questions.importCarries(specifier, imported)) {
          carriers.add(local);
          receives = true;
        }
      }
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      esExports = true;
      const specifier = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      if (!statement.exportClause || ts.isNamespaceExport(statement.exportClause)) {
        if (specifier === undefined || !questions.importCarries(specifier, '*')) continue;
        receives = true;
        const exportClause = statement.exportClause;
        if (exportClause) {
          reExportCarrier(exportClause.name.text); // export * as ns from: ns carries
          continue;
        }
        // export * from: the carrying names of that module, when known; else any name may.
        const names = questions.reExportedCarriers?.(specifier) ?? null;
        if (names === null) anyName = true;
        else for (const name of names) reExportCarrier(name);
        continue;
      }
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).getText(sourceFile);
        if (specifier === undefined) {
          if (element.name.text === 'default') anyName = true;
          exportAs(element.name.text, local);
        } else if (questions.importCarries(specifier, local)) {
          // `export { x } from './y'` carries what y's x does.
          reExportCarrier(element.name.text);
          receives = true;
        }
      }
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    const exported = modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
    if (ts.isExportAssignment(statement) || (exported && modifiers!.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword))) anyName = true; // export default / export =
    const declares = declaredNames(statement);
    if (exported) {
      esExports = true;
      for (const name of declares) exportAs(name, name);
    }
    if (ts.isVariableStatement(statement)) {
      // Each declarator on its own: `const a = 1, b = process.env.K` makes b a carrier, not a.
      for (const declaration of statement.declarationList.declarations) {
        for (const name of bindingNames(declaration.name)) variables.add(name);
        if (isPackageInstance(declaration.initializer, packageBindings, sourceFile, questions)) continue;
        statements.push(topLevel(bindingNames(declaration.name), declaration, sourceFile, questions));
      }
      continue;
    }
    statements.push(topLevel(declares, statement, sourceFile, questions));
  }
  for (const statement of statements) if (statement.namesSource) receives = true;
  spreadToFixedPoint(statements, carriers, variables);
  // CommonJS (no ES exports): `module.exports` can be anything.
  if (anyName || (!esExports && /\.[cm]?jsx?$/i.test(sourceFile.fileName))) return { exports: null, receives: receives || carriers.size > 0 };
  const names = [...exportsOf].filter(([, locals]) => locals.some((local) => carriers.has(local))).map(([name]) => name);
  return { exports: names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), receives };
}

/** A top-level statement's names and references; `require('./x')` / `import('./x')` of a carrying module counts as naming a source. */
function topLevel(declares: string[], node: ts.Node, sourceFile: ts.SourceFile, questions: CarrierQuestions): TopLevel {
  const refers = new Set<string>();
  const stores = new Set<string>();
  let loadsCarrier = false;
  // An explicit stack, not recursion: a file nested thousands of levels deep must not overflow
  // (the candidates' texts are read as they are, without the nesting guard of the Program's files).
  const stack: ts.Node[] = [node];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const child = stack.pop()!;
    if (ts.isIdentifier(child)) refers.add(child.text);
    else if (ts.isShorthandPropertyAssignment(child)) refers.add(child.name.text);
    else addStoreTarget(child, stores);
    if (ts.isCallExpression(child)) {
      const callee = child.expression;
      if (child.arguments.length === 1 && ts.isStringLiteralLike(child.arguments[0])) {
        const isLoad = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require');
        if (isLoad && questions.isProjectModule(child.arguments[0].text) && questions.importCarries(child.arguments[0].text, '*')) loadsCarrier = true;
      }
    }
    ts.forEachChild(child, push);
  }
  return { declares, refers, stores: declares.length === 0 ? refers : stores, namesSource: loadsCarrier || (questions.namesSource?.(node.getText(sourceFile)) ?? false) };
}

const storedNamesOf = new WeakMap<ts.SourceFile, Set<string>>();

/**
 * The names a module stores a value into anywhere, functions included: roots of assignment
 * targets, receivers of mutating calls, `Object.assign`'s target. handed-on-exports.ts keeps such
 * a `const` whatever its initializer says (`const cache = new Map()` filled by `init()`).
 */
export function storedNames(sourceFile: ts.SourceFile): Set<string> {
  const known = storedNamesOf.get(sourceFile);
  if (known) return known;
  const stores = new Set<string>();
  const stack: ts.Node[] = [sourceFile]; // explicit stack: a deeply nested file must not overflow
  while (stack.length > 0) {
    const node = stack.pop()!;
    addStoreTarget(node, stores);
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
  storedNamesOf.set(sourceFile, stores);
  return stores;
}

/** The name `node` stores a value into, if it is a store: an assignment's target root, a mutating call's receiver, `Object.assign`'s target. */
function addStoreTarget(node: ts.Node, into: Set<string>): void {
  if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) addRoot(node.left, into);
  else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && MUTATORS.has(node.expression.name.text)) {
    if (node.expression.name.text === 'assign' && node.arguments.length > 0) addRoot(node.arguments[0], into);
    else addRoot(node.expression.expression, into);
  }
}

/** Methods that store their argument in the receiver (or, for `Object.assign`, in the first argument). */
const MUTATORS = new Set(['set', 'push', 'unshift', 'add', 'assign', 'append', 'splice', 'setItem', 'put', 'fill']);

function addRoot(expression: ts.Expression, into: Set<string>): void {
  let root = expression;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isParenthesizedExpression(root) || ts.isNonNullExpression(root)) root = root.expression;
  if (ts.isIdentifier(root)) into.add(root.text);
}

function spreadToFixedPoint(statements: TopLevel[], carriers: Set<string>, variables: ReadonlySet<string>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const statement of statements) {
      const carries = statement.namesSource || [...statement.refers].some((name) => carriers.has(name));
      if (!carries) continue;
      // Its own names carry, and so may every module-level variable it refers to: a function that
      // names a source may store it there (`cache = process.env.K`, `store.key = …`) for another
      // export to return. Functions, classes and imports it mentions are not storage.
      const reached = [...statement.declares, ...[...statement.stores].filter((name) => variables.has(name))];
      for (const name of reached) {
        if (carriers.has(name)) continue;
        carriers.add(name);
        changed = true;
      }
    }
  }
}

/** A prefilter, not the decision: `require(…)` or `import(…)` somewhere in the text. */
const LOADS_AT_RUN_TIME = /\b(?:require|import)\s*\(/;

/** Whether a top-level import or re-export binds something that can carry a secret. */
function anyImportCarries(sourceFile: ts.SourceFile, questions: CarrierQuestions): boolean {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      if (questions.isProjectModule(specifier) && importedBindings(statement).some(([, imported]) => questions.importCarries(specifier, imported))) return true;
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.exportClause;
      const names = !clause || ts.isNamespaceExport(clause) ? ['*'] : clause.elements.map((element) => (element.propertyName ?? element.name).getText(sourceFile));
      if (names.some((name) => questions.importCarries(specifier, name))) return true;
    }
  }
  return false;
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
  return !(questions.namesSource?.(expression.expression.getText(sourceFile)) ?? false);
}

/**
 * The import a binding declaration belongs to (`{ x as y }`, `y`, `* as y`), and the name it
 * imports ('default', '*'); undefined for anything else and for type-only imports (they bind nothing).
 */
export function importOfBinding(declaration: ts.Declaration): { statement: ts.ImportDeclaration; imported: string } | undefined {
  // A declaration can be a source file (a CommonJS module's `module.exports` symbol), which has no parent.
  let statement: ts.Node | undefined = declaration;
  for (let up = 0; up < 3 && statement && !ts.isImportDeclaration(statement); up++) statement = statement.parent;
  const local = (declaration as ts.NamedDeclaration).name;
  if (!statement || !ts.isImportDeclaration(statement) || !local || !ts.isIdentifier(local)) return undefined;
  const binding = importedBindings(statement).find(([name]) => name === local.text);
  return binding ? { statement, imported: binding[1] } : undefined;
}

/** Local name -> the name imported ('default' for a default import, '*' for a namespace); type-only imports bind nothing. */
function importedBindings(statement: ts.ImportDeclaration): Array<[string, string]> {
  const clause = statement.importClause;
  if (!clause || clause.isTypeOnly) return [];
  const bindings: Array<[string, string]> = clause.name ? [[clause.name.text, 'default']] : [];
  const named = clause.namedBindings;
  if (named && ts.isNamespaceImport(named)) bindings.push([named.name.text, '*']);
  else if (named) for (const element of named.elements) if (!element.isTypeOnly) bindings.push([element.name.text, (element.propertyName ?? element.name).text]);
  return bindings;
}

