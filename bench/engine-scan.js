// Runs the engine in-process on a directory and prints one JSON line: used by run.js to split the
// CLI's time between the per-file pipeline and the project-level TS leak analysis.
//   node bench/engine-scan.js <dir> [--skip-leak-analysis]
const [dir, flag] = process.argv.slice(2);
const started = performance.now();
const { scan } = await import('../lib/core/engine.js');
const loadMs = performance.now() - started;
const output = await scan({ cwd: dir, paths: [dir], skipLeakAnalysis: flag === '--skip-leak-analysis' });
const result = output.result ?? output;
console.log(
  JSON.stringify({
    loadMs: Math.round(loadMs),
    totalMs: Math.round(performance.now() - started),
    findings: result.findings?.length ?? null,
    errors: result.errors?.length ?? null,
    stats: result.stats ?? null,
  }),
);
