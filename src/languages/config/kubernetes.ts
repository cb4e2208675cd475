// PLACEHOLDER: replaced by the real front end. Emits nothing yet.
import type { FrontEnd } from '../../core/facts.js';

export const kubernetesFrontEnd: FrontEnd = {
  id: 'kubernetes',
  prefilter: () => false,
  analyze: () => ({ facts: [] }),
};
