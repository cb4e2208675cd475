// A worker thread that loads the TypeScript compiler while the main thread is still loading the
// registry and listing files. Loading the compiler costs about a quarter of a second and parsing
// the files that pass the prefilter most of the rest of a scan with the leak rules off; started
// late (after the prefilter, as analyzeAll's pool does) a worker only repeats that load. Started
// early, its load overlaps the main thread's work, and the two threads share the parsing from one
// queue. The report is the same whichever thread analyses a file (src/languages/nesting-limit.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileAnalysis, PendingFile } from './analyze-file.js';
import type { FrontEndOptions } from './facts.js';
import type { FromWorker, ToWorker, WorkerStart } from './warm-worker-thread.js';
import { detectByPath } from '../languages/detect.js';
import { codeCacheDirectory } from './code-cache.js';
import { scanTieringSet } from './v8-flags.js';

/** TS/JS files in the file list from which a project that did not look like one gets the compiler preloaded. */
const PRELOAD_AT = 20;
/** Files per message: small enough to keep both threads busy to the end, large enough to cost little. */
const BATCH = 8;
/** Files the worker may hold before more are sent: one batch being analysed and one waiting. */
const IN_FLIGHT = 2 * BATCH;
/**
 * Batches the worker may hold. A re-analysis job has options of its own and goes alone (batches
 * share one options object), and costs several times a first-pass file: with up to IN_FLIGHT of
 * them sent, a round of 13 jobs all went to the worker while the main thread waited (vox).
 */
const BATCHES_IN_FLIGHT = 2;

export interface WarmWorker {
  /** Queues a file that passed the prefilter (with analyzeAll's options unless given); it is sent when the worker has room. */
  add(file: PendingFile, options?: FrontEndOptions): void;
  /** Sends what the worker has room for (call it when the main thread can take messages). */
  pump(): void;
  /** The next queued file, and its options, for the main thread to analyse itself, if any. */
  take(): { file: PendingFile; options: FrontEndOptions } | undefined;
  queued(): number;
  /**
   * Resolves with the worker's analyses of everything added since the last round, once it has
   * answered every file sent. If it failed, the files it never answered are back on the queue
   * (`take`) for the main thread. The worker stays up for another round until `close`.
   */
  finish(): Promise<FileAnalysis[]>;
  /** analyzeAll takes the worker once, with the scan's front-end options; later calls on the same pool run as before. */
  claim(options: FrontEndOptions): boolean;
  /** Claimed, alive, not closed and between rounds: the cross-file passes may share their re-analyses with it. */
  available(): boolean;
  /** Files the worker has analysed so far in this round (progress). */
  done(): number;
  /** The file list is known: load the compiler now if it holds enough TS/JS files to be worth it. */
  preloadFor(files: string[]): void;
  /**
   * No more files will come this round (the prefilter is done): the queue is reordered largest
   * first and sent in smaller batches as it runs out, so that both threads finish together.
   */
  draining(): void;
  /** No more rounds: the thread ends (and frees its memory) once idle. */
  close(): void;
  /** Stop the thread now (unused, or the scan is over). */
  stop(): void;
}

/** A JS/TS project by its root: the warm worker loads the compiler at once. */
export function looksLikeScriptProject(root: string): boolean {
  return ['package.json', 'tsconfig.json', 'deno.json'].some((name) => fs.existsSync(path.join(root, name)));
}

/** Enough TS/JS files in the list for the warm worker to load the compiler before the prefilter has found one. */
export function enoughScripts(files: string[]): boolean {
  let scripts = 0;
  for (const file of files) {
    const language = detectByPath(file);
    if ((language === 'typescript' || language === 'javascript') && ++scripts >= PRELOAD_AT) return true;
  }
  return false;
}

/**
 * Cores from which the default scan starts the warm worker. A scan in one thread already keeps
 * about one and a half cores busy (V8's concurrent GC and compiler threads): on two cores a second
 * analysis thread only competes with them. Measured on dubinc/dub with the leak rules off, 2 cores:
 * 2.6 s with the worker against 2.4 s without, and two scans side by side took 1.75x as long each.
 */
export const WARM_MIN_CORES = 4;

/**
 * Starts the worker when it can pay: by default on WARM_MIN_CORES or more; always when `--workers`
 * asks for threads (1 or more); never with `--workers 0` (the Action's in-process scan). It also
 * needs the compiled worker script (absent in the Action bundle and under the test runner).
 */
