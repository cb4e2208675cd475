// The project-level TypeScript leak pass through the cache. Its result depends on:
// - the scan key (options, registry, config, tool and TypeScript versions): the whole document;
// - which TS/JS files are scanned (a file added, deleted or renamed can change module resolution);
// - the project files that steer the compiler (tsconfig/jsconfig, package.json, lockfiles);
// - the content of every file the compiler Program loaded (roots, what they import, .d.ts files);
// - for a scanned file the Program did not load: only whether it would now become a root, that is,
//   whether it names a source (the same text test as the pass) or imports an export through which
//   a candidate hands a secret on (importers.ts: its text names the export, and its resolved imports
//   include the candidate). An edit that names no source and no such export cannot make it a root
//   (no compiler needed to say so); one that names such exports keeps the entry only when it names
//   the same ones and its import specifiers are as they were (the compiler's import scanner,
//   ts.preProcessFile). Most files of a large project never enter the Program, and most edits
//   touch neither.
//
// An edit to a file the Program loaded no longer reruns the whole pass (decision, issue 12): the
// entry also keeps each root's walk (src/leak/typescript/incremental.ts: its candidate flows per
// sink, leaky-type facts, failure) and what the roots share (candidates, roots, the followed
// import graph, global files, callee names of source-reaching files, problems). A root is rerun
// when its transitive import closure or a global file (.d.ts, script, global augmentation)
// changed, and its walk can read what changed (incremental.ts); the others are replayed, and flows are re-aggregated per sink in the original root
// order, as the full pass does. The shared inputs must stay as recorded (an edited file keeps its
// import edges, is not and does not become a candidate or a root, keeps its declared callee
// names); otherwise the full pass runs (and records the roots again). Each root walks as it would
// alone (src/leak/typescript/memo-monitor.ts), except in a pass where a walk set request defaults
// on an HTTP library: such a pass records no roots. A shard's pass (`partition`) stays all-or-nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Fact, FileError, FrontEndOptions } from '../core/facts.js';
import { mayContainSource, sourceNeedles } from '../leak/typescript/prefilter.js';
import { hashText } from './hash.js';
import { compareCodeUnits } from '../core/compare.js';
import type { ResultCache } from './result-cache.js';
import type { LeakPassObserver, RootsRecord } from '../leak/typescript/incremental.js';

export interface LeakPassResult {
  facts: Map<string, Fact[]>;
  errors: FileError[];
  /** Absolute paths of the files the compiler Program loaded (absent: the pass never built one). */
  loadedFiles?: string[];
  /** Per candidate, the names through which importers receive a secret (analyze.ts); absent from a rerun, whose record holds them. */
  importerNames?: Map<string, string[] | null>;
}

interface LeakEntry {
  scanned: string;
  projectFiles: string;
  /** Path (relative to the root when inside it) -> content hash. */
  loaded: Record<string, string>;
  /** Scanned TS/JS file -> content hash when stored. */
  files: Record<string, string>;
  /** Scanned file outside the Program -> the key its importer status depends on (importerKey). */
  imports: Record<string, string>;
  /** The names `imports` was keyed on: through which candidates hand a secret on (absent in an older entry: any edit outside the Program misses). */
  importer?: { names: string[]; anyName: boolean };
  facts: Array<[string, Fact[]]>;
  errors: FileError[];
  /** Per-root walks and what they share, for rerunning only the roots an edit can affect (incremental.ts); absent when the pass cannot be split. */
  roots?: RootsRecord;
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
  /** A shard's part of the pass (`--shard I/N`): its entry never serves another part or the whole scan. */
  partition?: string;
  /** The size limit over which the pass skips a file (config `maxFileBytes`, part of the scan key). */
  maxFileBytes?: number;
}

const PROJECT_FILE = /(^|\/)(tsconfig[^/]*\.json|jsconfig[^/]*\.json|package\.json|package-lock\.json|pnpm-lock\.yaml|yarn\.lock|bun\.lockb?)$/;

