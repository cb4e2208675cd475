#!/usr/bin/env node
// Result cache benchmark (issue 12), not a test: run by hand, one at a time (`node bench/cache.js
// [TREE] [--sample N] [--runs N]`, default /work/corpus/dub). The tree is copied to a temp directory first (it is edited).
// Times (wall and CPU): a first scan with an empty cache, a second unchanged scan, a scan after editing one file
// the leak Program did not load, and one after editing a file it did load; checks each report is
// byte-identical to an uncached scan of the same tree.
// With `--sample N`, each sampled file is edited twice: a comment appended (as above), and a code
// edit (a statement added at the top of its first function's body, the declaration a walk most
// likely reads), whose report is checked against an uncached scan too.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const BIN = fileURLToPath(new URL('../bin/clavis-lint.js', import.meta.url));
// `--sample N`: also edit N more files inside the leak Program, evenly spaced in path order, one at
// a time (each edit reverted before the next), and print each ratio: one favourable pick says little.
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const sampleCount = option('--sample', 0);
// `--runs N`: each timed scan N times from the same cache state (restored between runs), best
// wall and best CPU kept, as `npm run bench` does for its scans: one run mostly measures the machine.
const runs = Math.max(1, option('--runs', 1));
const positional = process.argv.slice(2).filter((arg, i, all) => !['--sample', '--runs'].includes(arg) && !['--sample', '--runs'].includes(all[i - 1]));
const source = path.resolve(positional[0] ?? '/work/corpus/dub');
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-cache-bench-'));
execFileSync('cp', ['-r', `${source}/.`, tree]);
const cacheDir = path.join(tree, '.clavis-lint-cache');
// The source tree may hold a cache of its own (any local scan writes one): the first scan must start empty.
fs.rmSync(cacheDir, { recursive: true, force: true });

// CPU time (user + system, from /usr/bin/time) besides wall time: on a shared machine the wall
// clock mostly measures the neighbours.
function scan(label, extra = []) {
  const started = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, BIN, tree, '--format', 'json', ...extra], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CI: '', CLAVIS_LINT_DEBUG_CACHE: '1' } });
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`${label}: exit ${run.status}: ${run.stderr}`);
  const [user, system] = (/cpu ([\d.]+) ([\d.]+)/.exec(run.stderr) ?? [0, 0, 0]).slice(1).map(Number);
  // What the cache served (src/cli/commands/scan.ts prints it under CLAVIS_LINT_DEBUG_CACHE).
  const served = /clavis-lint: cache: (.*)/.exec(run.stderr);
  return { label, ms, cpuMs: (user + system) * 1000, report: run.stdout, cache: served ? JSON.parse(served[1]) : undefined };
}

/** `scan` `runs` times, each from the cache as it was before the first (the last run's cache stays), keeping the best wall and CPU. */
function best(label, extra) {
  const saved = `${cacheDir}.saved`;
  fs.rmSync(saved, { recursive: true, force: true });
  if (fs.existsSync(cacheDir)) execFileSync('cp', ['-r', cacheDir, saved]);
  let kept;
  for (let run = 0; run < runs; run++) {
    if (run > 0) {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      if (fs.existsSync(saved)) execFileSync('cp', ['-r', saved, cacheDir]);
    }
    const row = scan(label, extra);
    kept = kept ? { ...row, ms: Math.min(kept.ms, row.ms), cpuMs: Math.min(kept.cpuMs, row.cpuMs) } : row;
  }
  fs.rmSync(saved, { recursive: true, force: true });
  return kept;
}

function served(cache) {
  if (!cache) return 'cache off?';
  const files = `files ${cache.hits}/${cache.misses}/${cache.hashed}`;
  const roots = cache.leakRoots;
  const leak = cache.replayed ? 'report replayed' : cache.leakHit ? 'leak: stored' : roots ? `leak: ${roots.walked} walked, ${roots.reused} reused${roots.programFiles !== undefined ? `, ${roots.programFiles} files${roots.stubs ? ` (and ${roots.stubs} stubs)` : ''} in ${roots.programs} Program(s)` : ''}` : 'leak: -';
  return `${files}; ${leak}${cache.leakFullPass ? ` (full pass: ${cache.leakFullPass})` : ''}`;
}

function edit(file) {
  fs.appendFileSync(path.join(tree, file), '\n// edited by bench/cache.js\n');
}

