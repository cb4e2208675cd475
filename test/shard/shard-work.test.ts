// Shards split the work, not only the report: the TS leak pass of a shard walks only the roots
// that can reach its files (src/shard/leak-roots.ts), and yet the merged report of all shards is
// the unsharded one, byte for byte, for findings that need other files' facts: a TS leak whose
// source, root and sink lie in three packages, Python and Rust helpers in other modules, a Python
// env-key helper, docs drift. Checked with and without a workspace layout (packages, path hash).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { REPO, writeTree } from '../support/run-cli.js';
import { planShards } from '../../src/shard/plan.js';
import { leakRootsForShard } from '../../src/shard/leak-roots.js';
import { frontEndOptionsFor, prepareProject, scan } from '../../src/core/engine.js';
import type { Finding } from '../../src/core/finding.js';
import { analyzeTypeScriptLeaks } from '../../src/leak/typescript/analyze.js';
import { crossFileTree } from './cross-file-tree.js';
import { runMain } from './in-process-cli.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  flow?: Array<{ file: string }>;
}

async function unshardedJson(dir: string): Promise<string> {
  const run = await runMain(['--format', 'json', '--no-cache'], dir);
  expect(run.code, run.stderr).toBe(1);
  return run.stdout;
}

async function mergedJson(dir: string, count: number, extra: string[] = []): Promise<{ merged: string; parts: string[] }> {
  const parts: string[] = [];
  for (let index = 1; index <= count; index++) {
    const file = path.join(dir, `out/shard-${index}-of-${count}.json`);
    const run = await runMain(['--format', 'json', ...extra, '--shard', `${index}/${count}`, '--output', file], dir);
    expect([0, 1], run.stderr).toContain(run.code);
    parts.push(file);
  }
  const merged = await runMain(['merge', ...parts], dir);
  expect(merged.stderr).toBe('');
  return { merged: merged.stdout, parts };
}

describe.each([
  ['workspace packages', true],
  ['path hash', false],
])('cross-file findings, ownership by %s', (_mode, workspaces) => {
  const tree = crossFileTree({ workspaces });
  const files = Object.keys(tree);

  it('the fixture has each cross-file case, and the tested shard counts split every pair it depends on', async () => {
    const dir = writeTree(tree);
    const findings = (JSON.parse(await unshardedJson(dir)) as { findings: JsonFinding[] }).findings;
    const at = (file: string, ruleId: string): JsonFinding | undefined => findings.find((f) => f.file === file && f.ruleId === ruleId);
    const tsLeak = at('packages/logging/src/log.ts', 'no-secret-in-log');
    expect(tsLeak?.flow?.map((step) => step.file)).toEqual(expect.arrayContaining(['packages/config/src/keys.ts', 'packages/api/src/handler.ts']));
    expect(at('services/py/logutil.py', 'no-secret-in-log')?.flow?.[0].file).toBe('services/py/app.py');
    expect(at('services/rs/src/util.rs', 'no-secret-in-log')?.flow?.[0].file).toBe('services/rs/src/main.rs'); // Rust cross-file leaks are filed at the sink too
    expect(findings.some((f) => f.file === 'services/py/app.py' && f.line === 6 && f.ruleId === 'no-direct-env-read')).toBe(true); // env_value("STRIPE_SECRET_KEY")
    expect(findings.some((f) => f.file.startsWith('services/py/envutil'))).toBe(false); // its read is resolved at the caller
    expect(findings.filter((f) => f.ruleId === 'docs-drift').length).toBeGreaterThan(0);
    expect(findings.find((f) => f.file === 'packages/api/src/billing.ts' && f.ruleId === 'no-direct-env-read')?.envName).toBe('STRIPE_SECRET_KEY');

    const pairs: Array<[string, string]> = [
      ['packages/logging/src/log.ts', 'packages/api/src/handler.ts'],
      ['packages/logging/src/log.ts', 'packages/config/src/keys.ts'],
      ['packages/api/src/billing.ts', 'packages/config/src/names.ts'],
      ...(workspaces
        ? []
        : ([
            ['services/py/logutil.py', 'services/py/app.py'],
            ['services/py/envutil.py', 'services/py/app.py'],
            ['services/rs/src/util.rs', 'services/rs/src/main.rs'],
            ['docs/secrets.md', 'packages/config/src/keys.ts'],
          ] as Array<[string, string]>)),
    ];
    for (const [a, b] of pairs) {
      const split = [2, 3, 4].some((count) => {
        const plan = planShards(dir, files, { index: 1, count });
        return plan.shardOf(a) !== plan.shardOf(b);
      });
      expect(split, `${a} and ${b} are in one shard for every tested count`).toBe(true);
    }
  }, 120_000);

  it.each([2, 3, 4])('merge of %i shards is byte-identical to the unsharded JSON', async (count) => {
    const dir = writeTree(tree);
    const unsharded = await unshardedJson(dir);
    expect((await mergedJson(dir, count, ['--no-cache'])).merged).toBe(unsharded);
  }, 120_000);
});

