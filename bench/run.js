// clavis-lint benchmark: generates corpora into a temp dir and times clavis-lint against its peers
// on the same files (wall time, peak RSS, ratio). Run with `npm run bench` (builds lib/ first).
//   node bench/run.js [--corpus typescript|all|a,b] [--files 3000] [--runs 1] [--keep]
//                     [--skip-eslint] [--eslint-concurrency off|auto|N]
//   node bench/run.js --one-line [--sizes 1,4,16] [--runs 1] [--keep]
//     linear-time check: one-line minified JS files of each size, time per MB (bench/one-line.js)
//   node bench/run.js --repos DIR [--only dub,vox] [--runs 1] [--keep] [--skip-eslint] [--eslint-concurrency N]
//     real repositories (bench/real-repos.js): every DIR/<name> with a .clavis-lint.yaml (for
//     example /work/corpus, built by `node corpus/build.js`); per repository the full scan, the
//     scan with the leak rules off and ESLint on the same TS/JS files: wall, peak RSS, ratios,
//     the leak pass's share, and issue 9's goals (dub, vox) with PASS/MISS
// Corpora are the `bench/corpus-*.js` modules: each exports `corpus = { name, description,
// generate(dir, { files }) -> { files, registryNames, ... }, peers: ['eslint'], eslintFiles }`
// (a bare `generate…Corpus(dir, opts)` function also works; it gets the default registry).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BENCH_SECRETS, CONFIG_YAML, registryNamesOf, registryYaml } from './corpus-typescript.js';
import { bestOf, measureNode, readJson, rssMethod } from './measure.js';
import { countEslintMessages, eslintCommand, eslintVersion } from './peer-eslint.js';
import { runOneLineBenchmark } from './one-line.js';
import { runRealRepositoryBenchmark, supportsNoCache } from './real-repos.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoDir = path.dirname(benchDir);
const TARGET_RATIO = 20;

