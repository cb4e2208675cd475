// Whether a file's text defines a function of a given name: a plain text test the cross-file
// passes run before deciding to parse a file again (never to find code: the front ends do that).
import { isIdentifierChar } from './project-texts.js';

/** Adds to `found` each of `names` spelled `<prefix><name>` then a character of `ends` (one pass over the prefix's occurrences); stops at the first with `first`. */
function collectDefined(text: string, prefix: string, names: ReadonlySet<string>, ends: string, found: Set<string>, first: boolean): void {
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    let end = at + prefix.length;
    while (end < text.length && isIdentifierChar(text.charCodeAt(end))) end++;
    const next = text[end];
    const name = text.slice(at + prefix.length, end);
    if (next !== undefined && ends.includes(next) && names.has(name)) {
      found.add(name);
      if (first) return;
    }
  }
}

function defined(language: string, text: string, names: ReadonlySet<string>, first: boolean): Set<string> {
  const found = new Set<string>();
  if (language === 'rust') collectDefined(text, 'fn ', names, '(<', found, first);
  else if (language === 'python') {
    collectDefined(text, 'def ', names, '(', found, first);
    if (!first || found.size === 0) collectDefined(text, 'class ', names, '(:', found, first);
  }
  return found;
}

/**
 * Rust: `fn name(` or `fn name<`. Python: `def name(` (a function or method, also `async def`),
 * or `class Name(` / `class Name:` (called to build an instance). Other languages: false.
 */
export function definesFunction(language: string, text: string, names: ReadonlySet<string>): boolean {
  return defined(language, text, names, true).size > 0;
}

/** Which of `names` the text defines, as definesFunction spells a definition. */
export function definedFunctions(language: string, text: string, names: ReadonlySet<string>): Set<string> {
  return defined(language, text, names, false);
}
