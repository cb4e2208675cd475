// Offsets (UTF-16 code units, as JS strings and web-tree-sitter's startIndex count them) to
// 1-based line/column positions.
import type { Origin } from './model.js';

export class TextPositions {
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
  }

  origin(file: string, start: number, end: number): Origin {
    const s = this.at(start);
    const e = this.at(end);
    return { file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}
