// Worker thread: analyses a batch of files and posts the results back. Facts are plain data.
import { parentPort, workerData } from 'node:worker_threads';
import type { FrontEndOptions } from './facts.js';
import { analyzeFile } from './analyze-file.js';

interface WorkerInput {
  root: string;
  files: string[];
  options: FrontEndOptions;
  maxBytes: number;
}

const input = workerData as WorkerInput;
const results = [];
for (const file of input.files) results.push(await analyzeFile(input.root, file, input.options, input.maxBytes));
parentPort?.postMessage(results);
