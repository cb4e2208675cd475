// Baseline for adopting clavis-lint on a legacy codebase (DESIGN §6): per file and rule, the
// fingerprints present now, with counts. No line numbers (inserting lines keeps it valid) and
// no values (fingerprints are hashes of names and normalised line text).
import type { Finding } from './finding.js';
import { ConfigError } from './config-types.js';

export const DEFAULT_BASELINE_FILE = '.clavis-lint-baseline.json';

export interface BaselineFile {
  version: 1;
  tool: 'clavis-lint';
  /** file -> ruleId -> fingerprint -> count */
  files: Record<string, Record<string, Record<string, number>>>;
}

export function buildBaseline(findings: Finding[]): BaselineFile {
  const files: BaselineFile['files'] = {};
  for (const f of [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint))) {
    const rules = (files[f.file] ??= {});
    const prints = (rules[f.ruleId] ??= {});
    prints[f.fingerprint] = (prints[f.fingerprint] ?? 0) + 1;
  }
  return { version: 1, tool: 'clavis-lint', files };
}

export function baselineFileText(findings: Finding[]): string {
  return `${JSON.stringify(buildBaseline(findings), null, 2)}\n`;
}

export interface StaleEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  count: number;
}

export interface BaselineApplication {
  kept: Finding[];
  matched: number;
  stale: StaleEntry[];
}

export function parseBaseline(text: string, source: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError('baseline is not valid JSON: expected a file written by --update-baseline', source);
  }
  const file = data as BaselineFile;
  if (!file || typeof file !== 'object' || file.version !== 1 || typeof file.files !== 'object' || file.files === null) {
    throw new ConfigError('baseline has an unexpected shape: expected {"version": 1, "files": {...}}', source);
  }
  return file;
}

/** Removes findings covered by the baseline (up to each fingerprint's count) and lists entries no longer found. */
export function applyBaseline(findings: Finding[], text: string, source: string): BaselineApplication {
  const baseline = parseBaseline(text, source);
  const remaining = new Map<string, number>();
  for (const [file, rules] of Object.entries(baseline.files)) {
    for (const [ruleId, prints] of Object.entries(rules)) {
      for (const [fingerprint, count] of Object.entries(prints)) remaining.set(`${file}\u0000${ruleId}\u0000${fingerprint}`, Number(count) || 0);
    }
  }
  const kept: Finding[] = [];
  let matched = 0;
  for (const finding of findings) {
    const key = `${finding.file}\u0000${finding.ruleId}\u0000${finding.fingerprint}`;
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      matched++;
    } else kept.push(finding);
  }
  const stale: StaleEntry[] = [];
  for (const [key, count] of remaining) {
    if (count <= 0) continue;
    const [file, ruleId, fingerprint] = key.split('\u0000');
    stale.push({ file, ruleId, fingerprint, count });
  }
  stale.sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint));
  return { kept, matched, stale };
}
