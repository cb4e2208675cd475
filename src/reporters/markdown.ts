// The GitHub job summary: the verdict, counts by rule and by secret, the top findings, the files
// that could not be analysed, and how to suppress or baseline. Every cell is escaped: file names
// and messages must not turn into HTML, links or broken tables.
import type { Finding, ScanResult } from '../core/finding.js';
import { redactValues } from '../core/redact.js';
import { compareByText, sortErrors, sortFindings } from './finding-order.js';
import { markdownCell, markdownCode } from './markdown-text.js';
import { countFindings, plural, summaryText } from './summary.js';
import { ruleDocsUrl, type ReporterContext } from './types.js';

export const MAX_SUMMARY_FINDINGS = 20;
export const MAX_SUMMARY_ERRORS = 20;

function table(header: string[], align: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

function countsByRule(findings: Finding[]): string {
  const byRule = new Map<string, { errors: number; warnings: number }>();
  for (const finding of findings) {
    const counts = byRule.get(finding.ruleId) ?? { errors: 0, warnings: 0 };
    if (finding.severity === 'error') counts.errors += 1;
    else counts.warnings += 1;
    byRule.set(finding.ruleId, counts);
  }
  const rows = [...byRule.entries()]
    .sort(([a, x], [b, y]) => y.errors + y.warnings - (x.errors + x.warnings) || compareByText(a, b))
    .map(([rule, counts]) => [`[${markdownCode(rule)}](${ruleDocsUrl(rule)})`, String(counts.errors), String(counts.warnings)]);
  return table(['Rule', 'Errors', 'Warnings'], ['---', '---:', '---:'], rows);
}

function countsBySecret(findings: Finding[]): string {
  const bySecret = new Map<string, number>();
  for (const finding of findings) {
    const key = finding.secretId ?? finding.envName ?? '';
    bySecret.set(key, (bySecret.get(key) ?? 0) + 1);
  }
  const rows = [...bySecret.entries()]
    .sort(([a, x], [b, y]) => y - x || compareByText(a, b))
    .map(([secret, count]) => [secret ? markdownCode(secret) : '_none_', String(count)]);
  return table(['Secret', 'Findings'], ['---', '---:'], rows);
}

function topFindings(findings: Finding[]): string {
  // Errors first, then position order: the most important ones make the cut.
  const top = [...findings]
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
    .slice(0, MAX_SUMMARY_FINDINGS);
  const rows = top.map((f) => [
    markdownCode(`${f.file}:${f.line}`),
    f.severity === 'error' ? 'error' : 'warning',
    markdownCode(f.ruleId),
    f.secretId ? markdownCode(f.secretId) : f.envName ? markdownCode(f.envName) : '',
    markdownCell(f.message),
  ]);
  const body = table(['Location', 'Severity', 'Rule', 'Secret', 'Message'], ['---', '---', '---', '---', '---'], rows);
  if (findings.length <= MAX_SUMMARY_FINDINGS) return body;
  return `${body}\n\n_Showing ${top.length} of ${findings.length} findings. The code scanning alerts (SARIF) and \`--format json\` list all of them._`;
}

function errorsSection(result: ScanResult): string {
  const errors = sortErrors(result.errors);
  const rows = errors.slice(0, MAX_SUMMARY_ERRORS).map((e) => [
    markdownCode(e.line !== undefined ? `${e.file}:${e.line}${e.column !== undefined ? `:${e.column}` : ''}` : e.file),
    markdownCell(redactValues(e.message)),
  ]);
  const more = errors.length > MAX_SUMMARY_ERRORS ? `\n\n_And ${errors.length - MAX_SUMMARY_ERRORS} more._` : '';
  return `### Files not analysed\n\n${table(['File', 'Reason'], ['---', '---'], rows)}${more}`;
}

const HOW_TO_SUPPRESS = `### How to suppress or baseline

- Fix the finding: each rule's documentation (linked above) says how.
- Suppress one line with a reason, in the file's comment syntax:
  \`// clavis-lint-disable-next-line RULE -- reason\` (or \`clavis-lint-disable-line\` at the end of the line).
  The reason is required, and unused directives are reported.
- Adopt on an existing codebase: run \`clavis-lint --update-baseline\` to record today's findings, then
  \`clavis-lint --baseline FILE\` so that only new findings fail the check.`;

export function toMarkdown(result: ScanResult, ctx: ReporterContext): string {
  const findings = sortFindings(result.findings);
  const counts = countFindings(findings);
  const mark = counts.problems === 0 ? '✔' : counts.errors > 0 ? '✖' : '⚠';
  const sections = [`## clavis-lint ${markdownCell(ctx.toolVersion)}`, `${mark} **${summaryText(result)}**`];
  if (findings.length > 0) {
    sections.push(`### Findings by rule\n\n${countsByRule(findings)}`);
    sections.push(`### Findings by secret\n\n${countsBySecret(findings)}`);
    sections.push(`### Top findings\n\n${topFindings(findings)}`);
  }
  if (result.suppressed.length > 0) sections.push(`_${plural(result.suppressed.length, 'finding')} suppressed inline or by the baseline._`);
  if (result.errors.length > 0) sections.push(errorsSection(result));
  if (findings.length > 0) sections.push(HOW_TO_SUPPRESS);
  return `${sections.join('\n\n')}\n`;
}
