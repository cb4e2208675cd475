// One deterministic order for every reporter, whatever order the engine hands findings in.
import type { Finding, ScanError } from '../core/finding.js';
import { compareCodeUnits } from '../core/compare.js';

// Code-unit order, not locale order: identical on every machine.
const compareText = compareCodeUnits;

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.endLine - b.endLine ||
    a.endColumn - b.endColumn ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function sortErrors(errors: readonly ScanError[]): ScanError[] {
  return [...errors].sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.message, b.message),
  );
}

export function compareByText(a: string, b: string): number {
  return compareText(a, b);
}
