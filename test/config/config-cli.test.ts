// The config ergonomics end to end through the CLI: overrides, `baseline:`, every error at once.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, writeTree } from '../support/run-cli.js';

const REGISTRY = 'version: 1\nsecrets:\n  - id: OpenAiApiKey\n    env: OPENAI_API_KEY\n    kind: secret\n';
const TREE = {
  '.git/HEAD': '',
  'secrets.registry.yaml': REGISTRY,
  'src/app.ts': 'export const a = process.env.OPENAI_API_KEY;\n',
  'scripts/seed.ts': '// clavis-lint-disable-next-line no-direct-env-read -- seeding\nexport const b = process.env.OPENAI_API_KEY;\n',
};

function findings(dir: string, args: string[] = []): Array<{ ruleId: string; file: string; severity: string }> {
  const run = runCli(['scan', '.', '--format', 'json', ...args], dir);
  return (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; severity: string }> }).findings;
}

describe('config through the CLI', () => {
  it('overrides: per-path levels; a suppression under an override that turns the rule off is unused; --rule wins', () => {
    const dir = writeTree({
      ...TREE,
      '.clavis-lint.yaml': 'rules:\n  no-direct-env-read: error\noverrides:\n  - files: ["scripts/**"]\n    rules: { no-direct-env-read: off }\n  - files: ["src/**"]\n    rules: { no-direct-env-read: warn }\n',
    });
    const shown = findings(dir).map((f) => `${f.ruleId} ${f.file} ${f.severity}`);
    expect(shown).toContain('no-direct-env-read src/app.ts warning');
    expect(shown.some((s) => s.startsWith('no-direct-env-read scripts/'))).toBe(false);
    expect(shown).toContain('unused-suppression scripts/seed.ts warning');
    const cli = findings(dir, ['--rule', 'no-direct-env-read=error']).map((f) => `${f.ruleId} ${f.file} ${f.severity}`);
    expect(cli).toContain('no-direct-env-read src/app.ts error');
  });

  it('baseline: in the config is used like --baseline, and --baseline beats it', () => {
    const dir = writeTree({ ...TREE, '.clavis-lint.yaml': 'baseline: ci/baseline.json\n' });
    fs.mkdirSync(path.join(dir, 'ci'));
    const update = runCli(['scan', '.', '--update-baseline'], dir);
    expect(update.stderr).toMatch(/wrote \d+ finding\(s\) to ci\/baseline\.json/);
    expect(fs.existsSync(path.join(dir, 'ci/baseline.json'))).toBe(true);
    expect(findings(dir)).toEqual([]);
    fs.writeFileSync(path.join(dir, 'empty.json'), '{"version": 1, "tool": "clavis-lint", "files": {}}');
    expect(findings(dir, ['--baseline', 'empty.json']).length).toBeGreaterThan(0);
  });

  it('prints every config error at once, one line each, and exits 2', () => {
    const dir = writeTree({ ...TREE, '.clavis-lint.yaml': 'exclud: []\nrules:\n  no-direct-env-raed: error\nextends: missing.yaml\n' });
    const run = runCli(['scan', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^clavis-lint: \.clavis-lint\.yaml:1:1: config: unknown key; .*did you mean "exclude"\?$/),
      expect.stringMatching(/^clavis-lint: \.clavis-lint\.yaml:4:10: extends: shared config not found/),
      expect.stringMatching(/^clavis-lint: \.clavis-lint\.yaml:3:3: rules: unknown rule id; .*did you mean "no-direct-env-read"\?$/),
    ]);
  });
});
