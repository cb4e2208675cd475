// Tree-sitter parses without recursion, but the front ends' walkers recurse: a tree deeper than
// MAX_NESTING_DEPTH is cut (the constructs below the limit are blanked and the text parsed again)
// before any walker sees it, so results do not depend on the thread's stack.
//
// Measuring depth costs almost nothing: a subtree with fewer descendants than the levels left
// cannot pass the limit, so only the few large subtrees are entered.
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { blankRanges, MAX_NESTING_DEPTH, type TextRange } from './nesting-limit.js';

/**
 * Subtrees that pass the limit are cut this far above it: the parent of a blanked node keeps its
 * own tokens and may get an ERROR or MISSING child from error recovery, which must still fit.
 */
const CUT_DEPTH = MAX_NESTING_DEPTH - 16;
/** Blanking only removes tokens, so one round is enough in practice. */
const MAX_ROUNDS = 3;

export interface LimitedTree {
  tree: Tree;
  /** The text the tree was parsed from: the original string when nothing was too deep. */
  text: string;
  /** Offsets where a blanked construct started (for errors[] lines). */
  cutAt: number[];
}

/** Parses `text` and cuts whatever nests deeper than MAX_NESTING_DEPTH. Null when the parser gives no tree. */
export function parseWithinNestingLimit(parser: Parser, text: string): LimitedTree | null {
  let tree = parser.parse(text);
  if (!tree) return null;
  const cutAt: number[] = [];
  for (let round = 0; round <= MAX_ROUNDS; round++) {
    const deep = subtreesPastLimit(tree.rootNode);
    if (deep.length === 0) return { tree, text, cutAt };
    cutAt.push(...deep.map((range) => range.start));
    // Should rounds not converge, nothing of the file is analysed rather than something deep.
    text = blankRanges(text, round < MAX_ROUNDS ? deep : [{ start: 0, end: text.length }]);
    tree.delete();
    tree = parser.parse(text);
    if (!tree) return null;
  }
  return { tree, text, cutAt };
}

/** The nodes at CUT_DEPTH whose subtree goes past the limit. */
function subtreesPastLimit(root: Node): TextRange[] {
  const found: TextRange[] = [];
  const cursor = root.walk();
  try {
    let depth = 0;
    for (;;) {
      const node = cursor.currentNode;
      // A subtree of n nodes is at most n - 1 levels deep.
      let enter = depth + node.descendantCount - 1 > MAX_NESTING_DEPTH;
      if (enter && depth === CUT_DEPTH) {
        if (deeperThan(node, MAX_NESTING_DEPTH - CUT_DEPTH)) found.push({ start: node.startIndex, end: node.endIndex });
        enter = false;
      }
      if (enter && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (depth === 0 || !cursor.gotoParent()) return found;
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** Whether some node lies more than `levels` below `root`. */
function deeperThan(root: Node, levels: number): boolean {
  const cursor = root.walk();
  try {
    let depth = 0;
    for (;;) {
      if (depth > levels) return true;
      const enter = depth + cursor.currentNode.descendantCount - 1 > levels;
      if (enter && cursor.gotoFirstChild()) {
        depth++;
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (depth === 0 || !cursor.gotoParent()) return false;
        depth--;
      }
    }
  } finally {
    cursor.delete();
  }
}
