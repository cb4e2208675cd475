// The cache from the command line: flags, defaults, and a cache that cannot be trusted or written
// (corrupt, a link planted by the repository, an unwritable directory): a warning, the same
// report, never a crash, and nothing written outside the cache directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir } from '../support/run-cli.js';
import { cacheProject } from './tree.js';

const LOCAL = { CI: '' }; // runCli sets CI by default; the cache is on by default only outside CI
const CACHE_FILE = path.join('.clavis-lint-cache', 'results.json');

function json(root: string, args: string[] = [], env = LOCAL) {
  return runCli(['.', '--format', 'json', ...args], root, env);
}

describe('cache on the command line', () => {
  it('is on by default locally, off under CI, and --cache / --no-cache / --cache-location decide', () => {
    const root = cacheProject();
    const uncached = json(root, ['--no-cache']);
    expect(fs.existsSync(path.join(root, '.clavis-lint-cache'))).toBe(false);
    json(root, [], { CI: 'true' });
    expect(fs.existsSync(path.join(root, '.clavis-lint-cache'))).toBe(false);
    const first = json(root);
    expect(first.stdout).toBe(uncached.stdout);
    expect(first.stderr).toBe(uncached.stderr);
    expect(fs.existsSync(path.join(root, CACHE_FILE))).toBe(true);
    // git never lists it: the directory ignores itself.
    expect(fs.readFileSync(path.join(root, '.clavis-lint-cache/.gitignore'), 'utf8')).toMatch(/^\*$/m);
    expect(json(root).stdout).toBe(uncached.stdout);

    const elsewhere = path.join(tempDir(), 'cache');
    expect(json(root, ['--cache', '--cache-location', elsewhere], { CI: 'true' }).stdout).toBe(uncached.stdout);
    expect(fs.existsSync(path.join(elsewhere, 'results.json'))).toBe(true);
    const both = json(root, ['--cache', '--no-cache']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--cache and --no-cache');
  });

  it('config cache: { enabled, location }, the location inside the project', () => {
    const root = cacheProject();
    fs.writeFileSync(path.join(root, '.clavis-lint.yaml'), 'registry: secrets.registry.yaml\ncache: { enabled: true, location: build/lint-cache }\n');
    json(root, [], { CI: 'true' });
    expect(fs.existsSync(path.join(root, 'build/lint-cache/results.json'))).toBe(true);
    fs.writeFileSync(path.join(root, '.clavis-lint.yaml'), 'registry: secrets.registry.yaml\ncache: { location: ../outside }\n');
    const bad = json(root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cache.location');
  });

  it('never scans its own directory', () => {
    const root = cacheProject();
    fs.mkdirSync(path.join(root, '.clavis-lint-cache'));
    fs.writeFileSync(path.join(root, '.clavis-lint-cache/stray.ts'), 'console.log(process.env.OPENAI_API_KEY);\n');
    for (const args of [[], ['--no-cache']]) expect(json(root, args).stdout).not.toContain('.clavis-lint-cache');
  });

  it('a corrupt cache file is ignored and rebuilt, with the same report', () => {
    const root = cacheProject();
    const uncached = json(root, ['--no-cache']);
    json(root);
    for (const garbage of ['{"format":', '[]', '{"format":"clavis-lint-cache/2","scanKey":"x","files":{"a":1}}', '\u0000\u0001']) {
      fs.writeFileSync(path.join(root, CACHE_FILE), garbage);
      const run = json(root);
      expect(run.stdout).toBe(uncached.stdout);
      expect(run.code).toBe(uncached.code);
      if (garbage !== '{"format":"clavis-lint-cache/2","scanKey":"x","files":{"a":1}}') expect(run.stderr).toContain('corrupt; ignored and rebuilt');
      expect(() => JSON.parse(fs.readFileSync(path.join(root, CACHE_FILE), 'utf8'))).not.toThrow();
    }
    // A stored analysis that does not parse is a miss, not a crash.
    const doc = JSON.parse(fs.readFileSync(path.join(root, CACHE_FILE), 'utf8')) as { files: Record<string, { analysis: string }> };
    for (const entry of Object.values(doc.files)) entry.analysis = '{';
    fs.writeFileSync(path.join(root, CACHE_FILE), JSON.stringify(doc));
    expect(json(root).stdout).toBe(uncached.stdout);
  });

  it('links planted by the repository are not followed', () => {
    const outside = tempDir();
    fs.writeFileSync(path.join(outside, 'results.json'), 'precious');
    // The cache directory itself leads outside the project.
    const root = cacheProject();
    fs.symlinkSync(outside, path.join(root, '.clavis-lint-cache'));
    const uncached = json(root, ['--no-cache']); // discovery reports the link, with or without the cache
    const run = json(root);
    expect(run.stdout).toBe(uncached.stdout);
    expect(run.stderr).toContain('leads outside the project; cache not used');
    expect(fs.readdirSync(outside)).toEqual(['results.json']);
    expect(fs.readFileSync(path.join(outside, 'results.json'), 'utf8')).toBe('precious');
    // The cache file is a link to a file outside: not read, and replaced (not written through).
    const other = cacheProject();
    fs.mkdirSync(path.join(other, '.clavis-lint-cache'));
    fs.symlinkSync(path.join(outside, 'results.json'), path.join(other, CACHE_FILE));
    const plain = json(other, ['--no-cache']);
    expect(json(other).stdout).toBe(plain.stdout);
    expect(fs.readFileSync(path.join(outside, 'results.json'), 'utf8')).toBe('precious');
    expect(fs.lstatSync(path.join(other, CACHE_FILE)).isFile()).toBe(true);
  });

  it('an unwritable location is a warning; the scan goes on with the same report', () => {
    const root = cacheProject();
    const uncached = json(root, ['--no-cache']);
    // A path under a regular file: cannot be created.
    fs.writeFileSync(path.join(root, 'not-a-dir'), '');
    const run = json(root, ['--cache-location', 'not-a-dir/cache']);
    expect(run.stdout).toBe(uncached.stdout);
    expect(run.code).toBe(uncached.code);
    expect(run.stderr).toMatch(/warning: cache not written: cannot create .*not-a-dir\/cache \(ENOTDIR\)/);
    // Permission denied: run as nobody over a tree it may read but a cache directory it may not write.
    for (const dir of [root, ...fs.readdirSync(root, { recursive: true }).map((rel) => path.join(root, String(rel)))]) fs.chmodSync(dir, fs.statSync(dir).isDirectory() ? 0o755 : 0o644);
    fs.mkdirSync(path.join(root, '.clavis-lint-cache'), { mode: 0o555 });
    fs.chmodSync(path.join(root, '.clavis-lint-cache'), 0o555);
    const asNobody = spawnSync(process.execPath, [BIN, '.', '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...process.env, CI: '', NO_COLOR: '1' }, uid: 65534, gid: 65534 });
    expect(asNobody.stdout).toBe(uncached.stdout);
    expect(asNobody.stderr).toMatch(/warning: cache not written to \.clavis-lint-cache \(EACCES\); the report is complete/);
    expect(fs.readdirSync(path.join(root, '.clavis-lint-cache'))).toEqual([]);
  });
});
