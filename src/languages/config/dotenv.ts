// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const dotenvFrontEnd: FrontEnd = {
  id: 'dotenv',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
