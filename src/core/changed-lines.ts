// PR-diff mode from the local git history only (never the GitHub API): which files and which
// added lines changed since REF. Works on a shallow `fetch-depth: 2` checkout with REF=HEAD^1.
//
// Every path comes from NUL-separated output (`--name-status -z`, `ls-files -z`), so a name git
// would quote (non-ASCII, `"`, a newline) or end with a tab (a trailing space) keeps its
// findings. The added lines come from one `--unified=0` patch whose per-file sections are paired
// with those names in order; each section's header is checked against the name, and if any does
// not match, each file is diffed on its own with a literal pathspec.
import type { Finding } from './finding.js';
import { ConfigError } from './config-types.js';
import { findRepository, resolveCommitIn, runGit, splitNul, type GitRepository } from './git.js';

export type DiffFilter = 'added' | 'file' | 'none';
/**
 * file (root-relative) -> added line numbers (new side). An untracked file holds
 * POSITIVE_INFINITY (wholly new); a deleted file is present with no lines.
 */
export type ChangedLines = Map<string, Set<number>>;

/** Options every diff gets: no external diff or textconv, fixed prefixes, no renames, no colour. */
const DIFF_OPTIONS = ['--no-color', '--no-ext-diff', '--no-textconv', '--no-renames', '--src-prefix=a/', '--dst-prefix=b/', '--relative', '--inter-hunk-context=0'];

export function changedLines(root: string, ref: string): ChangedLines {
  const repo = findRepository(root);
  const commit = repo ? resolveCommitIn(repo, ref) : undefined;
  if (!repo || !commit) {
    throw new ConfigError(`--changed-since: '${ref}' is not a commit in this repository (with fetch-depth: 2 use HEAD^1)`);
  }
  // Working tree vs REF: includes uncommitted edits, which is what a pre-commit or local run wants.
  // git runs in `root`, so `--relative` and `ls-files` give root-relative paths under root only.
  const names = changedNames(repo, root, commit);
  const out: ChangedLines = new Map();
  const sections = patchSections(runGit(repo, ['diff', ...DIFF_OPTIONS, '--unified=0', commit, '--'], root).toString('utf8'));
  const paired = sections.length === names.length && sections.every((section, i) => section[0] === diffHeader(names[i]));
  for (let i = 0; i < names.length; i++) {
    // A type change (file <-> symlink) is two sections for one name: the per-file diff joins them.
    const own = paired ? [sections[i]] : patchSections(runGit(repo, ['diff', ...DIFF_OPTIONS, '--unified=0', commit, '--', `:(literal)${names[i]}`], root).toString('utf8'));
    out.set(names[i], new Set(own.flatMap((section) => [...addedLines(section)])));
  }
  // Untracked files are wholly new.
  for (const file of splitNul(runGit(repo, ['ls-files', '-z', '--others', '--exclude-standard'], root))) {
    out.set(file, new Set<number>([Number.POSITIVE_INFINITY]));
  }
  return out;
}

/** Changed paths (added, modified, deleted, type-changed) relative to root, in git's diff order. */
function changedNames(repo: GitRepository, root: string, commit: string): string[] {
  const fields = splitNul(runGit(repo, ['diff', ...DIFF_OPTIONS, '--name-status', '-z', commit, '--'], root));
  const names: string[] = [];
  // `STATUS NUL PATH NUL` per file (no renames or copies, so one path each).
  for (let i = 0; i + 1 < fields.length; i += 2) names.push(fields[i + 1]);
  return names;
}

/** The patch split into one array of lines per `diff --git` section (a header line never holds a raw newline). */
function patchSections(patch: string): string[][] {
  const sections: string[][] = [];
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) sections.push([line]);
    else if (sections.length > 0) sections[sections.length - 1].push(line);
  }
  return sections;
}

/** New-side line numbers of the `+` lines in one file's hunks. */
function addedLines(section: string[]): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const line of section) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
    } else if (inHunk && line.startsWith('+')) lines.add(next++);
    else if (inHunk && line.startsWith(' ')) next++;
  }
  return lines;
}

/** The `diff --git` line git writes for `name` with core.quotePath=false. */
function diffHeader(name: string): string {
  return `diff --git ${quotePath(`a/${name}`)} ${quotePath(`b/${name}`)}`;
}

const C_ESCAPES: Record<string, string> = { '\u0007': '\\a', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\u000b': '\\v', '\f': '\\f', '\r': '\\r', '"': '\\"', '\\': '\\\\' };

/** git's quote_c_style: quoted only when a byte needs an escape (quotePath=false leaves non-ASCII alone). */
function quotePath(name: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f"\\\u007f]/.test(name)) return name;
  let quoted = '';
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    quoted += C_ESCAPES[ch] ?? (code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : ch);
  }
  return `"${quoted}"`;
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
