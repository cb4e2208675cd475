// Builds the compiler Program for leak analysis with the `typescript` package the front end loads
// (one compiler in the process): the scanned repository's root tsconfig.json when there is one
// (its module settings and paths; its `files`/`include` are ignored, the root files are given),
// else inferred settings. Imports are resolved as each file's own project would resolve them: with
// the nearest tsconfig.json (or jsconfig.json) above the importing file, so an app's `@/*` paths
// work in a monorepo without a root tsconfig, and with the monorepo's own packages mapped to their
// sources (workspace-packages.ts). Nothing from the repository is executed; a tsconfig that cannot
// be read as JSON falls back to the inferred settings.
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
import { containmentBoundary, isWithin } from '../../core/contained-path.js';
import { ts } from './compiler-api.js';
import { ContainedFileSystem } from './contained-file-system.js';
import { workspacePackages, type WorkspacePackages } from './workspace-packages.js';

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
  /** Where the compiler options came from, for diagnostics. */
  configFile: string | null;
  /** Imports and tsconfig parts not followed, found so far (tsconfig at once, imports as programs are created). */
  problems: LeakProjectProblem[];
  /**
   * The project files `text` (the content of `file`) imports, resolved as the Program would
   * resolve them (relative, `paths`, `#imports`; never node_modules). Reports nothing: an import
   * that leads outside is reported when a Program actually follows it.
   */
  importsOf(file: string, text: string): string[];
  /** The project file an import specifier in `file` resolves to, as for `importsOf`. */
  resolveImport(file: string, specifier: string): string | undefined;
  /** The real path of `file` (absolute), or `file` itself when it has none; remembered for the project's life (one scan). */
  realPathOr(file: string): string;
  /** The workspace package names whose entry module is `file` (absolute): `import … from '@acme/shared'` imports it. */
  packageEntryNamesOf(file: string): string[];
  /**
   * A Program over `rootFiles` (absolute) and the project files they import. With `allow`, an
   * import of a project file that `allow` refuses is left unresolved (the file is not loaded) and
   * listed in `blocked` (importing file -> specifier -> the file it resolves to).
   */
  createProgram(rootFiles: string[], allow?: (file: string) => boolean, stubs?: ReadonlyMap<string, string>): { program: ts.Program; unloaded: string[]; blocked: Map<string, Map<string, string>> };
  /** The imports the Programs followed: importing file -> imported project files (absolute). */
  imports: ReadonlyMap<string, ReadonlySet<string>>;
  /** Files read whose text the nesting guard changed (absolute). */
  guardAltered: ReadonlySet<string>;
}

export interface LeakProjectOptions {
  /** Files known to pass the nesting guard unchanged (the result cache, by content hash): read without it. */
  unguarded?: (absolute: string, bytes: Buffer) => boolean;
  /** Programs created one after another share parsed (and bound) source files: a file is read and parsed once. */
  reuseSourceFiles?: boolean;
  /**
   * The scan's TS/JS files (absolute): the package.json files in their directories and above
   * (up to the root) declare the workspace packages imports may name. Absent: no packages.
   */
  files?: readonly string[];
}