describe('--policy-from', () => {
  it('policy-weakened findings (a lowered rule, a new suppression in a package) come out of the shards as from one scan', async () => {
    const tree = crossFileTree({ workspaces: true });
    const base = writeTree({ '.clavis-lint.yaml': tree['.clavis-lint.yaml'], 'secrets.registry.yaml': tree['secrets.registry.yaml'] });
    const dir = writeTree({
      ...tree,
      '.clavis-lint.yaml': `${tree['.clavis-lint.yaml']}rules:\n  no-direct-env-read: warn\n`,
      'packages/logging/src/log.ts': tree['packages/logging/src/log.ts'].replace('  console.log', '  // clavis-lint-disable-next-line no-secret-in-log -- reviewed\n  console.log'),
    });
    const run = async (shard?: { index: number; count: number }) => (await scan({ cwd: dir, workers: 0, policyFrom: { dir: base }, ...(shard ? { shard } : {}) })).findings;
    const whole = await run();
    expect(whole.filter((f) => f.ruleId === 'policy-weakened').map((f) => f.file)).toEqual(expect.arrayContaining(['.clavis-lint.yaml', 'packages/logging/src/log.ts']));
    for (const count of [2, 4]) {
      const parts: Finding[] = [];
      for (let index = 1; index <= count; index++) parts.push(...(await run({ index, count })));
      // Each shard's findings are sorted, files are disjoint: a stable sort by file rebuilds the whole list.
      const merged = parts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
    }
  }, 120_000);
});

