// Invariants (issue 13, DESIGN §7) for two classes:
//
// - No process is spawned with repository-controlled configuration: whatever the repository's
//   config and .gitattributes name (fsmonitor, external diff, textconv, filter drivers, hooks,
//   an upload-pack behind a partial-clone promisor), no command of theirs ever runs.
// - File accounting: every file under the scanned path is scanned, excluded (config or git's
//   ignore rules), or an errors[] entry; nothing is skipped silently.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../support/run-cli.js';
import { git } from '../support/hermetic-git.js';
import { giveToNobody, runCliAsNobody } from '../support/unprivileged-cli.js';
import { readFileAtRef, resolveCommit } from '../../src/core/git.js';

const REGISTRY = ['version: 1', 'secrets:', '  - id: OpenRouterApiKey', '    env: OPENROUTER_API_KEY', '    kind: secret', ''].join('\n');
const PROJECT = { '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n', 'secrets.registry.yaml': REGISTRY };
const READ = 'export const k = process.env.OPENROUTER_API_KEY;\n';

interface Report {
  findings: Array<{ file: string; line: number }>;
  errors: Array<{ file: string; message: string }>;
}

function commitAll(cwd: string, message: string): void {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '--no-gpg-sign', '-m', message]);
}

describe('invariant: no process is spawned with repository-controlled config', () => {
  /**
   * Commits first with a clean config, then arms the repository: every key below would run
   * `touch MARKERS/<name>`, and .gitattributes attaches the textconv and filter drivers to
   * every file. The working tree is dirty, so a diff has to read (and would filter) it.
   */
  function armedRepo(): { root: string; markers: string } {
    const markers = tempDir('clavis-markers-');
    const hooks = tempDir('clavis-hooks-');
    const root = writeTree({ ...PROJECT, '.gitattributes': '* diff=evil filter=evil\n', 'src/a.ts': 'export const one = 1;\n' });
    git(root, ['init', '-q', '-b', 'main']);
    commitAll(root, 'base');
    fs.writeFileSync(path.join(root, 'src/a.ts'), `export const one = 1;\n${READ}`);
    commitAll(root, 'change');
    for (const hook of ['post-index-change', 'pre-commit', 'post-checkout', 'reference-transaction', 'pre-auto-gc', 'fsmonitor-watchman']) {
      fs.writeFileSync(path.join(hooks, hook), `#!/bin/sh\ntouch ${markers}/hook-${hook}\n`, { mode: 0o755 });
    }
    const touch = (name: string): string => `"touch ${markers}/${name}; false"`;
    fs.appendFileSync(
      path.join(root, '.git/config'),
      [
        '[core]',
        `\tfsmonitor = ${touch('fsmonitor')}`,
        `\thooksPath = ${hooks}`,
        `\tpager = ${touch('pager')}`,
        '\trepositoryformatversion = 1',
        '[extensions]',
        '\tpartialClone = origin',
        '[remote "origin"]',
        `\turl = ${markers}/nowhere`,
        '\tpromisor = true',
        `\tuploadpack = ${touch('uploadpack')}`,
        '[diff]',
        `\texternal = ${touch('diff-external')}`,
        '[diff "evil"]',
        `\ttextconv = ${touch('textconv')}`,
        `\tcommand = ${touch('diff-command')}`,
        '[filter "evil"]',
        `\tclean = ${touch('filter-clean')}`,
        `\tsmudge = ${touch('filter-smudge')}`,
        `\tprocess = ${touch('filter-process')}`,
        '\trequired = true',
        '',
      ].join('\n'),
    );
    fs.appendFileSync(path.join(root, 'src/a.ts'), '// uncommitted edit\n');
    fs.writeFileSync(path.join(root, 'src/untracked.ts'), READ);
    return { root, markers };
  }

  it('scan --changed-since runs only git, with every such key switched off', () => {
    const { root, markers } = armedRepo();
    const run = runCli(['--format', 'json', '--changed-since', 'HEAD~1', '--diff-filter', 'added'], root);
    expect(fs.readdirSync(markers)).toEqual([]);
    expect(run.code, run.stderr).toBe(1);
    const r = JSON.parse(run.stdout) as Report;
    expect(r.findings.map((f) => `${f.file}:${f.line}`).sort()).toEqual(['src/a.ts:2', 'src/untracked.ts:1']);
  });

  it('a commit missing from a partial clone is never fetched (no upload-pack, no transport)', () => {
    const { root, markers } = armedRepo();
    const run = runCli(['--changed-since', 'f'.repeat(40)], root);
    expect(run.code).toBe(2);
    expect(fs.readdirSync(markers)).toEqual([]);
    expect(resolveCommit(root, 'e'.repeat(40))).toBeUndefined();
    expect(fs.readdirSync(markers)).toEqual([]);
  });

  it('readFileAtRef and a plain scan run none of them either', () => {
    const { root, markers } = armedRepo();
    expect(readFileAtRef(root, 'HEAD~1', 'src/a.ts')).toBe('export const one = 1;\n');
    const run = runCli(['--format', 'json'], root);
    expect(run.code, run.stderr).toBe(1);
    expect(fs.readdirSync(markers)).toEqual([]);
  });

  it('an inherited GIT_DIR (as in a git hook) does not redirect git to another repository', () => {
    const { root, markers } = armedRepo();
    const elsewhere = writeTree({ 'x.ts': 'export {};\n' });
    git(elsewhere, ['init', '-q', '-b', 'main']);
    commitAll(elsewhere, 'other');
    const run = runCli(['--format', 'json', '--changed-since', 'HEAD~1', '--diff-filter', 'added'], root, {
      GIT_DIR: path.join(elsewhere, '.git'),
      GIT_WORK_TREE: elsewhere,
      GIT_EXTERNAL_DIFF: `touch ${markers}/env-external-diff`,
    });
    expect(run.code, run.stderr).toBe(1);
    expect((JSON.parse(run.stdout) as Report).findings.map((f) => f.file).sort()).toEqual(['src/a.ts', 'src/untracked.ts']);
    expect(fs.readdirSync(markers)).toEqual([]);
  });
});

