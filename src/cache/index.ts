// The engine's entry to the result cache: a few hooks, each a no-op when the cache is off.
import type fs from 'node:fs';
import path from 'node:path';
import type { FrontEndOptions } from '../core/facts.js';
import type { PreparedProject } from '../core/engine.js';
import type { PoolOptions } from '../core/worker-pool.js';
import type { FileAnalysis } from '../core/analyze-file.js';
import { toolVersion } from '../cli/version.js';
import { analyzeAllCached, restoreConstants } from './cached-analysis.js';
import { leakPassCached, type LeakPassResult } from './leak-cache.js';
import { ResultCache, scanKey } from './result-cache.js';
import { resolveCacheSettings, type CacheRequest } from './settings.js';
import { saveRegistryEntry } from './registry-cache.js';
import { readReplay, replayKey, writeReplay, type ReplayRequest, type StoredReport } from './report-replay.js';
import type { ReanalysisStore } from '../core/reanalysis-store.js';

export type { CacheRequest, ReplayRequest, StoredReport };
export { findingLines } from './report-replay.js';
export { DEFAULT_CACHE_DIR } from './settings.js';

export interface ScanCache {
  analyzeAll(pool: PoolOptions): Promise<FileAnalysis[]>;
  /** Before constants are resolved: exported constants of cached files that this scan may use. */
  restoreConstants(analyses: FileAnalysis[]): Promise<void>;
  /** Wraps the TS leak pass; `discovered` are every file of the scan (for tsconfig, package.json, lockfiles); `partition` names a shard's part of the pass (`--shard I/N`), kept apart from the whole. */
  leakPass(discovered: string[], partition?: string): (files: string[], run: () => Promise<LeakPassResult>) => Promise<LeakPassResult>;
  save(leakPassRan: boolean): void;
  /** After `save`: the stat of every file this scan read or trusted, as a replayed report must find them (report-replay.ts). */
  trustedStats(): Record<string, string>;
  /** Re-analyses of the cross-file passes, by file and the digest of what the pass adds to the options (src/core/reanalysis-store.ts). */
  reanalyses: ReanalysisStore;
  /** `hashed`: files read to hash them (the others were trusted by their stat); `leakRoots`: the TS leak pass's roots walked and reused (src/cache/leak-roots.ts). */
  summary(): { hits: number; misses: number; leakHit: boolean; notes: string[]; hashed: number; leakRoots?: { walked: number; reused: number; programFiles?: number; programs?: number; stubs?: number }; leakFullPass?: string };
}

/** The cache of this scan, or undefined when the caller asked for none or it is turned off. */
export function openScanCache(request: CacheRequest | undefined, prepared: PreparedProject, options: FrontEndOptions, taken?: ReadonlyMap<string, fs.Stats>): ScanCache | undefined {
  if (!request) return undefined;
  const { config, registry } = prepared;
  const settings = resolveCacheSettings(config.root, request, config.cache);
  if (!settings.enabled) return undefined;
  const cache = new ResultCache(settings, config.root, scanKeyOf(prepared, options), taken);
  let hashes = new Map<string, string>();
  let leakRan = false;
  let poolOptions: PoolOptions | undefined;
  return {
    async analyzeAll(pool) {
      poolOptions = pool;
      const result = await analyzeAllCached(cache, pool);
      hashes = result.hashes;
      return result.analyses;
    },
    restoreConstants: async (analyses) => {
      if (poolOptions) await restoreConstants(cache, analyses, poolOptions);
    },
    leakPass: (discovered, partition) => (files, run) => {
      leakRan = true;
      return leakPassCached(cache, { root: config.root, files, hashes, discovered, options, maxFileBytes: config.maxFileBytes, ...(partition ? { partition } : {}) }, run);
    },
    reanalyses: {
      get: (file, digest) => {
        const hash = hashes.get(file);
        return hash === undefined ? undefined : cache.reanalysis(file, hash, digest);
      },
      put: (file, digest, analysis) => {
        const hash = hashes.get(file);
        if (hash !== undefined) cache.storeReanalysis(file, hash, digest, analysis);
      },
    },
    save(leakPassRan) {
      if (!leakPassRan || !leakRan) cache.keepLeakEntry();
      cache.save();
      saveRegistryEntry(registry);
    },
    trustedStats: () => cache.hasher.trustedStats(),
    summary: () => ({ hits: cache.hits, misses: cache.misses, leakHit: cache.leakHit, notes: [...cache.notes], hashed: cache.hasher.hashed, ...(cache.leakRoots ? { leakRoots: { ...cache.leakRoots } } : {}), ...(cache.leakFullPass ? { leakFullPass: cache.leakFullPass } : {}) }),
  };
}

/** The result cache's scan key of this project and these front-end options. */
function scanKeyOf(prepared: PreparedProject, options: FrontEndOptions): string {
  const { config, registry } = prepared;
  // The root is left out, so a checkout restored elsewhere (another CI workspace) still hits.
  const portable = (value: unknown): unknown => JSON.parse(JSON.stringify(value).split(JSON.stringify(config.root).slice(1, -1)).join('<root>'));
  return scanKey({ toolVersion: toolVersion(), config: portable({ ...config, cache: undefined }), registry: portable(registry), frontEndOptions: options, maxFileBytes: config.maxFileBytes });
}

/** The inputs of a scan besides file contents that its report depends on (report-replay.ts). */
export interface ReplayInputs {
  /** Root-relative scanned paths ('' = the root). */
  targets: string[];
  files: readonly string[];
  discoveryErrors: unknown;
  /** Whatever else of the scan's options shapes the report (leak analysis skipped, overlapping findings merged). */
  flags: unknown;
}

export interface ReportReplay {
  /** The stored report when it holds for this scan. */
  stored(): StoredReport | undefined;
  /** The stats `stored` took (this scan's), for the result cache when the report did not hold. */
  taken: ReadonlyMap<string, fs.Stats>;
  /** Stores this scan's report, with the stats `cache` trusted (call after its `save`). */
  store(cache: ScanCache, report: StoredReport): void;
}

/** The replay of the last report, when the cache is on and the caller asked for one; the project's root-relative targets and files make the key. */
export function openReportReplay(request: CacheRequest | undefined, replay: ReplayRequest | undefined, prepared: PreparedProject, options: FrontEndOptions, inputs: ReplayInputs): ReportReplay | undefined {
  if (!request || !replay) return undefined;
  const { config } = prepared;
  const settings = resolveCacheSettings(config.root, request, config.cache);
  if (!settings.enabled) return undefined;
  const rules = prepared.rules.map((r) => [r.rule.meta.id, r.level, r.explicit, r.options, r.pathLevels?.map((p) => p.level) ?? null]);
  const key = replayKey({ scanKey: scanKeyOf(prepared, options), today: prepared.today, hardCut: prepared.hardCut, rules, ...inputs });
  const taken = new Map<string, fs.Stats>();
  return {
    stored: () => readReplay(settings, config.root, key, inputs.files, replay, taken),
    taken,
    store: (cache, report) => writeReplay(settings, config.root, key, inputs.files, cache.trustedStats(), replay.sourceLines ? report : { ...report, lines: undefined }),
  };
}

/** The scan's files without those inside the cache directory (when it lies under the root). */
export function withoutCacheDirectory(root: string, files: string[], request: CacheRequest | undefined, config: { location?: string } | undefined): string[] {
  const location = resolveCacheSettings(root, request, config).location;
  const rel = path.relative(root, location).split(path.sep).join('/');
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return files;
  return files.filter((file) => file !== rel && !file.startsWith(`${rel}/`));
}
