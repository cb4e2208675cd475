import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';

export default defineLeakRule({
  id: 'no-secret-in-url',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values placed in URL query strings.',
  rationale:
    'URLs are logged by proxies, load balancers and servers, stored in browser history, sent in Referer headers and pasted into chats. A key in a query string is written down in all of those places.',
  fix: 'Send the secret in a request header (Authorization, x-api-key) or a POST body the API expects; never in the URL.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-598'],
  securitySeverity: '7.5',
  precision: 'high',
  bad: [{ lang: 'ts', code: "const key = resolveSecret('OpenRouterApiKey');\nawait fetch(`https://api.example.com/v1/models?key=${key}`);" }],
  good: [{ lang: 'ts', code: "const key = resolveSecret('OpenRouterApiKey');\nawait fetch('https://api.example.com/v1/models', { headers: { Authorization: `Bearer ${key}` } });" }],
  appliesTo: ['typescript', 'javascript', 'rust', 'python'],
});
