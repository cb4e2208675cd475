// Entry point of the TypeScript/JavaScript leak analysis (rules no-secret-* and
// no-leaky-secret-type). Called once per scan, on the main thread, after the per-file front ends.
//
// Speed: no Program at all unless a file's text mentions a source (resolver function or type name,
// or a registry secret env name; `process.env[dynamic]` can never be attributed to a secret, so a
// bare `process.env` does not qualify). The root files of the compiler Program are those files and
// the files that import them (importers.ts); the compiler pulls in what they import, which is what
// cross-file function summaries need. Nothing else is parsed, and the checker is asked lazily.
// Robustness: missing node_modules or type errors only make types `any`; provenance and sinks
// then fall back to syntactic evidence. A failure in one file goes to `errors`, never out.
import fs from 'node:fs';
import path from 'node:path';
import type { Fact, FileError, FrontEndOptions, LeakFact } from '../../core/facts.js';
import { mayContainSource, sourceNeedles, type SourceNeedles } from './prefilter.js';
import { relativePath } from './positions.js';
import { compareCodeUnits } from '../../core/compare.js';
import { decodeSourceText } from '../../core/decode-text.js';
import { createLeakContext, leakyTypeFactsOfSourceFile, TEST_FILE, walkLeaksOfSourceFile } from './program-analysis.js';
import { declaredCalleeNames } from './callee-names.js';
import { carrierReachingFiles, importCarriesBy, type CarrierReach } from './carrier-reaching.js';
import { carryingExports, importersOf, mentionedExports, type ImportMemo } from './importers.js';
import { handedOnNames } from './handed-on-exports.js';
import { addEdge, watchResolutions } from './resolution-watch.js';
import type { ts } from './compiler-api.js';
import { openLeakProject, type LeakProject } from './project.js';
import type { EngineContext, LeakCollector } from './taint.js';
import type { LeakPassObserver } from './incremental.js';
import { ContextMonitor } from './memo-monitor.js';
import { importsFromTexts, leakRootsForShard } from '../../shard/leak-roots.js';

export interface TypeScriptLeakInput {
  root: string;
  /** Absolute paths of all TS/JS files in the scan. */
  files: string[];
  options: FrontEndOptions;
  /** The scan's `max_file_bytes`: larger files are reported by the front end and not analysed here either. */
  maxFileBytes?: number;
  /** `--shard`: whether this shard owns a file (absolute path); roots that cannot reach an owned file are skipped (src/shard/leak-roots.ts). */
  owns?: (file: string) => boolean;
  /** The result cache's recorder (incremental.ts): sees the Program and each root's walk, changes nothing. */
  observer?: LeakPassObserver;
  /**
   * Texts of `files` the front end already read (absolute path -> text, each equal to what a read
   * gives): taken instead of reading the file again; the others are read. Emptied by the pass.
   */
  texts?: Map<string, string>;
}

export interface TypeScriptLeakResult {
  facts: Map<string, Fact[]>;
  errors: FileError[];
  /** Every file the compiler Program loaded (absent when none was built): the result cache keys the pass on their content. */
  loadedFiles?: string[];
  /**
   * Per candidate (absolute), the export names through which an importer receives a secret (null:
   * any name): what made the importers roots. The result cache decides with them whether an edit
   * outside the Program can make a new root (src/cache/leak-cache.ts).
   */
  importerNames?: Map<string, string[] | null>;
}

const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

