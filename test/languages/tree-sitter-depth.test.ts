import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { createParser } from '../../src/languages/tree-sitter-loader.js';
import { subtreesDeeperThan } from '../../src/languages/tree-sitter-depth.js';

/** The definition, without any pruning: nodes at depth `cut` with a node more than `limit - cut` levels below them. */
function reference(root: Node, limit: number, cut: number): Array<{ start: number; end: number }> {
  const found: Array<{ start: number; end: number }> = [];
  const height = (node: Node): number => node.children.reduce((max, child) => Math.max(max, child ? 1 + height(child) : 0), 0);
  const visit = (node: Node, depth: number): void => {
    if (depth === cut) {
      if (height(node) > limit - cut) found.push({ start: node.startIndex, end: node.endIndex });
      return;
    }
    for (const child of node.children) if (child) visit(child, depth + 1);
  };
  visit(root, 0);
  return found;
}

const SOURCES = {
  rust: [
    'fn f() { let x = ((((((((1)))))))); g(h(i(j(k(l(m(2))))))); }\nstruct S { a: Vec<Vec<Vec<Option<u8>>>> }\nfn g() {}',
    'fn a() { if x { if y { if z { loop { match v { _ => { w(((3))) } } } } } } }',
    'fn broken( { let = ((( ; }',
  ],
  python: [
    'def f():\n    x = [[[[[[1]]]]]]\n    return g(h(i(j(k(2)))))\n\nclass C:\n    def m(self):\n        return {"a": {"b": {"c": (1, (2, (3,)))}}}\n',
    'x = (((((((((((0)))))))))))\n',
  ],
} as const;

describe('subtreesDeeperThan', () => {
  it('finds the same nodes as the unpruned definition, for many limits', async () => {
    let nonEmpty = 0;
    for (const [language, sources] of Object.entries(SOURCES)) {
      const parser = await createParser(language as 'rust' | 'python');
      for (const source of sources) {
        const tree = parser.parse(source)!;
        try {
          for (const [limit, cut] of [[400, 384], [12, 6], [9, 4], [7, 1], [5, 0], [4, 3], [3, 3], [2, 1]]) {
            const expected = reference(tree.rootNode, limit, cut);
            if (expected.length > 0) nonEmpty++;
            expect([language, source, limit, cut, subtreesDeeperThan(tree.rootNode, limit, cut)]).toEqual([language, source, limit, cut, expected]);
          }
        } finally {
          tree.delete();
        }
      }
    }
    // The small limits cut somewhere in every source.
    expect(nonEmpty).toBeGreaterThan(10);
  });
});
