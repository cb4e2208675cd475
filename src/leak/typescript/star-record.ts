// The result cache's record of barrels (incremental.ts): which edges the checker followed only for
// `export * from`, what their targets export and which files reach exports unnamed, kept with the
// leak pass's record and brought up to date by a rerun; and what a rerun makes of it: the roots an
// edit does not concern (starOnlyKept) and the modules its Program may load as stubs (stubsFor).
// The analysis itself is in star-exports.ts.
import type { LeakProject } from './project.js';
import { compareCodeUnits } from '../../core/compare.js';
import { ts } from './compiler-api.js';
import type { PathKeys, RootsRecord } from './incremental.js';
import { isFileLists } from './resolution-watch.js';
import { exportShape, readFiles, readsFile, reachesExportsUnnamed, sameShape, starOnlyTargets, starTargets, stubText, unnamedTargets, type StarRecord } from './star-exports.js';

/** The star record of a full pass (star-exports.ts): over the files the edges leave from or lead to. */
export function starRecord(program: ts.Program, project: LeakProject, edges: ReadonlyMap<string, ReadonlySet<string>>, rel: (file: string) => string): StarRecord {
  const starOnly: Record<string, string[]> = {};
  const starExports: Record<string, StarRecord['starExports'][string]> = {};
  const unnamed: string[] = [];
  const reachedUnnamed: Record<string, string[]> = {};
  const starAll: Record<string, string[]> = {};
  const files = new Set<string>([...edges.keys(), ...[...edges.values()].flatMap((targets) => [...targets])]);
  for (const file of [...files].sort(compareCodeUnits)) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    recordUnnamed(sourceFile, rel(file), project, rel, unnamed, reachedUnnamed, starAll);
    const targets = [...starOnlyTargets(sourceFile, project)].filter((target) => edges.get(file)?.has(target));
    if (targets.length === 0) continue;
    starOnly[rel(file)] = targets.map(rel).sort(compareCodeUnits);
    for (const target of targets) {
      const targetFile = program.getSourceFile(target);
      starExports[rel(target)] = targetFile ? exportShape(targetFile) : null;
    }
  }
  return { starOnly, starExports, unnamed, unnamedTargets: reachedUnnamed, starAll };
}

/** A file's unnamed reach (unnamed, or its targets) and what it re-exports whole, into the record's lists. */
function recordUnnamed(sourceFile: ts.SourceFile, key: string, project: LeakProject, rel: (file: string) => string, unnamed: string[], reachedUnnamed: Record<string, string[]>, starAll: Record<string, string[]>): void {
  const targets = unnamedTargets(sourceFile, project);
  if (targets === null) unnamed.push(key);
  else if (targets.length > 0) reachedUnnamed[key] = targets.map(rel).sort(compareCodeUnits);
  const reexported = starTargets(sourceFile, project);
  if (reexported.length > 0) starAll[key] = reexported.map(rel).sort(compareCodeUnits);
}

/** The star record after a rerun: the edited files' own entries from their new text (the others' texts are unchanged). */
export function starRecordAfter(star: StarRecord, changed: readonly string[], program: ts.Program, project: LeakProject, keys: PathKeys, edges: Record<string, string[]> | undefined): StarRecord {
  const starOnly = { ...star.starOnly };
  const starExports = { ...star.starExports };
  const unnamed = new Set(star.unnamed);
  // An older record lists every file that reaches exports unnamed, and no targets: kept so.
  const targetsKnown = star.unnamedTargets !== undefined && star.starAll !== undefined;
  const reachedUnnamed = { ...(star.unnamedTargets ?? {}) };
  const starAll = { ...(star.starAll ?? {}) };
  for (const file of changed) {
    const sourceFile = program.getSourceFile(keys.abs(file));
    if (!sourceFile) continue;
    unnamed.delete(file);
    delete reachedUnnamed[file];
    delete starAll[file];
    const listed: string[] = [];
    recordUnnamed(sourceFile, file, project, keys.rel, listed, reachedUnnamed, starAll);
    if (listed.length > 0 || (!targetsKnown && reachesExportsUnnamed(sourceFile, project))) unnamed.add(file);
    const followed = new Set(edges?.[file] ?? []);
    const targets = [...starOnlyTargets(sourceFile, project)].map(keys.rel).filter((target) => followed.has(target));
    if (targets.length > 0) starOnly[file] = targets.sort(compareCodeUnits);
    else delete starOnly[file];
    for (const target of targets) if (!(target in starExports)) starExports[target] = null; // its shape unknown here: always read
    if (file in starExports) starExports[file] = exportShape(sourceFile);
  }
  return { starOnly, starExports, unnamed: [...unnamed].sort(compareCodeUnits), ...(targetsKnown ? { unnamedTargets: reachedUnnamed, starAll } : {}) };
}

