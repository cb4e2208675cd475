// Runs the TypeScript front end alone over a directory, the way the engine would (read, prefilter,
// analyse), and prints one JSON line of timings. Used by run.js as a child process (so its peak
// RSS is measurable) and as the fallback when the CLI is not built.
//   node bench/frontend-scan.js <dir> <meta.json>
import fs from 'node:fs';
import path from 'node:path';

const [dir, metaFile] = process.argv.slice(2);
const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8'));

const loadStart = performance.now();
const { typescriptFrontEnd } = await import('../lib/languages/typescript/index.js');
const loadMs = performance.now() - loadStart;

const options = {
  registryNames: meta.registryNames,
  secretNames: {},
  idsByName: {},
  envById: {},
  resolver: { paths: ['src/secrets/**'], functions: ['resolveSecret'], types: ['ResolvedSecret'], sanitizers: ['redact'] },
};

const started = performance.now();
const files = fs
  .readdirSync(dir, { recursive: true })
  .map(String)
  .filter((file) => /\.[cm]?[jt]sx?$/.test(file) && !file.split(path.sep).includes('node_modules'))
  .sort();
let parsed = 0;
let facts = 0;
let envReads = 0;
let errors = 0;
let analyzeMs = 0;
let exported = 0;
for (const file of files) {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  if (!typescriptFrontEnd.prefilter(text, options)) continue;
  parsed++;
  const t = performance.now();
  const result = await typescriptFrontEnd.analyze(file.split(path.sep).join('/'), text, options);
  analyzeMs += performance.now() - t;
  facts += result.facts.length;
  envReads += result.facts.filter((fact) => fact.kind === 'env-read').length;
  errors += result.errors?.length ?? 0;
  exported += Object.keys(result.exportedConstants ?? {}).length;
}
const totalMs = performance.now() - started;
console.log(
  JSON.stringify({
    files: files.length,
    parsed,
    facts,
    envReads,
    errors,
    exportedConstants: exported,
    loadMs: Math.round(loadMs),
    scanMs: Math.round(totalMs),
    analyzeMs: Math.round(analyzeMs),
    filesPerSecond: Math.round(files.length / (totalMs / 1000)),
  }),
);
