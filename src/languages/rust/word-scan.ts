// Cheap text tests that run before (or instead of) a parse: does a file mention one of many
// words? Registry names, resolver functions and types are identifiers, so a file is scanned once
// for its identifiers (`OPENAI_API_KEY` in `"OPENAI_API_KEY"`, `resolve_secret` in
// `vox_secrets::resolve_secret(`) instead of one substring search per word (hundreds of
// registry names). It is exact where substrings are not: `API_KEY` is no mention of
// `OPENAI_API_KEY`, and every use the front end recognises spells the whole name.

export class WordSet {
  private readonly identifiers = new Set<string>();
  /** Marks the (first character, length) pairs of `identifiers`: most identifiers of a file are no candidate and are never sliced. */
  private readonly shapes = new Uint8Array(128 * 128);
  /** Words that are no identifier (`config.get_secret`): by substring. */
  private readonly substrings: string[] = [];

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (word.length === 0) continue;
      if (isIdentifier(word)) {
        this.identifiers.add(word);
        this.shapes[shapeOf(word.charCodeAt(0), word.length)] = 1;
      } else {
        this.substrings.push(word);
      }
    }
  }

  get isEmpty(): boolean {
    return this.identifiers.size === 0 && this.substrings.length === 0;
  }

  /**
   * True when `text` holds one of the words (an identifier one as a whole identifier; with
   * `accept`, only an occurrence it accepts: `end` is the offset after the word).
   */
  mentionedIn(text: string, accept?: (word: string, end: number) => boolean): boolean {
    if (this.substrings.some((word) => text.includes(word))) return true;
    return this.scan(text, true, accept).length > 0;
  }

  /** Start offsets (ascending) of the words in `text`; substring words included. */
  offsetsIn(text: string): number[] {
    const offsets = this.scan(text, false);
    for (const word of this.substrings) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) offsets.push(at);
    }
    return this.substrings.length > 0 ? offsets.sort((a, b) => a - b) : offsets;
  }

  /** Offsets of identifier words, in text order (the first only, with `first`). */
  private scan(text: string, first: boolean, accept?: (word: string, end: number) => boolean): number[] {
    const found: number[] = [];
    if (this.identifiers.size === 0) return found;
    const shapes = this.shapes;
    const identifiers = this.identifiers;
    const tokens = identifierTokens(text);
    if (tokens) {
      for (let k = 0; k < tokens.length; k += 2) {
        const start = tokens[k];
        const end = tokens[k + 1];
        if (shapes[shapeOf(text.charCodeAt(start), end - start)] !== 1) continue;
        const word = text.slice(start, end);
        if (identifiers.has(word) && (!accept || accept(word, end))) {
          found.push(start);
          if (first) return found;
        }
      }
      return found;
    }
    const length = text.length;
    let i = 0;
    while (i < length) {
      while (i < length && IDENTIFIER_CODES[text.charCodeAt(i)] === 0) i++;
      if (i >= length) break;
      const start = i++;
      while (i < length && IDENTIFIER_CODES[text.charCodeAt(i)] === 1) i++;
      if (shapes[shapeOf(text.charCodeAt(start), i - start)] !== 1) continue;
      const word = text.slice(start, i);
      if (identifiers.has(word) && (!accept || accept(word, i))) {
        found.push(start);
        if (first) return found;
      }
    }
    return found;
  }
}

/** 1 for `[A-Za-z0-9_]`, by UTF-16 code unit: one load per character in the scans' loops. */
const IDENTIFIER_CODES = new Uint8Array(65536);
for (let code = 0; code < 128; code++) if (isIdentifierCode(code)) IDENTIFIER_CODES[code] = 1;

/**
 * The text scanned last, and its identifiers' (start, end) pairs once it is scanned a second
 * time: a front end tests one file's text for several word sets (sources, secret names, the
 * functions that can meet a secret, the taint walk's vocabulary), and walking the pairs costs a
 * tenth of walking the characters. A text scanned once (most prefilter tests) is never split.
 */
