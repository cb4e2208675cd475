// What `npm i clavis-lint` installs (issue 12): the packed file list, no install scripts anywhere in
// the production dependency tree, grammars as .wasm only, and TypeScript as a peer the project's own
// copy satisfies. The install footprint itself is measured by `node bench/install-footprint.js`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';

interface PackEntry { files: { path: string; size: number }[] }

describe('the npm package', () => {
  it('ships lib/, the wasm grammars, schema and docs, but not the Action bundle or sources', () => {
    const run = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const files = (JSON.parse(run.stdout) as PackEntry[])[0]!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json', 'bin/clavis-lint.js', 'lib/index.js', 'lib/index.d.ts', 'lib/eslint/plugin.js',
      'lib/grammars/tree-sitter-bash.wasm', 'lib/grammars/tree-sitter-python.wasm', 'lib/grammars/tree-sitter-rust.wasm', 'schema/registry.schema.json']));
    for (const file of files) {
      expect(file, 'the Action bundle lives only in the repository').not.toMatch(/^dist\//);
      expect(file).not.toMatch(/^(src|test|fixtures|corpus|bench)\//);
    }
  }, 60_000);

  it('declares no install scripts and depends on no package that has one', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string>; peerDependencies: Record<string, string> };
    for (const hook of ['preinstall', 'install', 'postinstall']) expect(pkg.scripts[hook]).toBeUndefined();
    const tree = spawnSync('npm', ['ls', '--omit=dev', '--omit=peer', '--all', '--parseable'], { cwd: REPO, encoding: 'utf8' });
    const dirs = tree.stdout.split('\n').filter((line) => line && line !== REPO);
    expect(dirs.length).toBeGreaterThan(0);
    for (const dir of dirs) {
      const dep = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name: string; scripts?: Record<string, string>; gypfile?: boolean };
      expect(dep.gypfile, dep.name).not.toBe(true);
      for (const hook of ['preinstall', 'install', 'postinstall']) expect(dep.scripts?.[hook], `${dep.name} runs ${hook}`).toBeUndefined();
    }
    expect(Object.keys(pkg.dependencies).some((name) => name.startsWith('tree-sitter-'))).toBe(false);
    expect(pkg.peerDependencies.typescript).toBeDefined();
  }, 60_000);

  // The peer range's ends: the oldest TypeScript it admits, the 5.x a project commonly has, and the
  // pinned 6.0 give byte-identical reports (front end and type-checked leak analysis alike).
  it.each(['typescript-5.5', 'typescript-5.9'])('scans the demo with the project\'s %s exactly as with the pinned one', (alias) => {
    const project = fs.mkdtempSync(path.join(REPO, 'node_modules', '.ts-peer-'));
    try {
      const modules = path.join(project, 'node_modules');
      const self = path.join(modules, 'clavis-lint');
      fs.mkdirSync(self, { recursive: true });
      // A copy of the package (not a symlink: node resolves a symlink's real path, which would find
      // this repository's own typescript), beside the project's dependencies.
      // Without the CLI bundle: a copy without src/ trusts it as installed, and this shared lib/'s may be stale (tsc alone).
      for (const entry of ['bin', 'lib', 'schema', 'package.json']) fs.cpSync(path.join(REPO, entry), path.join(self, entry), { recursive: true, filter: (src) => !src.endsWith('clavis-lint-cli.cjs') });
      for (const dep of fs.readdirSync(path.join(REPO, 'node_modules'))) {
        if (dep === 'typescript' || dep.startsWith('.')) continue;
        fs.symlinkSync(path.join(REPO, 'node_modules', dep), path.join(modules, dep));
      }
      fs.symlinkSync(path.join(REPO, 'node_modules', alias), path.join(modules, 'typescript'));
      const version = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(path.join(self, 'lib/languages/typescript/typescript-module.js'))}).then((m) => console.log(m.ts.version))`], { encoding: 'utf8' });
      expect(version.stdout.trim()).toBe((JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', alias, 'package.json'), 'utf8')) as { version: string }).version);
      const theirs = spawnSync(process.execPath, [path.join(self, 'bin/clavis-lint.js'), 'examples/demo', '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
      const ours = spawnSync(process.execPath, [path.join(REPO, 'bin/clavis-lint.js'), 'examples/demo', '--format', 'json'], { cwd: REPO, encoding: 'utf8' });
      expect(theirs.stderr).toBe(ours.stderr);
      expect(theirs.status).toBe(ours.status);
      expect(theirs.stdout).toBe(ours.stdout);
      expect((JSON.parse(ours.stdout) as { findings: { ruleId: string }[] }).findings.some((f) => f.ruleId === 'no-secret-in-log')).toBe(true);
    } finally {
      fs.rmSync(project, { recursive: true, force: true });
    }
  }, 120_000);
});
