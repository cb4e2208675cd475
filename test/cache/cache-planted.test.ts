// A cache committed to the repository is not used: a pull request could commit a results.json
// that says a file holds no facts, and the scan would report nothing for it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../support/hermetic-git.js';
import { runCli, writeTree } from '../support/run-cli.js';
import { REGISTRY } from './tree.js';

// A user cache directory of its own: the scan remembers there that git tracks nothing in the
// cache directory (src/cache/untracked-memo.ts), and the test reads what it kept.
const USER_CACHE = fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-user-cache-'));
const LOCAL = { CI: '', XDG_CACHE_HOME: USER_CACHE };
const MEMO = path.join(USER_CACHE, 'clavis-lint', 'untracked-cache-directories.json');
const RESULTS = path.join('.clavis-lint-cache', 'results.json');
const REPORT = path.join('.clavis-lint-cache', 'report.json');

function scan(root: string) {
  return runCli(['.', '--format', 'json', '--cache'], root, { ...LOCAL, CLAVIS_LINT_DEBUG_CACHE: '1' });
}

/** Rewrites the stored analysis of `file` (plain JSON: it quotes nothing of the file). */
function rewrite(root: string, file: string, change: (analysis: { facts: { facts: unknown[] } }) => unknown): void {
  const doc = JSON.parse(fs.readFileSync(path.join(root, RESULTS), 'utf8')) as { files: Record<string, { analysis: string; sealed?: boolean }> };
  const entry = doc.files[file];
  expect(entry.sealed).not.toBe(true);
  entry.analysis = JSON.stringify(change(JSON.parse(entry.analysis)));
  fs.writeFileSync(path.join(root, RESULTS), JSON.stringify(doc));
  // The replayed report (report-replay.ts) would answer before results.json is read: gone, so the entry is what the scan meets.
  fs.rmSync(path.join(root, REPORT), { force: true });
}

/** Every fact dropped, in the right shape: what a poisoned cache would serve. */
const poison = (root: string, file: string): void => rewrite(root, file, (a) => ({ ...a, facts: { ...a.facts, facts: [] } }));

describe('a cache committed to the repository', () => {
  it('is not read: the findings stay, and the scan says why', () => {
    const root = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'src/app.ts': 'export const key = process.env.OPENAI_API_KEY;\n',
    });
    git(root, ['init', '-q']);
    git(root, ['add', '.']);
    git(root, ['commit', '-qm', 'app']);
    const uncached = runCli(['.', '--format', 'json', '--no-cache'], root, LOCAL);
    expect(uncached.stdout).toContain('src/app.ts');
    expect(scan(root).stdout).toBe(uncached.stdout);

    // An entry of another shape (damaged, hand-edited) is a miss, not an internal error.
    rewrite(root, 'src/app.ts', (a) => ({ ...a, facts: [] }));
    expect(scan(root).stdout).toBe(uncached.stdout);

    // Untracked (written by the scan, or restored by actions/cache), a poisoned entry would be served:
    poison(root, 'src/app.ts');
    const served = scan(root);
    expect(served.code).toBe(0);
    expect(served.stdout).not.toContain('src/app.ts');

    // git's "nothing tracked there" was remembered with the index it answered for.
    const memo = JSON.parse(fs.readFileSync(MEMO, 'utf8')) as Record<string, string>;
    expect(Object.keys(memo).filter((key) => key.endsWith(`${path.sep}.clavis-lint-cache`))).toHaveLength(1);

    // Staged, not yet committed: the index changed, so git is asked again; not used.
    poison(root, 'src/app.ts');
    git(root, ['add', '-f', '.clavis-lint-cache']);
    const staged = scan(root);
    expect(staged.stdout).toBe(uncached.stdout);
    expect(staged.stderr).toContain('the cache directory holds files committed to the repository');

    // Committed, as a pull request would: not used at all.
    poison(root, 'src/app.ts');
    git(root, ['add', '-f', '.clavis-lint-cache']);
    git(root, ['commit', '-qm', 'plant a cache']);
    const planted = scan(root);
    expect(planted.stdout).toBe(uncached.stdout);
    expect(planted.stderr).toContain('the cache directory holds files committed to the repository');
    expect(planted.stderr).toContain('clavis-lint: cache: {"hits":0,');
  });
});
