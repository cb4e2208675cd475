// Finds the comments that carry `clavis-lint-disable` directives. Each occurrence of the marker
// is located in the tree (descending to the innermost node around it), then the trivia and
// punctuation between that node's children are lexed, so markers inside strings, templates,
// regular expressions or JSX text are not mistaken for comments.
import type { CommentFact } from '../../core/facts.js';
import { rangeOfSpan } from './source-range.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';

import { DIRECTIVE_MARKER } from './prefilter.js';

export { DIRECTIVE_MARKER };

interface CommentSpan {
  start: number;
  end: number;
}

function commentAt(sourceFile: TS.SourceFile, text: string, offset: number): CommentSpan | null {
  let node: TS.Node = sourceFile;
  let scanFrom = 0;
  for (;;) {
    let inner: TS.Node | undefined;
    scanFrom = node.pos;
    ts.forEachChild(node, (child) => {
      if (child.pos <= offset && offset < child.end) {
        inner = child;
        return true;
      }
      if (child.end <= offset) scanFrom = child.end;
      return undefined;
    });
    if (!inner) break;
    node = inner;
  }
  // Leaves (literals, identifiers, JSX text) hold comments only in the trivia before their text.
  const isLeaf = node.kind <= SyntaxKind.LastToken || node.kind === SyntaxKind.JsxText;
  const scanTo = isLeaf ? node.getStart(sourceFile) : node.end;
  if (scanTo <= offset && isLeaf) return null;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, sourceFile.languageVariant, text, undefined, scanFrom, scanTo - scanFrom);
  for (let token = scanner.scan(); token !== SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const start = scanner.getTokenStart();
    if (start > offset) return null;
    const end = scanner.getTokenEnd();
    if (offset < end) {
      const isComment = token === SyntaxKind.SingleLineCommentTrivia || token === SyntaxKind.MultiLineCommentTrivia;
      return isComment ? { start, end } : null;
    }
  }
  return null;
}

export function collectDirectiveComments(sourceFile: TS.SourceFile, text: string): CommentFact[] {
  const facts: CommentFact[] = [];
  let lastEnd = -1;
  for (let offset = text.indexOf(DIRECTIVE_MARKER); offset !== -1; offset = text.indexOf(DIRECTIVE_MARKER, offset + DIRECTIVE_MARKER.length)) {
    if (offset < lastEnd) continue;
    const comment = commentAt(sourceFile, text, offset);
    if (!comment) continue;
    lastEnd = comment.end;
    facts.push({ kind: 'comment', text: text.slice(comment.start, comment.end), range: rangeOfSpan(sourceFile, comment.start, comment.end) });
  }
  return facts;
}
