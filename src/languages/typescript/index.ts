// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const typescriptFrontEnd: FrontEnd = {
  id: 'typescript',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
