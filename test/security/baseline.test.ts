// Issue 13, item 8 and the baseline half of item 16: the baseline is applied to the whole scan
// before the diff filter, a partial run never calls entries of files it did not look at stale
// nor prunes them, and a corrupt or misplaced baseline is a clear exit 2, never "internal error".
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../support/run-cli.js';
import { git } from '../support/hermetic-git.js';

const REGISTRY = [
  'version: 1',
  'secrets:',
  '  - id: OpenRouterApiKey',
  '    env: OPENROUTER_API_KEY',
  '    kind: secret',
  '  - id: StripeSecretKey',
  '    env: STRIPE_SECRET_KEY',
  '    kind: secret',
  '',
].join('\n');
const BASELINE = 'baseline.json';

interface Report {
  findings: Array<{ file: string; line: number }>;
}

function commitAll(cwd: string, message: string): void {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '--no-gpg-sign', '-m', message]);
}

function scan(cwd: string, args: string[]): { code: number; where: string[]; stderr: string } {
  const run = runCli(['--format', 'json', ...args], cwd);
  expect(run.code, run.stderr).not.toBe(2);
  const findings = (JSON.parse(run.stdout) as Report).findings;
  return { code: run.code, where: findings.map((f) => `${f.file}:${f.line}`).sort(), stderr: run.stderr };
}

function baselineFiles(root: string): string[] {
  return Object.keys((JSON.parse(fs.readFileSync(path.join(root, BASELINE), 'utf8')) as { files: object }).files);
}

/** A repository whose base commit holds two files with findings, all of them in the baseline; then a change. */
function baselinedRepo(): string {
  const root = writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
    'secrets.registry.yaml': REGISTRY,
    'src/old.ts': 'export const a = process.env.OPENROUTER_API_KEY;\n',
    'src/edited.ts': 'export const b = process.env.STRIPE_SECRET_KEY;\nexport const unrelated = 1;\n',
  });
  git(root, ['init', '-q', '-b', 'main']);
  const update = runCli(['--update-baseline', '--baseline', BASELINE], root);
  expect(update.code, update.stderr).toBe(0);
  commitAll(root, 'base');
  fs.writeFileSync(path.join(root, 'src/edited.ts'), 'export const b = process.env.STRIPE_SECRET_KEY;\nexport const c = process.env.OPENROUTER_API_KEY;\n');
  fs.writeFileSync(path.join(root, 'src/added.ts'), 'export const d = process.env.STRIPE_SECRET_KEY;\n');
  commitAll(root, 'change');
  return root;
}

describe('item 8: --changed-since with a baseline', () => {
  it('applies the baseline before the diff filter: unchanged files have no stale entries', () => {
    const root = baselinedRepo();
    for (const filter of ['added', 'file']) {
      const run = scan(root, ['--changed-since', 'HEAD~1', '--diff-filter', filter, '--baseline', BASELINE]);
      expect(run.where).toEqual(['src/added.ts:1', 'src/edited.ts:2']);
      expect(run.stderr).not.toContain('stale');
    }
  });

  it('still reports an entry stale when its file is in the diff and the finding is gone', () => {
    const root = baselinedRepo();
    fs.writeFileSync(path.join(root, 'src/edited.ts'), 'export const b = 1;\n');
    const run = scan(root, ['--changed-since', 'HEAD~1', '--baseline', BASELINE]);
    expect(run.stderr).toMatch(/stale baseline entry: src\/edited\.ts no-direct-env-read/);
    expect(run.stderr).not.toContain('src/old.ts');
  });

  it('--update-baseline --changed-since replaces the changed files\' entries and keeps the others', () => {
    const root = baselinedRepo();
    const update = runCli(['--update-baseline', '--baseline', BASELINE, '--changed-since', 'HEAD~1'], root);
    expect(update.code, update.stderr).toBe(0);
    expect(baselineFiles(root)).toEqual(['src/added.ts', 'src/edited.ts', 'src/old.ts']);
    // The next full run is clean: nothing new, nothing stale.
    const full = scan(root, ['--baseline', BASELINE]);
    expect(full.where).toEqual([]);
    expect(full.code).toBe(0);
    expect(full.stderr).not.toContain('stale');
  });

  it('a run over some paths neither calls other files\' entries stale nor prunes them', () => {
    const root = baselinedRepo();
    const one = scan(root, ['src/edited.ts', '--baseline', BASELINE]);
    expect(one.stderr).not.toContain('stale');
    expect(one.where).toEqual(['src/edited.ts:2']);
    const update = runCli(['src/edited.ts', '--update-baseline', '--baseline', BASELINE], root);
    expect(update.code, update.stderr).toBe(0);
    expect(baselineFiles(root)).toEqual(['src/edited.ts', 'src/old.ts']);
  });

  it('a full --update-baseline still prunes the entries of a deleted file', () => {
    const root = baselinedRepo();
    fs.rmSync(path.join(root, 'src/old.ts'));
    expect(scan(root, ['--baseline', BASELINE]).stderr).toMatch(/stale baseline entry: src\/old\.ts/);
    expect(runCli(['--update-baseline', '--baseline', BASELINE], root).code).toBe(0);
    expect(baselineFiles(root)).toEqual(['src/added.ts', 'src/edited.ts']);
  });
});

