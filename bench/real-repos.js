// Real-repository mode of the benchmark (issue 9): `npm run bench -- --repos DIR`.
// DIR holds checkouts of public repositories, each with our .clavis-lint.yaml (corpus/build.js
// writes them to /work/corpus). For each repository, in one run, best of --runs each:
//   (a) the full default clavis-lint scan (CLI, --format json --timing; --no-cache: cold, as ESLint's),
//   (b) the same scan with every leak-area rule off (`--rule <id>=off`: no leak pass at all),
//   (c) ESLint + @typescript-eslint/parser running one `process.env` rule (bench/peer-eslint.js)
//       over the TS/JS files clavis-lint analyses in that repository (its discovery: config
//       include/exclude and .gitignore, minus files it skipped as minified or unreadable),
// and prints wall time, CPU, peak RSS, the ratio ESLint/clavis-lint for (a) and (b), the leak
// pass's share of (a), and the goals of issue 9 beside the figures with PASS/MISS.
// The machine may be shared: figures are noisy; --runs keeps the fastest of N.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bestOf, measureNode, readJson } from './measure.js';
import { countEslintMessages, eslintCommand, eslintVersion } from './peer-eslint.js';

const TS_JS = new Set(['typescript', 'javascript']);

/**
 * Issue 9's goals, keyed by the repository's directory name in DIR (corpus/repos.json names).
 * Each: a label and a test on the measured figures; null when a figure is missing.
 */
const GOALS = {
  dub: [
    { label: 'full scan: ESLint/clavis >= 5x', test: (m) => (m.ratioFull == null ? null : m.ratioFull >= 5) },
    { label: 'leak rules off: ESLint/clavis >= 20x', test: (m) => (m.ratioNoLeak == null ? null : m.ratioNoLeak >= 20) },
    { label: 'full scan peak RSS <= 400 MB', test: (m) => (m.full?.peakRssMb == null ? null : m.full.peakRssMb <= 400) },
  ],
  // The issue states this goal at vox @ e7efc46bd (corpus entry vox-e7efc46); the vox entry is a
  // later commit with half again as many Rust files, held to the same goal.
  vox: [{ label: 'full scan <= 5 s', test: (m) => (m.full ? m.full.wallMs <= 5000 : null) }],
  'vox-e7efc46': [{ label: 'full scan <= 5 s (the commit the issue names)', test: (m) => (m.full ? m.full.wallMs <= 5000 : null) }],
};

const seconds = (ms) => (ms == null || Number.isNaN(ms) ? '-' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (mb) => (mb == null ? 'n/a' : `${Math.round(mb)} MB`);
const ratio = (x) => (x == null ? 'n/a' : `${x.toFixed(1)}x`);
const percent = (x) => (x == null ? 'n/a' : `${Math.round(100 * x)}%`);

/** Subdirectories of `dir` that hold a .clavis-lint.yaml, sorted by name (code units). */
function findRepositories(dir, only) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dir, e.name, '.clavis-lint.yaml')))
    .map((e) => e.name)
    .filter((name) => only.length === 0 || only.includes(name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The TS/JS files clavis-lint's discovery yields for `repoDir` (root-relative), and the root. */
async function typeScriptFilesOf(repoDir, libDir) {
  const { loadProject } = await import(pathToFileURL(path.join(libDir, 'index.js')).href);
  const { discoverFiles } = await import(pathToFileURL(path.join(libDir, 'core', 'discovery.js')).href);
  const { detectByPath } = await import(pathToFileURL(path.join(libDir, 'languages', 'detect.js')).href);
  const { config } = await loadProject({ cwd: repoDir });
  const { files } = discoverFiles({ root: config.root, targets: [path.resolve(repoDir)], include: config.include, exclude: config.exclude });
  return { root: config.root, files: files.filter((f) => TS_JS.has(detectByPath(f))) };
}

/** Reads every listed file once so the first measured tool does not pay for a cold page cache alone. */
function warmPageCache(root, files) {
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += fs.readFileSync(path.join(root, file)).length;
    } catch {
      // unreadable: clavis-lint reports it in errors[], ESLint in its output
    }
  }
  return bytes;
}

