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
  /** The module name an import specifier ends with (`config` for config.ts, `lib` for lib/index.ts). */
  moduleName: string;
  /** Names an importer would use, or null when any name can be (default or CommonJS exports). */
  exported: string[] | null;
}

/** Files of `others` (absolute path to text) that import one of `candidates` (absolute paths, with their texts). */
export function importersOf(candidates: Map<string, string>, others: Map<string, string>, project: LeakProject): string[] {
  const byModuleName = new Map<string, Candidate[]>();
  for (const [file, text] of candidates) {
    const candidate = { moduleName: moduleNameOf(file), exported: exportedNames(file, text) };
    byModuleName.set(candidate.moduleName, [...(byModuleName.get(candidate.moduleName) ?? []), candidate]);
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

function moduleNameOf(file: string): string {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.basename(path.dirname(file)) : base;
}

function mayImportOneOf(text: string, byModuleName: Map<string, Candidate[]>): boolean {
  for (const [moduleName, candidates] of byModuleName) {
    if (!namesModule(text, moduleName)) continue;
    if (candidates.some((candidate) => candidate.exported === null || candidate.exported.some((name) => text.includes(name)))) return true;
  }
  return false;
}

/** Whether `text` has `/name` followed by a quote or a dot (an import specifier's last segment). */
function namesModule(text: string, moduleName: string): boolean {
  const needle = `/${moduleName}`;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const next = text[at + needle.length];
    if (next === "'" || next === '"' || next === '.' || next === '`') return true;
  }
  return false;
}

/**
 * The names a module exports by name, from its syntax tree. null when an importer may bind it under
 * a name of its own: a default export, `export =`, `export * from`, or a JavaScript file without
 * ES exports (CommonJS `module.exports`).
 */
function exportedNames(file: string, text: string): string[] | null {
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
