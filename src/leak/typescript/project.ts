// Builds the compiler Program for leak analysis with the `typescript` package the front end loads
// (one compiler in the process): the scanned repository's root tsconfig.json when there is one
// (its module settings and paths; its `files`/`include` are ignored, the root files are given),
// else inferred settings. Nothing from the repository is executed; a tsconfig that cannot be read
// as JSON falls back to the inferred settings.
// Nothing outside the project is read (DESIGN §7): the compiler host works on a
// ContainedFileSystem, so a tsconfig `extends`/`paths` or an import through an in-tree symbolic
// link that leads out finds nothing there, and each such import becomes a `problems` entry for
// the importing file.
//
// Deliberate choices keep the analysis fast and the same with or without `npm install`:
// - no lib files (`noLib`, `types: []`): the engine needs project symbols, signatures and declared
//   types, not the DOM; loading lib.dom alone costs seconds. Built-in projections (`.length`,
//   comparisons, `startsWith`) are recognised syntactically instead.
// - imports never resolve into node_modules: third-party types are `any`, and sinks in packages
//   are found through import provenance (`import pino from 'pino'`), which needs no types. So a
//   bare specifier (`react`, `@scope/pkg`) is not even looked up unless tsconfig `paths` (or
//   `baseUrl`) could map it into the project; `#imports` are resolved through package.json.
// - the Program holds only the root files the caller chose and what they import; the type checker
//   is asked lazily, per expression the taint walk needs, so files nobody asks about are parsed
//   and bound but never checked.
import fs from 'node:fs';
import path from 'node:path';
import { containmentBoundary } from '../../core/contained-path.js';
import { ts } from './compiler-api.js';
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
  typeRoots: [],
  skipLibCheck: true,
  skipDefaultLibCheck: true,
  composite: false,
  incremental: false,
  tsBuildInfoFile: undefined,
  declaration: false,
  sourceMap: false,
};

/** A file the analysis did not follow something for; `file` is absolute. Never quotes file content. */
export interface LeakProjectProblem {
  file: string;
  line?: number;
  message: string;
}

export const OUTSIDE_IMPORT_MESSAGE = 'import resolves outside the project; not followed';
export const TSCONFIG_OUTSIDE_MESSAGE = 'tsconfig.json (or a file it extends) resolves outside the project; not followed';

export interface LeakProject {
  program: ts.Program;
  /** Where the compiler options came from, for diagnostics. */
  configFile: string | null;
  /** Imports and tsconfig parts not followed, found while the program was created. */
  problems: LeakProjectProblem[];
  /** Root files the compiler could not load (unreadable), absolute. */
  unloaded: string[];
}

/** A Program over `rootFiles` (absolute) and the project files they import, contained in the project. */
export function createLeakProgram(root: string, rootFiles: string[]): LeakProject {
  const fileSystem = new ContainedFileSystem(containmentBoundary(root));
  const problems: LeakProjectProblem[] = [];
  const { options, configFile } = compilerOptionsFor(root, fileSystem, problems);
  const host = containedCompilerHost(root, options, fileSystem, problems);
  const program = ts.createProgram({ rootNames: rootFiles, options, host });
  const unloaded = rootFiles.filter((file) => !program.getSourceFile(file));
  return { program, configFile, problems, unloaded };
}

function compilerOptionsFor(root: string, fileSystem: ContainedFileSystem, problems: LeakProjectProblem[]): { options: ts.CompilerOptions; configFile: string | null } {
  const configFile = path.join(root, 'tsconfig.json');
  if (!fs.existsSync(configFile) && !isSymlink(configFile)) return { options: { ...INFERRED_OPTIONS, ...ANALYSIS_OVERRIDES }, configFile: null };
  const before = fileSystem.refusals;
  const reportIfOutside = (): void => {
    if (fileSystem.refusals > before) problems.push({ file: configFile, message: TSCONFIG_OUTSIDE_MESSAGE });
  };
  const read = ts.readConfigFile(configFile, (file) => fileSystem.readFile(file));
  if (read.error || typeof read.config !== 'object' || read.config === null) {
    // Unreadable tsconfig (bad JSON, or a link leading outside the project): inferred settings.
    reportIfOutside();
    return { options: { ...INFERRED_OPTIONS, ...ANALYSIS_OVERRIDES }, configFile: null };
  }
  const parseHost: ts.ParseConfigHost = {
    useCaseSensitiveFileNames: fileSystem.useCaseSensitiveFileNames,
    // Root files are given explicitly: tsconfig `include` globs are never expanded.
    readDirectory: () => [],
    fileExists: (file) => fileSystem.fileExists(file),
    readFile: (file) => fileSystem.readFile(file),
  };
  // A missing or refused `extends` is a diagnostic here, not a failure: the rest of the file counts.
  const parsed = ts.parseJsonConfigFileContent(read.config, parseHost, path.dirname(configFile), undefined, configFile);
  reportIfOutside();
  return { options: { ...parsed.options, ...ANALYSIS_OVERRIDES }, configFile };
}