let lastScanned: string | null = null;
let lastTokens: Int32Array | null = null;

function identifierTokens(text: string): Int32Array | null {
  if (text !== lastScanned) {
    lastScanned = text;
    lastTokens = null;
    return null;
  }
  if (!lastTokens) lastTokens = splitIdentifiers(text);
  return lastTokens;
}

function splitIdentifiers(text: string): Int32Array {
  const pairs: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && IDENTIFIER_CODES[text.charCodeAt(i)] === 0) i++;
    if (i >= length) break;
    const start = i++;
    while (i < length && IDENTIFIER_CODES[text.charCodeAt(i)] === 1) i++;
    pairs.push(start, i);
  }
  return Int32Array.from(pairs);
}

/** Whether `word` is one identifier (`[A-Za-z0-9_]+`). */
export function isIdentifierWord(word: string): boolean {
  return word.length > 0 && isIdentifier(word);
}

/** `word` occurs where no identifier character precedes it (`op::` in `use op::Client`, not in `Stop::`). */
export function includesAtWordStart(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (at === 0 || !isIdentifierCode(text.charCodeAt(at - 1))) return true;
  }
  return false;
}

/**
 * Whether offset `at` lies on a line that is a `//` comment from its first non-blank character
 * (`///` and `//!` docs included): what such a line spells is no code, no string and no attribute.
 * A line with code before its comment is not one. Block comments are not looked at: a cheap test
 * may pass a file it could have skipped, never skip one it should pass.
 */
export function onCommentLine(text: string, at: number): boolean {
  let i = text.lastIndexOf('\n', at - 1) + 1;
  while (i < at && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i + 1 < at && text.charCodeAt(i) === 47 && text.charCodeAt(i + 1) === 47;
}

/** Whether `word` occurs as a whole identifier outside `//` comment lines (`env` in `#[arg(long, env)]`). */
export function spellsIdentifierInCode(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if ((at === 0 || !isIdentifierCode(text.charCodeAt(at - 1))) && (end >= text.length || !isIdentifierCode(text.charCodeAt(end))) && !onCommentLine(text, at)) return true;
  }
  return false;
}

function isIdentifierCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function isIdentifier(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isIdentifierCode(word.charCodeAt(i))) return false;
  return true;
}

/** Index of an identifier's (first character, length) in `shapes` (lengths past 127 share a slot). */
function shapeOf(first: number, length: number): number {
  return first * 128 + (length > 127 ? 127 : length);
}

/**
 * Where words occur in one text, as substrings, each word searched for once: whether a range of
 * the text spells a word is then a binary search instead of slicing the range and searching it
 * (a file's calls nest, so the slices of all its calls add up to many times its text).
 */
export class TextOccurrences {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly text: string) {}

  /** Whether `text.slice(start, end)` includes one of `words`; `end` is asked for only when an occurrence starts at or after `start`. */
  spellsAny(words: readonly string[], start: number, end: () => number): boolean {
    let known = -1;
    for (const word of words) {
      if (word.length === 0) return true;
      const starts = this.startsOf(word);
      const first = firstAtOrAfter(starts, start);
      if (first >= starts.length) continue;
      if (known < 0) known = end();
      if (starts[first] + word.length <= known) return true;
    }
    return false;
  }

  /** Whether the text includes `word` at all. */
  includes(word: string): boolean {
    return word.length === 0 || this.startsOf(word).length > 0;
  }

  private startsOf(word: string): number[] {
    let starts = this.starts.get(word);
    if (!starts) {
      starts = [];
      for (let at = this.text.indexOf(word); at >= 0; at = this.text.indexOf(word, at + 1)) starts.push(at);
      this.starts.set(word, starts);
    }
    return starts;
  }
}

/** Index of the first value >= `offset` in ascending `sorted` (its length when none is). */
function firstAtOrAfter(sorted: readonly number[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