/** Adds a statement at the top of the first top-level function body of the file (declared, or a const's arrow or function); its name, or undefined when there is none. */
function editBody(file) {
  const abs = path.join(tree, file);
  const text = fs.readFileSync(abs, 'utf8');
  const sourceFile = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, true);
  for (const statement of sourceFile.statements) {
    let name;
    let body;
    if (ts.isFunctionDeclaration(statement) && statement.body) [name, body] = [statement.name?.text ?? 'default', statement.body];
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!body && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && init.body && ts.isBlock(init.body)) [name, body] = [declaration.name.getText(sourceFile), init.body];
      }
    }
    if (!body) continue;
    const at = body.getStart(sourceFile) + 1;
    fs.writeFileSync(abs, `${text.slice(0, at)}\n  void 0; // edited by bench/cache.js${text.slice(at)}`);
    return name;
  }
  return undefined;
}

/** A TS file the cached leak entry says the Program loaded, and one it did not (both scanned). */
function pickFiles() {
  const doc = JSON.parse(fs.readFileSync(path.join(cacheDir, 'results.json'), 'utf8'));
  const loaded = new Set(Object.keys(doc.leak?.loaded ?? {}));
  const ts = Object.keys(doc.leak?.files ?? {}).sort();
  const inside = ts.filter((f) => loaded.has(f));
  const outside = ts.filter((f) => !loaded.has(f));
  const sample = Array.from({ length: sampleCount }, (_, k) => inside[Math.floor(((k + 0.5) * inside.length) / sampleCount)]);
  return { inside: inside[Math.floor(inside.length / 2)], outside: outside[Math.floor(outside.length / 2)], loaded: inside.length, total: ts.length, sample };
}

const rows = [];
const first = best('first scan, empty cache', ['--cache']);
rows.push(first);
rows.push(best('second scan, unchanged', ['--cache']));
const picked = pickFiles();
edit(picked.outside);
rows.push({ ...best(`one file edited, outside the leak Program (${picked.outside})`, ['--cache']), check: true });
edit(picked.inside);
rows.push({ ...best(`one file edited, inside the leak Program (${picked.inside})`, ['--cache']), check: true });
const uncached = scan('uncached, same tree', ['--no-cache']);
const sampled = [];
for (const file of picked.sample) {
  const before = fs.readFileSync(path.join(tree, file));
  edit(file);
  sampled.push(best(`sample: one file edited inside the leak Program (${file})`, ['--cache']));
  fs.writeFileSync(path.join(tree, file), before);
  scan('restore', ['--cache']);
  const edited = editBody(file);
  if (edited === undefined) continue;
  const row = best(`  the same file, code edit (the body of ${edited})`, ['--cache']);
  sampled.push({ ...row, identical: row.report === scan('uncached, same tree', ['--no-cache']).report });
  fs.writeFileSync(path.join(tree, file), before);
  scan('restore', ['--cache']);
}

console.log(`tree: ${source} (copied to ${tree}); leak Program loaded ${picked.loaded} of ${picked.total} scanned TS/JS files; ${runs === 1 ? 'one run each' : `best of ${runs} runs each, from the same cache state`}`);
const pct = (a, b) => `${((100 * a) / b).toFixed(0).padStart(3)}%`;
console.log(`${''.padEnd(96)} wall           cpu`);
for (const row of rows) console.log(`${row.label.padEnd(96)} ${(row.ms / 1000).toFixed(1).padStart(5)} s ${pct(row.ms, first.ms)}  ${(row.cpuMs / 1000).toFixed(1).padStart(5)} s ${pct(row.cpuMs, first.cpuMs)}`);
console.log('what the cache served (files: hits/misses/hashed; leak pass: stored result, or roots walked/reused, Program files and Programs built):');
for (const row of rows) console.log(`  ${row.label.padEnd(94)} ${served(row.cache)}`);
for (const row of sampled) console.log(`${row.label.padEnd(96)} ${(row.ms / 1000).toFixed(1).padStart(5)} s ${pct(row.ms, first.ms)}  ${(row.cpuMs / 1000).toFixed(1).padStart(5)} s ${pct(row.cpuMs, first.cpuMs)}  ${served(row.cache)}${row.identical === undefined ? '' : `; identical to uncached: ${row.identical}`}`);
console.log(`uncached scan of the edited tree: ${(uncached.ms / 1000).toFixed(1)} s wall, ${(uncached.cpuMs / 1000).toFixed(1)} s cpu; cached report identical: ${rows[rows.length - 1].report === uncached.report}`);
fs.rmSync(tree, { recursive: true, force: true });
