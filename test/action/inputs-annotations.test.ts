// Unit tests of the Action's input parsing and annotation selection (the end-to-end test runs
// the bundle; these pin the rules cheaply).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, pullRequestBase, readInputs } from '../../src/action/inputs.js';
import { selectAnnotations } from '../../src/action/annotations.js';
import type { Finding } from '../../src/core/finding.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { tempDir } from '../support/run-cli.js';

const SHA = 'a'.repeat(40);

function eventFile(payload: unknown): string {
  const file = path.join(tempDir(), 'event.json');
  fs.writeFileSync(file, JSON.stringify(payload));
  return file;
}

describe('readInputs', () => {
  it('applies the documented defaults', () => {
    expect(readInputs(() => '', {})).toEqual({
      path: '.',
      config: undefined,
      registry: undefined,
      format: 'text',
      sarifFile: 'clavis-lint.sarif',
      changedSince: undefined,
      changedSinceOrigin: 'none',
      diffFilter: 'file',
      failOn: 'error',
      baseline: undefined,
      policyFrom: undefined,
      policyFromOrigin: 'head',
      allowEmpty: false,
    });
  });

  it('reads allow-empty as a boolean and rejects anything else', () => {
    expect(readInputs((name) => (name === 'allow-empty' ? 'true' : ''), {})).toMatchObject({ allowEmpty: true });
    expect(() => readInputs((name) => (name === 'allow-empty' ? 'yes' : ''), {})).toThrow(InputError);
  });

  it('takes the policy from the pull request base by default, and validates policy-from', () => {
    const env = { GITHUB_EVENT_PATH: eventFile({ pull_request: { base: { sha: SHA } } }) };
    expect(readInputs(() => '', env)).toMatchObject({ policyFrom: SHA, policyFromOrigin: 'pull-request' });
    expect(readInputs((name) => (name === 'policy-from' ? 'head' : ''), env)).toMatchObject({ policyFrom: undefined, policyFromOrigin: 'head' });
    expect(readInputs((name) => (name === 'policy-from' ? 'origin/main' : ''), {})).toMatchObject({ policyFrom: 'origin/main', policyFromOrigin: 'input' });
    expect(() => readInputs((name) => (name === 'policy-from' ? 'base' : ''), {})).toThrow(/needs a pull_request event/);
    expect(() => readInputs((name) => (name === 'policy-from' ? '--output=/tmp/x' : ''), {})).toThrow(InputError);
  });

  it('defaults changed-since to the pull request base, and an explicit input wins', () => {
    const env = { GITHUB_EVENT_PATH: eventFile({ pull_request: { base: { sha: SHA } } }) };
    expect(readInputs(() => '', env)).toMatchObject({ changedSince: SHA, changedSinceOrigin: 'pull-request' });
    const explicit = readInputs((name) => (name === 'changed-since' ? 'HEAD~3' : ''), env);
    expect(explicit).toMatchObject({ changedSince: 'HEAD~3', changedSinceOrigin: 'input' });
  });

  it('ignores push payloads, unreadable files and malformed shas', () => {
    expect(pullRequestBase({ GITHUB_EVENT_PATH: eventFile({ ref: 'refs/heads/main', before: SHA }) })).toBeUndefined();
    expect(pullRequestBase({ GITHUB_EVENT_PATH: '/nonexistent/event.json' })).toBeUndefined();
    expect(pullRequestBase({ GITHUB_EVENT_PATH: eventFile({ pull_request: { base: { sha: '--output=/etc/x' } } }) })).toBeUndefined();
  });

  it('rejects invalid enumerated inputs', () => {
    expect(() => readInputs((name) => (name === 'fail-on' ? 'sometimes' : ''), {})).toThrow(InputError);
    expect(() => readInputs((name) => (name === 'format' ? 'xml' : ''), {})).toThrow(/expected text\|json\|sarif\|github\|markdown/);
    expect(() => readInputs((name) => (name === 'diff-filter' ? 'lines' : ''), {})).toThrow(/added\|file\|none/);
  });
});

function finding(line: number, severity: 'error' | 'warning', file = 'src/a.ts'): Finding {
  return {
    ruleId: 'no-direct-env-read',
    severity,
    file,
    line,
    column: 3,
    endLine: line,
    endColumn: 9,
    message: `read at ${line}.`,
    secretId: 'OpenRouterApiKey',
    envName: 'OPENROUTER_API_KEY',
    fingerprint: `f${line}`,
  };
}

describe('selectAnnotations', () => {
  const rules = ALL_RULES.map((r) => r.meta);
  const toWorkspacePath = (file: string): string => `app/${file}`;

  it('keeps at most 10 per level and puts findings on changed lines first', () => {
    const findings = [...Array.from({ length: 15 }, (_, i) => finding(i + 1, 'error')), ...Array.from({ length: 12 }, (_, i) => finding(100 + i, 'warning'))];
    const changed = new Map([['src/a.ts', new Set([14, 15, 111])]]);
    const { annotations, hidden } = selectAnnotations(findings, { changed, rules, toWorkspacePath });
    const errors = annotations.filter((a) => a.level === 'error');
    const warnings = annotations.filter((a) => a.level === 'warning');
    expect(errors.map((a) => a.startLine)).toEqual([14, 15, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(warnings.map((a) => a.startLine)).toEqual([111, 100, 101, 102, 103, 104, 105, 106, 107, 108]);
    expect(hidden).toEqual({ error: 5, warning: 2 });
  });

  it('names the rule, the secret and the fix, with workspace-relative paths', () => {
    const { annotations } = selectAnnotations([finding(3, 'error')], { rules, toWorkspacePath });
    expect(annotations).toHaveLength(1);
    const [a] = annotations;
    expect(a.title).toBe('clavis-lint no-direct-env-read (OpenRouterApiKey)');
    expect(a.file).toBe('app/src/a.ts');
    expect(a).toMatchObject({ startLine: 3, endLine: 3, startColumn: 3, endColumn: 9 });
    expect(a.message).toContain('Secret: OpenRouterApiKey (OPENROUTER_API_KEY)');
    expect(a.message).toMatch(/\nFix: \S/);
  });

  it('treats a wholly new file as changed and drops columns on multi-line findings', () => {
    const multi = { ...finding(5, 'warning', 'src/new.ts'), endLine: 7 };
    const changed = new Map([['src/new.ts', new Set([Number.POSITIVE_INFINITY])]]);
    const { annotations } = selectAnnotations([finding(1, 'warning'), multi], { changed, rules, toWorkspacePath, max: 1 });
    expect(annotations).toHaveLength(1);
    expect(annotations[0]).toMatchObject({ file: 'app/src/new.ts', startLine: 5, endLine: 7 });
    expect(annotations[0].startColumn).toBeUndefined();
  });
});
