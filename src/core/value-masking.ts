// Masks values in the source lines reporters show, by POSITION: the front ends said where the
// literals are (`value-literal` facts, NameRefFact.valueRange); this module decides which of
// them to hide. Two rules, then the look-based masker on top (redact.ts) as a last defence:
//  (a) a literal bound to a registered or secret-looking name is masked wherever it is;
//  (b) on a line reported as a config problem, every literal on the line is masked.
// Masks keep the length (one `*` per UTF-16 unit), so a caret under the line still lines up.
// Values masked by (a) are also returned, so the same text can be masked where it recurs
// without a position (a suppression reason, a comment, another line).
import type { Fact, Range } from './facts.js';
import { isValueLiteral } from './value-literals.js';
import { createKnownValueMasker, type KnownValueMasker } from './known-value-masker.js';
import { maskIntervalsOf } from './masked-intervals.js';

export interface ValueSpan {
  range: Range;
  /** The name the literal is bound to, if the syntax binds it. */
  name: string | null;
}

/** Every literal position a file's facts give. */
export function valueSpansOf(facts: readonly Fact[]): ValueSpan[] {
  const spans: ValueSpan[] = [];
  for (const fact of facts) {
    if (isValueLiteral(fact)) spans.push({ range: fact.range, name: typeof fact.data.name === 'string' ? fact.data.name : null });
    else if (fact.kind === 'name-ref' && fact.valueRange) spans.push({ range: fact.valueRange, name: fact.name });
  }
  return spans;
}

/** Where the facts say a NAME is written (a Kubernetes `name:` value, a compose `- KEY=` prefix): never masked. */
export function nameRangesOf(facts: readonly Fact[]): Range[] {
  const ranges: Range[] = [];
  for (const fact of facts) if (fact.kind === 'name-ref' && fact.range.line === fact.range.endLine) ranges.push(fact.range);
  return ranges;
}

export interface MaskRequest {
  /** The file's lines, unmasked. */
  lines: readonly string[];
  spans: readonly ValueSpan[];
  /** Policy: a literal bound to this name is a secret (registry name, `secret_patterns`). */
  isSensitiveName(name: string): boolean;
  /** 1-based lines on which every literal is masked, whatever it is bound to. */
  everyLiteralOn: ReadonlySet<number>;
  /** Single-line ranges that hold a name: they stay readable inside a masked literal (see nameRangesOf). */
  names?: readonly Range[];
}

export interface MaskedFile {
  lines: string[];
  /** Texts masked because of their name (quotes stripped), for masking by equality elsewhere. */
  maskedValues: string[];
}

const maskedByPosition = new WeakSet<readonly string[]>();

/** Records that these lines went through position masking (the engine's display lines). */
export function markMaskedByPosition(lines: readonly string[]): readonly string[] {
  maskedByPosition.add(lines);
  return lines;
}

/**
 * True for lines the engine masked by position. A reporter handed other lines (a caller that
 * skipped post-processing) must fall back to masking whole config values by look.
 */
export function isMaskedByPosition(lines: readonly string[]): boolean {
  return maskedByPosition.has(lines);
}

/** Shorter texts are not masked by equality: `true` or `8080` would blank half a report. */
const MIN_EQUALITY_LENGTH = 6;

export function maskFileLines(request: MaskRequest): MaskedFile {
  const { lines, spans, isSensitiveName, everyLiteralOn } = request;
  const intervals = new Map<number, Array<[number, number]>>();
  const maskedValues = new Set<string>();
  const add = (line: number, start: number, end: number): void => {
    if (end <= start) return;
    const list = intervals.get(line);
    if (list) list.push([start, end]);
    else intervals.set(line, [[start, end]]);
  };
  for (const span of spans) {
    const sensitive = span.name !== null && isSensitiveName(span.name);
    const { line: first, endLine } = span.range;
    const last = Math.min(endLine, lines.length);
    if (sensitive) {
      for (let line = first; line <= last; line++) {
        const piece = pieceOn(span.range, line, lines[line - 1] ?? '');
        if (!piece) continue;
        add(line, piece[0], piece[1]);
        const text = unquote((lines[line - 1] ?? '').slice(piece[0], piece[1]));
        if (text.length >= MIN_EQUALITY_LENGTH) maskedValues.add(text);
      }
    } else if (everyLiteralOn.size > 0) {
      // Walk whichever is shorter, the span's lines or the listed lines: linear for many of both.
      const candidates = last - first + 1 <= everyLiteralOn.size ? lineNumbers(first, last) : everyLiteralOn;
      for (const line of candidates) {
        if (line < first || line > last || !everyLiteralOn.has(line)) continue;
        const piece = pieceOn(span.range, line, lines[line - 1] ?? '');
        if (!piece) continue;
        // A literal bound to a name is a value as a whole; an unbound one (a command's arguments,
        // a list item) keeps its words that are not values: flags, subcommands, env names.
        if (span.name !== null) add(line, piece[0], piece[1]);
        else for (const [start, end] of valueWordsIn(lines[line - 1] ?? '', piece[0], piece[1])) add(line, start, end);
      }
    }
  }
  const namesByLine = new Map<number, Array<[number, number]>>();
  for (const name of request.names ?? []) {
    if (!intervals.has(name.line)) continue;
    const list = namesByLine.get(name.line) ?? [];
    list.push([name.column - 1, name.endColumn - 1]);
    namesByLine.set(name.line, list);
  }
  const out = lines.slice();
  for (const [line, list] of intervals) out[line - 1] = maskIntervals(out[line - 1] ?? '', list, namesByLine.get(line) ?? []);
  return { lines: out, maskedValues: [...maskedValues] };
}

