// Finds where a key path (`['rules', 'no-direct-env-read']`, `['exclude', 2]`) sits in a YAML
// document, so findings about a config can point at the line that made the change. Falls back
// to the nearest located ancestor, then to the top of the file.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Range } from './facts.js';

const TOP_OF_FILE: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export type KeyPath = Array<string | number>;

export interface YamlKeyLocator {
  locate(keyPath: KeyPath): Range;
}

export function yamlKeyLocator(text: string | undefined): YamlKeyLocator {
  if (text === undefined) return { locate: () => TOP_OF_FILE };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  const toRange = (node: Node | null | undefined): Range | undefined => {
    if (!node?.range) return undefined;
    const start = lineCounter.linePos(node.range[0]);
    const end = lineCounter.linePos(node.range[1]);
    // A key spans one line; a multi-line value is reported on its first line.
    const endLine = end.line === start.line ? end.line : start.line;
    const endColumn = end.line === start.line ? end.col : start.col + 1;
    return { line: start.line, column: start.col, endLine, endColumn };
  };
  return {
    locate(keyPath) {
      let node: unknown = doc.contents;
      let best: Range = TOP_OF_FILE;
      for (const step of keyPath) {
        if (typeof step === 'string' && isMap(node)) {
          const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === step);
          if (!pair) break;
          best = toRange(pair.key as Node) ?? best;
          node = pair.value;
        } else if (typeof step === 'number' && isSeq(node)) {
          const item = node.items[step] as Node | undefined;
          if (!item) break;
          best = toRange(item) ?? best;
          node = item;
        } else break;
      }
      return best;
    },
  };
}
