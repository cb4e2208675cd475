// Files a root reaches only through `export * from` (issue 12: after editing one file, a rescan
// costs a fraction of the first). A barrel (`packages/ui/src/index.tsx`: `export * from './icons'`)
// makes the checker resolve every module it re-exports as soon as anything is imported from it,
// so the recorded edges (incremental.ts, reachedEdges) lead from every root that imports one name
// of a UI package to each of its hundreds of icons and components. Building the barrel's export
// table reads only the names each re-exported module exports; a module's declarations are read
// only when some code asks for one of those names. So a root does not depend on the text of a
// module it reaches only through `export *` when no file its walk can read names one of the
// module's exports, no such file can reach exports without naming them (a namespace import of a
// project module, `import()`, `require()`), and the edit keeps what the module exports (its
// export shape). The files a walk can read are those the edges lead to from the root and the
// global files, a star-only edge counting only once the target's names are mentioned there.
//
// Mentions are looked up as words of the file's text, strings and comments included: a superset
// of the names the code uses (`ui["StripeIcon"]` names it too), so a doubt keeps the root rerun.
import type { LeakProject } from './project.js';
import { ts } from './compiler-api.js';
import { bindingNames, hasModifier } from './top-level-names.js';

/** An export statement that names another module or renames a local (what a barrel's table is built from). */
export type ExportForm =
  | { star: string; typeOnly?: true }
  | { namespace: string; from: string }
  | { name: string; property: string; from?: string };

/** What a module exports by itself (names) and by which statements (forms): what an edit must keep. */
export interface ExportShape {
  names: string[];
  forms: ExportForm[];
}

/** JavaScript files: CommonJS exports (`exports.x = …`, `module.exports`) are assignments, not statements read here. */
const SCRIPT_EXTENSIONS = new Set(['.js', '.jsx', '.mjs', '.cjs']);

function isJavaScript(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  return dot >= 0 && SCRIPT_EXTENSIONS.has(fileName.slice(dot).toLowerCase());
}

/**
 * The names a module exports and its export statements, from its syntax, in a stable order; null
 * when that is not the whole story: `export =` (the module object itself), a JavaScript file
 * (CommonJS exports are assignments anywhere in it).
 */
export function exportShape(sourceFile: ts.SourceFile): ExportShape | null {
  if (isJavaScript(sourceFile.fileName)) return null;
  const names = new Set<string>();
  const forms: ExportForm[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) {
      if (statement.isExportEquals) return null;
      names.add('default');
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (from === undefined) return null;
        forms.push(statement.isTypeOnly ? { star: from, typeOnly: true } : { star: from });
        continue;
      }
      if (ts.isNamespaceExport(clause)) {
        if (from === undefined) return null;
        names.add(clause.name.text);
        forms.push({ namespace: clause.name.text, from });
        continue;
      }
      for (const element of clause.elements) {
        names.add(element.name.text);
        forms.push({ name: element.name.text, property: element.propertyName?.text ?? element.name.text, ...(from === undefined ? {} : { from }) });
      }
      continue;
    }
    if (!hasModifier(statement, ts.SyntaxKind.ExportKeyword)) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) for (const name of bindingNames(declaration.name)) names.add(name);
      continue;
    }
    if (ts.isImportEqualsDeclaration(statement)) {
      names.add(statement.name.text);
      continue;
    }
    const declared = (statement as ts.DeclarationStatement).name;
    if (hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) names.add('default');
    else if (declared && (ts.isIdentifier(declared) || ts.isStringLiteral(declared))) names.add(declared.text);
    else return null;
  }
  const keyed = forms.map((form) => [JSON.stringify(form), form] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { names: [...names].sort(), forms: keyed.map(([, form]) => form) };
}

/** Whether two shapes (one possibly read back from the cache) are the same. */
export function sameShape(a: ExportShape, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Per importing file, the project files it refers to only with `export * from` (no `as`, no other
 * import or re-export of them): the checker reads such a file's export names for the importer's
 * table, and its declarations only for a name someone asks for.
 */
/** The project modules the file re-exports whole with `export * from` (whatever else it takes from them). */
export function starTargets(sourceFile: ts.SourceFile, project: Pick<LeakProject, 'resolveImport'>): string[] {
  const targets = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.exportClause || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = project.resolveImport(sourceFile.fileName, statement.moduleSpecifier.text);
    if (target !== undefined) targets.add(target);
  }
  return [...targets];
}

export function starOnlyTargets(sourceFile: ts.SourceFile, project: Pick<LeakProject, 'resolveImport'>): Set<string> {
  const star = new Set<string>();
  const other = new Set<string>();
  for (const statement of sourceFile.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    if (specifier === undefined) continue;
    const target = project.resolveImport(sourceFile.fileName, specifier);
    if (target === undefined) continue;
    if (ts.isExportDeclaration(statement) && !statement.exportClause) star.add(target);
    else other.add(target);
  }
  for (const target of other) star.delete(target);
  return star;
}

