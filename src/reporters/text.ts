// Human output for terminals: findings grouped by file, each with its source line and a caret,
// leak flows as numbered steps, the count of findings per rule, a one-line verdict, then the
// files that could not be analysed. Paths as the CLI shows them (relative to where it ran), rule
// ids as links to their docs where the terminal supports links.
import { createColors } from 'picocolors';
import type { Finding, ScanError, ScanResult } from '../core/finding.js';
import type { FlowStep } from '../core/facts.js';
import { redactSourceLine, redactValues } from '../core/redact.js';
import { isMaskedByPosition } from '../core/value-masking.js';
import { sortErrors, sortFindings } from './finding-order.js';
import { neutraliseControlCharacters as safe, renderExcerpt } from './source-excerpt.js';
import { plural, summaryText } from './summary.js';
import { osc8Link, ruleDocsUrl, type ReporterContext } from './types.js';

type Colors = ReturnType<typeof createColors>;

const SEVERITY_WIDTH = 'warning'.length;
const FIXABLE_MARK = '[*]';

function groupByFile(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file);
    if (group) group.push(finding);
    else groups.set(finding.file, [finding]);
  }
  return groups;
}

/** Redacted lines by source array and index: a minified line with thousands of findings is redacted once, not once per finding. */
const redactedLines = new WeakMap<readonly string[], Map<number, string>>();

function redactedLine(file: string, lines: readonly string[], index: number): string {
  let cache = redactedLines.get(lines);
  if (!cache) redactedLines.set(lines, (cache = new Map()));
  let line = cache.get(index);
  if (line === undefined) cache.set(index, (line = maskedLine(file, lines, index)));
  return line;
}

/**
 * The engine masks values by position; masking value-like tokens again keeps the invariant. Lines
 * that did not come from the engine (a caller skipped it) get whole config values masked by look.
 */
function maskedLine(file: string, lines: readonly string[], index: number): string {
  return isMaskedByPosition(lines) ? redactValues(lines[index]) : redactSourceLine(file, lines[index]);
}

function excerptLines(finding: Finding, ctx: ReporterContext, c: Colors): string[] {
  const lines = ctx.sourceLines?.(finding.file);
  if (lines?.[finding.line - 1] === undefined) return [];
  // The engine redacts already; redacting again here keeps the invariant if a caller forgets.
  const excerpt = renderExcerpt(redactedLine(finding.file, lines, finding.line - 1), finding);
  const gutter = String(finding.line);
  const paint = finding.severity === 'error' ? c.red : c.yellow;
  return [
    `    ${c.dim(`${gutter} |`)} ${excerpt.source}`,
    `    ${c.dim(`${' '.repeat(gutter.length)} |`)} ${paint(excerpt.caret)}`,
  ];
}

/** How a root-relative path is shown: relative to where the command ran, when the CLI says so. */
function shownPath(ctx: ReporterContext, file: string): string {
  return ctx.displayPath ? ctx.displayPath(file) : file;
}

/** A rule id, as a link to its docs where the terminal supports links (OSC 8). */
function ruleLabel(ruleId: string, ctx: ReporterContext): string {
  return ctx.hyperlinks ? osc8Link(ruleId, ruleDocsUrl(ruleId)) : ruleId;
}

function flowLines(flow: FlowStep[], ctx: ReporterContext, c: Colors): string[] {
  const lines = [`    ${c.dim('flow:')}`];
  flow.forEach((step, index) => {
    lines.push(`      ${index + 1}. ${c.cyan(safe(`${shownPath(ctx, step.file)}:${step.line}:${step.column}`))} ${safe(step.note)}`);
  });
  return lines;
}

function findingLines(finding: Finding, position: string, positionWidth: number, ctx: ReporterContext, c: Colors): string[] {
  const severity = finding.severity.padEnd(SEVERITY_WIDTH);
  const paintedSeverity = finding.severity === 'error' ? c.red(severity) : c.yellow(severity);
  // `[*]` (as Ruff marks it): `--fix` can fix this one.
  const fixable = finding.fix ? `${c.cyan(FIXABLE_MARK)} ` : '';
  const head = `  ${c.dim(position.padEnd(positionWidth))}  ${paintedSeverity}  ${fixable}${safe(finding.message)}  ${c.dim(ruleLabel(finding.ruleId, ctx))}`;
  const lines = [head, ...excerptLines(finding, ctx, c)];
  if (finding.flow && finding.flow.length > 0) lines.push(...flowLines(finding.flow, ctx, c));
  return lines;
}

function fileSection(file: string, findings: Finding[], ctx: ReporterContext, c: Colors): string[] {
  const positions = findings.map((f) => `${f.line}:${f.column}`);
  const width = Math.max(...positions.map((p) => p.length));
  const lines = [c.underline(safe(shownPath(ctx, file)))];
  findings.forEach((finding, index) => lines.push(...findingLines(finding, positions[index], width, ctx, c)));
  return lines;
}

function suppressedSection(suppressed: Finding[], ctx: ReporterContext, c: Colors): string[] {
  const lines = [c.dim(`${plural(suppressed.length, 'suppressed finding')}:`)];
  for (const finding of suppressed) {
    const how = finding.suppression ? ` (${finding.suppression.kind}: ${safe(redactValues(finding.suppression.justification))})` : '';
    lines.push(c.dim(`  ${safe(shownPath(ctx, finding.file))}:${finding.line}:${finding.column}  ${finding.ruleId}${how}`));
  }
  return lines;
}

function errorLine(error: ScanError, ctx: ReporterContext): string {
  const position = error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : '';
  return `  ${safe(shownPath(ctx, error.file))}${position}: ${safe(redactValues(error.message))}`;
}

/** `  3  no-direct-env-read`: how many findings each rule has, most first (then by id), so the worst offender is on top. */
function ruleCountLines(findings: Finding[], ctx: ReporterContext, c: Colors): string[] {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.ruleId, (counts.get(finding.ruleId) ?? 0) + 1);
  const rows = [...counts].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0));
  const width = String(rows[0]?.[1] ?? 0).length;
  return [c.dim('Problems by rule:'), ...rows.map(([id, count]) => `  ${String(count).padStart(width)}  ${ruleLabel(id, ctx)}`)];
}

export function toText(result: ScanResult, ctx: ReporterContext): string {
  const c = createColors(ctx.color);
  const findings = sortFindings(result.findings);
  const out: string[] = [];
  for (const [file, group] of groupByFile(findings)) {
    out.push(...fileSection(file, group, ctx, c), '');
  }
  if (ctx.includeSuppressed && result.suppressed.length > 0) {
    out.push(...suppressedSection(sortFindings(result.suppressed), ctx, c), '');
  }
  if (findings.length > 0) out.push(...ruleCountLines(findings, ctx, c), '');
  const verdict = summaryText(result);
  if (findings.length === 0) out.push(c.green(`✔ ${verdict}`));
  else out.push(c.bold(findings.some((f) => f.severity === 'error') ? c.red(`✖ ${verdict}`) : c.yellow(`✖ ${verdict}`)));
  if (result.errors.length > 0) {
    const files = new Set(result.errors.map((e) => e.file)).size;
    out.push('', c.yellow(`${plural(files, 'file')} could not be analysed:`));
    out.push(...sortErrors(result.errors).map((error) => errorLine(error, ctx)));
  }
  const fixable = findings.filter((f) => f.fix).length;
  if (fixable > 0) out.push('', `${c.cyan(FIXABLE_MARK)} ${plural(fixable, 'problem')} fixable with --fix`);
  return `${out.join('\n')}\n`;
}
