// Where a tree-sitter env read spells its name (EnvReadFact.nameRange), for autofix renames.
import type { Node } from 'web-tree-sitter';
import type { Range } from '../core/facts.js';

/**
 * The one string literal under `node` (inclusive) of one of `literalTypes` that is written as
 * quote + `name` + quote: `"X"` or `'X'`, no prefix, escape or interpolation. Undefined when
 * there is none (the name comes from a constant) or more than one (not certain which to rename).
 */
export function literalNameToken(node: Node, name: string, literalTypes: readonly string[]): Node | undefined {
  const spelled = [`"${name}"`, `'${name}'`];
  let found: Node | undefined;
  let count = 0;
  const stack: Node[] = [node];
  while (stack.length > 0 && count < 2) {
    const current = stack.pop()!;
    if (literalTypes.includes(current.type) && spelled.includes(current.text)) {
      found = current;
      count++;
      continue;
    }
    for (const child of current.namedChildren) if (child) stack.push(child);
  }
  return count === 1 ? found : undefined;
}

/** A one-line literal's range without its two quote characters. */
export function insideQuotes(range: Range): Range {
  return { line: range.line, column: range.column + 1, endLine: range.endLine, endColumn: range.endColumn - 1 };
}
