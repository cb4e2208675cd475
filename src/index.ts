// The programmatic API: `import { scan, loadProject, rules, formatReport } from 'clavis-lint'`.
// A thin face over the engine, the rule catalog and the reporters, the same ones the CLI, the
// GitHub Action and the ESLint plugin use. Nothing here prints or exits: configuration problems
// reject with a ConfigError that names the file and line.
import { prepareProject, scan as scanProject, type PreparedProject, type ScanOptions, type ScanOutput } from './core/engine.js';
import { ALL_RULES } from './rules/index.js';
import { formatResult, type ReportFormat, type ReporterContext } from './reporters/index.js';
import { toolVersion } from './cli/version.js';
import type { RuleMeta } from './core/rule.js';

export type { ScanOptions, ScanOutput, PreparedProject } from './core/engine.js';
export type { Finding, ScanError, ScanResult, ScanStats } from './core/finding.js';
export type { FlowStep, Range } from './core/facts.js';
export type { RuleMeta, RuleArea, SeverityLevel } from './core/rule.js';
export type { ReportFormat } from './reporters/index.js';
export { ConfigError } from './core/config-types.js';
export { REPORT_FORMATS } from './reporters/index.js';

/** Options of {@link scan}: the CLI's options as data; `cwd` defaults to the process's. */
export type ApiScanOptions = Omit<ScanOptions, 'cwd'> & { cwd?: string };

/** Scans a project (config discovery, registry, every front end and rule) and returns the result. */
export function scan(options: ApiScanOptions = {}): Promise<ScanOutput> {
  return scanProject({ ...options, cwd: options.cwd ?? process.cwd() });
}

/** Loads the config and the registry and resolves rule levels, without scanning any file. */
export function loadProject(options: ApiScanOptions = {}): Promise<PreparedProject> {
  return prepareProject({ ...options, cwd: options.cwd ?? process.cwd() });
}

/** Metadata of every rule, sorted by id: the same data as `clavis-lint rules --json`. */
export const rules: readonly RuleMeta[] = ALL_RULES.map((rule) => rule.meta);

/** The package version (SARIF `tool.driver.version`, `clavis-lint --version`). */
export const version: string = toolVersion();

/** Renders a scan result in one of the CLI's formats (`text`, `json`, `sarif`, `github`, `markdown`). */
export function formatReport(result: ScanOutput, format: ReportFormat, options: Partial<Omit<ReporterContext, 'rules' | 'toolVersion'>> = {}): string {
  return formatResult(format, result, {
    rules: [...rules],
    toolVersion: version,
    color: false,
    sourceLines: result.sourceLines,
    ...options,
  });
}
