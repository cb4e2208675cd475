// The merged SARIF applies the reporter's caps again (20,000 results, 1,000 file notifications)
// over the shards' capped logs and gives the bytes of the unsharded log: built here from the
// reporter itself on a synthetic result too large for one log, split by file between two shards.
import { describe, expect, it } from 'vitest';
import type { Finding, ScanError, ScanResult } from '../../src/core/finding.js';
import { toJson, toSarif } from '../../src/reporters/index.js';
import { markShardReport } from '../../src/shard/marks.js';
import { mergeReports } from '../../src/shard/merge.js';
import { shardAutomationId } from '../../src/shard/spec.js';
import { ALL_RULES } from '../../src/rules/index.js';

function finding(file: string, line: number, severity: 'error' | 'warning'): Finding {
  return { ruleId: 'no-direct-env-read', severity, file, line, column: 1, endLine: line, endColumn: 5, message: 'Read through the resolver.', secretId: 'S', envName: 'S_KEY', fingerprint: `${file}:${line}` };
}

function result(findings: Finding[], errors: ScanError[], files: number): ScanResult {
  return { root: '/work/project', findings, suppressed: [], errors, stats: { files, filesByLanguage: { typescript: files }, ms: 0 }, enabledRules: [{ id: 'no-direct-env-read', level: 'error' }] };
}

describe('merge re-applies the SARIF caps', () => {
  it.each([
    [13_000, 700, false],
    [21_000, 1_100, true],
  ])('gives the unsharded bytes: %i findings and %i errors per shard (shards capped: %s)', (perShard, errorsPerShard, shardsCapped) => {
    const findings: Finding[] = [];
    const errors: ScanError[] = [];
    // Warnings in a/, a third of errors in b/ (the cap keeps errors first); the whole is always capped.
    for (let i = 0; i < perShard; i++) findings.push(finding(`a/f${String(i % 500).padStart(3, '0')}.ts`, i + 1, 'warning'), finding(`b/f${String(i % 500).padStart(3, '0')}.ts`, i + 1, i % 3 === 0 ? 'error' : 'warning'));
    for (let i = 0; i < errorsPerShard; i++) errors.push({ file: `a/e${i}.ts`, message: 'too large' }, { file: `b/e${i}.ts`, message: 'too large' });
    const ctx = { rules: ALL_RULES.map((r) => r.meta), toolVersion: '1.2.3', color: false };
    const inShard = (index: number) => (file: string) => (file.startsWith('a/') ? 1 : 2) === index;
    const shards = [1, 2].map((index) => {
      const owns = inShard(index);
      const part = result(findings.filter((f) => owns(f.file)), errors.filter((e) => owns(e.file)), 500);
      const info = { index, count: 2, mode: 'path-hash' as const, owns, scanKey: 'k' };
      return {
        sarif: markShardReport('sarif', toSarif(part, { ...ctx, automationId: shardAutomationId('clavis-lint/', info) }), info, 'clavis-lint/'),
        json: markShardReport('json', toJson(part, ctx), info, 'clavis-lint/'),
      };
    });
    const whole = result(findings, errors, 1000);
    for (const s of shards) {
      expect(s.sarif.includes('"results-capped"')).toBe(shardsCapped);
      expect(s.sarif.includes('"notifications-capped"')).toBe(shardsCapped);
    }
    const merged = mergeReports(shards.map((s, i) => ({ name: `shard-${i + 1}.sarif`, text: s.sarif })));
    expect(merged.text).toBe(toSarif(whole, ctx));
    expect(mergeReports(shards.map((s, i) => ({ name: `shard-${i + 1}.json`, text: s.json }))).text).toBe(toJson(whole, ctx));
  });
});
