// Shared YAML plumbing for the config front ends: one parse (CST + documents, all documents of
// a stream), comment positions taken from the CST tokens, errors located through a LineCounter,
// and small typed accessors over the AST. Aliases are never followed for positions: a fact
// always points at text that is really in the file.
import { Composer, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Parser } from 'yaml';
import type { Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { CommentFact, FileError, Range } from '../../core/facts.js';
import { yamlSyntaxErrorText } from './yaml-error-text.js';

export const DISABLE_MARKER = 'clavis-lint-disable';

export interface YamlSource {
  text: string;
  lineCounter: LineCounter;
  documents: Document.Parsed[];
  comments: CommentFact[];
  errors: FileError[];
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const comments: CommentFact[] = [];
  const errors: FileError[] = [];
  let documents: Document.Parsed[] = [];
  const toRange = (start: number, end: number): Range => offsetRange(lineCounter, start, end);
  const tooDeep = excessiveNesting(text);
  if (tooDeep) {
    // The yaml package can exhaust memory on pathologically nested input; such a file is not config.
    return { text, lineCounter, documents, comments, errors: [{ file, message: `YAML nesting deeper than ${MAX_NESTING} levels; not analysed`, line: tooDeep }] };
  }
  try {
    const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
    // Only comments holding the marker become facts: without it in the text, the CST walk finds none.
    if (text.includes(DISABLE_MARKER)) for (const token of tokens) collectComments(token, (offset, source) => {
      if (source.includes(DISABLE_MARKER)) {
        comments.push({ kind: 'comment', text: source.replace(/^#/, '').trim(), range: toRange(offset, offset + source.length) });
      }
    });
    documents = [...new Composer({ uniqueKeys: false }).compose(tokens)];
  } catch (error) {
    // The yaml package does not throw on bad input, but a front end must never throw at all.
    errors.push({ file, message: `YAML could not be parsed (${error instanceof Error ? error.name : 'error'}).` });
  }
  const syntax = documents.flatMap((doc) => doc.errors);
  if (syntax.length > 0) {
    const template = hasTemplateActions(text);
    errors.push(firstSyntaxError(file, lineCounter, syntax, template));
    // A template is skipped whole: what the parser recovered from it is not what will be deployed.
    if (template) documents = [];
  }
  return { text, lineCounter, documents, comments, errors };
}

/**
 * One error per file, as a compiler reports a file it cannot parse: the first syntax error, with
 * how many follow. After the first, the parser's recovery reports its own confusion (a Helm
 * template gave 328 errors for one file). A file with Go template actions (`{{ ... }}`, as in a
 * Helm chart's templates/) is said to be a template: it is not YAML until rendered.
 */
function firstSyntaxError(file: string, lineCounter: LineCounter, syntax: Array<{ code: string; pos: [number, number] }>, template: boolean): FileError {
  const first = syntax.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const pos = lineCounter.linePos(first.pos[0]);
  // Never the parser's message: it can quote source text (a tag, an alias, a token), which may be a value.
  const more = syntax.length > 1 ? ` (${syntax.length - 1} more in this file not shown)` : '';
  if (template) {
    return { file, message: `skipped: YAML with template actions ({{ ... }}, as in a Helm chart's templates), not valid YAML until rendered; first ${yamlSyntaxErrorText(first.code)}${more}`, line: pos.line, column: pos.col };
  }
  return { file, message: `${yamlSyntaxErrorText(first.code)}${more}`, line: pos.line, column: pos.col };
}

/** `{{` ... `}}` outside a `${{ }}` GitHub expression: a Go/Jinja template action. */
function hasTemplateActions(text: string): boolean {
  for (let at = text.indexOf('{{'); at >= 0; at = text.indexOf('{{', at + 2)) {
    if (text[at - 1] !== '$' && text.indexOf('}}', at + 2) > at) return true;
  }
  return false;
}

const MAX_NESTING = 256;

/**
 * A cheap scan for nesting no real config has: flow brackets deeper than MAX_NESTING, or block
 * nesting (indentation plus compact `- ` / `? ` prefixes) deeper than that. Returns the 1-based
 * line where the limit is crossed, else 0. Quotes are not tracked: a false alarm needs hundreds
 * of brackets inside one string.
 */
function excessiveNesting(text: string): number {
  let flow = 0;
  let line = 1;
  let atLineStart = true;
  let indent = 0;
  let prefixes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      line++;
      atLineStart = true;
      indent = 0;
      prefixes = 0;
      continue;
    }
    if (atLineStart) {
      if (ch === ' ') {
        indent++;
        continue;
      }
      if ((ch === '-' || ch === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        prefixes++;
        i++;
        continue;
      }
      atLineStart = false;
      if (indent / 2 + prefixes > MAX_NESTING) return line;
    }
    if (ch === '[' || ch === '{') {
      if (++flow > MAX_NESTING) return line;
    } else if ((ch === ']' || ch === '}') && flow > 0) flow--;
  }
  return 0;
}

/**
 * Walks a CST token tree and reports every comment token (they sit in start/sep/end/props
 * arrays). Iterative, and each object is visited once: deeply nested input must not recurse
 * the stack away, and the CST may share token arrays between parent and child.
 */
function collectComments(root: unknown, onComment: (offset: number, source: string) => void): void {
  const seen = new WeakSet<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const token = stack.pop();
    if (token === null || typeof token !== 'object' || seen.has(token)) continue;
    seen.add(token);
    if (Array.isArray(token)) {
      for (let i = token.length - 1; i >= 0; i--) stack.push(token[i]);
      continue;
    }
    const record = token as Record<string, unknown>;
    if (record.type === 'comment' && typeof record.offset === 'number' && typeof record.source === 'string') {
      onComment(record.offset, record.source);
      continue;
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'source' && value && typeof value === 'object') stack.push(value);
    }
  }
}

export function offsetRange(lineCounter: LineCounter, start: number, end: number): Range {
  const a = lineCounter.linePos(start);
  const b = lineCounter.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** The range of a node's own text (without trailing comments), or null for nodes without one. */
export function nodeRange(src: YamlSource, node: unknown): Range | null {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return null;
  return offsetRange(src.lineCounter, range[0], range[1]);
}

export function asMap(node: unknown): YAMLMap | null {
  return isMap(node) ? (node as YAMLMap) : null;
}

export function asSeq(node: unknown): YAMLSeq | null {
  return isSeq(node) ? (node as YAMLSeq) : null;
}

export function asScalar(node: unknown): Scalar | null {
  return isScalar(node) ? (node as Scalar) : null;
}

export function isAliasNode(node: unknown): boolean {
  return isAlias(node);
}

/** A scalar's value as a string (numbers and booleans stringified), else null. */
export function scalarString(node: unknown): string | null {
  const scalar = asScalar(node);
  if (!scalar) return null;
  const value = scalar.value;
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : String(value);
}

/** The pairs of a mapping whose key is a scalar, as [key string, pair]. */
export function mapEntries(node: unknown): Array<[string, Pair]> {
  const map = asMap(node);
  if (!map) return [];
  const out: Array<[string, Pair]> = [];
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = scalarString(item.key);
    if (key !== null) out.push([key, item as Pair]);
  }
  return out;
}

export function mapGet(node: unknown, key: string): unknown {
  for (const [name, pair] of mapEntries(node)) if (name === key) return pair.value;
  return undefined;
}

export function mapGetPair(node: unknown, key: string): Pair | undefined {
  for (const [name, pair] of mapEntries(node)) if (name === key) return pair;
  return undefined;
}

/** Every scalar node in a tree, aliases not followed, with its enclosing pair key if any. */
export function* walkScalars(node: unknown, depth = 0): Generator<Scalar> {
  if (depth > 200 || !node) return;
  if (isScalar(node)) {
    yield node as Scalar;
    return;
  }
  if (isMap(node) || isSeq(node)) {
    for (const item of (node as YAMLMap | YAMLSeq).items) {
      if (isPair(item)) {
        yield* walkScalars(item.key, depth + 1);
        yield* walkScalars(item.value, depth + 1);
      } else {
        yield* walkScalars(item, depth + 1);
      }
    }
  }
}

export type { YamlNode };
