// Process entry: the one place that sets the exit code.
//
// A report that cannot be delivered is a failure of the run, not a crash: when standard output is
// closed (`clavis-lint | head -0`: EPIPE) or full (`> /dev/full`: ENOSPC), Node would print an
// "Unhandled 'error' event" stack trace and exit 1, which reads as "findings" to a CI script. The
// streams get error listeners, every pending write is waited for, and then such a run ends with
// one line on stderr and exit 2, whatever the format.
import { configureCodeCache, defaultCodeCacheDirectory, saveCodeCaches } from '../core/code-cache.js';
import { tuneTieringForScans } from '../core/v8-flags.js';
import { EXIT_USAGE, main } from './main.js';

interface WatchedStream {
  /** The first write error (error code, e.g. EPIPE), if any. */
  readonly failure: string | undefined;
  /** Resolves once everything written so far has been flushed or has failed. */
  settled(): Promise<void>;
}

function watch(stream: NodeJS.WriteStream): WatchedStream {
  let failure: string | undefined;
  const record = (err: NodeJS.ErrnoException | null | undefined): void => {
    if (err && failure === undefined) failure = err.code ?? err.name ?? 'error';
  };
  stream.on('error', record);
  return {
    get failure() {
      return failure;
    },
    settled: () =>
      new Promise<void>((resolve) => {
        // A failed write destroys the stream at once but emits 'error' on the next tick: let it arrive.
        const done = (): void => void setImmediate(resolve);
        if (stream.destroyed || stream.writableEnded) return done();
        // Writes are ordered: this empty write's callback runs after every earlier one.
        stream.write('', (err) => {
          if ((err as NodeJS.ErrnoException | null | undefined)?.code !== 'ERR_STREAM_DESTROYED') record(err);
          done();
        });
      }),
  };
}

export async function run(): Promise<void> {
  const stdout = watch(process.stdout);
  const stderr = watch(process.stderr);
  // The compiled TypeScript compiler is kept between runs (core/code-cache.ts); only a real CLI
  // process turns that on, not a test or a program calling `main` or `scan`.
  tuneTieringForScans(); // before anything compiles that the code cache keeps (core/v8-flags.ts)
  configureCodeCache(defaultCodeCacheDirectory(process.env), { write: true });
  let code = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, env: process.env });
  await stdout.settled();
  // After the report is out: writing the cache (first run only) delays nothing the user waits for.
  saveCodeCaches();
  if (stdout.failure !== undefined) {
    code = EXIT_USAGE;
    if (stderr.failure === undefined) process.stderr.write(`clavis-lint: cannot write to standard output (${stdout.failure}); the output is incomplete\n`);
  }
  process.exitCode = code;
}
