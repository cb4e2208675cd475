import { defineRule } from '../core/rule.js';
import type { SecretEntry } from '../registry/model.js';
import { describeOrigin, originRange } from '../registry/origin-range.js';

export default defineRule({
  meta: {
    id: 'registry-duplicate',
    area: 'registry',
    defaultSeverity: 'error',
    description: 'Disallow declaring one secret id more than once in the registry.',
    rationale:
      'The registry is the single source of truth for which secrets exist. When an id is declared twice, only the first declaration is used for name lookups, so the second one (its names, aliases, lifecycle dates and owner) silently means nothing, and readers of the registry cannot tell which one is real.',
    fix: 'Keep one declaration per id and merge the names and metadata of the others into it. To add metadata to an id declared in code, use an overlay entry that carries only `id` and the extra fields.',
    messages: {
      duplicate: "Secret id '{{id}}' is declared more than once; the first declaration is at {{first}}.",
    },
    cwe: ['CWE-1068'],
    securitySeverity: '3.0',
    precision: 'very-high',
    appliesTo: ['registry'],
    bad: [{ lang: 'yaml', code: 'secrets:\n  - id: GithubToken\n    env: GITHUB_TOKEN\n  - id: GithubToken\n    env: GH_TOKEN' }],
    good: [{ lang: 'yaml', code: 'secrets:\n  - id: GithubToken\n    env: GITHUB_TOKEN\n    aliases: [GH_TOKEN]' }],
  },
  // `indexNames` keeps the first claimant only, so duplicates are found on `registry.secrets` directly.
  *checkProject(_project, ctx) {
    const firstById = new Map<string, SecretEntry>();
    for (const secret of ctx.registry.secrets) {
      const first = firstById.get(secret.id);
      if (!first) {
        firstById.set(secret.id, secret);
        continue;
      }
      yield {
        messageId: 'duplicate',
        data: { id: secret.id, first: describeOrigin(first.origin) },
        file: secret.origin.file,
        range: originRange(secret.origin),
        secretId: secret.id,
        envName: secret.env,
      };
    }
  },
});
