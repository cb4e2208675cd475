import type { Fact } from '../core/facts.js';
import { defineRule } from '../core/rule.js';
import { originRange } from '../registry/origin-range.js';

/** Names or ids a fact points at. */
function referencedKeys(fact: Fact): Array<string | null | undefined> {
  switch (fact.kind) {
    case 'env-read':
    case 'name-ref':
      return [fact.name];
    case 'resolver-call':
      return [fact.secretRef];
    case 'leak':
      return [fact.secretId, fact.envName];
    case 'leaky-type':
      return [fact.secretId];
    default:
      return [];
  }
}

export default defineRule({
  meta: {
    id: 'registry-unreferenced',
    area: 'registry',
    defaultSeverity: 'off',
    description: 'Report registry secrets that no scanned file references by id or by any of their names.',
    rationale:
      'A secret nobody reads is usually a leftover: it still sits in vaults, CI settings and deploy configs, keeps being rotated (or, worse, does not), and widens what an attacker can take. Off by default because a partial scan (a subset of paths, a monorepo slice) cannot see every reference.',
    fix: 'Remove the entry (and the stored secret) when it is truly unused, or scan the paths that use it. Files of the registry itself never count as references.',
    messages: {
      unreferenced: "Secret '{{id}}' is declared in the registry but nothing references it by id or name.",
    },
    cwe: ['CWE-1164'],
    securitySeverity: '2.0',
    precision: 'medium',
    appliesTo: ['registry'],
    bad: [{ lang: 'yaml', code: 'version: 1\nresolver:\n  functions: [resolveSecret]\nsecrets:\n  - id: LegacyFtpPassword\n    env: LEGACY_FTP_PASSWORD   # no code reads it' }],
    good: [{ lang: 'ts', code: "const key = await resolveSecret('LegacyFtpPassword');" }],
  },
  *checkProject(project, ctx) {
    const registryFiles = new Set(ctx.settings.registryFiles);
    const referenced = new Set<string>();
    for (const file of project.files) {
      if (registryFiles.has(file.file)) continue;
      for (const fact of file.facts) for (const key of referencedKeys(fact)) if (key) referenced.add(key);
    }
    for (const secret of ctx.registry.secrets) {
      const names = [secret.id, secret.env, ...secret.aliases, ...secret.deprecated.map((d) => d.name)];
      if (names.some((name) => referenced.has(name))) continue;
      yield { messageId: 'unreferenced', data: { id: secret.id }, file: secret.origin.file, range: originRange(secret.origin), secretId: secret.id, envName: secret.env };
    }
  },
});
