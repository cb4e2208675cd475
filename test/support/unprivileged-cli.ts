// Permission-denied cases need a process that permissions apply to: the tests run as root, so the
// CLI is started as `nobody` (uid/gid 65534) on a tree handed over to that user. Owner bits then
// decide, so `chmod 000` on a directory or file makes it unreadable for the scan.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, type CliRun } from './run-cli.js';

export const NOBODY = 65534;

/** Gives `dir` and everything below it to nobody (symlinks themselves, never their targets). */
export function giveToNobody(dir: string): void {
  fs.lchownSync(dir, NOBODY, NOBODY);
  if (!fs.lstatSync(dir).isDirectory()) return;
  for (const name of fs.readdirSync(dir)) giveToNobody(path.join(dir, name));
}

/** Runs the CLI as nobody in `cwd`. HOME is `cwd` and git's global config is empty: root's are unreadable. */
export function runCliAsNobody(args: string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', HOME: cwd, GIT_CONFIG_GLOBAL: '/dev/null', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