/** Compiler options and a contained host for the project at `root`; Programs are created on demand. */
export function openLeakProject(root: string, projectOptions: LeakProjectOptions = {}): LeakProject {
  const fileSystem = new ContainedFileSystem(containmentBoundary(root), projectOptions.unguarded);
  const problems: LeakProjectProblem[] = [];
  // A package's build layout (outDir, rootDir) is read from the options its directory gets; the
  // configs need the packages for `extends` in turn, so the packages ask lazily.
  const packages = workspacePackages(packageDirectories(root, projectOptions.files ?? [], fileSystem), fileSystem, (dir) => configs.optionsFor(dir));
  const configs = new ProjectConfigs(root, fileSystem, problems, packages);
  const { options, configFile } = configs.rootOptions();
  const resolutionHost = containedResolutionHost(root, fileSystem);
  const resolver = projectOnlyResolver(options, (file) => configs.optionsFor(path.dirname(file)), packages, resolutionHost, fileSystem);
  const sourceFiles = projectOptions.reuseSourceFiles ? new Map<string, ts.SourceFile | undefined>() : undefined;
  return {
    configFile,
    problems,
    imports: resolver.followed,
    guardAltered: fileSystem.guardAltered,
    resolveImport: (file, specifier) => resolver.resolve(specifier, file, undefined).resolved?.resolvedFileName,
    packageEntryNamesOf: (file) => packages.entryNamesOf(file),
    realPathOr: (file) => fileSystem.realPath(file) ?? file,
    importsOf(file, text) {
      const found: string[] = [];
      for (const reference of ts.preProcessFile(text, true, true).importedFiles) {
        const resolved = resolver.resolve(reference.fileName, file, undefined).resolved;
        if (resolved) found.push(resolved.resolvedFileName);
      }
      return found;
    },
    createProgram(rootFiles, allow, stubs) {
      const blocked = new Map<string, Map<string, string>>();
      const host = containedCompilerHost(root, resolutionHost, fileSystem, resolver.literals(problems, allow, blocked), sourceFiles, stubs);
      const program = ts.createProgram({ rootNames: rootFiles, options, host });
      return { program, unloaded: rootFiles.filter((file) => !program.getSourceFile(file)), blocked };
    },
  };
}

/**
 * Directories holding a package.json, from the scanned files' directories up to the root, each
 * probed once. An lstat first: the contained file system's answer (the real path of each
 * directory, from listings of the directories above it) is asked only where something is there,
 * a few dozen directories of a thousand on dub; a rerun of a few roots read all their listings.
 */
function packageDirectories(projectRoot: string, files: readonly string[], fileSystem: ContainedFileSystem): string[] {
  const root = path.resolve(projectRoot);
  const seen = new Set<string>();
  const found: string[] = [];
  for (const file of files) {
    for (let dir = path.dirname(normalizedAbsolute(file)); !seen.has(dir); dir = path.dirname(dir)) {
      seen.add(dir);
      const manifest = path.join(dir, 'package.json');
      // Only inside the project is anything asked of the disk (the contained file system's rule).
      if (isWithin(root, dir) && fs.lstatSync(manifest, { throwIfNoEntry: false }) !== undefined && fileSystem.fileExists(manifest)) found.push(dir);
      if (dir === root || path.dirname(dir) === dir || !isWithin(root, dir)) break;
    }
  }
  return found;
}

/** `path.resolve(file)`, without its cost for a path that is absolute and normalised already (the engine's: a few thousand per scan). */
function normalizedAbsolute(file: string): string {
  const sep = path.sep;
  return path.isAbsolute(file) && !file.includes(`${sep}.`) && !file.includes(`${sep}${sep}`) && !file.endsWith(sep) ? file : path.resolve(file);
}

/**
 * Compiler options per directory: those of the nearest tsconfig.json (else jsconfig.json) at or
 * above it inside the root, else the root's. Each config file is read once. Only module
 * resolution uses a nested config's options; the Program keeps the root's.
 */
class ProjectConfigs {
  private readonly byDirectory = new Map<string, ts.CompilerOptions>();
  private readonly byConfigFile = new Map<string, ts.CompilerOptions>();
  private root_: { options: ts.CompilerOptions; configFile: string | null } | undefined;

  private readonly root: string;

  constructor(
    root: string,
    private readonly fileSystem: ContainedFileSystem,
    private readonly problems: LeakProjectProblem[],
    private readonly packages: WorkspacePackages,
  ) {
    this.root = path.resolve(root);
  }

  rootOptions(): { options: ts.CompilerOptions; configFile: string | null } {
    if (!this.root_) {
      const configFile = path.join(this.root, 'tsconfig.json');
      const exists = fs.existsSync(configFile) || isSymlink(configFile);
      const options = exists ? this.read(configFile, {}) : undefined;
      this.root_ = options ? { options, configFile } : { options: { ...INFERRED_OPTIONS, ...ANALYSIS_OVERRIDES }, configFile: null };
    }
    return this.root_;
  }

