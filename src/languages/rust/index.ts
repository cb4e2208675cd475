// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const rustFrontEnd: FrontEnd = {
  id: 'rust',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
