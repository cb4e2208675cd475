// Scores clavis-lint on the real-repository corpus against our hand labels. For each repository
// (CORPUS_DIR/<name>, built by corpus/build.js) it scans with the registry and config we wrote
// (corpus/repos/<name>/), matches every finding to a label in corpus/repos/<name>/labels-*.json
// by file + line + rule, and prints per rule group: findings, true, false, unlabelled, precision.
//   npm run build && node corpus/precision.js [name...] [--unlabelled] [--false] [--lost] [--group leak|bypass|...]
// `--lost`: the findings labelled true that the scan no longer reports (a regression, or a label
// whose finding a deliberate change removed: then relabel it with the reason).
// A label: { "file", "line", "rule", "verdict": "tp" | "fp", "why" }, plus an optional "envName"
// when several findings of one rule share a line (drift's "missing" findings all sit at line 1):
// a label with envName matches only the finding about that name, one without matches the rest.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const bin = path.join(here, '..', 'bin', 'clavis-lint.js');
const corpusDir = process.env.CORPUS_DIR ?? '/work/corpus';
const argv = process.argv.slice(2);
const showUnlabelled = argv.includes('--unlabelled');
const showFalse = argv.includes('--false'); // list the false findings with their label's reason
const showLost = argv.includes('--lost');
const groupFlag = argv.indexOf('--group');
const onlyGroup = groupFlag === -1 ? undefined : argv[groupFlag + 1];
const names = argv.filter((a, i) => !a.startsWith('--') && argv[i - 1] !== '--group');
const { repos } = JSON.parse(fs.readFileSync(path.join(here, 'repos.json'), 'utf8'));

const catalog = JSON.parse(run(['rules', '--json'], here).stdout);
const areaOf = new Map(catalog.map((r) => [r.id, r.area]));
// Issue groups: config-area and registry rules are scored with "config"; lifecycle with "bypass".
const groupOf = (rule) => ({ config: 'config', registry: 'config', lifecycle: 'bypass', meta: 'meta' })[areaOf.get(rule)] ?? areaOf.get(rule) ?? 'other';

function run(args, cwd) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1' } });
}

function loadLabels(name) {
  const dir = path.join(here, 'repos', name);
  const labels = new Map();
  if (!fs.existsSync(dir)) return labels;
  for (const file of fs.readdirSync(dir).filter((f) => /^labels.*\.json$/.test(f)).sort()) {
    for (const label of JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'))) {
      labels.set(`${label.file}:${label.line}:${label.rule}${label.envName ? `:${label.envName}` : ''}`, label);
    }
  }
  return labels;
}

const totals = {};
for (const entry of repos.filter((r) => names.length === 0 || names.includes(r.name))) {
  const dir = path.join(corpusDir, entry.name);
  if (entry.benchOnly) {
    console.log(`${entry.name}: bench only (its findings are not labelled)`);
    continue;
  }
  if (!fs.existsSync(dir)) {
    console.log(`${entry.name}: not built (node corpus/build.js ${entry.name})`);
    continue;
  }
  const started = performance.now();
  const result = run(['scan', '.', '--format', 'json'], dir);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.status === 2) {
    console.log(`${entry.name}: scan failed: ${result.stderr.trim()}`);
    continue;
  }
  const report = JSON.parse(result.stdout);
  const labels = loadLabels(entry.name);
  const groups = {};
  const unlabelled = [];
  const falseOnes = [];
  for (const f of report.findings) {
    const group = groupOf(f.ruleId);
    if (onlyGroup && group !== onlyGroup) continue;
    const g = (groups[group] ??= { findings: 0, tp: 0, fp: 0, unlabelled: 0 });
    g.findings++;
    const label = (f.envName && labels.get(`${f.file}:${f.line}:${f.ruleId}:${f.envName}`)) || labels.get(`${f.file}:${f.line}:${f.ruleId}`);
    if (!label) {
      g.unlabelled++;
      unlabelled.push(f);
    } else {
      g[label.verdict === 'tp' ? 'tp' : 'fp']++;
      if (label.verdict !== 'tp') falseOnes.push({ f, why: label.why });
    }
  }
  console.log(`${entry.name} (${entry.repo}@${entry.commit.slice(0, 9)}, ${report.stats.files} files, ${seconds} s, ${report.errors.length} errors[])`);
  for (const [group, g] of Object.entries(groups).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const labelled = g.tp + g.fp;
    const precision = labelled === 0 ? 'n/a' : `${((100 * g.tp) / labelled).toFixed(0)}%`;
    console.log(`  ${group.padEnd(8)} ${String(g.findings).padStart(4)} findings  ${g.tp} true  ${g.fp} false  ${g.unlabelled} unlabelled  precision ${precision}`);
    const t = (totals[group] ??= { tp: 0, fp: 0, unlabelled: 0 });
    t.tp += g.tp;
    t.fp += g.fp;
    t.unlabelled += g.unlabelled;
  }
  if (showFalse) for (const { f, why } of falseOnes) console.log(`    x ${f.file}:${f.line} ${f.ruleId}: ${f.message}\n      why: ${why}`);
  if (showUnlabelled) for (const f of unlabelled) console.log(`    ? ${f.file}:${f.line} ${f.ruleId}: ${f.message}`);
  if (showLost) {
    const reported = new Set(report.findings.flatMap((f) => [`${f.file}:${f.line}:${f.ruleId}`, `${f.file}:${f.line}:${f.ruleId}:${f.envName ?? ''}`]));
    for (const [key, label] of labels) {
      if (label.verdict !== 'tp' || reported.has(key) || (onlyGroup && groupOf(label.rule) !== onlyGroup)) continue;
      console.log(`    - ${key} labelled true, not reported: ${label.why}`);
    }
  }
}
console.log('all repositories');
for (const [group, t] of Object.entries(totals)) {
  const labelled = t.tp + t.fp;
  console.log(`  ${group.padEnd(8)} ${t.tp} true  ${t.fp} false  ${t.unlabelled} unlabelled  precision ${labelled ? `${((100 * t.tp) / labelled).toFixed(0)}%` : 'n/a'}`);
}
