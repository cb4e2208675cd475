// The stable machine contract (DESIGN §3). Keys are written in a fixed order, so the same scan
// gives the same bytes. `stats.ms` stays in the contract but is 0 unless timing was asked for
// (`--timing`): wall-clock time would make every report differ from the last.
import type { Finding, ScanError, ScanResult } from '../core/finding.js';
import type { FlowStep } from '../core/facts.js';
import type { Fix } from '../core/rule.js';
import { redactValues } from '../core/redact.js';
import { compareByText, sortErrors, sortFindings } from './finding-order.js';
import type { ReporterContext } from './types.js';

function flowStepJson(step: FlowStep): Record<string, unknown> {
  return {
    file: step.file,
    line: step.line,
    column: step.column,
    ...(step.endLine !== undefined ? { endLine: step.endLine } : {}),
    ...(step.endColumn !== undefined ? { endColumn: step.endColumn } : {}),
    note: step.note,
  };
}

function findingJson(finding: Finding, withSuppression: boolean): Record<string, unknown> {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    secretId: finding.secretId ?? null,
    envName: finding.envName ?? null,
    fingerprint: finding.fingerprint,
    ...(finding.flow && finding.flow.length > 0 ? { flow: finding.flow.map(flowStepJson) } : {}),
    ...(finding.also && finding.also.length > 0 ? { also: [...finding.also] } : {}),
    // DESIGN §10: the edits `--fix` would make (names only, never a value) and `fixable: true`.
    ...(finding.fix && finding.fix.edits.length > 0 ? { fixable: true, fix: fixJson(finding.fix) } : {}),
    ...(withSuppression && finding.suppression
      ? { suppression: { kind: finding.suppression.kind, justification: redactValues(finding.suppression.justification) } }
      : {}),
  };
}

function fixJson(fix: Fix): Record<string, unknown> {
  return {
    edits: fix.edits.map((edit) => ({
      file: edit.file,
      range: { line: edit.range.line, column: edit.range.column, endLine: edit.range.endLine, endColumn: edit.range.endColumn },
      text: edit.text,
    })),
  };
}

function errorJson(error: ScanError): Record<string, unknown> {
  return {
    file: error.file,
    // Parser messages can quote source text; mask anything value-like (DESIGN §7).
    message: redactValues(error.message),
    ...(error.line !== undefined ? { line: error.line } : {}),
    ...(error.column !== undefined ? { column: error.column } : {}),
  };
}

function sortedRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareByText(a, b)));
}

export function toJson(result: ScanResult, ctx: ReporterContext): string {
  const output = {
    version: 1,
    tool: { name: 'clavis-lint', version: ctx.toolVersion },
    findings: sortFindings(result.findings).map((f) => findingJson(f, false)),
    stats: {
      files: result.stats.files,
      filesByLanguage: sortedRecord(result.stats.filesByLanguage),
      ms: ctx.timing ? result.stats.ms : 0,
      // Files the cheap text test skipped (never parsed): a function of the tree, config and registry, so always written.
      prefiltered: result.stats.prefiltered ?? 0,
      // With --timing only: the project leak pass's part of ms (bench/real-repos.js prints its share).
      ...(ctx.timing && result.stats.leakMs !== undefined ? { leakMs: result.stats.leakMs } : {}),
      // With --timing only: ms split by phase of the scan (src/core/phase-clock.ts), in scan order.
      ...(ctx.timing && result.stats.phases !== undefined ? { phases: result.stats.phases } : {}),
    },
    errors: sortErrors(result.errors).map(errorJson),
    // Not part of the default contract: only on request, after every contract key.
    ...(ctx.includeSuppressed ? { suppressed: sortFindings(result.suppressed).map((f) => findingJson(f, true)) } : {}),
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}
