// Copies the three tree-sitter grammars (.wasm only) from their npm packages, which are
// devDependencies, into lib/grammars/ at build time. The published package ships these 2.9 MB of
// wasm and none of the packages' 42 MB of native sources and install scripts (issue 12).
//   node scripts/copy-grammars.js [--outdir DIR]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = path.resolve(values.outdir ?? path.join(REPO, 'lib', 'grammars'));

fs.mkdirSync(outdir, { recursive: true });
for (const grammar of ['bash', 'python', 'rust']) {
  const pkgJson = require.resolve(`tree-sitter-${grammar}/package.json`);
  const wasm = path.join(path.dirname(pkgJson), `tree-sitter-${grammar}.wasm`);
  fs.copyFileSync(wasm, path.join(outdir, `tree-sitter-${grammar}.wasm`));
}
