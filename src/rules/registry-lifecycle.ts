import { defineRule, type Report } from '../core/rule.js';
import { daysBetween } from '../registry/dates.js';
import { originRange } from '../registry/origin-range.js';

export default defineRule({
  meta: {
    id: 'registry-lifecycle',
    area: 'registry',
    defaultSeverity: 'warn',
    description: 'Require lifecycle data in the registry: removal dates on deprecated aliases, no long-past removals, and the metadata `require:` asks for.',
    rationale:
      'A deprecated alias without a removal date is never removed: no-deprecated-alias can only warn about it forever. A removal date long past means the alias should already be gone from the registry, yet it keeps the old name accepted. Owners and rotation periods are how secrets get rotated when someone leaves or a key leaks; `require:` in the config makes them mandatory.',
    fix: 'Add `remove_after: YYYY-MM-DD` to each deprecated alias; delete aliases whose removal date is long past once no code uses them; add `owner:` and `rotation_days:` where the config requires them.',
    messages: {
      missingRemoveAfter: "Deprecated alias '{{name}}' of '{{id}}' has no remove_after date.",
      longPast: "Deprecated alias '{{name}}' of '{{id}}' was due for removal on {{date}}, {{days}} days ago; remove it from the registry.",
      missingOwner: "Secret '{{id}}' has no owner.",
      missingRotation: "Secret '{{id}}' has no rotation_days.",
    },
    cwe: ['CWE-324'],
    securitySeverity: '3.0',
    precision: 'very-high',
    appliesTo: ['registry'],
    bad: [{ lang: 'yaml', code: 'version: 1\nsecrets:\n  - id: OpenRouterApiKey\n    env: OPENROUTER_API_KEY\n    deprecated:\n      - name: OPENROUTER_KEY' }],
    good: [
      {
        lang: 'yaml',
        code: 'version: 1\nsecrets:\n  - id: OpenRouterApiKey\n    env: OPENROUTER_API_KEY\n    owner: platform\n    rotation_days: 90\n    deprecated:\n      - name: OPENROUTER_KEY\n        remove_after: 2027-06-30',
      },
    ],
  },
  *checkProject(_project, ctx): Generator<Report> {
    const { maxPastDays } = ctx.settings.lifecycle;
    for (const secret of ctx.registry.secrets) {
      const base = { secretId: secret.id, envName: secret.env };
      for (const dep of secret.deprecated) {
        const at = { file: dep.origin.file, range: originRange(dep.origin), secretId: secret.id, envName: dep.name };
        if (!dep.removeAfter) {
          yield { messageId: 'missingRemoveAfter', data: { name: dep.name, id: secret.id }, ...at };
          continue;
        }
        const days = daysBetween(dep.removeAfter, ctx.today);
        if (days > maxPastDays) yield { messageId: 'longPast', data: { name: dep.name, id: secret.id, date: dep.removeAfter, days }, ...at };
      }
      const entryAt = { file: secret.origin.file, range: originRange(secret.origin), ...base };
      if (ctx.settings.require.owner && !secret.owner) yield { messageId: 'missingOwner', data: { id: secret.id }, ...entryAt };
      // Rotation only makes sense for values that are secret; a managed config name never rotates.
      if (ctx.settings.require.rotationDays && secret.kind === 'secret' && secret.rotationDays === undefined) {
        yield { messageId: 'missingRotation', data: { id: secret.id }, ...entryAt };
      }
    }
  },
});
