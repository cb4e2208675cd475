// Worker thread started before the files are known (src/core/warm-worker.ts): it loads the
// TypeScript front end at once, while the main thread loads the registry, lists and prefilters the
// files, then analyses the files it is sent, batch by batch, until told there are no more (other
// languages' front ends load on their first file).
import { parentPort, workerData } from 'node:worker_threads';
import type { FrontEndOptions } from './facts.js';
import { runFrontEnd, type FileAnalysis, type PendingFile } from './analyze-file.js';
import { loadFrontEnds } from '../languages/index.js';
import { configureCodeCache } from './code-cache.js';
import { adoptScanTiering } from './v8-flags.js';

export type ToWorker = { kind: 'preload' } | { kind: 'batch'; options: FrontEndOptions; files: PendingFile[] } | { kind: 'end' };
/** workerData: load the TypeScript compiler at once (the project looks like a JS/TS one), or wait for 'preload' or a TS file. */
export interface WorkerStart {
  preloadTypeScript: boolean;
  /** The main thread's code cache directory (core/code-cache.ts): read here, written only there. */
  codeCache: string | null;
  /** The main thread runs under the CLI's V8 tiering (core/v8-flags.ts). */
  scanTiering: boolean;
}
export type FromWorker = { kind: 'results'; results: FileAnalysis[] };

const port = parentPort;
if (port) {
  configureCodeCache((workerData as WorkerStart | undefined)?.codeCache ?? null, { write: false });
  if ((workerData as WorkerStart | undefined)?.scanTiering) adoptScanTiering();
  const queue: { options: FrontEndOptions; files: PendingFile[] }[] = [];
  let draining = false;
  let ended = false;
  let preloading: Promise<void> | undefined;
  const preload = (): Promise<void> =>
    (preloading ??= (async () => {
      await loadFrontEnds(['typescript', 'javascript']);
      await import('../languages/typescript/index.js'); // the compiler, which the front end imports on its first file
    })());
  if ((workerData as WorkerStart | undefined)?.preloadTypeScript) void preload();

  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    if (preloading) await preloading; // other front ends load on their first file (runFrontEnd)
    while (queue.length > 0) {
      const { options, files } = queue.shift()!;
      const results: FileAnalysis[] = [];
      for (const file of files) results.push(await runFrontEnd(file, options));
      port.postMessage({ kind: 'results', results } satisfies FromWorker);
    }
    draining = false;
    if (ended) port.close();
  };

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'preload') {
      void preload();
      return;
    }
    if (message.kind === 'end') {
      ended = true;
      if (!draining) port.close();
      return;
    }
    queue.push({ options: message.options, files: message.files });
    void drain();
  });
}
