// `--today` / `--hard-cut` on the command line, and the TTY-only progress line.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/commands/progress.js';
import type { CliIo } from '../../src/cli/main.js';
import { runCli, writeTree } from '../support/run-cli.js';

function project(): string {
  return writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
    'secrets.registry.yaml': [
      'version: 1',
      'secrets:',
      '  - id: StripeSecretKey',
      '    env: STRIPE_SECRET_KEY',
      '    deprecated: [{ name: STRIPE_KEY, remove_after: 2027-03-31 }]',
      '    kind: secret',
      '',
    ].join('\n'),
    '.env.production': 'STRIPE_KEY=\n',
  });
}

function aliasSeverities(args: string[]): string[] {
  const run = runCli(['.', '--format', 'json', '--rule', 'env-example-drift=off', ...args], project());
  const out = JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; severity: string }> };
  return out.findings.filter((f) => f.ruleId === 'no-deprecated-alias').map((f) => f.severity);
}

describe('lifecycle flags', () => {
  it('warns before the removal date, errs on and after it, and always with --hard-cut', () => {
    expect(aliasSeverities(['--today', '2027-03-30'])).toEqual(['warning']);
    expect(aliasSeverities(['--today', '2027-03-31'])).toEqual(['error']);
    expect(aliasSeverities(['--today', '2027-04-01'])).toEqual(['error']);
    expect(aliasSeverities(['--today', '2026-01-01', '--hard-cut'])).toEqual(['error']);
  });

  it('rejects a malformed --today with exit 2', () => {
    const run = runCli(['.', '--today', '2027-02-30x'], project());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected YYYY-MM-DD');
  });
});

function fakeIo(isTTY: boolean, env: Record<string, string> = {}): { io: CliIo; written: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  }) as Writable & { isTTY?: boolean };
  stream.isTTY = isTTY;
  return { io: { cwd: '.', stdout: stream, stderr: stream, env }, written: () => text };
}

describe('progress line', () => {
  it('appears on a TTY for long text scans only, and never in CI or for machine formats', async () => {
    const cases: Array<[boolean, string, Record<string, string>, boolean]> = [
      [true, 'text', {}, true],
      [false, 'text', {}, false],
      [true, 'text', { CI: 'true' }, false],
      [true, 'json', {}, false],
    ];
    for (const [tty, format, env, expected] of cases) {
      const { io, written } = fakeIo(tty, env);
      const progress = createProgress(format, io);
      progress.update(1, 10); // under a second: never shown
      expect(written()).toBe('');
      await new Promise((resolve) => setTimeout(resolve, 1050));
      progress.update(5, 10);
      progress.done();
      expect(written().includes('analysed 5/10 files'), `${tty} ${format} ${JSON.stringify(env)}`).toBe(expected);
    }
  });
});
