// `clavis-lint merge`: shard reports -> the report an unsharded scan of the same tree writes.
// Pure (texts in, text out). Why byte-identical works: every shard analyses the whole tree and
// reports only its own files (restrict.ts), reporters sort file-major (finding-order.ts), and
// each file belongs to one shard; so concatenating the shards' lists and stably sorting them by
// file gives the unsharded order, each file's entries keeping the order its shard wrote.
import type * as Sarif from 'sarif';
import { mergeBaseline, parseBaseline, baselineText, type BaselineFile } from '../core/baseline.js';
import { ConfigError } from '../core/config-types.js';
import { compareCodeUnits } from '../core/compare.js';
import { MAX_FLOW_LOCATIONS, MAX_NOTIFICATIONS } from '../reporters/sarif.js';
import { DEFAULT_MAX_SARIF_RESULTS } from '../reporters/types.js';
import { SHARD_PROPERTY, type ShardMark } from './marks.js';

export type MergeFormat = 'json' | 'sarif' | 'baseline';

export interface MergeInput {
  /** As the user named it (error messages). */
  name: string;
  text: string;
}

export interface MergeOutput {
  format: MergeFormat;
  text: string;
  /** Live findings by severity (the CLI's exit code). */
  errors: number;
  warnings: number;
}

/** Inputs that cannot be merged; the message names the file. */
export class MergeError extends Error {}

const FORMAT_NAMES: Record<MergeFormat, string> = { json: 'a JSON report', sarif: 'a SARIF log', baseline: 'a baseline file' };

export function mergeReports(inputs: MergeInput[]): MergeOutput {
  if (inputs.length === 0) throw new MergeError('merge needs at least one report: clavis-lint merge REPORT...');
  const parsed = inputs.map((input) => ({ ...input, data: parseInput(input), format: undefined as MergeFormat | undefined }));
  for (const p of parsed) p.format = detectFormat(p.name, p.data);
  const first = parsed[0];
  for (const p of parsed) {
    if (p.format !== first.format) throw new MergeError(`${p.name} is ${FORMAT_NAMES[p.format!]} but ${first.name} is ${FORMAT_NAMES[first.format!]}: merge reports of one format`);
  }
  if (first.format === 'baseline') return mergeBaselines(parsed);
  if (first.format === 'json') return mergeJson(orderShards(parsed.map((p) => ({ name: p.name, data: p.data as JsonReport, mark: jsonMark(p.name, p.data as JsonReport), version: (p.data as JsonReport).tool?.version }))));
  return mergeSarif(orderShards(parsed.map((p) => ({ name: p.name, data: p.data as Sarif.Log, mark: sarifMark(p.name, p.data as Sarif.Log), version: (p.data as Sarif.Log).runs[0].tool.driver.version }))));
}

