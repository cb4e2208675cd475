import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'no-unregistered-secret-env',
    area: 'bypass',
    defaultSeverity: 'warn',
    description: 'Disallow reading or referencing a secret-looking env name that the registry does not know.',
    rationale:
      'A name that looks like a credential (per `secret_patterns`) but is missing from the registry is a secret nobody owns: it has no rotation policy, no resolver path and no documentation, and the other rules cannot protect it.',
    fix: 'Add the secret to the registry (id, env, kind, owner), then read it through the resolver. If the name is not a secret, set `kind: config` for it in the registry or narrow `secret_patterns`.',
    messages: {
      unregistered: "'{{name}}' looks like a secret but is not in the registry ({{api}}); register it and read it through the resolver.",
    },
    cwe: ['CWE-1059'],
    securitySeverity: '4.0',
    precision: 'medium',
    appliesTo: ['typescript', 'javascript', 'rust', 'python', 'shell', 'workflow', 'compose', 'kubernetes', 'dockerfile'],
    bad: [{ lang: 'ts', code: 'const token = process.env.SLACK_BOT_TOKEN;' }],
    good: [{ lang: 'yaml', code: '# secrets.registry.yaml\n- id: SlackBotToken\n  env: SLACK_BOT_TOKEN\n  kind: secret' }],
  },
  *checkFile(file, ctx) {
    if (ctx.isResolverPath(file.file)) return;
    for (const fact of file.facts) {
      if (fact.kind !== 'env-read' || fact.name === null) continue;
      if (ctx.names.has(fact.name) || !ctx.looksLikeSecret(fact.name)) continue;
      yield { messageId: 'unregistered', data: { name: fact.name, api: fact.api }, file: file.file, range: fact.range, envName: fact.name };
    }
  },
});
