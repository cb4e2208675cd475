// File analysis: cheap checks and the prefilter run on the main thread; only files that can hold
// a fact are parsed, spread over worker threads when there are enough of them to pay for each
// worker loading the TypeScript compiler and the grammars (about half a second each).
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FrontEndOptions } from './facts.js';
import { candidateLanguages, loadFrontEnds } from '../languages/index.js';
import { clearGuardedTexts } from '../languages/typescript/guard-memo.js';
import { isPending, loadForAnalysis, runFrontEnd, type FileAnalysis, type KeepText, type PendingFile } from './analyze-file.js';
import { WARM_MIN_CORES, type WarmWorker } from './warm-worker.js';
import { codeCacheDirectory } from './code-cache.js';
import { scanTieringSet } from './v8-flags.js';

/** Parsed files (after the prefilter) needed before workers are worth starting. */
const MIN_PARSED_FILES_FOR_WORKERS = 600;

export interface PoolOptions {
  root: string;
  files: string[];
  options: FrontEndOptions;
  maxBytes: number;
  /** 0 forces in-process; undefined picks by the number of files to parse. Capped at the cores and the files. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** A worker started before the files were known (src/core/warm-worker.ts): it takes the TS/JS files. */
  warmWorker?: WarmWorker;
  /** Receives the texts the prefilter decoded, for the passes after this one (src/core/project-texts.ts). */
  keepText?: KeepText;
}

/**
 * How many worker threads to start: `requested` (`--workers`), else 8 once there are enough files
 * to parse on WARM_MIN_CORES cores or more; never more than the cores or the files to parse, since
 * each worker costs a compiler load (about 100 MB) and an idle one only costs. 0 or 1 means
 * in-process. The report is the same whatever the count: nesting limits do not depend on the
 * thread (src/languages/nesting-limit.ts).
 * Fewer cores, no pool by default, as for the warm worker (warm-worker.ts): one scan already keeps
 * about one and a half cores busy, and the pool's workers each load the compiler while the main
 * thread waits, then the cross-file passes load it again on the main thread. documenso (about 830
 * files to parse), 2 cores, leak rules off: 4.8-5.1 s with two workers, 3.3 s in-process; the
 * full scan 10.8 s against 8.5 s.
 */
export function plannedWorkers(requested: number | undefined, filesToParse: number, cores: number): number {
  const wanted = requested ?? (filesToParse >= MIN_PARSED_FILES_FOR_WORKERS && cores >= WARM_MIN_CORES ? 8 : 0);
  return Math.max(0, Math.min(wanted, cores, filesToParse));
}

function workerScript(): string | null {
  const file = fileURLToPath(new URL('./analyze-worker.js', import.meta.url));
  return fs.existsSync(file) ? file : null;
}

export async function analyzeAll(pool: PoolOptions): Promise<FileAnalysis[]> {
  clearGuardedTexts(); // the previous scan's, should its leak pass not have taken them
  await loadFrontEnds(candidateLanguages(pool.files));
  const warm = pool.workers !== 0 && pool.warmWorker?.claim(pool.options) ? pool.warmWorker : undefined;
  if (warm) return analyzeWithWarmWorker(pool, warm);
  const finished = new Map<string, FileAnalysis>();
  const pending: PendingFile[] = [];
  for (const file of pool.files) {
    const loaded = loadForAnalysis(pool.root, file, pool.options, pool.maxBytes, pool.keepText);
    if (isPending(loaded)) pending.push(loaded);
    else finished.set(file, loaded);
  }
  const script = workerScript();
  const count = plannedWorkers(pool.workers, pending.length, Math.max(1, os.availableParallelism?.() ?? os.cpus().length));
  const parsed = !script || count <= 1 ? await parseInProcess(pending, pool) : await parseInWorkers(pending, pool, script, count);
  for (const analysis of parsed) finished.set(analysis.file, analysis);
  return pool.files.map((file) => finished.get(file)!).filter(Boolean);
}

