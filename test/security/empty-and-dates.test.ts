// Issue 14: a scan that covers no file, and an impossible date, are usage/config errors (exit 2),
// never a silent pass. `include: []` or `exclude: ["**"]` used to scan nothing and exit 0, and
// `--today 2026-02-30` was accepted because Date.parse rolls it over to March 2.
import { describe, expect, it } from 'vitest';
import { runCli, writeTree, type CliRun } from '../support/run-cli.js';

const REGISTRY = ['version: 1', 'secrets:', '  - id: OpenAiKey', '    env: OPENAI_API_KEY', '    kind: secret', ''].join('\n');
const SOURCE = 'export const key = process.env.OPENAI_API_KEY;\n';

function project(config: string | undefined, extra: Record<string, string> = {}): string {
  return writeTree({
    'secrets.registry.yaml': REGISTRY,
    'src/app.ts': SOURCE,
    ...(config === undefined ? {} : { '.clavis-lint.yaml': config }),
    ...extra,
  });
}

/** Exactly one line on stderr, and it names the config file and the key. */
function expectConfigKeyError(run: CliRun, key: string, line: number): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^clavis-lint: \\.clavis-lint\\.yaml:${line}:\\d+: ${key}: `));
  expect(lines[0]).toMatch(/covers no file/);
  expect(lines[0]).toMatch(/--allow-empty/);
}

describe('a scan that covers no file exits 2 unless --allow-empty', () => {
  it('include: [] names the include key; --allow-empty accepts the empty scan', () => {
    const dir = project('# the linter must not be switched off in silence\ninclude: []\n');
    expectConfigKeyError(runCli(['.'], dir), 'include', 2);
    // Whatever the format: the exit code and the one stderr line do not depend on it.
    expectConfigKeyError(runCli(['.', '--format', 'json'], dir), 'include', 2);
    const allowed = runCli(['.', '--allow-empty', '--format', 'json'], dir);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(JSON.parse(allowed.stdout).stats.files).toBe(0);
  });

  it('exclude: ["**"] names the exclude key', () => {
    expectConfigKeyError(runCli(['.'], project('exclude: ["**"]\n')), 'exclude', 1);
  });

  it('include patterns that match no file name the include key', () => {
    expectConfigKeyError(runCli(['.'], project('include:\n  - "lib/**/*.ts"\n  - "*.py"\n')), 'include', 1);
  });

  it('an include entry that matches nothing is a located warning; the others still scan', () => {
    const run = runCli(['.', '--format', 'json'], project('include:\n  - "src/**"\n  - "scripts/**"\n'));
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toContain('no-direct-env-read');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      'clavis-lint: warning: .clavis-lint.yaml:3:5: include entry "scripts/**" matches no file; the other entries still select files',
    ]);
  });

  it('a tree with nothing to scan and no config is an empty scan too', () => {
    const run = runCli(['.', '--format', 'json'], writeTree({ '.gitignore': '*\n' }));
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^clavis-lint: the scan covers no file: \. holds no file to scan .*--allow-empty/);
  });
});

describe('an impossible date is a usage or config error', () => {
  it('--today 2026-02-30 exits 2 (Date.parse would roll it over to March 2)', () => {
    const dir = project(undefined);
    for (const date of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-04-31']) {
      const run = runCli(['.', '--today', date, '--format', 'json'], dir);
      expect(run.code, `${date}: ${run.stderr}`).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`clavis-lint: invalid date '${date}': expected YYYY-MM-DD, a day that exists\n`);
    }
    // A real leap day is fine.
    expect(runCli(['.', '--today', '2024-02-29'], dir).code).toBe(1);
  });

  it('lifecycle.today: 2026-02-30 in the config is located', () => {
    const run = runCli(['.'], project('lifecycle:\n  today: 2026-02-30\n'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^clavis-lint: \.clavis-lint\.yaml:2:\d+: lifecycle\.today: expected a real date YYYY-MM-DD\b[^\n]*\n$/);
  });

  it('remove_after: 2026-02-30 in the registry is located', () => {
    const registry = `${REGISTRY}    deprecated:\n      - name: OPENAI_KEY\n        remove_after: 2026-02-30\n`;
    const run = runCli(['.'], writeTree({ 'secrets.registry.yaml': registry, 'src/app.ts': SOURCE }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^clavis-lint: secrets\.registry\.yaml:8:\d+: secrets\[0\]\.deprecated\[0\]\.remove_after: expected a real date YYYY-MM-DD\b[^\n]*\n$/);
  });
});
