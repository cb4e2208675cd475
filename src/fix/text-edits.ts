// Applying fix edits to a file's text: positions to offsets, the checks that make an edit
// certain, and the file's own line endings. Pure: text in, text out.
import type { Range } from '../core/facts.js';
import type { FixEdit } from '../core/rule.js';

/** An edit placed in the text: `[start, end)` in UTF-16 offsets, with the text to insert (line endings already the file's). */
export interface PlacedEdit {
  edit: FixEdit;
  start: number;
  end: number;
  text: string;
}

/** Why an edit cannot be applied; the fix it belongs to is skipped whole. */
export type EditProblem = 'position' | 'stale' | 'token';

/** Offsets where each line starts; lines end at `\n` (a `\r` before it belongs to the line break, not to columns). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineContentEnd(text: string, starts: readonly number[], index: number): number {
  const next = index + 1 < starts.length ? starts[index + 1] - 1 : text.length;
  return next > starts[index] && text[next - 1] === '\r' && next < text.length ? next - 1 : next;
}

/** The offset of a 1-based line and UTF-16 column; undefined when the position is not in the text. */
export function offsetOf(text: string, starts: readonly number[], line: number, column: number): number | undefined {
  const index = line - 1;
  if (!Number.isInteger(line) || !Number.isInteger(column) || index < 0 || index >= starts.length || column < 1) return undefined;
  const offset = starts[index] + column - 1;
  return offset <= lineContentEnd(text, starts, index) ? offset : undefined;
}

/** `\r\n` when most line breaks of the text are CRLF, else `\n`: inserted lines keep the file's style. */
export function lineEndingOf(text: string): '\r\n' | '\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (i > 0 && text[i - 1] === '\r') crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Places an edit, or says why it is not certain: the range must exist, must hold exactly the
 * text the rule saw (`expected`), and a rename must cover a whole token (no name character on
 * either side: `STRIPE_KEY` inside `STRIPE_KEY_OLD` is never touched).
 */
export function placeEdit(text: string, starts: readonly number[], edit: FixEdit, eol: string): PlacedEdit | EditProblem {
  const start = offsetOf(text, starts, edit.range.line, edit.range.column);
  const end = offsetOf(text, starts, edit.range.endLine, edit.range.endColumn);
  if (start === undefined || end === undefined || end < start) return 'position';
  if (text.slice(start, end) !== edit.expected) return 'stale';
  if (edit.expected !== '' && (NAME_CHAR.test(text[start - 1] ?? '') || NAME_CHAR.test(text[end] ?? ''))) return 'token';
  return { edit, start, end, text: edit.text.replace(/\r?\n/g, eol) };
}

/**
 * Two edits conflict when they change a common character, or one inserts strictly inside the
 * other's range. Insertions at one point do not conflict: they go in, in the order given.
 */
export function conflicts(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) return false;
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Applies non-conflicting placed edits; ties at one offset keep their given order (insertions first). */
export function applyPlaced(text: string, edits: readonly PlacedEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((x, y) => x.edit.start - y.edit.start || x.edit.end - y.edit.end || x.index - y.index);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of ordered) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function sameRange(a: Range, b: Range): boolean {
  return a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}
