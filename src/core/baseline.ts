// Baseline for adopting clavis-lint on a legacy codebase (DESIGN §6): per file and rule, the
// fingerprints present now, with counts. No line numbers (inserting lines keeps it valid) and
// no values (fingerprints are hashes of names and normalised line text).
//
// A run may look at part of the project only (`--changed-since`, or some paths on the command
// line). Its `scope` says which files it looked at: only their entries can be stale, and
// `--update-baseline` replaces only their entries, keeping everything else as it was.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from './finding.js';
import { ConfigError } from './config-types.js';
import { compareCodeUnits } from './compare.js';

export const DEFAULT_BASELINE_FILE = '.clavis-lint-baseline.json';

export interface BaselineFile {
  version: 1;
  tool: 'clavis-lint';
  /** file -> ruleId -> fingerprint -> count */
  files: Record<string, Record<string, Record<string, number>>>;
}

/** Which files a run looked at (root-relative posix paths). */
export type BaselineScope = (file: string) => boolean;

const everyFile: BaselineScope = () => true;


/** The same entries with files, rules and fingerprints in code-unit order (the bytes never depend on the locale). */
function sortedFiles(files: BaselineFile['files']): BaselineFile['files'] {
  const sorted: BaselineFile['files'] = {};
  for (const file of Object.keys(files).sort(compareCodeUnits)) {
    const rules: Record<string, Record<string, number>> = (sorted[file] = {});
    for (const ruleId of Object.keys(files[file]).sort(compareCodeUnits)) {
      const prints: Record<string, number> = (rules[ruleId] = {});
      for (const fingerprint of Object.keys(files[file][ruleId]).sort(compareCodeUnits)) prints[fingerprint] = files[file][ruleId][fingerprint];
    }
  }
  return sorted;
}

export function buildBaseline(findings: Finding[]): BaselineFile {
  const files: BaselineFile['files'] = {};
  for (const f of findings) {
    const rules = (files[f.file] ??= {});
    const prints = (rules[f.ruleId] ??= {});
    prints[f.fingerprint] = (prints[f.fingerprint] ?? 0) + 1;
  }
  return { version: 1, tool: 'clavis-lint', files: sortedFiles(files) };
}

/**
 * The baseline after a run over `scope`: entries of files in scope are replaced by the run's
 * findings there; entries of every other file are kept as they were.
 */
export function mergeBaseline(existing: BaselineFile, findings: Finding[], scope: BaselineScope): BaselineFile {
  const fresh = buildBaseline(findings.filter((f) => scope(f.file)));
  const files: BaselineFile['files'] = { ...fresh.files };
  for (const [file, rules] of Object.entries(existing.files)) if (!scope(file)) files[file] = rules;
  return { version: 1, tool: 'clavis-lint', files: sortedFiles(files) };
}

export function baselineText(baseline: BaselineFile): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

export function baselineFileText(findings: Finding[]): string {
  return baselineText(buildBaseline(findings));
}

export interface StaleEntry {
  file: string;
  ruleId: string;
  fingerprint: string;
  count: number;
}

export interface BaselineApplication {
  kept: Finding[];
  /** Findings in scope the baseline covered. */
  matched: number;
  /** Entries of files in scope that no finding matched. */
  stale: StaleEntry[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a JSON value is, for an error message that must not quote the file's content. */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? (value <= 0 ? 'a number below 1' : 'a number') : 'a fractional number';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `files["src/a.ts"]["rule"]`: a JSON path that names the entry (keys shortened, never whole values). */
function jsonPath(...keys: string[]): string {
  return `files${keys.map((key) => `[${JSON.stringify(key.length > 80 ? `${key.slice(0, 77)}...` : key)}]`).join('')}`;
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

const EXPECTED = 'expected a file written by --update-baseline';

export function parseBaseline(text: string, source: string): BaselineFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    if (err instanceof RangeError) throw new ConfigError(`baseline is nested too deeply to read: ${EXPECTED}`, source);
    // V8's message may quote the text; only its position is used.
    const at = /position (\d+)/.exec((err as Error)?.message ?? '');
    const where = at ? lineAndColumn(text, Number(at[1])) : undefined;
    throw new ConfigError(`baseline is not valid JSON: ${EXPECTED}`, source, where?.line, where?.column);
  }
  if (!isPlainObject(data) || data.version !== 1) {
    throw new ConfigError('baseline has an unexpected shape: expected {"version": 1, "files": {...}}', source);
  }
  if (!isPlainObject(data.files)) {
    throw new ConfigError(`baseline "files" is ${describe(data.files)}: expected an object mapping file paths to rule ids`, source);
  }
  const files: BaselineFile['files'] = {};
  for (const [file, rules] of Object.entries(data.files)) {
    if (!isPlainObject(rules)) throw new ConfigError(`baseline ${jsonPath(file)} is ${describe(rules)}: expected an object mapping rule ids to fingerprints`, source);
    files[file] = {};
    for (const [ruleId, prints] of Object.entries(rules)) {
      if (!isPlainObject(prints)) {
        throw new ConfigError(`baseline ${jsonPath(file, ruleId)} is ${describe(prints)}: expected an object mapping fingerprints to counts`, source);
      }
      files[file][ruleId] = {};
      for (const [fingerprint, count] of Object.entries(prints)) {
        if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
          throw new ConfigError(`baseline ${jsonPath(file, ruleId, fingerprint)} is ${describe(count)}: expected a positive integer count`, source);
        }
        files[file][ruleId][fingerprint] = count;
      }
    }
  }
  return { version: 1, tool: 'clavis-lint', files };
}

