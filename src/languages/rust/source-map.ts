// Offsets -> 1-based line/column ranges. tree-sitter (web) reports offsets in UTF-16 code units
// for JS strings, which is exactly the unit the fact contract wants for columns.
import type { Range } from '../../core/facts.js';

export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    // `indexOf` skips through the text far faster than a loop over its characters.
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}