  optionsFor(dir: string): ts.CompilerOptions {
    let options = this.byDirectory.get(dir);
    if (options) return options;
    if (dir === this.root || !isWithin(this.root, dir) || path.dirname(dir) === dir) options = this.rootOptions().options;
    else {
      const configFile = ['tsconfig.json', 'jsconfig.json'].map((name) => path.join(dir, name)).find((file) => this.fileSystem.fileExists(file));
      options = (configFile ? this.nested(configFile) : undefined) ?? this.optionsFor(path.dirname(dir));
    }
    this.byDirectory.set(dir, options);
    return options;
  }

  private nested(configFile: string): ts.CompilerOptions | undefined {
    if (!this.byConfigFile.has(configFile)) {
      // A nested config without module settings resolves like the inferred settings, not like `classic`.
      this.byConfigFile.set(configFile, this.read(configFile, { moduleResolution: INFERRED_OPTIONS.moduleResolution, module: INFERRED_OPTIONS.module }) ?? this.rootOptions().options);
    }
    return this.byConfigFile.get(configFile);
  }

  /** A config file's options over `defaults`, or undefined when it cannot be read as JSON. */
  private read(configFile: string, defaults: ts.CompilerOptions): ts.CompilerOptions | undefined {
    const before = this.fileSystem.refusals;
    const reportIfOutside = (): void => {
      if (this.fileSystem.refusals > before) this.problems.push({ file: configFile, message: TSCONFIG_OUTSIDE_MESSAGE });
    };
    const read = ts.readConfigFile(configFile, (file) => this.fileSystem.readFile(file));
    if (read.error || typeof read.config !== 'object' || read.config === null) {
      // Unreadable config (bad JSON, or a link leading outside the project): inferred settings.
      reportIfOutside();
      return undefined;
    }
    const parseHost: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: this.fileSystem.useCaseSensitiveFileNames,
      // Root files are given explicitly: tsconfig `include` globs are never expanded.
      readDirectory: () => [],
      fileExists: (file) => this.fileSystem.fileExists(file),
      readFile: (file) => this.fileSystem.readFile(file),
    };
    const config = withWorkspaceExtends(read.config as Record<string, unknown>, this.packages, this.fileSystem);
    // A missing or refused `extends` is a diagnostic here, not a failure: the rest of the file counts.
    const parsed = ts.parseJsonConfigFileContent(config, parseHost, path.dirname(configFile), undefined, configFile);
    reportIfOutside();
    const options = { ...parsed.options };
    for (const key of Object.keys(defaults) as (keyof ts.CompilerOptions)[]) if (options[key] === undefined) options[key] = defaults[key];
    return { ...options, ...ANALYSIS_OVERRIDES };
  }
}

/**
 * `extends: "@acme/tsconfig/base.json"` names a workspace package, which the compiler would look
 * up in node_modules: point it at the package's file instead, so a checkout without an install
 * reads the same settings.
 */
function withWorkspaceExtends(config: Record<string, unknown>, packages: WorkspacePackages, fileSystem: ContainedFileSystem): Record<string, unknown> {
  const rewrite = (value: unknown): unknown => {
    if (typeof value !== 'string' || isPathLike(value)) return value;
    const located = packages.locate(value);
    if (!located) return value;
    const { dir, subpath } = located;
    const candidates = subpath === '' ? ['tsconfig.json'] : subpath.endsWith('.json') ? [subpath] : [`${subpath}.json`, `${subpath}/tsconfig.json`];
    return candidates.map((candidate) => path.join(dir, candidate)).find((file) => fileSystem.fileExists(file)) ?? value;
  };
  const extendsField = config.extends;
  if (extendsField === undefined) return config;
  return { ...config, extends: Array.isArray(extendsField) ? extendsField.map(rewrite) : rewrite(extendsField) };
}

function containedResolutionHost(root: string, fileSystem: ContainedFileSystem) {
  return {
    fileExists: (file: string) => fileSystem.fileExists(file),
    readFile: (file: string) => fileSystem.readFile(file),
    directoryExists: (dir: string) => fileSystem.directoryExists(dir),
    realpath: (p: string) => fileSystem.realpath(p),
    getDirectories: (dir: string) => fileSystem.getDirectories(dir),
    getCurrentDirectory: () => root,
    useCaseSensitiveFileNames: fileSystem.useCaseSensitiveFileNames,
  } satisfies ts.ModuleResolutionHost;
}

