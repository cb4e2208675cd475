// SARIF 2.1.0 for GitHub code scanning and other consumers (DESIGN §7). No timestamps, no
// machine-dependent data besides the project root, fixed key order and sorting: the same scan
// gives the same bytes. Results, flows and notifications are capped below GitHub's limits, with
// a notification saying so.
import type * as Sarif from 'sarif';
import type { Finding, ScanError, ScanResult } from '../core/finding.js';
import type { FlowStep } from '../core/facts.js';
import type { RuleMeta } from '../core/rule.js';
import { redactValues } from '../core/redact.js';
import { compareByText, compareFindings, sortErrors, sortFindings } from './finding-order.js';
import { fallbackMeta, ruleDescriptor, type SarifLevel } from './sarif-rules.js';
import { DEFAULT_MAX_SARIF_RESULTS, PROJECT_URL, type ReporterContext } from './types.js';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'clavisLint/v1';
export const SRCROOT = '%SRCROOT%';
/** GitHub accepts 10,000 thread-flow locations per result and shows 1,000. */
export const MAX_FLOW_LOCATIONS = 1_000;
export const MAX_NOTIFICATIONS = 1_000;

/** A relative path as a URI reference: `/` separators, each segment percent-encoded. */
export function relativeUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/** `file:///abs/root/` for an absolute root (POSIX or Windows), else undefined. */
export function rootUri(root: string): string | undefined {
  const posix = root.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(posix);
  if (!posix.startsWith('/') && !drive) return undefined;
  const segments = posix.split('/').filter(Boolean);
  const encoded = segments.map((segment, index) => (drive && index === 0 ? segment : encodeURIComponent(segment)));
  return `file:///${encoded.join('/')}${encoded.length > 0 ? '/' : ''}`;
}

function region(line: number, column: number, endLine?: number, endColumn?: number): Sarif.Region {
  const startLine = Math.max(1, line);
  const startColumn = Math.max(1, column);
  const lastLine = Math.max(startLine, endLine ?? startLine);
  let lastColumn = Math.max(1, endColumn ?? startColumn + 1);
  if (lastLine === startLine && lastColumn < startColumn) lastColumn = startColumn;
  return { startLine, startColumn, endLine: lastLine, endColumn: lastColumn };
}

function physicalLocation(file: string, fileRegion?: Sarif.Region): Sarif.PhysicalLocation {
  return {
    artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
    ...(fileRegion ? { region: fileRegion } : {}),
  };
}

function cappedFlow(flow: FlowStep[]): FlowStep[] {
  if (flow.length <= MAX_FLOW_LOCATIONS) return flow;
  // Keep the source end and the sink: the two ends say the most.
  return [...flow.slice(0, MAX_FLOW_LOCATIONS - 1), flow[flow.length - 1]];
}

function codeFlows(flow: FlowStep[]): Sarif.CodeFlow[] {
  return [
    {
      threadFlows: [
        {
          locations: cappedFlow(flow).map((step) => ({
            location: {
              physicalLocation: physicalLocation(step.file, region(step.line, step.column, step.endLine, step.endColumn)),
              message: { text: step.note || 'Flow step.' },
            },
          })),
        },
      ],
    },
  ];
}

function levelOf(finding: Finding): SarifLevel {
  return finding.severity === 'error' ? 'error' : 'warning';
}

