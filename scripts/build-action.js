#!/usr/bin/env node
// Bundles the GitHub Action (src/action/index.ts) into dist/index.cjs with esbuild.
//
// - CommonJS, not ESM: @actions/core 3 is ESM-only, but an ESM bundle of its dependencies fails
//   at run time with `Dynamic require of "net"`.
// - One TypeScript copy: the front end loads `typescript` through createRequire (invisible to the
//   bundler) and the leak analysis through `import ts = require('typescript')` (src/leak/typescript/
//   compiler-api.ts, which esbuild bundles); in the bundle both use that one bundled module.
// - wasm: web-tree-sitter and the three grammars are copied next to the bundle, and a bundle-only
//   loader (src/action/bundled-tree-sitter-loader.ts) finds them there.
// - Deterministic: no timestamps, paths relative to the repository, fixed options. The test
//   test/action/bundle.test.ts rebuilds into a temp dir and compares bytes with dist/.
//
// Usage: node scripts/build-action.js [--outdir DIR]   (default: dist)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = path.resolve(values.outdir ?? path.join(REPO, 'dist'));

export const WASM_FILES = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  'node_modules/tree-sitter-rust/tree-sitter-rust.wasm',
  'node_modules/tree-sitter-python/tree-sitter-python.wasm',
  'node_modules/tree-sitter-bash/tree-sitter-bash.wasm',
];

const CREATE_REQUIRE_IMPORT = "import { createRequire } from 'node:module';";

/** Swaps two modules for bundle-friendly versions (see the header). */
const substitutions = {
  name: 'clavis-bundle-substitutions',
  setup(b) {
    // typescript-module.ts loads `typescript` with createRequire at run time, which a bundle cannot
    // resolve. Keep the module (and whatever it exports) but hand its createRequire the bundled copy:
    // a literal `require('typescript')` that esbuild resolves to the same module the leak analysis uses.
    b.onLoad({ filter: /[\\/]src[\\/]languages[\\/]typescript[\\/]typescript-module\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      if (!source.includes(CREATE_REQUIRE_IMPORT)) {
        return { errors: [{ text: `build-action: ${path.relative(REPO, args.path)} no longer loads typescript through createRequire; update the substitution in scripts/build-action.js` }] };
      }
      const replacement = "const createRequire = () => () => require('typescript');";
      return { contents: source.replace(CREATE_REQUIRE_IMPORT, replacement), loader: 'ts', resolveDir: path.dirname(args.path) };
    });
    b.onResolve({ filter: /(^|\/)tree-sitter-loader\.js$/ }, (args) =>
      args.importer.includes(`${path.sep}src${path.sep}`) ? { path: path.join(REPO, 'src/action/bundled-tree-sitter-loader.ts') } : undefined,
    );
  },
};

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

fs.mkdirSync(outdir, { recursive: true });
const result = await build({
  absWorkingDir: REPO,
  entryPoints: [path.join(REPO, 'src/action/index.ts')],
  outfile: path.join(outdir, 'index.cjs'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  sourcemap: false,
  metafile: false,
  logLevel: 'warning',
  // `import.meta.url` does not exist in CommonJS: give every module the bundle's own URL.
  banner: { js: 'var __clavis_bundle_url=require("node:url").pathToFileURL(__filename).href;' },
  define: {
    'import.meta.url': '__clavis_bundle_url',
    __CLAVIS_LINT_VERSION__: JSON.stringify(pkg.version),
  },
  plugins: [substitutions],
});
if (result.errors.length > 0) process.exit(1);
for (const rel of WASM_FILES) fs.copyFileSync(path.join(REPO, rel), path.join(outdir, path.basename(rel)));
