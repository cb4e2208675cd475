#!/usr/bin/env node
// Reprints every JavaScript file of lib/ (tsc's output) without its comments. The sources are
// written to be read (about a third of lib/'s bytes were comments: 0.7 MB), but lib/ is what npm
// installs (issue 12: <= 40 MB); the comments stay in src/ and in the declaration files, which
// keep the API's documentation for editors. esbuild prints the same module (ES syntax, no
// minification, no format change); only comments and whitespace go, and a comment esbuild must
// keep by its rules (`/*! … */`, `@license`) stays. The CLI bundle (scripts/build-cli.js) is
// built after this from lib/.
//   node scripts/strip-comments.js [--lib DIR]   (default: lib)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { transformSync } from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { lib: { type: 'string' } } });
const LIB = path.resolve(values.lib ?? path.join(REPO, 'lib'));

function* javascriptFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* javascriptFiles(file);
    else if (entry.isFile() && entry.name.endsWith('.js')) yield file;
  }
}

let before = 0;
let after = 0;
for (const file of javascriptFiles(LIB)) {
  const code = fs.readFileSync(file, 'utf8');
  const { code: stripped } = transformSync(code, { loader: 'js', format: undefined, target: 'esnext', legalComments: 'inline', charset: 'utf8', sourcefile: path.relative(REPO, file) });
  before += code.length;
  after += stripped.length;
  if (stripped !== code) fs.writeFileSync(file, stripped);
}
if (process.env.CLAVIS_BUILD_VERBOSE) console.log(`strip-comments: ${(before / 1e6).toFixed(2)} MB -> ${(after / 1e6).toFixed(2)} MB`);
