import { describe, expect, it } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { pythonParser } from '../../../src/languages/python/python-parser.js';
import { literalStringText, ModuleNodes } from '../../../src/languages/python/python-syntax.js';

async function strings(code: string): Promise<Array<string | null>> {
  const tree = (await pythonParser()).parse(code)!;
  try {
    return tree.rootNode.descendantsOfType('string').filter((node): node is Node => node !== null && node.parent?.type !== 'concatenated_string').map(literalStringText);
  } finally {
    tree.delete();
  }
}

describe('python syntax: literal text', () => {
  it('reads plain, prefixed, triple-quoted and empty literals between their quotes', async () => {
    expect(await strings(`a = "KEY"\nb = 'KEY'\nc = r"KEY"\nd = b'KEY'\ne = """KE\nY"""\nf = ''\ng = """"""\nh = f"KEY"\ni = Rb'x'\n`)).toEqual(['KEY', 'KEY', 'KEY', 'KEY', 'KE\nY', '', '', 'KEY', 'x']);
  });

  it('keeps escapes as written (the grammar puts them inside the content), and gives null for interpolation', async () => {
    expect(await strings(`a = "A\\nB"\nb = r"A\\nB"\nc = f"{x}"\nd = "{x}"\ne = f"{{x}}"\n`)).toEqual(['A\\nB', 'A\\nB', null, '{x}', '{{x}}']);
  });
});

describe('python syntax: module nodes', () => {
  it('gives the nodes of some types in source order, each before its children, as separate walks would', async () => {
    const tree = (await pythonParser()).parse('import os\nclass A:\n    def f(self):\n        g(h(1))\ndef k():\n    pass\n')!;
    try {
      const nodes = new ModuleNodes(tree.rootNode, ['call', 'function_definition', 'class_definition']);
      const names = (list: Node[]): string[] => list.map((n) => `${n.type}:${n.startPosition.row}:${n.startPosition.column}`);
      expect(names(nodes.of(['call', 'function_definition']))).toEqual(names(tree.rootNode.descendantsOfType(['call', 'function_definition']) as Node[]));
      expect(names(nodes.of(['class_definition']))).toEqual(['class_definition:1:0']);
      // A type that was not collected is looked up in the tree.
      expect(names(nodes.of(['import_statement']))).toEqual(['import_statement:0:0']);
    } finally {
      tree.delete();
    }
  });
});
