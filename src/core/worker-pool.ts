// Spreads file analysis over worker threads so both cores are used on large trees. Small scans
// (and runs from TypeScript sources, e.g. under vitest) stay in-process: starting a worker and
// loading grammars costs more than it saves below a few hundred files.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FrontEndOptions } from './facts.js';
import { analyzeFile, type FileAnalysis } from './analyze-file.js';

const MIN_FILES_FOR_WORKERS = 400;

export interface PoolOptions {
  root: string;
  files: string[];
  options: FrontEndOptions;
  maxBytes: number;
  /** 0 forces in-process; undefined picks by size and core count. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

function workerScript(): string | null {
  const url = new URL('./analyze-worker.js', import.meta.url);
  const file = fileURLToPath(url);
  return fs.existsSync(file) ? file : null;
}

export async function analyzeAll(pool: PoolOptions): Promise<FileAnalysis[]> {
  const script = workerScript();
  const cores = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  const count = pool.workers ?? (pool.files.length >= MIN_FILES_FOR_WORKERS ? Math.min(cores, 8) : 0);
  if (!script || count <= 1) return analyzeInProcess(pool);
  // Interleave so each worker gets a similar mix of large and small files.
  const batches: string[][] = Array.from({ length: count }, () => []);
  pool.files.forEach((file, i) => batches[i % count].push(file));
  let done = 0;
  const parts = await Promise.all(
    batches.map(
      (files) =>
        new Promise<FileAnalysis[]>((resolve, reject) => {
          const worker = new Worker(script, { workerData: { root: pool.root, files, options: pool.options, maxBytes: pool.maxBytes } });
          worker.once('message', (results: FileAnalysis[]) => {
            done += files.length;
            pool.onProgress?.(done, pool.files.length);
            resolve(results);
          });
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`analysis worker exited with code ${code}`));
          });
        }),
    ),
  );
  const byFile = new Map(parts.flat().map((r) => [r.file, r]));
  return pool.files.map((file) => byFile.get(file)!).filter(Boolean);
}

async function analyzeInProcess(pool: PoolOptions): Promise<FileAnalysis[]> {
  const results: FileAnalysis[] = [];
  let i = 0;
  for (const file of pool.files) {
    results.push(await analyzeFile(pool.root, file, pool.options, pool.maxBytes));
    if (++i % 200 === 0) pool.onProgress?.(i, pool.files.length);
  }
  return results;
}
