// The TypeScript/JavaScript front end: env reads, resolver calls, secret-store SDK calls,
// registry names in string literals and directive comments, from one parse of the file.
import type { FrontEnd, FrontEndOptions } from '../../core/facts.js';
import { analyzeTypeScript } from './analyze-file.js';
import { prepareOptions } from './prepared-options.js';

export { collectTypeScriptConstants } from './project-constants.js';

/** Every env read spells `env` somewhere; other facts need one of the prepared needles. */
export function mayHoldFacts(text: string, options: FrontEndOptions): boolean {
  if (text.includes('env')) return true;
  const search = prepareOptions(options).needleSearch;
  return search !== null && search.test(text);
}

export const typescriptFrontEnd: FrontEnd = {
  id: 'typescript',
  prefilter: mayHoldFacts,
  analyze: analyzeTypeScript,
};
