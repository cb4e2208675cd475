// File texts of one scan, read once for the passes after the first (the env-key helpers and the
// cross-file rounds ask about thousands of Rust and Python files): the first pass's prefilter
// hands over what it decoded, and a text not handed over is read from disk on first use. On vox
// (3,008 Rust files, 21 MB) each pass otherwise read the whole tree again, about 0.1 s each.
import fs from 'node:fs';
import path from 'node:path';
import type { LanguageId } from './facts.js';
import type { PendingFile } from './analyze-file.js';
import { decodeSourceText } from './decode-text.js';

/** Languages whose texts the later passes read (src/core/env-key-helpers.ts, cross-file-summaries.ts). */
const KEPT_LANGUAGES = new Set(['rust', 'python']);

export class ProjectTexts {
  private readonly texts = new Map<string, string | null>();
  private readonly words = new Map<string, ReadonlySet<string>>();
  /** TS/JS texts kept for the leak pass (`keepScripts`), until it takes them. */
  private scripts: Map<string, string> | undefined;

  private readonly maxBytes: number;

  /**
   * `keepScripts`: also keep the TS/JS texts, which the TypeScript leak pass reads all of (takeScripts).
   * `maxBytes`: the scan's `max_file_bytes`. A larger file has no text here, as the front end
   * skips it: a cross-file pass must not parse a planted huge file (and drop its size error).
   */
  constructor(
    private readonly root: string,
    { keepScripts = false, maxBytes = Number.POSITIVE_INFINITY }: { keepScripts?: boolean; maxBytes?: number } = {},
  ) {
    if (keepScripts) this.scripts = new Map();
    this.maxBytes = maxBytes;
  }

  /**
   * The prefilter's decoded text of a file (src/core/analyze-file.ts), kept for its language only.
   * It equals what `text` would read: the same bytes, decoded as UTF-8 (a file that is not valid
   * UTF-8 is never handed over, and is read from disk with replacement characters as before).
   */
  remember(file: string, language: string, text: string): void {
    if (KEPT_LANGUAGES.has(language)) this.texts.set(file, text);
    else if (this.scripts && (language === 'typescript' || language === 'javascript')) this.scripts.set(file, text);
  }

  /**
   * The kept TS/JS texts by absolute path, handed over once: this object keeps no reference (the
   * leak pass lets them go when it no longer needs them, before its peak memory).
   */
  takeScripts(): Map<string, string> {
    const taken = new Map<string, string>();
    for (const [file, text] of this.scripts ?? []) taken.set(path.join(this.root, file), text);
    this.scripts = undefined;
    return taken;
  }

  /** A file the prefilter skipped, as a front end's input: a cross-file pass analyses it all the same. */
  pending(file: string, language: LanguageId): PendingFile | null {
    const text = this.text(file);
    return text === null ? null : { file, language, text };
  }

  /** The text without keeping it (a pass over thousands of TS files must not hold them all). */
  peek(file: string): string | null {
    const kept = this.texts.get(file) ?? this.scripts?.get(file);
    if (kept !== undefined) return kept;
    return this.read(file);
  }

  /**
   * A file as the front end decodes it (analyze-file.ts): without a leading byte-order mark, which
   * `readFileSync(file, 'utf8')` keeps. Otherwise a pass analysing a file it reads here (a cached
   * scan hands nothing over) put line 1's findings one column further than the uncached scan.
   * Invalid UTF-8 becomes replacement characters, as before (the front end skips such a file).
   */
  private read(file: string): string | null {
    try {
      const absolute = path.join(this.root, file);
      if (Number.isFinite(this.maxBytes) && fs.statSync(absolute).size > this.maxBytes) return null;
      return decodeSourceText(fs.readFileSync(absolute));
    } catch {
      return null;
    }
  }

  text(file: string): string | null {
    let text = this.texts.get(file);
    if (text === undefined) {
      const script = this.scripts?.get(file);
      if (script !== undefined) return script;
      text = this.read(file);
      this.texts.set(file, text);
    }
    return text;
  }

  /** Whether the file's word set is built already (a later round looks up there instead of scanning). */
  hasWordsOf(file: string): boolean {
    return this.words.has(file);
  }

  /** The file's identifiers (maximal runs of `[A-Za-z0-9_]`), built on first use. */
  wordsOf(file: string, text: string): ReadonlySet<string> {
    let words = this.words.get(file);
    if (!words) {
      words = identifiersOf(text);
      this.words.set(file, words);
    }
    return words;
  }
}

function identifiersOf(text: string): Set<string> {
  const words = new Set<string>();
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isIdentifierChar(text.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.add(text.slice(start, i));
      start = -1;
    }
  }
  return words;
}

export function isIdentifierChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** `word` somewhere in `text` as a whole identifier (no identifier character on either side). */
export function includesWord(text: string, word: string): boolean {
  const isWordChar = (at: number): boolean => at >= 0 && at < text.length && isIdentifierChar(text.charCodeAt(at));
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isWordChar(at - 1) && !isWordChar(at + word.length)) return true;
  }
  return false;
}
