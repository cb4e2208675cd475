// `--format compact`: one line per finding, `path:line:col: severity rule-id message`, as ESLint's
// `unix` and Ruff's concise formats print them, so editors' error lists (vim errorformat, VS Code
// problem matchers) and grep read them. Then the verdict, and the files that could not be analysed.
import type { Finding, ScanError, ScanResult } from '../core/finding.js';
import { redactValues } from '../core/redact.js';
import { sortErrors, sortFindings } from './finding-order.js';
import { neutraliseControlCharacters as safe } from './source-excerpt.js';
import { plural, summaryText } from './summary.js';
import type { ReporterContext } from './types.js';

const FIXABLE_MARK = '[*]';

function findingLine(finding: Finding, shown: (file: string) => string): string {
  const fixable = finding.fix ? `${FIXABLE_MARK} ` : '';
  return `${safe(shown(finding.file))}:${finding.line}:${finding.column}: ${finding.severity} ${finding.ruleId} ${fixable}${safe(redactValues(finding.message))}`;
}

function errorLine(error: ScanError, shown: (file: string) => string): string {
  const position = error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : '';
  return `${safe(shown(error.file))}${position}: ${safe(redactValues(error.message))}`;
}

export function toCompact(result: ScanResult, ctx: ReporterContext): string {
  const shown = ctx.displayPath ?? ((file: string) => file);
  const findings = sortFindings(result.findings);
  const out = findings.map((finding) => findingLine(finding, shown));
  // Nothing at all for a clean run, as `unix` does; otherwise the verdict after a blank line.
  if (findings.length > 0) out.push('', summaryText(result));
  const fixable = findings.filter((f) => f.fix).length;
  if (fixable > 0) out.push(`${FIXABLE_MARK} ${plural(fixable, 'problem')} fixable with --fix`);
  if (result.errors.length > 0) {
    const files = new Set(result.errors.map((e) => e.file)).size;
    out.push(...(out.length > 0 ? [''] : []), `${plural(files, 'file')} could not be analysed:`, ...sortErrors(result.errors).map((e) => errorLine(e, shown)));
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