export async function analyzeTypeScriptLeaks(input: TypeScriptLeakInput): Promise<TypeScriptLeakResult> {
  const facts = new Map<string, Fact[]>();
  const errors: FileError[] = [];
  const root = path.resolve(input.root);
  const needles = sourceNeedles(input.options);
  if (needles.needles.length === 0) return { facts, errors };

  const candidateTexts = new Map<string, string>();
  const others = new Map<string, string>();
  for (const file of input.files) {
    // Read by the front end (so within the size limit): not read again.
    const known = input.texts?.get(file);
    if (known !== undefined) {
      if (mayContainSource(known, needles)) candidateTexts.set(path.resolve(file), known);
      else others.set(path.resolve(file), known);
      continue;
    }
    try {
      const stat = fs.statSync(file);
      if (stat.size > (input.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)) continue; // the front end reports oversized files
      const text = decodeSourceText(fs.readFileSync(file));
      if (mayContainSource(text, needles)) candidateTexts.set(path.resolve(file), text);
      else others.set(path.resolve(file), text);
    } catch {
      // Unreadable files are reported by the per-file front end.
    }
  }
  input.texts?.clear();
  if (candidateTexts.size === 0) return { facts, errors };
  const candidates = [...candidateTexts.keys()];

  let ctx: EngineContext;
  let monitor: ContextMonitor;
  let program;
  let roots = candidates;
  let leakProject: LeakProject | undefined;
  let reachingRoots: ReadonlySet<string> = new Set();
  const exported = new Map<string, string[] | null>();
  const handedOn = new Map<string, string[] | null>();
  try {
    // Parsed files are shared by the two Programs below: each file is read and parsed once.
    leakProject = openLeakProject(root, { files: input.files, reuseSourceFiles: true });
    const project = leakProject;
    // First the candidates and what they import: there the engine decides which exports hand a
    // secret on (handed-on-exports.ts), and only files importing those join the roots.
    const first = leakProject.createProgram(candidates);
    // Read from the Program's parse of each candidate (parsed once), unless the guard changed its text.
    for (const [file, text] of candidateTexts) exported.set(file, carryingExports(file, text, project, needles, first.program.getSourceFile(file)));
    // What judging each candidate's exports made the checker reach: the result cache's rerun of
    // that candidate judges them again and starts its Program with these files (incremental.ts).
    const judgedReached = new Map<string, Set<string>>();
    let judgedFile: string | undefined;
    // Every import the checkers resolve before the walks, importer -> targets: an import resolves
    // alike in either Program, and a walk finds it already resolved (incremental.ts, reachedEdges).
    const earlyEdges = new Map<string, Set<string>>();
    const noteEdge = (target: string, from: ts.SourceFile): void => addEdge(earlyEdges, from.fileName, target);
    watchResolutions(first.program, (file, from) => {
      noteEdge(file, from);
      if (judgedFile !== undefined) judgedReached.get(judgedFile)?.add(file);
    });
    const judging = programAnalysis(first.program, candidates, project, needles);
    // Only the exports a file that imports the candidate mentions can make an importer: the others are not judged (kept).
    const imports: ImportMemo = new Map();
    const mentioned = mentionedExports(others, project, exported, imports);
    const judged = new Map([...mentioned].map(([file, names]) => [file, [...names].sort(compareCodeUnits)]));
    const judgingCtx = createLeakContext(root, judging.checker, input.options, judging.calleeNames, judging.importCarries, judging.memberNames);
    for (const [file, names] of exported) {
      judgedFile = file;
      judgedReached.set(file, new Set());
      handedOn.set(file, handedOnNames(judgingCtx, first.program, file, names, (name) => mentioned.get(file)?.has(name) ?? false));
    }
    judgedFile = undefined;
    const importers = importersOf(candidateTexts, others, leakProject, needles, exported, handedOn, imports);
    roots = [...candidates, ...importers];
    if (input.owns) roots = leakRootsForShard(roots, input.owns, importsFromTexts([candidateTexts, others], leakProject.importsOf));
    // The Program reads what it loads itself: the texts of a monorepo's other files (tens of MB as
    // strings) need not live through the walk, where the peak memory of the scan is.
    others.clear();
    candidateTexts.clear();
    // A Program of its own even for the same roots: its checker has resolved nothing yet, so the
    // result cache sees every file each root's walk reaches (incremental.ts).
    const created = leakProject.createProgram(roots);
    watchResolutions(created.program, noteEdge);
    const analysis = programAnalysis(created.program, candidates, project, needles, { files: new Set(first.program.getSourceFiles().map((sourceFile) => sourceFile.fileName)), analysis: judging });
    program = created.program;
    for (const file of created.unloaded) errors.push({ file: relativePath(root, file), message: 'leak analysis: the file could not be loaded' });
    reachingRoots = analysis.reach.reaching;
    ctx = createLeakContext(root, analysis.checker, input.options, analysis.calleeNames, analysis.importCarries, analysis.memberNames);
    // Each root walks as it would alone (memo-monitor.ts): what a shard, a cached rerun and a replay rely on.
    monitor = new ContextMonitor();
    monitor.install(ctx);
    input.observer?.onProgram({
      ctx,
      monitor,
      candidates,
      roots,
      program,
      project,
      unloaded: created.unloaded,
      reachingFiles: analysis.reachingFiles,
      memberNames: analysis.memberNames,
      carriers: analysis.reach.carriers,
      importsReaching: analysis.importsReaching,
      exported,
      handedOn,
      judged,
      judgedReached,
      earlyEdges,
    });
  } catch (error) {
    errors.push({ file: '.', message: `leak analysis could not start: ${(error as Error).name}` });
    return { facts, errors };
  } finally {
    // Imports and tsconfig parts that lead outside the project were not followed: say so.
    for (const problem of leakProject?.problems ?? []) {
      errors.push({ file: relativePath(root, problem.file), ...(problem.line ? { line: problem.line } : {}), message: problem.message });
    }
  }

  // Leaks are located at their sink, which may lie in another scanned file than the source; one
  // finding per sink: of several flows into it, the one a reader follows best is kept.
  const scanned = new Set(input.files.map((file) => path.resolve(file)));
  const bySink = new Map<string, { file: string; fact: LeakFact }>();
  const collector = {
    accepts: (file: string) => scanned.has(path.resolve(file)),
    add(fact: LeakFact, key: string, file: string) {
      const existing = bySink.get(key);
      if (!existing || betterFlow(fact, existing.fact)) bySink.set(key, { file: path.resolve(file), fact });
    },
  };
  for (const file of roots) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    // A root that neither names a source nor imports anything that can carry one (an importer of
    // a candidate's constants or clients only) has no tainted value to follow and no secret-holding
    // type: its walk finds nothing, so it is recorded as such without walking.
    if (!reachingRoots.has(sourceFile.fileName)) {
      input.observer?.collectorFor(file, collector);
      input.observer?.walked(file, { types: [] });
      continue;
    }
    const walked = walkRoot(ctx, sourceFile, relativePath(root, file), input.observer?.collectorFor(file, collector) ?? collector);
    input.observer?.walked(file, walked);
    monitor.endRoot();
    if (walked.types.length > 0) facts.set(file, [...(facts.get(file) ?? []), ...walked.types]);
    if (walked.error) errors.push(walked.error);
  }
  for (const key of [...bySink.keys()].sort(compareCodeUnits)) {
    const { file, fact } = bySink.get(key)!;
    facts.set(file, [...(facts.get(file) ?? []), fact]);
  }
  const importerNames = new Map(candidates.map((file) => [file, handedOn.has(file) ? handedOn.get(file)! : (exported.get(file) ?? null)]));
  return { facts, errors, loadedFiles: program.getSourceFiles().map((sourceFile) => sourceFile.fileName), importerNames };
}

