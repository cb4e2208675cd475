// PR-diff mode from the local git history only (never the GitHub API): which files and which
// added lines changed since REF. Works on a shallow `fetch-depth: 2` checkout with REF=HEAD^1.
import { execFileSync } from 'node:child_process';
import type { Finding } from './finding.js';
import { ConfigError } from './config-types.js';

export type DiffFilter = 'added' | 'file' | 'none';
/** file (root-relative) -> added line numbers (new side). */
export type ChangedLines = Map<string, Set<number>>;

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

export function changedLines(root: string, ref: string): ChangedLines {
  let prefix: string;
  try {
    git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
    prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  } catch {
    throw new ConfigError(`--changed-since: '${ref}' is not a commit in this repository (with fetch-depth: 2 use HEAD^1)`);
  }
  // Working tree vs REF: includes uncommitted edits, which is what a pre-commit or local run wants.
  const diff = git(root, ['diff', '--no-color', '--no-ext-diff', '--unified=0', '--relative', ref, '--']);
  const out: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const target = line.slice(4);
      current = target === '/dev/null' ? undefined : new Set<number>();
      if (current) out.set(unquote(target).replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let i = 0; i < count; i++) current.add(start + i);
    }
  }
  // Untracked files are wholly new.
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard']).split('\n').filter(Boolean);
  for (const file of untracked) out.set(file, new Set<number>([Number.POSITIVE_INFINITY]));
  void prefix;
  return out;
}

function unquote(p: string): string {
  return p.startsWith('"') && p.endsWith('"') ? p.slice(1, -1) : p;
}

/** reviewdog-style filter: `added` keeps findings whose lines were added, `file` findings in changed files, `none` everything. */
export function filterByDiff(findings: Finding[], changed: ChangedLines, mode: DiffFilter): Finding[] {
  if (mode === 'none') return findings;
  return findings.filter((f) => {
    const lines = changed.get(f.file);
    if (!lines) return false;
    if (mode === 'file') return true;
    if (lines.has(Number.POSITIVE_INFINITY)) return true;
    for (let l = f.line; l <= f.endLine; l++) if (lines.has(l)) return true;
    return false;
  });
}
