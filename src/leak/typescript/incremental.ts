// The TypeScript leak pass, incrementally (issue 12: after editing one file, a rescan costs a
// fraction of the first). The pass walks each root file and keeps one finding per sink across
// roots (analyze.ts). The result cache (src/cache/leak-cache.ts) keeps, per root, what its walk
// offered the collector (every candidate flow: sink key, file, fact, in order), its leaky-type
// facts and its failure; and, for the whole pass, what every root's walk shares: the candidate
// and root lists, the import graph the Program followed, the files that contribute to the global
// scope, the callee names of source-reaching files (per file) and the problems reported.
//
// After an edit, a root is rerun when its dependencies changed: the files the recorded checker
// edges lead to from it (`reachedEdges`, see edgeDirty; in an older record, its transitive import
// closure in the recorded graph), plus every global file (a .d.ts, a script, a module with
// `declare global` or `declare module 'x'`: the checker sees them from everywhere), less those
// that reach an edited module only through a barrel's `export *` naming none of its exports
// (star-record.ts) or whose walks can read none of the statements the edit changed
// (statement-record.ts; their stored flows' positions in it move with the text, walk-positions.ts).
// Only those roots are walked, with the recorded callee names, in a Program of them, the global files, the
// edited files and the files the edges lead to from them (`reachedEdges`; in an older record what
// their own last walks made the checker reach, `reachedBy`; after a miss, widened), every other
// import left unresolved (same compiler options). The checker reaches another module only through an
// import it resolves (Program.getResolvedModule), so when it asked for none of the files left out,
// the walks are those of a Program holding the whole closure; when it did, the walks run again
// with those files (lazyProgram), at worst with the whole closure. The other roots' recorded walks
// are replayed, and all are aggregated per sink in the original root order, exactly as the full
// pass does. That is sound only while the global
// inputs are unchanged, so each edited file must keep: its import edges (as resolved by the new
// Program), not being a candidate (naming a source) nor a global file, its importer status (the
// pass's own importersOf on the new text), and, when source-reaching, declare no callee name and
// hand on no carrier it did not before (a recorded superset only prunes less: same walks).
// Anything else (an edited candidate, a changed import, a file in no root's closure) returns
// undefined and the caller runs the full pass.
//
// A root's walk does not depend on which roots were walked before it in the same context: the
// pass evicts, after each root's walk, every memo entry whose value depends on how it was reached
// (memo-monitor.ts), so each root walks as it would alone, in the full pass and here. The recorded
// walks are replayed as they are, and the rerun roots are walked in one context, in root order.
// The exception is request defaults set on an HTTP library (state every later walk reads): such a
// pass records no roots, and the next edit runs the full pass.
// test/cache/leak-incremental.test.ts walks roots in other orders and subsets and compares.
import path from 'node:path';
import type { Fact, FileError, FrontEndOptions, LeakFact } from '../../core/facts.js';
import { compareCodeUnits } from '../../core/compare.js';
import { betterFlow, walkRoot } from './analyze.js';
import { ContextMonitor } from './memo-monitor.js';
import { declaredCalleeNames } from './callee-names.js';
import { answerFor, importCarriesBy } from './carrier-reaching.js';
import { ts } from './compiler-api.js';
import { carryingExports, importersOf } from './importers.js';
import { handedOnExports } from './handed-on-exports.js';
import { addEdge, isFileLists, watchResolutions } from './resolution-watch.js';
import type { StarRecord } from './star-exports.js';
import { isStarRecord, starOnlyKept, starRecord, starRecordAfter, stubsFor } from './star-record.js';
import { statementRecord, statementRecordAfter, unreadEditsKept } from './statement-record.js';
import type { StatementPrints } from './statement-prints.js';
import { createLeakContext } from './program-analysis.js';
import { openLeakProject, TSCONFIG_OUTSIDE_MESSAGE, type LeakProject } from './project.js';
import { relativePath } from './positions.js';
import { mayContainSource, sourceNeedles, type SourceNeedles } from './prefilter.js';
import type { EngineContext, LeakCollector } from './taint.js';

/** What analyze.ts tells its observer (absolute paths throughout). */
export interface LeakPassObserver {
  onProgram(info: {
    ctx: EngineContext;
    /** The pass's memo monitor (installed in ctx): after each root's walk it evicts the order-dependent entries. */
    monitor: ContextMonitor;
    candidates: string[];
    roots: string[];
    program: ts.Program;
    project: LeakProject;
    unloaded: string[];
    reachingFiles: ts.SourceFile[];
    /** Of the callee names, those callable as a member (callee-names.ts): the walks' pruning. */
    memberNames: ReadonlySet<string>;
    importsReaching: (sourceFile: ts.SourceFile, specifier: string) => boolean;
    /** Source-reaching file (absolute) -> its exports that can carry a secret (carrier-reaching.ts; null: any name). */
    carriers: ReadonlyMap<string, string[] | null>;
    /** Candidate (absolute) -> the names it exports (importers.ts; null: any name). */
    exported: ReadonlyMap<string, string[] | null>;
    /** Candidate (absolute) -> of those, the names the engine finds handing on a secret (handed-on-exports.ts). */
    handedOn: ReadonlyMap<string, string[] | null>;
    /** Candidate (absolute) -> the names judged for `handedOn` (the others are kept unjudged). */
    judged: ReadonlyMap<string, string[]>;
    /** Per candidate, the files the checker resolved an import to while deciding its `handedOn` (absolute). */
    judgedReached: ReadonlyMap<string, ReadonlySet<string>>;
    /** Importer -> the files the checkers resolved its imports to before the walks (absolute). */
    earlyEdges: ReadonlyMap<string, ReadonlySet<string>>;
  }): void;
  collectorFor(root: string, collector: LeakCollector): LeakCollector;
  walked(root: string, result: { types: Fact[]; error?: FileError }): void;
}

