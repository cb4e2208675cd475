#!/usr/bin/env node
// Differential check of the result cache: the cache may only make a scan faster, never change its
// report. So on a copy of a real repository, each edit of an edit list is applied, then a cached
// scan (`--cache`, on top of the record the previous scans left) and an uncached scan (`--no-cache`)
// of the same tree run, and their JSON reports must be byte-identical; then the edit is reverted
// and a cached scan must give back the original report. One line per edit (SAME/DIFF, leak findings
// cached/uncached, times cached/uncached, what the cache served), then a summary.
// Benchmark-style tool, not a test: run by hand, one at a time (minutes: two scans per edit).
//   node bench/cache-check.js [REPO_NAME] [--repos DIR] [--only id,id] [--series single|cumulative|all] [--keep DIR]
// REPO_NAME (default dub) names both the tree, DIR/REPO_NAME (DIR default /work/corpus, built by
// corpus/build.js), and its edit list, bench/cache-check/REPO_NAME.js: a default export that gets
// the edit builders below and returns { single: [edit], cumulative: { name: [edit] } }, where an
// edit is { id, file, desc, apply(text) => text }. Single edits are each applied alone; the steps
// of a cumulative series build on each other and are reverted together at its end, so `--only`
// with the id of one step runs its whole series. `--keep DIR` writes each mismatching pair of
// reports to DIR (and the rows as JSON) instead of printing a diff of their findings.
// Exit code: 0 every edit matched, 1 some report differed, 2 usage error, 3 the check could not run.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/clavis-lint.js', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../lib/cli/clavis-lint-cli.cjs', import.meta.url));
const LISTS = fileURLToPath(new URL('./cache-check/', import.meta.url));
const USAGE = 'usage: node bench/cache-check.js [REPO_NAME] [--repos DIR] [--only id,id] [--series single|cumulative|all] [--keep DIR]';
const VALUE_OPTIONS = ['--repos', '--only', '--series', '--keep'];
const DIFF_LINES = 20;

function usageError(message) {
  console.error(`cache-check: ${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { repoName: undefined, repos: '/work/corpus', only: undefined, series: 'all', keep: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      if (options.repoName !== undefined) usageError(`more than one repository name: ${options.repoName}, ${arg}`);
      options.repoName = arg;
      continue;
    }
    if (!VALUE_OPTIONS.includes(arg)) usageError(`unknown option ${arg}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) usageError(`${arg} needs a value`);
    if (arg === '--repos') options.repos = value;
    if (arg === '--only') options.only = value.split(',').filter(Boolean);
    if (arg === '--series') options.series = value;
    if (arg === '--keep') options.keep = path.resolve(value);
  }
  options.repoName ??= 'dub';
  if (!['single', 'cumulative', 'all'].includes(options.series)) usageError(`--series must be single, cumulative or all, not ${options.series}`);
  return options;
}

// ---- edit builders, handed to the edit lists (an anchor that is missing throws: the list is stale) ----

const append = (s) => (t) => t + s;
const prepend = (s) => (t) => s + t;
const blankMiddle = (t) => {
  const lines = t.split('\n');
  lines.splice(Math.floor(lines.length / 2), 0, '');
  return lines.join('\n');
};
const sub = (find, repl) => (t) => {
  const i = t.indexOf(find);
  if (i < 0) throw new Error(`anchor not found: ${find.slice(0, 60)}`);
  return t.slice(0, i) + repl + t.slice(i + find.length);
};
/** Moves the text [startMarker, endMarker) to just before `beforeMarker`; endMarker '\u0000' is the end of the file. */
const move = (startMarker, endMarker, beforeMarker) => (t) => {
  const a = t.indexOf(startMarker);
  const b = endMarker === '\u0000' ? t.length : t.indexOf(endMarker, a + 1);
  if (a < 0 || b < 0) throw new Error(`move: markers not found ${startMarker.slice(0, 40)}`);
  const block = t.slice(a, b);
  const rest = t.slice(0, a) + t.slice(b);
  const c = rest.indexOf(beforeMarker);
  if (c < 0) throw new Error('move: before marker not found');
  return rest.slice(0, c) + block + rest.slice(c);
};
const compose = (...edits) => (t) => edits.reduce((text, edit) => edit(text), t);

