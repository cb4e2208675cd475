// The programmatic API as a user imports it: the package's own name, resolved through `exports`
// to the built lib/ (so a wrong `exports`/`types` entry fails here), and typed (tsc over a consumer).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from '../support/run-cli.js';

const CONSUMER = `
import { scan, loadProject, rules, formatReport, version, ConfigError, type Finding } from 'clavis-lint';
const result = await scan({ cwd: process.argv[2] });
const first: Finding | undefined = result.findings[0];
const project = await loadProject({ cwd: process.argv[2] });
const sarif = JSON.parse(formatReport(result, 'sarif'));
let configError = '';
try { await scan({ cwd: process.argv[2], paths: ['no-such-dir'] }); } catch (error) { if (error instanceof ConfigError) configError = error.message; }
console.log(JSON.stringify({
  findings: result.findings.length, firstRule: first?.ruleId ?? null, secrets: project.registry.secrets.length,
  rules: rules.length, version, sarifVersion: sarif.runs[0].tool.driver.version, configError,
  json: formatReport(result, 'json'),
}));
`;

describe("import { scan } from 'clavis-lint'", () => {
  it('scans, loads a project, lists rules and formats reports like the CLI', () => {
    const dir = tempDir('clavis-api-');
    // Inside the repository's tree so `clavis-lint` resolves to this package by self-reference.
    const script = path.join(REPO, 'lib', `api-consumer-${path.basename(dir)}.mjs`);
    fs.writeFileSync(script, CONSUMER.replace(', type Finding', '').replace(': Finding | undefined', ''));
    try {
      const run = spawnSync(process.execPath, [script, path.join(REPO, 'examples/demo')], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout) as Record<string, unknown> & { json: string };
      const cli = runCli(['examples/demo', '--format', 'json']);
      expect(out.json.trimEnd()).toBe(cli.stdout.trimEnd());
      expect(out.findings).toBe((JSON.parse(cli.stdout) as { findings: unknown[] }).findings.length);
      expect(out.rules).toBe((JSON.parse(runCli(['rules', '--json']).stdout) as unknown[]).length);
      expect(out.sarifVersion).toBe(out.version);
      expect(out.secrets).toBeGreaterThan(0);
      expect(out.configError).toMatch(/path not found: no-such-dir/);
    } finally {
      fs.rmSync(script, { force: true });
    }
  });

  it('type-checks for a TypeScript consumer through the exports map', () => {
    const dir = path.join(REPO, 'lib', 'api-types-check');
    fs.mkdirSync(dir, { recursive: true });
    try {
      fs.writeFileSync(path.join(dir, 'consumer.mts'), CONSUMER);
      const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
      const run = spawnSync(process.execPath, [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--types', 'node', '--ignoreConfig', path.join(dir, 'consumer.mts')], { cwd: REPO, encoding: 'utf8' });
      expect(run.status, run.stdout + run.stderr).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