describe('the leak pass of a shard', () => {
  it('keeps the roots that are owned or import an owned file, in their order', () => {
    const imports: Record<string, string[]> = { '/a': ['/lib'], '/b': ['/c'], '/c': ['/own'], '/d': [], '/own': [] };
    const owns = (file: string): boolean => file === '/own' || file === '/d';
    expect(leakRootsForShard(['/a', '/b', '/d', '/c'], owns, (file) => imports[file] ?? [])).toEqual(['/b', '/d', '/c']);
    expect(leakRootsForShard(['/a', '/b'], () => false, (file) => imports[file] ?? [])).toEqual([]);
  });

  it('builds a Program only over what reaches the owned files, and still finds the leak whose source and root lie in other shards', async () => {
    const dir = writeTree(crossFileTree({ workspaces: true }));
    const prepared = await prepareProject({ cwd: dir });
    const options = { ...frontEndOptionsFor(prepared.config, prepared.registry), leakAnalysis: true };
    const tsFiles = ['packages/config/src/keys.ts', 'packages/logging/src/log.ts', 'packages/api/src/handler.ts'].map((file) => path.join(dir, file));
    const under = (prefix: string) => (file: string) => path.relative(fs.realpathSync(dir), fs.realpathSync(file)).startsWith(prefix);
    const relative = (files: Iterable<string> | undefined): string[] => [...(files ?? [])].map((file) => path.relative(fs.realpathSync(dir), fs.realpathSync(file))).sort();

    const logging = await analyzeTypeScriptLeaks({ root: dir, files: tsFiles, options, owns: under('packages/logging/') });
    expect(relative(logging.facts.keys())).toEqual(['packages/logging/src/log.ts']);
    expect(relative(logging.loadedFiles)).toEqual(['packages/api/src/handler.ts', 'packages/config/src/keys.ts', 'packages/logging/src/log.ts']);

    const services = await analyzeTypeScriptLeaks({ root: dir, files: tsFiles, options, owns: under('services/') });
    expect(services.facts.size).toBe(0);
    expect(services.loadedFiles ?? []).toEqual([]); // no root reaches a file of this shard: no TS parsed for the pass
  }, 120_000);

  it('a shard keeps its own leak-pass cache entry: the whole scan after a shard, and a shard after the whole, report as without a cache', async () => {
    const dir = writeTree(crossFileTree({ workspaces: true }));
    const unsharded = await unshardedJson(dir);
    const noCacheShard = (await runMain(['--format', 'json', '--no-cache', '--shard', '1/4'], dir)).stdout;
    const cache = ['--cache', '--cache-location', path.join(dir, 'out/cache')];
    expect((await runMain(['--format', 'json', ...cache, '--shard', '1/4'], dir)).stdout).toBe(noCacheShard);
    expect((await runMain(['--format', 'json', ...cache], dir)).stdout).toBe(unsharded);
    expect((await runMain(['--format', 'json', ...cache, '--shard', '1/4'], dir)).stdout).toBe(noCacheShard);
    expect((await mergedJson(dir, 4, cache)).merged).toBe(unsharded);
  }, 120_000);

  it('a shard run again on its warm cache reuses its leak-pass entry (files it only checked keep their skipped-as-minified state)', async () => {
    const dir = writeTree({ ...crossFileTree({ workspaces: true }), 'packages/api/src/inline-data.ts': `export const data = "${'x'.repeat(1500)}";\n` });
    const location = path.join(dir, 'out/cache');
    const files = Object.keys(crossFileTree({ workspaces: true }));
    // Files written just now are never trusted by their stat (src/cache): date them back, as a checkout's are.
    for (const file of [...files, 'packages/api/src/inline-data.ts']) fs.utimesSync(path.join(dir, file), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
    const index = planShards(dir, files, { index: 1, count: 4 }).shardOf('packages/logging/src/log.ts');
    // Each run in its own process (built lib/), as in CI: a warm run loads no front end unless asked to.
    const script = `const { scan } = await import(${JSON.stringify(pathToFileURL(path.join(REPO, 'lib/index.js')).href)});
const r = await scan({ cwd: ${JSON.stringify(dir)}, workers: 0, cache: { enabled: true, location: ${JSON.stringify(location)} }, shard: { index: ${index}, count: 4 } });
console.log(JSON.stringify({ leakHit: r.cache.leakHit, hits: r.cache.hits, findings: r.findings }));`;
    const run = (): { leakHit: boolean; hits: number; findings: Finding[] } => {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      return JSON.parse(child.stdout) as { leakHit: boolean; hits: number; findings: Finding[] };
    };
    let cold = run();
    let warm = run();
    // lib/ is shared: a rebuild between the two runs changes the cache key (no hit at all); run the pair again.
    if (warm.hits === 0) {
      cold = run();
      warm = run();
    }
    expect(warm.hits).toBeGreaterThan(0);
    expect(warm.leakHit).toBe(true);
    expect(JSON.stringify(warm.findings)).toBe(JSON.stringify(cold.findings));
    expect(cold.findings.some((f) => f.file === 'packages/logging/src/log.ts' && f.ruleId === 'no-secret-in-log')).toBe(true);
  }, 120_000);
});