/** One root's walk as stored: [root, flows offered ([sink key, file, fact]), leaky-type facts, failure]. */
export type StoredWalk = [string, Array<[string, string, LeakFact]>, Fact[], FileError | null];

/** The per-root record of a full or incremental pass; paths relative to the scan root (absolute outside it). */
export interface RootsRecord {
  candidates: string[];
  roots: string[];
  /** Loaded files that contribute to the global scope: every root depends on them. */
  global: string[];
  /** Importing file -> the project files its imports resolved to, as the Program followed them. */
  graph: Record<string, string[]>;
  /** Source-reaching loaded file -> the callee names it declares (callee-names.ts). */
  reaching: Record<string, string[]>;
  /** Source-reaching loaded file -> its exports that can carry a secret (carrier-reaching.ts); absent in older records. */
  carriers?: Record<string, string[] | null>;
  /**
   * Of the callee names, those callable as a member, as the walks pruned with them; absent in
   * older records (a rerun then prunes members by every callee name: the same walks, more work).
   */
  memberNames?: string[];
  /** Roots the Program could not load (their errors are `unloadedErrors`). */
  unloadedErrors: FileError[];
  /** Imports and tsconfig parts not followed (project.ts). */
  problems: FileError[];
  walks: StoredWalk[];
  /** Loaded files whose text the nesting guard changed; the others pass it unchanged while their content hash holds (absent in older records: every file is guarded). */
  altered?: string[];
  /** Candidate -> the names it exports (importers.ts; null: any name); absent in older records. */
  exported?: Record<string, string[] | null>;
  /**
   * Candidate -> of those, the names the engine finds handing on a secret (handed-on-exports.ts),
   * which decide the importers; absent in older records. They depend on the files the candidate's
   * exports reach, so a rerun that reruns a candidate checks them again.
   */
  handedOn?: Record<string, string[] | null>;
  /** Candidate -> the names judged for `handedOn` (another file mentions them); the others were kept unjudged. */
  judged?: Record<string, string[]>;
  /**
   * The files the checker resolved an import to while the roots were walked: a rerun's Program
   * starts with those in the rerun roots' closure (lazyProgram). A hint, checked by the rerun.
   */
  reached?: string[];
  /**
   * Per root, the files the checker resolved an import to while that root was walked (in a full
   * pass: the imports first resolved then; other roots' walks may have resolved some it also
   * needs). A rerun's first Program starts from these for its roots, a much smaller guess than
   * `reached` (dub: 3 files instead of 25 for a two-root rerun); a miss widens it to `reached`.
   */
  reachedBy?: Record<string, string[]>;
  /**
   * Importing file -> the files the checker resolved its imports to, in any root's walk. A full
   * pass's checker resolves an import once, for the first root that needs it, so a later root that
   * needs it too does not have it in its `reachedBy`; what these edges lead to from a root mostly
   * holds what its walk needs (not always: the checker also resolves some imports before the walks).
   * A rerun's first Program starts from that, and a miss widens by the edges from the missed files,
   * where it widened to `reached` (dub, an edit to a rate-limit helper that 33 roots import: 312
   * files instead of 760). Absent in older records (they start from `reachedBy`, widen to `reached`).
   */
  reachedEdges?: Record<string, string[]>;
  /** Which edges are `export * from` only, what their targets export, and which files reach exports unnamed (star-exports.ts); absent in older records. */
  star?: StarRecord;
  /** Project module an edge leads to -> its top-level statements' prints (statement-prints.ts): which an edit changed; absent in older records. */
  statements?: Record<string, StatementPrints>;
}

export interface PathKeys {
  rel(abs: string): string;
  abs(rel: string): string;
}

/** Records a full pass for the cache (changes nothing the pass computes). */
export class RootsRecorder implements LeakPassObserver {
  private monitor: ContextMonitor | undefined;
  private info: Parameters<LeakPassObserver['onProgram']>[0] | undefined;
  private readonly walks = new Map<string, StoredWalk>();

  constructor(private readonly keys: PathKeys) {}

  onProgram(info: Parameters<LeakPassObserver['onProgram']>[0]): void {
    this.info = info;
    this.monitor = info.monitor;
    // What deciding the handed-on exports reached (in the first Program) counts as reached: an
    // edit there reruns the candidates it can affect, which checks their exports again.
    for (const [candidate, files] of info.judgedReached) {
      const own = this.reachedBy.get(candidate) ?? new Set<string>();
      for (const file of files) {
        this.reached.add(file);
        own.add(file);
      }
      this.reachedBy.set(candidate, own);
    }
    for (const [from, targets] of info.earlyEdges) for (const target of targets) addEdge(this.edges, from, target);
    // The modules the checker reaches while a root is walked: where a rerun's Program starts (lazyProgram).
    watchResolutions(info.program, (target, from) => {
      this.reached.add(target);
      if (this.walking) this.reachedBy.get(this.walking)?.add(target);
      addEdge(this.edges, from.fileName, target);
    });
  }

  /** Importing file -> the files the checker resolved its imports to (absolute). */
  private readonly edges = new Map<string, Set<string>>();

  /** Files the checker resolved an import to (absolute). */
  private readonly reached = new Set<string>();
  /** The same, per root whose walk resolved them (absolute), and the root being walked. */
  private readonly reachedBy = new Map<string, Set<string>>();
  private walking: string | undefined;

  collectorFor(root: string, collector: LeakCollector): LeakCollector {
    const walk: StoredWalk = [this.keys.rel(root), [], [], null];
    this.walks.set(root, walk);
    this.walking = root;
    if (!this.reachedBy.has(root)) this.reachedBy.set(root, new Set());
    return {
      accepts: (file) => collector.accepts(file),
      add: (fact, key, file) => {
        walk[1].push([key, this.keys.rel(file), structuredClone(fact)]);
        collector.add(fact, key, file);
      },
    };
  }