describe('invariant: every file is scanned, excluded, or an errors[] entry', () => {
  type Fate = 'scanned' | 'excluded' | 'error';

  /**
   * Every `.ts` file holds one direct read, so "scanned" shows as a finding. The tree mixes
   * every kind of file the discovery must classify; the scan runs as nobody, so mode 000
   * makes a directory or a .gitignore unreadable.
   */
  function mixedTree(inGit: boolean): { root: string; fates: Record<string, Fate> } {
    const outside = writeTree({ 'outside.ts': READ });
    const root = writeTree({
      ...PROJECT,
      '.gitignore': 'ignored/\n*.tmp.ts\n',
      'src/tracked.ts': READ,
      'src/Ignored/case.ts': READ, // `ignored/` is not `Ignored/`: git matches case-sensitively
      'ignored/tracked-but-ignored.ts': READ,
      'ignored/untracked.ts': READ,
      'src/scratch.tmp.ts': READ,
      'locked/tracked.ts': READ,
      'sub/.gitignore': 'hidden.ts\n',
      'sub/hidden.ts': READ,
      'sub/visible.ts': READ,
      'node_modules/dep/index.ts': READ,
    });
    fs.symlinkSync(path.join(outside, 'outside.ts'), path.join(root, 'src/link-out.ts'));
    if (inGit) {
      git(root, ['init', '-q', '-b', 'main']);
      git(root, ['add', '-A']);
      git(root, ['add', '-f', 'ignored/tracked-but-ignored.ts']);
      git(root, ['commit', '-q', '--no-gpg-sign', '-m', 'base']);
    }
    fs.writeFileSync(path.join(root, 'src/untracked.ts'), READ);
    fs.writeFileSync(path.join(root, 'locked/untracked.ts'), READ);
    giveToNobody(root);
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    fs.chmodSync(path.join(root, 'sub/.gitignore'), 0o000);
    const fates: Record<string, Fate> = {
      'src/tracked.ts': 'scanned',
      'src/untracked.ts': 'scanned',
      'src/Ignored/case.ts': 'scanned',
      'ignored/tracked-but-ignored.ts': inGit ? 'scanned' : 'excluded',
      'ignored/untracked.ts': 'excluded',
      'src/scratch.tmp.ts': 'excluded',
      'locked/tracked.ts': 'error',
      'locked/untracked.ts': 'error',
      // Its .gitignore cannot be read, so its pattern does not apply (and that is reported).
      'sub/hidden.ts': 'scanned',
      'sub/visible.ts': 'scanned',
      'sub/.gitignore': 'error',
      'node_modules/dep/index.ts': 'excluded',
      'src/link-out.ts': 'error',
    };
    return { root, fates };
  }

  /** Every file in the tree (walked as root, which can read everything), root-relative. */
  function allFiles(root: string, dir = ''): string[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.name === '.git') return [];
      return entry.isDirectory() ? allFiles(root, rel) : [rel];
    });
  }

  for (const inGit of [false, true]) {
    it(`${inGit ? 'in' : 'outside'} a git repository`, () => {
      const { root, fates } = mixedTree(inGit);
      const run = runCliAsNobody(['--format', 'json'], root);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code, run.stderr).toBe(1);
      const r = JSON.parse(run.stdout) as Report;
      const scanned = new Set(r.findings.map((f) => f.file));
      const inErrors = (file: string): boolean => r.errors.some((e) => file === e.file || file.startsWith(`${e.file}/`));
      const actual: Record<string, Fate> = {};
      for (const file of allFiles(root).filter((f) => f.endsWith('.ts') || f.endsWith('.gitignore'))) {
        if (file === '.gitignore') continue;
        actual[file] = scanned.has(file) ? 'scanned' : inErrors(file) ? 'error' : 'excluded';
      }
      expect(actual).toEqual(fates);
      // Nothing is both scanned and an error, and nothing scanned is outside the tree.
      for (const file of scanned) expect(inErrors(file), file).toBe(false);
      expect([...scanned].every((file) => fs.existsSync(path.join(root, file)))).toBe(true);
    });
  }
});
