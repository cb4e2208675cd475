// `clavis-lint [scan] [PATH...]`.
import path from 'node:path';
import { scan, type ScanOutput } from '../../core/engine.js';
import { baselineTextAtRef } from '../../core/base-policy.js';
import type { Finding } from '../../core/finding.js';
import {
  applyBaseline,
  baselineCount,
  baselineText,
  buildBaseline,
  DEFAULT_BASELINE_FILE,
  mergeBaseline,
  readBaselineIfPresent,
  readBaselineText,
  type BaselineScope,
  writeBaselineFile,
} from '../../core/baseline.js';
import { changedLines, filterByDiff, type ChangedLines, type DiffFilter } from '../../core/changed-lines.js';
import { locatedWarning } from '../../core/scan-coverage.js';
import { formatResult, type ReportFormat } from '../../reporters/index.js';
import { ALL_RULES } from '../../rules/index.js';
import { EXIT_FINDINGS, EXIT_OK, parseRuleOverrides, UsageError, type CliIo, type ParsedOptions } from '../main.js';
import { toolVersion } from '../version.js';
import { useColor, writeReport } from './output.js';
import { useHyperlinks } from './hyperlinks.js';
import { createProgress } from './progress.js';
import type { CacheRequest } from '../../cache/index.js';
import { applyFixPass, dryRunDiff, fixModeOf, MAX_FIX_PASSES } from './fix.js';
import { ownBaselineEntries, shardFlag, shardScope } from '../../shard/cli-support.js';
import { markShardReport } from '../../shard/marks.js';
import { shardAutomationId } from '../../shard/spec.js';

const FORMATS: ReportFormat[] = ['text', 'compact', 'json', 'sarif', 'github', 'markdown'];

/** A scan without a registry (issue 11): the rules that need one report nothing or only warnings, so say why, and how to start. */
export const NO_REGISTRY_NOTE = "no registry found (secrets.registry.yaml, or 'registry:' in .clavis-lint.yaml), so the checks that need one are skipped; run 'npx clavis-lint init' to write one";

export function parseFormat(value: string | undefined, allowed: readonly string[] = FORMATS): string {
  const format = value ?? allowed[0];
  if (!allowed.includes(format)) throw new UsageError(`invalid --format '${format}': expected ${allowed.join('|')}`);
  return format;
}

export function parseNonNegativeInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`invalid ${flag} '${value}': expected a non-negative integer`);
  return Number(value);
}