/**
 * Whether code in the file can reach a project module's exports without naming them (see
 * unnamedTargets): some module, or one it cannot tell.
 */
export function reachesExportsUnnamed(sourceFile: ts.SourceFile, project: Pick<LeakProject, 'resolveImport'>): boolean {
  const targets = unnamedTargets(sourceFile, project);
  return targets === null || targets.length > 0;
}

/**
 * The project modules whose exports code in the file can reach without naming them: through a
 * namespace import or `import x = require()` of one, a namespace re-export (`export * as ns
 * from`: its importers index `ns` as they please), or an `import()` or `require()` (call or type)
 * with a literal specifier; one with another argument reaches nothing the checker can follow (it
 * types the result `any`). In a JavaScript file, whose JSDoc types the checker reads, every
 * `import(` and `require(` of the text must be one of those; otherwise (a JSDoc `import("./x")`,
 * a longer name ending so) null: a doubt counts.
 */
export function unnamedTargets(sourceFile: ts.SourceFile, project: Pick<LeakProject, 'resolveImport'>): string[] | null {
  const targets = new Set<string>();
  const add = (specifier: string): void => {
    const target = project.resolveImport(sourceFile.fileName, specifier);
    if (target !== undefined) targets.add(target);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isImportEqualsDeclaration(statement)) {
      const reference = statement.moduleReference;
      if (ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression)) add(reference.expression.text);
      continue; // `import x = N.y` names what it takes
    }
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    if (specifier === undefined) continue;
    const namespace = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : ts.isExportDeclaration(statement) ? statement.exportClause : undefined;
    if (namespace && (ts.isNamespaceImport(namespace) || ts.isNamespaceExport(namespace))) add(specifier);
  }
  const text = sourceFile.text;
  const mentions = ['import(', 'import (', 'require(', 'require ('].reduce((count, needle) => count + occurrences(text, needle), 0);
  if (mentions === 0) return [...targets];
  let found = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      found++;
      const argument = node.arguments[0];
      if (argument && ts.isStringLiteralLike(argument)) add(argument.text);
    } else if (ts.isImportTypeNode(node)) {
      found++;
      if (ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) add(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found !== mentions && isJavaScript(sourceFile.fileName) ? null : [...targets];
}

function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** ASCII letters, digits, `_` and `$`; with any non-ASCII character, the characters of a word. */
const WORD_CHARACTER = new Uint8Array(128).map((_, code) => ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 ? 1 : 0));

/** Each word of text[start, end) (a superset of identifiers), by where it starts and ends. */
export function forEachWord(text: string, start: number, end: number, visit: (from: number, to: number) => void): void {
  let from = -1;
  for (let at = start; at <= end; at++) {
    const code = at < end ? text.charCodeAt(at) : 32;
    if (code > 127 || WORD_CHARACTER[code] === 1) {
      if (from < 0) from = at;
    } else if (from >= 0) {
      visit(from, at);
      from = -1;
    }
  }
}

/** The words of a text: runs of letters, digits, `_`, `$` and any non-ASCII character (a superset of identifiers). */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  forEachWord(text, 0, text.length, (from, to) => words.add(text.slice(from, to)));
  return words;
}

/** A file's words (relative key) through a cache shared across roots; null when it is unreadable. */
export function fileWords(file: string, words: Map<string, Set<string> | null>, readText: (file: string) => string | null): Set<string> | null {
  let found = words.get(file);
  if (found === undefined) {
    const text = readText(file);
    found = text === null ? null : wordsOf(text);
    words.set(file, found);
  }
  return found;
}

export interface StarRecord {
  /** Importing file -> the files it refers to only with `export * from` (relative keys). */
  starOnly: Record<string, string[]>;
  /** Every star-only target -> what it exports (null: not known, so always read). */
  starExports: Record<string, ExportShape | null>;
  /** Files whose code can reach a project module's exports without naming them, and cannot tell which (in older records: any such file). */
  unnamed: string[];
  /** File -> the project modules it reaches without naming their exports, when it can tell (unnamedTargets); absent in older records. */
  unnamedTargets?: Record<string, string[]>;
  /** File -> the project modules it re-exports with `export * from` (starTargets); absent in older records. */
  starAll?: Record<string, string[]>;
}

export interface NameOnlyInput {
  edges: Record<string, string[]>;
  star: StarRecord;
  global: readonly string[];
  /** Text of a file (relative key), null when unreadable. */
  readText(file: string): string | null;
}

/**
 * Whether the edges from `root` (and the global files) lead to `edited` in a way that reads its
 * text; false only when every way there is a star-only edge and no file read on the way names one
 * of its exports or reaches exports unnamed. `words` caches each file's words across roots.
 */
export function readsFile(root: string, edited: string, input: NameOnlyInput, words: Map<string, Set<string> | null>): boolean {
  const read = readFiles(root, input, words);
  return read === null || read.has(edited);
}

