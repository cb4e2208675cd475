// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const pythonFrontEnd: FrontEnd = {
  id: 'python',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
