// What `merge` and `--shard` refuse (exit 2, one line naming the file and what was expected),
// and how ownership is decided without a workspace layout.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeTree } from '../support/run-cli.js';
import { hashShard, planShards, workspacePackages } from '../../src/shard/plan.js';
import { parseShardSpec } from '../../src/shard/spec.js';
import { runMain } from './in-process-cli.js';

let dir: string;
const out = (name: string): string => path.join(dir, 'out', name);

beforeAll(async () => {
  dir = writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
    'secrets.registry.yaml': 'version: 1\nsecrets:\n  - id: StripeSecretKey\n    env: STRIPE_SECRET_KEY\n    kind: secret\n',
    'a.ts': 'console.log(process.env.STRIPE_SECRET_KEY);\n',
    'b.py': 'import os\nprint(os.environ["STRIPE_SECRET_KEY"])\n',
  });
  for (const [args, name] of [
    [['--shard', '1/2', '-f', 'json'], 's1.json'],
    [['--shard', '2/2', '-f', 'json'], 's2.json'],
    [['--shard', '2/2', '-f', 'json', '--rule', 'no-direct-env-read=off'], 's2-other-rules.json'],
    [['--shard', '1/2', '-f', 'sarif'], 's1.sarif'],
    [['-f', 'json'], 'whole.json'],
  ] as Array<[string[], string]>) {
    const run = await runMain(['--no-cache', ...args, '-o', out(name)], dir);
    expect([0, 1], run.stderr).toContain(run.code);
  }
}, 120_000);

async function mergeError(...files: string[]): Promise<string> {
  const run = await runMain(['merge', ...files], dir);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  return run.stderr;
}

describe('merge refuses', () => {
  it('mixed formats, naming both files', async () => {
    expect(await mergeError(out('s1.json'), out('s1.sarif'))).toContain('s1.sarif is a SARIF log but');
  });
  it('another tool version', async () => {
    const data = JSON.parse(fs.readFileSync(out('s2.json'), 'utf8')) as { tool: { version: string } };
    data.tool.version = '0.0.0-other';
    fs.writeFileSync(out('s2-old.json'), JSON.stringify(data));
    expect(await mergeError(out('s1.json'), out('s2-old.json'))).toContain('s2-old.json was written by clavis-lint 0.0.0-other');
  });
  it('a shard of another scan (other rule levels)', async () => {
    expect(await mergeError(out('s1.json'), out('s2-other-rules.json'))).toContain('s2-other-rules.json comes from another scan');
  });
  it('a missing or repeated shard', async () => {
    expect(await mergeError(out('s1.json'))).toContain('shard 2/2 missing');
    expect(await mergeError(out('s1.json'), out('s1.json'), out('s2.json'))).toContain('are both shard 1/2');
  });
  it('an unsharded report, a file that is not JSON, a file that is missing', async () => {
    expect(await mergeError(out('whole.json'), out('s1.json'))).toContain('whole.json has no shard mark');
    fs.writeFileSync(out('junk.json'), 'not json');
    expect(await mergeError(out('junk.json'))).toContain('junk.json is not JSON');
    expect(await mergeError(out('nope.json'))).toContain('cannot read');
  });
  it('a --format other than the inputs', async () => {
    const run = await runMain(['merge', out('s1.json'), out('s2.json'), '--format', 'sarif'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("invalid --format 'sarif' for merge");
  });
  it('baselines that both hold a file', async () => {
    const baseline = JSON.stringify({ version: 1, tool: 'clavis-lint', files: { 'a.ts': { 'no-direct-env-read': { abc: 1 } } } });
    fs.writeFileSync(out('b1.json'), baseline);
    fs.writeFileSync(out('b2.json'), baseline);
    expect(await mergeError(out('b1.json'), out('b2.json'))).toContain('a.ts is in both');
  });
});

describe('--shard', () => {
  it.each(['0/2', '3/2', '1/0', '2', 'a/b', '1/2/3', '1/999', ' 1/2'])('rejects %j with exit 2', async (value) => {
    const run = await runMain(['--no-cache', '--shard', value], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid --shard');
    expect(run.stderr).toContain('expected I/N');
  });
  it('rejects a negative index with exit 2 (the argument parser takes -1/2 for an option)', async () => {
    const run = await runMain(['--no-cache', '--shard', '-1/2'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("'--shard'");
  });
  it('parses I/N', () => {
    expect(parseShardSpec('3/4')).toEqual({ index: 3, count: 4 });
    expect(parseShardSpec('1/1')).toEqual({ index: 1, count: 1 });
  });
});

describe('ownership', () => {
  it('without a workspace layout: a stable hash of the path, the same on every call', () => {
    const files = ['a.ts', 'b.py', 'src/c.ts', 'docs/x.md'];
    const plan = planShards(dir, files, { index: 1, count: 3 });
    expect(plan.mode).toBe('path-hash');
    for (const file of files) expect(plan.shardOf(file)).toBe(hashShard(file, 3));
    // sha1("a.ts") starts 0x02699cd6: pinned, so a Node or platform change cannot move files between shards unnoticed.
    expect(hashShard('a.ts', 1_000_000)).toBe((0x0269_9cd6 % 1_000_000) + 1);
  });
  it('reads pnpm-workspace.yaml packages, negations and nested packages', () => {
    const root = writeTree({
      'pnpm-workspace.yaml': 'packages:\n  - "apps/*"\n  - "packages/**"\n  - "!packages/skip"\n',
      'apps/web/package.json': '{}',
      'packages/ui/package.json': '{}',
      'packages/ui/inner/package.json': '{}',
      'packages/skip/package.json': '{}',
    });
    const files = ['apps/web/package.json', 'packages/ui/package.json', 'packages/ui/inner/package.json', 'packages/skip/package.json', 'apps/web/a.ts'];
    expect(workspacePackages(root, files)).toEqual(['packages/ui/inner', 'packages/ui', 'apps/web']);
  });
});