async function loadEdits(repoName, only) {
  const available = fs.existsSync(LISTS) ? fs.readdirSync(LISTS).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)) : [];
  if (!available.includes(repoName)) usageError(`no edit list for ${repoName}; lists in bench/cache-check/: ${available.join(', ') || 'none'}`);
  const edits = (await import(path.join(LISTS, `${repoName}.js`))).default({ append, prepend, blankMiddle, sub, move, compose });
  if (only) {
    // A mistyped id would otherwise select nothing and end in a clean "0 differ".
    const ids = new Set([...edits.single, ...Object.values(edits.cumulative ?? {}).flat()].map((e) => e.id));
    const unknown = only.filter((id) => !ids.has(id));
    if (unknown.length > 0) usageError(`unknown edit id(s) for ${repoName}: ${unknown.join(', ')}`);
  }
  return edits;
}

// ---- scanning ----

// A rebuild of the CLI in the middle of a run would compare two different linters, not the cache.
const bundleStamp = () => (fs.existsSync(BUNDLE) ? fs.statSync(BUNDLE).mtime.toISOString() : undefined);

/** One scan of the tree, as bench/cache.js runs it; the repository's .clavis-lint.yaml and registry sit at its root. */
function scan(ctx, cached) {
  const stamp = bundleStamp();
  if (stamp !== ctx.stamp) console.log(`  !! CLI rebuilt during the run: ${stamp}`);
  const extra = cached ? ['--cache', '--cache-location', ctx.cacheDir] : ['--no-cache'];
  const started = performance.now();
  const run = spawnSync(process.execPath, [BIN, ctx.tree, '--format', 'json', ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    // CLAVIS_LINT_DEBUG_CACHE: src/cli/commands/scan.ts then prints what the cache served on stderr.
    env: { ...process.env, CI: '', NO_COLOR: '1', CLAVIS_LINT_DEBUG_CACHE: '1' },
  });
  const ms = performance.now() - started;
  if (run.status !== 0 && run.status !== 1) throw new Error(`scan (${cached ? 'cached' : 'uncached'}) exit ${run.status ?? run.signal}: ${run.stderr}`);
  const served = /clavis-lint: cache: (.*)/.exec(run.stderr);
  const stderr = run.stderr.split('\n').filter((l) => l && !l.startsWith('clavis-lint: cache:')).join(' | ');
  return { out: run.stdout, ms, cache: served ? JSON.parse(served[1]) : null, stderr };
}

function served(cache) {
  if (!cache) return '-';
  if (cache.replayed) return 'replayed';
  if (cache.leakHit) return 'leak stored';
  const roots = cache.leakRoots;
  let text = roots ? `walked ${roots.walked}/reused ${roots.reused}` : 'leak: full';
  if (cache.leakFullPass) text += ` FULL(${String(cache.leakFullPass).slice(0, 60)})`;
  return text;
}

const leakCount = (out) => JSON.parse(out).findings.filter((f) => /secret-in|leaky|serialization/.test(f.ruleId)).length;
const seconds = (ms) => (ms / 1000).toFixed(1);

// ---- comparing two reports ----

