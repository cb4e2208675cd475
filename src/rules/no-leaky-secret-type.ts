import { defineRule } from '../core/rule.js';

export default defineRule({
  meta: {
    id: 'no-leaky-secret-type',
    area: 'leak',
    defaultSeverity: 'error',
    description: 'Disallow types that hold a secret and expose it through Debug, Display, Serialize, toJSON or util.inspect.',
    rationale:
      'A struct or class holding a secret leaks it wherever an instance is printed or serialised: `{:?}` in a log line, a derived `Serialize`, `console.log(client)`, `JSON.stringify(config)`. The leak is invisible at the call site, so it has to be fixed in the type.',
    fix: 'Redact in the type: a manual `Debug`/`Display` that prints a placeholder, `#[serde(skip)]`, a `secrecy::SecretString` field, or in TypeScript a `#private` field or both a redacting `toJSON` and `[util.inspect.custom]`.',
    messages: {
      leaky: "Type '{{typeName}}' holds {{secret}} in field '{{field}}' and exposes it ({{exposure}}).",
    },
    cwe: ['CWE-532', 'CWE-312'],
    securitySeverity: '6.5',
    precision: 'medium',
    bad: [
      { lang: 'ts', code: "class Client {\n  private apiKey = resolveSecret('OpenRouterApiKey');\n}" },
      { lang: 'rust', code: '#[derive(Debug)]\nstruct Client { api_key: SecretString }' },
    ],
    good: [
      { lang: 'ts', code: "class Client {\n  #apiKey = resolveSecret('OpenRouterApiKey');\n}" },
      { lang: 'rust', code: 'struct Client { api_key: SecretString }\nimpl fmt::Debug for Client { /* prints \"[redacted]\" */ }' },
    ],
    appliesTo: ['typescript', 'javascript', 'rust', 'python'],
  },
  *checkFile(file, ctx) {
    for (const fact of file.facts) {
      if (fact.kind !== 'leaky-type') continue;
      yield {
        messageId: 'leaky',
        data: { typeName: fact.typeName, field: fact.field, exposure: fact.exposure, secret: fact.secretId ? `secret ${fact.secretId}` : 'a secret' },
        file: file.file,
        range: fact.range,
        secretId: fact.secretId,
        envName: ctx.registry.secrets.find((secret) => secret.id === fact.secretId)?.env ?? null,
        fingerprintHint: `${fact.typeName}.${fact.field}`,
      };
    }
  },
});
