import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';
import { defineRule, type Report } from '../core/rule.js';
import { isSecretName } from './secret-name-test.js';

const leakRule = defineLeakRule({
  id: 'no-secret-in-url',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values placed in URL query strings.',
  rationale:
    'URLs are logged by proxies, load balancers and servers, stored in browser history, sent in Referer headers and pasted into chats. A key in a query string is written down in all of those places. In shell scripts, workflow steps and Dockerfile RUN lines, a secret variable expanded in the query of a literal URL given to curl, wget or HTTPie is reported too: it is also on the command line, which other processes and `set -x` see.',
  fix: 'Send the secret in a request header (Authorization, x-api-key) or a POST body the API expects; never in the URL.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-598'],
  securitySeverity: '7.5',
  precision: 'high',
  bad: [
    { lang: 'ts', code: "const key = resolveSecret('OpenRouterApiKey');\nawait fetch(`https://api.example.com/v1/models?key=${key}`);" },
    { lang: 'sh', code: 'curl -fsS "https://openrouter.example.com/api/v1/models?key=$OPENROUTER_API_KEY"' },
  ],
  good: [
    { lang: 'ts', code: "const key = resolveSecret('OpenRouterApiKey');\nawait fetch('https://api.example.com/v1/models', { headers: { Authorization: `Bearer ${key}` } });" },
    { lang: 'sh', code: 'curl -fsS -H "Authorization: Bearer $OPENROUTER_API_KEY" "https://openrouter.example.com/api/v1/models?page=1"' },
  ],
  appliesTo: ['typescript', 'javascript', 'rust', 'python', 'shell', 'workflow', 'dockerfile'],
});

export default defineRule({
  meta: leakRule.meta,
  *checkFile(file, ctx): Generator<Report> {
    yield* leakRule.checkFile!(file, ctx);
    // Shell (scripts, workflow steps, RUN lines): the front end lists the variables expanded in a URL's query.
    for (const fact of file.facts) {
      if (fact.kind !== 'config' || fact.type !== 'shell-url-query') continue;
      for (const name of (fact.data.names ?? []) as string[]) {
        const secret = isSecretName(name, ctx);
        if (!secret) continue;
        const sink = `${String(fact.data.command ?? 'curl')} URL query`;
        yield { messageId: 'leak', data: { secret: secret.secretId ?? name, sink, source: `$${name}` }, file: file.file, range: fact.range, secretId: secret.secretId, envName: name, fingerprintHint: sink };
        break;
      }
    }
  },
});
