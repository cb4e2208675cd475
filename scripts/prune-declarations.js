#!/usr/bin/env node
// Removes the declaration files (.d.ts) of lib/ that no public entry point reaches. tsc writes one
// per module (about 350, 0.4 MB), but only the types `exports` names (the programmatic API and the
// ESLint plugin) and what they import are public; the rest only add to the install (issue 12:
// <= 40 MB). The reached set follows every import, re-export, `import("…")` type and reference
// directive of the declarations, read with the compiler's own import scanner (ts.preProcessFile).
// test/api/api.test.ts type-checks a consumer against the pruned lib/.
//   node scripts/prune-declarations.js [--lib DIR]   (default: lib)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { lib: { type: 'string' } } });
const LIB = path.resolve(values.lib ?? path.join(REPO, 'lib'));
const ts = createRequire(import.meta.url)('typescript');
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));

/** The declaration files `package.json` names (`types`, and each export's `types`), inside LIB. */
function entryPoints() {
  const named = [pkg.types, ...Object.values(pkg.exports ?? {}).map((entry) => (typeof entry === 'object' && entry !== null ? entry.types : undefined))];
  return named.filter((file) => typeof file === 'string').map((file) => path.resolve(REPO, file.replace(/^lib\//, `${path.relative(REPO, LIB)}/`)));
}

/** `./core/engine.js` from `lib/index.d.ts` -> `lib/core/engine.d.ts` (or `…/index.d.ts`), when it exists. */
function declarationOf(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier).replace(/\.(m|c)?js$/, '');
  return [`${base}.d.ts`, path.join(base, 'index.d.ts')].find((candidate) => fs.existsSync(candidate));
}

const reached = new Set();
const queue = entryPoints().filter((file) => fs.existsSync(file));
if (queue.length === 0) throw new Error(`no declaration entry point found under ${LIB}`);
while (queue.length > 0) {
  const file = queue.pop();
  if (reached.has(file)) continue;
  reached.add(file);
  const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
  for (const reference of [...info.importedFiles, ...info.referencedFiles]) {
    const target = declarationOf(file, reference.fileName);
    if (target && !reached.has(target)) queue.push(target);
  }
}

let removed = 0;
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.d.ts') && !reached.has(full)) {
      fs.rmSync(full);
      removed++;
    }
  }
};
walk(LIB);
// Silent: `npm pack` runs the build (prepare), and tools that read its output (pre-commit) take
// every line it prints for the tarball's name. CLAVIS_LINT_BUILD_VERBOSE=1 prints the counts on stderr.
if (process.env.CLAVIS_LINT_BUILD_VERBOSE) console.error(`declarations: kept ${reached.size}, removed ${removed} that no public entry point reaches`);