  walked(root: string, result: { types: Fact[]; error?: FileError }): void {
    this.walking = undefined;
    const walk = this.walks.get(root);
    if (!walk) return;
    walk[2] = structuredClone(result.types);
    walk[3] = result.error ? structuredClone(result.error) : null; // a copy: the pass returns the error to the engine too
  }

  /** Why the pass recorded no roots: the memo map that made it order-dependent as a whole. */
  get orderDependent(): string | undefined {
    return this.monitor?.global;
  }

  /** The record, or undefined when the pass cannot be rerun per root (no Program, or request defaults were set: see memo-monitor.ts). */
  record(): RootsRecord | undefined {
    const info = this.info;
    if (!info || this.monitor?.global) return undefined;
    const { rel } = this.keys;
    return {
      candidates: info.candidates.map(rel),
      roots: info.roots.map(rel),
      global: info.program.getSourceFiles().filter(isGlobal).map((sourceFile) => rel(sourceFile.fileName)),
      graph: graphOf(info.project, this.keys),
      reaching: Object.fromEntries(info.reachingFiles.map((sourceFile) => [rel(sourceFile.fileName), namesOf(sourceFile, info.importsReaching)])),
      memberNames: [...info.memberNames].sort(compareCodeUnits),
      carriers: Object.fromEntries([...info.carriers].map(([file, names]) => [rel(file), names])),
      unloadedErrors: info.unloaded.map((file) => ({ file: relativePath(info.ctx.root, file), message: 'leak analysis: the file could not be loaded' })),
      problems: info.project.problems.map((problem) => ({ file: relativePath(info.ctx.root, problem.file), ...(problem.line ? { line: problem.line } : {}), message: problem.message })),
      walks: info.roots.map((root) => this.walks.get(root)).filter((walk): walk is StoredWalk => walk !== undefined),
      altered: [...info.project.guardAltered].map(rel).sort(compareCodeUnits),
      exported: Object.fromEntries(info.candidates.filter((file) => info.exported.has(file)).map((file) => [rel(file), info.exported.get(file)!])),
      handedOn: Object.fromEntries(info.candidates.filter((file) => info.handedOn.has(file)).map((file) => [rel(file), info.handedOn.get(file)!])),
      judged: Object.fromEntries(info.candidates.filter((file) => info.judged.has(file)).map((file) => [rel(file), info.judged.get(file)!])),
      reached: [...this.reached].map(rel).sort(compareCodeUnits),
      reachedBy: Object.fromEntries(info.roots.filter((root) => this.reachedBy.has(root)).map((root) => [rel(root), [...this.reachedBy.get(root)!].map(rel).sort(compareCodeUnits)])),
      reachedEdges: edgesRecord(this.edges, rel),
      star: starRecord(info.program, info.project, this.edges, rel),
      statements: statementRecord(info.program, this.edges, rel),
    };
  }
}

export interface IncrementalInput {
  root: string;
  options: FrontEndOptions;
  /** Absolute paths of all TS/JS files in the scan (the collector accepts leaks located in them). */
  files: string[];
  record: RootsRecord;
  /** Loaded files (relative keys) whose content changed since the record. */
  changed: string[];
  /** Every loaded file (relative key) -> its content hash as recorded, and the hash of bytes: files that keep it skip the nesting guard (see `altered`). */
  loaded?: Readonly<Record<string, string>>;
  hashBytes?: (bytes: Buffer) => string;
  keys: PathKeys;
  readText(abs: string): string | null;
  /** Told why the pass cannot be rerun per root (tests, benchmarks). */
  onFullPass?(reason: string): void;
}

export interface IncrementalResult {
  facts: Map<string, Fact[]>;
  errors: FileError[];
  record: RootsRecord;
  walked: number;
  reused: number;
  /** Files the last Program loaded (stubs apart), and how many Programs were built (lazyProgram). */
  programFiles: number;
  /** Modules the last Program loaded as stubs of their exports (stubsFor). */
  stubbed: number;
  attempts: number;
}

