// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const composeFrontEnd: FrontEnd = {
  id: 'compose',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
