// A rescan whose every input is as it was gives the report it gave: `report.json` in the cache
// directory keeps the last report of a `scan` (its findings, errors and stats, and for text output
// the masked source lines of its findings) with what it was computed from:
// - a key: the result cache's scan key (tool, build, config, registry, front-end options, versions),
//   the date and hard-cut of alias lifecycles, each rule's effective level, the paths scanned, the
//   files discovered and the discovery's errors;
// - the stat of every file the scan read or trusted by its stat (the scanned files, and what the
//   TypeScript leak pass loaded: `.d.ts` files of packages included), as the result cache records
//   them (file-hasher.ts: only stats that are safe to trust, none taken while a file was changing).
// When the key is this scan's and no recorded file's stat changed, the report is replayed without
// reading results.json or running a pass (Turborepo and Bazel replay a task's output the same
// way). Any difference, down to one stat, and the scan runs as usual (and writes the report again).
// A file's ctime cannot be set back, so a recorded stat never holds again once its file changed.
//
// The file lies in the scanned tree, so a pull request could plant one: it is data only, checked
// field by field before use, and a planted one cannot hit (its key holds this machine's build
// stamp, its stats inode numbers and change times). It holds what reports show and nothing more:
// findings quote no value (DESIGN §5), and the source lines are the masked ones text output prints.
import fs from 'node:fs';
import path from 'node:path';
import type { Finding, ScanError, ScanStats } from '../core/finding.js';
import { hashText } from './hash.js';
import { statKey } from './file-hasher.js';
import { readCacheFile, writeCacheFile } from './store.js';
import type { CacheSettings } from './settings.js';

const FILE = 'report.json';
const FORMAT = 'clavis-lint-report/1';

/**
 * What a caller of `scan` uses of its output when it asks for a replay (the CLI's scan command):
 * the findings, errors and stats, the number of suppressed findings (not their justifications), no facts.
 */
export interface ReplayRequest {
  /** The text format shows each finding's source line: a report stored without them cannot serve. */
  sourceLines: boolean;
}

/** The replayable part of a scan's output. */
export interface StoredReport {
  findings: Finding[];
  suppressed: Finding[];
  errors: ScanError[];
  stats: Omit<ScanStats, 'ms'>;
  /** File -> line number (1-based) -> the masked line, for the lines findings are on (text output). */
  lines?: Record<string, Record<string, string>>;
}

interface ReplayDocument {
  format: string;
  key: string;
  /** Path (root-relative, or absolute outside the root) -> stat key. */
  stats: Record<string, string>;
  report: StoredReport;
}

export function replayKey(parts: unknown): string {
  return hashText(FORMAT, JSON.stringify(parts));
}

/**
 * The stored report when its key is `key`, it covers every file of `files`, no recorded stat
 * changed, and it has what `request` needs. The stats taken on the way go into `taken` (path ->
 * stat): when the report does not hold, the result cache uses them instead of asking again.
 */
