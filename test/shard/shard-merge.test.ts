// Issue 12, "past one machine": a fixture monorepo scanned unsharded and in 1, 2 and 4 shards;
// `merge` of the shards' JSON and SARIF gives the unsharded bytes, every finding is reported by
// exactly one shard, and every SARIF (shard and merged) validates.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTree } from '../support/run-cli.js';
import { compileSarifValidator } from '../reporters/sarif-schema.js';
import { planShards } from '../../src/shard/plan.js';
import { MONOREPO_TREE } from './monorepo-tree.js';
import { runMain } from './in-process-cli.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  fingerprint: string;
  flow?: Array<{ file: string }>;
}

let dir: string;
const unsharded: Record<string, string> = {};

beforeAll(async () => {
  dir = writeTree(MONOREPO_TREE);
  for (const format of ['json', 'sarif']) {
    const run = await runMain(['--format', format, '--no-cache'], dir);
    expect(run.code, run.stderr).toBe(1);
    unsharded[format] = run.stdout;
  }
}, 120_000);

async function shardReports(format: string, count: number): Promise<string[]> {
  const files: string[] = [];
  for (let index = 1; index <= count; index++) {
    const file = path.join(dir, `out/shard-${index}-of-${count}.${format}`);
    const run = await runMain(['--format', format, '--no-cache', '--shard', `${index}/${count}`, '--output', file], dir);
    expect([0, 1], run.stderr).toContain(run.code);
    files.push(file);
  }
  return files;
}

describe('the fixture', () => {
  it('has what the comparison needs: a cross-package TS flow, a Python cross-file flow, Rust, docs drift, an unused suppression', () => {
    const findings = (JSON.parse(unsharded.json) as { findings: JsonFinding[] }).findings;
    const crossPackage = findings.find((f) => f.file === 'packages/app/src/main.ts' && f.ruleId === 'no-secret-in-log');
    expect(crossPackage?.flow?.some((step) => step.file.startsWith('packages/secrets/'))).toBe(true);
    const crossFilePython = findings.find((f) => f.file === 'services/py/app.py' && f.line === 6);
    expect(crossFilePython?.flow?.some((step) => step.file === 'services/py/helpers.py')).toBe(true);
    expect(findings.some((f) => f.file.endsWith('.rs'))).toBe(true);
    expect(findings.some((f) => f.ruleId === 'docs-drift')).toBe(true);
    expect(findings.some((f) => f.ruleId === 'unused-suppression')).toBe(true);
  });

  it('puts the two packages of the cross-package flow in different shards of 4 (the flow crosses shards)', () => {
    const files = Object.keys(MONOREPO_TREE);
    const plan = planShards(dir, files, { index: 1, count: 4 });
    expect(plan.mode).toBe('workspace');
    expect(plan.shardOf('packages/app/src/main.ts')).not.toBe(plan.shardOf('packages/secrets/src/index.ts'));
    // A package stays whole; files outside every package (registry, docs, services) form one unit.
    expect(plan.shardOf('packages/app/src/broken.ts')).toBe(plan.shardOf('packages/app/package.json'));
    expect(plan.shardOf('docs/secrets.md')).toBe(plan.shardOf('secrets.registry.yaml'));
  });
});

describe.each([1, 2, 4])('%i shard(s)', (count) => {
  it('merged JSON is byte-identical to the unsharded JSON, and each finding is in exactly one shard', async () => {
    const files = await shardReports('json', count);
    const merged = await runMain(['merge', ...files], dir);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(1); // as the unsharded scan: error findings
    expect(merged.stdout).toBe(unsharded.json);

    const all = (JSON.parse(unsharded.json) as { findings: JsonFinding[] }).findings.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.fingerprint}`);
    const perShard = files.flatMap((file) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { findings: JsonFinding[] }).findings.map((f) => `${f.file}:${f.line}:${f.ruleId}:${f.fingerprint}`));
    expect([...perShard].sort()).toEqual([...all].sort());
    expect(new Set(perShard).size).toBe(perShard.length);
  }, 120_000);

  it('merged SARIF is byte-identical to the unsharded SARIF; shard and merged logs validate; each shard has its own category', async () => {
    const files = await shardReports('sarif', count);
    const merged = await runMain(['merge', ...files, '--output', path.join(dir, 'out/merged.sarif')], dir);
    expect(merged.stderr).toBe('');
    expect(fs.readFileSync(path.join(dir, 'out/merged.sarif'), 'utf8')).toBe(unsharded.sarif);

    const validate = compileSarifValidator();
    const ids = new Set<string>();
    for (const file of [...files, path.join(dir, 'out/merged.sarif')]) {
      const log = JSON.parse(fs.readFileSync(file, 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> };
      expect(validate(log), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      ids.add(log.runs[0].automationDetails.id);
    }
    expect([...ids].sort()).toEqual([...Array.from({ length: count }, (_, i) => `clavis-lint/shard-${i + 1}-of-${count}/`), 'clavis-lint/'].sort());
  }, 120_000);
});

describe('baselines', () => {
  it('per-shard --update-baseline then merge gives the unsharded baseline, byte for byte', async () => {
    const whole = path.join(dir, 'out/whole.baseline.json');
    expect((await runMain(['--no-cache', '--update-baseline', '--baseline', whole], dir)).code).toBe(0);
    const parts: string[] = [];
    for (const index of [1, 2]) {
      const part = path.join(dir, `out/part-${index}.baseline.json`);
      expect((await runMain(['--no-cache', '--shard', `${index}/2`, '--update-baseline', '--baseline', part], dir)).code).toBe(0);
      parts.push(part);
    }
    const merged = await runMain(['merge', ...parts], dir);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(fs.readFileSync(whole, 'utf8'));

    // A shard applying the whole baseline reports nothing new and nothing stale (other shards' entries are not its business).
    const applied = await runMain(['--no-cache', '--shard', '2/2', '--baseline', whole], dir);
    expect(applied.code).toBe(0);
    expect(applied.stderr).not.toContain('stale baseline entry');
  }, 120_000);
});
