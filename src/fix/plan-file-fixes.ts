// Which fixes of one file go in, in a deterministic way: fixes are taken in the order given
// (the report's order); a fix whose edit conflicts with one already taken is skipped whole and
// left for the next pass (the CLI scans again and retries it on the new text). Pure.
import type { Fix } from '../core/rule.js';
import { applyPlaced, conflicts, lineEndingOf, lineStarts, placeEdit, type EditProblem, type PlacedEdit } from './text-edits.js';

export type SkipReason = EditProblem | 'overlap' | 'other-file';

export interface FilePlanResult {
  /** The text with the taken fixes applied (equal to the input when none was). */
  after: string;
  /** Indexes (into the given fixes) of the fixes applied. */
  applied: number[];
  skipped: Array<{ index: number; reason: SkipReason }>;
}

function sameEdit(a: PlacedEdit, b: PlacedEdit): boolean {
  return a.start === b.start && a.end === b.end && a.text === b.text;
}

/**
 * Plans the fixes of `file` over its text (without a BOM). Identical edits proposed twice (two
 * findings on one token) are made once.
 */
export function planFileFixes(file: string, text: string, fixes: readonly Fix[]): FilePlanResult {
  const starts = lineStarts(text);
  const eol = lineEndingOf(text);
  const taken: PlacedEdit[] = [];
  const applied: number[] = [];
  const skipped: FilePlanResult['skipped'] = [];
  fixes.forEach((fix, index) => {
    if (fix.edits.some((edit) => edit.file !== file)) return void skipped.push({ index, reason: 'other-file' });
    const placed: PlacedEdit[] = [];
    for (const edit of fix.edits) {
      const result = placeEdit(text, starts, edit, eol);
      if (typeof result === 'string') return void skipped.push({ index, reason: result });
      placed.push(result);
    }
    const fresh = placed.filter((p) => !taken.some((t) => sameEdit(t, p)));
    const clash = fresh.some((p, i) => taken.some((t) => conflicts(t, p)) || fresh.some((q, j) => j < i && conflicts(q, p)));
    if (clash) return void skipped.push({ index, reason: 'overlap' });
    taken.push(...fresh);
    applied.push(index);
  });
  return { after: taken.length > 0 ? applyPlaced(text, taken) : text, applied, skipped };
}
