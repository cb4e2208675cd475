// `--policy-from`: a change that lowers a rule through `overrides:` or through what it `extends`
// is a weakening policy-weakened reports, like a lowered `rules:` level (issue 11 + issue 14).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../support/hermetic-git.js';
import { runCli, writeTree } from '../support/run-cli.js';

const REGISTRY = 'version: 1\nsecrets:\n  - id: OpenAiApiKey\n    env: OPENAI_API_KEY\n    kind: secret\n';

function repoWithChange(files: Record<string, string>, edit: Record<string, string>): string {
  const dir = writeTree({ 'secrets.registry.yaml': REGISTRY, 'src/app.ts': 'export const a = process.env.OPENAI_API_KEY;\n', 'legacy/old.ts': 'export const b = process.env.OPENAI_API_KEY;\n', ...files });
  git(dir, ['init', '-q', '-b', 'main']);
  git(dir, ['add', '-A']);
  git(dir, ['commit', '-q', '-m', 'base']);
  for (const [rel, text] of Object.entries(edit)) fs.writeFileSync(path.join(dir, rel), text);
  return dir;
}

function weakened(dir: string): { messages: string[]; direct: string[] } {
  const run = runCli(['scan', '.', '--format', 'json', '--policy-from', 'HEAD'], dir);
  const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; file: string; line: number; message: string }> }).findings;
  return {
    messages: findings.filter((f) => f.ruleId === 'policy-weakened').map((f) => `${f.file}:${f.line} ${f.message}`),
    direct: findings.filter((f) => f.ruleId === 'no-direct-env-read').map((f) => f.file),
  };
}

describe('policy-weakened and overrides/extends', () => {
  it('reports an override that turns a rule off for some files, and judges by the base levels', () => {
    const dir = repoWithChange(
      { '.clavis-lint.yaml': 'rules:\n  no-direct-env-read: error\n' },
      { '.clavis-lint.yaml': 'rules:\n  no-direct-env-read: error\noverrides:\n  - files: ["legacy/**"]\n    rules: { no-direct-env-read: off }\n' },
    );
    const result = weakened(dir);
    expect(result.direct).toEqual(['legacy/old.ts', 'src/app.ts']);
    expect(result.messages).toEqual([".clavis-lint.yaml:3 Rule 'no-direct-env-read' lowered from error to off in legacy/old.ts compared with the base policy."]);
  });

  it('reports a level lowered by a changed shared config (extends), read at the base', () => {
    const dir = repoWithChange(
      { '.clavis-lint.yaml': 'extends: shared/base.yaml\n', 'shared/base.yaml': 'rules:\n  no-direct-env-read: error\n' },
      { 'shared/base.yaml': 'rules:\n  no-direct-env-read: warn\n' },
    );
    const result = weakened(dir);
    expect(result.messages.some((m) => m.includes("Rule 'no-direct-env-read' lowered from error to warn"))).toBe(true);
  });

  it('is silent when an override only raises a level', () => {
    const dir = repoWithChange(
      { '.clavis-lint.yaml': 'rules:\n  no-direct-env-read: warn\n' },
      { '.clavis-lint.yaml': 'rules:\n  no-direct-env-read: warn\noverrides:\n  - files: ["src/**"]\n    rules: { no-direct-env-read: error }\n' },
    );
    expect(weakened(dir).messages).toEqual([]);
  });
});
