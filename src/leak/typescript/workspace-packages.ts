// A monorepo's own packages, resolved the way the package manager's workspace links would after an
// install (`import { env } from '@acme/shared'` -> packages/shared/src/index.ts), but with no
// node_modules and no build: the leak analysis must see the same code with or without
// `npm install`.
//
// A package is any directory of the scan with a package.json that has a `name`. Its `exports`,
// `types` or `main` usually name built output (dist/src/index.js) that a checkout does not have,
// so each target is mapped back to the source file a build makes it from: outDir replaced by
// rootDir (the compiler options of the package's directory, `extends` followed), a leading dist/build/lib/out/esm/cjs segment dropped or replaced
// by src/, and only then the target itself. The first candidate that exists wins.
// Nothing is executed; a package.json that cannot be read as JSON is not a package.
import path from 'node:path';
import { compareCodeUnits } from '../../core/compare.js';
import { ts } from './compiler-api.js';
import type { ContainedFileSystem } from './contained-file-system.js';

export interface WorkspacePackages {
  /** Whether `specifier` names one of the packages (the package itself or a subpath of it). */
  names(specifier: string): boolean;
  /** The project file `specifier` resolves to, or undefined. */
  resolve(specifier: string): string | undefined;
  /** The package names whose entry module (`import … from '@acme/shared'`) is `file`. */
  entryNamesOf(file: string): string[];
  /** The directory of the package `specifier` names, and the subpath after the name. */
  locate(specifier: string): { dir: string; subpath: string } | undefined;
}

interface PackageInfo {
  dir: string;
  manifest: Manifest;
  /** The package tsconfig's outDir and rootDir, relative to the package, when both are declared. */
  built?: { outDir: string; rootDir: string } | null;
}

interface Manifest {
  name?: unknown;
  exports?: unknown;
  types?: unknown;
  typings?: unknown;
  module?: unknown;
  main?: unknown;
}

/** Conditions an `exports` target may sit under; any other condition (browser, worker…) is skipped. */
const CONDITIONS = new Set(['types', 'typescript', 'source', 'development', 'import', 'module', 'node', 'require', 'default']);
const BUILD_DIRS = new Set(['dist', 'build', 'lib', 'out', 'esm', 'cjs', 'types']);
const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts'];
const BUILT_EXTENSION = /(\.d)?\.[cm]?[jt]sx?$/;

/**
 * The packages declared by package.json files in `dirs` (directories inside the project, each
 * probed once). Of two packages with one name, the one nearer the root (then the first in code-unit
 * order) is kept, so the choice never depends on file order.
 */
export function workspacePackages(dirs: Iterable<string>, fileSystem: ContainedFileSystem, optionsOf: (dir: string) => ts.CompilerOptions): WorkspacePackages {
  const byName = new Map<string, PackageInfo>();
  for (const dir of [...new Set(dirs)].sort(byDepthThenCodeUnits)) {
    const manifest = readJson(fileSystem, path.join(dir, 'package.json')) as Manifest | undefined;
    if (!manifest || typeof manifest.name !== 'string' || manifest.name === '' || byName.has(manifest.name)) continue;
    byName.set(manifest.name, { dir, manifest });
  }
  const answers = new Map<string, string | undefined>();
  const packageOf = (specifier: string): { info: PackageInfo; subpath: string } | undefined => {
    // `@scope/name/sub/path` or `name/sub/path`.
    const parts = specifier.split('/');
    const nameLength = specifier.startsWith('@') ? 2 : 1;
    const info = byName.get(parts.slice(0, nameLength).join('/'));
    return info && { info, subpath: parts.slice(nameLength).join('/') };
  };

  function resolve(specifier: string): string | undefined {
    if (answers.has(specifier)) return answers.get(specifier);
    const found = packageOf(specifier);
    const answer = found && resolveInPackage(found.info, found.subpath, fileSystem, optionsOf);
    answers.set(specifier, answer);
    return answer;
  }

  let entries: Map<string, string[]> | undefined;
  return {
    names: (specifier) => packageOf(specifier) !== undefined,
    resolve,
    locate(specifier) {
      const found = packageOf(specifier);
      return found && { dir: found.info.dir, subpath: found.subpath };
    },
    entryNamesOf(file) {
      if (!entries) {
        entries = new Map();
        for (const name of byName.keys()) {
          const entry = resolve(name);
          if (entry) entries.set(entry, [...(entries.get(entry) ?? []), name]);
        }
      }
      return entries.get(file) ?? [];
    },
  };
}