/** Runs the clavis-lint CLI on the repository, best of `runs`; returns the measurement and its JSON report. */
async function measureClavis({ cli, repoDir, workDir, name, extraArgs, runs, noCache }) {
  const outputFile = path.join(workDir, `${name}.json`);
  // Cold scans, like ESLint's --no-cache: a result cache would make every run after the first a replay.
  const cacheArgs = noCache ? ['--no-cache'] : [];
  const measured = await bestOf(runs, async () => {
    const result = await measureNode({ node: [cli, '.', '--format', 'json', '--timing', ...cacheArgs, ...extraArgs], cwd: repoDir, stdoutFile: outputFile });
    return { ...result, report: readJson(outputFile) };
  });
  const ok = (measured.exitCode === 0 || measured.exitCode === 1) && measured.report;
  return ok ? measured : { ...measured, failed: `exit ${measured.exitCode}: ${measured.stderr.slice(0, 300)}` };
}

function clavisNote(m, leakRuleIds) {
  if (m.failed) return m.failed;
  const findings = m.report.findings ?? [];
  const leak = findings.filter((f) => leakRuleIds.has(f.ruleId)).length;
  const stats = m.report.stats ?? {};
  const leakPass = stats.leakMs != null && stats.ms ? `, project leak pass ${stats.leakMs} ms of ${stats.ms} ms` : '';
  return `${findings.length} findings (${leak} leak), ${m.report.errors?.length ?? 0} errors[]${leakPass}`;
}