/**
 * Removes findings covered by the baseline (up to each fingerprint's count) and lists the
 * entries of files in `scope` that are no longer found. Entries of files outside the scope are
 * never stale: the run did not look at those files.
 */
export function applyBaseline(findings: Finding[], text: string, source: string, scope: BaselineScope = everyFile): BaselineApplication {
  const baseline = parseBaseline(text, source);
  const remaining = new Map<string, number>();
  for (const [file, rules] of Object.entries(baseline.files)) {
    for (const [ruleId, prints] of Object.entries(rules)) {
      for (const [fingerprint, count] of Object.entries(prints)) remaining.set(`${file}\u0000${ruleId}\u0000${fingerprint}`, count);
    }
  }
  const kept: Finding[] = [];
  let matched = 0;
  for (const finding of findings) {
    const key = `${finding.file}\u0000${finding.ruleId}\u0000${finding.fingerprint}`;
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      remaining.set(key, left - 1);
      if (scope(finding.file)) matched++;
    } else kept.push(finding);
  }
  const stale: StaleEntry[] = [];
  for (const [key, count] of remaining) {
    const [file, ruleId, fingerprint] = key.split('\u0000');
    if (count > 0 && scope(file)) stale.push({ file, ruleId, fingerprint, count });
  }
  stale.sort((a, b) => compareCodeUnits(a.file, b.file) || compareCodeUnits(a.ruleId, b.ruleId) || compareCodeUnits(a.fingerprint, b.fingerprint));
  return { kept, matched, stale };
}

// ---------------------------------------------------------------------------------------------
// Reading and writing the file. `display` is the path as the user gave it, for messages.

function ioProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EISDIR') return 'is a directory';
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'ENOTDIR') return 'has a parent that is not a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'is not accessible (permission denied)';
  return `could not be accessed (${code ?? 'error'})`;
}

/** The baseline's text; a clear configuration error when it cannot be read. */
export function readBaselineText(file: string, display: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read baseline file: it ${ioProblem(err)}; ${EXPECTED}`, display);
  }
}

/** The baseline at `file` when there is one (validated), undefined when the file does not exist. */
export function readBaselineIfPresent(file: string, display: string): BaselineFile | undefined {
  if (!fs.existsSync(file)) return undefined;
  return parseBaseline(readBaselineText(file, display), display);
}

/** Writes the baseline; never creates directories (a typo in the path should not grow a tree). */
export function writeBaselineFile(file: string, display: string, text: string): void {
  const dir = path.dirname(file);
  let dirStat: fs.Stats;
  try {
    dirStat = fs.statSync(dir);
  } catch (err) {
    const problem = (err as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'does not exist' : ioProblem(err);
    throw new ConfigError(`cannot write the baseline: directory ${JSON.stringify(path.dirname(display))} ${problem}`, display);
  }
  if (!dirStat.isDirectory()) throw new ConfigError(`cannot write the baseline: ${JSON.stringify(path.dirname(display))} is not a directory`, display);
  try {
    fs.writeFileSync(file, text);
  } catch (err) {
    throw new ConfigError(`cannot write the baseline: the path ${ioProblem(err)}`, display);
  }
}

/** How many findings a baseline records. */
export function baselineCount(baseline: BaselineFile): number {
  let total = 0;
  for (const rules of Object.values(baseline.files)) for (const prints of Object.values(rules)) for (const count of Object.values(prints)) total += count;
  return total;
}