/**
 * Of the roots `dirty` would rerun for a single edited file, those whose walks can read its text:
 * a root that reaches it only through `export *`, naming none of its exports on the way, keeps its
 * stored walk while the edit keeps the file's export shape (star-exports.ts).
 */
export function starOnlyKept(record: RootsRecord, dirty: ReadonlySet<string>, changed: readonly string[], texts: ReadonlyMap<string, string>, keys: PathKeys, readText: (abs: string) => string | null, words: Map<string, Set<string> | null> = new Map()): ReadonlySet<string> {
  const star = record.star;
  const edges = record.reachedEdges;
  if (changed.length !== 1 || !isStarRecord(star) || !isFileLists(edges)) return dirty;
  const edited = changed[0]!;
  const recorded = star.starExports[edited];
  const text = texts.get(edited);
  if (!recorded || text === undefined) return dirty;
  // The compiler picks the script kind by the file name, as the Program does.
  const now = exportShape(ts.createSourceFile(keys.abs(edited), text, ts.ScriptTarget.Latest, false));
  if (!now || !sameShape(now, recorded)) return dirty;
  const input = { edges, star, global: Array.isArray(record.global) ? record.global : [], readText: (file: string) => readText(keys.abs(file)) };
  return new Set([...dirty].filter((root) => root === edited || readsFile(root, edited, input, words)));
}

/**
 * The modules the rerun's Program may load as stubs of their exports (absolute path -> text): the
 * star-only targets that no rerun root's walk reads (star-exports.ts, readFiles), the edited files
 * apart. A walk cannot tell: building a barrel's table reads a module's export names and
 * statements, which the stub keeps, and nothing the walks read names one of them. On dub, the 27
 * roots an edit to a rate-limit helper reruns reach 299 files by the edges and read 30 of them.
 * Empty when a root reads every file (a file on its way reaches exports unnamed) or without a record.
 */
export function stubsFor(record: RootsRecord, dirty: ReadonlySet<string>, changed: readonly string[], keys: PathKeys, readText: (abs: string) => string | null, words: Map<string, Set<string> | null> = new Map()): { stubs: Map<string, string>; read: Set<string> | null } {
  const stubs = new Map<string, string>();
  const star = record.star;
  const edges = record.reachedEdges;
  if (!isStarRecord(star) || !isFileLists(edges) || dirty.size === 0) return { stubs, read: null };
  const input = { edges, star, global: Array.isArray(record.global) ? record.global : [], readText: (file: string) => readText(keys.abs(file)) };
  // The edited files are read as they are: the rerun checks their imports, names and carriers.
  const read = new Set<string>(changed);
  for (const root of dirty) {
    const files = readFiles(root, input, words);
    if (files === null) return { stubs, read: null };
    for (const file of files) read.add(file);
  }
  for (const [file, shape] of Object.entries(star.starExports)) {
    if (read.has(file) || !shape) continue;
    const text = stubText(shape);
    if (text !== null) stubs.set(keys.abs(file), text);
  }
  return { stubs, read: new Set([...read].map(keys.abs)) };
}

export function isStarRecord(value: unknown): value is StarRecord {
  const star = value as StarRecord;
  return typeof star === 'object' && star !== null && isFileLists(star.starOnly) && typeof star.starExports === 'object' && star.starExports !== null && Array.isArray(star.unnamed);
}