async function benchRepository({ name, repoDir, repoRoot, leakRuleIds, args }) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `clavis-bench-real-${name}-`));
  const cli = path.join(repoRoot, 'bin', 'clavis-lint.js');
  const { root, files: discovered } = await typeScriptFilesOf(repoDir, path.join(repoRoot, 'lib'));
  const bytes = warmPageCache(root, discovered);

  const full = await measureClavis({ cli, repoDir, workDir, name: 'full', extraArgs: [], runs: args.runs, noCache: args.noCache });
  const offArgs = [...leakRuleIds].flatMap((id) => ['--rule', `${id}=off`]);
  const noLeak = await measureClavis({ cli, repoDir, workDir, name: 'no-leak', extraArgs: offArgs, runs: args.runs, noCache: args.noCache });

  // Same files for ESLint: what clavis-lint's discovery yields, minus what the full scan skipped
  // (minified/generated, unreadable, too large): ESLint would parse those, clavis-lint did not.
  const skipped = new Set((full.report?.errors ?? []).map((e) => e.file));
  const eslintFiles = discovered.filter((f) => !skipped.has(f));
  let eslint = null;
  let eslintNote = 'skipped (--skip-eslint)';
  if (!args.skipEslint && eslintFiles.length === 0) eslintNote = 'no TS/JS files';
  else if (!args.skipEslint) {
    const listFile = path.join(workDir, 'eslint-files.txt');
    fs.writeFileSync(listFile, eslintFiles.join('\n'));
    const outputFile = path.join(workDir, 'eslint.json');
    const node = eslintCommand({ workDir, corpusDir: root, targets: eslintFiles, outputFile, concurrency: args.eslintConcurrency });
    eslint = await bestOf(args.runs, () => measureNode({ node, cwd: root }));
    const counts = countEslintMessages(outputFile);
    eslintNote = counts
      ? `exit ${eslint.exitCode}, ${counts.messages} messages in ${counts.files} files${counts.fatal ? ` (${counts.fatal} parse errors)` : ''}${args.eslintConcurrency ? `, --concurrency ${args.eslintConcurrency}` : ''}`
      : `exit ${eslint.exitCode}: ${eslint.stderr.slice(0, 300)}`;
    if (!counts) eslint = null;
  }

  const ok = (m) => (m && !m.failed ? m : null);
  const stats = ok(full)?.report.stats;
  const figures = {
    name,
    tsFiles: eslintFiles.length,
    files: stats?.files ?? null,
    full: ok(full),
    noLeak: ok(noLeak),
    eslint,
    ratioFull: eslint && ok(full) ? eslint.wallMs / full.wallMs : null,
    ratioNoLeak: eslint && ok(noLeak) ? eslint.wallMs / noLeak.wallMs : null,
    // CPU time (user + system, all threads) is less disturbed than wall time on a shared machine.
    cpuRatioFull: eslint?.cpuMs && ok(full)?.cpuMs ? eslint.cpuMs / full.cpuMs : null,
    cpuRatioNoLeak: eslint?.cpuMs && ok(noLeak)?.cpuMs ? eslint.cpuMs / noLeak.cpuMs : null,
    // The project leak pass as the scan itself timed it, and the whole cost of the leak rules
    // (per-file taint in front ends too) as the difference between (a) and (b).
    leakPassShare: stats?.leakMs != null && stats.ms ? stats.leakMs / stats.ms : null,
    leakCostShare: ok(full) && ok(noLeak) ? Math.max(0, full.wallMs - noLeak.wallMs) / full.wallMs : null,
  };

  console.log(`\n## ${name}: ${repoDir}`);
  console.log(`   ${figures.files ?? '?'} files scanned by clavis-lint, ${eslintFiles.length} TS/JS files (${(bytes / 1e6).toFixed(1)} MB) given to ESLint`);
  const rows = [
    { tool: '(a) clavis-lint, full default scan', m: full, note: clavisNote(full, leakRuleIds) },
    { tool: '(b) clavis-lint, leak rules off', m: noLeak, note: clavisNote(noLeak, leakRuleIds) },
    { tool: `(c) ESLint ${eslintVersion()} + @typescript-eslint/parser, 1 rule`, m: eslint, note: eslintNote },
  ];
  const width = Math.max(...rows.map((r) => r.tool.length));
  console.log(`   ${'run'.padEnd(width)}  ${'wall'.padStart(8)}  ${'CPU'.padStart(8)}  ${'peak RSS'.padStart(8)}  notes`);
  for (const { tool, m, note } of rows) {
    console.log(`   ${tool.padEnd(width)}  ${seconds(m?.wallMs).padStart(8)}  ${seconds(m?.cpuMs).padStart(8)}  ${megabytes(m?.peakRssMb).padStart(8)}  ${note}`);
  }
  console.log(`   ESLint/clavis-lint (wall): full ${ratio(figures.ratioFull)}, leak rules off ${ratio(figures.ratioNoLeak)}`);
  console.log(`   ESLint/clavis-lint (CPU):  full ${ratio(figures.cpuRatioFull)}, leak rules off ${ratio(figures.cpuRatioNoLeak)}`);
  console.log(`   leak share of (a): project leak pass ${percent(figures.leakPassShare)} of the scan's own time (stats.leakMs/ms); (a)-(b) ${percent(figures.leakCostShare)} of (a)'s wall time`);
  for (const [label, m] of [['(a)', full], ['(b)', noLeak]]) {
    const split = phaseSplit(ok(m)?.report.stats);
    if (split) console.log(`   phases of ${label} (stats.phases, the scan's own time; Node's start and the report come on top): ${split}`);
  }
  for (const goal of GOALS[name] ?? []) console.log(`   goal (issue 9) ${goal.label}: ${verdict(goal.test(figures))}`);
  if (args.keep) console.log(`   kept ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
  return figures;
}

/** Whether this build has a result cache to turn off (`--no-cache` in --help). */
export function supportsNoCache(repoRoot) {
  const help = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'clavis-lint.js'), '--help'], { encoding: 'utf8' });
  return /--no-cache\b/.test(help.stdout ?? '');
}

/** `config 0.16 s, discovery 0.09 s, …` from a report's stats.phases (--timing), or null for a build without them. */
function phaseSplit(stats) {
  if (!stats?.phases || typeof stats.phases !== 'object') return null;
  return Object.entries(stats.phases)
    .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
    .join(', ');
}

const verdict = (passed) => (passed == null ? 'n/a' : passed ? 'PASS' : 'MISS');

function printSummary(all) {
  console.log('\n## summary (wall, best of runs; peak RSS and CPU of that run; leak pass = stats.leakMs/ms of (a), (a)-(b) = share of (a)\'s wall)');
  const header = ['repo', 'TS/JS', '(a) full', 'RSS (a)', '(b) no leak', 'RSS (b)', '(c) ESLint', 'RSS (c)', 'ESL/(a)', 'ESL/(b)', 'CPU ESL/(a)', 'CPU ESL/(b)', 'leak pass', '(a)-(b)'];
  const rows = all.map((f) => [
    f.name,
    String(f.tsFiles),
    seconds(f.full?.wallMs),
    megabytes(f.full?.peakRssMb),
    seconds(f.noLeak?.wallMs),
    megabytes(f.noLeak?.peakRssMb),
    seconds(f.eslint?.wallMs),
    megabytes(f.eslint?.peakRssMb),
    ratio(f.ratioFull),
    ratio(f.ratioNoLeak),
    ratio(f.cpuRatioFull),
    ratio(f.cpuRatioNoLeak),
    percent(f.leakPassShare),
    percent(f.leakCostShare),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `   ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const goals = all.flatMap((f) => (GOALS[f.name] ?? []).map((g) => `${f.name}: ${g.label}: ${verdict(g.test(f))}`));
  if (goals.length > 0) {
    console.log('   goals (issue 9):');
    for (const goal of goals) console.log(`     ${goal}`);
  }
}