export function startWarmWorker(workers: number | undefined, root: string): WarmWorker | undefined {
  if (workers === 0) return undefined;
  if (workers === undefined && cores() < WARM_MIN_CORES) return undefined;
  // A JS/TS project: load the compiler now. Otherwise only once the file list shows enough TS/JS
  // files (preloadFor): a Python or Rust project with a few scripts, which usually all fail the
  // prefilter, should not pay a compiler load (about a quarter of a second and 100 MB).
  return spawnWarmWorker(looksLikeScriptProject(root));
}

/**
 * Rust and Python files in the file list from which a scan on fewer than WARM_MIN_CORES cores
 * starts the worker once the list is known. Their prefilter passes many files (vox: about 700 of
 * 3,008 Rust files), tree-sitter parses them slowly, and the cross-file rounds analyse many again:
 * there a second thread pays. Measured on 2 cores, default scan: vox (3,008 Rust files) 6.9 s
 * without the worker, 5.6 s with it; openai-agents-python (920 Python files) 4.1 s against 3.8 s;
 * gpt-researcher (274 Python files) 1.8 s against 1.9 s, hence no worker below this.
 */
const TREE_SITTER_FILES_FOR_WORKER = 500;

/**
 * The late start, after discovery, for a scan that `startWarmWorker` did not give a worker by
 * default (fewer cores): when the list holds enough Rust and Python files. Such a worker never
 * loads the compiler: TS/JS files stay on the main thread, which loads it anyway when one passes
 * the prefilter (and for the leak pass). vox: 164 TS/JS files listed, 11 of them hold facts, and
 * both threads loaded the compiler for them (about 0.22 s of CPU each).
 */
export function startWarmWorkerForFiles(workers: number | undefined, files: string[]): WarmWorker | undefined {
  return lateWarmWorkerWanted(workers, files, cores()) ? spawnWarmWorker(false, { scriptsOnMain: true }) : undefined;
}

/** Whether startWarmWorkerForFiles starts one: by default, on 2 or 3 cores, for enough Rust and Python files. */
export function lateWarmWorkerWanted(workers: number | undefined, files: string[], cores: number): boolean {
  if (workers !== undefined || cores >= WARM_MIN_CORES || cores < 2) return false;
  let treeSitterFiles = 0;
  for (const file of files) {
    const language = detectByPath(file);
    if ((language === 'rust' || language === 'python') && ++treeSitterFiles >= TREE_SITTER_FILES_FOR_WORKER) return true;
  }
  return false;
}

function cores(): number {
  return os.availableParallelism?.() ?? os.cpus().length;
}

function spawnWarmWorker(preloadTypeScript: boolean, { scriptsOnMain = false } = {}): WarmWorker | undefined {
  const script = fileURLToPath(new URL('./warm-worker-thread.js', import.meta.url));
  if (!fs.existsSync(script)) return undefined;
  const start: WorkerStart = { preloadTypeScript, codeCache: codeCacheDirectory(), scanTiering: scanTieringSet() };
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: start });
  } catch {
    return undefined;
  }
  return queueFor(worker, { scriptsOnMain });
}

/**
 * The queue around a started worker (exported for tests, which give it a worker that fails).
 * `scriptsOnMain`: TS/JS files are analysed on the main thread only (the worker never loads the compiler).
 */
export function queueFor(worker: Worker, { scriptsOnMain = false } = {}): WarmWorker {
  const queue = new QueuedWorker(worker, scriptsOnMain);
  // Until analyzeAll claims it, nothing waits for the worker: a scan that stops early (a config
  // error) must not be held open by it. Unref'd after the listeners, which would ref it again.
  worker.unref();
  return queue;
}

/** A file to analyse and the options to analyse it with (re-analyses each have their own). */
interface Job {
  file: PendingFile;
  options: FrontEndOptions;
}

function compareFiles(a: Job, b: Job): number {
  return a.file.file < b.file.file ? -1 : a.file.file > b.file.file ? 1 : 0;
}

function isScript(job: Job): boolean {
  return job.file.language === 'typescript' || job.file.language === 'javascript';
}

class QueuedWorker implements WarmWorker {
  private queue: Job[] = [];
  private head = 0;
  /** Jobs only the main thread takes (TS/JS with `scriptsOnMain`); never sent, never reset by a round's end. */
  private readonly mainOnly: Job[] = [];
  /** Jobs sent and not yet answered, by batch, oldest first (the worker answers in order). */
  private readonly sent: Job[][] = [];
  private results: FileAnalysis[] = [];
  private failed = false;
  private claimed = false;
  private closed = false;
  private finishing: { resolve: (results: FileAnalysis[]) => void } | undefined;
  private options: FrontEndOptions | undefined;
  /** Set by draining() until the round ends. */
  private drain = false;