function resolveInPackage(info: PackageInfo, subpath: string, fileSystem: ContainedFileSystem, optionsOf: (dir: string) => ts.CompilerOptions): string | undefined {
  info.built ??= builtLayout(info.dir, optionsOf(info.dir)) ?? null;
  for (const target of targetsOf(info.manifest, subpath)) {
    const found = sourceFor(info, target, fileSystem);
    if (found) return found;
  }
  return undefined;
}

/** Package-relative targets for `subpath` ('' for the package itself), best first. */
function targetsOf(manifest: Manifest, subpath: string): string[] {
  const key = subpath === '' ? '.' : `./${subpath}`;
  const targets: string[] = [];
  const exportsField = manifest.exports;
  const exportsMap = typeof exportsField === 'string' || Array.isArray(exportsField) || (isObject(exportsField) && !Object.keys(exportsField).some((k) => k.startsWith('.'))) ? { '.': exportsField } : exportsField;
  if (isObject(exportsMap)) {
    if (key in exportsMap) collectTargets(exportsMap[key], '', targets);
    else {
      for (const [pattern, value] of Object.entries(exportsMap)) {
        const star = pattern.indexOf('*');
        if (star < 0) continue;
        const [prefix, suffix] = [pattern.slice(0, star), pattern.slice(star + 1)];
        if (key.length >= prefix.length + suffix.length && key.startsWith(prefix) && key.endsWith(suffix)) {
          collectTargets(value, key.slice(prefix.length, key.length - suffix.length), targets);
        }
      }
    }
  }
  if (subpath === '') {
    for (const field of [manifest.types, manifest.typings, manifest.module, manifest.main]) if (typeof field === 'string') targets.push(field);
    targets.push('index');
  } else targets.push(subpath);
  return targets;
}

function collectTargets(value: unknown, star: string, into: string[]): void {
  if (typeof value === 'string') into.push(value.split('*').join(star));
  else if (Array.isArray(value)) for (const item of value) collectTargets(item, star, into);
  else if (isObject(value)) for (const [condition, nested] of Object.entries(value)) if (CONDITIONS.has(condition)) collectTargets(nested, star, into);
}

/** The source file a package-relative target is built from, else the target itself when it exists. */
function sourceFor(info: PackageInfo, target: string, fileSystem: ContainedFileSystem): string | undefined {
  const relative = path.posix.normalize(target.replace(/\\/g, '/')).replace(/^\.\//, '');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return undefined;
  const stem = relative.replace(BUILT_EXTENSION, '');
  const stems: string[] = [];
  const { built } = info;
  if (built && built.outDir !== built.rootDir && (stem === built.outDir || stem.startsWith(`${built.outDir}/`))) stems.push(path.posix.join(built.rootDir, stem.slice(built.outDir.length)));
  const [first, ...rest] = stem.split('/');
  if (BUILD_DIRS.has(first) && rest.length > 0) stems.push(rest.join('/'), ['src', ...rest].join('/'));
  stems.push(stem);
  for (const candidate of stems) {
    const base = path.join(info.dir, candidate);
    for (const extension of SOURCE_EXTENSIONS) if (fileSystem.fileExists(base + extension)) return base + extension;
    for (const extension of SOURCE_EXTENSIONS) if (fileSystem.fileExists(path.join(base, `index${extension}`))) return path.join(base, `index${extension}`);
  }
  const exact = path.join(info.dir, relative);
  return fileSystem.fileExists(exact) ? exact : undefined;
}

/**
 * outDir and rootDir, relative to the package, from the compiler options that hold for its
 * directory (its tsconfig, `extends` followed: project.ts); none when the build goes elsewhere.
 */
function builtLayout(dir: string, options: ts.CompilerOptions): PackageInfo['built'] {
  if (!options.outDir) return undefined;
  const relative = (p: string): string => path.relative(dir, p).split(path.sep).join('/') || '.';
  const outDir = relative(options.outDir);
  if (outDir === '.' || outDir.startsWith('../')) return undefined;
  return { outDir, rootDir: options.rootDir ? relative(options.rootDir) : '.' };
}

function readJson(fileSystem: ContainedFileSystem, file: string): unknown {
  const text = fileSystem.readFile(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function byDepthThenCodeUnits(a: string, b: string): number {
  return a.split(path.sep).length - b.split(path.sep).length || compareCodeUnits(a, b);
}