/** Reruns the roots the changed files can affect and replays the others; undefined when only a full pass is exact. */
export function rerunChangedRoots(input: IncrementalInput): IncrementalResult | undefined {
  const { record, keys } = input;
  const full = (reason: string): undefined => {
    input.onFullPass?.(reason);
    return undefined;
  };
  const candidates = new Set(record.candidates);
  const global = new Set(record.global);
  const needles = sourceNeedles(input.options);
  const texts = new Map<string, string>();
  for (const file of input.changed) {
    if (global.has(file)) return full(`${file} is a global file`);
    const text = input.readText(keys.abs(file));
    if (text === null || mayContainSource(text, needles) !== candidates.has(file)) return full(`${file} names a source now, or no longer`);
    texts.set(file, text);
  }
  const closureDirty = dirtyRoots(record, new Set(input.changed));
  if (!closureDirty) return full('an edited file is in no root closure');
  // Each file's words, read once for the three questions below (the texts do not change meanwhile).
  const words = new Map<string, Set<string> | null>();
  const reading = starOnlyKept(record, reachedDirty(record, closureDirty, input.changed), input.changed, texts, keys, input.readText, words);
  // Of those, the roots whose walks can read a statement the edit changed (statement-record.ts).
  const { dirty, moved } = unreadEditsKept(input.root, record, reading, input.changed, texts, keys, input.readText, words);
  // Every root walked as it would alone (memo-monitor.ts): the others' recorded walks stand as they are.

  const project = openLeakProject(input.root, { unguarded: unguardedFiles(input), reuseSourceFiles: true, files: input.files });
  // The Program starts with the rerun roots, the global files and the edited files, and grows by
  // the imports the checker asks for (see lazyProgram); the recorded closure is the last resort.
  const base = [...new Set([...record.roots.filter((root) => dirty.has(root)), ...record.global, ...input.changed])].map(keys.abs);
  // The files the last walks reached in the rerun roots' closure: a guess wide enough that the
  // first Program usually suffices.
  const wide = new Set<string>();
  if (Array.isArray(record.reached)) {
    const closure = closureOf([...dirty], record.graph);
    for (const file of record.reached) if (typeof file === 'string' && closure.has(file)) wide.add(keys.abs(file));
  }
  // Narrower first: what the recorded edges reach from the rerun roots (reachedEdges), else what
  // their own walks reached (reachedBy), when recorded for each; the first miss widens the guess
  // (by the edges from what was missed, else to `wide`), so a guess that falls short costs one
  // Program and its walks. Edges first: in a full pass a root's own list lacks what an earlier
  // root's walk resolved for it, and on dub a guess from those lists alone missed in every sampled
  // edit that reran a root (two Programs each); from the edges, most need one.
  const narrow = edgeGuess(record, dirty, new Set(), keys) ?? narrowGuess(record, dirty, keys);
  const extra = new Set(narrow ?? wide);
  let widened = narrow === undefined;
  let attempts = 0;
  const { stubs, read } = stubsFor(record, dirty, input.changed, keys, input.readText, words);
  // What the edges reach only through a stubbed module is not loaded: a stub imports nothing of it
  // (should a walk still ask for such a file, that is a miss, and the next Program has it).
  if (read) for (const file of [...extra]) if (!read.has(file) && !stubs.has(file)) extra.delete(file);
  let built = lazyProgram(project, base, extra, false, stubs);
  if (built.unloaded.length > 0) return full('a root could not be loaded');
  let program = built.program;
  // The edited files' imports resolve as before: the import graph, hence the loaded files and the source-reaching set, are the recorded ones.
  const graph = graphOf(project, keys);
  for (const file of input.changed) if (!sameSet(graph[file] ?? [], record.graph[file] ?? [])) return full(`${file}: imports changed`);
  const reaching = new Set(Object.keys(record.reaching));
  const reachingAbs = new Set([...reaching].map(keys.abs));
  const importsReaching = (sourceFile: { fileName: string }, specifier: string): boolean => {
    const imported = project.resolveImport(sourceFile.fileName, specifier);
    return imported !== undefined && reachingAbs.has(imported);
  };
  const carriers = record.carriers;
  // The walks prune member calls by these, as the full pass did (undefined: by every callee name).
  const memberNames = Array.isArray(record.memberNames) && record.memberNames.every((name) => typeof name === 'string') ? new Set(record.memberNames) : undefined;
  if (!carriers || typeof carriers !== 'object') return full('no carriers recorded');
  const carriersAbs = new Map(Object.entries(carriers).map(([file, names]) => [keys.abs(file), names]));
  for (const file of input.changed) {
    const sourceFile = program.getSourceFile(keys.abs(file));
    if (!sourceFile) return full(`${file} not loaded`);
    // A module that now augments the global scope (`declare global`) is seen from every root.
    if (isGlobal(sourceFile)) return full(`${file} is a global file now`);
    // Callee names only prune which calls are resolved: names no longer declared change nothing.
    const recordedNames = record.reaching[file];
    const members = new Set<string>();
    if (reaching.has(file) && !(Array.isArray(recordedNames) && namesOf(sourceFile, importsReaching, members).every((name) => recordedNames.includes(name)))) return full(`${file}: declares new callee names`);
    // Likewise the names callable as a member: the recorded set prunes the walks' member calls.
    if (reaching.has(file) && memberNames && [...members].some((name) => !memberNames.has(name))) return full(`${file}: declares new member callee names`);
    // The recorded source-reaching set only prunes which callees are resolved (callee-names.ts) and
    // which roots are walked: a superset of the true one gives the same walks, a subset does not.
    // So it stays valid while each edited file receives and hands on no more than recorded.
    const candidate = candidates.has(file);
    const answer = answerFor(sourceFile, candidate ? (text) => mayContainSource(text, needles) : undefined, (from, specifier) => project.resolveImport(from, specifier), reachingAbs, carriersAbs);
    if ((candidate || answer.receives) && (!reaching.has(file) || !withinExports(answer.exports, carriers[file]))) return full(`${file}: carries more than recorded`);
  }
  // The root list stays as recorded: files whose importer status an edit can change keep it.
  const exported = new Map<string, string[] | null>();
  for (const file of texts.keys()) if (candidates.has(file)) exported.set(file, carryingExports(keys.abs(file), texts.get(file)!, project, needles));
  const atRisk = importerStatusAtRisk(input, texts, candidates, exported);
  if (!atRisk) return full('a file is unreadable');
  const handedOn = record.handedOn;
  const judgedNames = record.judged;
  if (!handedOn || typeof handedOn !== 'object' || !judgedNames || typeof judgedNames !== 'object') return full('no handed-on exports recorded');
  const handedOnAbs = new Map(Object.entries(handedOn).map(([file, names]) => [keys.abs(file), names]));
  const status = importersAmong(atRisk, record.candidates, project, needles, keys, input.readText, handedOnAbs);
  if (!status) return full('a candidate is unreadable');
  const rootSet = new Set(record.roots);
  for (const [file, importer] of status) if (importer !== rootSet.has(keys.rel(file))) return full(`${keys.rel(file)}: importer status changed`);

  const calleeNames = new Set(Object.values(record.reaching).flat());
  const scanned = new Set(input.files.map((file) => path.resolve(file)));
  let fresh: Map<string, StoredWalk>;
  let all: Set<string>;
  /** Per rerun root, the files the checker reached while it was walked (absolute). */
  let reachedNow = new Map<string, Set<string>>();
  /** Importing file -> what the checker resolved its imports to in this rerun (absolute). */
  const edgesNow = new Map<string, Set<string>>();
  for (;;) {
    const ctx = createLeakContext(input.root, program.getTypeChecker(), input.options, calleeNames, importCarriesBy({ reaching: reachingAbs, carriers: carriersAbs }, (file, specifier) => project.resolveImport(file, specifier)), memberNames);
    const monitor = new ContextMonitor();
    monitor.install(ctx);
    fresh = new Map<string, StoredWalk>();
    const reachedAll = new Set<string>();
    all = reachedAll;
    reachedNow = new Map();
    let walking: Set<string> | undefined;
    built.reaching = (file, from) => {
      reachedAll.add(file);
      walking?.add(file);
      addEdge(edgesNow, from, file);
    };
    for (const root of record.roots) {
      if (!dirty.has(root)) continue;
      // The checker asked for a file this Program left out: this round's walks do not count, so
      // the remaining roots are not walked in it (the next round walks them all).
      if (built.missed.size > 0) break;
      const sourceFile = program.getSourceFile(keys.abs(root));
      if (!sourceFile) return full(`${root} not loaded`);
      const walk: StoredWalk = [root, [], [], null];
      walking = new Set();
      reachedNow.set(root, walking);
      const result = walkRoot(ctx, sourceFile, relativePath(input.root, keys.abs(root)), {
        accepts: (file) => scanned.has(path.resolve(file)),
        add: (fact, key, file) => walk[1].push([key, keys.rel(file), structuredClone(fact)]),
      });
      walking = undefined;
      walk[2] = structuredClone(result.types);
      walk[3] = result.error ? structuredClone(result.error) : null; // a copy: the pass returns the error to the engine too
      fresh.set(root, walk);
      monitor.endRoot(); // the next root walks as it would alone, as in the full pass
    }
    // A rerun candidate's exports may hand on more or less than recorded (an edit in what they
    // reach): the importers, hence the roots, would change. Judged as the full pass judges, in a
    // context of its own, before the missed files are counted (the judgment may reach others).
    const rerunCandidates = record.candidates.filter((file) => dirty.has(file));
    let handedOnChanged: string | undefined;
    if (rerunCandidates.length > 0 && built.missed.size === 0) {
      const judge = createLeakContext(input.root, program.getTypeChecker(), input.options, calleeNames, importCarriesBy({ reaching: reachingAbs, carriers: carriersAbs }, (file, specifier) => project.resolveImport(file, specifier)), memberNames);
      const names = new Map(rerunCandidates.map((file) => [keys.abs(file), exported.has(file) ? exported.get(file)! : (record.exported?.[file] ?? null)]));
      // The names judged then are judged again; the others stay kept (a file that starts to
      // mention one becomes an importer: its importer status changes, which runs the full pass).
      const judged = handedOnExports(judge, program, names, (file, name) => (Array.isArray(judgedNames[keys.rel(file)]) ? judgedNames[keys.rel(file)] : []).includes(name));
      handedOnChanged = rerunCandidates.find((file) => !sameNames(judged.get(keys.abs(file)) ?? null, handedOn[file] ?? null));
    }
    if (built.missed.size > 0) {
      // The checker asked for a file the Program left out: these walks do not count; again with it.
      if (!widened) for (const file of edgeGuess(record, dirty, built.missed, keys) ?? wide) extra.add(file);
      widened = true;
      for (const file of built.missed) extra.add(file);
      attempts++;
      built = lazyProgram(project, base, extra, attempts >= MAX_LAZY_ATTEMPTS, stubs);
      if (built.unloaded.length > 0) return full('a root could not be loaded');
      program = built.program;
      continue;
    }
    if (monitor.global) return full(`an order-dependent memo map was used (${monitor.global})`);
    if (handedOnChanged !== undefined) return full(`${handedOnChanged}: hands on other exports than recorded`);
    break;
  }

  // A global file the record lacks (a `/// <reference>` the edit added) is seen from every root.
  for (const sourceFile of program.getSourceFiles()) {
    if (!stubs.has(sourceFile.fileName) && !global.has(keys.rel(sourceFile.fileName)) && isGlobal(sourceFile)) return full(`${keys.rel(sourceFile.fileName)} is a global file the record lacks`);
  }
  // A kept walk that passes through an edited module has its positions there moved to the new text.
  const walks = record.walks.map((walk) => fresh.get(walk[0]) ?? moved.get(walk[0]) ?? walk);
  // Problems of the files this Program loaded are its own; the others' are the recorded ones.
  const reloaded = new Set(program.getSourceFiles().filter((sourceFile) => !stubs.has(sourceFile.fileName)).map((sourceFile) => relativePath(input.root, sourceFile.fileName)));
  const problems = [
    ...record.problems.filter((problem) => !reloaded.has(problem.file) && problem.message !== TSCONFIG_OUTSIDE_MESSAGE),
    ...project.problems.map((problem) => ({ file: relativePath(input.root, problem.file), ...(problem.line ? { line: problem.line } : {}), message: problem.message })),
  ];
  const next: RootsRecord = { ...record, problems, walks };
  // Files read through the guard this time (the edited ones at least) say anew whether it changed them.
  if (record.altered) {
    const guarded = new Set(input.changed);
    const altered = new Set([...project.guardAltered].map(keys.rel));
    next.altered = [...new Set([...record.altered.filter((file) => !guarded.has(file)), ...altered])].sort(compareCodeUnits);
  }
  if (record.exported) next.exported = { ...record.exported, ...Object.fromEntries(exported) };
  if (Array.isArray(record.reached)) next.reached = [...new Set([...record.reached, ...[...all].map(keys.rel)])].sort(compareCodeUnits);
  // A rerun root's own list grows by what its walk reached this time (a hint: it only ever widens).
  if (isFileLists(record.reachedBy)) {
    const reachedBy = { ...record.reachedBy };
    for (const [root, files] of reachedNow) reachedBy[root] = [...new Set([...(reachedBy[root] ?? []), ...[...files].map(keys.rel)])].sort(compareCodeUnits);
    next.reachedBy = reachedBy;
  }
  if (isFileLists(record.reachedEdges)) {
    const edges = new Map(Object.entries(record.reachedEdges).map(([from, targets]) => [from, new Set(Array.isArray(targets) ? targets : [])]));
    for (const [from, targets] of edgesNow) for (const target of targets) addEdge(edges, keys.rel(from), keys.rel(target));
    next.reachedEdges = edgesRecord(edges, (file) => file);
  }
  if (record.star && isStarRecord(record.star)) next.star = starRecordAfter(record.star, input.changed, program, project, keys, next.reachedEdges);
  if (record.statements && typeof record.statements === 'object') next.statements = statementRecordAfter(record.statements, input.changed, program, keys);
  const { facts, errors } = replay(next, keys);
  const stubbed = program.getSourceFiles().filter((sourceFile) => stubs.has(sourceFile.fileName)).length;
  return { facts, errors, record: next, walked: fresh.size, reused: record.walks.length - fresh.size, programFiles: program.getSourceFiles().length - stubbed, stubbed, attempts: attempts + 1 };
}

