// The TypeScript/JavaScript front end: env reads, resolver calls, secret-store SDK calls,
// registry names in string literals and directive comments, from one parse of the file.
import type { FrontEnd } from '../../core/facts.js';
import { analyzeTypeScript } from './analyze-file.js';
import { mayHoldFacts } from './prefilter.js';

export { collectTypeScriptConstants } from './project-constants.js';
export { mayHoldFacts };

export const typescriptFrontEnd: FrontEnd = {
  id: 'typescript',
  prefilter: mayHoldFacts,
  analyze: analyzeTypeScript,
};