export async function runScanCommand(paths: string[], values: ParsedOptions, io: CliIo, fixPass = 1): Promise<number> {
  const format = parseFormat(values.format) as ReportFormat;
  const fixMode = fixModeOf(values);
  const maxWarnings = parseNonNegativeInt('--max-warnings', values['max-warnings']);
  const workers = parseNonNegativeInt('--workers', values.workers);
  const diffFilter = (values['diff-filter'] ?? 'file') as DiffFilter;
  if (!['added', 'file', 'none'].includes(diffFilter)) throw new UsageError(`invalid --diff-filter '${diffFilter}': expected added|file|none`);
  const ruleOverrides = parseRuleOverrides(values.rule);
  const shard = shardFlag(values.shard, (message) => new UsageError(message));
  const progress = createProgress(format, io, { quiet: values.quiet === true, reportToFile: values.output !== undefined });
  const result: ScanOutput = await scan({
    cwd: io.cwd,
    paths,
    configFile: values.config,
    registry: values.registry,
    ruleOverrides,
    today: values.today,
    hardCut: values['hard-cut'],
    workers,
    onProgress: progress.update,
    onPhase: progress.phase,
    ...(values['policy-from'] !== undefined ? { policyFrom: { ref: values['policy-from'] } } : {}),
    emptyScan: values['allow-empty'] ? 'allow' : 'error',
    cache: cacheRequest(values, io),
    ...(shard ? { shard } : {}),
    // The report alone is used: an unchanged tree may replay the last one (src/cache/report-replay.ts).
    // Not for --fix (it needs the fixes' source), nor for justifications of suppressed findings.
    ...(fixMode === undefined && values['include-suppressed'] !== true ? { replay: { sourceLines: format === 'text' } } : {}),
  });
  progress.done();
  for (const note of result.cache?.notes ?? []) io.stderr.write(`clavis-lint: warning: ${note}\n`);
  // Benchmarks (bench/cache.js) read what the cache served; not part of the CLI's contract.
  if (result.cache && process.env.CLAVIS_LINT_DEBUG_CACHE) io.stderr.write(`clavis-lint: cache: ${JSON.stringify({ ...result.cache, notes: undefined })}\n`);
  for (const warning of result.warnings) io.stderr.write(`clavis-lint: warning: ${locatedWarning(warning)}\n`);
  if (fixPass === 1 && result.prepared.config.registry.length === 0) io.stderr.write(`clavis-lint: ${NO_REGISTRY_NOTE}\n`);

  // The baseline applies to the whole scan first; only then does the diff narrow the report.
  // Entries of files this run did not look at are never stale and never pruned.
  const changed = values['changed-since'] ? changedLines(result.root, values['changed-since']) : undefined;
  const scope = shardScope(runScope(result.root, io.cwd, paths, changed), result.shard);
  // `--baseline` (relative to the working directory) beats the config's `baseline:` (relative to the root).
  const configBaseline = result.prepared.config.baseline;
  const baselineArg = values.baseline ?? (configBaseline !== undefined ? path.relative(io.cwd, path.resolve(result.root, configBaseline)) || configBaseline : undefined);
  if (values['update-baseline']) {
    const target = path.resolve(io.cwd, baselineArg ?? path.join(result.root, DEFAULT_BASELINE_FILE));
    const display = baselineArg ?? (path.relative(io.cwd, target) || target);
    const existing = ownBaselineEntries(scope ? readBaselineIfPresent(target, display) : undefined, result.shard);
    const next = existing && scope ? mergeBaseline(existing, result.findings, scope) : buildBaseline(result.findings);
    writeBaselineFile(target, display, baselineText(next));
    const kept = existing && scope ? Object.keys(next.files).filter((file) => !scope(file)).length : 0;
    const note = kept > 0 ? ` (kept the entries of ${kept} file(s) this run did not look at)` : '';
    io.stderr.write(`clavis-lint: wrote ${baselineCount(next)} finding(s) to ${display}${note}\n`);
    return EXIT_OK;
  }
  let findings = result.findings;
  let baselineInfo: { matched: number; stale: number } | undefined;
  if (baselineArg) {
    const baselineFile = path.resolve(io.cwd, baselineArg);
    // Under --policy-from the baseline is part of the policy: read as committed at the ref.
    const policyRef = values['policy-from'];
    const text = (policyRef !== undefined ? baselineTextAtRef(result.root, policyRef, baselineFile) : undefined) ?? readBaselineText(baselineFile, baselineArg);
    const applied = applyBaseline(findings, text, baselineArg, scope);
    findings = applied.kept;
    baselineInfo = { matched: applied.matched, stale: applied.stale.length };
    for (const stale of applied.stale) {
      io.stderr.write(`clavis-lint: stale baseline entry: ${stale.file} ${stale.ruleId} (${stale.count} no longer found); run --update-baseline to prune\n`);
    }
  }
  if (changed) findings = filterByDiff(findings, changed, diffFilter);
  if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
  // --fix: fix what this run reports, then scan again (the report is of what remains).
  if (fixMode === 'fix' && fixPass <= MAX_FIX_PASSES && applyFixPass(result.root, findings, io, fixPass === MAX_FIX_PASSES) > 0) return runScanCommand(paths, values, io, fixPass + 1);
  if (fixMode === 'dry-run') {
    writeReport(dryRunDiff(result.root, findings, result.sourceLines, io).diff, values, io);
    return exitCodeFor(findings, maxWarnings);
  }
  const shown = { ...result, findings, ...(baselineInfo ? { baseline: baselineInfo } : {}) };
  const automationId = result.shard ? shardAutomationId('clavis-lint/', result.shard) : undefined;
  const formatted = formatResult(format, shown, {
    ...(automationId ? { automationId } : {}),
    rules: ALL_RULES.map((r) => r.meta),
    toolVersion: toolVersion(),
    color: format === 'text' && useColor(values, io),
    hyperlinks: format === 'text' && useHyperlinks(values, io),
    // Text and compact name files relative to where the command ran; the machine formats keep root-relative paths.
    ...(format === 'text' || format === 'compact' ? { displayPath: cwdRelative(result.root, io.cwd) } : {}),
    sourceLines: result.sourceLines,
    includeSuppressed: values['include-suppressed'] === true,
    timing: values.timing === true,
  });
  // A shard's JSON/SARIF says which part it is, for `clavis-lint merge` (src/shard/marks.ts).
  const report = result.shard ? markShardReport(format, formatted, result.shard, 'clavis-lint/') : formatted;
  writeReport(report, values, io);
  return exitCodeFor(findings, maxWarnings);
}

/** Root-relative report paths as seen from the working directory (`../src/a.ts` when run in a subdirectory). */
export function cwdRelative(root: string, cwd: string): (file: string) => string {
  if (path.resolve(root) === path.resolve(cwd)) return (file) => file;
  return (file) => path.relative(cwd, path.join(root, file)).split(path.sep).join('/') || '.';
}

/** `--cache` / `--no-cache` / `--cache-location DIR` (relative to the working directory); the config and CI decide the rest (src/cache/settings.ts). */
function cacheRequest(values: ParsedOptions, io: CliIo): CacheRequest {
  if (values.cache && values['no-cache']) throw new UsageError('--cache and --no-cache contradict each other: pass one');
  const enabled = values['no-cache'] ? false : values.cache ? true : undefined;
  const location = values['cache-location'];
  if (location === '') throw new UsageError("invalid --cache-location '': expected a directory");
  return { ...(enabled !== undefined ? { enabled } : {}), ...(location ? { location: path.resolve(io.cwd, location) } : {}), ci: Boolean(io.env.CI) };
}

/**
 * The files this run looked at, or undefined when it looked at the whole project: the paths
 * named on the command line, narrowed to the changed files with --changed-since.
 */
function runScope(root: string, cwd: string, paths: string[], changed: ChangedLines | undefined): BaselineScope | undefined {
  const targets = paths.map((p) => path.relative(root, path.resolve(cwd, p)).split(path.sep).join('/'));
  const wholeTree = targets.length === 0 || targets.includes('');
  if (wholeTree && !changed) return undefined;
  const inTargets = (file: string): boolean => wholeTree || targets.some((t) => file === t || file.startsWith(`${t}/`));
  return (file) => inTargets(file) && (!changed || changed.has(file));
}

export function exitCodeFor(findings: Finding[], maxWarnings: number | undefined): number {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