/** Entry point from bench/run.js. */
/** Whether the CLI runs below load the compiler from a code cache (warm after the first run on a machine, or off). */
async function codeCacheState(repoRoot) {
  const module = path.join(repoRoot, 'lib', 'core', 'code-cache.js');
  if (!fs.existsSync(module)) return 'not in this build';
  const { defaultCodeCacheDirectory } = await import(pathToFileURL(module).href);
  const dir = defaultCodeCacheDirectory(process.env);
  if (dir === null) return 'off (NODE_DISABLE_COMPILE_CACHE, or no home directory)';
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache')) : [];
  return files.length > 0 ? `warm (${dir}); the first run on a machine pays about 0.15 s more` : `cold (${dir} is empty): the first run fills it`;
}

export async function runRealRepositoryBenchmark({ dir, only = [], runs = 1, keep = false, skipEslint = false, eslintConcurrency = null, repoRoot }) {
  if (!fs.existsSync(path.join(repoRoot, 'lib', 'cli', 'run.js'))) throw new Error('clavis-lint is not built: run `npm run build` (npm run bench does)');
  const { rules } = await import(pathToFileURL(path.join(repoRoot, 'lib', 'index.js')).href);
  const leakRuleIds = new Set(rules.filter((r) => r.area === 'leak').map((r) => r.id));
  const noCache = supportsNoCache(repoRoot);
  const names = findRepositories(dir, only);
  if (names.length === 0) throw new Error(`no repository with a .clavis-lint.yaml under ${dir}${only.length ? ` named ${only.join(', ')}` : ''}`);
  console.log(`# real repositories under ${dir}: ${names.join(', ')}; best of ${runs} run(s) each; leak rules: ${[...leakRuleIds].join(', ')}`);
  console.log('# the machine may be shared with other work: wall times are noisy, compare within one run');
  console.log(`# clavis-lint's code cache (the compiled TypeScript compiler, README "Code cache"): ${await codeCacheState(repoRoot)}`);
  const all = [];
  for (const name of names) {
    all.push(await benchRepository({ name, repoDir: path.join(dir, name), repoRoot, leakRuleIds, args: { runs, keep, skipEslint, eslintConcurrency, noCache } }));
  }
  printSummary(all);
}
