// Issue 13, items 1, 5, 6 and 7: git never runs repository-controlled commands, --changed-since
// keeps files with unusual names, the file list follows git, and unreadable directories or
// .gitignore files become errors[] entries. Every case builds its hostile input in a temp dir.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../support/run-cli.js';
import { git } from '../support/hermetic-git.js';
import { giveToNobody, runCliAsNobody } from '../support/unprivileged-cli.js';
import { readFileAtRef } from '../../src/core/git.js';
import { discoverFiles } from '../../src/core/discovery.js';

const REGISTRY = ['version: 1', 'secrets:', '  - id: OpenRouterApiKey', '    env: OPENROUTER_API_KEY', '    kind: secret', ''].join('\n');
const PROJECT = { '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n', 'secrets.registry.yaml': REGISTRY };
const READ = 'export const k = process.env.OPENROUTER_API_KEY;\n';
const CLEAN = 'export const nothing = 1;\n';

interface Report {
  findings: Array<{ ruleId: string; file: string; line: number }>;
  errors: Array<{ file: string; message: string }>;
}

function report(run: { code: number; stdout: string; stderr: string }): Report {
  expect(run.stderr).not.toContain('internal error');
  expect(run.code, run.stderr).not.toBe(2);
  return JSON.parse(run.stdout) as Report;
}

const where = (r: Report): string[] => r.findings.map((f) => `${f.file}:${f.line}`).sort();
const errorFiles = (r: Report): string[] => r.errors.map((e) => e.file).sort();

function commitAll(cwd: string, message: string): void {
  git(cwd, ['add', '-A']);
  git(cwd, ['commit', '-q', '--no-gpg-sign', '-m', message]);
}

function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

describe('item 1: a directory shaped like a bare repository is never taken as the repository', () => {
  /**
   * `app/` is committed with HEAD, objects/, refs/ and a config whose core.fsmonitor, external
   * diff and (through a partial-clone promisor remote) upload-pack write markers. git run with
   * `cwd: app` discovers `app` itself as a bare repository and, resolving HEAD, lazily fetches
   * the missing commit through the upload-pack command.
   */
  function hostileTree(): { root: string; app: string; markers: string } {
    const markers = tempDir('clavis-markers-');
    const root = writeTree({
      'app/.clavis-lint.yaml': PROJECT['.clavis-lint.yaml'],
      'app/secrets.registry.yaml': REGISTRY,
      'app/src/a.ts': CLEAN,
      'app/HEAD': 'ref: refs/heads/main\n',
      'app/refs/heads/main': `${'0123456789abcdef'.repeat(2)}01234567\n`,
      'app/objects/info/.keep': '',
      'app/config': [
        '[core]',
        '\trepositoryformatversion = 1',
        '\tbare = false',
        '\tworktree = ..',
        `\tfsmonitor = "touch ${markers}/fsmonitor; false"`,
        '[extensions]',
        '\tpartialClone = origin',
        '[remote "origin"]',
        `\turl = ${markers}/nowhere`,
        '\tpromisor = true',
        `\tuploadpack = "touch ${markers}/uploadpack; false"`,
        '[diff]',
        `\texternal = "touch ${markers}/external; false"`,
        '',
      ].join('\n'),
    });
    git(root, ['init', '-q', '-b', 'main']);
    commitAll(root, 'base');
    write(root, 'app/src/a.ts', `${CLEAN}${READ}`);
    commitAll(root, 'change');
    return { root, app: path.join(root, 'app'), markers };
  }

  it('--changed-since diffs the enclosing repository and runs none of the directory\'s commands', () => {
    const { app, markers } = hostileTree();
    const run = runCli(['--format', 'json', '--changed-since', 'HEAD~1', '--diff-filter', 'added'], app);
    expect(fs.readdirSync(markers)).toEqual([]);
    expect(where(report(run))).toEqual(['src/a.ts:2']);
    expect(run.code).toBe(1);
  });

  it('readFileAtRef reads the committed file from the enclosing repository, through the same module', () => {
    const { app, markers } = hostileTree();
    expect(readFileAtRef(app, 'HEAD~1', 'src/a.ts')).toBe(CLEAN);
    expect(readFileAtRef(app, 'HEAD', 'src/a.ts')).toBe(`${CLEAN}${READ}`);
    expect(readFileAtRef(app, 'HEAD', 'src/missing.ts')).toBeUndefined();
    expect(readFileAtRef(app, 'HEAD', '../app/src/a.ts')).toBeUndefined();
    expect(readFileAtRef(app, 'no-such-ref', 'src/a.ts')).toBeUndefined();
    expect(readFileAtRef(app, '--output=/tmp/x', 'src/a.ts')).toBeUndefined();
    expect(fs.readdirSync(markers)).toEqual([]);
  });

  it('readFileAtRef gives no text for a committed symlink (its blob is a path, not the file)', () => {
    const root = writeTree({ 'real.yaml': 'a: 1\n' });
    fs.symlinkSync('real.yaml', path.join(root, 'link.yaml'));
    git(root, ['init', '-q', '-b', 'main']);
    commitAll(root, 'base');
    expect(readFileAtRef(root, 'HEAD', 'real.yaml')).toBe('a: 1\n');
    expect(readFileAtRef(root, 'HEAD', 'link.yaml')).toBeUndefined();
  });
});

