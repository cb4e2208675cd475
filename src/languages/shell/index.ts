// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const shellFrontEnd: FrontEnd = {
  id: 'shell',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
