// Issue 14: a pull request must not quietly weaken the policy it is judged by. With
// `--policy-from REF` the config and registry come from REF (read through git), the working tree
// is scanned, and each weakening is reported by policy-weakened.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../support/hermetic-git.js';
import { runCli, writeTree } from '../support/run-cli.js';

const REGISTRY = `version: 1
secrets:
  - id: OpenAiApiKey
    env: OPENAI_API_KEY
    kind: secret
  - id: StripeSecretKey
    env: STRIPE_SECRET_KEY
    kind: secret
`;
const CONFIG = 'registry: secrets.registry.yaml\nrules:\n  no-direct-env-read: error\n';

/** A repository whose last commit is the base policy; the working tree is then changed by `edit`. */
function repoWithChange(edit: (dir: string) => void): string {
  const dir = writeTree({
    '.clavis-lint.yaml': CONFIG,
    'secrets.registry.yaml': REGISTRY,
    'src/app.ts': 'export const a = process.env.OPENAI_API_KEY;\nexport const b = process.env.STRIPE_SECRET_KEY;\n',
  });
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'base']);
  edit(dir);
  return dir;
}

function json(dir: string, args: string[]): { code: number; findings: Array<{ ruleId: string; file: string; line: number; message: string }>; stderr: string } {
  const run = runCli(['scan', '.', '--format', 'json', ...args], dir);
  const report = run.stdout ? (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; message: string }> }) : { findings: [] };
  return { code: run.code, findings: report.findings, stderr: run.stderr };
}

describe('--policy-from REF', () => {
  it('scans with the base config when the change excludes everything and turns the rule off', () => {
    const dir = repoWithChange((d) => fs.writeFileSync(path.join(d, '.clavis-lint.yaml'), 'registry: secrets.registry.yaml\nexclude: ["**"]\nrules:\n  no-direct-env-read: off\n'));
    const result = json(dir, ['--policy-from', 'HEAD']);
    expect(result.code).toBe(1);
    const direct = result.findings.filter((f) => f.ruleId === 'no-direct-env-read');
    expect(direct.map((f) => `${f.file}:${f.line}`)).toEqual(['src/app.ts:1', 'src/app.ts:2']);
    const weakened = result.findings.filter((f) => f.ruleId === 'policy-weakened').map((f) => f.message);
    expect(weakened.some((m) => /no-direct-env-read' lowered from error to off/.test(m))).toBe(true);
    expect(weakened.some((m) => /file\(s\) scanned under the base policy are no longer scanned/.test(m))).toBe(true);
  });

  it('keeps reporting a secret the change removes from the registry, and says it was removed', () => {
    const dir = repoWithChange((d) => fs.writeFileSync(path.join(d, 'secrets.registry.yaml'), REGISTRY.split('  - id: StripeSecretKey')[0]));
    const result = json(dir, ['--policy-from', 'HEAD']);
    expect(result.findings.some((f) => f.ruleId === 'no-direct-env-read' && f.line === 2)).toBe(true);
    expect(result.findings.some((f) => f.ruleId === 'policy-weakened' && /Secret 'StripeSecretKey' \(STRIPE_SECRET_KEY\) was removed/.test(f.message))).toBe(true);
    // Without --policy-from the change's own registry applies: the read is no longer reported.
    const head = json(dir, []);
    expect(head.findings.some((f) => f.ruleId === 'no-direct-env-read' && f.line === 2)).toBe(false);
    expect(head.findings.some((f) => f.ruleId === 'policy-weakened')).toBe(false);
  });

  it('reports a new suppression and a demoted secret; a change that only strengthens is silent', () => {
    const dir = repoWithChange((d) => {
      fs.writeFileSync(path.join(d, 'src/app.ts'), '// clavis-lint-disable-next-line no-direct-env-read -- temporary\nexport const a = process.env.OPENAI_API_KEY;\n');
      fs.writeFileSync(path.join(d, 'secrets.registry.yaml'), REGISTRY.replace('kind: secret\n  - id: Stripe', 'kind: config\n  - id: Stripe'));
    });
    const messages = json(dir, ['--policy-from', 'HEAD']).findings.filter((f) => f.ruleId === 'policy-weakened').map((f) => `${f.file}:${f.line} ${f.message}`);
    expect(messages).toContain('src/app.ts:1 New inline suppression of no-direct-env-read; the base version of this file has none here.');
    expect(messages.some((m) => /^secrets\.registry\.yaml:\d+ Secret 'OpenAiApiKey' changed from kind: secret to kind: config/.test(m))).toBe(true);

    const stronger = repoWithChange((d) => fs.writeFileSync(path.join(d, '.clavis-lint.yaml'), `${CONFIG}  registry-unreferenced: error\n`));
    expect(json(stronger, ['--policy-from', 'HEAD']).findings.filter((f) => f.ruleId === 'policy-weakened')).toEqual([]);
  });

  it('reads the baseline as committed at the ref: entries the change adds hide nothing', () => {
    const dir = repoWithChange(() => undefined);
    expect(runCli(['--update-baseline', '--baseline', '.clavis-lint-baseline.json'], dir).code).toBe(0);
    expect(json(dir, ['--baseline', '.clavis-lint-baseline.json']).findings).toEqual([]);
    const judged = json(dir, ['--baseline', '.clavis-lint-baseline.json', '--policy-from', 'HEAD']);
    expect(judged.code).toBe(1);
    expect(judged.findings.filter((f) => f.ruleId === 'no-direct-env-read')).toHaveLength(2);
    // Once the baseline is committed, the base has it too.
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'baseline']);
    expect(json(dir, ['--baseline', '.clavis-lint-baseline.json', '--policy-from', 'HEAD']).findings).toEqual([]);
  });

  it('is a usage error for a ref that is not a commit, and never runs a ref as an option', () => {
    const dir = repoWithChange(() => undefined);
    for (const ref of ['no-such-branch', '--output=/tmp/x']) {
      const run = runCli(['scan', '.', `--policy-from=${ref}`], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/--policy-from: .* is not a commit in this repository/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('reads a base config that is a symbolic link as absent, never through the link', () => {
    const outside = writeTree({ 'evil.yaml': 'registry: secrets.registry.yaml\nexclude: ["**"]\n' });
    const dir = repoWithChange(() => undefined);
    fs.rmSync(path.join(dir, '.clavis-lint.yaml'));
    fs.symlinkSync(path.join(outside, 'evil.yaml'), path.join(dir, '.clavis-lint.yaml'));
    git(dir, ['add', '-A']);
    git(dir, ['commit', '-q', '-m', 'link']);
    fs.rmSync(path.join(dir, '.clavis-lint.yaml'));
    fs.writeFileSync(path.join(dir, '.clavis-lint.yaml'), CONFIG);
    // The base has only a link: its policy is the defaults (the registry file is found by name).
    const result = json(dir, ['--policy-from', 'HEAD']);
    expect(result.findings.filter((f) => f.ruleId === 'no-direct-env-read')).toHaveLength(2);
  });
});
