// The bundled CLI (scripts/build-cli.js -> lib/cli/clavis-lint-cli.cjs): bin/clavis-lint.js runs it
// while it is not older than lib/cli/run.js, through the V8 code cache, and falls back to lib/
// silently when it is stale, missing or cannot load. Same report every way.
//
// The tests work on a private copy of bin/ and lib/ with its own bundle, so that the state of the
// shared lib/ (rebuilt by `tsc` alone, the bundle then stale) never matters. Which way the CLI
// went is read from side effects, not timing: the bundle's bytecode file in the (temporary) user
// cache directory, or a preload hook that sees the bundle required.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir, writeTree } from '../support/run-cli.js';

const copy = tempDir('clavis-bundle-');
const BIN = path.join(copy, 'bin/clavis-lint.js');
const BUNDLE = path.join(copy, 'lib/cli/clavis-lint-cli.cjs');
const RUN = path.join(copy, 'lib/cli/run.js');
let pristine: Buffer;

const project = writeTree({
  'secrets.registry.yaml': 'version: 1\nresolver:\n  functions: [getSecret]\nsecrets:\n  - id: OpenAiKey\n    env: OPENAI_API_KEY\n    kind: secret\n    owner: platform\n',
  'src/app.ts': 'export const key = process.env.OPENAI_API_KEY;\nconsole.log(`key ${key}`);\n',
  'app/main.py': 'import os\nkey = os.environ["OPENAI_API_KEY"]\nprint(key)\n',
  'deploy.sh': 'echo "$OPENAI_API_KEY"\n',
});

beforeAll(() => {
  for (const entry of ['bin', 'lib']) {
    fs.cpSync(path.join(REPO, entry), path.join(copy, entry), {
      recursive: true,
      // The shared lib/'s own bundle (fresh or not) is not this copy's: built below from the copy.
      filter: (src) => !src.endsWith('.d.ts') && !src.endsWith('.cjs'),
    });
  }
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(copy, 'package.json'));
  // A checkout (sources beside lib/), where lib/ can be rebuilt without the bundle.
  fs.mkdirSync(path.join(copy, 'src'));
  fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(copy, 'node_modules'));
  const build = spawnSync(process.execPath, [path.join(REPO, 'scripts/build-cli.js'), '--lib', path.join(copy, 'lib')], { encoding: 'utf8' });
  expect(build.stderr).toBe('');
  pristine = fs.readFileSync(BUNDLE);
}, 60_000);

/** The bundle (or none) with the given mtime, lib/cli/run.js with another. */
function arrange(bundle: Buffer | null, times: { bundle: Date; run: Date }): void {
  fs.rmSync(BUNDLE, { force: true });
  if (bundle) {
    fs.writeFileSync(BUNDLE, bundle);
    fs.utimesSync(BUNDLE, times.bundle, times.bundle);
  }
  fs.utimesSync(RUN, times.run, times.run);
}

const T0 = new Date('2026-01-01T00:00:00Z');
const LATER = new Date('2026-01-01T00:00:10Z');
/** npm gives every file of a published package this mtime. */
const NPM_EPOCH = new Date('1985-10-26T08:15:00Z');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** The bundle's bytecode files in the user cache directory after the run. */
  bundleCaches: string[];
  /** A preload hook saw the bundle `require`d (only when the code cache is off: it compiles past `Module._load`). */
  requiredBundle: boolean;
}

/** Where the lib/ run below left the TypeScript compiler's bytecode: each run's fresh cache directory starts with it (faster). */
let seed: string | undefined;

/** A user cache directory holding only the compiler's bytecode (not the bundle's). */
function freshHome(): string {
  const home = tempDir();
  if (seed) {
    const dir = path.join(home, 'clavis-lint');
    fs.mkdirSync(dir, { mode: 0o700 });
    for (const name of fs.readdirSync(seed).filter((n) => n.startsWith('typescript-'))) fs.copyFileSync(path.join(seed, name), path.join(dir, name));
  }
  return home;
}

function scan(args: string[], env: Record<string, string> = {}, home = freshHome()): Run {
  const hook = path.join(home, 'trace.cjs');
  fs.writeFileSync(hook, "const M = require('module'); const load = M._load; M._load = function (request, ...rest) { if (String(request).endsWith('clavis-lint-cli.cjs')) process.stderr.write('BUNDLE REQUIRED\\n'); return load.call(this, request, ...rest); };\n");
  const run = spawnSync(process.execPath, ['--require', hook, BIN, ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CI: 'true', XDG_CACHE_HOME: home, ...env },
  });
  const cacheDir = path.join(home, 'clavis-lint');
  const bundleCaches = fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((name) => name.startsWith('clavis-lint-cli-')) : [];
  return {
    code: run.status ?? -1,
    // Durations are the only part of a report allowed to differ between runs.
    stdout: run.stdout.replace(/"ms":\d+/g, '"ms":0'),
    stderr: run.stderr.replace('BUNDLE REQUIRED\n', ''),
    bundleCaches,
    requiredBundle: run.stderr.includes('BUNDLE REQUIRED'),
  };
}

