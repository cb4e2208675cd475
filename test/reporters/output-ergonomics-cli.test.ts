// Issue 11, output: --format compact, paths relative to the working directory (text/compact only),
// OSC 8 links to rule docs where the terminal supports them, and masked lines that keep the words
// that are not values.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueWordsIn } from '../../src/core/value-masking.js';
import { runCli, writeTree } from '../support/run-cli.js';

const REGISTRY = 'version: 1\nsecrets:\n  - id: OpenAiApiKey\n    env: OPENAI_API_KEY\n    kind: secret\n';
const PASSWORD = 'wombatquixoticfjord';

function project(): string {
  return writeTree({
    '.git/HEAD': '',
    'secrets.registry.yaml': REGISTRY,
    'pkg/src/app.ts': 'export const a = process.env.OPENAI_API_KEY;\n',
    '.github/workflows/ci.yml': [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      `      - run: npm test --verbose --password ${PASSWORD} --flag=hunter2hunter2 \${{ secrets.UNKNOWN_TOKEN }}`,
      '',
    ].join('\n'),
  });
}

describe('--format compact', () => {
  it('prints one line per finding, relative to the working directory, then the verdict', () => {
    const dir = project();
    const run = runCli(['.', '--format', 'compact'], dir);
    expect(run.code, run.stderr).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toContain("pkg/src/app.ts:1:18: error no-direct-env-read 'OPENAI_API_KEY' (OpenAiApiKey) is read from the environment via process.env; get it through the resolver instead.");
    expect(lines.at(-1)).toMatch(/^\d+ problems? \(/);
    const inPkg = runCli(['..', '--format', 'compact'], path.join(dir, 'pkg'));
    expect(inPkg.stdout).toContain('src/app.ts:1:18: error no-direct-env-read ');
    expect(inPkg.stdout).toContain('../.github/workflows/ci.yml:6:');
    // The machine contract keeps root-relative paths whatever the working directory.
    const json = JSON.parse(runCli(['..', '--format', 'json'], path.join(dir, 'pkg')).stdout) as { findings: Array<{ file: string }> };
    expect(json.findings.map((f) => f.file)).toContain('pkg/src/app.ts');
  });
});

describe('text output', () => {
  it('links rule ids to their docs only when FORCE_HYPERLINK says so (the test runs with CI set and no TTY)', () => {
    const dir = project();
    const plain = runCli(['.'], dir);
    expect(plain.stdout).not.toContain('\u001b]8;;');
    expect(plain.stdout).toMatch(/Problems by rule:\n {2}\d+ {2}[a-z-]+/);
    const linked = runCli(['.'], dir, { FORCE_HYPERLINK: '1' });
    expect(linked.stdout).toContain('\u001b]8;;https://github.com/clavis-lint/clavis-lint/blob/main/docs/rules/no-direct-env-read.md\u001b\\no-direct-env-read\u001b]8;;\u001b\\');
    expect(runCli(['.', '--output', path.join(dir, 'out.txt')], dir, { FORCE_HYPERLINK: '1' }).stdout).toBe('');
  });

  it('a reported run: line shows its commands and flags; only the values are masked', () => {
    const run = runCli(['.'], project());
    const line = run.stdout.split('\n').find((l) => l.includes('6 |'));
    expect(line).toBe(`    6 |       - run: npm test --verbose --password ${'*'.repeat(PASSWORD.length)} --flag=************** \${{ secrets.UNKNOWN_TOKEN }}`);
    expect(run.stdout).not.toContain(PASSWORD);
    expect(run.stdout).not.toContain('hunter2');
  });
});

describe('valueWordsIn', () => {
  const masked = (line: string): string => {
    let out = line;
    for (const [s, e] of valueWordsIn(line, 0, line.length)) out = out.slice(0, s) + '*'.repeat(e - s) + out.slice(e);
    return out;
  };
  it('keeps flags, short lowercase words, env names and ./ paths; masks the rest', () => {
    expect(masked('install --frozen-lockfile -H OPENAI_API_KEY ./deploy.sh')).toBe('install --frozen-lockfile -H OPENAI_API_KEY ./deploy.sh');
    expect(masked('test quokkazephyrvortexbramble qx7.vorpal AKIAIOSFODNN7EXAMPLE')).toBe('test ************************* ********** ********************');
  });
  it('masks the word after a flag and the value of name=value', () => {
    expect(masked('--password hunter --token=abc KEY=value')).toBe('--password ****** --token=*** KEY=*****');
    expect(masked('"--user" \'secret\'')).toBe('"--user" ********');
  });
});