function parseInput(input: MergeInput): unknown {
  try {
    return JSON.parse(input.text);
  } catch (err) {
    throw new MergeError(`${input.name} is not JSON (${(err as Error).message.split('\n')[0]}): expected a JSON or SARIF report written with --shard, or a baseline file`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function detectFormat(name: string, data: unknown): MergeFormat {
  if (isObject(data) && Array.isArray(data.runs)) {
    if (data.runs.length !== 1 || !isObject(data.runs[0]) || (data.runs[0] as unknown as Sarif.Run).tool?.driver?.name !== 'clavis-lint') {
      throw new MergeError(`${name} is not a clavis-lint SARIF log: expected one run whose tool.driver.name is clavis-lint`);
    }
    return 'sarif';
  }
  if (isObject(data) && data.version === 1 && Array.isArray(data.findings)) return 'json';
  if (isObject(data) && data.version === 1 && isObject(data.files)) return 'baseline';
  throw new MergeError(`${name} is not a clavis-lint report: expected a JSON report ({"version": 1, "findings": [...]}), a SARIF log or a baseline file`);
}

// ---- shard marks: same tool version, same scan key, shards 1..N each exactly once ----

interface ShardReport<T> {
  name: string;
  data: T;
  mark: ShardMark;
  version: string | undefined;
}

function checkMark(name: string, mark: unknown): ShardMark {
  const m = mark as Partial<ShardMark> | undefined;
  if (!isObject(m) || typeof m.index !== 'number' || typeof m.count !== 'number' || typeof m.scanKey !== 'string') {
    throw new MergeError(`${name} has no shard mark: write each part with 'clavis-lint --shard I/N --format json|sarif'`);
  }
  return m as ShardMark;
}

function jsonMark(name: string, data: JsonReport): ShardMark {
  return checkMark(name, data.shard);
}

function sarifMark(name: string, data: Sarif.Log): ShardMark {
  const props = data.runs[0].properties as Record<string, { shard?: unknown }> | undefined;
  return checkMark(name, props?.[SHARD_PROPERTY]?.shard);
}

function orderShards<T>(reports: ShardReport<T>[]): ShardReport<T>[] {
  const first = reports[0];
  for (const r of reports) {
    if (r.version !== first.version) throw new MergeError(`${r.name} was written by clavis-lint ${r.version} but ${first.name} by ${first.version}: merge reports of one version`);
    if (r.mark.scanKey !== first.mark.scanKey) {
      throw new MergeError(`${r.name} comes from another scan than ${first.name} (config, registry, rule levels, --today or version differ): merge the shards of one scan`);
    }
    if (r.mark.count !== first.mark.count) throw new MergeError(`${r.name} is shard ${r.mark.index}/${r.mark.count} but ${first.name} is shard ${first.mark.index}/${first.mark.count}: merge the shards of one split`);
  }
  const byIndex = new Map<number, ShardReport<T>>();
  for (const r of reports) {
    const seen = byIndex.get(r.mark.index);
    if (seen) throw new MergeError(`${r.name} and ${seen.name} are both shard ${r.mark.index}/${r.mark.count}`);
    byIndex.set(r.mark.index, r);
  }
  const missing = [];
  for (let i = 1; i <= first.mark.count; i++) if (!byIndex.has(i)) missing.push(`${i}/${first.mark.count}`);
  if (missing.length > 0) throw new MergeError(`shard ${missing.join(', ')} missing: merge needs every shard's report (have ${reports.map((r) => r.name).join(', ')})`);
  return [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i)!);
}

/**
 * Entries of all shards in unsharded order: stable sort by file (the reporters' first key).
 * A file listed by two shards means they did not agree on who owns it (different trees).
 */
function byFile<T>(lists: Array<{ name: string; items: T[] }>, fileOf: (item: T) => string, checkDisjoint: boolean): T[] {
  const owner = new Map<string, string>();
  const all: Array<{ item: T; file: string }> = [];
  for (const { name, items } of lists) {
    for (const item of items) {
      const file = fileOf(item);
      const seen = owner.get(file);
      if (checkDisjoint && seen !== undefined && seen !== name) throw new MergeError(`${file} is reported in both ${seen} and ${name}: the shards did not scan the same tree`);
      owner.set(file, name);
      all.push({ item, file });
    }
  }
  return all.sort((a, b) => compareCodeUnits(a.file, b.file)).map((e) => e.item);
}

// ---- JSON ----

interface JsonReport {
  version: 1;
  tool?: { name: string; version: string };
  findings: Array<{ file: string; severity: string }>;
  stats: { files: number; filesByLanguage: Record<string, number>; ms: number; leakMs?: number; phases?: Record<string, number> };
  errors: Array<{ file: string }>;
  suppressed?: Array<{ file: string }>;
  shard?: ShardMark;
}

/** The shard with the longest `stats.ms` (the first of equals). */
function slowest(shards: ShardReport<JsonReport>[]): ShardReport<JsonReport> {
  return shards.reduce((worst, s) => ((s.data.stats.ms ?? 0) > (worst.data.stats.ms ?? 0) ? s : worst));
}

function mergeJson(shards: ShardReport<JsonReport>[]): MergeOutput {
  const template = shards[0];
  const keys = Object.keys(template.data).join(',');
  for (const s of shards) {
    if (Object.keys(s.data).join(',') !== keys || Object.keys(s.data.stats ?? {}).join(',') !== Object.keys(template.data.stats ?? {}).join(',')) {
      throw new MergeError(`${s.name} was written with other options than ${template.name} (fields ${Object.keys(s.data).join(', ')}): use the same flags on every shard`);
    }
  }
  const lists = <T>(pick: (r: JsonReport) => T[] | undefined) => shards.map((s) => ({ name: s.name, items: pick(s.data) ?? [] }));
  const out: Record<string, unknown> = { ...template.data };
  out.findings = byFile(lists((r) => r.findings), (f) => f.file, true);
  out.errors = byFile(lists((r) => r.errors), (e) => e.file, false);
  if (template.data.suppressed) out.suppressed = byFile(lists((r) => r.suppressed), (f) => f.file, true);
  const stats: Record<string, unknown> = {};
  for (const key of Object.keys(template.data.stats)) {
    if (key === 'files') stats.files = shards.reduce((n, s) => n + s.data.stats.files, 0);
    else if (key === 'filesByLanguage') stats.filesByLanguage = sumLanguages(shards.map((s) => s.data.stats.filesByLanguage));
    else if (key === 'prefiltered') stats.prefiltered = shards.reduce((n, s) => n + ((s.data.stats as unknown as Record<string, number>).prefiltered ?? 0), 0);
    // The split of that wall time: the slowest shard's own.
    else if (key === 'phases') stats.phases = slowest(shards).data.stats.phases;
    // Wall time of a parallel run: its slowest shard.
    else stats[key] = Math.max(...shards.map((s) => (s.data.stats as unknown as Record<string, number>)[key] ?? 0));
  }
  out.stats = stats;
  delete out.shard;
  const findings = out.findings as JsonReport['findings'];
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { format: 'json', text: `${JSON.stringify(out, null, 2)}\n`, errors, warnings: findings.length - errors };
}

function sumLanguages(records: Array<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const record of records) for (const [language, n] of Object.entries(record)) sum[language] = (sum[language] ?? 0) + n;
  return Object.fromEntries(Object.entries(sum).sort(([a], [b]) => compareCodeUnits(a, b)));
}

// ---- SARIF ----

function decodedUri(location: Sarif.Location | undefined): string {
  const uri = location?.physicalLocation?.artifactLocation?.uri ?? '';
  return uri
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

const resultFile = (r: Sarif.Result): string => decodedUri(r.locations?.[0]);

/** Counts our own notices carry ("Only 20000 of 25000 results…", "12 more files…"): what a shard left out. */
function droppedCount(notifications: Sarif.Notification[], id: string): number {
  const text = notifications.find((n) => n.descriptor?.id === id)?.message.text ?? '';
  if (id === 'results-capped') {
    const m = /^Only (\d+) of (\d+) results/.exec(text);
    return m ? Number(m[2]) - Number(m[1]) : 0;
  }
  const m = /^(\d+) more files/.exec(text);
  return m ? Number(m[1]) : 0;
}

function notice(id: string, text: string): Sarif.Notification {
  return { level: 'warning', message: { text }, descriptor: { id } };
}

function mergeSarif(shards: ShardReport<Sarif.Log>[]): MergeOutput {
  const template = shards[0];
  const runs = shards.map((s) => s.data.runs[0]);
  const rootOf = (run: Sarif.Run): string => JSON.stringify(run.originalUriBaseIds ?? {});
  shards.forEach((s, i) => {
    if (rootOf(runs[i]) !== rootOf(runs[0])) throw new MergeError(`${s.name} was scanned at another project root than ${template.name} (originalUriBaseIds differ): check out the repository at the same path in every job`);
  });
  const notificationsOf = (run: Sarif.Run): Sarif.Notification[] => run.invocations?.[0]?.toolExecutionNotifications ?? [];

  // Results: unsharded order, then the same cap as the reporter (live errors, live warnings, suppressed; first N of each in order).
  const all = byFile(shards.map((s, i) => ({ name: s.name, items: runs[i].results ?? [] })), resultFile, true);
  const total = all.length + runs.reduce((n, run) => n + droppedCount(notificationsOf(run), 'results-capped'), 0);
  const rank = (r: Sarif.Result): number => (r.suppressions && r.suppressions.length > 0 ? 2 : r.level === 'error' ? 0 : 1);
  let reported = all;
  if (all.length > DEFAULT_MAX_SARIF_RESULTS) {
    const positioned = all.map((r, position) => ({ r, position }));
    reported = positioned
      .sort((a, b) => rank(a.r) - rank(b.r) || a.position - b.position)
      .slice(0, DEFAULT_MAX_SARIF_RESULTS)
      .sort((a, b) => a.position - b.position)
      .map((e) => e.r);
  }

  // Rules: every shard lists the enabled rules; a rule only some shards list (reported, not enabled) comes from the shard of its first result.
  const descriptorById = new Map<string, Sarif.ReportingDescriptor>();
  const firstResultShard = new Map<string, number>();
  const shardOfResult = new Map<Sarif.Result, number>();
  runs.forEach((run, i) => run.results?.forEach((r) => shardOfResult.set(r, i)));
  for (const r of reported) {
    const shard = shardOfResult.get(r)!;
    if (r.ruleId && !firstResultShard.has(r.ruleId)) firstResultShard.set(r.ruleId, shard);
  }
  runs.forEach((run, i) => {
    for (const d of run.tool.driver.rules ?? []) {
      const preferred = firstResultShard.get(d.id);
      if (!descriptorById.has(d.id) || preferred === i) descriptorById.set(d.id, d);
    }
  });
  const ids = [...descriptorById.keys()].filter((id) => !isReportedOnlyElsewhere(id, runs, reported)).sort(compareCodeUnits);
  const indexById = new Map(ids.map((id, index) => [id, index]));
  for (const r of reported) if (r.ruleId !== undefined) r.ruleIndex = indexById.get(r.ruleId);

  // Notifications: files that could not be analysed (capped), then the notices.
  const errorNotes = byFile(
    shards.map((s, i) => ({ name: s.name, items: notificationsOf(runs[i]).filter((n) => n.descriptor?.id === 'file-not-analysed') })),
    (n) => decodedUri(n.locations?.[0]),
    false,
  );
  const errorTotal = errorNotes.length + runs.reduce((n, run) => n + droppedCount(notificationsOf(run), 'notifications-capped'), 0);
  const notifications = errorNotes.slice(0, MAX_NOTIFICATIONS);
  if (errorTotal > MAX_NOTIFICATIONS) notifications.push(notice('notifications-capped', `${errorTotal - MAX_NOTIFICATIONS} more files could not be analysed; the JSON output lists all of them.`));
  if (reported.length < total) {
    notifications.push(notice('results-capped', `Only ${reported.length} of ${total} results are included, to stay below GitHub code scanning limits; the JSON output lists all of them.`));
  }
  const flowCapped = reported.some((r) => r.codeFlows?.some((cf) => cf.threadFlows.some((tf) => tf.locations.length >= MAX_FLOW_LOCATIONS)));
  if (flowCapped && runs.some((run) => notificationsOf(run).some((n) => n.descriptor?.id === 'flow-capped'))) {
    notifications.push(notice('flow-capped', `Code flows longer than ${MAX_FLOW_LOCATIONS} steps are shortened to their first and last steps.`));
  }

  const run: Sarif.Run = { ...runs[0] };
  run.tool = { ...run.tool, driver: { ...run.tool.driver, rules: ids.map((id) => descriptorById.get(id)!) } };
  run.invocations = [{ ...run.invocations![0], toolExecutionNotifications: notifications }];
  run.automationDetails = { ...run.automationDetails, id: template.mark.automationId ?? 'clavis-lint/' };
  run.results = reported;
  const props = { ...(run.properties ?? {}) } as Record<string, unknown>;
  delete props[SHARD_PROPERTY];
  if (Object.keys(props).length > 0) run.properties = props;
  else delete run.properties;
  const log: Sarif.Log = { ...template.data, runs: [run] };
  const live = reported.filter((r) => !(r.suppressions && r.suppressions.length > 0));
  const errors = live.filter((r) => r.level === 'error').length;
  return { format: 'sarif', text: `${JSON.stringify(log, null, 2)}\n`, errors, warnings: live.length - errors };
}

/**
 * A rule that is not enabled appears in a shard's table only because that shard reported it; the
 * unsharded table lists it only when a kept result still does (the cap may have dropped them all).
 */
function isReportedOnlyElsewhere(id: string, runs: Sarif.Run[], reported: Sarif.Result[]): boolean {
  const listedByAll = runs.every((run) => (run.tool.driver.rules ?? []).some((d) => d.id === id));
  if (listedByAll) return false;
  return !reported.some((r) => r.ruleId === id);
}

// ---- baselines ----

/** Each shard's `--update-baseline` writes only its own files, so the union is the unsharded baseline; a file in two is an error. */
function mergeBaselines(inputs: Array<{ name: string; text: string }>): MergeOutput {
  const files: BaselineFile['files'] = {};
  const from = new Map<string, string>();
  for (const input of inputs) {
    let baseline: BaselineFile;
    try {
      baseline = parseBaseline(input.text, input.name);
    } catch (err) {
      if (err instanceof ConfigError) throw new MergeError(err.locatedAll().join('; '));
      throw err;
    }
    for (const [file, rules] of Object.entries(baseline.files)) {
      const seen = from.get(file);
      if (seen !== undefined) throw new MergeError(`${file} is in both ${seen} and ${input.name}: write each shard's baseline with --shard I/N --update-baseline (it holds only that shard's files)`);
      from.set(file, input.name);
      files[file] = rules;
    }
  }
  // mergeBaseline with nothing in scope keeps every entry and sorts them as the baseline writer does.
  const merged = mergeBaseline({ version: 1, tool: 'clavis-lint', files }, [], () => false);
  return { format: 'baseline', text: baselineText(merged), errors: 0, warnings: 0 };
}
