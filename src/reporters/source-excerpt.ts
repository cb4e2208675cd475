// The source line under a finding and a caret under its range, as a terminal shows them:
// UTF-16 columns become display columns (tabs to tab stops, wide CJK/emoji as two cells,
// combining marks as none), long minified lines are windowed, and control characters are
// neutralised so a scanned file cannot drive the terminal (ANSI escapes, Trojan Source bidi).

const TAB_WIDTH = 4;
const MAX_EXCERPT_UNITS = 160;
const CONTEXT_BEFORE_UNITS = 40;
const ELLIPSIS = '…';

// C0 (but tab), DEL, C1, and bidi embedding/override/isolate controls.
const UNSAFE_CHARACTER = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Replaces characters that could drive a terminal; keeps the UTF-16 length (one unit for one unit). */
export function neutraliseControlCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTER, '\uFFFD');
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200B-\u200F\uFE00-\uFE0F]$/u;

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x115f) ||
    (codePoint >= 0x2e80 && codePoint <= 0xa4cf && codePoint !== 0x303f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7a3) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xff60) ||
    (codePoint >= 0xffe0 && codePoint <= 0xffe6) ||
    (codePoint >= 0x1f300 && codePoint <= 0x1f64f) ||
    (codePoint >= 0x1f900 && codePoint <= 0x1f9ff) ||
    (codePoint >= 0x20000 && codePoint <= 0x3fffd)
  );
}

function cellWidth(character: string): number {
  if (ZERO_WIDTH.test(character)) return 0;
  return isWide(character.codePointAt(0)!) ? 2 : 1;
}

function isLowSurrogate(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  return unit >= 0xdc00 && unit <= 0xdfff;
}

export interface ExcerptRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Excerpt {
  /** The line as displayed (tabs expanded, maybe windowed with `…`). */
  source: string;
  /** Spaces then at least one `^`, aligned under the range's part on this line. */
  caret: string;
}

/** JavaScript's `\s`, one UTF-16 unit at a time. */
const WHITESPACE_UNIT = /\s/;

/** The length of `text` without its trailing whitespace, found from the end (no regex over the whole line). */
function trimmedLength(text: string): number {
  let end = text.length;
  while (end > 0 && WHITESPACE_UNIT.test(text[end - 1])) end--;
  return end;
}

/**
 * Renders the first line of `range` from `lineText` (the text of line `range.line`). Only the
 * shown window is touched, so the cost per finding is bounded whatever the line's length (a
 * minified file has thousands of findings on one line of megabytes).
 */
export function renderExcerpt(lineText: string, range: ExcerptRange): Excerpt {
  const length = trimmedLength(lineText);
  let caretStart = Math.min(Math.max(range.column - 1, 0), length);
  let caretEnd = range.endLine > range.line ? length : Math.min(Math.max(range.endColumn - 1, caretStart), length);
  if (caretStart < length && isLowSurrogate(lineText, caretStart)) caretStart -= 1;
  if (caretEnd < length && isLowSurrogate(lineText, caretEnd)) caretEnd += 1;

  let from = 0;
  let to = length;
  if (length > MAX_EXCERPT_UNITS) {
    from = Math.max(0, caretStart - CONTEXT_BEFORE_UNITS);
    to = Math.min(length, from + MAX_EXCERPT_UNITS);
    if (from > 0 && isLowSurrogate(lineText, from)) from += 1;
    if (to < length && isLowSurrogate(lineText, to)) to -= 1;
    caretEnd = Math.min(caretEnd, to);
  }
  // Neutralising keeps the length, so it can be applied to the window alone.
  const text = neutraliseControlCharacters(lineText.slice(from, to));

  let source = from > 0 ? ELLIPSIS : '';
  let width = source.length;
  let caretStartCell = width;
  let caretEndCell = width;
  let index = from;
  while (index < to) {
    if (index === caretStart) caretStartCell = width;
    if (index === caretEnd) caretEndCell = width;
    const character = String.fromCodePoint(text.codePointAt(index - from)!);
    if (character === '\t') {
      const spaces = TAB_WIDTH - (width % TAB_WIDTH);
      source += ' '.repeat(spaces);
      width += spaces;
    } else {
      source += character;
      width += cellWidth(character);
    }
    index += character.length;
  }
  if (caretStart >= to) caretStartCell = width;
  if (caretEnd >= to) caretEndCell = width;
  if (to < length) source += ELLIPSIS;

  const caretCells = Math.max(1, caretEndCell - caretStartCell);
  return { source, caret: ' '.repeat(caretStartCell) + '^'.repeat(caretCells) };
}
