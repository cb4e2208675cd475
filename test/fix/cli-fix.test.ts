// `clavis-lint --fix` and `--fix-dry-run` end to end (the built CLI, as a user runs it) over a
// before/after tree with every file kind a fix touches: TS, Python, Rust, shell, a workflow,
// compose, a Kubernetes manifest, a Dockerfile, `.env` files and a Markdown docs page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../support/run-cli.js';

const TREES = path.resolve(import.meta.dirname, 'trees');
const TODAY = ['--today', '2026-11-30'];

function copyTree(name: string): string {
  const dir = tempDir('clavis-fix-');
  fs.cpSync(path.join(TREES, name, 'before'), dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative, sorted, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (sub: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else out.set(rel, fs.readFileSync(path.join(dir, rel)));
    }
  };
  walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function expectSameTree(actual: string, expected: string): void {
  const a = snapshot(actual);
  const e = snapshot(expected);
  expect([...a.keys()]).toEqual([...e.keys()]);
  for (const [rel, bytes] of e) expect(a.get(rel)!.toString('utf8'), rel).toBe(bytes.toString('utf8'));
}

const REGISTRY = [
  'version: 1',
  'resolver: { functions: [resolveSecret] }',
  'secrets:',
  '  - { id: OpenRouterApiKey, env: OPENROUTER_API_KEY, kind: secret, owner: platform, rotation_days: 90, deprecated: [{ name: OPENROUTER_KEY, remove_after: 2026-06-30 }] }',
  '  - { id: StripeSecretKey, env: STRIPE_SECRET_KEY, kind: secret, owner: billing, rotation_days: 90 }',
  '',
].join('\n');

describe('--fix over every file kind', () => {
  it('turns the before tree into the after tree, then reports what remains', () => {
    const dir = copyTree('all-kinds');
    const run = runCli([...TODAY, '--fix'], dir);
    expect(run.stderr).toContain('clavis-lint: fixed 17 problems in 11 files');
    expectSameTree(dir, path.join(TREES, 'all-kinds/after'));
    // What remains is reported (direct reads, the build arg, the echo); nothing fixable is left.
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('no-direct-env-read');
    expect(run.stdout).not.toContain('[*]');
    expect(run.stdout).not.toContain('fixable with --fix');
  });

  it('is idempotent: a second --fix changes nothing', () => {
    const dir = copyTree('all-kinds');
    runCli([...TODAY, '--fix'], dir);
    const once = snapshot(dir);
    const again = runCli([...TODAY, '--fix'], dir);
    expect(again.stderr).not.toContain('fixed');
    expect(snapshot(dir)).toEqual(once);
  });

  it('--fix-dry-run prints the unified diff (values masked) and writes nothing', () => {
    const dir = copyTree('all-kinds');
    const run = runCli([...TODAY, '--fix-dry-run'], dir);
    expect(run.stdout).toBe(fs.readFileSync(path.join(TREES, 'all-kinds/dry-run.diff'), 'utf8'));
    expect(run.stderr).toContain('--fix-dry-run: 17 problems in 11 files would be fixed; nothing was written');
    expect(run.stdout).not.toContain('sk-test-FAKE');
    expect(run.code).toBe(1);
    expectSameTree(dir, path.join(TREES, 'all-kinds/before'));
  });

  it('marks fixable findings in the text report and counts them at the end', () => {
    const run = runCli([...TODAY, '--no-color'], copyTree('all-kinds'));
    expect(run.stdout).toMatch(/error {4}\[\*\] 'OPENROUTER_KEY' is a deprecated alias/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('[*] 17 problems fixable with --fix');
  });

  it('puts fix and fixable in JSON findings, with names only', () => {
    const run = runCli([...TODAY, '--format', 'json'], copyTree('all-kinds'));
    const json = JSON.parse(run.stdout) as { findings: Array<Record<string, unknown>> };
    const env = json.findings.find((f) => f.file === '.env.local' && f.ruleId === 'no-deprecated-alias')!;
    expect(env.fixable).toBe(true);
    expect(env.fix).toEqual({ edits: [{ file: '.env.local', range: { line: 1, column: 1, endLine: 1, endColumn: 11 }, text: 'STRIPE_SECRET_KEY' }] });
    const example = json.findings.find((f) => f.ruleId === 'env-example-drift')!;
    expect(example.fix).toEqual({ edits: [{ file: '.env.example', range: { line: 3, column: 19, endLine: 3, endColumn: 19 }, text: '\nSENDGRID_API_KEY=' }] });
    expect(json.findings.filter((f) => f.fix).length).toBe(17);
    expect(json.findings.filter((f) => !f.fix).every((f) => f.fixable === undefined)).toBe(true);
    expect(run.stdout).not.toContain('sk-test-FAKE');
  });

  it('refuses --fix with --fix-dry-run or --update-baseline', () => {
    const dir = copyTree('all-kinds');
    expect(runCli(['--fix', '--fix-dry-run'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot be combined') });
    expect(runCli(['--fix', '--update-baseline'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot be combined') });
    expectSameTree(dir, path.join(TREES, 'all-kinds/before'));
  });
});

describe('--fix on an example env file that lists few of its secrets', () => {
  it('the one finding for them all adds every missing secret the code reads, once, and nothing is left', () => {
    const names = Array.from({ length: 27 }, (_, i) => `PROVIDER${String.fromCharCode(65 + (i % 26))}${i >= 26 ? 'X' : ''}_API_KEY`);
    const registry = ['version: 1', 'secrets:', ...names.map((name, i) => `  - { id: Provider${i}ApiKey, env: ${name}, kind: secret }`), ''].join('\n');
    const reads = ['import os', '', '', 'def keys():', '    return {', ...names.map((name) => `        "${name}": os.environ.get("${name}"),`), '    }', ''].join('\n');
    const dir = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': registry,
      '.env.example': `# two of them\n${names[0]}=`,
      'app/keys.py': reads,
    });
    const before = JSON.parse(runCli(['--format', 'json', '--no-cache'], dir).stdout) as { findings: Array<{ ruleId: string; message: string }> };
    const drift = before.findings.filter((f) => f.ruleId === 'env-example-drift');
    expect(drift).toHaveLength(1);
    expect(drift[0].message).toContain('list only 1 of the 27 registry secrets');
    runCli(['--fix', '--no-cache'], dir);
    // The file had no final newline: one is put before the first added line, as for one secret.
    expect(fs.readFileSync(path.join(dir, '.env.example'), 'utf8')).toBe(`# two of them\n${names.map((name) => `${name}=`).join('\n')}`);
    const after = JSON.parse(runCli(['--format', 'json', '--no-cache'], dir).stdout) as { findings: Array<{ ruleId: string }> };
    expect(after.findings.filter((f) => f.ruleId === 'env-example-drift')).toEqual([]);
  });
});

describe('--fix keeps encoding and line endings', () => {
  it('keeps CRLF line endings, a UTF-8 BOM, and a missing final newline', () => {
    const dir = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'src/app.ts': '\uFEFFexport const a = 1;\r\nexport const k = process.env.OPENROUTER_KEY;\r\n',
      '.env.local': 'OPENROUTER_KEY=sk-test-FAKEcrlf0123456789\r\nPORT=1\r\n',
      // CRLF, no final newline: the appended line gets a CRLF before it and none after.
      '.env.example': 'OPENROUTER_API_KEY=\r\nPORT=',
      'src/read.ts': 'export const s = process.env.STRIPE_SECRET_KEY;\n',
    });
    runCli([...TODAY, '--fix'], dir);
    expect(fs.readFileSync(path.join(dir, 'src/app.ts'), 'utf8')).toBe('\uFEFFexport const a = 1;\r\nexport const k = process.env.OPENROUTER_API_KEY;\r\n');
    expect(fs.readFileSync(path.join(dir, '.env.local'), 'utf8')).toBe('OPENROUTER_API_KEY=sk-test-FAKEcrlf0123456789\r\nPORT=1\r\n');
    expect(fs.readFileSync(path.join(dir, '.env.example'), 'utf8')).toBe('OPENROUTER_API_KEY=\r\nPORT=\r\nSTRIPE_SECRET_KEY=');
  });

  it('never renames inside a longer name or a key the file already has', () => {
    const files = {
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      // Setting both: renaming the alias would give two OPENROUTER_API_KEY keys.
      '.env.local': 'OPENROUTER_KEY=sk-test-FAKEold0123456789\nOPENROUTER_API_KEY=sk-test-FAKEnew0123456789\n',
      'scripts/run.sh': '#!/bin/sh\necho "$OPENROUTER_KEY_FILE"\n',
    };
    const dir = writeTree(files);
    const run = runCli([...TODAY, '--fix'], dir);
    expect(run.stderr).not.toContain('fixed');
    for (const [rel, text] of Object.entries(files)) expect(fs.readFileSync(path.join(dir, rel), 'utf8')).toBe(text);
  });
});

describe('--fix writes nothing outside the repository', () => {
  it('does not write through a symbolic link that leads out', () => {
    const outside = tempDir('clavis-outside-');
    const target = path.join(outside, 'linked.ts');
    const text = 'export const k = process.env.OPENROUTER_KEY;\n';
    fs.writeFileSync(target, text);
    const dir = writeTree({ '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n', 'secrets.registry.yaml': REGISTRY, 'src/own.ts': text });
    fs.mkdirSync(path.join(dir, '.git'));
    fs.symlinkSync(target, path.join(dir, 'src/linked.ts'));
    runCli([...TODAY, '--fix'], dir);
    expect(fs.readFileSync(target, 'utf8')).toBe(text);
    expect(fs.readFileSync(path.join(dir, 'src/own.ts'), 'utf8')).toBe('export const k = process.env.OPENROUTER_API_KEY;\n');
    expect(fs.lstatSync(path.join(dir, 'src/linked.ts')).isSymbolicLink()).toBe(true);
  });
});
