import { defineRule } from '../core/rule.js';
import { SUPPRESSION_WITHOUT_REASON } from './suppression-rule-ids.js';

// Reported by the engine's post-processing, which owns directive matching; no check here.
export default defineRule({
  meta: {
    id: SUPPRESSION_WITHOUT_REASON,
    area: 'meta',
    defaultSeverity: 'error',
    description: 'Require a reason on every clavis-lint suppression directive.',
    rationale:
      'A suppressed security finding is an exception someone will have to audit. Without a written reason the reviewer cannot tell a deliberate, safe exception from a silenced problem, so a directive without one suppresses nothing.',
    fix: 'Add ` -- <why this is safe>` after the rule list, e.g. `// clavis-lint-disable-next-line no-direct-env-read -- bootstrap reads the key before the resolver exists`.',
    messages: {
      missingReason: 'Suppression directive has no reason; add `-- <why>` after the rule ids (it suppresses nothing until then).',
    },
    cwe: [],
    securitySeverity: '2.0',
    precision: 'very-high',
    appliesTo: ['all'],
    bad: [{ lang: 'ts', code: '// clavis-lint-disable-next-line no-direct-env-read\nconst k = process.env.OPENROUTER_API_KEY;' }],
    good: [{ lang: 'ts', code: '// clavis-lint-disable-next-line no-direct-env-read -- bootstrap runs before the resolver\nconst k = process.env.OPENROUTER_API_KEY;' }],
  },
});
