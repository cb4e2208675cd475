// Runs the engine in-process on a directory and prints one JSON line: used by run.js to split the
// CLI's time between the per-file pipeline and the project-level TS leak analysis.
//   node bench/engine-scan.js <dir> [--skip-leak-analysis] [--workers N]
const [dir, ...flags] = process.argv.slice(2);
const workersFlag = flags.indexOf('--workers');
const workers = workersFlag === -1 ? undefined : Number(flags[workersFlag + 1]);
const started = performance.now();
const { scan } = await import('../lib/core/engine.js');
const loadMs = performance.now() - started;
const output = await scan({ cwd: dir, paths: [dir], skipLeakAnalysis: flags.includes('--skip-leak-analysis'), workers });
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
