// PR-diff mode (`--changed-since`, `--diff-filter`) and the baseline (`--update-baseline`,
// `--baseline`), end to end through the real binary on real temporary git repositories.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir, writeTree } from '../support/run-cli.js';
import { git } from '../support/hermetic-git.js';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  severity: string;
  fingerprint: string;
}

const REGISTRY = [
  'version: 1',
  'resolver:',
  '  paths: ["src/secrets/**"]',
  'secrets:',
  '  - id: OpenRouterApiKey',
  '    env: OPENROUTER_API_KEY',
  '    kind: secret',
  '  - id: StripeSecretKey',
  '    env: STRIPE_SECRET_KEY',
  '    kind: secret',
  '',
].join('\n');

function commitAll(cwd: string, message: string): void {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '--no-gpg-sign', '-m', message]);
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

function scanJson(cwd: string, args: string[]): { code: number; findings: JsonFinding[]; stderr: string } {
  const run = runCli(['--format', 'json', ...args], cwd);
  if (run.code === 2) throw new Error(`clavis-lint failed: ${run.stderr}`);
  const parsed = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  return { code: run.code, findings: parsed.findings, stderr: run.stderr };
}

const where = (findings: JsonFinding[]): string[] => findings.map((f) => `${f.file}:${f.line}`).sort();

/**
 * Base commit: `old.ts` (untouched later) and `edited.ts` each with one direct read.
 * The change: `edited.ts` gains a second read on an added line and `added.ts` is new.
 */
function repoWithChange(): string {
  const root = writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
    'secrets.registry.yaml': REGISTRY,
    'src/old.ts': 'export const a = process.env.OPENROUTER_API_KEY;\n',
    'src/edited.ts': 'export const b = process.env.STRIPE_SECRET_KEY;\nexport const unrelated = 1;\n',
  });
  git(root, ['init', '-q', '-b', 'main']);
  commitAll(root, 'base');
  return root;
}

function applyChange(root: string): void {
  write(root, 'src/edited.ts', 'export const b = process.env.STRIPE_SECRET_KEY;\nexport const unrelated = 2;\nexport const c = process.env.OPENROUTER_API_KEY;\n');
  write(root, 'src/added.ts', '\nexport const d = process.env.STRIPE_SECRET_KEY;\n');
}