/** Findings only in one report, one JSON line each, `<` cached and `>` uncached, in report order. */
function findingsDiff(cachedOut, uncachedOut) {
  const cached = JSON.parse(cachedOut);
  const uncached = JSON.parse(uncachedOut);
  const a = cached.findings.map((f) => JSON.stringify(f));
  const b = uncached.findings.map((f) => JSON.stringify(f));
  const onlyIn = (xs, ys, mark) => {
    const left = new Map();
    for (const y of ys) left.set(y, (left.get(y) ?? 0) + 1);
    return xs.flatMap((x, index) => {
      if (left.get(x) > 0) {
        left.set(x, left.get(x) - 1);
        return [];
      }
      return [{ index, line: `${mark} ${x}` }];
    });
  };
  // By position, so a finding that moved shows as a `<` line next to its `>` line.
  const lines = [...onlyIn(a, b, '<'), ...onlyIn(b, a, '>')].sort((x, y) => x.index - y.index).map((d) => d.line);
  if (lines.length > 0) return lines;
  if (JSON.stringify(a) !== JSON.stringify(b)) return ['(same findings, in a different order)'];
  const keys = [...new Set([...Object.keys(cached), ...Object.keys(uncached)])].filter((k) => JSON.stringify(cached[k]) !== JSON.stringify(uncached[k]));
  return [`(same findings; the reports differ in: ${keys.join(', ') || 'formatting only'})`];
}

/** Records a mismatch between a cached and an uncached report of the same tree, and shows it. */
function reportMismatch(ctx, label, cachedOut, uncachedOut) {
  ctx.mismatches.push(label);
  if (ctx.keep) {
    const stem = path.join(ctx.keep, `${ctx.repoName}-${label}`);
    fs.writeFileSync(`${stem}-cached.json`, cachedOut);
    fs.writeFileSync(`${stem}-uncached.json`, uncachedOut);
    console.log(`  reports kept: ${stem}-cached.json, ${stem}-uncached.json`);
    return;
  }
  const lines = findingsDiff(cachedOut, uncachedOut);
  for (const line of lines.slice(0, DIFF_LINES)) console.log(`  ${line}`);
  if (lines.length > DIFF_LINES) console.log(`  ... ${lines.length - DIFF_LINES} more lines (--keep DIR writes both reports)`);
}

// ---- the runs ----

function check(ctx, edit) {
  const c = scan(ctx, true);
  const u = scan(ctx, false);
  ctx.timings.cached.push(c.ms);
  ctx.timings.uncached.push(u.ms);
  const same = c.out === u.out;
  const row = { id: edit.id, file: edit.file, desc: edit.desc, same, leakC: leakCount(c.out), leakU: leakCount(u.out), cache: served(c.cache), cms: c.ms, ums: u.ms, err: c.stderr };
  ctx.rows.push(row);
  const stderr = c.stderr ? `  [stderr: ${c.stderr.slice(0, 200)}]` : '';
  console.log(`${same ? 'SAME' : 'DIFF'} ${edit.id.padEnd(8)} leak c/u ${row.leakC}/${row.leakU}  ${seconds(c.ms)}s/${seconds(u.ms)}s  ${row.cache}  ${edit.file}: ${edit.desc}${stderr}`);
  if (!same) reportMismatch(ctx, edit.id, c.out, u.out);
}

/** Applies the edit; false (and a SKIP line) when the list no longer fits the tree. */
function applyEdit(ctx, edit) {
  const file = path.join(ctx.tree, edit.file);
  try {
    const before = fs.readFileSync(file, 'utf8');
    const after = edit.apply(before);
    if (after === before) throw new Error('edit changed nothing');
    fs.writeFileSync(file, after);
    return true;
  } catch (err) {
    console.log(`SKIP ${edit.id}: ${err.message}`);
    ctx.skipped.push(edit.id);
    return false;
  }
}

/** After a revert the tree is the original again: a cached scan must give the original report back. */
function resync(ctx, label) {
  const r = scan(ctx, true);
  if (r.out === ctx.baseReport) return;
  console.log(`  !! after reverting ${label}, the cached report differs from the original uncached report (${served(r.cache)})`);
  reportMismatch(ctx, `${label}-reverted`, r.out, ctx.baseReport);
}

function firstScan(ctx) {
  const first = scan(ctx, true);
  const base = scan(ctx, false);
  ctx.baseReport = base.out;
  const same = first.out === base.out;
  console.log(`first cached scan ${seconds(first.ms)}s (${served(first.cache)}); uncached ${seconds(base.ms)}s; identical: ${same}; leak findings ${leakCount(base.out)}`);
  if (!same) reportMismatch(ctx, 'first', first.out, base.out);
}

