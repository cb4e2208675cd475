// The one-line verdict shared by the text reporter and the job summary.
import type { Finding, ScanResult } from '../core/finding.js';

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

export interface FindingCounts {
  problems: number;
  errors: number;
  warnings: number;
  /** Files with at least one finding. */
  files: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return {
    problems: findings.length,
    errors,
    warnings: findings.length - errors,
    files: new Set(findings.map((f) => f.file)).size,
  };
}

/** `N problems (E errors, W warnings) in F files` or `No problems (N files scanned)`, without the mark. */
export function summaryText(result: ScanResult): string {
  const counts = countFindings(result.findings);
  if (counts.problems === 0) return `No problems (${plural(result.stats.files, 'file')} scanned)`;
  return `${plural(counts.problems, 'problem')} (${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}) in ${plural(counts.files, 'file')}`;
}