describe('item 5: --changed-since keeps files whose names git would quote', () => {
  const NAMES = ['src/ünïcode.ts', 'src/q"uote.ts', 'src/new\nline.ts', 'src/trailing .ts', 'src/tab\tname.ts', 'src/back\\slash.ts'];

  /** Base: each name holds a clean line. Change: each gains a read on line 2, plus new files with such names. */
  function repoWithOddNames(extraChange?: (root: string) => void): string {
    const root = writeTree({ ...PROJECT, ...Object.fromEntries(NAMES.map((name) => [name, CLEAN])), 'src/plain.ts': CLEAN });
    git(root, ['init', '-q', '-b', 'main']);
    commitAll(root, 'base');
    for (const name of NAMES) write(root, name, `${CLEAN}${READ}`);
    write(root, 'src/ñew "file" .ts', READ);
    extraChange?.(root);
    commitAll(root, 'change');
    write(root, 'src/ü untracked\n.ts', READ);
    return root;
  }

  const expected = [...NAMES.map((name) => `${name}:2`), 'src/ñew "file" .ts:1', 'src/ü untracked\n.ts:1'].sort();

  it('reports the added lines of every such file (one patch, paired with NUL-separated names)', () => {
    const root = repoWithOddNames();
    const run = runCli(['--format', 'json', '--changed-since', 'HEAD~1', '--diff-filter', 'added'], root);
    expect(where(report(run))).toEqual(expected);
  });

  it('reports the same when the files are diffed one by one (a type change splits the patch)', () => {
    // A file that becomes a symlink is two patch sections for one name: pairing fails, each
    // file is then diffed on its own with a literal pathspec.
    const root = repoWithOddNames((r) => {
      fs.rmSync(path.join(r, 'src/plain.ts'));
      fs.symlinkSync('ünïcode.ts', path.join(r, 'src/plain.ts'));
    });
    expect(git(root, ['diff', '--name-status', 'HEAD~1', 'HEAD', '--', 'src/plain.ts'])).toMatch(/^T/);
    const run = runCli(['--format', 'json', '--changed-since', 'HEAD~1', '--diff-filter', 'added'], root);
    expect(where(report(run))).toEqual(expected);
  });

  it('counts uncommitted edits to such files', () => {
    const root = writeTree({ ...PROJECT, 'src/ünïcode.ts': CLEAN, 'src/trailing .ts': CLEAN });
    git(root, ['init', '-q', '-b', 'main']);
    commitAll(root, 'base');
    write(root, 'src/ünïcode.ts', `${CLEAN}${READ}`);
    write(root, 'src/trailing .ts', `${READ}${CLEAN}`);
    const run = runCli(['--format', 'json', '--changed-since', 'HEAD', '--diff-filter', 'added'], root);
    expect(where(report(run))).toEqual(['src/trailing .ts:1', 'src/ünïcode.ts:2']);
  });
});

