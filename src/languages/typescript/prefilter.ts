// The TypeScript/JavaScript prefilter, kept apart from the front end so that deciding which files
// to parse never loads the compiler: a repository whose TS/JS files all fail it (a Rust or Python
// project with a few config scripts) never pays the compiler's load (about 0.2 s).
import type { FrontEndOptions } from '../../core/facts.js';
import { secretStoresFor } from '../secret-stores/catalog.js';
import { NeedleSearch } from './needle-search.js';

/** The marker of suppression comments (directive-comments.ts finds them in the tree). */
export const DIRECTIVE_MARKER = 'clavis-lint-disable';

function isIdentifierChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95 || code === 36 || code > 127;
}

/**
 * Every env read spells `env` as a whole word (`process.env`, `import.meta.env`, `Bun.env`,
 * `{ env }`, `'env'`); `environment` in a comment does not count.
 */
function hasEnvWord(text: string): boolean {
  for (let at = text.indexOf('env'); at !== -1; at = text.indexOf('env', at + 3)) {
    if ((at === 0 || !isIdentifierChar(text.charCodeAt(at - 1))) && !isIdentifierChar(text.charCodeAt(at + 3))) return true;
  }
  return false;
}

/** Per options (once per scan): the substrings of which one must occur for a file to hold any fact besides `env`. */
const needleSearches = new WeakMap<FrontEndOptions, NeedleSearch>();

function needleSearchFor(options: FrontEndOptions): NeedleSearch {
  let search = needleSearches.get(options);
  if (search === undefined) {
    const storeModules = secretStoresFor('typescript', options.extraSecretStores ?? []).map((entry) => entry.module);
    search = new NeedleSearch([DIRECTIVE_MARKER, ...(options.registryNames ?? []), ...(options.resolver?.functions ?? []), ...storeModules]);
    needleSearches.set(options, search);
  }
  return search;
}

/** Cheap test on the raw text: false means the file holds no fact and is never parsed. */
export function mayHoldFacts(text: string, options: FrontEndOptions): boolean {
  if (hasEnvWord(text)) return true;
  return needleSearchFor(options).foundIn(text);
}
