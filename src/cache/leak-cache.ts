// The project-level TypeScript leak pass through the cache. Its result depends on:
// - the scan key (options, registry, config, tool and TypeScript versions): the whole document;
// - which TS/JS files are scanned (a file added, deleted or renamed can change module resolution);
// - the project files that steer the compiler (tsconfig/jsconfig, package.json, lockfiles);
// - the content of every file the compiler Program loaded (roots, what they import, .d.ts files);
// - for a scanned file the Program did not load: only whether it would have become a root, that
//   is, whether it names a source (the same text test as the pass) or may import a file that
//   does (it mentions such a file's module name). An edit that changes neither keeps the entry:
//   most files of a large project never enter the Program.
import fs from 'node:fs';
import path from 'node:path';
import type { Fact, FileError, FrontEndOptions } from '../core/facts.js';
import { mayContainSource, sourceNeedles } from '../leak/typescript/prefilter.js';
import { hashFile, hashText } from './hash.js';
import type { ResultCache } from './result-cache.js';

export interface LeakPassResult {
  facts: Map<string, Fact[]>;
  errors: FileError[];
  /** Absolute paths of the files the compiler Program loaded (absent: the pass never built one). */
  loadedFiles?: string[];
}

interface LeakEntry {
  scanned: string;
  projectFiles: string;
  /** Path (relative to the root when inside it) -> content hash. */
  loaded: Record<string, string>;
  /** Scanned TS/JS file -> content hash when stored. */
  files: Record<string, string>;
  /** Module names of the files that named a source (an importer mentions one). */
  candidateModules: string[];
  facts: Array<[string, Fact[]]>;
  errors: FileError[];
}

export interface LeakCacheInput {
  root: string;
  /** Absolute paths of the scanned TS/JS files. */
  files: string[];
  /** Relative path -> content hash, from the front-end pass. */
  hashes: Map<string, string>;
  /** Relative paths of every discovered file (for the project files that steer the compiler). */
  discovered: string[];
  options: FrontEndOptions;
}

const PROJECT_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?)$/;

export async function leakPassCached(cache: ResultCache, input: LeakCacheInput, run: () => Promise<LeakPassResult>): Promise<LeakPassResult> {
  const { root } = input;
  const rel = (abs: string): string => toKey(root, abs);
  const scannedRel = input.files.map(rel).sort();
  const scanned = hashText(...scannedRel);
  const projectFiles = hashText(...input.discovered.filter((file) => PROJECT_FILE.test(file)).sort().flatMap((file) => [file, hashFile(path.join(root, file)) ?? 'unreadable']));
  const currentHash = (key: string): string | null => input.hashes.get(key) ?? hashFile(path.resolve(root, key));
  const needles = sourceNeedles(input.options);

  const stored = cache.leakEntry as LeakEntry | undefined;
  if (stored && isValid(stored, scanned, projectFiles, scannedRel, currentHash, root, needles)) {
    cache.leakEntry = stored;
    cache.leakHit = true;
    // A copy: the engine appends these facts to the files' facts, which later passes mutate.
    const copy = JSON.parse(JSON.stringify({ facts: stored.facts, errors: stored.errors })) as Pick<LeakEntry, 'facts' | 'errors'>;
    return { facts: new Map(copy.facts.map(([file, facts]) => [path.resolve(root, file), facts])), errors: copy.errors };
  }
  // Serialised before the engine merges the facts into (and later passes mutate) the file facts.
  const result = await run();
  if (result.loadedFiles) {
    const loaded: Record<string, string> = {};
    const candidateModules = new Set<string>();
    for (const abs of result.loadedFiles) {
      const key = rel(abs);
      const hash = currentHash(key);
      if (hash === null) return result; // an input we cannot pin down: not stored
      loaded[key] = hash;
      if (/\.d\.[cm]?ts$/.test(key) || key.startsWith('../') || path.isAbsolute(key)) continue;
      const text = readText(path.resolve(root, key));
      if (text !== null && mayContainSource(text, needles)) candidateModules.add(moduleNameOf(key));
    }
    const files = Object.fromEntries(scannedRel.flatMap((file) => (input.hashes.has(file) ? [[file, input.hashes.get(file)!]] : [])));
    const facts = [...result.facts].map(([abs, list]): [string, Fact[]] => [rel(abs), list]);
    cache.leakEntry = JSON.parse(JSON.stringify({ scanned, projectFiles, loaded, files, candidateModules: [...candidateModules].sort(), facts, errors: result.errors } satisfies LeakEntry));
  }
  return result;
}

function isValid(entry: LeakEntry, scanned: string, projectFiles: string, scannedRel: string[], currentHash: (key: string) => string | null, root: string, needles: ReturnType<typeof sourceNeedles>): boolean {
  if (typeof entry !== 'object' || entry === null || entry.scanned !== scanned || entry.projectFiles !== projectFiles) return false;
  if (!entry.loaded || !entry.files || !Array.isArray(entry.facts) || !Array.isArray(entry.errors) || !Array.isArray(entry.candidateModules)) return false;
  for (const [key, hash] of Object.entries(entry.loaded)) if (currentHash(key) !== hash) return false;
  for (const file of scannedRel) {
    const hash = currentHash(file);
    if (hash !== null && hash === entry.files[file]) continue;
    if (file in entry.loaded) return false;
    // Changed, but outside the Program: harmless unless it would now be a root.
    const text = readText(path.resolve(root, file));
    if (text === null || mayContainSource(text, needles)) return false;
    if (entry.candidateModules.some((name) => mentionsModule(text, name))) return false;
  }
  return true;
}

/** A superset of every import specifier form that can reach a module named `name`: `…/name`, `'name`, `"name`, `` `name ``. */
function mentionsModule(text: string, name: string): boolean {
  return ['/', "'", '"', '`'].some((before) => text.includes(`${before}${name}`));
}

/** The name an import specifier ends with: `config` for config.ts, `lib` for lib/index.ts. */
function moduleNameOf(file: string): string {
  const base = path.posix.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? path.posix.basename(path.posix.dirname(file)) : base;
}

function readText(abs: string): string | null {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return null;
  }
}

/** Relative (posix) inside the root, absolute outside it. */
function toKey(root: string, abs: string): string {
  const rel = path.relative(root, path.resolve(abs));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return path.resolve(abs);
  return rel.split(path.sep).join('/');
}
