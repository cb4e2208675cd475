// One nesting limit for every front end, independent of the thread's stack.
//
// Parsers and walkers recurse, and how deep they get before the stack runs out depends on where
// they run (the main thread has about 1 MB, a worker 4 MB) and even on what the JIT has compiled
// so far. Results must not: a construct nested deeper than MAX_NESTING_DEPTH syntax-tree levels
// is cut out of the text before anything walks it (its characters become spaces, so every other
// position stays where it was), reported as an errors[] entry with its line, and the rest of the
// file is analysed as usual. Real code stays far below the limit (the deepest file in our
// corpora has 99 levels), and so does every parser and walker's stack at it: on the main thread's
// 1 MB, the shallowest overflow we measured was the TypeScript leak analysis at about 1,000
// levels of parentheses (the parser's own recursion is bounded separately, see
// typescript/nesting-guard.ts).
import type { FileError } from '../core/facts.js';

export const MAX_NESTING_DEPTH = 400;

/** At most this many entries per file; more deep constructs are summed up in one more entry. */
const MAX_ENTRIES_PER_FILE = 10;

export interface TextRange {
  start: number;
  end: number;
}

/**
 * The text with every character of the ranges replaced by a space, line breaks kept: lines and
 * UTF-16 columns of everything else are unchanged. Blanking only removes tokens, so it never
 * makes anything deeper.
 */
export function blankRanges(text: string, ranges: readonly TextRange[]): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    parts.push(text.slice(at, from), text.slice(from, end).replace(/[^\r\n]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** 1-based lines of the given offsets (any order). */
export function linesOf(text: string, offsets: readonly number[]): number[] {
  const order = offsets.map((offset, index) => ({ offset, index })).sort((a, b) => a.offset - b.offset);
  const lines = new Array<number>(offsets.length);
  let line = 1;
  let at = 0;
  for (const { offset, index } of order) {
    for (; at < offset && at < text.length; at++) if (text.charCodeAt(at) === 10) line++;
    lines[index] = line;
  }
  return lines;
}

/** The errors[] entries for constructs cut at the given 1-based lines. */
export function nestingErrors(file: string, lines: readonly number[]): FileError[] {
  const unique = [...new Set(lines)].sort((a, b) => a - b);
  const shown = unique.slice(0, MAX_ENTRIES_PER_FILE).map((line) => ({
    file,
    line,
    message: `nesting deeper than ${MAX_NESTING_DEPTH} at line ${line}; the rest of this construct was not analysed`,
  }));
  const more = unique.length - shown.length;
  if (more > 0) {
    shown.push({
      file,
      line: unique[MAX_ENTRIES_PER_FILE],
      message: `nesting deeper than ${MAX_NESTING_DEPTH} in ${more} more construct(s) from line ${unique[MAX_ENTRIES_PER_FILE]} on; they were not analysed`,
    });
  }
  return shown;
}
