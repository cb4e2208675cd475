// The per-file front-end pass through the cache: files whose content hashes as when they were
// stored get their stored analysis; only the others are read by the front ends (analyzeAll).
import path from 'node:path';
import { analyzeAll, type PoolOptions } from '../core/worker-pool.js';
import type { FileAnalysis } from '../core/analyze-file.js';
import type { ResultCache } from './result-cache.js';

export interface CachedAnalyses {
  analyses: FileAnalysis[];
  /** Relative path -> content hash of every file this pass read (the leak cache reuses them). */
  hashes: Map<string, string>;
}

export async function analyzeAllCached(cache: ResultCache, pool: PoolOptions): Promise<CachedAnalyses> {
  const hashes = new Map<string, string>();
  const found = new Map<string, FileAnalysis>();
  const missing: string[] = [];
  for (const file of pool.files) {
    const hash = cache.hasher.hash(file, pool.maxBytes);
    if (hash !== undefined) hashes.set(file, hash);
    const cached = hash === undefined ? undefined : cache.analysis(file, hash);
    if (cached) found.set(file, cached);
    else missing.push(file);
  }
  cache.hits += found.size;
  cache.misses += missing.length;
  const fresh = missing.length > 0 ? await analyzeAll({ ...pool, files: missing }) : [];
  for (const analysis of fresh) {
    const hash = hashes.get(analysis.file);
    if (hash !== undefined) cache.store(analysis.file, hash, analysis);
    found.set(analysis.file, analysis);
  }
  cache.keepOthers(new Set(pool.files));
  return { analyses: pool.files.map((file) => found.get(file)!).filter(Boolean), hashes };
}

/**
 * Gives the files served without their exported constants (src/cache/result-cache.ts) those
 * constants back when constant resolution may use them: a read keyed by an identifier that one of
 * them exports, or a relative import that may name the file. The front end runs again on just
 * those files; only their constants are taken (later passes may have marked the facts already).
 */
export async function restoreConstants(cache: ResultCache, analyses: FileAnalysis[], pool: Omit<PoolOptions, 'files'>): Promise<void> {
  if (cache.strippedConstants.size === 0) return;
  const heads = new Set<string>();
  const bases: string[] = [];
  for (const analysis of analyses) {
    for (const fact of analysis.facts?.facts ?? []) {
      if (fact.kind !== 'env-read' || fact.name !== null || !fact.constRef) continue;
      heads.add(fact.constRef.identifier.split('.')[0]);
      const from = fact.constRef.from;
      if (from?.startsWith('.')) bases.push(path.posix.normalize(path.posix.join(path.posix.dirname(analysis.file), from.replace(/\.[cm]?js$/, ''))));
    }
  }
  const wanted = analyses.filter((analysis) => {
    const names = cache.strippedConstants.get(analysis.file);
    if (!names || analysis.exportedConstants !== undefined) return false; // not stripped, or replaced by a later pass
    return names.some((name) => heads.has(name.split('.')[0])) || bases.some((base) => analysis.file.startsWith(base));
  });
  if (wanted.length === 0) return;
  const fresh = new Map((await analyzeAll({ ...pool, files: wanted.map((a) => a.file), workers: 0 })).map((a) => [a.file, a]));
  for (const analysis of wanted) {
    const constants = fresh.get(analysis.file)?.exportedConstants;
    if (constants) analysis.exportedConstants = constants;
  }
}