export async function leakPassCached(cache: ResultCache, input: LeakCacheInput, run: (observer?: LeakPassObserver) => Promise<LeakPassResult>): Promise<LeakPassResult> {
  const { root } = input;
  const prefix = `${path.resolve(root)}${path.sep}`;
  // Most paths lie under the root: a prefix cut (path.relative on every file is measurable on a 4,000-file project).
  const rel = (abs: string): string => (abs.startsWith(prefix) && !abs.includes(`${path.sep}.`) && !abs.includes(`${path.sep}${path.sep}`) ? posix(abs.slice(prefix.length)) : toKey(root, abs));
  const scannedRel = input.files.map(rel).sort();
  const scanned = hashText(...(input.partition ? [`partition ${input.partition}`] : []), ...scannedRel);
  const currentHash = (key: string): string | null => input.hashes.get(key) ?? cache.hasher.hash(key) ?? null;
  const projectFiles = hashText(...input.discovered.filter((file) => PROJECT_FILE.test(file)).sort().flatMap((file) => [file, currentHash(file) ?? 'unreadable']));
  const needles = sourceNeedles(input.options);

  const stored = cache.leakEntry as LeakEntry | undefined;
  const state = stored ? await check(stored, scanned, projectFiles, scannedRel, currentHash, root, needles, input.hashes, input.maxFileBytes) : 'miss';
  if (stored && state === 'hit') {
    cache.leakEntry = stored;
    cache.leakHit = true;
    // A copy: the engine appends these facts to the files' facts, which later passes mutate.
    const copy = JSON.parse(JSON.stringify({ facts: stored.facts, errors: stored.errors })) as Pick<LeakEntry, 'facts' | 'errors'>;
    return { facts: new Map(copy.facts.map(([file, facts]) => [path.resolve(root, file), facts])), errors: copy.errors };
  }
  const keys = { rel, abs: (key: string) => path.resolve(root, key) };
  let result: LeakPassResult | undefined;
  let roots: RootsRecord | undefined;
  if (stored?.roots && typeof state === 'object' && !input.partition) {
    // Edited files inside the Program: rerun only the roots they can affect (incremental.ts), when that is exact.
    try {
      const { rerunChangedRoots } = await import('../leak/typescript/incremental.js');
      const rerun = rerunChangedRoots({ root, options: input.options, files: input.files, record: stored.roots, changed: state.changed, keys, readText, loaded: stored.loaded, hashBytes: (bytes) => hashText(bytes), onFullPass: (reason) => (cache.leakFullPass = reason) });
      if (rerun) {
        result = { facts: rerun.facts, errors: rerun.errors, loadedFiles: Object.keys(stored.loaded).map(keys.abs) };
        roots = rerun.record;
        cache.leakRoots = { walked: rerun.walked, reused: rerun.reused, programFiles: rerun.programFiles, programs: rerun.attempts, stubs: rerun.stubbed };
      }
    } catch (error) {
      // A record this code cannot use (another build's, or damaged): the full pass below.
      cache.leakFullPass = `the rerun failed (${(error as Error).name})`;
    }
  }
  if (!result) {
    const recorder = input.partition ? undefined : new (await import('../leak/typescript/incremental.js')).RootsRecorder(keys);
    result = await run(recorder);
    roots = recorder?.record();
    if (roots) cache.leakRoots = { walked: roots.walks.length, reused: 0 };
  }
  // Serialised before the engine merges the facts into (and later passes mutate) the file facts.
  if (result.loadedFiles) {
    const loaded: Record<string, string> = {};
    for (const abs of result.loadedFiles) {
      const key = rel(abs);
      const hash = currentHash(key);
      if (hash === null) return result; // an input we cannot pin down: not stored
      loaded[key] = hash;
    }
    const files: Record<string, string> = {};
    const imports: Record<string, string> = {};
    const importer = result.importerNames ? importerNamesOf(result.importerNames.values()) : importerNamesOfRecord(roots);
    const storedImporter = stored ? storedImporterNames(stored) : undefined;
    const reusable = importer !== undefined && storedImporter?.key === importer.key;
    let compiler: typeof import('../leak/typescript/compiler-api.js').ts | undefined;
    for (const file of scannedRel) {
      // A shard's files outside its part were only checked, not hashed by the front-end pass: hash them here, or the entry never holds.
      const hash = input.hashes.get(file) ?? (input.partition ? (currentHash(file) ?? undefined) : undefined);
      if (hash === undefined) continue; // not hashed (too large, unreadable): any later state of it misses
      files[file] = hash;
      // A shard's pass keeps no record of the handed-on names: an edit outside its Program misses (check).
      if (file in loaded || !importer) continue;
      // Unchanged since the stored entry, keyed on the same names: its key is the stored one.
      if (reusable && stored?.files?.[file] === hash && typeof stored.imports?.[file] === 'string') imports[file] = stored.imports[file];
      else {
        const text = readText(path.resolve(root, file));
        if (text === null) continue;
        if (mentionedNames(text, importer).length > 0) compiler ??= (await import('../leak/typescript/compiler-api.js')).ts;
        imports[file] = importerKey(compiler, text, importer);
      }
    }
    // Only the facts and errors are shared with the engine (which merges, and later passes mutate,
    // them): those are copied; the rest was built here or by the recorder (copies already), and
    // copying it too cost a 1 MB round trip through JSON on dub.
    const shared = JSON.parse(JSON.stringify({ facts: [...result.facts].map(([abs, list]): [string, Fact[]] => [rel(abs), list]), errors: result.errors })) as Pick<LeakEntry, 'facts' | 'errors'>;
    cache.leakEntry = { scanned, projectFiles, loaded, files, imports, ...(importer ? { importer: { names: importer.names, anyName: importer.anyName } } : {}), facts: shared.facts, errors: shared.errors, ...(roots ? { roots } : {}) } satisfies LeakEntry;
  }
  return result;
}

