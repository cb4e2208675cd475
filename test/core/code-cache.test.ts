// The V8 code cache for the TypeScript compiler (src/core/code-cache.ts): bytecode is code, so
// only a cache the user alone could have written, with an intact checksum, is ever handed to V8;
// anything else is ignored and the module compiles from source, with the same behaviour.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir, writeTree } from '../support/run-cli.js';

const CODE_CACHE = path.join(REPO, 'lib/core/code-cache.js');

/** Loads `mod.cjs` of `dir` through the code cache in a fresh process; prints the outcome and what the module computed. */
function load(dir: string, cacheDir: string): { outcome: string; value: string; sameAsRequire: boolean } {
  const script = `
    import { createRequire } from 'node:module';
    import { configureCodeCache, requireWithCodeCache, codeCacheOutcomes, saveCodeCaches } from ${JSON.stringify(CODE_CACHE)};
    configureCodeCache(${JSON.stringify(cacheDir)}, { write: true });
    const req = createRequire(${JSON.stringify(path.join(dir, 'entry.cjs'))});
    const mod = requireWithCodeCache(req, './mod.cjs');
    saveCodeCaches();
    console.log(JSON.stringify({ outcome: codeCacheOutcomes()[0].outcome, value: mod.describe(), sameAsRequire: req('./mod.cjs') === mod }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as { outcome: string; value: string; sameAsRequire: boolean };
}

function moduleTree(): { dir: string; cacheDir: string } {
  const dir = writeTree({
    'mod.cjs': "const path = require('node:path');\nfunction describe() { return `${path.basename(__filename)} ${typeof module.exports} ${[1, 2, 3].map((n) => n * 2).join(',')}`; }\nmodule.exports = { describe };\n",
  });
  return { dir, cacheDir: path.join(dir, 'cache') };
}

function cacheFiles(cacheDir: string): string[] {
  return fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache')) : [];
}

describe('code cache', () => {
  it('writes a private cache on the first load and uses it on the next, with the same module', () => {
    const { dir, cacheDir } = moduleTree();
    const first = load(dir, cacheDir);
    expect(first).toEqual({ outcome: 'missing', value: 'mod.cjs object 2,4,6', sameAsRequire: true });
    const [file] = cacheFiles(cacheDir);
    expect(file).toMatch(/^mod-[0-9a-f]{16}-node.*\.v8cache$/);
    expect(fs.statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(cacheDir, file)).mode & 0o777).toBe(0o600);
    expect(load(dir, cacheDir)).toEqual({ ...first, outcome: 'used' });
  });

  it('ignores a cache whose bytes were changed, and writes a good one', () => {
    const { dir, cacheDir } = moduleTree();
    load(dir, cacheDir);
    const file = path.join(cacheDir, cacheFiles(cacheDir)[0]);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 8] ^= 0xff;
    fs.writeFileSync(file, bytes);
    expect(load(dir, cacheDir).outcome).toBe('missing');
    expect(load(dir, cacheDir).outcome).toBe('used');
  });

  it('ignores a cache file of the earlier layout (a SHA-256, then the payload) and replaces it', () => {
    const { dir, cacheDir } = moduleTree();
    load(dir, cacheDir);
    const file = path.join(cacheDir, cacheFiles(cacheDir)[0]);
    const payload = fs.readFileSync(file).subarray(9);
    fs.writeFileSync(file, Buffer.concat([crypto.createHash('sha256').update(payload).digest(), payload]));
    expect(load(dir, cacheDir).outcome).toBe('missing');
    expect(load(dir, cacheDir).outcome).toBe('used');
  });

  it('a module that is not plain ASCII keeps its text when loaded from the cache (the ASCII flag is not set for it)', () => {
    const dir = writeTree({ 'mod.cjs': "function describe() { return 'caf\u00e9 \u2192 ' + 'naïve → ok'.length; }\nmodule.exports = { describe };\n" });
    const cacheDir = path.join(dir, 'cache');
    const first = load(dir, cacheDir);
    expect(first).toEqual({ outcome: 'missing', value: `café → ${'naïve → ok'.length}`, sameAsRequire: true });
    expect(fs.readFileSync(path.join(cacheDir, cacheFiles(cacheDir)[0]))[8]).toBe(0);
    expect(load(dir, cacheDir)).toEqual({ ...first, outcome: 'used' });
    const ascii = moduleTree();
    load(ascii.dir, ascii.cacheDir);
    expect(fs.readFileSync(path.join(ascii.cacheDir, cacheFiles(ascii.cacheDir)[0]))[8]).toBe(1);
  });

  it('an edit that keeps the size and sets the old modification time back still misses (the change time moved)', () => {
    const { dir, cacheDir } = moduleTree();
    load(dir, cacheDir);
    const file = path.join(dir, 'mod.cjs');
    const { atime, mtime } = fs.statSync(file);
    const text = fs.readFileSync(file, 'utf8');
    const swapped = text.replace(/\d/, (digit) => String((Number(digit) + 1) % 10));
    expect(swapped).not.toBe(text);
    expect(swapped.length).toBe(text.length);
    fs.writeFileSync(file, swapped);
    fs.utimesSync(file, atime, mtime);
    expect(load(dir, cacheDir).outcome).toBe('missing');
  });

  it('ignores a cache in a directory or file others can write', () => {
    const { dir, cacheDir } = moduleTree();
    load(dir, cacheDir);
    const file = path.join(cacheDir, cacheFiles(cacheDir)[0]);
    fs.chmodSync(file, 0o666);
    expect(load(dir, cacheDir).outcome).toBe('missing');
    fs.chmodSync(cacheDir, 0o777);
    expect(load(dir, cacheDir).outcome).toBe('missing');
    fs.chmodSync(cacheDir, 0o700);
    expect(load(dir, cacheDir).outcome).toBe('used');
  });

  it('keys the cache by the source: an edited module never meets old bytecode', () => {
    const { dir, cacheDir } = moduleTree();
    load(dir, cacheDir);
    fs.appendFileSync(path.join(dir, 'mod.cjs'), 'module.exports.extra = 1;\n');
    const before = cacheFiles(cacheDir);
    expect(load(dir, cacheDir).outcome).toBe('missing');
    // The new source's cache replaces the old one.
    const after = cacheFiles(cacheDir);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    expect(load(dir, cacheDir).outcome).toBe('used');
  });

  it('the CLI keeps it in the user cache directory, never in the scanned tree, and reports the same either way', () => {
    const project = writeTree({
      'secrets.registry.yaml': 'version: 1\nresolver:\n  functions: [getSecret]\nsecrets:\n  - id: OpenAiKey\n    env: OPENAI_API_KEY\n    kind: secret\n    owner: platform\n',
      'src/app.ts': 'export const key = process.env.OPENAI_API_KEY;\n',
    });
    const home = tempDir();
    const cached = { XDG_CACHE_HOME: home };
    const first = runCli(['.', '-f', 'json', '--no-cache'], project, cached);
    // The bundled CLI's own bytecode (clavis-lint-cli-*, test/cli/bundle.test.ts) may sit beside it.
    expect(cacheFiles(path.join(home, 'clavis-lint')).filter((name) => !name.startsWith('clavis-lint-cli-'))).toEqual([expect.stringMatching(/^typescript-/)]);
    expect(fs.readdirSync(project).sort()).toEqual(['secrets.registry.yaml', 'src']);
    const second = runCli(['.', '-f', 'json', '--no-cache'], project, cached);
    const off = runCli(['.', '-f', 'json', '--no-cache'], project, { XDG_CACHE_HOME: path.join(home, 'off'), NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(fs.existsSync(path.join(home, 'off'))).toBe(false);
    expect(first.code).toBe(1);
    for (const run of [second, off]) expect({ code: run.code, stdout: run.stdout.replace(/"ms":\d+/g, '') }).toEqual({ code: first.code, stdout: first.stdout.replace(/"ms":\d+/g, '') });
  });

  it('a scan that loads the bash grammar (under its own V8 tiering budget, core/v8-flags.ts) leaves the next run every cache file as it was', () => {
    // Bytecode is accepted only under the flags it was made under: a grammar window that left V8's
    // flags otherwise than it found them would have the cache saved at the end of this run refused,
    // and rewritten, by the next one.
    const project = writeTree({
      'secrets.registry.yaml': 'version: 1\nresolver:\n  functions: [getSecret]\nsecrets:\n  - id: OpenAiKey\n    env: OPENAI_API_KEY\n    kind: secret\n    owner: platform\n',
      'src/app.ts': 'export const key = process.env.OPENAI_API_KEY;\n',
      'scripts/deploy.sh': '#!/bin/sh\ncurl -H "Authorization: Bearer $OPENAI_API_KEY" https://api.example.com/v1/models\n',
    });
    const home = tempDir();
    const first = runCli(['.', '-f', 'json', '--no-cache'], project, { XDG_CACHE_HOME: home });
    expect(JSON.parse(first.stdout).stats.filesByLanguage.shell).toBe(1);
    const dir = path.join(home, 'clavis-lint');
    const snapshot = (): Record<string, string> =>
      Object.fromEntries(cacheFiles(dir).map((name) => [name, `${fs.statSync(path.join(dir, name)).mtimeMs} ${crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, name))).digest('hex')}`]));
    const written = snapshot();
    expect(Object.keys(written).some((name) => name.startsWith('typescript-'))).toBe(true);
    const second = runCli(['.', '-f', 'json', '--no-cache'], project, { XDG_CACHE_HOME: home });
    expect(snapshot()).toEqual(written);
    expect(second.stdout.replace(/"ms":\d+/g, '')).toBe(first.stdout.replace(/"ms":\d+/g, ''));
  });

  it('a scan that never needs the compiler neither loads nor caches it', () => {
    const project = writeTree({ 'app/main.py': 'import os\nkey = os.environ["OPENAI_API_KEY"]\n', 'scripts/build.mjs': 'console.log("build");\n' });
    const home = tempDir();
    const run = runCli(['.', '-f', 'json', '--no-cache'], project, { XDG_CACHE_HOME: home });
    expect(JSON.parse(run.stdout).stats.prefiltered).toBeGreaterThanOrEqual(1);
    expect(cacheFiles(path.join(home, 'clavis-lint')).filter((name) => name.startsWith('typescript-'))).toEqual([]);
  });
});