describe('item 6: which files are scanned', () => {
  it('outside git, matches .gitignore case-sensitively and with git\'s precedence', () => {
    const root = writeTree({
      ...PROJECT,
      '.gitignore': 'Generated/\n*.gen.ts\n',
      'src/generated/client.ts': READ,
      'src/Generated/client.ts': READ,
      'src/model.GEN.ts': READ,
      'src/model.gen.ts': READ,
      'sub/.gitignore': '!keep.gen.ts\n',
      'sub/keep.gen.ts': READ,
      'sub/drop.gen.ts': READ,
    });
    const r = report(runCli(['--format', 'json'], root));
    expect(where(r)).toEqual(['src/generated/client.ts:1', 'src/model.GEN.ts:1', 'sub/keep.gen.ts:1']);
  });

  it('in git, scans tracked files even when an ignore pattern matches, and untracked files git does not ignore', () => {
    const root = writeTree({
      ...PROJECT,
      '.gitignore': 'vendor/\n*.local.ts\nGenerated/\n',
      'vendor/tracked.ts': READ,
      'src/tracked.local.ts': READ,
      'src/generated/client.ts': READ,
    });
    git(root, ['init', '-q', '-b', 'main']);
    git(root, ['add', '-f', 'vendor/tracked.ts', 'src/tracked.local.ts']);
    commitAll(root, 'base');
    write(root, 'vendor/untracked.ts', READ);
    write(root, 'src/untracked.local.ts', READ);
    write(root, 'src/new.ts', READ);
    write(root, 'src/excluded-by-info.ts', READ);
    fs.appendFileSync(path.join(root, '.git/info/exclude'), 'excluded-by-info.ts\n');
    const r = report(runCli(['--format', 'json'], root));
    expect(where(r)).toEqual(['src/generated/client.ts:1', 'src/new.ts:1', 'src/tracked.local.ts:1', 'vendor/tracked.ts:1']);
    expect(r.errors).toEqual([]);
  });

  it('never follows a symlink: one that leads outside the project is an errors[] entry, in git and outside', () => {
    const outside = writeTree({ 'secret.ts': READ });
    for (const inGit of [false, true]) {
      const root = writeTree({ ...PROJECT, 'src/a.ts': CLEAN });
      fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src/outside.ts'));
      fs.symlinkSync(outside, path.join(root, 'src/outside-dir'));
      fs.symlinkSync('a.ts', path.join(root, 'src/inside.ts'));
      fs.symlinkSync('missing.ts', path.join(root, 'src/dangling.ts'));
      fs.symlinkSync('loop-b.ts', path.join(root, 'src/loop-a.ts'));
      fs.symlinkSync('loop-a.ts', path.join(root, 'src/loop-b.ts'));
      if (inGit) {
        git(root, ['init', '-q', '-b', 'main']);
        commitAll(root, 'base');
      }
      const r = report(runCli(['--format', 'json'], root));
      expect(r.findings, `inGit=${inGit}`).toEqual([]);
      expect(r.errors.filter((e) => e.file === 'src/outside.ts').map((e) => e.message)).toEqual(['symbolic link to a path outside the project: not followed']);
      expect(r.errors.filter((e) => e.file === 'src/outside-dir').map((e) => e.message)).toEqual(['symbolic link to a path outside the project: not followed']);
      expect(r.errors.filter((e) => e.file === 'src/dangling.ts').map((e) => e.message)).toEqual(['symbolic link to a missing target: not followed']);
      expect(r.errors.filter((e) => e.file === 'src/loop-a.ts').map((e) => e.message)).toEqual(['symbolic link in a loop: not followed']);
      expect(errorFiles(r)).not.toContain('src/inside.ts');
    }
  });

  it('keeps the file list in code-unit order (not the locale\'s), in git and outside', () => {
    for (const inGit of [false, true]) {
      const root = writeTree({ 'src/b.ts': READ, 'src/B.ts': READ, 'src/ä.ts': READ, 'src/a.ts': READ, 'src/a-b.ts': READ });
      if (inGit) {
        git(root, ['init', '-q', '-b', 'main']);
        commitAll(root, 'base');
      }
      const { files, errors } = discoverFiles({ root, targets: [root], include: ['**/*'], exclude: [] });
      expect(files).toEqual(['src/B.ts', 'src/a-b.ts', 'src/a.ts', 'src/b.ts', 'src/ä.ts']);
      expect(errors).toEqual([]);
    }
  });
});

describe('item 7: unreadable directories and .gitignore files are errors[] entries; the scan goes on', () => {
  function unreadableTree(inGit: boolean): string {
    const root = writeTree({
      ...PROJECT,
      'src/a.ts': READ,
      'locked/inside.ts': READ,
      'sub/.gitignore': 'ignored-by-sub.ts\n',
      'sub/b.ts': READ,
    });
    if (inGit) {
      git(root, ['init', '-q', '-b', 'main']);
      commitAll(root, 'base');
    }
    giveToNobody(root);
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    fs.chmodSync(path.join(root, 'sub/.gitignore'), 0o000);
    return root;
  }

  for (const inGit of [false, true]) {
    it(`${inGit ? 'in' : 'outside'} git`, () => {
      const root = unreadableTree(inGit);
      const run = runCliAsNobody(['--format', 'json'], root);
      const r = report(run);
      expect(run.code).toBe(1);
      expect(where(r)).toEqual(['src/a.ts:1', 'sub/b.ts:1']);
      const byFile = (file: string): string[] => r.errors.filter((e) => e.file === file).map((e) => e.message);
      expect(byFile('locked').join('\n')).toMatch(/cannot read directory \(EACCES\)/);
      expect(byFile('sub/.gitignore').join('\n')).toMatch(/cannot read \.gitignore \(EACCES\)/);
    });
  }
});
