import { defineRule, type Report } from '../core/rule.js';
import type { NameRole, Origin, SecretEntry } from '../registry/model.js';
import { describeOrigin, originRange } from '../registry/origin-range.js';

interface Claim {
  secret: SecretEntry;
  role: NameRole;
  origin: Origin;
}

/** Every name claim, canonical names first, then aliases and deprecated names, each in declaration order. */
function claimsByName(secrets: SecretEntry[]): Map<string, Claim[]> {
  const byName = new Map<string, Claim[]>();
  const add = (name: string, claim: Claim) => {
    const list = byName.get(name) ?? [];
    list.push(claim);
    byName.set(name, list);
  };
  const at = (secret: SecretEntry, name: string, fallback: Origin) => secret.nameOrigins[name] ?? fallback;
  for (const secret of secrets) add(secret.env, { secret, role: 'canonical', origin: at(secret, secret.env, secret.origin) });
  for (const secret of secrets) {
    secret.aliases.forEach((alias, i) => add(alias, { secret, role: 'alias', origin: secret.aliasOrigins?.[i] ?? at(secret, alias, secret.origin) }));
    for (const dep of secret.deprecated) add(dep.name, { secret, role: 'deprecated', origin: dep.origin });
  }
  return byName;
}

export default defineRule({
  meta: {
    id: 'registry-collision',
    area: 'registry',
    defaultSeverity: 'error',
    description: 'Disallow one env name being claimed by two registry ids or listed twice for one id.',
    rationale:
      'Every env name must map to exactly one secret. When two ids claim the same name (two canonical names, or an alias equal to another secret\'s canonical name), lookups resolve it to whichever was declared first: the resolver may hand out the wrong secret, leak findings carry the wrong id, and lifecycle rules warn about the wrong alias.',
    fix: 'Give each secret its own names. If two ids really are one secret, merge them into one entry; if a name moved from one secret to another, remove it from the old entry.',
    messages: {
      aliasIsCanonical: "'{{name}}' is listed as {{role}} of '{{id}}' but is the canonical name of '{{otherId}}' ({{at}}).",
      shared: "'{{name}}' is claimed by both '{{otherId}}' ({{at}}) and '{{id}}'.",
      repeated: "'{{name}}' is listed more than once for '{{id}}'.",
    },
    cwe: ['CWE-694'],
    securitySeverity: '4.0',
    precision: 'very-high',
    appliesTo: ['registry'],
    bad: [{ lang: 'yaml', code: 'secrets:\n  - id: GithubToken\n    env: GITHUB_TOKEN\n  - id: GhAppToken\n    env: GH_APP_TOKEN\n    aliases: [GITHUB_TOKEN]' }],
    good: [{ lang: 'yaml', code: 'secrets:\n  - id: GithubToken\n    env: GITHUB_TOKEN\n  - id: GhAppToken\n    env: GH_APP_TOKEN' }],
  },
  *checkProject(_project, ctx) {
    for (const [name, claims] of claimsByName(ctx.registry.secrets)) {
      const [owner, ...rest] = claims;
      const reportedSelf = new Set<SecretEntry>();
      for (const claim of rest) {
        let report: Pick<Report, 'messageId' | 'data'>;
        if (isSelfRepeat(claims, claim)) {
          if (reportedSelf.has(claim.secret)) continue;
          reportedSelf.add(claim.secret);
          report = { messageId: 'repeated', data: { name, id: claim.secret.id } };
        } else if (claim.secret.id === owner.secret.id) {
          continue; // another declaration of the same id: registry-duplicate reports it
        } else if (owner.role === 'canonical' && claim.role !== 'canonical') {
          const role = claim.role === 'alias' ? 'an alias' : 'a deprecated alias';
          report = { messageId: 'aliasIsCanonical', data: { name, role, id: claim.secret.id, otherId: owner.secret.id, at: describeOrigin(owner.origin) } };
        } else {
          report = { messageId: 'shared', data: { name, id: claim.secret.id, otherId: owner.secret.id, at: describeOrigin(owner.origin) } };
        }
        yield { ...report, file: claim.origin.file, range: originRange(claim.origin), secretId: claim.secret.id, envName: name };
      }
    }
  },
});

/** True when the same entry object already claimed this name earlier in the list. */
function isSelfRepeat(claims: Claim[], claim: Claim): boolean {
  const index = claims.indexOf(claim);
  return claims.slice(0, index).some((earlier) => earlier.secret === claim.secret);
}
