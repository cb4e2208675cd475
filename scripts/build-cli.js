#!/usr/bin/env node
// Bundles the CLI (lib/cli/run.js and everything it imports) into one CommonJS file,
// lib/cli/clavis-lint-cli.cjs, which bin/clavis-lint.js runs instead of lib/cli/run.js when it
// is fresh. Why: a scan loaded 150-225 separate ES modules from lib/, and resolving and compiling
// them cost 0.15-0.2 s of every run; one file costs one read and one compile, and being CommonJS
// its compile can come from the V8 code cache (src/core/code-cache.ts), as the TypeScript
// compiler's does. lib/ stays as it is: the programmatic API, the ESLint plugin and the worker
// threads (lib/core/*-worker*.js, started by path) keep using it.
//
// Decisions:
// - Built from lib/ (tsc's output, which `npm run build` writes first), not from src/: the bundle
//   runs exactly the JavaScript lib/ runs, and each bundled module's twin in lib/ is its own path.
// - `import.meta.url` does not exist in CommonJS. Every use becomes `__clavis_module_url("<path of
//   the module's lib/ twin, relative to the bundle>")`, so each module resolves relative paths
//   (package.json, grammars, worker scripts, `createRequire`) exactly as its lib/ twin does. The
//   uses are found with the TypeScript parser, not a text search; any other `import.meta` use
//   fails the build, since it would need a decision here.
// - External: `typescript` (loaded at run time through `createRequire`, via the code cache, and
//   it must stay one instance in the process: Node's module cache sees to that) and
//   `web-tree-sitter` (it finds its .wasm next to itself; in the bundle it is its CommonJS build,
//   the same code). Every other dependency (yaml, markdown-it, picomatch, ignore, picocolors) is
//   bundled: fewer files to resolve at start-up, for about 0.3 MB.
// - Strict mode: ES modules are strict, a CommonJS file is not unless it says so: the banner does.
// - Minified (1.0 MB; 2.0 MB as written, 1.4 MB with whitespace and syntax minified only): a smaller
//   install (issue 12: <= 40 MB) and a faster first compile. `keepNames` keeps `.name` of functions
//   and classes (error messages print class names). Stack traces are for developers, and
//   CLAVIS_LINT_DEBUG, which prints them, makes bin/ run lib/ (real file names and lines).
// - Deterministic: fixed options, paths relative to the repository, no timestamps.
// - Staleness is bin/'s business: it never runs a bundle older than lib/cli/run.js
//   (`npx tsc -p tsconfig.build.json` alone leaves an old bundle behind).
//
// Usage: node scripts/build-cli.js [--lib DIR]   (default: lib; writes DIR/cli/clavis-lint-cli.cjs;
// tests bundle a copy of lib/ this way)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { lib: { type: 'string' } } });
const LIB = path.resolve(values.lib ?? path.join(REPO, 'lib'));
const outfile = path.join(LIB, 'cli', 'clavis-lint-cli.cjs');
const entry = path.join(LIB, 'cli', 'run.js');
const ts = createRequire(import.meta.url)('typescript');

const URL_HELPER = '__clavis_module_url';

/** Spans of `import.meta.url` in `source`; throws on any other use of `import.meta`. */
function importMetaUrls(file, source) {
  const spans = [];
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const visit = (node) => {
    if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
      const parent = node.parent;
      if (!ts.isPropertyAccessExpression(parent) || parent.expression !== node || parent.name.text !== 'url') {
        const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
        throw new Error(`build-cli: ${path.relative(REPO, file)}:${line + 1} uses import.meta other than import.meta.url; teach scripts/build-cli.js what it means in the bundle`);
      }
      spans.push([parent.getStart(sourceFile), parent.getEnd()]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return spans;
}

/** Gives each bundled lib/ module the URL of its own file (see the header). */
const libModuleUrls = {
  name: 'clavis-lib-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      if (!args.path.startsWith(LIB + path.sep)) return undefined;
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const rel = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
      let contents = source;
      for (const [start, end] of importMetaUrls(args.path, source).reverse()) {
        contents = `${contents.slice(0, start)}${URL_HELPER}(${JSON.stringify(rel)})${contents.slice(end)}`;
      }
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

const banner = [
  '"use strict";',
  '// Generated by scripts/build-cli.js from lib/ (do not edit): bin/clavis-lint.js runs it while it is not older than lib/cli/run.js.',
  `var ${URL_HELPER} = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;`,
].join('\n');

const result = await build({
  absWorkingDir: path.dirname(LIB),
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['typescript', 'web-tree-sitter'],
  minify: true,
  keepNames: true,
  legalComments: 'none',
  charset: 'utf8',
  sourcemap: false,
  metafile: false,
  logLevel: 'warning',
  banner: { js: banner },
  plugins: [libModuleUrls],
});
if (result.errors.length > 0) process.exit(1);
