// Reads YAML (and JSON, which the `yaml` parser accepts as flow YAML) with positions, and checks
// node types so every config or registry problem becomes a ConfigError at `file:line:col` that
// says what was expected. Shared by the config loader and the registry sources.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLError, type YAMLMap, type YAMLSeq } from 'yaml';
import { ConfigError } from '../core/config-types.js';
import type { Origin } from './model.js';
import { isRealIsoDate } from './dates.js';

export interface YamlSource {
  /** Path shown in errors and origins (relative to the project root or the cwd). */
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/**
 * What a YAML error code means, in our words. The parser's own messages can quote the offending
 * text (`Unexpected scalar token in YAML stream: "..."`), and that text may be a value, so errors
 * are described by code and position only: never by content.
 */
const YAML_ERROR_TEXT: Partial<Record<YAMLError['code'], string>> = {
  ALIAS_PROPS: 'an alias cannot carry a tag or anchor',
  BAD_ALIAS: 'an alias is malformed',
  BAD_DIRECTIVE: 'a directive is malformed',
  BAD_DQ_ESCAPE: 'a double-quoted string has an invalid escape sequence',
  BAD_INDENT: 'the indentation is wrong (or a flow collection is not closed)',
  BAD_PROP_ORDER: 'a tag or anchor is misplaced',
  BAD_SCALAR_START: 'a plain value starts with a reserved character; quote it',
  BLOCK_AS_IMPLICIT_KEY: 'a nested mapping is not allowed here (missing line break or quotes?)',
  BLOCK_IN_FLOW: 'a block collection is not allowed inside a flow collection',
  DUPLICATE_KEY: 'a mapping has the same key twice',
  KEY_OVER_1024_CHARS: 'an implicit key is longer than 1024 characters',
  MISSING_CHAR: 'a closing character is missing',
  MULTILINE_IMPLICIT_KEY: 'an implicit key spans several lines',
  MULTIPLE_ANCHORS: 'a node has more than one anchor',
  MULTIPLE_DOCS: 'the file has more than one YAML document; expected one',
  MULTIPLE_TAGS: 'a node has more than one tag',
  NON_STRING_KEY: 'a key is not a string',
  TAB_AS_INDENT: 'a tab is used for indentation; use spaces',
  TAG_RESOLVE_FAILED: 'a tag cannot be resolved',
  UNEXPECTED_TOKEN: 'unexpected content (an unclosed quote or bracket, or a stray character?)',
  BAD_COLLECTION_TYPE: 'a collection has the wrong type for its tag',
};

export function describeYamlError(code: YAMLError['code']): string {
  return YAML_ERROR_TEXT[code] ?? 'the YAML cannot be parsed';
}

/**
 * Parses `text`; a syntax error becomes a located ConfigError that names the problem by its code,
 * never by the text at fault (see YAML_ERROR_TEXT).
 */
export function parseYamlSource(text: string, file: string, what: string, allowEmpty = false): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, doc, lineCounter };
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new ConfigError(`invalid ${what}: YAML syntax error (${first.code}): ${describeYamlError(first.code)}`, file, pos.line, pos.col);
  }
  if (!allowEmpty && (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))) {
    throw new ConfigError(`invalid ${what}: the file is empty; expected a mapping`, file, 1, 1);
  }
  return source;
}

