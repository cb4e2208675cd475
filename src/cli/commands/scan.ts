// `clavis-lint [scan] [PATH...]`.
import fs from 'node:fs';
import path from 'node:path';
import { scan, type ScanOutput } from '../../core/engine.js';
import type { Finding } from '../../core/finding.js';
import { applyBaseline, baselineFileText, DEFAULT_BASELINE_FILE } from '../../core/baseline.js';
import { changedLines, filterByDiff, type DiffFilter } from '../../core/changed-lines.js';
import { ConfigError } from '../../core/config-types.js';
import { formatResult, type ReportFormat } from '../../reporters/index.js';
import { ALL_RULES } from '../../rules/index.js';
import { EXIT_FINDINGS, EXIT_OK, parseRuleOverrides, UsageError, type CliIo, type ParsedOptions } from '../main.js';
import { toolVersion } from '../version.js';
import { useColor, writeReport } from './output.js';
import { createProgress } from './progress.js';

const FORMATS: ReportFormat[] = ['text', 'json', 'sarif', 'github', 'markdown'];

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

export async function runScanCommand(paths: string[], values: ParsedOptions, io: CliIo): Promise<number> {
  const format = parseFormat(values.format) as ReportFormat;
  const maxWarnings = parseNonNegativeInt('--max-warnings', values['max-warnings']);
  const workers = parseNonNegativeInt('--workers', values.workers);
  const diffFilter = (values['diff-filter'] ?? 'file') as DiffFilter;
  if (!['added', 'file', 'none'].includes(diffFilter)) throw new UsageError(`invalid --diff-filter '${diffFilter}': expected added|file|none`);
  const ruleOverrides = parseRuleOverrides(values.rule);
  const progress = createProgress(format, io);
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
  });
  progress.done();

  let findings = result.findings;
  if (values['changed-since']) {
    const changed = changedLines(result.root, values['changed-since']);
    findings = filterByDiff(findings, changed, diffFilter);
  }
  if (values['update-baseline']) {
    const target = path.resolve(io.cwd, values.baseline ?? path.join(result.root, DEFAULT_BASELINE_FILE));
    fs.writeFileSync(target, baselineFileText(findings));
    io.stderr.write(`clavis-lint: wrote ${findings.length} finding(s) to ${path.relative(io.cwd, target) || target}\n`);
    return EXIT_OK;
  }
  let baselineInfo: { matched: number; stale: number } | undefined;
  if (values.baseline) {
    const file = path.resolve(io.cwd, values.baseline);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new ConfigError('cannot read baseline file: expected a file written by --update-baseline', values.baseline);
    }
    const applied = applyBaseline(findings, text, values.baseline);
    findings = applied.kept;
    baselineInfo = { matched: applied.matched, stale: applied.stale.length };
    for (const stale of applied.stale) {
      io.stderr.write(`clavis-lint: stale baseline entry: ${stale.file} ${stale.ruleId} (${stale.count} no longer found); run --update-baseline to prune\n`);
    }
  }
  if (values.quiet) findings = findings.filter((f) => f.severity === 'error');
  const shown = { ...result, findings, ...(baselineInfo ? { baseline: baselineInfo } : {}) };
  const report = formatResult(format, shown, {
    rules: ALL_RULES.map((r) => r.meta),
    toolVersion: toolVersion(),
    color: format === 'text' && useColor(values, io),
    sourceLines: result.sourceLines,
    includeSuppressed: values['include-suppressed'] === true,
  });
  writeReport(report, values, io);
  return exitCodeFor(findings, maxWarnings);
}

export function exitCodeFor(findings: Finding[], maxWarnings: number | undefined): number {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) return EXIT_FINDINGS;
  return EXIT_OK;
}
