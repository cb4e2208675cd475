// The progress line (issue 12) driven through a fake TTY stream and a fake clock: files, then the
// leak pass, shown only after a second, cleared at the end; silent with --quiet, off a TTY, in CI
// and for a machine format on stdout (shown for one written to a file).
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressOptions } from '../../src/cli/commands/progress.js';

function fakeTerminal(isTTY: boolean, env: Record<string, string> = {}) {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  }) as Writable & { isTTY?: boolean };
  stream.isTTY = isTTY;
  return { io: { cwd: '.', stdout: stream, stderr: stream, env }, written: () => text };
}

/** A clock the test moves, and a scheduler whose pending timer the test fires. */
function fakeTime() {
  let ms = 0;
  let pending: (() => void) | undefined;
  const options: ProgressOptions = {
    now: () => ms,
    schedule: (run) => {
      pending = run;
      return () => (pending = undefined);
    },
  };
  return { options, advance: (by: number) => (ms += by), fire: () => pending?.() };
}

const CLEAR = '\r\u001b[2K';

describe('progress line', () => {
  it('shows files, then the leak pass, after a second, and clears itself', () => {
    const { io, written } = fakeTerminal(true);
    const time = fakeTime();
    const progress = createProgress('text', io, time.options);
    progress.update(100, 400);
    expect(written()).toBe(''); // under a second
    time.advance(1200);
    progress.update(200, 400);
    progress.phase('leak');
    progress.done();
    expect(written()).toBe(`${CLEAR}clavis-lint: analysed 200/400 files${CLEAR}clavis-lint: leak analysis (data flow across files)…${CLEAR}`);
  });

  it('a leak pass that starts early and runs long appears when the second is up', () => {
    const { io, written } = fakeTerminal(true);
    const time = fakeTime();
    const progress = createProgress('text', io, time.options);
    progress.phase('leak');
    expect(written()).toBe('');
    time.advance(1000);
    time.fire();
    expect(written()).toBe(`${CLEAR}clavis-lint: leak analysis (data flow across files)…`);
    progress.done();
    expect(written().endsWith(CLEAR)).toBe(true);
  });

  it('a scan done within the second writes nothing, even when the timer fires late', () => {
    const { io, written } = fakeTerminal(true);
    const time = fakeTime();
    const progress = createProgress('text', io, time.options);
    progress.phase('leak');
    progress.done();
    time.fire();
    expect(written()).toBe('');
  });

  const silent: Array<[string, boolean, string, Record<string, string>, ProgressOptions]> = [
    ['--quiet', true, 'text', {}, { quiet: true }],
    ['not a TTY', false, 'text', {}, {}],
    ['CI', true, 'text', { CI: 'true' }, {}],
    ['JSON to stdout', true, 'json', {}, {}],
    ['SARIF to stdout', true, 'sarif', {}, {}],
  ];
  for (const [name, tty, format, env, extra] of silent) {
    it(`is silent: ${name}`, () => {
      const { io, written } = fakeTerminal(tty, env);
      const time = fakeTime();
      const progress = createProgress(format, io, { ...time.options, ...extra });
      time.advance(5000);
      progress.update(1, 2);
      progress.phase('leak');
      time.fire();
      progress.done();
      expect(written()).toBe('');
    });
  }

  it('shows for SARIF written to a file (-o)', () => {
    const { io, written } = fakeTerminal(true);
    const time = fakeTime();
    const progress = createProgress('sarif', io, { ...time.options, reportToFile: true });
    time.advance(1500);
    progress.phase('leak');
    progress.done();
    expect(written()).toContain('leak analysis');
  });
});