/**
 * Lazy Programs built before the whole closure is loaded instead. The first starts with the files
 * the checker reached in the last walks (`reached`), so it usually suffices; each miss
 * costs the walks again, and a Program loads fast once its files are parsed.
 */
const MAX_LAZY_ATTEMPTS = 2;

/**
 * A Program over `base` and `extra` (absolute paths) where every other import is left unresolved,
 * watched: `missed` collects the files the type checker asked for through such an import (the
 * checker reaches another module only through its resolved imports, `host.getResolvedModule`;
 * the global files, which it sees without an import, are in `base`). A walk during which the
 * checker missed nothing saw exactly what it would have seen with the whole closure loaded: the
 * files it never reached cannot change an answer. `whole`: resolve every import (the closure).
 */
function lazyProgram(project: LeakProject, base: string[], extra: ReadonlySet<string>, whole = false, stubs?: ReadonlyMap<string, string>): LazyProgram {
  const allowed = new Set([...base, ...extra]);
  const { program, unloaded, blocked } = project.createProgram([...allowed], whole ? undefined : (file) => allowed.has(file), stubs);
  const built: LazyProgram = { program, unloaded, missed: new Set(), reaching: undefined };
  const watched = watchResolutions(program, (target, from) => built.reaching?.(target, from.fileName), (file, name) => {
    const target = blocked.get(file.fileName)?.get(name);
    if (target !== undefined) built.missed.add(target);
  });
  // Without the hook a miss would go unseen: the caller's full pass instead.
  if (!watched) throw new Error('TypeScript Program without getResolvedModule');
  return built;
}

