// Runs the CLI's main() in this process (the same argv -> engine -> reporter path as bin/, without
// a node start per run: the shard tests make a few dozen runs).
import { Writable } from 'node:stream';
import { main, type CliIo } from '../../src/cli/main.js';

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

function sink(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

export async function runMain(args: string[], cwd: string): Promise<InProcessRun> {
  const out = sink();
  const err = sink();
  const io: CliIo = { cwd, stdout: out.stream, stderr: err.stream, env: { CI: 'true', NO_COLOR: '1' } };
  // In-process analysis (no worker threads): `merge` ignores the flag.
  const code = await main([...args, '--workers', '0'], io);
  return { code, stdout: out.text(), stderr: err.text() };
}
