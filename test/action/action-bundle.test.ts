// The GitHub Action end to end: the bundle is rebuilt into a temp dir (and must equal the
// committed dist/ byte for byte), then run under a simulated runner: INPUT_* variables (dashes
// kept, as the runner sets them), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_EVENT_PATH with a
// pull_request payload, and a real git repository whose base commit is the PR base.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from '../support/run-cli.js';
import { GIT_ENV, git } from '../support/hermetic-git.js';

const DIST = path.join(REPO, 'dist');
let built = '';

beforeAll(() => {
  built = tempDir('clavis-action-build-');
  const run = spawnSync(process.execPath, [path.join(REPO, 'scripts/build-action.js'), '--outdir', built], { cwd: REPO, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}, 180_000);

describe('the committed Action bundle', () => {
  it('equals a fresh build of the current sources (run `npm run build:action` and commit dist/ if not)', () => {
    const fresh = fs.readdirSync(built).sort();
    expect(fresh).toEqual(expect.arrayContaining(['index.cjs', 'web-tree-sitter.wasm', 'tree-sitter-rust.wasm', 'tree-sitter-python.wasm', 'tree-sitter-bash.wasm']));
    for (const file of fresh) {
      const committed = path.join(DIST, file);
      expect(fs.existsSync(committed), `dist/${file} is missing: run npm run build:action`).toBe(true);
      const same = fs.readFileSync(committed).equals(fs.readFileSync(path.join(built, file)));
      expect(same, `dist/${file} is stale: run npm run build:action and commit dist/`).toBe(true);
    }
  });

  it('is CommonJS, minified, and declared in action.yml as a node24 action', () => {
    const bundle = fs.readFileSync(path.join(built, 'index.cjs'), 'utf8');
    // `node --check` parses a .cjs file as a CommonJS script: any ESM syntax fails it.
    const check = spawnSync(process.execPath, ['--check', path.join(built, 'index.cjs')], { encoding: 'utf8' });
    expect(check.status, check.stderr.slice(0, 500)).toBe(0);
    expect(bundle.startsWith('var __clavis_bundle_url=require(')).toBe(true);
    // Minified: long lines (the remaining newlines are inside template literals).
    expect(bundle.length / bundle.split('\n').length > 100).toBe(true);
    const action = fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8');
    expect(action).toMatch(/using: node24/);
    expect(action).toMatch(/main: dist\/index\.cjs/);
  });
});

interface RunnerRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
}

/** Reads `name<<DELIM\nvalue\nDELIM` blocks as written by @actions/core. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
  return out;
}

/** A demo repository: base commit = examples/demo, head commit adds one direct read to billing.ts. */
function pullRequestRepo(): { workspace: string; base: string; eventPath: string } {
  const dir = tempDir('clavis-action-run-');
  const workspace = path.join(dir, 'ws');
  fs.cpSync(path.join(REPO, 'examples/demo'), workspace, { recursive: true });
  git(workspace, ['init', '-q', '-b', 'main']);
  git(workspace, ['add', '-A']);
  git(workspace, ['commit', '-q', '--no-gpg-sign', '-m', 'base']);
  const base = git(workspace, ['rev-parse', 'HEAD']).trim();
  fs.appendFileSync(path.join(workspace, 'src/api/billing.ts'), '\nexport const leakedRead = process.env.OPENROUTER_API_KEY;\n');
  git(workspace, ['commit', '-q', '--no-gpg-sign', '-am', 'change']);
  const eventPath = path.join(dir, 'event.json');
  fs.writeFileSync(eventPath, JSON.stringify({ action: 'opened', number: 7, pull_request: { number: 7, base: { ref: 'main', sha: base }, head: { ref: 'feature' } } }));
  return { workspace, base, eventPath };
}

function runAction(repo: { workspace: string; eventPath: string }, inputs: Record<string, string>): RunnerRun {
  const dir = path.dirname(repo.workspace);
  const outputFile = path.join(dir, 'github_output');
  const summaryFile = path.join(dir, 'step_summary');
  fs.writeFileSync(outputFile, '');
  fs.writeFileSync(summaryFile, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...GIT_ENV,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo.workspace,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: repo.eventPath,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  // The runner's convention: `INPUT_` + the name upper-cased, spaces to `_`, dashes kept.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [path.join(built, 'index.cjs')], { cwd: repo.workspace, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    code: run.status ?? -1,
    stdout: run.stdout,
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8'),
    workspace: repo.workspace,
  };
}

function annotations(stdout: string, level: 'error' | 'warning'): string[] {
  return stdout.split('\n').filter((line) => line.startsWith(`::${level} `) && line.includes('title=clavis-lint'));
}

describe('the Action under a simulated runner', () => {
  it('on a pull request: whole-project SARIF, PR-scoped annotations, summary and outputs, and fails on errors', () => {
    const repo = pullRequestRepo();
    const run = runAction(repo, { path: '.', 'sarif-file': 'reports/clavis.sarif', 'fail-on': 'error' });
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(/^::error::clavis-lint: \d+ error\(s\)/m);

    // SARIF: the whole project (every language, so every wasm grammar loaded from beside the bundle).
    const sarif = JSON.parse(fs.readFileSync(path.join(run.workspace, 'reports/clavis.sarif'), 'utf8')) as {
      $schema: string;
      runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
    };
    expect(sarif.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const uris = new Set(sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri));
    for (const file of ['src/api/billing.ts', 'crates/app/src/main.rs', 'workers/summarize.py', 'scripts/deploy.sh']) expect(uris).toContain(file);

    // Outputs: only billing.ts changed, so only its findings are in scope.
    expect(run.outputs['sarif-file']).toBe('reports/clavis.sarif');
    const errors = Number(run.outputs.errors);
    const warnings = Number(run.outputs.warnings);
    expect(errors).toBeGreaterThanOrEqual(1);
    expect(Number(run.outputs.findings)).toBe(errors + warnings);
    expect(Number(run.outputs.findings)).toBeLessThan(sarif.runs[0].results.length);

    // Annotations: at most 10 per level, the finding on the changed line first, each naming rule, secret and fix.
    const errorAnnotations = annotations(run.stdout, 'error');
    expect(errorAnnotations.length).toBe(Math.min(errors, 10));
    expect(annotations(run.stdout, 'warning').length).toBe(Math.min(warnings, 10));
    expect(errorAnnotations[0]).toContain('title=clavis-lint no-direct-env-read (OpenRouterApiKey)');
    expect(errorAnnotations[0]).toContain('file=src/api/billing.ts,line=23,');
    for (const line of [...errorAnnotations, ...annotations(run.stdout, 'warning')]) {
      expect(line).toContain('file=src/api/billing.ts');
      expect(line).toMatch(/%0ASecret: /);
      expect(line).toMatch(/%0AFix: /);
    }

    // Job summary: scope, counts by rule and secret, top findings, how to suppress or baseline.
    expect(run.summary).toContain(`changed since \`${repo.base.slice(0, 12)}\``);
    expect(run.summary).toContain('### Findings by rule');
    expect(run.summary).toContain('### Findings by secret');
    expect(run.summary).toContain('### Top findings');
    expect(run.summary).toContain('--update-baseline');
    expect(run.summary).not.toContain('workers/summarize.py');
  });

  it('fail-on never passes, diff-filter added keeps only the added line, and the default SARIF path is used', () => {
    const repo = pullRequestRepo();
    const run = runAction(repo, { 'fail-on': 'never', 'diff-filter': 'added', format: 'json' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ findings: '1', errors: '1', warnings: '0', 'sarif-file': 'clavis-lint.sarif' });
    expect(fs.existsSync(path.join(run.workspace, 'clavis-lint.sarif'))).toBe(true);
    expect(annotations(run.stdout, 'error')).toHaveLength(1);
    // format: json goes to the log.
    expect(run.stdout).toContain('"ruleId": "no-direct-env-read"');
  });

  it('with a baseline recorded on the base commit, fail-on warning fails on the one new finding only', () => {
    const repo = pullRequestRepo();
    // Record the baseline as of the base commit: the PR's new read is then the only new finding.
    const billing = path.join(repo.workspace, 'src/api/billing.ts');
    const head = fs.readFileSync(billing, 'utf8');
    fs.writeFileSync(billing, git(repo.workspace, ['show', 'HEAD~1:src/api/billing.ts']));
    expect(runCli(['--update-baseline', '--baseline', '.clavis-lint-baseline.json'], repo.workspace).code).toBe(0);
    fs.writeFileSync(billing, head);
    // The baseline file is not committed, so the policy must come from the checked-out tree.
    const run = runAction(repo, { baseline: '.clavis-lint-baseline.json', 'fail-on': 'warning', 'diff-filter': 'none', 'policy-from': 'head' });
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs).toMatchObject({ findings: '1', errors: '1', warnings: '0' });
    const sarif = JSON.parse(fs.readFileSync(path.join(run.workspace, 'clavis-lint.sarif'), 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0].results.map((r) => r.ruleId)).toEqual(['no-direct-env-read']);
  });

  it('judges a pull request by the base policy: turning the rule off, excluding the file or adding a baseline does not pass', () => {
    const repo = pullRequestRepo();
    const configFile = path.join(repo.workspace, '.clavis-lint.yaml');
    fs.writeFileSync(configFile, fs.readFileSync(configFile, 'utf8').replace('exclude: [', 'exclude: ["src/api/**", ').replace('rules:\n', 'rules:\n  no-direct-env-read: off\n'));
    expect(runCli(['--update-baseline', '--baseline', '.clavis-lint-baseline.json', '--allow-empty'], repo.workspace).code).toBe(0);
    git(repo.workspace, ['add', '-A']);
    git(repo.workspace, ['commit', '-q', '--no-gpg-sign', '-m', 'weaken the policy']);
    const run = runAction(repo, { baseline: '.clavis-lint-baseline.json', 'diff-filter': 'none' });
    expect(run.code, run.stdout).toBe(1);
    expect(annotations(run.stdout, 'error').some((a) => a.includes('no-direct-env-read') && a.includes('file=src/api/billing.ts,line=23,'))).toBe(true);
    const weakened = annotations(run.stdout, 'warning').filter((a) => a.includes('policy-weakened'));
    expect(weakened.some((a) => a.includes("Rule 'no-direct-env-read' lowered from error to off"))).toBe(true);
    expect(weakened.some((a) => a.includes('no longer scanned'))).toBe(true);
    expect(run.summary).toContain(`_Policy: config, registry and baseline from \`${repo.base.slice(0, 12)}\` (the pull request base)._`);
    // policy-from: head is the old behaviour: the pull request's own policy passes it.
    expect(runAction(repo, { baseline: '.clavis-lint-baseline.json', 'policy-from': 'head', 'diff-filter': 'none' }).code).toBe(0);
  });

  it('fails with a located message on a configuration error, without a stack trace', () => {
    const repo = pullRequestRepo();
    const run = runAction(repo, { config: 'missing.yaml' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::clavis-lint: \S*missing\.yaml: config file not found/m);
    expect(run.stdout).not.toMatch(/\n\s+at /);
  });
});