export function readReplay(settings: CacheSettings, root: string, key: string, files: readonly string[], request: ReplayRequest, taken: Map<string, fs.Stats>): StoredReport | undefined {
  const text = readCacheFile(settings, root, FILE);
  if (text === undefined) return undefined;
  let doc: ReplayDocument;
  try {
    doc = JSON.parse(text) as ReplayDocument;
  } catch {
    return undefined;
  }
  if (!isReplayDocument(doc) || doc.format !== FORMAT || doc.key !== key) return undefined;
  if (request.sourceLines && doc.report.lines === undefined) return undefined;
  for (const file of files) if (!Object.hasOwn(doc.stats, file)) return undefined;
  for (const [file, recorded] of Object.entries(doc.stats)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(path.resolve(root, file), { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!stat) return undefined;
    taken.set(file, stat);
    if (statKey(stat) !== recorded) return undefined;
  }
  return doc.report;
}

/**
 * Stores the report; `stats` must hold every scanned file (else nothing is written: a later scan
 * could not tell it holds). A suppression's justification is the comment's own text (it may name
 * a value) and only `--include-suppressed` shows it, which never asks for a replay: not stored.
 */
export function writeReplay(settings: CacheSettings, root: string, key: string, files: readonly string[], stats: Record<string, string>, report: StoredReport): void {
  for (const file of files) if (!Object.hasOwn(stats, file)) return;
  const sorted = Object.fromEntries(Object.keys(stats).sort().map((file) => [file, stats[file]]));
  const suppressed = report.suppressed.map((finding) => (finding.suppression ? { ...finding, suppression: { kind: finding.suppression.kind, justification: '' } } : finding));
  // Not compared with the stored text first: a scan that ran found a stat, an input or a need
  // (source lines) that differed from the stored report, so the text differs.
  writeCacheFile(settings, root, FILE, JSON.stringify({ format: FORMAT, key, stats: sorted, report: { ...report, suppressed } } satisfies ReplayDocument));
}

/** The lines text output shows, keyed by file and line number. */
export function findingLines(findings: readonly Finding[], sourceLines: (file: string) => readonly string[] | undefined): Record<string, Record<string, string>> {
  const lines: Record<string, Record<string, string>> = {};
  for (const finding of findings) {
    const line = sourceLines(finding.file)?.[finding.line - 1];
    if (line !== undefined) (lines[finding.file] ??= {})[String(finding.line)] = line;
  }
  return lines;
}

// The shape, checked whole: the report goes to reporters as it is.

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringRecord = (value: unknown): boolean => isObject(value) && Object.values(value).every(isString);

function isReplayDocument(value: unknown): value is ReplayDocument {
  if (!isObject(value) || !isString(value.format) || !isString(value.key) || !isStringRecord(value.stats) || !isObject(value.report)) return false;
  const report = value.report;
  if (!Array.isArray(report.findings) || !report.findings.every(isFinding)) return false;
  if (!Array.isArray(report.suppressed) || !report.suppressed.every(isFinding)) return false;
  if (!Array.isArray(report.errors) || !report.errors.every(isScanError)) return false;
  const stats = report.stats;
  if (!isObject(stats) || !isNumber(stats.files) || !isObject(stats.filesByLanguage) || !Object.values(stats.filesByLanguage).every(isNumber)) return false;
  if ((stats.prefiltered !== undefined && !isNumber(stats.prefiltered)) || (stats.leakMs !== undefined && !isNumber(stats.leakMs))) return false;
  return report.lines === undefined || (isObject(report.lines) && Object.values(report.lines).every(isStringRecord));
}

function isScanError(value: unknown): boolean {
  return isObject(value) && isString(value.file) && isString(value.message) && (value.line === undefined || isNumber(value.line)) && (value.column === undefined || isNumber(value.column));
}

function isPosition(value: Record<string, unknown>): boolean {
  return isString(value.file) && isNumber(value.line) && isNumber(value.column);
}

function isFinding(value: unknown): value is Finding {
  if (!isObject(value) || !isPosition(value) || !isString(value.ruleId) || (value.severity !== 'error' && value.severity !== 'warning')) return false;
  if (!isNumber(value.endLine) || !isNumber(value.endColumn) || !isString(value.message) || !isString(value.fingerprint)) return false;
  if ((value.secretId !== null && !isString(value.secretId)) || (value.envName !== null && !isString(value.envName))) return false;
  if (value.flow !== undefined && !(Array.isArray(value.flow) && value.flow.every((step) => isObject(step) && isPosition(step) && isString(step.note)))) return false;
  if (value.also !== undefined && !(Array.isArray(value.also) && value.also.every(isString))) return false;
  if (value.suppression !== undefined && !(isObject(value.suppression) && (value.suppression.kind === 'inline' || value.suppression.kind === 'baseline') && isString(value.suppression.justification))) return false;
  return value.fix === undefined || (isObject(value.fix) && Array.isArray(value.fix.edits) && value.fix.edits.every(isFixEdit));
}

function isFixEdit(value: unknown): boolean {
  if (!isObject(value) || !isString(value.file) || !isString(value.text) || !isString(value.expected) || !isObject(value.range)) return false;
  return Object.values(value.range).every(isNumber);
}