export function originOf(source: YamlSource, node: Node | null | undefined, fallback?: Node | null): Origin {
  const target = node?.range ? node : fallback;
  if (!target?.range) return { file: source.file, line: 1, column: 1 };
  const start = source.lineCounter.linePos(target.range[0]);
  const end = source.lineCounter.linePos(target.range[1]);
  return { file: source.file, line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
}

export function fail(source: YamlSource, node: Node | null | undefined, message: string, fallback?: Node | null): never {
  const at = originOf(source, node, fallback);
  throw new ConfigError(message, source.file, at.line, at.column);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * `; did you mean "exclude"?` when a rejected word is a near miss of an allowed one. Only the
 * allowed word is shown: a rejected word is file content and is never echoed, because a config
 * or registry path may point at any file (a password file's first line would be "unknown key").
 */
export function suggestion(word: string, allowed: readonly string[]): string {
  if (word.length === 0 || word.length > 64) return '';
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const limit = Math.max(1, Math.floor((best?.length ?? 0) / 3));
  return best !== undefined && bestDistance <= limit ? `; did you mean "${best}"?` : '';
}

/** The shape of a node in words ("a list", "a number"), for "expected X, got Y" messages. */
export function describeNode(node: Node | null | undefined): string {
  if (!node || (isScalar(node) && node.value === null)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string') return 'a string';
    if (typeof v === 'number') return 'a number';
    if (typeof v === 'boolean') return 'a boolean';
  }
  return 'something else';
}

export function expectMap(source: YamlSource, node: Node | null | undefined, where: string, fallback?: Node | null): YAMLMap<Node, Node | null> {
  if (isMap(node)) return node as YAMLMap<Node, Node | null>;
  return fail(source, node, `${where}: expected a mapping, got ${describeNode(node)}`, fallback);
}

export function expectSeq(source: YamlSource, node: Node | null | undefined, where: string, fallback?: Node | null): YAMLSeq<Node> {
  if (isSeq(node)) return node as YAMLSeq<Node>;
  return fail(source, node, `${where}: expected a list, got ${describeNode(node)}`, fallback);
}

/** The mapping's entries as `[key, valueNode, pair]`; non-string keys are rejected. */
export function entriesOf(source: YamlSource, map: YAMLMap<Node, Node | null>, where: string): Array<[string, Node | null, Pair<Node, Node | null>]> {
  return map.items.map((pair) => {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string') fail(source, key, `${where}: expected string keys`, map);
    return [key.value as string, pair.value ?? null, pair];
  });
}

/** Rejects keys outside `allowed`, naming the allowed set (the most useful message for a typo). */
export function checkKeys(source: YamlSource, map: YAMLMap<Node, Node | null>, allowed: readonly string[], where: string): Map<string, { value: Node | null; key: Node }> {
  const found = new Map<string, { value: Node | null; key: Node }>();
  for (const [key, value, pair] of entriesOf(source, map, where)) {
    if (!allowed.includes(key)) fail(source, pair.key as Node, `${where}: unknown key; expected one of: ${allowed.join(', ')}${suggestion(key, allowed)}`);
    found.set(key, { value, key: pair.key as Node });
  }
  return found;
}

export function readString(source: YamlSource, node: Node | null, where: string, fallback?: Node | null): string {
  if (isScalar(node) && typeof node.value === 'string' && node.value.length > 0) return node.value;
  return fail(source, node, `${where}: expected a non-empty string, got ${describeNode(node)}`, fallback);
}

export function readBoolean(source: YamlSource, node: Node | null, where: string, fallback?: Node | null): boolean {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  return fail(source, node, `${where}: expected true or false, got ${describeNode(node)}`, fallback);
}

export function readInteger(source: YamlSource, node: Node | null, where: string, min: number, fallback?: Node | null): number {
  if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= min) return node.value;
  return fail(source, node, `${where}: expected an integer >= ${min}, got ${describeNode(node)}`, fallback);
}

export function readEnum<T extends string>(source: YamlSource, node: Node | null, where: string, allowed: readonly T[], fallback?: Node | null): T {
  if (isScalar(node) && typeof node.value === 'string' && (allowed as readonly string[]).includes(node.value)) return node.value as T;
  if (isScalar(node) && typeof node.value === 'string') {
    return fail(source, node, `${where}: expected one of ${allowed.join(' | ')}, got another string${suggestion(node.value, allowed)}`, fallback);
  }
  return fail(source, node, `${where}: expected one of ${allowed.join(' | ')}, got ${describeNode(node)}`, fallback);
}

export function readStringList(source: YamlSource, node: Node | null, where: string, fallback?: Node | null): string[] {
  const seq = expectSeq(source, node, where, fallback);
  return seq.items.map((item, i) => readString(source, item, `${where}[${i}]`, seq));
}

/** A real calendar date written `YYYY-MM-DD` (quoted or not; YAML 1.2 core keeps it a string). */
export function readDate(source: YamlSource, node: Node | null, where: string, fallback?: Node | null): string {
  if (isScalar(node)) {
    const value = node.value instanceof Date ? node.value.toISOString().slice(0, 10) : node.value;
    if (typeof value === 'string' && isRealIsoDate(value)) return value;
    const shown = typeof value === 'string' ? 'a string that is not a real date' : describeNode(node);
    return fail(source, node, `${where}: expected a real date YYYY-MM-DD, got ${shown}`, fallback);
  }
  return fail(source, node, `${where}: expected a real date YYYY-MM-DD, got ${describeNode(node)}`, fallback);
}