/**
 * 'hit': the stored result holds; `changed`: it holds but for these edited files the Program
 * loaded (the incremental pass decides); 'miss': the pass runs again.
 */
async function check(
  entry: LeakEntry,
  scanned: string,
  projectFiles: string,
  scannedRel: string[],
  currentHash: (key: string) => string | null,
  root: string,
  needles: ReturnType<typeof sourceNeedles>,
  frontEndHashes: ReadonlyMap<string, string>,
  maxFileBytes: number | undefined,
): Promise<'hit' | 'miss' | { changed: string[] }> {
  if (typeof entry !== 'object' || entry === null || entry.scanned !== scanned || entry.projectFiles !== projectFiles) return 'miss';
  if (!isRecord(entry.loaded) || !isRecord(entry.files) || !isRecord(entry.imports) || !Array.isArray(entry.facts) || !Array.isArray(entry.errors)) return 'miss';
  const changed: string[] = [];
  for (const [key, hash] of Object.entries(entry.loaded)) {
    const now = currentHash(key);
    if (now === null) return 'miss';
    if (now !== hash) changed.push(key);
  }
  let compiler: typeof import('../leak/typescript/compiler-api.js').ts | undefined;
  const importer = storedImporterNames(entry);
  for (const file of scannedRel) {
    const hash = currentHash(file);
    if (hash !== null && hash === entry.files[file]) continue;
    if (file in entry.loaded) {
      // Now over the size limit (or unreadable): the pass no longer reads it as a candidate or importer.
      if (hash === null || !frontEndHashes.has(file)) return 'miss';
      continue; // among `changed` when its content differs
    }
    // Not hashed when stored (over the size limit or unreadable: the pass skipped it) and over the
    // limit now: the pass skips it again (dub's neighbour documenso has a 2.5 MB component, which
    // made every edit run the whole pass).
    if (!(file in entry.files) && maxFileBytes !== undefined && oversized(path.resolve(root, file), maxFileBytes)) continue;
    // Changed, but outside the Program: harmless unless it would now be a root.
    if (!importer || !(file in entry.imports)) return 'miss';
    const text = readText(path.resolve(root, file));
    if (text === null || mayContainSource(text, needles)) return 'miss';
    // It names no export through which a candidate hands a secret on: it imports none (importers.ts).
    if (mentionedNames(text, importer).length === 0) continue;
    compiler ??= (await import('../leak/typescript/compiler-api.js')).ts;
    if (importerKey(compiler, text, importer) !== entry.imports[file]) return 'miss';
  }
  return changed.length === 0 ? 'hit' : { changed };
}