function parseArgs(argv) {
  const args = { corpus: 'typescript', files: 3000, runs: 1, keep: false, skipEslint: false, eslintConcurrency: null, oneLine: false, sizes: [1, 4, 16], repos: null, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i];
    if (arg === '--corpus') args.corpus = value();
    else if (arg === '--files') args.files = Number(value());
    else if (arg === '--runs') args.runs = Math.max(1, Number(value()));
    else if (arg === '--keep') args.keep = true;
    else if (arg === '--skip-eslint') args.skipEslint = true;
    else if (arg === '--eslint-concurrency') args.eslintConcurrency = value();
    else if (arg === '--one-line') args.oneLine = true;
    else if (arg === '--sizes') args.sizes = value().split(',').map(Number);
    else if (arg === '--repos') args.repos = path.resolve(value());
    else if (arg === '--only') args.only = value().split(',').filter(Boolean);
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

/** Every bench/corpus-*.js, normalised to the corpus contract. */
async function discoverCorpora() {
  const corpora = new Map();
  for (const file of fs.readdirSync(benchDir).filter((name) => /^corpus-.+\.js$/.test(name)).sort()) {
    const module = await import(pathToFileURL(path.join(benchDir, file)).href);
    const name = file.slice('corpus-'.length, -'.js'.length);
    if (module.corpus) {
      corpora.set(module.corpus.name ?? name, { typescriptFrontEnd: true, ...module.corpus });
      continue;
    }
    const generator = Object.entries(module).find(([key, value]) => /^generate.*Corpus$/.test(key) && typeof value === 'function');
    if (!generator) continue;
    const isTypeScript = /(^|-)(ts|typescript)(-|$)/.test(name);
    // typed-ts: full scan with leak analysis must take at most half of ESLint's untyped time.
    const targetRatio = name === 'typed-ts' ? 2 : undefined;
    corpora.set(name, {
      name,
      description: `${name} corpus (${generator[0]})`,
      peers: isTypeScript ? ['eslint'] : [],
      typescriptFrontEnd: isTypeScript,
      eslintFiles: ['**/*.ts'],
      targetRatio,
      generate(dir, options) {
        const written = generator[1](dir, options);
        const count = typeof written === 'number' ? written : Array.isArray(written) ? written.length : written?.files;
        return { files: count, registryNames: registryNamesOf(BENCH_SECRETS) };
      },
    });
  }
  return corpora;
}

function ensureProjectFiles(corpusDir) {
  if (!fs.existsSync(path.join(corpusDir, '.clavis-lint.yaml'))) {
    fs.writeFileSync(path.join(corpusDir, 'secrets.registry.yaml'), registryYaml());
    fs.writeFileSync(path.join(corpusDir, '.clavis-lint.yaml'), CONFIG_YAML);
  }
}

/** Reads every file once so the first measured tool does not pay for a cold page cache alone. */
function warmPageCache(dir) {
  let bytes = 0;
  for (const file of fs.readdirSync(dir, { recursive: true })) {
    const full = path.join(dir, String(file));
    if (fs.statSync(full).isFile()) bytes += fs.readFileSync(full).length;
  }
  return bytes;
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (mb) => (mb === null ? 'n/a' : `${Math.round(mb)} MB`);

async function benchCorpus(corpus, args) {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `clavis-bench-${corpus.name}-`));
  const corpusDir = path.join(workDir, 'corpus');
  fs.mkdirSync(corpusDir);
  const generated = corpus.generate(corpusDir, { files: args.files });
  ensureProjectFiles(corpusDir);
  const metaFile = path.join(workDir, 'meta.json');
  fs.writeFileSync(metaFile, JSON.stringify({ registryNames: generated.registryNames ?? registryNamesOf(BENCH_SECRETS) }));
  const bytes = warmPageCache(corpusDir);
  console.log(`\n## corpus ${corpus.name}: ${corpus.description}`);
  console.log(`   ${generated.files} files, ${(bytes / 1e6).toFixed(1)} MB${generated.envFiles ? `, ${generated.envFiles} reading env vars` : ''}${generated.lines ? `, ${generated.lines} lines` : ''}  (${corpusDir})`);

  const rows = [];
  let frontEnd = null;
  if (corpus.typescriptFrontEnd) {
    frontEnd = await bestOf(args.runs, () => measureNode({ node: [path.join(benchDir, 'frontend-scan.js'), corpusDir, metaFile], cwd: repoDir }));
    const stats = readJsonLine(frontEnd.stdout);
    rows.push({
      tool: 'clavis-lint TS front end alone',
      ...frontEnd,
      note: stats ? `${stats.parsed}/${stats.files} parsed, ${stats.envReads} env reads, scan ${stats.scanMs} ms + load ${stats.loadMs} ms, ${stats.filesPerSecond} files/s` : `failed: ${frontEnd.stderr.slice(0, 300)}`,
    });
  }

  if (fs.existsSync(path.join(repoDir, 'lib', 'core', 'engine.js'))) {
    // Splits the CLI's time: the per-file pipeline (discovery, prefilter, front ends, rules) alone.
    const engine = await bestOf(args.runs, () =>
      measureNode({ node: [path.join(benchDir, 'engine-scan.js'), corpusDir, '--skip-leak-analysis', '--workers', '0'], cwd: corpusDir }),
    );
    const stats = readJsonLine(engine.stdout);
    rows.push({
      tool: 'clavis-lint engine, in-process, no project leak pass',
      ...engine,
      note: stats ? `${stats.findings} findings, engine ${stats.totalMs} ms incl. load ${stats.loadMs} ms` : `failed: ${engine.stderr.slice(0, 300)}`,
    });
  }

  let clavis = null;
  const cli = path.join(repoDir, 'bin', 'clavis-lint.js');
  if (fs.existsSync(cli) && fs.existsSync(path.join(repoDir, 'lib', 'cli', 'run.js'))) {
    const outputFile = path.join(workDir, 'clavis.json');
    const cacheArgs = supportsNoCache(repoDir) ? ['--no-cache'] : []; // cold runs, as ESLint's --no-cache
    clavis = await bestOf(args.runs, () => measureNode({ node: [cli, corpusDir, '--format', 'json', ...cacheArgs, ...(corpus.cliArgs ?? [])], cwd: corpusDir, stdoutFile: outputFile }));
    const report = readJson(outputFile);
    const ok = clavis.exitCode === 0 || clavis.exitCode === 1;
    rows.push({
      tool: 'clavis-lint CLI (--format json)',
      ...clavis,
      note: ok && report ? `exit ${clavis.exitCode}, ${report.findings?.length ?? '?'} findings, ${report.errors?.length ?? 0} file errors, ${report.stats?.prefiltered ?? '?'} prefiltered` : `exit ${clavis.exitCode}: ${clavis.stderr.slice(0, 300)}`,
    });
    if (!ok || !report) clavis = null;
  } else {
    rows.push({ tool: 'clavis-lint CLI', wallMs: NaN, peakRssMb: null, note: 'not built (run `npm run build`); the ratio uses the front end alone' });
  }

  let eslint = null;
  if ((corpus.peers ?? []).includes('eslint') && !args.skipEslint) {
    const outputFile = path.join(workDir, 'eslint.json');
    const node = eslintCommand({ workDir, corpusDir, files: corpus.eslintFiles ?? ['**/*.ts'], outputFile, concurrency: args.eslintConcurrency });
    eslint = await bestOf(args.runs, () => measureNode({ node, cwd: corpusDir }));
    const counts = countEslintMessages(outputFile);
    rows.push({
      tool: `ESLint ${eslintVersion()} + @typescript-eslint/parser, 1 rule`,
      ...eslint,
      note: counts ? `exit ${eslint.exitCode}, ${counts.messages} messages in ${counts.files} files${args.eslintConcurrency ? `, --concurrency ${args.eslintConcurrency}` : ''}` : `exit ${eslint.exitCode}: ${eslint.stderr.slice(0, 300)}`,
    });
    if (!counts) eslint = null;
  }

  const width = Math.max(...rows.map((row) => row.tool.length));
  console.log(`   ${'tool'.padEnd(width)}  ${'wall'.padStart(8)}  ${'CPU'.padStart(8)}  ${'peak RSS'.padStart(8)}  notes`);
  for (const row of rows) {
    const wall = Number.isNaN(row.wallMs) ? '-' : seconds(row.wallMs);
    const cpu = row.cpuMs == null ? '-' : seconds(row.cpuMs);
    console.log(`   ${row.tool.padEnd(width)}  ${wall.padStart(8)}  ${cpu.padStart(8)}  ${megabytes(row.peakRssMb).padStart(8)}  ${row.note}`);
  }
  const ours = clavis ?? frontEnd;
  if (eslint && ours) {
    const ratio = eslint.wallMs / ours.wallMs;
    const which = clavis ? 'the clavis-lint CLI' : 'the front end alone (CLI not built)';
    const target = corpus.targetRatio ?? TARGET_RATIO;
    console.log(`   ratio (wall): ESLint takes ${ratio.toFixed(1)}x the time of ${which}; target >= ${target}x: ${ratio >= target ? 'met' : 'NOT met'}`);
    if (clavis && frontEnd) console.log(`   ratio (wall): ESLint takes ${(eslint.wallMs / frontEnd.wallMs).toFixed(1)}x the time of the TS front end alone`);
    if (ours.cpuMs && eslint.cpuMs) console.log(`   ratio (CPU):  ESLint uses ${(eslint.cpuMs / ours.cpuMs).toFixed(1)}x the CPU time of ${which}`);
    if (ours.peakRssMb && eslint.peakRssMb) console.log(`   memory: ESLint peak RSS is ${(eslint.peakRssMb / ours.peakRssMb).toFixed(1)}x that of ${which}`);
  }
  if (args.keep) console.log(`   kept ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
}

function readJsonLine(stdout) {
  const line = stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

const args = parseArgs(process.argv.slice(2));
console.log(`# clavis-lint benchmark  node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), RSS via ${rssMethod()}`);
if (args.oneLine) {
  await runOneLineBenchmark({ sizes: args.sizes, runs: args.runs, keep: args.keep });
} else if (args.repos) {
  await runRealRepositoryBenchmark({ dir: args.repos, only: args.only, runs: args.runs, keep: args.keep, skipEslint: args.skipEslint, eslintConcurrency: args.eslintConcurrency, repoRoot: repoDir });
} else {
  const corpora = await discoverCorpora();
  const names = args.corpus === 'all' ? [...corpora.keys()] : args.corpus.split(',');
  for (const name of names) {
    const corpus = corpora.get(name);
    if (!corpus) throw new Error(`unknown corpus ${name}; known: ${[...corpora.keys()].join(', ')}`);
    await benchCorpus(corpus, args);
  }
}
