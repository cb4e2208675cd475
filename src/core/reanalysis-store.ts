// Where the cross-file passes (env-key helpers, env-object hand-offs) keep the files they analyse
// again: the result cache, when it is on (src/cache/index.ts). Keyed by the file (whose content
// hash the cache knows) and a digest of what the pass adds to the options, so an unchanged project
// served from the cache loads no front end for them (a warm TS scan would otherwise load the
// compiler, a quarter of a second, for a few callers of a helper).
import crypto from 'node:crypto';
import type { FileAnalysis } from './analyze-file.js';

export interface ReanalysisStore {
  get(file: string, digest: string): FileAnalysis | undefined;
  put(file: string, digest: string, analysis: FileAnalysis): void;
}

/** A digest of what a pass adds to the front-end options (a JSON-able value). */
export function passDigest(added: unknown): string {
  return crypto.createHash('sha256').update(JSON.stringify(added)).digest('hex').slice(0, 32);
}
