// A progress line on stderr for long scans on a terminal: files analysed, then the leak pass (the
// cross-file data flow, often most of a large scan). Shown only once the scan has run about a
// second, overwritten in place and cleared at the end. Silent in CI, when stderr is not a TTY,
// with -q/--quiet, and for machine formats written to stdout (a terminal showing JSON or SARIF
// is usually being copied from); a machine format written to a file (-o) may show it.
import type { CliIo } from '../main.js';

export interface ProgressOptions {
  /** -q/--quiet. */
  quiet?: boolean;
  /** The report goes to a file (-o), not to stdout. */
  reportToFile?: boolean;
  /** Milliseconds clock and timer, replaced in tests (default: Date.now and an unref'd setTimeout). */
  now?: () => number;
  schedule?: (run: () => void, ms: number) => () => void;
}

export interface Progress {
  update: (done: number, total: number) => void;
  /** A phase without a count: the leak pass. */
  phase: (name: 'leak') => void;
  done: () => void;
}

const SHOW_AFTER_MS = 1000;

export function createProgress(format: string, io: CliIo, options: ProgressOptions = {}): Progress {
  const enabled = (format === 'text' || options.reportToFile === true) && io.stderr.isTTY === true && !io.env.CI && !options.quiet;
  const now = options.now ?? Date.now;
  const schedule = options.schedule ?? defaultSchedule;
  const started = now();
  let line = '';
  let shown = false;
  let finished = false;
  let cancel: (() => void) | undefined;
  const show = (): void => {
    if (finished || !line) return;
    shown = true;
    io.stderr.write(`\r\u001b[2K${line}`);
  };
  const set = (text: string): void => {
    if (!enabled || finished) return;
    line = text;
    const elapsed = now() - started;
    if (elapsed >= SHOW_AFTER_MS) show();
    // A long phase with no further events (the leak pass) still appears once the second is up.
    else cancel ??= schedule(show, SHOW_AFTER_MS - elapsed);
  };
  return {
    update: (done, total) => set(`clavis-lint: analysed ${done}/${total} files`),
    phase: () => set('clavis-lint: leak analysis (data flow across files)…'),
    done() {
      finished = true;
      cancel?.();
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}

function defaultSchedule(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  timer.unref();
  return () => clearTimeout(timer);
}
