// Tree-sitter parses without recursion, but the front ends' walkers recurse: a tree deeper than
// MAX_NESTING_DEPTH is cut (the constructs below the limit are blanked and the text parsed again)
// before any walker sees it, so results do not depend on the thread's stack.
//
// Measuring depth costs almost nothing: a subtree with fewer descendants than the levels left
// cannot pass the limit, so only the few large subtrees are entered.
import type { Node, Parser, Tree, TreeCursor } from 'web-tree-sitter';
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
  return subtreesDeeperThan(root, MAX_NESTING_DEPTH, CUT_DEPTH);
}

/**
 * The nodes at depth `cut` that have a node more than `limit` levels below the root, in document
 * order. Only nodes whose subtree is large enough to pass the limit are entered; a node's size
 * comes from the cursor's descendant indices (a node's next sibling starts that many descendants
 * later), which spares a node object and a question to the tree per child looked at.
 * Exported for tests, with small limits.
 */
export function subtreesDeeperThan(root: Node, limit: number, cut: number): TextRange[] {
  const found: TextRange[] = [];
  // A subtree of n nodes is at most n - 1 levels deep.
  const total = root.descendantCount;
  if (total - 1 <= limit) return found;
  if (cut === 0) {
    if (deeperThan(root, limit)) found.push({ start: root.startIndex, end: root.endIndex });
    return found;
  }
  const cursor = root.walk();
  try {
    enterChildren(cursor, 0, total, 0, limit, cut, found);
  } finally {
    cursor.delete();
  }
  return found;
}

/** The cursor is on an entered node (descendant `index` of the root, `count` nodes, at `depth`): its children large enough to pass the limit, in order. */
function enterChildren(cursor: TreeCursor, index: number, count: number, depth: number, limit: number, cut: number, found: TextRange[]): void {
  if (!cursor.gotoFirstChild()) return;
  const starts = [cursor.currentDescendantIndex];
  while (cursor.gotoNextSibling()) starts.push(cursor.currentDescendantIndex);
  starts.push(index + count);
  const childDepth = depth + 1;
  for (let i = 0; i + 1 < starts.length; i++) {
    const childCount = starts[i + 1] - starts[i];
    if (childDepth + childCount - 1 <= limit) continue;
    cursor.gotoDescendant(starts[i]);
    if (childDepth === cut) {
      const node = cursor.currentNode;
      if (deeperThan(node, limit - cut)) found.push({ start: node.startIndex, end: node.endIndex });
      continue;
    }
    enterChildren(cursor, starts[i], childCount, childDepth, limit, cut, found);
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