function runSingle(ctx, edits) {
  for (const edit of edits) {
    if (ctx.only && !ctx.only.includes(edit.id)) continue;
    const file = path.join(ctx.tree, edit.file);
    const original = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (!applyEdit(ctx, edit)) continue;
    try {
      check(ctx, edit);
    } finally {
      fs.writeFileSync(file, original);
    }
    resync(ctx, edit.id);
  }
}

function runCumulative(ctx, series) {
  for (const [name, steps] of Object.entries(series ?? {})) {
    if (ctx.only && !steps.some((s) => ctx.only.includes(s.id))) continue;
    console.log(`-- cumulative series ${name}`);
    const originals = new Map();
    try {
      for (const step of steps) {
        const file = path.join(ctx.tree, step.file);
        if (!originals.has(file) && fs.existsSync(file)) originals.set(file, fs.readFileSync(file, 'utf8'));
        if (applyEdit(ctx, step)) check(ctx, step);
      }
    } finally {
      for (const [file, text] of originals) fs.writeFileSync(file, text);
    }
    resync(ctx, name);
  }
}

function summary(ctx) {
  const diffs = ctx.rows.filter((r) => !r.same).map((r) => r.id);
  const median = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
  };
  console.log(`\n${ctx.rows.length} edits checked, ${diffs.length} differ: ${diffs.join(', ') || 'none'}`);
  const others = ctx.mismatches.filter((label) => !diffs.includes(label));
  if (others.length > 0) console.log(`other mismatches (first scan, after a revert): ${others.join(', ')}`);
  if (ctx.skipped.length > 0) console.log(`skipped (the edit no longer fits the tree): ${ctx.skipped.join(', ')}`);
  console.log(`median cached ${(median(ctx.timings.cached) / 1000).toFixed(2)}s, median uncached ${(median(ctx.timings.uncached) / 1000).toFixed(2)}s`);
  if (ctx.keep) fs.writeFileSync(path.join(ctx.keep, `${ctx.repoName}-rows.json`), JSON.stringify(ctx.rows, null, 1));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const edits = await loadEdits(options.repoName, options.only);
  const source = path.resolve(options.repos, options.repoName);
  if (!fs.existsSync(source)) usageError(`no tree ${source} (node corpus/build.js builds the corpus)`);
  if (options.keep) fs.mkdirSync(options.keep, { recursive: true });

  // The check edits files: it works on a copy, so the corpus tree is never touched, and an
  // interrupted run leaves no edit behind in it.
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-cache-check-'));
  const cleanup = () => fs.rmSync(temp, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => { cleanup(); process.exit(130); });
  const ctx = {
    repoName: options.repoName, only: options.only, keep: options.keep,
    tree: path.join(temp, options.repoName), cacheDir: path.join(temp, 'cache'), stamp: bundleStamp(),
    baseReport: undefined, rows: [], mismatches: [], skipped: [], timings: { cached: [], uncached: [] },
  };
  try {
    // cp -r, not fs.cpSync: relative symlinks stay relative, so no write can go through one into the source.
    execFileSync('cp', ['-r', source, ctx.tree]);
    // Any local scan of the source leaves a cache there: the first scan must start from an empty one.
    fs.rmSync(path.join(ctx.tree, '.clavis-lint-cache'), { recursive: true, force: true });
    if (ctx.stamp) console.log(`CLI bundle built ${ctx.stamp}`);
    firstScan(ctx);
    if (options.series !== 'cumulative') runSingle(ctx, edits.single);
    if (options.series !== 'single') runCumulative(ctx, edits.cumulative);
    summary(ctx);
  } catch (err) {
    console.error(`cache-check: ${err.stack ?? err}`);
    return 3;
  } finally {
    cleanup();
  }
  return ctx.mismatches.length > 0 ? 1 : 0;
}

process.exitCode = await main();
