// Node positions to the fact contract: 1-based lines and columns in UTF-16 code units, end exclusive.
import type { Range } from '../../core/facts.js';
import { ts, type TS } from './typescript-module.js';

export function rangeOfSpan(sourceFile: TS.SourceFile, start: number, end: number): Range {
  const from = ts.getLineAndCharacterOfPosition(sourceFile, start);
  const to = ts.getLineAndCharacterOfPosition(sourceFile, end);
  return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
}

/** The range of a node without its leading trivia (comments, whitespace). */
export function rangeOfNode(sourceFile: TS.SourceFile, node: TS.Node): Range {
  return rangeOfSpan(sourceFile, node.getStart(sourceFile), node.end);
}
