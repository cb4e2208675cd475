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
    let start = -1;
    const end = text.length;
    for (let i = 0; i <= end; i++) {
      if (i < end && isIdentifierCode(text.charCodeAt(i))) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        if (this.shapes[shapeOf(text.charCodeAt(start), i - start)] === 1) {
          const word = text.slice(start, i);
          if (this.identifiers.has(word) && (!accept || accept(word, i))) {
            found.push(start);
            if (first) return found;
          }
        }
        start = -1;
      }
    }
    return found;
  }
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
