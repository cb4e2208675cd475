// `git` for tests that build throwaway repositories: a fixed identity, and neither the system's
// nor the user's git config, so commits work on any machine (CI has no user.name) and hooks,
// signing or templates configured by the developer never interfere.
import { execFileSync } from 'node:child_process';

export const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Runs git in `cwd` and returns its stdout; throws on a non-zero exit. */
export function git(cwd: string, args: string[]): string {
  // A large buffer: `ls-files -z` of a whole working tree can exceed the 1 MiB default.
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...GIT_ENV }, maxBuffer: 64 * 1024 * 1024 });
}
