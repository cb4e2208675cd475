// Builds the ts-morph Project for leak analysis: the scanned repository's root tsconfig.json when
// there is one (its module settings and paths; files are added explicitly), else inferred settings.
// Nothing from the repository is executed; a broken tsconfig falls back to the inferred settings.
// Nothing outside the project is read (DESIGN §7): the compiler works on a ContainedFileSystem,
// so a tsconfig `extends`/`paths` or an import through an in-tree symbolic link that leads out
// finds nothing there, and each such import becomes a `problems` entry for the importing file.
//
// Two deliberate choices keep the analysis fast and the same with or without `npm install`:
// - no lib files (`noLib`): the engine needs project symbols, signatures and declared types, not
//   the DOM; loading lib.dom alone costs seconds. Built-in projections (`.length`, comparisons,
//   `startsWith`) are recognised syntactically instead.
// - imports never resolve into node_modules: third-party types are `any`, and sinks in packages
//   are found through import provenance (`import pino from 'pino'`), which needs no types.
import fs from 'node:fs';
import path from 'node:path';
import { Project, ts, type ResolutionHostFactory } from 'ts-morph';
import { containmentBoundary } from '../../core/contained-path.js';
import { ContainedFileSystem } from './contained-file-system.js';

const INFERRED_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  jsx: ts.JsxEmit.Preserve,
  allowImportingTsExtensions: true,
};

const ANALYSIS_OVERRIDES: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  noLib: true,
  lib: undefined,
  types: [],
  skipLibCheck: true,
  composite: false,
  incremental: false,
};

/** A file the analysis did not follow something for; `file` is absolute. Never quotes file content. */
export interface LeakProjectProblem {
  file: string;
  line?: number;
  message: string;
}

export const OUTSIDE_IMPORT_MESSAGE = 'import resolves outside the project; not followed';

/**
 * Resolves project-relative and `paths` imports as the compiler would, but never into
 * node_modules, and reports an import whose resolution was refused for leaving the project.
 */
function projectOnlyResolution(fileSystem: ContainedFileSystem, problems: LeakProjectProblem[]): ResolutionHostFactory {
  const reported = new Set<string>();
  return (host, getCompilerOptions) => ({
    resolveModuleNames(moduleNames, containingFile, _reused, _redirected, _options, containingSourceFile) {
      return moduleNames.map((name) => {
        const before = fileSystem.refusals;
        const resolved = ts.resolveModuleName(name, containingFile, getCompilerOptions(), host).resolvedModule;
        if (!resolved && fileSystem.refusals > before) {
          const line = containingSourceFile ? importLine(containingSourceFile as unknown as ts.SourceFile, name) : undefined;
          const key = `${containingFile}\u0000${line ?? ''}`;
          if (!reported.has(key)) {
            reported.add(key);
            problems.push({ file: containingFile, line, message: OUTSIDE_IMPORT_MESSAGE });
          }
        }
        if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes('/node_modules/')) return undefined;
        return resolved;
      });
    },
  });
}

/** 1-based line of the first string literal equal to `specifier` (the import that named it). */
function importLine(sourceFile: ts.SourceFile, specifier: string): number | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === specifier) {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found ? sourceFile.getLineAndCharacterOfPosition(found.getStart(sourceFile)).line + 1 : undefined;
}

export interface LeakProject {
  project: Project;
  /** Where the compiler options came from, for diagnostics. */
  configFile: string | null;
  /** Filled while the project is built and its program created: imports and tsconfig parts not followed. */
  problems: LeakProjectProblem[];
}

export function createLeakProject(root: string): LeakProject {
  const fileSystem = new ContainedFileSystem(containmentBoundary(root));
  const problems: LeakProjectProblem[] = [];
  const resolutionHost = projectOnlyResolution(fileSystem, problems);
  const configFile = path.join(root, 'tsconfig.json');
  if (fs.existsSync(configFile) || isSymlink(configFile)) {
    const before = fileSystem.refusals;
    try {
      const project = new Project({
        tsConfigFilePath: configFile,
        fileSystem,
        skipAddingFilesFromTsConfig: true,
        skipFileDependencyResolution: true,
        skipLoadingLibFiles: true,
        resolutionHost,
      });
      project.compilerOptions.set({ ...project.compilerOptions.get(), ...ANALYSIS_OVERRIDES });
      if (fileSystem.refusals > before) problems.push({ file: configFile, message: TSCONFIG_OUTSIDE_MESSAGE });
      return { project, configFile, problems };
    } catch {
      // Unreadable tsconfig (bad JSON, missing `extends`, or one leading outside the project):
      // analyse with inferred settings instead.
      if (fileSystem.refusals > before) problems.push({ file: configFile, message: TSCONFIG_OUTSIDE_MESSAGE });
    }
  }
  const project = new Project({
    compilerOptions: { ...INFERRED_OPTIONS, ...ANALYSIS_OVERRIDES },
    fileSystem,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    resolutionHost,
  });
  return { project, configFile: null, problems };
}

export const TSCONFIG_OUTSIDE_MESSAGE = 'tsconfig.json (or a file it extends) resolves outside the project; not followed';

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