describe('PR-diff mode', () => {
  const root = repoWithChange();
  applyChange(root);
  commitAll(root, 'change');

  it('--diff-filter added reports only findings on added lines', () => {
    const run = scanJson(root, ['--changed-since', 'HEAD~1', '--diff-filter', 'added']);
    expect(where(run.findings)).toEqual(['src/added.ts:2', 'src/edited.ts:3']);
    expect(run.code).toBe(1);
  });

  it('--diff-filter file reports every finding in changed files', () => {
    const run = scanJson(root, ['--changed-since', 'HEAD~1', '--diff-filter', 'file']);
    expect(where(run.findings)).toEqual(['src/added.ts:2', 'src/edited.ts:1', 'src/edited.ts:3']);
  });

  it('--diff-filter none reports everything, and without --changed-since nothing is filtered', () => {
    const all = ['src/added.ts:2', 'src/edited.ts:1', 'src/edited.ts:3', 'src/old.ts:1'];
    expect(where(scanJson(root, ['--changed-since', 'HEAD~1', '--diff-filter', 'none']).findings)).toEqual(all);
    expect(where(scanJson(root, []).findings)).toEqual(all);
  });

  it('passes when the change adds no finding, although old findings remain', () => {
    const clean = repoWithChange();
    write(clean, 'src/edited.ts', 'export const b = process.env.STRIPE_SECRET_KEY;\nexport const unrelated = 3;\n');
    commitAll(clean, 'harmless');
    const run = scanJson(clean, ['--changed-since', 'HEAD~1', '--diff-filter', 'added']);
    expect(run.findings).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('counts uncommitted and untracked files as changed', () => {
    const local = repoWithChange();
    applyChange(local);
    const run = scanJson(local, ['--changed-since', 'HEAD', '--diff-filter', 'added']);
    expect(where(run.findings)).toEqual(['src/added.ts:2', 'src/edited.ts:3']);
  });

  it('works on a shallow fetch-depth: 2 clone of a PR merge commit, with HEAD^1', () => {
    // GitHub checks out refs/pull/N/merge: a merge commit whose first parent is the base branch.
    const origin = repoWithChange();
    git(origin, ['checkout', '-q', '-b', 'feature']);
    applyChange(origin);
    commitAll(origin, 'feature');
    git(origin, ['checkout', '-q', 'main']);
    write(origin, 'README.md', 'main moved on\n');
    commitAll(origin, 'main moves on');
    git(origin, ['merge', '-q', '--no-ff', '--no-gpg-sign', '-m', 'merge feature', 'feature']);

    const clone = path.join(tempDir(), 'clone');
    git(REPO, ['clone', '-q', '--depth', '2', `file://${origin}`, clone]);
    expect(git(clone, ['rev-parse', '--is-shallow-repository']).trim()).toBe('true');
    const run = scanJson(clone, ['--changed-since', 'HEAD^1', '--diff-filter', 'added']);
    expect(where(run.findings)).toEqual(['src/added.ts:2', 'src/edited.ts:3']);
  });

  it('rejects a ref that is not in the (shallow) history with exit 2 and a hint', () => {
    const run = runCli(['--changed-since', 'no-such-ref'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no-such-ref');
    expect(run.stderr).toContain('HEAD^1');
  });

  it('rejects an unknown --diff-filter with exit 2', () => {
    const run = runCli(['--changed-since', 'HEAD~1', '--diff-filter', 'lines'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('added|file|none');
  });
});

describe('baseline on examples/demo', () => {
  const BASELINE = '.clavis-lint-baseline.json';
  const strict = ['--baseline', BASELINE, '--max-warnings', '0'];
  // One baseline run on a pristine copy; each test edits its own copy of that copy (scans are the slow part).
  let pristine = '';
  let recorded = 0;
  beforeAll(() => {
    pristine = path.join(tempDir(), 'demo');
    fs.cpSync(path.join(REPO, 'examples/demo'), pristine, { recursive: true });
    const update = runCli(['--update-baseline'], pristine);
    expect(update.code, update.stderr).toBe(0);
    recorded = Number(/wrote (\d+) finding/.exec(update.stderr)?.[1] ?? NaN);
  });
  function demoCopy(): string {
    const dir = path.join(tempDir(), 'demo');
    fs.cpSync(pristine, dir, { recursive: true });
    return dir;
  }

  it('records the current findings without line numbers or values, and a rerun passes', () => {
    const text = fs.readFileSync(path.join(pristine, BASELINE), 'utf8');
    const baseline = JSON.parse(text) as { version: number; files: Record<string, Record<string, Record<string, number>>> };
    expect(baseline.version).toBe(1);
    let total = 0;
    for (const [file, rules] of Object.entries(baseline.files)) {
      expect(fs.existsSync(path.join(pristine, file)), file).toBe(true);
      for (const prints of Object.values(rules)) {
        for (const [fingerprint, count] of Object.entries(prints)) {
          expect(fingerprint).toMatch(/^[0-9a-f]{16,}$/);
          expect(Number.isInteger(count) && count > 0).toBe(true);
          total += count;
        }
      }
    }
    expect(recorded).toBeGreaterThan(0);
    expect(total).toBe(recorded);
    // No line numbers anywhere: the only numbers are the per-fingerprint counts.
    expect(text).not.toMatch(/"(line|column|endLine|endColumn)"/);
    // No values: the demo's fake secrets (compose, workflow, manifest) never reach the file.
    for (const canary of ['FAKE', 'sk-ant-test', 'key-FAKE', 'demo-FAKE-password']) expect(text).not.toContain(canary);

    const rerun = scanJson(demoCopy(), strict);
    expect(rerun.findings).toEqual([]);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).not.toContain('stale');
  });

  it('fails on one new violation and reports only that one', () => {
    const demo = demoCopy();
    fs.appendFileSync(path.join(demo, 'src/api/billing.ts'), '\nexport const leakedRead = process.env.OPENROUTER_API_KEY;\n');
    const run = scanJson(demo, strict);
    expect(run.findings.map((f) => [f.ruleId, f.file, f.severity])).toEqual([['no-direct-env-read', 'src/api/billing.ts', 'error']]);
    expect(run.code).toBe(1);
  });

  it('stays valid when lines are inserted above a finding', () => {
    const demo = demoCopy();
    const billing = path.join(demo, 'src/api/billing.ts');
    const baseline = fs.readFileSync(path.join(demo, BASELINE), 'utf8');
    expect(baseline).toContain('"src/api/billing.ts"');
    fs.writeFileSync(billing, `// A new header comment.\n// Another line.\n\n${fs.readFileSync(billing, 'utf8')}`);
    const run = scanJson(demo, strict);
    expect(run.findings).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('stale');
  });

  it('reports stale entries for findings that were fixed', () => {
    const demo = demoCopy();
    const billing = path.join(demo, 'src/api/billing.ts');
    const text = fs.readFileSync(billing, 'utf8');
    const fixed = text.replace('export const slackToken = process.env.SLACK_BOT_TOKEN;\n', '');
    expect(fixed).not.toBe(text);
    fs.writeFileSync(billing, fixed);
    const run = scanJson(demo, strict);
    expect(run.findings).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/stale baseline entry: src\/api\/billing\.ts no-unregistered-secret-env/);
  });

  it('rejects a file that is not a baseline with exit 2', () => {
    const root = writeTree({ 'a.ts': 'export {};\n', [BASELINE]: '{"not": "a baseline"}' });
    const run = runCli(['--baseline', BASELINE], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(BASELINE);
  });
});
