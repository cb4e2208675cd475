// Which findings become annotations. GitHub shows at most 10 per level per step, so the ones on
// lines the pull request changed go first: those are the ones the author can act on now.
import type { Finding } from '../core/finding.js';
import type { ChangedLines } from '../core/changed-lines.js';
import type { RuleMeta } from '../core/rule.js';
import { shortFix } from '../reporters/github.js';

export const MAX_ANNOTATIONS_PER_LEVEL = 10;

export interface AnnotationSpec {
  level: 'error' | 'warning';
  message: string;
  title: string;
  /** Relative to the workspace (the repository root), as GitHub expects. */
  file: string;
  startLine: number;
  endLine: number;
  startColumn?: number;
  endColumn?: number;
}

export function touchesChangedLines(finding: Finding, changed: ChangedLines | undefined): boolean {
  const lines = changed?.get(finding.file);
  if (!lines) return false;
  if (lines.has(Number.POSITIVE_INFINITY)) return true;
  for (let line = finding.line; line <= finding.endLine; line++) if (lines.has(line)) return true;
  return false;
}

export function annotationText(finding: Finding, meta: RuleMeta | undefined): string {
  const lines = [finding.message];
  const secret = finding.secretId ?? finding.envName;
  lines.push(`Secret: ${secret ? `${secret}${finding.secretId && finding.envName ? ` (${finding.envName})` : ''}` : 'none (not a registry secret)'}`);
  const fix = shortFix(meta);
  if (fix) lines.push(`Fix: ${fix}`);
  return lines.join('\n');
}

/** Up to `max` annotations per level, findings on changed lines first, then in report order. */
export function selectAnnotations(
  findings: Finding[],
  options: { changed?: ChangedLines; rules: RuleMeta[]; toWorkspacePath: (file: string) => string; max?: number },
): { annotations: AnnotationSpec[]; hidden: { error: number; warning: number } } {
  const max = options.max ?? MAX_ANNOTATIONS_PER_LEVEL;
  const metaById = new Map(options.rules.map((meta) => [meta.id, meta]));
  const annotations: AnnotationSpec[] = [];
  const hidden = { error: 0, warning: 0 };
  for (const level of ['error', 'warning'] as const) {
    const ofLevel = findings.filter((f) => f.severity === level);
    // A stable partition keeps the engine's deterministic order inside each group.
    const ordered = [...ofLevel.filter((f) => touchesChangedLines(f, options.changed)), ...ofLevel.filter((f) => !touchesChangedLines(f, options.changed))];
    for (const finding of ordered.slice(0, max)) {
      const singleLine = finding.line === finding.endLine;
      annotations.push({
        level,
        title: `clavis-lint ${finding.ruleId}${finding.secretId ? ` (${finding.secretId})` : ''}`,
        message: annotationText(finding, metaById.get(finding.ruleId)),
        file: options.toWorkspacePath(finding.file),
        startLine: finding.line,
        endLine: finding.endLine,
        // GitHub ignores columns on multi-line annotations.
        ...(singleLine ? { startColumn: finding.column, endColumn: finding.endColumn } : {}),
      });
    }
    hidden[level] = Math.max(0, ordered.length - max);
  }
  return { annotations, hidden };
}