  constructor(
    private readonly worker: Worker,
    private readonly scriptsOnMain: boolean,
  ) {
    worker.on('message', (message: FromWorker) => {
      this.sent.shift();
      for (const result of message.results) this.results.push(result);
      this.pump();
      this.settle();
    });
    // A worker that fails (it cannot load, it runs out of memory) hands its files back to the main thread.
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
  }

  claim(options: FrontEndOptions): boolean {
    if (this.claimed || this.failed) return false;
    this.claimed = true;
    this.options = options;
    this.worker.ref(); // the scan now waits for its answers
    return true;
  }

  available(): boolean {
    return this.claimed && !this.failed && !this.closed && !this.finishing;
  }

  done(): number {
    return this.results.length;
  }

  preloadFor(files: string[]): void {
    if (!this.scriptsOnMain && enoughScripts(files) && !this.failed) this.worker.postMessage({ kind: 'preload' } satisfies ToWorker);
  }

  add(file: PendingFile, options?: FrontEndOptions): void {
    const with_ = options ?? this.options;
    if (!with_) throw new Error('warm worker: a file added before claim()');
    const job = { file, options: with_ };
    if (this.scriptsOnMain && isScript(job)) this.mainOnly.push(job);
    else this.queue.push(job);
  }

  draining(): void {
    // Largest first: a large file left for last keeps one thread busy while the other waits (on
    // vox, Markdown pages listed last kept the worker 0.2 s past the main thread). The order does
    // not change a result: analyses are put back in file order.
    const rest = this.queue.slice(this.head).sort((a, b) => b.file.text.length - a.file.text.length || compareFiles(a, b));
    this.queue = [...this.queue.slice(0, this.head), ...rest];
    this.drain = true;
  }

  pump(): void {
    if (this.failed || this.closed) return;
    this.worker.ref();
    while (this.sent.length < BATCHES_IN_FLIGHT && this.inFlight() < IN_FLIGHT && this.shared() > 0) {
      // A batch shares one options object: consecutive jobs with the same one (analyzeAll's files).
      // Draining, a batch is at most a quarter of what is left: the last ones go one at a time.
      const size = this.drain ? Math.max(1, Math.min(BATCH, Math.floor(this.shared() / 4))) : BATCH;
      const options = this.queue[this.head].options;
      let end = this.head + 1;
      while (end < this.queue.length && end - this.head < size && this.queue[end].options === options) end++;
      const jobs = this.queue.slice(this.head, end);
      this.head = end;
      this.sent.push(jobs);
      this.worker.postMessage({ kind: 'batch', options, files: jobs.map((job) => job.file) } satisfies ToWorker);
    }
  }

  take(): Job | undefined {
    if (this.mainOnly.length > 0) return this.mainOnly.shift();
    return this.head < this.queue.length ? this.queue[this.head++] : undefined;
  }

  queued(): number {
    return this.shared() + this.mainOnly.length;
  }

  /** Queued jobs the worker may be sent. */
  private shared(): number {
    return this.queue.length - this.head;
  }

  private inFlight(): number {
    let files = 0;
    for (const batch of this.sent) files += batch.length;
    return files;
  }

  finish(): Promise<FileAnalysis[]> {
    return new Promise((resolve) => {
      this.finishing = { resolve };
      this.settle();
    });
  }

  close(): void {
    if (this.closed || this.failed) return;
    this.closed = true;
    this.worker.postMessage({ kind: 'end' } satisfies ToWorker);
    this.worker.unref();
  }

  stop(): void {
    this.failed = true;
    void this.worker.terminate();
  }

  /** Everything added so far is answered (or handed back): the round's analyses, and a fresh round. */
  private settle(): void {
    // Main-only jobs do not hold a round open: the main thread analyses what is left after finish().
    if (!this.finishing || this.inFlight() > 0 || (this.shared() > 0 && !this.failed)) return;
    const { resolve } = this.finishing;
    const results = this.results;
    this.finishing = undefined;
    this.results = [];
    this.drain = false;
    if (!this.failed) {
      this.queue = [];
      this.head = 0;
    }
    this.worker.unref(); // idle until the next round (or close)
    resolve(results);
  }

  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    // Everything sent and unanswered goes back on the queue, for the main thread.
    const unanswered = this.sent.splice(0).flat();
    this.queue.splice(this.head, 0, ...unanswered);
    this.settle();
  }
}
