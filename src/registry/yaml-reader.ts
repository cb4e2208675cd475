// Reads YAML (and JSON, which the `yaml` parser accepts as flow YAML) with positions, and checks
// node types so every config or registry problem becomes a ConfigError at `file:line:col` that
// says what was expected. Shared by the config loader and the registry sources.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
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
 * Parses `text`; a syntax error becomes a located ConfigError. `prettyErrors: false` keeps the
 * source excerpt out of messages, so no file content (possibly a value) leaks into output.
 */
export function parseYamlSource(text: string, file: string, what: string, allowEmpty = false): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const source: YamlSource = { file, doc, lineCounter };
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new ConfigError(`invalid ${what}: YAML syntax error (${first.code}): ${first.message.split('\n')[0]}`, file, pos.line, pos.col);
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

/** A short quoted echo of a rejected word (enum, date); capped so a pasted value never lands whole in output. */
function quoted(value: string): string {
  return JSON.stringify(value.length > 24 ? `${value.slice(0, 12)}…` : value);
}

function describe(node: Node | null | undefined): string {
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
  return fail(source, node, `${where}: expected a mapping, got ${describe(node)}`, fallback);
}

export function expectSeq(source: YamlSource, node: Node | null | undefined, where: string, fallback?: Node | null): YAMLSeq<Node> {
  if (isSeq(node)) return node as YAMLSeq<Node>;
  return fail(source, node, `${where}: expected a list, got ${describe(node)}`, fallback);
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
    if (!allowed.includes(key)) fail(source, pair.key as Node, `${where}: unknown key "${key}"; expected one of: ${allowed.join(', ')}`);
    found.set(key, { value, key: pair.key as Node });
  }
  return found;
}

export function readString(source: YamlSource, node: Node | null, where: string, fallback?: Node | null): string {
  if (isScalar(node) && typeof node.value === 'string' && node.value.length > 0) return node.value;
  return fail(source, node, `${where}: expected a non-empty string, got ${describe(node)}`, fallback);
}

export function readBoolean(source: YamlSource, node: Node | null, where: string, fallback?: Node | null): boolean {
  if (isScalar(node) && typeof node.value === 'boolean') return node.value;
  return fail(source, node, `${where}: expected true or false, got ${describe(node)}`, fallback);
}

export function readInteger(source: YamlSource, node: Node | null, where: string, min: number, fallback?: Node | null): number {
  if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= min) return node.value;
  return fail(source, node, `${where}: expected an integer >= ${min}, got ${describe(node)}`, fallback);
}

export function readEnum<T extends string>(source: YamlSource, node: Node | null, where: string, allowed: readonly T[], fallback?: Node | null): T {
  if (isScalar(node) && typeof node.value === 'string' && (allowed as readonly string[]).includes(node.value)) return node.value as T;
  const got = isScalar(node) && typeof node.value === 'string' ? quoted(node.value) : describe(node);
  return fail(source, node, `${where}: expected one of ${allowed.join(' | ')}, got ${got}`, fallback);
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
    const shown = typeof value === 'string' ? quoted(value) : describe(node);
    return fail(source, node, `${where}: expected a real date YYYY-MM-DD, got ${shown}`, fallback);
  }
  return fail(source, node, `${where}: expected a real date YYYY-MM-DD, got ${describe(node)}`, fallback);
}
