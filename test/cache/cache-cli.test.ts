// The cache from the command line: flags, defaults, and a cache that cannot be trusted or written
// (corrupt, a link planted by the repository, an unwritable directory): a warning, the same
// report, never a crash, and nothing written outside the cache directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, tempDir, writeTree } from '../support/run-cli.js';
import { cacheProject, REGISTRY } from './tree.js';

const LOCAL = { CI: '' }; // runCli sets CI by default; the cache is on by default only outside CI
const CACHE_FILE = path.join('.clavis-lint-cache', 'results.json');

function json(root: string, args: string[] = [], env = LOCAL) {
  return runCli(['.', '--format', 'json', ...args], root, env);
}

describe('cache on the command line', () => {

  it('re-analyses files for the cross-file passes in a fresh process that served every file from the cache', () => {
    // A warm run loads no front end (every file is a hit); the env-key helper pass and the
    // Rust/Python cross-file summaries must still re-analyse their callers, as the cold run did.
    const root = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'crate/src/secrets.rs': 'pub fn read_secret(name: &str) -> String {\n    std::env::var(name).unwrap_or_default()\n}\n',
      'crate/src/report.rs': 'pub fn report(line: &str) {\n    println!("{}", line);\n}\n',
      'crate/src/main.rs': 'mod report;\nmod secrets;\n\nfn main() {\n    let k = secrets::read_secret("OPENAI_API_KEY");\n    let s = std::env::var("STRIPE_SECRET_KEY").unwrap();\n    report::report(&s);\n    let _ = k;\n}\n',
      'app/logutil.py': 'import logging\n\n\ndef log_key(k):\n    logging.info(k)\n',
      'app/main.py': 'import os\nfrom logutil import log_key\n\nlog_key(os.environ["STRIPE_SECRET_KEY"])\n',
    });
    const uncached = json(root, ['--no-cache']);
    const ids = (JSON.parse(uncached.stdout) as { findings: Array<{ ruleId: string; file: string; line: number }> }).findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`);
    expect(ids).toContain('no-direct-env-read crate/src/main.rs:5'); // the helper's read, at its caller
    expect(ids).toContain('no-secret-in-log crate/src/report.rs:2'); // Rust leak at the helper's sink
    expect(ids).toContain('no-secret-in-log app/logutil.py:5'); // Python leak at the helper's sink
    expect(json(root).stdout).toBe(uncached.stdout); // cold cache
    expect(json(root).stdout).toBe(uncached.stdout); // warm: every file a hit
  });
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
      fs.rmSync(path.join(root, '.clavis-lint-cache/report.json'), { force: true }); // else the last report replays without reading results.json
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
    fs.rmSync(path.join(root, '.clavis-lint-cache/report.json'), { force: true });
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
