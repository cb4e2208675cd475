// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const dockerfileFrontEnd: FrontEnd = {
  id: 'dockerfile',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
