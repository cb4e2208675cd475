// Which Markdown pages a scan parses. markdown-it is the costly part of the Markdown front end
// (vox: 777 pages, 9 MB of docs), and most pages of a project feed no rule. With
// `options.markdownPages` set (the engine sets it), a page is parsed when a rule may read one of
// its facts:
// - a configured docs page: docs-drift reads its tables, lists, marked blocks and every name;
// - a page with a `clavis-lint` marker: suppression comments (and unused-suppression), blocks;
// - a page whose name refs can matter elsewhere: an UPPER_SNAKE word that ends in a registry name
//   (`NEXT_PUBLIC_X`, read by no-compile-time-secret with any prefix), and, unless
//   `options.markdownMentions` is false (registry-unreferenced is off), a registry name or id
//   itself (registry-unreferenced counts any mention as a reference).
// Other names (UPPER_SNAKE words the registry does not know) are read only by docs-drift, on the
// configured pages, and by `init`, which sets no `markdownPages` and so parses every page.
//
// The test reads raw words, a superset of the words the front end takes from markdown-it's
// tokens: a backslash splits words, and the text is read a second time with backslash escapes
// undone (`OPENAI\_API\_KEY` is the word OPENAI_API_KEY in the page); a page with an entity that
// could spell a word character (`&#95;`, `&lowbar;`) is parsed anyway.
import type { FrontEndOptions } from '../../core/facts.js';

const MARKER = 'clavis-lint';
const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const WORD_ENTITY = /&(?:#|lowbar;|UnderBar;)/;
/** CommonMark backslash escapes: a backslash before ASCII punctuation. */
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

interface PreparedNames {
  pages: ReadonlySet<string>;
  /** Registry names (env, aliases, deprecated). */
  names: ReadonlySet<string>;
  /** Registry ids. */
  ids: ReadonlySet<string>;
  /** First characters (ASCII codes) a relevant word can start with: A-Z and those of registry names. */
  starts: Uint8Array;
}

const prepared = new WeakMap<FrontEndOptions, PreparedNames>();

function prepare(options: FrontEndOptions, pages: string[]): PreparedNames {
  const cached = prepared.get(options);
  if (cached) return cached;
  const starts = new Uint8Array(128);
  for (let code = 65; code <= 90; code++) starts[code] = 1;
  for (const name of options.registryNames) {
    const code = name.charCodeAt(0);
    if (code < 128) starts[code] = 1;
  }
  const names: PreparedNames = { pages: new Set(pages), names: new Set(options.registryNames), ids: new Set(Object.keys(options.envById ?? {})), starts };
  prepared.set(options, names);
  return names;
}

function isWordChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * A word whose name ref some rule reads outside the configured pages: one ending in a registry
 * name after some prefix (`NEXT_PUBLIC_` + a secret: no-compile-time-secret, any prefix its options
 * add); with `mentions`, also a registry name or id itself (registry-unreferenced counts those).
 */
function isRelevant(word: string, names: PreparedNames, mentions: boolean): boolean {
  if (mentions && names.names.has(word)) return true;
  if (!UPPER_SNAKE.test(word)) return false;
  if (mentions && names.ids.has(word)) return true;
  for (let k = 1; k < word.length; k++) if (names.names.has(word.slice(k))) return true;
  return false;
}

function namesRelevantWord(text: string, names: PreparedNames, mentions: boolean): boolean {
  return mentions ? anyRelevantWord(text, names) : anyRelevantSnakeWord(text, names);
}

/** Without bare mentions a relevant word is UPPER_SNAKE, so it holds a `_`: only words around one are read (prose has few). */
function anyRelevantSnakeWord(text: string, names: PreparedNames): boolean {
  for (let underscore = text.indexOf('_'); underscore !== -1; ) {
    let start = underscore;
    while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
    let end = underscore + 1;
    while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
    if (names.starts[text.charCodeAt(start)] === 1 && isRelevant(text.slice(start, end), names, false)) return true;
    underscore = text.indexOf('_', end);
  }
  return false;
}

function anyRelevantWord(text: string, names: PreparedNames): boolean {
  const length = text.length;
  let at = 0;
  while (at < length) {
    const code = text.charCodeAt(at);
    if (!isWordChar(code)) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < length && isWordChar(text.charCodeAt(end))) end++;
    if (names.starts[code] === 1 && isRelevant(text.slice(at, end), names, true)) return true;
    at = end;
  }
  return false;
}

/** The Markdown prefilter: false means no rule reads any fact of this page, so it is not parsed. */
export function mayHoldReadFacts(text: string, options: FrontEndOptions, file?: string): boolean {
  const pages = options.markdownPages;
  if (!pages || file === undefined) return true;
  const names = prepare(options, pages);
  if (names.pages.has(file) || text.includes(MARKER)) return true;
  if (WORD_ENTITY.test(text)) return true;
  const mentions = options.markdownMentions !== false;
  if (namesRelevantWord(text, names, mentions)) return true;
  return text.includes('\\') && namesRelevantWord(text.replace(ESCAPE, '$1'), names, mentions);
}
