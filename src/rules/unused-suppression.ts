import { defineRule } from '../core/rule.js';
import { UNUSED_SUPPRESSION } from './suppression-rule-ids.js';

// Reported by the engine's post-processing, which knows which directives matched a finding.
export default defineRule({
  meta: {
    id: UNUSED_SUPPRESSION,
    area: 'meta',
    defaultSeverity: 'warn',
    description: 'Report clavis-lint suppression directives that suppress nothing.',
    rationale:
      'A stale suppression hides the next real finding on that line. Removing it once the code is fixed keeps every remaining exception meaningful.',
    fix: 'Delete the directive, or correct its rule ids.',
    messages: {
      unused: 'Suppression directive for {{rules}} suppresses nothing; remove it.',
    },
    cwe: [],
    securitySeverity: '1.0',
    precision: 'very-high',
    appliesTo: ['all'],
    bad: [{ lang: 'ts', code: '// clavis-lint-disable-next-line no-direct-env-read -- legacy\nconst port = 8080;' }],
    good: [{ lang: 'ts', code: 'const port = 8080;' }],
  },
});
