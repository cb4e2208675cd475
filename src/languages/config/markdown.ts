// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const markdownFrontEnd: FrontEnd = {
  id: 'markdown',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