/** Whether the file is over the pass's size limit now (analyze.ts skips it; unreadable: not known, so no). */
function oversized(abs: string, maxFileBytes: number): boolean {
  try {
    return fs.statSync(abs).size > maxFileBytes;
  } catch {
    return false;
  }
}

function isRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The names through which the candidates hand a secret on (importers.ts), and a key of them. */
interface ImporterNames {
  names: string[];
  /** A candidate any name can be imported from (a default or CommonJS export). */
  anyName: boolean;
  key: string;
}

function importerNamesOf(lists: Iterable<readonly string[] | null | undefined>): ImporterNames {
  const names = new Set<string>();
  let anyName = false;
  for (const listed of lists) {
    if (!Array.isArray(listed)) anyName = true;
    else for (const name of listed) if (typeof name === 'string') names.add(name);
  }
  const sorted = [...names].sort(compareCodeUnits);
  return { names: sorted, anyName, key: hashText(anyName ? 'any name' : 'names', ...sorted) };
}

/** From an incremental rerun's record: the handed-on names when judged, else the carrying exports (as importersOf narrows). */
function importerNamesOfRecord(roots: RootsRecord | undefined): ImporterNames | undefined {
  if (!roots || !Array.isArray(roots.candidates)) return undefined;
  return importerNamesOf(roots.candidates.map((candidate) => (roots.handedOn && candidate in roots.handedOn ? roots.handedOn[candidate] : roots.exported?.[candidate])));
}

function storedImporterNames(entry: LeakEntry): ImporterNames | undefined {
  const stored = entry.importer;
  if (typeof stored !== 'object' || stored === null || !Array.isArray(stored.names) || typeof stored.anyName !== 'boolean') return undefined;
  return importerNamesOf(stored.anyName ? [stored.names, null] : [stored.names]);
}

/** The names of `importer` the text has (importers.ts looks for each as a substring); '*' when any name can be imported. */
function mentionedNames(text: string, importer: ImporterNames): string[] {
  const mentioned = importer.names.filter((name) => text.includes(name));
  return importer.anyName ? ['*', ...mentioned] : mentioned;
}

/**
 * What an outside file's importer status depends on: the names it mentions and, when it mentions
 * any, its import specifiers (imports, exports from, require and import() calls, references) as
 * the compiler's scanner lists them (then `ts` is given).
 */
function importerKey(ts: typeof import('../leak/typescript/compiler-api.js').ts | undefined, text: string, importer: ImporterNames): string {
  const mentioned = mentionedNames(text, importer);
  if (mentioned.length === 0) return hashText(importer.key, 'mentions none');
  if (!ts) throw new Error('importerKey: the compiler is needed for a file that mentions a handed-on name');
  const info = ts.preProcessFile(text, true, true);
  const specifiers = [...info.importedFiles, ...info.referencedFiles, ...info.typeReferenceDirectives, ...info.libReferenceDirectives].map((ref) => ref.fileName);
  return hashText(importer.key, ...mentioned, 'imports', ...specifiers.sort());
}

function readText(abs: string): string | null {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch {
    return null;
  }
}

const posix = path.sep === '/' ? (p: string): string => p : (p: string): string => p.split(path.sep).join('/');

/** Relative (posix) inside the root, absolute outside it. */
function toKey(root: string, abs: string): string {
  const rel = path.relative(root, path.resolve(abs));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return path.resolve(abs);
  return rel.split(path.sep).join('/');
}
