// The bundled demo repo, end to end through the real binary: SARIF that validates against the
// SARIF 2.1.0 schema and GitHub's ingestion rules, every leak rule with a readable flow, the
// docs round trip, the inventory, and bad input in every language.
import fs from 'node:fs';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { checkGithubSarifIngestion } from '../../src/reporters/sarif-ingestion.js';
import { compileSarifValidator } from '../reporters/sarif-schema.js';
import { REPO, runCli, tempDir, writeTree } from '../support/run-cli.js';

const DEMO = path.join(REPO, 'examples/demo');
const LEAK_RULES = ['no-secret-in-log', 'no-secret-in-error', 'no-secret-in-prompt', 'no-secret-in-tool-output', 'no-secret-in-telemetry', 'no-secret-serialization', 'no-secret-in-url', 'no-leaky-secret-type'];
const GOVERNANCE_RULES = ['no-deprecated-alias', 'docs-drift', 'env-example-drift', 'no-secret-literal-in-config', 'workflow-secret-mismatch', 'no-secret-build-arg', 'prefer-workload-identity', 'no-secret-echo', 'registry-lifecycle'];

function copyDemo(): string {
  const dir = path.join(tempDir(), 'demo');
  fs.cpSync(DEMO, dir, { recursive: true });
  return dir;
}

describe('examples/demo end to end', () => {
  it('emits SARIF that validates against the 2.1.0 schema and GitHub ingestion rules', () => {
    const run = runCli(['examples/demo', '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    const validate = compileSarifValidator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(checkGithubSarifIngestion(log)).toEqual([]);
    const results = log.runs[0].results ?? [];
    expect(results.length).toBeGreaterThan(20);
    expect(results.every((r) => typeof r.partialFingerprints?.['clavisLint/v1'] === 'string')).toBe(true);
    expect(results.some((r) => (r.codeFlows ?? []).length > 0)).toBe(true);
  });

  it('fires every leak rule, each with a flow in text output', () => {
    const json = JSON.parse(runCli(['examples/demo', '--format', 'json']).stdout) as { findings: Array<{ ruleId: string; flow?: unknown[] }> };
    for (const rule of LEAK_RULES) {
      const hits = json.findings.filter((f) => f.ruleId === rule);
      expect(hits.length, rule).toBeGreaterThan(0);
      if (rule !== 'no-leaky-secret-type') expect(hits.every((f) => (f.flow ?? []).length >= 2), `${rule} has a flow`).toBe(true);
    }
    const text = runCli(['examples/demo']).stdout;
    // Text shows paths relative to where the command ran (the repository root here), not to the project root.
    expect(text).toMatch(/flow:\n\s+1\. examples\/demo\/src\/\S+:\d+:\d+ /);
  });

  it('fires every governance rule', () => {
    const json = JSON.parse(runCli(['examples/demo', '--format', 'json']).stdout) as { findings: Array<{ ruleId: string }> };
    const fired = new Set(json.findings.map((f) => f.ruleId));
    for (const rule of GOVERNANCE_RULES) expect(fired.has(rule), rule).toBe(true);
  });

  it('docs --check fails on drift, --fix repairs it, and a second --fix changes nothing', () => {
    const dir = copyDemo();
    expect(runCli(['docs', '--check'], dir).code).toBe(1);
    const fix = runCli(['docs', '--fix'], dir);
    expect(fix.code).toBe(0);
    expect(fix.stdout).toContain('updated docs/secrets.md');
    const after = fs.readFileSync(path.join(dir, 'docs/secrets.md'), 'utf8');
    expect(after).toContain('LegacyMailgunKey');
    expect(runCli(['docs', '--check'], dir).code).toBe(0);
    expect(runCli(['docs', '--fix'], dir).stdout).toContain('unchanged docs/secrets.md');
    expect(fs.readFileSync(path.join(dir, 'docs/secrets.md'), 'utf8')).toBe(after);
  });

  it('lists every access site in the inventory', () => {
    const inv = JSON.parse(runCli(['inventory', '--format', 'json'], DEMO).stdout) as {
      secrets: Array<{ id: string; sites: Array<{ source: string; file: string }> }>;
      unattributed: Array<{ source: string }>;
    };
    const openrouter = inv.secrets.find((s) => s.id === 'OpenRouterApiKey');
    expect(openrouter?.sites.some((s) => s.source === 'resolver' && s.file === 'src/agent/llm.ts')).toBe(true);
    expect(openrouter?.sites.some((s) => s.source === 'env')).toBe(true);
    expect(inv.unattributed.some((s) => s.source === 'secret-store')).toBe(true);
    expect(inv.unattributed.some((s) => s.source === 'dynamic')).toBe(true);
    const md = runCli(['inventory'], DEMO).stdout;
    expect(md).toContain('# Secret access inventory');
  });

  it('exports the registry in every format', () => {
    for (const format of ['json', 'markdown', 'env-example']) {
      const run = runCli(['registry', 'export', '--format', format], DEMO);
      expect(run.code, format).toBe(0);
      expect(run.stdout, format).toContain('OPENROUTER_API_KEY');
    }
  });
});

describe('bad input never crashes the scan', () => {
  it('puts unparseable, huge and non-UTF-8 files in errors and scans the rest', () => {
    const project = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\nmax_file_bytes: 100000\n',
      'secrets.registry.yaml': 'version: 1\nsecrets:\n  - id: OpenRouterApiKey\n    env: OPENROUTER_API_KEY\n    kind: secret\n',
      'src/broken.rs': 'fn main( { let k = std::env::var("OPENROUTER_API_KEY") }}}} impl impl\n',
      'src/broken.py': 'def f(:\n    return os.environ["OPENROUTER_API_KEY"]\n  )))\n',
      'src/ok.py': 'import os\nkey = os.environ["OPENROUTER_API_KEY"]\n',
      'deploy/bad.yaml': 'apiVersion: v1\nkind: Pod\nspec: [unclosed\n',
      '.github/workflows/bad.yml': 'on: push\njobs: {a: [\n',
      'src/huge.ts': `export const x = process.env.OPENROUTER_API_KEY;\n${'// filler line\n'.repeat(10_000)}`,
    });
    fs.writeFileSync(path.join(project, 'src/latin1.rs'), Buffer.from('fn main() { let s = "caf\xe9"; }\n', 'latin1'));
    fs.writeFileSync(path.join(project, 'src/nested.ts'), `export const deep = ${'['.repeat(20_000)}${']'.repeat(20_000)};\nexport const k = process.env.OPENROUTER_API_KEY;\n`);
    const run = runCli(['.', '--format', 'json'], project);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as { findings: Array<{ file: string }>; errors: Array<{ file: string; message: string }> };
    const errorFiles = out.errors.map((e) => e.file);
    expect(errorFiles).toContain('src/huge.ts');
    expect(errorFiles).toContain('src/latin1.rs');
    expect(errorFiles).toContain('deploy/bad.yaml');
    expect(errorFiles).toContain('.github/workflows/bad.yml');
    expect(out.findings.map((f) => f.file)).toContain('src/ok.py');
    for (const e of out.errors) expect(e.message).not.toMatch(/\n\s+at /);
  });
});

