// A progress line on stderr for long text-format scans on a terminal. Silent in CI, when stderr
// is not a TTY, and for machine formats, so logs and piped output stay clean.
import type { CliIo } from '../main.js';

export function createProgress(format: string, io: CliIo): { update: (done: number, total: number) => void; done: () => void } {
  const enabled = format === 'text' && io.stderr.isTTY === true && !io.env.CI;
  const started = Date.now();
  let shown = false;
  return {
    update(done, total) {
      if (!enabled || Date.now() - started < 1000) return;
      shown = true;
      io.stderr.write(`\r\u001b[2Kclavis-lint: analysed ${done}/${total} files`);
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K');
    },
  };
}
