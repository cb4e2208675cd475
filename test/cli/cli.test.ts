// End-to-end: the real binary on the bundled demo repo and on small temp projects.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir, writeTree } from '../support/run-cli.js';
import { ALL_RULES } from '../../src/rules/index.js';

const DEMO = path.join(REPO, 'examples/demo');
const REGISTRY = 'version: 1\nresolver:\n  paths: ["src/secrets/**"]\nsecrets:\n  - id: OpenRouterApiKey\n    env: OPENROUTER_API_KEY\n    kind: secret\n';

describe('clavis-lint CLI', () => {
  it('prints help and version', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage:');
    expect(help.stdout).toContain('--changed-since REF');
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('rejects an unknown flag with one line and exit 2', () => {
    const run = runCli(['--frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--frobnicate');
  });

  it('rejects an unknown rule in --rule and in explain with exit 2', () => {
    const scanRun = runCli(['examples/demo', '--rule', 'no-such-rule=error']);
    expect(scanRun.code).toBe(2);
    expect(scanRun.stderr).toContain("unknown rule 'no-such-rule'");
    const explain = runCli(['explain', 'no-such-rule']);
    expect(explain.code).toBe(2);
    expect(explain.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('lists the rule catalog as text and JSON', () => {
    const text = runCli(['rules']);
    expect(text.code).toBe(0);
    for (const rule of ALL_RULES) expect(text.stdout).toContain(rule.meta.id);
    const json = JSON.parse(runCli(['rules', '--json']).stdout) as Array<{ id: string }>;
    expect(json.map((r) => r.id)).toEqual(ALL_RULES.map((r) => r.meta.id));
  });

  it('explains a rule from its metadata', () => {
    const run = runCli(['explain', 'no-direct-env-read']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Why:');
    expect(run.stdout).toContain('Fix:');
  });

  it('scans the demo repo: findings, exit 1, text with carets and a summary', () => {
    const run = runCli(['examples/demo']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('src/agent/llm.ts');
    expect(run.stdout).toContain('^');
    expect(run.stdout).toMatch(/\d+ problems?/);
  });

  it('writes the JSON contract of DESIGN §3', () => {
    const run = runCli(['examples/demo', '--format', 'json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as Record<string, unknown> & { findings: Array<Record<string, unknown>> };
    expect(out.version).toBe(1);
    expect(out.tool).toMatchObject({ name: 'clavis-lint' });
    expect(Array.isArray(out.errors)).toBe(true);
    expect(out.stats).toHaveProperty('files');
    expect(out.stats).toHaveProperty('filesByLanguage');
    expect(out.findings.length).toBeGreaterThan(0);
    for (const f of out.findings) {
      for (const key of ['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'secretId', 'envName', 'fingerprint']) {
        expect(f, key).toHaveProperty(key);
      }
      expect(['error', 'warning']).toContain(f.severity);
      expect(String(f.file)).not.toMatch(/^\/|\\/);
    }
  });

  it('writes --output files and keeps the exit code', () => {
    const dir = tempDir();
    const out = path.join(dir, 'report.sarif');
    const run = runCli(['examples/demo', '--format', 'sarif', '--output', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });

  it('honours --rule, --quiet and --max-warnings', () => {
    const project = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'src/a.ts': 'export const t = process.env.SLACK_BOT_TOKEN;\n',
    });
    expect(runCli(['.'], project).code).toBe(0); // one warning, no threshold
    expect(runCli(['.', '--max-warnings', '0'], project).code).toBe(1);
    expect(runCli(['.', '--rule', 'no-unregistered-secret-env=error'], project).code).toBe(1);
    expect(runCli(['.', '--rule', 'no-unregistered-secret-env=off', '--max-warnings', '0'], project).code).toBe(0);
    const quiet = runCli(['.', '--quiet', '--format', 'json'], project);
    expect((JSON.parse(quiet.stdout) as { findings: unknown[] }).findings).toHaveLength(0);
  });

  it('reports a malformed registry as file:line:col with exit 2 and no stack trace', () => {
    const project = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': 'version: 1\nsecrets:\n  - id: A\n    env: [not, a, string]\n',
      'a.ts': 'export {};\n',
    });
    const run = runCli(['.'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/secrets\.registry\.yaml:4:\d+: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a malformed config with exit 2 and a location', () => {
    const project = writeTree({ '.clavis-lint.yaml': 'registry: [\n', 'a.ts': 'export {};\n' });
    const run = runCli(['.'], project);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.clavis-lint\.yaml:\d+:\d+: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a path that does not exist', () => {
    const run = runCli(['does/not/exist']);
    expect(run.code).toBe(2);
  });

  it('keeps scanning when one file is unreadable, binary or not UTF-8', () => {
    const project = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'src/bad.ts': 'export const x = process.env.OPENROUTER_API_KEY;\n',
      'src/ok.ts': 'export const y = process.env.OPENROUTER_API_KEY;\n',
    });
    fs.writeFileSync(path.join(project, 'src/bad.ts'), Buffer.from([0x65, 0x78, 0xff, 0xfe, 0x0a]));
    fs.writeFileSync(path.join(project, 'src/bin.ts'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    const run = runCli(['.', '--format', 'json'], project);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { findings: Array<{ file: string }>; errors: Array<{ file: string }> };
    expect(out.findings.map((f) => f.file)).toContain('src/ok.ts');
    expect(out.errors.map((e) => e.file).sort()).toEqual(['src/bad.ts', 'src/bin.ts']);
  });

  it('honours .gitignore and exclude', () => {
    const project = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\nexclude: ["generated/**"]\n',
      'secrets.registry.yaml': REGISTRY,
      '.gitignore': 'build/\n',
      'build/a.ts': 'export const x = process.env.OPENROUTER_API_KEY;\n',
      'generated/b.ts': 'export const x = process.env.OPENROUTER_API_KEY;\n',
      'src/c.ts': 'export const x = process.env.OPENROUTER_API_KEY;\n',
    });
    const out = JSON.parse(runCli(['.', '--format', 'json'], project).stdout) as { findings: Array<{ file: string }> };
    expect([...new Set(out.findings.map((f) => f.file))]).toEqual(['src/c.ts']);
  });

  it('scans only the named files when files are given', () => {
    // A git repository: the config is found walking up from the named file to the git root
    // (outside git only the scanned directory itself is searched, whatever the cwd).
    const project = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'src/a.ts': 'export const x = process.env.OPENROUTER_API_KEY;\n',
      'src/b.ts': 'export const x = process.env.OPENROUTER_API_KEY;\n',
    });
    fs.mkdirSync(path.join(project, '.git'));
    const out = JSON.parse(runCli(['src/b.ts', '--format', 'json'], project).stdout) as { findings: Array<{ file: string }> };
    expect([...new Set(out.findings.map((f) => f.file))]).toEqual(['src/b.ts']);
  });
});
