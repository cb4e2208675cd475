#!/usr/bin/env node
// Launcher. The CLI is compiled into lib/ (built by `npm ci` through the prepare script), and
// `npm run build` also bundles it into one file, lib/cli/clavis-lint-cli.cjs (scripts/build-cli.js):
// one read and one compile instead of resolving and compiling some 200 ES modules, and the compile
// comes from the V8 code cache (lib/core/code-cache.js) after the first run. About 0.1 s of every scan.
//
// In a checkout (src/ beside lib/), the bundle runs only while it is not older than lib/cli/run.js:
// `npx tsc -p tsconfig.build.json` alone rewrites every file of lib/ and leaves an old bundle
// behind, which must never run (equal mtimes count as fresh). An installed package has no src/:
// its lib/ and bundle come from one `npm run build` (prepare runs it on pack and publish), nothing
// rebuilds lib/ there, and mtimes say nothing about build order (npm 11 writes the files with the
// time of extraction, the bundle first), so the bundle is trusted. A missing, stale or unloadable
// bundle falls back to lib/cli/run.js, silently: same CLI, slower start.
// CLAVIS_LINT_NO_BUNDLE=1 forces lib/ (tests compare the two; a developer can rule the bundle out),
// and so does CLAVIS_LINT_DEBUG (its stack traces then name lib/ files and lines, not the bundle's long lines).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../lib/cli/clavis-lint-cli.cjs', import.meta.url));
const RUN = fileURLToPath(new URL('../lib/cli/run.js', import.meta.url));
const SOURCES = fileURLToPath(new URL('../src', import.meta.url));
const SHORT_RUNS = new Set(['--help', '-h', '--version', '-v']);

/** The bundle's `run`, or undefined when it is missing, stale or fails to load. */
async function bundledRun() {
  if (process.env.CLAVIS_LINT_NO_BUNDLE || process.env.CLAVIS_LINT_DEBUG) return undefined;
  try {
    const bundle = fs.statSync(BUNDLE, { throwIfNoEntry: false });
    if (!bundle) return undefined;
    if (fs.existsSync(SOURCES)) {
      const run = fs.statSync(RUN, { throwIfNoEntry: false });
      if (!run || bundle.mtimeMs < run.mtimeMs) return undefined;
    }
    // The launcher's own copy of the code cache module (the bundle holds another, which the CLI
    // configures for the TypeScript compiler): same directory and trust rules, written by this process.
    // The CLI's V8 tiering (lib/core/v8-flags.js), set before the bundle compiles: its code cache is made and used under it.
    (await import('../lib/core/v8-flags.js')).tuneTieringForScans();
    const cache = await import('../lib/core/code-cache.js');
    cache.configureCodeCache(cache.defaultCodeCacheDirectory(process.env), { write: true });
    const mod = cache.requireWithCodeCache(createRequire(import.meta.url), BUNDLE);
    if (typeof mod?.run !== 'function') return undefined;
    // Saved at exit, so the bytecode also holds the functions the scan compiled lazily; only
    // written when this run compiled the bundle without a usable cache (the first run after a build).
    // A bytecode file is kept until the bundle changes, so it is written by a run that did some
    // work (exit 0 or 1), not by `--help`, `--version` or a usage error, which compile a fraction
    // of the CLI and would leave every later scan compiling the rest (about 0.05-0.1 s on dub).
    process.once('exit', (code) => {
      if ((code === 0 || code === 1) && !process.argv.slice(2).some((arg) => SHORT_RUNS.has(arg))) cache.saveCodeCaches();
    });
    return mod.run;
  } catch {
    return undefined;
  }
}

const run = (await bundledRun()) ?? (await import('../lib/cli/run.js')).run;
await run();
