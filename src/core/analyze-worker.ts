// Worker thread: runs front ends on a batch of already-read, prefiltered files.
import { parentPort, workerData } from 'node:worker_threads';
import type { FrontEndOptions } from './facts.js';
import { runFrontEnd, type PendingFile } from './analyze-file.js';
import { loadFrontEnds } from '../languages/index.js';
import { configureCodeCache } from './code-cache.js';
import { adoptScanTiering } from './v8-flags.js';

interface WorkerInput {
  files: PendingFile[];
  options: FrontEndOptions;
  /** The main thread's code cache directory (core/code-cache.ts): read here, written only there. */
  codeCache: string | null;
  /** The main thread runs under the CLI's V8 tiering (core/v8-flags.ts). */
  scanTiering: boolean;
}

const input = workerData as WorkerInput;
configureCodeCache(input.codeCache, { write: false });
if (input.scanTiering) adoptScanTiering();
await loadFrontEnds(new Set(input.files.map((file) => file.language)));
const results = [];
for (const pending of input.files) results.push(await runFrontEnd(pending, input.options));
parentPort?.postMessage(results);
