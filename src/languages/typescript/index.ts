// The TypeScript/JavaScript front end: env reads, resolver calls, secret-store SDK calls,
// registry names in string literals and directive comments, from one parse of the file.
import type { FrontEnd, FrontEndOptions } from '../../core/facts.js';
import { analyzeTypeScript } from './analyze-file.js';
import { prepareOptions } from './prepared-options.js';

export { collectTypeScriptConstants } from './project-constants.js';

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

/** Cheap test on the raw text: false means the file holds no fact and is never parsed. */
export function mayHoldFacts(text: string, options: FrontEndOptions): boolean {
  if (hasEnvWord(text)) return true;
  const search = prepareOptions(options).needleSearch;
  return search !== null && search.test(text);
}

export const typescriptFrontEnd: FrontEnd = {
  id: 'typescript',
  prefilter: mayHoldFacts,
  analyze: analyzeTypeScript,
};