function containedCompilerHost(
  root: string,
  resolutionHost: ReturnType<typeof containedResolutionHost>,
  fileSystem: ContainedFileSystem,
  resolveModuleNameLiterals: NonNullable<ts.CompilerHost['resolveModuleNameLiterals']>,
  reused?: Map<string, ts.SourceFile | undefined>,
  /** Absolute path -> the text the Program reads instead of the file's (incremental.ts: a module reached only for its export names). */
  stubs?: ReadonlyMap<string, string>,
): ts.CompilerHost {
  const caseSensitive = fileSystem.useCaseSensitiveFileNames;
  const parse = (fileName: string, languageVersionOrOptions: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.SourceFile | undefined => {
    const text = fileSystem.readFile(fileName);
    // No parent pointers from the parser (a second walk of every tree): the binder sets them for
    // every node when the checker is created, before the analysis reads a tree.
    return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersionOrOptions, false);
  };
  return {
    ...resolutionHost,
    getSourceFile(fileName, languageVersionOrOptions) {
      const stub = stubs?.get(fileName);
      if (stub !== undefined) return ts.createSourceFile(fileName, stub, languageVersionOrOptions, false);
      if (!reused) return parse(fileName, languageVersionOrOptions);
      // Same options every time (one project): the key needs only what the Program varies per file.
      const key = typeof languageVersionOrOptions === 'object' ? `${fileName}\u0000${languageVersionOrOptions.languageVersion}\u0000${languageVersionOrOptions.impliedNodeFormat ?? ''}` : `${fileName}\u0000${languageVersionOrOptions}`;
      if (!reused.has(key)) reused.set(key, parse(fileName, languageVersionOrOptions));
      return reused.get(key);
    },
    // noLib: never asked for; a path inside nothing, should it ever be.
    getDefaultLibFileName: () => path.join(root, 'node_modules', '.clavis-lint-no-lib', 'lib.d.ts'),
    writeFile: () => {
      throw new Error('the leak analysis never writes to the file system');
    },
    getCanonicalFileName: (file) => (caseSensitive ? file : file.toLowerCase()),
    useCaseSensitiveFileNames: () => caseSensitive,
    getNewLine: () => '\n',
    // JSDoc is parsed where it carries types (JavaScript files), not in TypeScript files.
    jsDocParsingMode: ts.JSDocParsingMode.ParseForTypeInfo,
    resolveModuleNameLiterals,
  };
}

interface Answer {
  resolved: ts.ResolvedModuleFull | undefined;
  /** Resolution found nothing and asked for something outside the project on the way. */
  refused: boolean;
}

/**
 * Resolves project-relative and `paths` imports as the compiler would, but never into
 * node_modules. Answers are remembered per directory, specifier and mode (what resolution depends
 * on here), and so is whether answering was refused for leaving the project, so every importer of
 * an outside module gets its `problems` entry, however often the answer is reused.
 */
