// A shard's part of a scan. A shard analyses its own files and what the cross-file passes need
// from other shards' files (per-file.ts: the front ends; leak-roots.ts: the TS leak Program) and
// reports only what is located in the files it owns; so the shards' findings, errors and file
// counts are disjoint slices of the unsharded report, and `merge` can rebuild it byte for byte.
import { hashText } from '../cache/hash.js';
import { toolVersion } from '../cli/version.js';
import type { PreparedProject } from '../core/engine.js';
import type { Finding, ScanError, ScanStats } from '../core/finding.js';
import type { ShardPlan } from './plan.js';

export interface ShardInfo {
  index: number;
  count: number;
  mode: ShardPlan['mode'];
  owns(file: string): boolean;
  /** Same for every shard of one scan (tool version, config, registry, rule levels, date): `merge` refuses reports that differ. */
  scanKey: string;
}

/** Identity of what was scanned and how; the project root is left out (CI runners may check out elsewhere). */
export function shardScanKey(prepared: PreparedProject): string {
  const root = prepared.config.root;
  const portable = (value: unknown): string => JSON.stringify(value ?? null).split(JSON.stringify(root).slice(1, -1)).join('<root>');
  const levels = prepared.rules.map((r) => [r.rule.meta.id, r.level, r.pathLevels ?? null]);
  return hashText(toolVersion(), portable({ ...prepared.config, cache: undefined }), portable(prepared.registry), portable(levels), prepared.today, String(prepared.hardCut)).slice(0, 32);
}

interface Restrictable {
  findings: Finding[];
  suppressed: Finding[];
  errors: ScanError[];
  stats: ScanStats;
  prepared: PreparedProject;
}

/**
 * Findings, errors and file counts of the owned files only. Raw findings were already filtered
 * before post-processing (less work); filtering again drops what post-processing adds in other
 * files (a directive there looks unused once that file's findings are gone).
 */
export function restrictToShard<T extends Restrictable>(
  output: T,
  plan: ShardPlan,
  analyses: ReadonlyArray<{ file: string; language: string | null; prefiltered?: boolean }>,
): T & { shard: ShardInfo } {
  const filesByLanguage: Record<string, number> = {};
  let files = 0;
  let prefiltered = 0;
  for (const analysis of analyses) {
    if (!plan.owns(analysis.file)) continue;
    if (analysis.language) {
      files++;
      filesByLanguage[analysis.language] = (filesByLanguage[analysis.language] ?? 0) + 1;
    }
    if (analysis.prefiltered) prefiltered++;
  }
  const sortedLanguages = Object.fromEntries(Object.entries(filesByLanguage).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    ...output,
    findings: output.findings.filter((f) => plan.owns(f.file)),
    suppressed: output.suppressed.filter((f) => plan.owns(f.file)),
    errors: output.errors.filter((e) => plan.owns(e.file)),
    stats: { ...output.stats, files, filesByLanguage: sortedLanguages, prefiltered },
    shard: { index: plan.index, count: plan.count, mode: plan.mode, owns: plan.owns, scanKey: shardScanKey(output.prepared) },
  };
}
