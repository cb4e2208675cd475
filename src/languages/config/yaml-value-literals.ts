// Positions of the values in a YAML document, for masking output by position (see
// core/value-literals.ts). Every scalar that is a mapping value or a list item is a literal,
// bound to its mapping key when it has one. Inside a scalar, GitHub `${{ … }}` expressions and
// plain `$NAME` / `${NAME}` references stay visible (they are names, not values), but string
// literals inside an expression are values again. Keys are names and are never emitted.
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Scalar } from 'yaml';
import type { Fact } from '../../core/facts.js';
import { valueLiteralFact } from '../../core/value-literals.js';
import { findExpressions } from './gha-expressions.js';
import { scalarSnippet } from './scalar-snippet.js';
import { offsetRange, scalarString, type YamlSource } from './yaml-source.js';

/** Value literals of the tree under `root`. Scalars in `skip` are left out (another front end placed their literals). */
export function yamlValueLiterals(src: YamlSource, root: unknown, skip?: ReadonlySet<unknown>): Fact[] {
  const facts: Fact[] = [];
  const stack: Array<{ node: unknown; name: string | null }> = [{ node: root, name: null }];
  while (stack.length > 0) {
    const { node, name } = stack.pop()!;
    if (!node || skip?.has(node)) continue;
    if (isScalar(node)) {
      for (const [start, end] of literalPieces(src.text, node as Scalar)) facts.push(valueLiteralFact(offsetRange(src.lineCounter, start, end), name));
    } else if (isMap(node)) {
      for (const item of node.items) if (isPair(item)) stack.push({ node: item.value, name: scalarString(item.key) });
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, name: null });
    }
  }
  return facts;
}

/** File offsets [start, end) of the literal text of one scalar. */
function literalPieces(source: string, scalar: Scalar): Array<[number, number]> {
  const range = scalar.range;
  if (!range || range[1] <= range[0]) return [];
  const whole: Array<[number, number]> = [[range[0], trimEnd(source, range[0], range[1])]];
  if (typeof scalar.value !== 'string' || !scalar.value.includes('$')) return whole;
  const snippet = scalarSnippet(source, scalar);
  if (!snippet.exact) return whole;
  const pieces: Array<[number, number]> = [];
  const toFile = (start: number, end: number): void => {
    if (end > start) pieces.push([snippet.toFileOffset(start), snippet.toFileOffset(end - 1) + 1]);
  };
  const text = snippet.text;
  let cursor = 0;
  const plain = (until: number): void => {
    for (const [start, end] of outsideReferences(text, cursor, until)) toFile(start, end);
    cursor = until;
  };
  for (const expression of findExpressions(text)) {
    plain(expression.start);
    for (const [start, end] of quotedStrings(text, expression.start, expression.end)) toFile(start, end);
    cursor = expression.end;
  }
  plain(text.length);
  return pieces;
}

function trimEnd(source: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(source[e - 1])) e--;
  return e;
}

/** Stretches of text[from, to) without `$NAME` / `${NAME}` references (whitespace-only stretches dropped). */
function outsideReferences(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const reference = /\$(?:\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)/g;
  reference.lastIndex = from;
  let start = from;
  for (let match = reference.exec(text); match && match.index < to; match = reference.exec(text)) {
    if (match.index + match[0].length > to) break;
    out.push([start, match.index]);
    start = match.index + match[0].length;
  }
  out.push([start, to]);
  return out.filter(([s, e]) => text.slice(s, e).trim() !== '');
}

/** `'…'` string literals of a GitHub expression in text[from, to) (`''` escapes a quote). */
function quotedStrings(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = from;
  while (i < to) {
    if (text[i] !== "'") {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to && !(text[j] === "'" && text[j + 1] !== "'")) j += text[j] === "'" ? 2 : 1;
    out.push([i, Math.min(j + 1, to)]);
    i = j + 1;
  }
  return out;
}
