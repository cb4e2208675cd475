import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'no-direct-secret-store-access',
    area: 'bypass',
    defaultSeverity: 'error',
    description: 'Disallow calling a secret-store SDK or CLI (keyring, Vault, cloud secret managers, Infisical, Doppler, 1Password) outside the resolver.',
    rationale:
      'The resolver is the one place that decides where a secret comes from. Code that calls a secret store directly is a second, parallel path to secrets: it skips the registry, its aliases and its audit trail, keeps working after the secret moves, and is invisible to rotation and inventory. It also multiplies the places that hold store credentials. With no registry configured at all there is no resolver to go through yet, so a first run reports these calls as warnings (they show where the resolver will need to reach) and does not fail on them.',
    fix: 'Get the secret through the resolver (for example `resolve_secret("OpenRouterApiKey")` or `resolveSecret(SecretId.X)`), and make the resolver the only caller of the store. If this file is the resolver, add its path to `resolver.paths` in the registry.',
    messages: {
      direct: 'This calls {{provider}} directly ({{api}}) outside the resolver; go through the resolver so the registry stays the single path to secrets.',
    },
    cwe: ['CWE-522', 'CWE-1188'],
    securitySeverity: '5.0',
    precision: 'high',
    appliesTo: ['typescript', 'javascript', 'rust', 'python', 'shell', 'workflow'],
    bad: [
      { lang: 'python', code: 'import keyring\n\ntoken = keyring.get_password("github", "ci")' },
      { lang: 'sh', code: 'export GITHUB_TOKEN="$(op read op://ci/github/token)"' },
    ],
    good: [{ lang: 'python', code: 'from app.secrets import resolve_secret\n\ntoken = resolve_secret("GithubToken")' }],
  },
  *checkFile(file, ctx) {
    if (ctx.isResolverPath(file.file)) return;
    // Without a registry there is no resolver yet: a first run must not fail on that (issue 11).
    const noRegistry = ctx.registry.files.length === 0;
    for (const fact of file.facts) {
      if (fact.kind !== 'secret-store-call') continue;
      yield {
        messageId: 'direct',
        data: { provider: fact.provider, api: fact.api },
        file: file.file,
        range: fact.range,
        fingerprintHint: fact.api,
        ...(noRegistry ? { severity: 'warning' as const } : {}),
      };
    }
  },
});
