// The first ring around the files that name a source: files that import one of them. Such a file
// receives secrets without naming a source (`import { getKey } from './config'`), so it is a root
// file of the leak Program too. Finding them must stay cheap on a 4,000-file monorepo, where
// `index`, `env` or `config` is a module name every other file mentions:
//
// 1. text tests (prefilters, never the decision): the file names the candidate's module (`/config`
//    followed by a quote or a dot, as an import specifier ends) and one of the names the candidate
//    exports (an importer uses what it imports; a default or CommonJS export can be imported under
//    any name, so a candidate with one passes this test always);
// 2. the decision: the compiler's import scanner lists the file's imports and they are resolved as
//    the Program resolves them; only a real import of a candidate makes an importer.
import fs from 'node:fs';
import path from 'node:path';
import { ts } from './compiler-api.js';
import type { LeakProject } from './project.js';

interface Candidate {
  /** The module name an import specifier ends with (`config` for config.ts, `lib` or `index` for lib/index.ts). */
  moduleName: string;
  /** Names an importer would use, or null when any name can be (default or CommonJS exports). */
  exported: string[] | null;
}

/**
 * Files of `others` (absolute path to text) that import one of `candidates` (absolute paths, with
 * their texts). `exports`, when given, receives each candidate's exported names (the result cache
 * records them: an edit that keeps them cannot change another file's importer status).
 */
export function importersOf(candidates: Map<string, string>, others: Map<string, string>, project: LeakProject, exports?: Map<string, string[] | null>): string[] {
  const byModuleName = new Map<string, Candidate[]>();
  for (const [file, text] of candidates) {
    const exported = exportedNames(file, text);
    exports?.set(file, exported);
    // A directory's index module is imported as `./config` or, spelled out, `./config/index.js`:
    // the text test looks for either last segment.
    for (const moduleName of moduleNamesOf(file)) {
      byModuleName.set(moduleName, [...(byModuleName.get(moduleName) ?? []), { moduleName, exported }]);
    }
  }
  // Resolution answers real paths; the scan's paths may run through a linked directory above the root.
  const candidateSet = new Set([...candidates.keys()].map(realPathOr));
  const found: string[] = [];
  for (const [file, text] of others) {
    if (!mayImportOneOf(text, byModuleName)) continue;
    if (project.importsOf(file, text).some((imported) => candidateSet.has(imported))) found.push(file);
  }
  return found;
}

function moduleNamesOf(file: string): string[] {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? [path.basename(path.dirname(file)), base] : [base];
}

function mayImportOneOf(text: string, byModuleName: Map<string, Candidate[]>): boolean {
  for (const moduleName of namedModules(text, byModuleName)) {
    const candidates = byModuleName.get(moduleName)!;
    if (candidates.some((candidate) => candidate.exported === null || candidate.exported.some((name) => text.includes(name)))) return true;
  }
  return false;
}

/**
 * The module names of `byModuleName` that `text` has as `/name` followed by a quote or a dot (an
 * import specifier's last segment). One pass over the text, whatever the number of module names:
 * after each `/`, every prefix ending before a quote or dot is looked up (a name never holds a `/`
 * or a line break, so the prefixes stop there, and at the longest name).
 */
function namedModules(text: string, byModuleName: Map<string, Candidate[]>): Set<string> {
  const found = new Set<string>();
  let longest = 0;
  for (const moduleName of byModuleName.keys()) longest = Math.max(longest, moduleName.length);
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    const limit = Math.min(text.length, slash + 1 + longest + 1);
    for (let at = slash + 1; at < limit; at++) {
      const c = text.charCodeAt(at);
      if (c === SLASH || c === NEWLINE) break;
      if (c === QUOTE || c === DOUBLE_QUOTE || c === DOT || c === BACKTICK) {
        const name = text.slice(slash + 1, at);
        if (byModuleName.has(name)) found.add(name);
      }
    }
  }
  return found;
}

const SLASH = 0x2f;
const NEWLINE = 0x0a;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const DOT = 0x2e;
const BACKTICK = 0x60;

/**
 * The names a module exports by name, from its syntax tree. null when an importer may bind it under
 * a name of its own: a default export, `export =`, `export * from`, or a JavaScript file without
 * ES exports (CommonJS `module.exports`).
 */
export function exportedNames(file: string, text: string): string[] | null {
  let sourceFile: ts.SourceFile;
  try {
    sourceFile = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false);
  } catch {
    return null;
  }
  const names: string[] = [];
  let esExports = false;
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) return null; // export default x / export = x
    if (ts.isExportDeclaration(statement)) {
      esExports = true;
      if (!statement.exportClause || ts.isNamespaceExport(statement.exportClause)) return null; // export * (as ns) from
      for (const element of statement.exportClause.elements) {
        if (element.name.text === 'default') return null;
        names.push(element.name.text);
      }
      continue;
    }
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    if (!modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    esExports = true;
    if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) return null;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) names.push(...bindingNames(declaration.name));
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
      names.push(statement.name.text);
    } else if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) {
      names.push(statement.name.text);
    }
  }
  if (!esExports && /\.[cm]?jsx?$/i.test(file)) return null;
  return names;
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

export function realPathOr(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    return file;
  }
}
