// Worker thread started before the files are known (src/core/warm-worker.ts): it loads the
// TypeScript front end at once, while the main thread loads the registry, lists and prefilters the
// files, then analyses the files it is sent, batch by batch, until told there are no more (other
// languages' front ends load on their first file).
import { parentPort } from 'node:worker_threads';
import type { FrontEndOptions } from './facts.js';
import { runFrontEnd, type FileAnalysis, type PendingFile } from './analyze-file.js';
import { loadFrontEnds } from '../languages/index.js';

export type ToWorker = { kind: 'batch'; options: FrontEndOptions; files: PendingFile[] } | { kind: 'end' };
export type FromWorker = { kind: 'ready' } | { kind: 'results'; results: FileAnalysis[] };

const port = parentPort;
if (port) {
  const queue: { options: FrontEndOptions; files: PendingFile[] }[] = [];
  let draining = false;
  let ended = false;
  const loaded = (async () => {
    await loadFrontEnds(['typescript', 'javascript']);
    await import('../languages/typescript/index.js'); // the compiler, which the front end imports on first use
    port.postMessage({ kind: 'ready' } satisfies FromWorker);
  })();

  const drain = async (): Promise<void> => {
    if (draining) return;
    draining = true;
    await loaded;
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
    if (message.kind === 'end') {
      ended = true;
      if (!draining) port.close();
      return;
    }
    queue.push({ options: message.options, files: message.files });
    void drain();
  });
}
