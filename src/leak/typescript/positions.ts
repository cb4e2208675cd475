// Converting raw compiler nodes to the 1-based, UTF-16 ranges and flow steps of the fact contract.
import path from 'node:path';
import { ts } from './compiler-api.js';
import type { FlowStep, Range } from '../../core/facts.js';

export function rangeOf(node: ts.Node, sourceFile: ts.SourceFile = node.getSourceFile()): Range {
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

/** A path relative to the project root with `/` separators (the contract for every reported file). */
export function relativePath(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

export function stepAt(root: string, node: ts.Node, note: string): FlowStep {
  const sourceFile = node.getSourceFile();
  const range = rangeOf(node, sourceFile);
  return { file: relativePath(root, sourceFile.fileName), line: range.line, column: range.column, endLine: range.endLine, endColumn: range.endColumn, note };
}

/** Short, value-free text for a node in notes: identifiers and member chains only, else a kind word. */
export function describeNode(node: ts.Node): string {
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(node)) {
    const left = describeNode(node.expression);
    return left.length > 60 ? `…${node.name.text}` : `${left}.${node.name.text}`;
  }
  if (ts.isCallExpression(node)) return `${describeNode(node.expression)}(…)`;
  // The key is left out: a literal key is file text, which output never quotes.
  if (ts.isElementAccessExpression(node)) return `${describeNode(node.expression)}[…]`;
  if (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isNonNullExpression(node)) return describeNode(node.expression);
  return 'expression';
}
