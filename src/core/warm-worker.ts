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
import type { FromWorker, ToWorker, WorkerStart } from './typescript-worker.js';

/** TS/JS files in the file list from which a project that did not look like one gets the compiler preloaded. */
const PRELOAD_AT = 20;
const SCRIPT = /\.[cm]?[jt]sx?$/;
/** Files per message: small enough to keep both threads busy to the end, large enough to cost little. */
const BATCH = 8;
/** Files the worker may hold before more are sent: one batch being analysed and one waiting. */
const IN_FLIGHT = 2 * BATCH;

export interface WarmWorker {
  /** Queues a file that passed the prefilter; it is sent when the worker has room. */
  add(file: PendingFile): void;
  /** Sends what the worker has room for (call it when the main thread can take messages). */
  pump(): void;
  /** The next queued file for the main thread to analyse itself, if any. */
  take(): PendingFile | undefined;
  queued(): number;
  /**
   * No more files: resolves with the worker's analyses once it has answered every file sent. If it
   * failed, the files it never answered are back on the queue (`take`) for the main thread.
   */
  finish(): Promise<FileAnalysis[]>;
  /** The file list is known: load the compiler now if it holds enough TS/JS files to be worth it. */
  preloadFor(files: string[]): void;
  /** Never used: stop the thread. */
  stop(): void;
  /** analyzeAll takes the worker once, with the scan's front-end options; later calls on the same pool run as before. */
  claim(options: FrontEndOptions): boolean;
  /** Files the worker has analysed so far (progress). */
  done(): number;
}

/**
 * Starts the worker when it can pay: more than one core, a compiled worker script, and no
 * explicit worker count (`--workers`, the Action's in-process scan, tests).
 */
/** A JS/TS project by its root: the warm worker loads the compiler at once. */
export function looksLikeScriptProject(root: string): boolean {
  return ['package.json', 'tsconfig.json', 'deno.json'].some((name) => fs.existsSync(path.join(root, name)));
}

/** Enough TS/JS files in the list for the warm worker to load the compiler before the prefilter has found one. */
export function enoughScripts(files: string[]): boolean {
  let scripts = 0;
  for (const file of files) if (SCRIPT.test(file) && ++scripts >= PRELOAD_AT) return true;
  return false;
}

export function startWarmWorker(workers: number | undefined, root: string): WarmWorker | undefined {
  if (workers !== undefined) return undefined;
  if ((os.availableParallelism?.() ?? os.cpus().length) < 2) return undefined;
  const script = fileURLToPath(new URL('./typescript-worker.js', import.meta.url));
  if (!fs.existsSync(script)) return undefined;
  // A JS/TS project: load the compiler now. Otherwise only once the file list shows enough TS/JS
  // files (preloadFor): a Python or Rust project with a few scripts, which usually all fail the
  // prefilter, should not pay a compiler load (about a quarter of a second and 100 MB).
  const start: WorkerStart = { preloadTypeScript: looksLikeScriptProject(root) };
  let worker: Worker;
  try {
    worker = new Worker(script, { workerData: start });
  } catch {
    return undefined;
  }
  return queueFor(worker);
}

/** The queue around a started worker (exported for tests, which give it a worker that fails). */
export function queueFor(worker: Worker): WarmWorker {
  const queue = new QueuedWorker(worker);
  // Until analyzeAll claims it, nothing waits for the worker: a scan that stops early (a config
  // error) must not be held open by it. Unref'd after the listeners, which would ref it again.
  worker.unref();
  return queue;
}

class QueuedWorker implements WarmWorker {
  private readonly queue: PendingFile[] = [];
  private head = 0;
  /** Files sent and not yet returned, by batch, oldest first (the worker answers in order). */
  private readonly sent: PendingFile[][] = [];
  private inFlight = 0;
  private readonly results: FileAnalysis[] = [];
  private failed = false;
  private claimed = false;
  private finishing: { resolve: (results: FileAnalysis[]) => void } | undefined;
  private options: FrontEndOptions | undefined;

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => {
      if (message.kind !== 'results') return;
      this.sent.shift();
      this.inFlight -= message.results.length;
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

  done(): number {
    return this.results.length;
  }

  preloadFor(files: string[]): void {
    if (enoughScripts(files) && !this.failed) this.worker.postMessage({ kind: 'preload' } satisfies ToWorker);
  }

  add(file: PendingFile): void {
    this.queue.push(file);
  }

  pump(): void {
    const options = this.options;
    if (this.failed || !options) return;
    while (this.inFlight < IN_FLIGHT && this.queued() > 0) {
      const files = this.queue.slice(this.head, this.head + BATCH);
      this.head += files.length;
      this.sent.push(files);
      this.inFlight += files.length;
      this.worker.postMessage({ kind: 'batch', options, files } satisfies ToWorker);
    }
  }

  take(): PendingFile | undefined {
    return this.head < this.queue.length ? this.queue[this.head++] : undefined;
  }

  queued(): number {
    return this.queue.length - this.head;
  }

  finish(): Promise<FileAnalysis[]> {
    return new Promise((resolve) => {
      this.finishing = { resolve };
      this.settle();
    });
  }

  stop(): void {
    this.failed = true;
    void this.worker.terminate();
  }

  private settle(): void {
    if (!this.finishing || this.inFlight > 0 || (this.queued() > 0 && !this.failed)) return;
    this.finishing.resolve(this.results);
    this.finishing = undefined;
    this.worker.postMessage({ kind: 'end' } satisfies ToWorker);
    this.worker.unref();
  }

  private fail(): void {
    if (this.failed) return;
    this.failed = true;
    // Everything sent and unanswered goes back on the queue, for the main thread.
    const unanswered = this.sent.splice(0).flat();
    this.inFlight = 0;
    this.queue.splice(this.head, 0, ...unanswered);
    this.settle();
  }
}