/**
 * The files whose text the walk of `root` can read (see above): the edges from it and the global
 * files, a star-only edge followed once a read file names one of the target's exports; null when
 * a read file reaches exports unnamed or cannot be read (then every file counts as read).
 */
export function readFiles(root: string, input: NameOnlyInput, words: Map<string, Set<string> | null>, whole = new Set<string>()): Set<string> | null {
  const { edges, star } = input;
  const unnamed = new Set(star.unnamed);
  const reachedUnnamed = isLists(star.unnamedTargets) ? star.unnamedTargets : {};
  const starAll = isLists(star.starAll) ? star.starAll : {};
  const read = new Set<string>();
  const queue: string[] = [];
  const mentioned = new Set<string>();
  /** Star-only targets reached from a read file, not yet read themselves. */
  const waiting = new Set<string>();
  let unknown = false;
  const readFile = (file: string): void => {
    if (read.has(file)) return;
    read.add(file);
    waiting.delete(file);
    queue.push(file);
    if (unnamed.has(file)) unknown = true;
    const found = fileWords(file, words, input.readText);
    if (found === null) unknown = true;
    else for (const word of found) mentioned.add(word);
    for (const target of reachedUnnamed[file] ?? []) readWhole(target);
  };
  /** A module whose exports code reaches unnamed: read, every export counted as named, and so for what it re-exports with `export *`. */
  const readWhole = (file: string): void => {
    if (whole.has(file)) return;
    whole.add(file);
    readFile(file);
    for (const target of starAll[file] ?? []) readWhole(target);
  };
  readFile(root);
  for (const file of input.global) readFile(file);
  for (;;) {
    while (queue.length > 0 && !unknown) {
      const file = queue.pop()!;
      const starTargets = new Set(star.starOnly[file] ?? []);
      for (const target of edges[file] ?? []) {
        if (starTargets.has(target)) {
          if (!read.has(target)) waiting.add(target);
        } else readFile(target);
      }
    }
    if (unknown) return null;
    // A star-only target is read once a read file names one of its exports.
    const named = [...waiting].filter((target) => {
      if (whole.has(target)) return true;
      const shape = star.starExports[target];
      // `export *` never re-exports a default export: only a direct import (an edge that reads) reaches it.
      // A barrel of barrels (`export * from './functions'`, itself `export * from './fetch-with-retry'`)
      // exports names its own list lacks: it is read, and its targets are judged by their names.
      return shape === null || shape === undefined || !Array.isArray(shape.forms) || shape.forms.some((form) => 'star' in form) || shape.names.some((name) => name !== 'default' && mentioned.has(name));
    });
    if (named.length === 0) return read;
    for (const target of named) readFile(target);
  }
}

function isLists(value: unknown): value is Record<string, string[]> {
  return typeof value === 'object' && value !== null && Object.values(value).every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'));
}

/**
 * The text a Program may load instead of a module that no walk of the rerun reads (readFiles): its
 * export statements as recorded, each other exported name declared without a value. Building a
 * barrel's export table reads only these; null when the recorded shape is not one exportShape makes.
 */
export function stubText(shape: ExportShape): string | null {
  if (!Array.isArray(shape.names) || !Array.isArray(shape.forms)) return null;
  const lines: string[] = [];
  const viaForms = new Set<string>();
  const quote = (text: unknown): string | null => (typeof text === 'string' ? JSON.stringify(text) : null);
  for (const form of shape.forms as unknown[]) {
    const f = (form ?? {}) as Record<string, unknown>;
    if ('star' in f) {
      const from = quote(f.star);
      if (from === null) return null;
      lines.push(`export ${f.typeOnly ? 'type ' : ''}* from ${from};`);
    } else if ('namespace' in f && isIdentifierText(f.namespace)) {
      const from = quote(f.from);
      if (from === null) return null;
      viaForms.add(f.namespace);
      lines.push(`export * as ${f.namespace} from ${from};`);
    } else if ('name' in f && isIdentifierText(f.name) && isIdentifierText(f.property)) {
      // A local exported under another name is declared below by that name; a re-export stays one.
      if (f.from === undefined) continue;
      const from = quote(f.from);
      if (from === null) return null;
      viaForms.add(f.name);
      lines.push(`export { ${f.property} as ${f.name} } from ${from};`);
    } else return null;
  }
  for (const name of shape.names) {
    if (viaForms.has(name)) continue;
    if (name === 'default') lines.push('declare const __default: unknown;', 'export default __default;');
    else if (isIdentifierText(name)) lines.push(`export declare const ${name}: unknown;`);
    else return null;
  }
  return `${lines.join('\n')}\n`;
}

/** A name a stub can declare: identifier characters, and no reserved word (`export const delete` would not parse). */
function isIdentifierText(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(value)) return false;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, value);
  const token = scanner.scan();
  return token === ts.SyntaxKind.Identifier || (token > ts.SyntaxKind.LastReservedWord && token <= ts.SyntaxKind.LastKeyword);
}