interface ProgramAnalysis {
  reach: CarrierReach;
  reachingFiles: ts.SourceFile[];
  importsReaching: (sourceFile: { fileName: string }, specifier: string) => boolean;
  checker: ts.TypeChecker;
  calleeNames: Set<string>;
  memberNames: Set<string>;
  importCarries: NonNullable<EngineContext['importCarries']>;
}

/**
 * What the taint walk needs of a Program beyond the Program: its checker, the source-reaching
 * files and the callee names they declare. `settled`: the analysis of a Program closed under
 * imports that this one extends, whose files keep their answers (carrier-reaching.ts).
 */
function programAnalysis(program: ts.Program, candidates: string[], project: LeakProject, needles: SourceNeedles, settled?: { files: ReadonlySet<string>; analysis: ProgramAnalysis }): ProgramAnalysis {
  const candidateSet = new Set(candidates.map((file) => project.realPathOr(file)));
  const reach = carrierReachingFiles(
    {
      sourceFiles: program.getSourceFiles(),
      isCandidate: (file) => candidateSet.has(file) || candidateSet.has(project.realPathOr(file)),
      resolve: (file, specifier) => project.resolveImport(file, specifier),
      namesSource: (text) => mayContainSource(text, needles),
      imports: project.imports,
    },
    settled && { files: settled.files, reach: settled.analysis.reach },
  );
  // Resolution answers real paths; a root's name may run through a linked directory above the root.
  const sourceReaching = new Set([...reach.reaching].flatMap((file) => [file, project.realPathOr(file)]));
  const carriersByRealPath = new Map([...reach.carriers].flatMap(([file, names]) => [[file, names], [project.realPathOr(file), names]]));
  const reachingFiles = program.getSourceFiles().filter((sourceFile) => reach.reaching.has(sourceFile.fileName));
  const importsReaching = (sourceFile: { fileName: string }, specifier: string): boolean => {
    const imported = project.resolveImport(sourceFile.fileName, specifier);
    return imported !== undefined && sourceReaching.has(imported);
  };
  const checker = program.getTypeChecker();
  // A settled file's names depend only on its own imports: they are the settled analysis's.
  const memberNames = new Set<string>(settled?.analysis.memberNames ?? []);
  const fresh = settled ? reachingFiles.filter((sourceFile) => !settled.files.has(sourceFile.fileName)) : reachingFiles;
  const calleeNames = declaredCalleeNames(fresh, importsReaching, memberNames);
  for (const name of settled?.analysis.calleeNames ?? []) calleeNames.add(name);
  const importCarries = importCarriesBy({ reaching: sourceReaching, carriers: carriersByRealPath }, (file, specifier) => project.resolveImport(file, specifier));
  return { reach, reachingFiles, importsReaching, checker, calleeNames, memberNames, importCarries };
}

/** One root file's walk: its leaks go to `collector`; its leaky-type facts and failure are returned (the incremental pass replays them). */
export function walkRoot(ctx: EngineContext, sourceFile: Parameters<typeof walkLeaksOfSourceFile>[1], relative: string, collector: LeakCollector): { types: Fact[]; error?: FileError } {
  try {
    walkLeaksOfSourceFile(ctx, sourceFile, TEST_FILE.test(relative), collector);
    return { types: leakyTypeFactsOfSourceFile(ctx, sourceFile) };
  } catch (error) {
    // The message names the failure, never file content; leaks found before it are kept.
    return { types: [], error: { file: relative, message: `leak analysis failed: ${(error as Error).name}` } };
  }
}

/** Production flows before test-only ones, then the shortest, then the earliest source. */
export function betterFlow(candidate: LeakFact, current: LeakFact): boolean {
  if (!candidate.inTest !== !current.inTest) return !candidate.inTest;
  if (candidate.flow.length !== current.flow.length) return candidate.flow.length < current.flow.length;
  const [a, b] = [candidate.flow[0], current.flow[0]];
  const order = compareCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column;
  return order < 0;
}