/** `-x`, `--long-flag`: an option's name, never its value. */
const FLAG = /^--?[A-Za-z][A-Za-z0-9-]*$/;
/** `--token=…`, `KEY=…`: the part up to `=` is a name; what follows is a value. */
const NAME_ASSIGNMENT = /^(?:--?[A-Za-z][A-Za-z0-9-]*|[A-Za-z_][A-Za-z0-9_.-]*)=/;
/** `install`, `run`, `key`: short lowercase words (as redact.ts treats config values). */
const PLAIN_WORD = /^[a-z][a-z-]{0,14}$/;
/** `OPENAI_API_KEY`: an env name (with an underscore, so `ABCDEFGH` is not one). */
const ENV_NAME = /^[A-Z][A-Z0-9]*_[A-Z0-9_]*$/;
/** `./deploy.sh`, `../bin/run`: a relative path of plain words. */
const RELATIVE_PATH = /^\.{1,2}\/[a-z_./-]*$/;

/** A word that names something (a flag, a subcommand, an env name, a script) rather than holding a value. */
function isNameWord(word: string, previous: string | undefined): boolean {
  if (FLAG.test(word) || ENV_NAME.test(word)) return true;
  // The word after a flag is that flag's value (`--password hunter`), unless it is a flag or a name itself.
  if (previous !== undefined && FLAG.test(previous)) return false;
  return PLAIN_WORD.test(word) || RELATIVE_PATH.test(word);
}

/**
 * The parts of the literal at [start, end) of `line` to mask: its whitespace-separated words that
 * are values. Quotes around a word are judged with it; `name=value` keeps `name=` and masks the rest.
 */
export function valueWordsIn(line: string, start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const word = /\S+/g;
  word.lastIndex = start;
  const text = line.slice(0, end);
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const from = m.index;
    const to = from + m[0].length;
    const bare = m[0].replace(/^["'`]+|["'`]+$/g, '');
    const previous = /(\S+)\s+$/.exec(line.slice(0, from))?.[1]?.replace(/^["'`]+|["'`]+$/g, '');
    const assignment = NAME_ASSIGNMENT.exec(bare);
    if (assignment) {
      const valueStart = from + m[0].indexOf(bare) + assignment[0].length;
      if (valueStart < to) out.push([valueStart, to]);
      continue;
    }
    if (!isNameWord(bare, previous)) out.push([from, to]);
  }
  return out;
}

function* lineNumbers(first: number, last: number): Iterable<number> {
  for (let line = first; line <= last; line++) yield line;
}

/** The part of `range` on `line` as [start, end) indexes; continuation lines start after their indentation. */
function pieceOn(range: Range, line: number, text: string): [number, number] | null {
  if (line < range.line || line > range.endLine) return null;
  let start = line === range.line ? range.column - 1 : text.length - text.trimStart().length;
  let end = line === range.endLine ? range.endColumn - 1 : text.length;
  start = Math.max(0, Math.min(start, text.length));
  end = Math.max(start, Math.min(end, text.length));
  return end > start ? [start, end] : null;
}

function maskIntervals(text: string, intervals: Array<[number, number]>, keep: Array<[number, number]>): string {
  // One pass over the line (src/core/masked-intervals.ts): a minified line holds thousands of both lists.
  return maskIntervalsOf(text, intervals, keep);
}

function unquote(text: string): string {
  const trimmed = text.trim();
  const quoted = /^(["'`])([\s\S]*)\1$/.exec(trimmed);
  return (quoted ? quoted[2] : trimmed).trim();
}

/**
 * Masks every occurrence of a known value in `text`, same length. Longest first, so a value
 * that contains another is masked whole.
 */
export function maskKnownValues(text: string, values: readonly string[]): string {
  if (values.length === 0 || text.length === 0) return text;
  // One automaton per value list (the engine passes the same list for every line): linear in the text.
  let masker = maskersByValues.get(values);
  if (!masker) maskersByValues.set(values, (masker = createKnownValueMasker(values, MIN_EQUALITY_LENGTH)));
  return masker(text);
}

const maskersByValues = new WeakMap<readonly string[], KnownValueMasker>();