async function parseInProcess(pending: PendingFile[], pool: PoolOptions): Promise<FileAnalysis[]> {
  const results: FileAnalysis[] = [];
  let i = 0;
  for (const file of pending) {
    results.push(await runFrontEnd(file, pool.options));
    if (++i % 100 === 0) pool.onProgress?.(i, pending.length);
  }
  return results;
}

async function parseInWorkers(pending: PendingFile[], pool: PoolOptions, script: string, count: number): Promise<FileAnalysis[]> {
  // Interleave so each worker gets a similar mix of large and small files.
  const batches: PendingFile[][] = Array.from({ length: count }, () => []);
  pending.forEach((file, i) => batches[i % count].push(file));
  let done = 0;
  const parts = await Promise.all(
    batches.map(
      (files) =>
        new Promise<FileAnalysis[]>((resolve, reject) => {
          const worker = new Worker(script, { workerData: { files, options: pool.options, codeCache: codeCacheDirectory(), scanTiering: scanTieringSet() } });
          worker.once('message', (results: FileAnalysis[]) => {
            done += files.length;
            pool.onProgress?.(done, pending.length);
            resolve(results);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`analysis worker exited with code ${code}`));
          });
        }),
    ),
  );
  return parts.flat();
}

/** Files the prefilter reads between two turns of the event loop, when the warm worker is sent more. */
const FILES_PER_TURN = 128;
/**
 * Files still queued when the prefilter ends, above which the main thread helps: for TS/JS it then
 * loads the compiler itself, which costs (about a quarter of a second) as much as parsing 70-80
 * typical files. A scan with the leak rules on loads it on the main thread anyway, so it helps at once.
 */
const HELP_ABOVE = 100;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * analyzeAll with the warm worker: files that pass the prefilter are queued for it as they are
 * found (it is sent more between turns of the event loop, so it starts before the prefilter ends);
 * the main thread then helps with the queue when it is long enough to pay.
 */
async function analyzeWithWarmWorker(pool: PoolOptions, warm: WarmWorker): Promise<FileAnalysis[]> {
  const finished = new Map<string, FileAnalysis>();
  let total = 0;
  let read = 0;
  for (const file of pool.files) {
    const loaded = loadForAnalysis(pool.root, file, pool.options, pool.maxBytes, pool.keepText);
    if (!isPending(loaded)) finished.set(file, loaded);
    else {
      warm.add(loaded);
      total++;
      warm.pump();
    }
    if (++read % FILES_PER_TURN === 0) await nextTurn();
  }
  warm.draining();
  warm.pump();
  let doneHere = 0;
  const progress = (): void => pool.onProgress?.(doneHere + warm.done(), total);
  // More cores than the two threads here: a large queue is shared with extra workers, as analyzeAll would.
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  const extra = warm.queued() >= MIN_PARSED_FILES_FOR_WORKERS ? plannedWorkers(pool.workers, warm.queued(), cores) - 2 : 0;
  const script = workerScript();
  let others: Promise<FileAnalysis[]> | undefined;
  if (extra >= 1 && script) {
    const share: PendingFile[] = [];
    const wanted = Math.floor((warm.queued() * extra) / (extra + 2));
    while (share.length < wanted) {
      const job = warm.take();
      if (!job) break;
      share.push(job.file);
    }
    others = parseInWorkers(share, { ...pool, onProgress: undefined }, script, extra);
  }
  const help = warm.queued() > (pool.options.leakAnalysis ? 0 : HELP_ABOVE);
  const answers = await shareWithWorker(warm, help, async (job) => {
    finished.set(job.file.file, await runFrontEnd(job.file, job.options));
    if (++doneHere % 4 === 0) progress();
  });
  for (const analysis of answers) finished.set(analysis.file, analysis);
  for (const analysis of (await others) ?? []) finished.set(analysis.file, analysis);
  progress();
  return pool.files.map((file) => finished.get(file)!).filter(Boolean);
}

/**
 * The main thread's side of a round with the warm worker: it takes queued jobs itself when `help`
 * (yielding now and then, so the worker's answers come in and more files go out to it), waits for
 * the worker's answers, then analyses what a failed worker handed back.
 */
