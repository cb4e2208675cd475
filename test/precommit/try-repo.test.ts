// The pre-commit hooks with the real `pre-commit` (Debian package; `.ci/run` installs it), through
// `pre-commit try-repo` on a temporary git repository. try-repo clones a git repository and only
// carries over *tracked* uncommitted changes, so the test snapshots this working tree (tracked and
// untracked, minus ignored files) into a temporary repository and commits it there.
//
// Runtime: pre-commit installs the hook like an npm package (`npm install` with the `prepare`
// build, `npm pack`, `npm install -g` of the tarball), which takes about one to two minutes with a
// warm npm cache; the hook runs after that take seconds. Skipped when pre-commit is absent.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir, writeTree } from '../support/run-cli.js';
import { GIT_ENV, git } from '../support/hermetic-git.js';

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
if (!hasPreCommit) {
  console.warn('test/precommit: skipped because `pre-commit` is not installed (apt-get install pre-commit; .ci/run does this in CI).');
}

/** This working tree as a committed repository (read-only git commands on the real repo). */
function snapshotOfThisRepo(): string {
  const snapshot = path.join(tempDir('clavis-hook-repo-'), 'clavis-lint');
  const files = git(REPO, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']).split('\0').filter(Boolean);
  for (const rel of files) {
    const from = path.join(REPO, rel);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue; // deleted but still in the index
    fs.mkdirSync(path.dirname(path.join(snapshot, rel)), { recursive: true });
    fs.copyFileSync(from, path.join(snapshot, rel));
  }
  git(snapshot, ['init', '-q', '-b', 'main']);
  git(snapshot, ['add', '-A']);
  git(snapshot, ['commit', '-q', '--no-gpg-sign', '-m', 'snapshot']);
  return snapshot;
}

const REGISTRY = `version: 1
resolver:
  paths: ["src/secrets/**"]
  functions: [resolveSecret]
secrets:
  - id: OpenRouterApiKey
    env: OPENROUTER_API_KEY
    kind: secret
    owner: platform
`;

describe.skipIf(!hasPreCommit)('pre-commit try-repo', () => {
  let hookRepo = '';
  let project = '';
  let preCommitHome = '';

  beforeAll(() => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { files?: string[] };
    // `language: node` installs the packed tarball: the compiled CLI must be in it.
    expect(pkg.files ?? [], 'package.json "files" must include "lib" (the hook installs the packed package)').toContain('lib');
    hookRepo = snapshotOfThisRepo();
    preCommitHome = tempDir('clavis-pre-commit-home-');
    project = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'src/bad.ts': 'export const key = process.env.OPENROUTER_API_KEY;\n',
      'src/esm.mts': 'export const key = process.env.OPENROUTER_API_KEY;\n',
      'src/good.ts': "import { resolveSecret } from './secrets/resolver.js';\nexport const key = () => resolveSecret('OpenRouterApiKey');\n",
      'src/secrets/resolver.ts': 'export const resolveSecret = (id: string): string | undefined => process.env[id === "OpenRouterApiKey" ? "OPENROUTER_API_KEY" : "NONE"];\n',
      'README.md': '# project\n',
    });
    git(project, ['init', '-q', '-b', 'main']);
    git(project, ['add', '-A']);
    git(project, ['commit', '-q', '--no-gpg-sign', '-m', 'init']);
  }, 60_000);

  function tryRepo(args: string[]): { code: number; output: string } {
    const run = spawnSync('pre-commit', ['try-repo', hookRepo, ...args, '--verbose'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, ...GIT_ENV, PRE_COMMIT_HOME: preCommitHome, NO_COLOR: '1', CI: 'true' },
      timeout: 280_000,
    });
    return { code: run.status ?? -1, output: `${run.stdout}\n${run.stderr}` };
  }

  // try-repo installs the hook environment afresh on every call (a temporary store), so the
  // scenarios are grouped into two calls.
  it('both hooks on violating files: the code hook fails with the findings (.ts and .mts), the registry hook passes', () => {
    const run = tryRepo(['--files', 'src/bad.ts', 'src/esm.mts', 'README.md', 'secrets.registry.yaml']);
    expect(run.code, run.output).toBe(1);
    expect(run.output).toMatch(/clavis-lint \(secrets policy\)\.+Failed/);
    expect(run.output).toContain('src/bad.ts');
    expect(run.output).toContain('src/esm.mts');
    expect(run.output).toContain('no-direct-env-read');
    expect(run.output).not.toContain('README.md\n');
    expect(run.output).toMatch(/clavis-lint registry and docs drift\.+Passed/);
  }, 300_000);

  it('a clean file passes', () => {
    const run = tryRepo(['clavis-lint', '--files', 'src/good.ts']);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/clavis-lint \(secrets policy\)\.+Passed/);
    expect(run.output).not.toContain('no-direct-env-read');
  }, 300_000);
});