function sarifResult(finding: Finding, ruleIndex: number): Sarif.Result {
  const properties: Record<string, string | string[]> = {};
  if (finding.secretId) properties.secretId = finding.secretId;
  if (finding.envName) properties.envName = finding.envName;
  if (finding.also && finding.also.length > 0) properties.also = finding.also;
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: levelOf(finding),
    message: { text: finding.message || `${finding.ruleId}.` },
    locations: [
      { physicalLocation: physicalLocation(finding.file, region(finding.line, finding.column, finding.endLine, finding.endColumn)) },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.flow && finding.flow.length > 0 ? { codeFlows: codeFlows(finding.flow) } : {}),
    ...(finding.suppression
      ? {
          suppressions: [
            {
              kind: finding.suppression.kind === 'inline' ? ('inSource' as const) : ('external' as const),
              // Free text written by a person: masked again here in case a caller skipped post-processing.
              justification: redactValues(finding.suppression.justification),
            },
          ],
        }
      : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

interface RuleTable {
  descriptors: Sarif.ReportingDescriptor[];
  indexById: Map<string, number>;
}

/** Every enabled rule, plus any rule that produced a result (engine-level ids), sorted by id. */
function ruleTable(result: ScanResult, reported: Finding[], metas: RuleMeta[]): RuleTable {
  const metaById = new Map(metas.map((meta) => [meta.id, meta]));
  const levelById = new Map<string, SarifLevel>();
  for (const rule of result.enabledRules) levelById.set(rule.id, rule.level === 'error' ? 'error' : 'warning');
  for (const finding of reported) if (!levelById.has(finding.ruleId)) levelById.set(finding.ruleId, levelOf(finding));
  const ids = [...levelById.keys()].sort(compareByText);
  const descriptors = ids.map((id) => ruleDescriptor(metaById.get(id) ?? fallbackMeta(id), levelById.get(id)!));
  return { descriptors, indexById: new Map(ids.map((id, index) => [id, index])) };
}

function capResults(findings: Finding[], max: number): Finding[] {
  if (findings.length <= max) return findings;
  // Keep what matters most: live errors, then live warnings, then suppressed results.
  const rank = (f: Finding): number => (f.suppression ? 2 : f.severity === 'error' ? 0 : 1);
  const kept = [...findings].sort((a, b) => rank(a) - rank(b) || compareFindings(a, b)).slice(0, max);
  return kept.sort(compareFindings);
}

function errorNotification(error: ScanError): Sarif.Notification {
  const errorRegion = error.line !== undefined ? region(error.line, error.column ?? 1) : undefined;
  return {
    level: 'error',
    message: { text: redactValues(error.message) || 'The file could not be analysed.' },
    locations: [{ physicalLocation: physicalLocation(error.file, errorRegion) }],
    descriptor: { id: 'file-not-analysed' },
  };
}

function notice(id: string, text: string): Sarif.Notification {
  return { level: 'warning', message: { text }, descriptor: { id } };
}

export function buildSarifLog(result: ScanResult, ctx: ReporterContext): Sarif.Log {
  const live = sortFindings(result.findings);
  const all = ctx.includeSuppressed ? sortFindings([...live, ...result.suppressed]) : live;
  const max = Math.max(1, ctx.maxResults ?? DEFAULT_MAX_SARIF_RESULTS);
  const reported = capResults(all, max);
  const rules = ruleTable(result, reported, ctx.rules);

  const errors = sortErrors(result.errors);
  const notifications = errors.slice(0, MAX_NOTIFICATIONS).map(errorNotification);
  if (errors.length > MAX_NOTIFICATIONS) {
    notifications.push(notice('notifications-capped', `${errors.length - MAX_NOTIFICATIONS} more files could not be analysed; the JSON output lists all of them.`));
  }
  if (reported.length < all.length) {
    notifications.push(
      notice('results-capped', `Only ${reported.length} of ${all.length} results are included, to stay below GitHub code scanning limits; the JSON output lists all of them.`),
    );
  }
  if (reported.some((f) => (f.flow?.length ?? 0) > MAX_FLOW_LOCATIONS)) {
    notifications.push(notice('flow-capped', `Code flows longer than ${MAX_FLOW_LOCATIONS} steps are shortened to their first and last steps.`));
  }

  const srcRoot = rootUri(result.root);
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: 'clavis-lint',
        version: ctx.toolVersion,
        semanticVersion: ctx.toolVersion,
        informationUri: PROJECT_URL,
        rules: rules.descriptors,
      },
    },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    originalUriBaseIds: {
      [SRCROOT]: srcRoot ? { uri: srcRoot } : { description: { text: 'The project root.' } },
    },
    automationDetails: { id: ctx.automationId ?? 'clavis-lint/' },
    columnKind: 'utf16CodeUnits',
    results: reported.map((finding) => sarifResult(finding, rules.indexById.get(finding.ruleId)!)),
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function toSarif(result: ScanResult, ctx: ReporterContext): string {
  return `${JSON.stringify(buildSarifLog(result, ctx), null, 2)}\n`;
}