async function shareWithWorker(warm: WarmWorker, help: boolean, analyse: (job: { file: PendingFile; options: FrontEndOptions }) => Promise<void>): Promise<FileAnalysis[]> {
  let taken = 0;
  if (help) {
    for (let job = warm.take(); job; job = warm.take()) {
      await analyse(job);
      if (++taken % 2 === 0) await nextTurn();
    }
  }
  const answers = await warm.finish();
  for (let job = warm.take(); job; job = warm.take()) await analyse(job);
  return answers;
}

/** Files a round's caller looks through between two turns of the event loop (ReanalysisRound.breathe). */
const LOOKS_PER_TURN = 64;

/**
 * A round of independent re-analyses whose jobs are found one at a time: the cross-file passes
 * look through thousands of texts for them. With the warm worker up, each job is queued for it as
 * soon as it is found, and the caller gives the event loop a turn now and then (`breathe`), so
 * the worker analyses while the main thread is still looking (vox: it sat idle through each
 * round's search). `finish` then shares what is left as reanalyseAll does; results come back in
 * the order the jobs were added, whichever thread made them.
 */
export class ReanalysisRound {
  private readonly jobs: { file: PendingFile; options: FrontEndOptions }[] = [];
  private readonly sent = new Set<string>();
  private looked = 0;

  constructor(private readonly warm: WarmWorker | undefined) {}

  add(job: { file: PendingFile; options: FrontEndOptions }): void {
    this.jobs.push(job);
    // A file added twice is analysed here at the end: the worker's answers could not be told apart.
    if (this.warm?.available() && !this.sent.has(job.file.file)) {
      this.sent.add(job.file.file);
      this.warm.add(job.file, job.options);
      this.warm.pump();
    }
  }

  /** Call once per text looked at: every LOOKS_PER_TURN, a turn of the event loop for the worker's answers (only while jobs are out). */
  async breathe(): Promise<void> {
    if (++this.looked % LOOKS_PER_TURN === 0 && this.sent.size > 0) await nextTurn();
  }

  get size(): number {
    return this.jobs.length;
  }

  async finish(): Promise<FileAnalysis[]> {
    if (this.sent.size === 0) return reanalyseAll(this.jobs, this.warm);
    const warm = this.warm!;
    const results: FileAnalysis[] = new Array(this.jobs.length);
    const index = new Map<string, number>();
    this.jobs.forEach((job, i) => {
      if (!index.has(job.file.file)) index.set(job.file.file, i);
    });
    const answers = await shareWithWorker(warm, true, async (job) => {
      results[index.get(job.file.file)!] = await runFrontEnd(job.file, job.options);
    });
    for (const analysis of answers) results[index.get(analysis.file)!] = analysis;
    // Repeats of a file (never sent): analysed here with their own options.
    for (let i = 0; i < this.jobs.length; i++) {
      if (index.get(this.jobs[i].file.file) !== i) results[i] = await runFrontEnd(this.jobs[i].file, this.jobs[i].options);
    }
    return results;
  }
}

/**
 * Independent re-analyses (the cross-file passes: each file again with its own options), shared
 * between the main thread and the warm worker when it is still up; else all on the main thread.
 * Results come back in the order of `jobs`, whichever thread made them.
 */
export async function reanalyseAll(jobs: { file: PendingFile; options: FrontEndOptions }[], warm: WarmWorker | undefined): Promise<FileAnalysis[]> {
  const index = new Map(jobs.map((job, i) => [job.file.file, i]));
  // Alone on the main thread also when a file comes twice: the worker's answers could not be told apart.
  if (!warm?.available() || jobs.length < 2 || index.size !== jobs.length) {
    const results: FileAnalysis[] = [];
    for (const job of jobs) results.push(await runFrontEnd(job.file, job.options));
    return results;
  }
  for (const job of jobs) warm.add(job.file, job.options);
  warm.pump();
  const results: FileAnalysis[] = new Array(jobs.length);
  const answers = await shareWithWorker(warm, true, async (job) => {
    results[index.get(job.file.file)!] = await runFrontEnd(job.file, job.options);
  });
  for (const analysis of answers) results[index.get(analysis.file)!] = analysis;
  return results;
}
