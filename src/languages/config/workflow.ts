// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const workflowFrontEnd: FrontEnd = {
  id: 'workflow',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
