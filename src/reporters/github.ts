// GitHub Actions workflow commands: one annotation per finding, shown on the PR diff. GitHub
// shows at most 10 annotations per level per step, so the rest are counted in one notice that
// points to the SARIF upload and the job summary.
import type { Finding, ScanError, ScanResult } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';
import { redactValues } from '../core/redact.js';
import { sortErrors, sortFindings } from './finding-order.js';
import type { ReporterContext } from './types.js';

export const MAX_ANNOTATIONS_PER_LEVEL = 10;

/** Escapes a workflow command's message (the part after `::`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command property value (`file=`, `title=`, ...). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Level = 'error' | 'warning';

interface Annotation {
  level: Level;
  properties: Array<[string, string | number]>;
  message: string;
}

function command({ level, properties, message }: Annotation): string {
  const props = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${level} ${props}::${escapeData(message)}`;
}

/** The first sentence of a rule's fix: short enough for an annotation. */
export function shortFix(meta: RuleMeta | undefined): string | undefined {
  const fix = meta?.fix.trim();
  if (!fix) return undefined;
  // A sentence ends at `.`/`!`/`?` before a capital letter or the end: `e.g. redact()` does not end one.
  const end = /[.!?](?=\s+[A-Z]|\s*$)/.exec(fix);
  return end ? fix.slice(0, end.index + 1) : fix;
}

function findingAnnotation(finding: Finding, meta: RuleMeta | undefined): Annotation {
  const lines = [finding.message];
  if (finding.secretId) lines.push(`Secret: ${finding.secretId}${finding.envName ? ` (${finding.envName})` : ''}`);
  else if (finding.envName) lines.push(`Env name: ${finding.envName}`);
  const fix = shortFix(meta);
  if (fix) lines.push(`Fix: ${fix}`);
  return {
    level: finding.severity === 'error' ? 'error' : 'warning',
    properties: [
      ['file', finding.file],
      ['line', finding.line],
      ['col', finding.column],
      ['endLine', finding.endLine],
      ['endColumn', finding.endColumn],
      ['title', `clavis-lint ${finding.ruleId}`],
    ],
    message: lines.join('\n'),
  };
}

function errorAnnotation(error: ScanError): Annotation {
  const properties: Array<[string, string | number]> = [['file', error.file]];
  if (error.line !== undefined) properties.push(['line', error.line]);
  if (error.column !== undefined) properties.push(['col', error.column]);
  properties.push(['title', 'clavis-lint: file not analysed']);
  return { level: 'warning', properties, message: redactValues(error.message) };
}

export function toGithubAnnotations(result: ScanResult, ctx: ReporterContext): string {
  const metaById = new Map(ctx.rules.map((meta) => [meta.id, meta]));
  const annotations = [
    ...sortFindings(result.findings).map((finding) => findingAnnotation(finding, metaById.get(finding.ruleId))),
    ...sortErrors(result.errors).map(errorAnnotation),
  ];
  const lines: string[] = [];
  const hidden: Record<Level, number> = { error: 0, warning: 0 };
  for (const level of ['error', 'warning'] as const) {
    const ofLevel = annotations.filter((a) => a.level === level);
    lines.push(...ofLevel.slice(0, MAX_ANNOTATIONS_PER_LEVEL).map(command));
    hidden[level] = Math.max(0, ofLevel.length - MAX_ANNOTATIONS_PER_LEVEL);
  }
  if (hidden.error + hidden.warning > 0) {
    const parts = [];
    if (hidden.error > 0) parts.push(`${hidden.error} more ${hidden.error === 1 ? 'error' : 'errors'}`);
    if (hidden.warning > 0) parts.push(`${hidden.warning} more ${hidden.warning === 1 ? 'warning' : 'warnings'}`);
    lines.push(
      `::notice title=${escapeProperty('clavis-lint')}::${escapeData(
        `${parts.join(' and ')} not shown as annotations (GitHub shows at most ${MAX_ANNOTATIONS_PER_LEVEL} per level). See the code scanning alerts from the SARIF upload or the job summary for all of them.`,
      )}`,
    );
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
