// The linear-time benchmark: one-line ("minified") JavaScript files of growing size, scanned by
// the CLI with every default rule on (leak analysis included), `generated: { scan: true }` (so
// the file is analysed, not skipped as minified) and `max_file_bytes` raised. Prints the time per
// MB for each size; the pipeline is linear when the per-MB figures are flat.
//   npm run bench -- --one-line [--sizes 1,4,16] [--runs 1] [--keep]
//
// Per MB is shown three ways: raw (time / MB); marginal, after subtracting the fixed cost of a run
// (process start, loading the compiler and the registry) measured on a 16 KB file; and per added
// MB, the CPU time one size adds over the previous one. The first size also pays for warming up
// (the JIT optimising the hot loops), so the last column is the one to read for linearity.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registryYaml } from './corpus-typescript.js';
import { bestOf, measureNode } from './measure.js';
import { writeOneLineFile } from './one-line-files.js';

const repoDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const MB = 1024 * 1024;
const FIXED_COST_BYTES = 16 * 1024;

function projectConfig() {
  return ['registry: secrets.registry.yaml', `max_file_bytes: ${256 * MB}`, 'generated:', '  scan: true', ''].join('\n');
}

/** Scans one generated file of `bytes` bytes in its own project; returns the measurement and the report's counts. */
async function scanOneFile(workDir, bytes, runs) {
  const dir = fs.mkdtempSync(path.join(workDir, 'project-'));
  fs.writeFileSync(path.join(dir, 'secrets.registry.yaml'), registryYaml());
  fs.writeFileSync(path.join(dir, '.clavis-lint.yaml'), projectConfig());
  const written = writeOneLineFile(path.join(dir, 'app.js'), bytes);
  const outputFile = path.join(workDir, `report-${bytes}.json`);
  const cli = path.join(repoDir, 'bin', 'clavis-lint.js');
  const measured = await bestOf(runs, () => measureNode({ node: [cli, dir, '--format', 'json'], cwd: dir, stdoutFile: outputFile }));
  let report = null;
  try {
    report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  } catch {
    // Reported below as a failed run.
  }
  return { bytes: written.bytes, measured, report };
}

export async function runOneLineBenchmark(options) {
  const sizes = options.sizes ?? [1, 4, 16];
  const runs = options.runs ?? 1;
  if (!fs.existsSync(path.join(repoDir, 'lib', 'cli', 'run.js'))) throw new Error('the CLI is not built: run `npm run build` (npm run bench does)');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-bench-one-line-'));
  console.log(`\n## one-line files: ${sizes.join(', ')} MB of minified JavaScript on a single line, all default rules, generated: { scan: true }`);
  const fixed = await scanOneFile(workDir, FIXED_COST_BYTES, runs);
  const fixedCpu = fixed.measured.cpuMs;
  console.log(`   fixed cost (${FIXED_COST_BYTES / 1024} KB file): wall ${(fixed.measured.wallMs / 1000).toFixed(2)} s${fixedCpu == null ? '' : `, CPU ${(fixedCpu / 1000).toFixed(2)} s`}`);
  const header = ['size', 'wall', 'CPU', 'peak RSS', 'wall/MB', 'CPU/MB', 'marginal CPU/MB', 'CPU per added MB', 'findings', 'errors'];
  const rows = [];
  let previous = { mb: FIXED_COST_BYTES / MB, cpu: fixedCpu };
  for (const size of sizes) {
    const { bytes, measured, report } = await scanOneFile(workDir, size * MB, runs);
    const mb = bytes / MB;
    const ok = (measured.exitCode === 0 || measured.exitCode === 1) && report;
    const cpu = measured.cpuMs;
    rows.push([
      `${size} MB`,
      `${(measured.wallMs / 1000).toFixed(2)} s`,
      cpu == null ? '-' : `${(cpu / 1000).toFixed(2)} s`,
      measured.peakRssMb == null ? 'n/a' : `${Math.round(measured.peakRssMb)} MB`,
      `${(measured.wallMs / 1000 / mb).toFixed(2)} s`,
      cpu == null ? '-' : `${(cpu / 1000 / mb).toFixed(2)} s`,
      cpu == null || fixedCpu == null ? '-' : `${((cpu - fixedCpu) / 1000 / mb).toFixed(2)} s`,
      cpu == null || previous.cpu == null ? '-' : `${((cpu - previous.cpu) / 1000 / (mb - previous.mb)).toFixed(2)} s`,
      ok ? String(report.findings.length) : `exit ${measured.exitCode}`,
      ok ? String(report.errors.length) : measured.stderr.slice(0, 200),
    ]);
    previous = { mb, cpu };
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `   ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  if (options.keep) console.log(`   kept ${workDir}`);
  else fs.rmSync(workDir, { recursive: true, force: true });
}