function projectOnlyResolver(
  programOptions: ts.CompilerOptions,
  optionsFor: (containingFile: string) => ts.CompilerOptions,
  packages: WorkspacePackages,
  host: ts.ModuleResolutionHost,
  fileSystem: ContainedFileSystem,
) {
  // Per config (options objects are shared by every directory under one), per place and mode.
  const answersByConfig = new Map<ts.CompilerOptions, Map<string, Answer>>();
  // Answers are shared by every importer with the same settings that asks for the same place: a
  // relative specifier names one absolute path, and a bare one (tsconfig `paths`, a workspace
  // package) means the same from any directory under one config. Keyed per directory, a monorepo
  // resolved `@/lib/x` again from each of hundreds of directories, probing the disk each time.
  const notFollowed: Answer = { resolved: undefined, refused: false };
  const mayLeadIntoProject = (name: string, options: ts.CompilerOptions): boolean =>
    isPathLike(name) || options.baseUrl !== undefined || Object.keys(options.paths ?? {}).some((pattern) => matchesPathPattern(pattern, name));

  function resolve(name: string, containingFile: string, mode: ts.ResolutionMode): Answer {
    const options = optionsFor(containingFile);
    const viaCompiler = mayLeadIntoProject(name, options);
    if (!viaCompiler && !packages.names(name)) return notFollowed;
    let answers = answersByConfig.get(options);
    if (!answers) answersByConfig.set(options, (answers = new Map()));
    const key = `${answerPlace(name, containingFile)}\u0000${mode ?? ''}`;
    let answer = answers.get(key);
    if (!answer) {
      const before = fileSystem.refusals;
      let resolved = viaCompiler ? ts.resolveModuleName(name, containingFile, options, host, undefined, undefined, mode).resolvedModule : undefined;
      const refused = !resolved && fileSystem.refusals > before;
      if (resolved && (resolved.isExternalLibraryImport || resolved.resolvedFileName.includes('/node_modules/'))) resolved = undefined;
      resolved ??= asResolvedModule(packages.resolve(name));
      answer = { resolved, refused: refused && !resolved };
      answers.set(key, answer);
    }
    return answer;
  }

  /** The compiler host's hook: resolves each import and records the ones refused for leaving the project. */
  const reported = new Set<string>();
  const followed = new Map<string, Set<string>>();
  function literals(problems: LeakProjectProblem[], allow?: (file: string) => boolean, blocked?: Map<string, Map<string, string>>): NonNullable<ts.CompilerHost['resolveModuleNameLiterals']> {
    return (moduleLiterals, containingFile, _redirected, _options, containingSourceFile) =>
      moduleLiterals.map((literal) => {
        const answer = resolve(literal.text, containingFile, ts.getModeForUsageLocation(containingSourceFile, literal, programOptions));
        if (answer.refused) {
          const line = containingSourceFile.getLineAndCharacterOfPosition(literal.getStart(containingSourceFile)).line + 1;
          const problemKey = `${containingFile}\u0000${line}`;
          if (!reported.has(problemKey)) {
            reported.add(problemKey);
            problems.push({ file: containingFile, line, message: OUTSIDE_IMPORT_MESSAGE });
          }
        }
        if (answer.resolved) {
          let imported = followed.get(containingFile);
          if (!imported) followed.set(containingFile, (imported = new Set()));
          imported.add(answer.resolved.resolvedFileName);
          if (allow && blocked && !allow(answer.resolved.resolvedFileName)) {
            let specifiers = blocked.get(containingSourceFile.fileName);
            if (!specifiers) blocked.set(containingSourceFile.fileName, (specifiers = new Map()));
            specifiers.set(literal.text, answer.resolved.resolvedFileName);
            return { resolvedModule: undefined };
          }
        }
        return { resolvedModule: answer.resolved };
      });
  }

  return { resolve, literals, followed };
}

/** A workspace package's module as the compiler's answer; files the Program cannot load (JSON, CSS) are not followed. */
function asResolvedModule(file: string | undefined): ts.ResolvedModuleFull | undefined {
  const extension = file === undefined ? undefined : LOADABLE_EXTENSIONS.find((candidate) => file.endsWith(candidate));
  return file && extension ? { resolvedFileName: file, extension, isExternalLibraryImport: false } : undefined;
}

// Declaration forms first: `.d.ts` also ends with `.ts`.
const LOADABLE_EXTENSIONS = [ts.Extension.Dts, ts.Extension.Dmts, ts.Extension.Dcts, ts.Extension.Ts, ts.Extension.Tsx, ts.Extension.Mts, ts.Extension.Cts, ts.Extension.Js, ts.Extension.Jsx, ts.Extension.Mjs, ts.Extension.Cjs];

/** Where a specifier's answer is the same for every importer: its absolute path (relative or absolute specifiers), or the bare name itself; `#imports` depend on the importer's package.json. */
function answerPlace(specifier: string, containingFile: string): string {
  if (specifier.startsWith('#')) return `${path.dirname(containingFile)}\u0000${specifier}`;
  return isPathLike(specifier) ? path.resolve(path.dirname(containingFile), specifier) : specifier;
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