interface LazyProgram {
  program: ts.Program;
  unloaded: string[];
  /** Files the checker asked for that the Program left out. */
  missed: Set<string>;
  /** Told each file the checker reaches, and the file whose import led there. */
  reaching: ((file: string, from: string) => void) | undefined;
}

/**
 * The first Program's guess from the rerun roots' own lists (absolute), kept to the recorded graph
 * (the roots' and the global files' closure: a damaged record names no other file); undefined when
 * a rerun root has no list (an older record).
 */
function narrowGuess(record: RootsRecord, dirty: ReadonlySet<string>, keys: PathKeys): Set<string> | undefined {
  if (!isFileLists(record.reachedBy)) return undefined;
  const closure = closureOf([...dirty, ...(Array.isArray(record.global) ? record.global : [])], record.graph);
  const guess = new Set<string>();
  for (const root of dirty) {
    const files = record.reachedBy[root];
    if (!Array.isArray(files)) return undefined;
    for (const file of files) if (typeof file === 'string' && closure.has(file)) guess.add(file);
  }
  // In code-unit order, as `reached` is: the Program's root files come in a stable order.
  return new Set([...guess].sort(compareCodeUnits).map(keys.abs));
}

/**
 * What the recorded edges lead to from the rerun roots, their own lists and the missed files
 * (absolute), kept to the recorded closure; undefined without edges (an older record). An import
 * the same walks resolve was mostly resolved in a recorded walk, theirs or an earlier root's, so
 * this usually holds what they need; a miss (an import first resolved before the walks, or one an
 * edit makes a walk resolve) costs another Program, and the last one loads the whole closure.
 */
function edgeGuess(record: RootsRecord, dirty: ReadonlySet<string>, missed: ReadonlySet<string>, keys: PathKeys): Set<string> | undefined {
  const edges = record.reachedEdges;
  if (!isFileLists(edges) || !isFileLists(record.reachedBy)) return undefined;
  const closure = closureOf([...dirty, ...(Array.isArray(record.global) ? record.global : [])], record.graph);
  const seen = new Set<string>();
  const queue: string[] = [];
  const visit = (file: unknown): void => {
    if (typeof file !== 'string' || seen.has(file) || !closure.has(file)) return;
    seen.add(file);
    queue.push(file);
  };
  for (const root of dirty) {
    visit(root);
    const own = record.reachedBy[root];
    if (Array.isArray(own)) for (const file of own) visit(file);
  }
  for (const file of missed) visit(keys.rel(file));
  while (queue.length > 0) {
    const targets = edges[queue.pop()!];
    if (Array.isArray(targets)) for (const target of targets) visit(target);
  }
  return new Set([...seen].sort(compareCodeUnits).map(keys.abs));
}

/** Edges as stored: relative keys, sorted, importers in code-unit order. */
function edgesRecord(edges: ReadonlyMap<string, ReadonlySet<string>>, rel: (file: string) => string): Record<string, string[]> {
  const entries = [...edges].map(([from, targets]) => [rel(from), [...targets].map(rel).sort(compareCodeUnits)] as const);
  return Object.fromEntries(entries.sort((a, b) => compareCodeUnits(a[0], b[0])));
}

