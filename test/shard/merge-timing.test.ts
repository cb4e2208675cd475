// `--timing` reports of shards merge to the wall time of the parallel run: the slowest shard's
// `stats.ms`, `leakMs` as the slowest of each, and the phase split of that slowest shard (the
// phases of one scan, which add up to its `ms`), never a mix of shards.
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/core/finding.js';
import type { ScanPhases } from '../../src/core/phase-clock.js';
import { toJson } from '../../src/reporters/index.js';
import { markShardReport } from '../../src/shard/marks.js';
import { mergeReports } from '../../src/shard/merge.js';
import { ALL_RULES } from '../../src/rules/index.js';

function timedResult(files: number, ms: number, leakMs: number, phases: ScanPhases): ScanResult {
  return { root: '/work/project', findings: [], suppressed: [], errors: [], stats: { files, filesByLanguage: { typescript: files }, ms, prefiltered: 0, leakMs, phases }, enabledRules: [{ id: 'no-direct-env-read', level: 'error' }] };
}

describe('merge of timed JSON reports', () => {
  it('keeps the time of the slowest shard and its own phase split', () => {
    const ctx = { rules: ALL_RULES.map((r) => r.meta), toolVersion: '1.2.3', color: false, timing: true };
    const fast: ScanPhases = { config: 10, discovery: 5, files: 300, crossFile: 5, leak: 900, rules: 10 };
    const slow: ScanPhases = { config: 12, discovery: 6, files: 900, crossFile: 4, leak: 200, rules: 8 };
    const parts = [timedResult(7, 1230, 900, fast), timedResult(9, 1130, 200, slow)];
    // Shard 1 has the longer ms even though shard 2 has the longer file phase.
    const reports = parts.map((part, i) => {
      const info = { index: i + 1, count: 2, mode: 'path-hash' as const, owns: () => true, scanKey: 'k' };
      return { name: `shard-${i + 1}.json`, text: markShardReport('json', toJson(part, ctx), info, 'clavis-lint/') };
    });
    const merged = JSON.parse(mergeReports(reports).text);
    expect(merged.stats).toEqual({ files: 16, filesByLanguage: { typescript: 16 }, ms: 1230, prefiltered: 0, leakMs: 900, phases: fast });
  });
});