describe('item 16: corrupt or misplaced baseline files', () => {
  const project = (baseline: string): string => writeTree({ 'a.ts': 'export {};\n', [BASELINE]: baseline });

  function rejected(baseline: string): string {
    const run = runCli(['--baseline', BASELINE], project(baseline));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).not.toContain('internal error');
    expect(run.stderr).toContain(BASELINE);
    expect(run.stderr).toContain('expected');
    return run.stderr;
  }

  const wrap = (files: unknown): string => JSON.stringify({ version: 1, tool: 'clavis-lint', files });

  it('names the JSON path of a wrong per-file, per-rule or count value', () => {
    expect(rejected(wrap({ 'src/a.ts': null }))).toContain('files["src/a.ts"] is null');
    expect(rejected(wrap({ 'src/a.ts': 7 }))).toContain('files["src/a.ts"] is a number');
    expect(rejected(wrap({ 'src/a.ts': [] }))).toContain('files["src/a.ts"] is an array');
    expect(rejected(wrap({ 'src/a.ts': { rule: 'x' } }))).toContain('files["src/a.ts"]["rule"] is a string');
    for (const count of [0, -1, 1.5, '2', null, { deeper: { still: 1 } }]) {
      expect(rejected(wrap({ 'src/a.ts': { rule: { abc: count } } }))).toContain('files["src/a.ts"]["rule"]["abc"]');
    }
  });

  it('rejects a deeply nested per-file value and wrong top-level shapes', () => {
    // Built as text: JSON.stringify itself would overflow the stack at this depth.
    const depth = 200_000;
    const deep = `{"version": 1, "files": {"src/a.ts": ${'{"x": '.repeat(depth)}1${'}'.repeat(depth)}}}`;
    expect(rejected(deep)).toContain('files["src/a.ts"]["x"]["x"]');
    expect(rejected(wrap([]))).toContain('"files" is an array');
    expect(rejected(JSON.stringify({ version: 1 }))).toContain('"files" is missing');
    expect(rejected('[]')).toContain('{"version": 1');
  });

  it('gives the line of a JSON syntax error and never quotes the text', () => {
    const stderr = rejected('{\n  "version": 1,\n  "files": { sk-test-FAKE-not-json }\n}\n');
    expect(stderr).toContain(`${BASELINE}:3:`);
    expect(stderr).not.toContain('FAKE');
  });

  it('--update-baseline into a missing directory is exit 2 naming it; nothing is created', () => {
    const root = project('{}');
    const run = runCli(['--update-baseline', '--baseline', 'missing/dir/b.json'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing/dir/b.json');
    expect(run.stderr).toContain('does not exist');
    expect(run.stderr).not.toContain('internal error');
    expect(fs.existsSync(path.join(root, 'missing'))).toBe(false);
  });

  it('--update-baseline onto a directory, or through a file, is exit 2', () => {
    const root = project('{}');
    fs.mkdirSync(path.join(root, 'adir'));
    const onto = runCli(['--update-baseline', '--baseline', 'adir'], root);
    expect(onto.code).toBe(2);
    expect(onto.stderr).toContain('adir: cannot write the baseline: the path is a directory');
    const through = runCli(['--update-baseline', '--baseline', 'a.ts/b.json'], root);
    expect(through.code).toBe(2);
    expect(through.stderr).toContain('is not a directory');
    expect(through.stderr).not.toContain('internal error');
  });

  it('--baseline naming a directory or a missing file is exit 2', () => {
    const root = project('{}');
    fs.mkdirSync(path.join(root, 'adir'));
    const dir = runCli(['--baseline', 'adir'], root);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toContain('is a directory');
    const missing = runCli(['--baseline', path.join(tempDir(), 'none.json')], root);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });
});
