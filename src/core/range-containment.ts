// "Does any of these ranges contain this one?" in O(log n) per question, for rules that pair two
// kinds of facts by position. Asking every range for every fact is quadratic, and a minified
// file holds tens of thousands of both.
import type { Range } from './facts.js';

/** A position as one comparable pair: [line, column]. */
function before(aLine: number, aColumn: number, bLine: number, bColumn: number): boolean {
  return aLine < bLine || (aLine === bLine && aColumn < bColumn);
}

/** Returns a test: true when some range in `ranges` contains `inner` (ends inclusive, as `within`). */
export function containmentIndex(ranges: readonly Range[]): (inner: Range) => boolean {
  const sorted = [...ranges].sort((a, b) => a.line - b.line || a.column - b.column);
  // furthest[i]: the latest end among sorted[0..i], so one lookup answers for every range starting earlier.
  const furthest: Array<{ line: number; column: number }> = [];
  for (const range of sorted) {
    const previous = furthest[furthest.length - 1];
    const end = { line: range.endLine, column: range.endColumn };
    furthest.push(previous && before(end.line, end.column, previous.line, previous.column) ? previous : end);
  }
  return (inner) => {
    // The last range starting at or before `inner` starts.
    let low = 0;
    let high = sorted.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const candidate = sorted[mid];
      if (before(inner.line, inner.column, candidate.line, candidate.column)) high = mid - 1;
      else {
        found = mid;
        low = mid + 1;
      }
    }
    if (found === -1) return false;
    const end = furthest[found];
    return !before(end.line, end.column, inner.endLine, inner.endColumn);
  };
}

/** `outer` contains `inner` (ends inclusive): for a rule pairing one fact with a few others. */
export function rangeContains(outer: Range, inner: Range): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore = inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}
