// Whether a file's text defines a function of a given name: a plain text test the cross-file
// passes run before deciding to parse a file again (never to find code: the front ends do that).
import { isIdentifierChar } from './project-texts.js';

/** `text` holds `<prefix><name>` followed by a character of `ends`, for one of `names`: one pass over the prefix's occurrences, not one search per name. */
function definesAny(text: string, prefix: string, names: ReadonlySet<string>, ends: string): boolean {
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    let end = at + prefix.length;
    while (end < text.length && isIdentifierChar(text.charCodeAt(end))) end++;
    const next = text[end];
    if (next !== undefined && ends.includes(next) && names.has(text.slice(at + prefix.length, end))) return true;
  }
  return false;
}

/**
 * Rust: `fn name(` or `fn name<`. Python: `def name(` (a function or method, also `async def`),
 * or `class Name(` / `class Name:` (called to build an instance). Other languages: false.
 */
export function definesFunction(language: string, text: string, names: ReadonlySet<string>): boolean {
  if (language === 'rust') return definesAny(text, 'fn ', names, '(<');
  if (language === 'python') return definesAny(text, 'def ', names, '(') || definesAny(text, 'class ', names, '(:');
  return false;
}