function containedCompilerHost(root: string, options: ts.CompilerOptions, fileSystem: ContainedFileSystem, problems: LeakProjectProblem[]): ts.CompilerHost {
  const caseSensitive = fileSystem.useCaseSensitiveFileNames;
  const resolutionHost = {
    fileExists: (file) => fileSystem.fileExists(file),
    readFile: (file) => fileSystem.readFile(file),
    directoryExists: (dir) => fileSystem.directoryExists(dir),
    realpath: (p) => fileSystem.realpath(p),
    getDirectories: (dir) => fileSystem.getDirectories(dir),
    getCurrentDirectory: () => root,
    useCaseSensitiveFileNames: caseSensitive,
  } satisfies ts.ModuleResolutionHost;
  const resolve = projectOnlyResolution(options, resolutionHost, fileSystem, problems);
  return {
    ...resolutionHost,
    getSourceFile(fileName, languageVersionOrOptions) {
      const text = fileSystem.readFile(fileName);
      return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
    },
    // noLib: never asked for; a path inside nothing, should it ever be.
    getDefaultLibFileName: () => path.join(root, 'node_modules', '.clavis-lint-no-lib', 'lib.d.ts'),
    writeFile: () => {
      throw new Error('the leak analysis never writes to the file system');
    },
    getCanonicalFileName: (file) => (caseSensitive ? file : file.toLowerCase()),
    useCaseSensitiveFileNames: () => caseSensitive,
    getNewLine: () => '\n',
    resolveModuleNameLiterals: resolve,
  };
}

/**
 * Resolves project-relative and `paths` imports as the compiler would, but never into
 * node_modules, and reports an import whose resolution was refused for leaving the project.
 * Answers are remembered per directory, specifier and mode (what resolution depends on here), and
 * so is whether answering was refused, so every importer of an outside module gets its entry.
 */
function projectOnlyResolution(
  options: ts.CompilerOptions,
  host: ts.ModuleResolutionHost,
  fileSystem: ContainedFileSystem,
  problems: LeakProjectProblem[],
): NonNullable<ts.CompilerHost['resolveModuleNameLiterals']> {
  const answers = new Map<string, { resolved: ts.ResolvedModuleFull | undefined; refused: boolean }>();
  const reported = new Set<string>();
  const pathPatterns = Object.keys(options.paths ?? {});
  const mayMapBareSpecifiers = options.baseUrl !== undefined || pathPatterns.length > 0;
  const unresolved: ts.ResolvedModuleWithFailedLookupLocations = { resolvedModule: undefined };
  return (literals, containingFile, _redirected, _options, containingSourceFile) =>
    literals.map((literal) => {
      const name = literal.text;
      if (!isPathLike(name) && !(mayMapBareSpecifiers && (options.baseUrl !== undefined || pathPatterns.some((pattern) => matchesPathPattern(pattern, name))))) return unresolved;
      const mode = ts.getModeForUsageLocation(containingSourceFile, literal, options);
      const key = `${path.dirname(containingFile)}\u0000${name}\u0000${mode ?? ''}`;
      let answer = answers.get(key);
      if (!answer) {
        const before = fileSystem.refusals;
        const resolved = ts.resolveModuleName(name, containingFile, options, host, undefined, undefined, mode).resolvedModule;
        answer = { resolved, refused: !resolved && fileSystem.refusals > before };
        answers.set(key, answer);
      }
      if (answer.refused) {
        const line = containingSourceFile.getLineAndCharacterOfPosition(literal.getStart(containingSourceFile)).line + 1;
        const problemKey = `${containingFile}\u0000${line}`;
        if (!reported.has(problemKey)) {
          reported.add(problemKey);
          problems.push({ file: containingFile, line, message: OUTSIDE_IMPORT_MESSAGE });
        }
      }
      const resolved = answer.resolved;
      if (!resolved || resolved.isExternalLibraryImport || resolved.resolvedFileName.includes('/node_modules/')) return unresolved;
      return { resolvedModule: resolved };
    });
}

/** Relative, absolute or a package.json `#import`: resolved without a node_modules lookup. */
function isPathLike(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || specifier.startsWith('#') || path.isAbsolute(specifier);
}

/** tsconfig `paths` keys: an exact name or a pattern with one `*`. */
function matchesPathPattern(pattern: string, specifier: string): boolean {
  const star = pattern.indexOf('*');
  if (star < 0) return pattern === specifier;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
}

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