/** The files `roots` import, directly or not, in the recorded graph (roots included). */
function closureOf(roots: string[], graph: Record<string, string[]>): Set<string> {
  const closure = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const next of graph[queue.pop()!] ?? []) {
      if (closure.has(next)) continue;
      closure.add(next);
      queue.push(next);
    }
  }
  return closure;
}

/**
 * The files (absolute path -> text) whose importer status (importers.ts) the edit may change: the
 * edited files that name no source, and, when a candidate was edited (its exported names decide
 * the importers' text test), every other scanned file whose text may name its module
 * (`/name`, where importers.ts asks for `/name` followed by a quote or a dot; the base name is
 * cut at its first dot, and an index file's directory name counts: a superset of that test).
 */
function importerStatusAtRisk(input: IncrementalInput, texts: Map<string, string>, candidates: Set<string>, exported: Map<string, string[] | null>): Map<string, string> | undefined {
  const atRisk = new Map<string, string>();
  for (const [file, text] of texts) if (!candidates.has(file)) atRisk.set(input.keys.abs(file), text);
  // An edited candidate that exports the names it exported before leaves the text test of every
  // other file as it was (importers.ts: module name and exported names), and their imports too.
  const recorded = input.record.exported;
  const renamed = [...texts.keys()].filter((file) => candidates.has(file) && !(recorded && file in recorded && sameNames(recorded[file], exported.get(file) ?? null)));
  const needles = renamed.flatMap((file) => {
    const base = path.basename(file).split('.')[0];
    return base === 'index' ? [`/${base}`, `/${path.basename(path.dirname(file))}`] : [`/${base}`];
  });
  if (needles.length === 0) return atRisk;
  for (const abs of input.files) {
    const file = input.keys.rel(abs);
    if (candidates.has(file) || atRisk.has(abs)) continue;
    const text = texts.get(file) ?? input.readText(abs);
    if (text === null) continue; // unreadable: the full pass skips it too
    if (needles.some((needle) => text.includes(needle))) atRisk.set(abs, text);
  }
  return atRisk;
}

/**
 * Whether the pass's importersOf makes each file a root, asked with only the candidates that can
 * matter (each candidate's exported names come from parsing it): importersOf requires a real
 * import of a candidate, and a text naming the module of a candidate that exports a name the
 * text uses (`/name` then a quote or a dot). So the candidates the files import, plus those whose
 * module their texts may name (`/` and the base name up to its first dot, or an index file's
 * directory: a superset of that test), decide exactly as all of them would.
 */
function importersAmong(
  files: Map<string, string>,
  candidates: string[],
  project: LeakProject,
  needles: SourceNeedles,
  keys: PathKeys,
  readText: (abs: string) => string | null,
  handedOn: ReadonlyMap<string, string[] | null>,
): Map<string, boolean> | undefined {
  const status = new Map<string, boolean>();
  const byRealPath = new Map(candidates.map((candidate) => [project.realPathOr(keys.abs(candidate)), candidate]));
  const asked = new Map<string, string>();
  const imported = new Set<string>();
  for (const [file, text] of files) {
    const found = project.importsOf(file, text).flatMap((resolved) => byRealPath.get(resolved) ?? []);
    status.set(file, false); // imports no candidate: never a root
    if (found.length === 0) continue;
    asked.set(file, text);
    for (const candidate of found) imported.add(candidate);
  }
  if (asked.size === 0) return status;
  const relevant = new Map<string, string>();
  for (const candidate of candidates) {
    const abs = keys.abs(candidate);
    const base = path.basename(abs).split('.')[0];
    // A workspace package's entry is named by the package (`@acme/shared`), as importers.ts tests.
    const packageNames = project.packageEntryNamesOf(project.realPathOr(abs));
    const named = (text: string): boolean =>
      text.includes(`/${base}`) || (base === 'index' && text.includes(`/${path.basename(path.dirname(abs))}`)) || packageNames.some((name) => text.includes(name));
    if (!imported.has(candidate) && ![...asked.values()].some(named)) continue;
    const candidateText = readText(abs);
    if (candidateText === null) return undefined;
    relevant.set(abs, candidateText);
  }
  for (const file of importersOf(relevant, asked, project, needles, undefined, handedOn)) status.set(file, true);
  return status;
}

/** The pass's result from per-root walks, aggregated as analyze.ts does: leaky types per root in order, then one flow per sink. */
export function replay(record: RootsRecord, keys: PathKeys): { facts: Map<string, Fact[]>; errors: FileError[] } {
  const facts = new Map<string, Fact[]>();
  const errors: FileError[] = [...record.unloadedErrors, ...record.problems];
  const bySink = new Map<string, { file: string; fact: LeakFact }>();
  for (const [root, adds, types, error] of record.walks) {
    for (const [key, file, fact] of adds) {
      const existing = bySink.get(key);
      if (!existing || betterFlow(fact, existing.fact)) bySink.set(key, { file: keys.abs(file), fact });
    }
    const abs = keys.abs(root);
    if (types.length > 0) facts.set(abs, [...(facts.get(abs) ?? []), ...types]);
    if (error) errors.push(error);
  }
  for (const key of [...bySink.keys()].sort(compareCodeUnits)) {
    const { file, fact } = bySink.get(key)!;
    facts.set(file, [...(facts.get(file) ?? []), fact]);
  }
  return { facts: structuredClone(facts), errors: structuredClone(errors) };
}

/**
 * The roots whose closure (recorded graph) holds a changed file; undefined when a changed file is
 * in no root's closure (only a full pass knows). Walked backwards from each changed file (a root
 * reaches it exactly when it reaches the root along reversed import edges): one walk per edit
 * instead of one closure per root (dub: 292 roots).
 */
