// The names a TS/JS file's import statements bind (`import { requireEnv } from './env'`, and
// CommonJS `const { requireEnv } = require('./env')`), by a plain text scan: the env-key helper pass (env-key-helpers.ts) asks whether a file imports a
// helper. Kept on the prefilter's analysis of files it skips, so a scan served from the result
// cache answers without reading thousands of files again. Over-inclusive by design (it also
// collects `type`, `as` and the like): a text test, never the decision; the front end decides.

/** Import clauses longer than this are not import clauses (a stray `import` word in a comment). */
const MAX_CLAUSE = 2000;

export function importedNames(text: string): string[] {
  const names = new Set<string>();
  for (let at = text.indexOf('import'); at >= 0; at = text.indexOf('import', at + 6)) {
    const end = text.indexOf('from', at);
    if (end < 0) break;
    const clause = text.slice(at + 6, end);
    if (clause.length > MAX_CLAUSE) continue;
    for (const word of clause.split(/[^\p{L}\p{N}_$]+/u)) if (word !== '') names.add(word);
  }
  // `{ a, b: c } = require(`: the braces right before `= require(`.
  for (let at = text.indexOf('require('); at >= 0; at = text.indexOf('require(', at + 8)) {
    let end = at - 1;
    while (end >= 0 && /\s/.test(text[end])) end--;
    if (text[end] !== '=') continue;
    end--;
    while (end >= 0 && /\s/.test(text[end])) end--;
    if (text[end] !== '}') continue;
    const open = text.lastIndexOf('{', end);
    if (open < 0 || end - open > MAX_CLAUSE) continue;
    for (const word of text.slice(open + 1, end).split(/[^\p{L}\p{N}_$]+/u)) if (word !== '') names.add(word);
  }
  return [...names].sort();
}
