// The second analysis a cross-file pass asks for (env-key-helpers.ts, env-copy-helpers.ts): each
// picked file analysed again with the pass's options, or taken from the result cache's stored
// re-analysis under the pass's digest, and stored there (before the pass marks any fact).
import { isPending, loadForReanalysis, type FileAnalysis, type PendingFile } from './analyze-file.js';
import type { FrontEndOptions } from './facts.js';
import type { ProjectTexts } from './project-texts.js';
import type { ReanalysisStore } from './reanalysis-store.js';
import type { WarmWorker } from './warm-worker.js';
import { reanalyseAll } from './worker-pool.js';

export interface Reanalysis {
  root: string;
  options: FrontEndOptions;
  maxBytes: number;
  texts: ProjectTexts;
  /** The pass's inputs (passDigest): a stored re-analysis under another digest is not this one. */
  digest: string;
  warm?: WarmWorker;
  store?: ReanalysisStore;
}

/** Replaces `analyses[i]` for each of `picked` with its re-analysis. */
export async function reanalyseFiles(analyses: FileAnalysis[], picked: readonly number[], pass: Reanalysis): Promise<void> {
  const jobs: { at: number; file: PendingFile; options: FrontEndOptions }[] = [];
  for (const at of picked) {
    const { file, language } = analyses[at];
    const kept = pass.store?.get(file, pass.digest);
    if (kept) {
      analyses[at] = kept;
      continue;
    }
    const loaded = await loadForReanalysis(pass.root, file, pass.options, pass.maxBytes);
    // A file the prefilter skips (no env vocabulary at all) is analysed all the same: the pass's text test picked it.
    const pending = isPending(loaded) ? loaded : loaded.prefiltered && language ? pass.texts.pending(file, language) : null;
    if (pending) jobs.push({ at, file: pending, options: pass.options });
  }
  const again = await reanalyseAll(jobs, pass.warm);
  jobs.forEach((job, k) => {
    analyses[job.at] = again[k];
    pass.store?.put(job.file.file, pass.digest, again[k]);
  });
}