function dirtyRoots(record: RootsRecord, changed: Set<string>): Set<string> | undefined {
  const roots = new Set(record.roots);
  const importers = new Map<string, string[]>();
  for (const [importer, imported] of Object.entries(record.graph)) {
    for (const file of imported) {
      const list = importers.get(file);
      if (list) list.push(importer);
      else importers.set(file, [importer]);
    }
  }
  const dirty = new Set<string>();
  for (const file of changed) {
    const seen = new Set<string>([file]);
    const queue = [file];
    let covered = false;
    while (queue.length > 0) {
      const next = queue.pop()!;
      if (roots.has(next)) {
        dirty.add(next);
        covered = true;
      }
      for (const importer of importers.get(next) ?? []) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        queue.push(importer);
      }
    }
    if (!covered) return undefined;
  }
  return new Set(record.roots.filter((root) => dirty.has(root))); // in root order, as before
}

/**
 * The roots to walk again, of those whose closure holds an edited file (`closureDirty`, in root
 * order): an edited file no walk ever made the checker reach (`reached`, the union over every walk
 * since the last full pass: it only grows) changed no walk's answers, so it makes only itself, if
 * it is a root, run again. A file widely imported but never followed into (a webhook helper whose
 * functions no secret reaches) then costs one root, not every root above it. Without `reached`
 * (an older record): every root of the closure.
 */
function reachedDirty(record: RootsRecord, closureDirty: ReadonlySet<string>, changed: readonly string[]): ReadonlySet<string> {
  if (!Array.isArray(record.reached)) return closureDirty;
  const reached = new Set(record.reached);
  const affecting = changed.filter((file) => reached.has(file));
  const byImport = affecting.length > 0 ? (edgeDirty(record, affecting) ?? dirtyRoots(record, new Set(affecting)) ?? closureDirty) : new Set<string>();
  const changedSet = new Set(changed);
  return new Set(record.roots.filter((root) => byImport.has(root) || (changedSet.has(root) && closureDirty.has(root))));
}

/**
 * The roots from which the recorded edges lead to an edited file (`affecting`, each reached by
 * some walk); undefined without edges (an older record) or when a global file leads there (every
 * root sees it). Finer than the import closure: a root that imports a barrel whose `export *`
 * names the file is in its closure, and its walk resolved the barrel, but the checker went on into
 * the file only for another root (or for none of this root's questions) unless an edge leads there
 * from this root. Why that is exact: the checker reads another module only after resolving an
 * import to it, and every resolution of the pass is an edge (both Programs, before and during the
 * walks). What a root's walk read, itself or through what it took from the memo and the checker's
 * caches (filled by other roots' walks from a declaration this root also reached), lies on edges
 * from the root or a global file. A file no such edge reaches was not read for this root, so its
 * content cannot change the root's walk, which the rerun replays as recorded.
 */
function edgeDirty(record: RootsRecord, affecting: readonly string[]): Set<string> | undefined {
  const edges = record.reachedEdges;
  if (!isFileLists(edges)) return undefined;
  const importers = new Map<string, string[]>();
  for (const [from, targets] of Object.entries(edges)) {
    if (!Array.isArray(targets)) return undefined;
    for (const target of targets) {
      const list = importers.get(target);
      if (list) list.push(from);
      else importers.set(target, [from]);
    }
  }
  const leading = new Set(affecting);
  const queue = [...affecting];
  while (queue.length > 0) {
    for (const importer of importers.get(queue.pop()!) ?? []) {
      if (leading.has(importer)) continue;
      leading.add(importer);
      queue.push(importer);
    }
  }
  if ((Array.isArray(record.global) ? record.global : []).some((file) => leading.has(file))) return undefined;
  return new Set(record.roots.filter((root) => leading.has(root)));
}

/** Whether a file's declarations are visible without an import: a declaration file, a script, or a module that augments the global scope or declares an ambient module. */
function isGlobal(sourceFile: ts.SourceFile): boolean {
  if (sourceFile.isDeclarationFile || !ts.isExternalModule(sourceFile)) return true;
  return sourceFile.statements.some((statement) => ts.isModuleDeclaration(statement) && (ts.isStringLiteral(statement.name) || (statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0));
}

function graphOf(project: LeakProject, keys: PathKeys): Record<string, string[]> {
  const graph: Record<string, string[]> = {};
  for (const [importer, imported] of project.imports) graph[keys.rel(importer)] = [...imported].map(keys.rel).sort(compareCodeUnits);
  return graph;
}

function namesOf(sourceFile: ts.SourceFile, importsReaching: (sourceFile: ts.SourceFile, specifier: string) => boolean, members?: Set<string>): string[] {
  return [...declaredCalleeNames([sourceFile], importsReaching, members)].sort(compareCodeUnits);
}

function sameNames(a: readonly string[] | null, b: readonly string[] | null): boolean {
  return a === null || b === null ? a === b : sameSet(a, b);
}

/** The guard-skipping test for the rerun's Program: a loaded file whose bytes hash as recorded, and that the guard left unchanged then. */
function unguardedFiles(input: IncrementalInput): ((absolute: string, bytes: Buffer) => boolean) | undefined {
  const { loaded, hashBytes, record, keys } = input;
  if (!loaded || !hashBytes || !Array.isArray(record.altered)) return undefined;
  const altered = new Set(record.altered);
  return (absolute, bytes) => {
    const file = keys.rel(absolute);
    const hash = loaded[file];
    return typeof hash === 'string' && !altered.has(file) && hashBytes(bytes) === hash;
  };
}

function sameSet(a: readonly string[], b: readonly string[] | undefined): boolean {
  if (!b || a.length !== b.length) return false;
  const set = new Set(b);
  return a.every((item) => set.has(item));
}


/** Whether every name of `now` was recorded (`null`: any name). */
function withinExports(now: string[] | null, recorded: string[] | null | undefined): boolean {
  if (recorded === null) return true;
  if (recorded === undefined || now === null) return false;
  return now.every((name) => recorded.includes(name));
}