const ARGS = ['--no-cache', '-f', 'json', '.'];

describe('the bundled CLI', () => {
  let viaLib: Run;
  beforeAll(() => {
    arrange(pristine, { bundle: LATER, run: T0 });
    const home = tempDir();
    viaLib = scan(ARGS, { CLAVIS_LINT_NO_BUNDLE: '1' }, home);
    seed = path.join(home, 'clavis-lint');
    expect(viaLib.code, viaLib.stderr).toBe(1);
    expect(JSON.parse(viaLib.stdout).findings.length).toBeGreaterThan(0);
    expect(viaLib.bundleCaches).toEqual([]);
  });
  const same = (run: Run): void => {
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({ code: viaLib.code, stdout: viaLib.stdout, stderr: viaLib.stderr });
  };

  it('runs when fresh, through the code cache: written on the first run, used unchanged on the next', () => {
    arrange(pristine, { bundle: LATER, run: T0 });
    const home = freshHome();
    const first = scan(ARGS, {}, home);
    same(first);
    expect(first.bundleCaches).toEqual([expect.stringMatching(/^clavis-lint-cli-[0-9a-f]{16}-node.*\.v8cache$/)]);
    const file = path.join(home, 'clavis-lint', first.bundleCaches[0]);
    const written = fs.statSync(file);
    const second = scan(ARGS, {}, home);
    same(second);
    // Rewritten only when V8 refused it (or it was missing): unchanged means the bytecode was used.
    const after = fs.statSync(file);
    expect({ ino: after.ino, mtimeMs: after.mtimeMs }).toEqual({ ino: written.ino, mtimeMs: written.mtimeMs });
  });

  it('runs when its mtime equals lib/cli/run.js (a package installed by npm)', () => {
    arrange(pristine, { bundle: NPM_EPOCH, run: NPM_EPOCH });
    const run = scan(ARGS);
    same(run);
    expect(run.bundleCaches).toHaveLength(1);
  });

  it('runs without the code cache when that is off (NODE_DISABLE_COMPILE_CACHE)', () => {
    arrange(pristine, { bundle: LATER, run: T0 });
    const run = scan(ARGS, { NODE_DISABLE_COMPILE_CACHE: '1' });
    same(run);
    expect(run.requiredBundle).toBe(true);
    expect(run.bundleCaches).toEqual([]);
  });

  it('is not run when older than lib/cli/run.js (lib/ rebuilt by tsc alone)', () => {
    arrange(pristine, { bundle: T0, run: LATER });
    const run = scan(ARGS);
    same(run);
    expect(run.bundleCaches).toEqual([]);
    expect(scan(ARGS, { NODE_DISABLE_COMPILE_CACHE: '1' }).requiredBundle).toBe(false);
  });

  it('runs in an installed package (no src/) even when extracted before lib/cli/run.js, as npm 11 does', () => {
    arrange(pristine, { bundle: T0, run: LATER });
    fs.renameSync(path.join(copy, 'src'), path.join(copy, 'src-away'));
    try {
      const run = scan(ARGS);
      same(run);
      expect(run.bundleCaches).toHaveLength(1);
    } finally {
      fs.renameSync(path.join(copy, 'src-away'), path.join(copy, 'src'));
    }
  });

  it('falls back to lib/ silently when the bundle is missing or cannot load', () => {
    arrange(null, { bundle: LATER, run: T0 });
    same(scan(ARGS));
    for (const broken of ['this is not JavaScript {', 'throw new TypeError("damaged bundle");', 'module.exports = {};']) {
      arrange(Buffer.from(broken), { bundle: LATER, run: T0 });
      same(scan(ARGS));
    }
    same(scan(ARGS, { NODE_DISABLE_COMPILE_CACHE: '1' }));
  });

  it('reads the package version beside its lib/ twin, as lib/ does', () => {
    arrange(pristine, { bundle: LATER, run: T0 });
    const version = (JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
    const bundled = scan(['--version'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(bundled.requiredBundle).toBe(true);
    expect(bundled.stdout.trim()).toBe(version);
    expect(scan(['--version'], { CLAVIS_LINT_NO_BUNDLE: '1' }).stdout).toBe(bundled.stdout);
  });

  it('keeps no bytecode from a --help, --version or usage-error run (a fraction of the CLI): the next scan writes it', () => {
    arrange(pristine, { bundle: LATER, run: T0 });
    const home = freshHome();
    for (const args of [['--version'], ['-h'], ['--no-such-option']]) expect(scan(args, {}, home).bundleCaches).toEqual([]);
    const run = scan(ARGS, {}, home);
    same(run);
    expect(run.bundleCaches).toHaveLength(1);
  });
});