/**
 * Waits until every file under `dir` changed more than the result cache's racy window ago (2 s,
 * src/cache/file-hasher.ts): before that, a scan does not trust the stats it records, and the next
 * scan re-reads the files instead of replaying the report. On a fast machine the two scans of a
 * fresh copy both run inside the window.
 */
async function pastRacyWindow(dir: string): Promise<void> {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).ctimeMs);
  }
  const wait = newest + 2100 - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

describe('--timing on the demo', () => {
  it('splits the scan time by phase, also for a replayed report, and adds nothing without the flag', async () => {
    const dir = copyDemo();
    await pastRacyWindow(dir);
    const phasesOf = (args: string[]) => (JSON.parse(runCli([dir, '--format', 'json', ...args]).stdout) as { stats: { ms: number; leakMs?: number; phases?: Record<string, number> } }).stats;
    expect(phasesOf(['--no-cache']).phases).toBeUndefined();
    // Cold, then from the cache the first run wrote (the report is replayed: no pass runs, so
    // those phases are never entered; no assertion here depends on how long anything took).
    const cold = phasesOf(['--timing', '--cache']);
    const replayed = phasesOf(['--timing', '--cache']);
    expect(replayed.phases).toMatchObject({ crossFile: 0, leak: 0 });
    for (const stats of [cold, replayed]) {
      expect(Object.keys(stats.phases ?? {})).toEqual(['config', 'discovery', 'files', 'crossFile', 'leak', 'rules']);
      const values = Object.values(stats.phases ?? {});
      expect(values.every((ms) => Number.isInteger(ms) && ms >= 0)).toBe(true);
      // Each phase is rounded on its own: the sum is within a millisecond per phase of ms.
      expect(Math.abs(values.reduce((a, b) => a + b, 0) - stats.ms)).toBeLessThanOrEqual(values.length);
      expect(stats.leakMs).toBe(stats.phases?.leak);
    }
  });
});
