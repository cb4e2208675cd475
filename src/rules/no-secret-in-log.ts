import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';

export default defineLeakRule({
  id: 'no-secret-in-log',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values flowing into logs, console output or logger calls.',
  rationale:
    'Log lines are shipped to aggregators, terminals, CI output and support tickets that many people and services can read, and they are retained far longer than the secret stays valid. A key printed once is a key leaked.',
  fix: 'Log that the secret is present, or log a sanitizer result (redact, mask, fingerprint) instead of the value; never log request headers or config objects that hold it.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-532'],
  securitySeverity: '7.5',
  precision: 'high',
  bad: [{ lang: 'ts', code: "const key = resolveSecret('OpenRouterApiKey');\nconsole.log('using key', key);" }],
  good: [{ lang: 'ts', code: "const key = resolveSecret('OpenRouterApiKey');\nconsole.log('using key', redact(key));" }],
  appliesTo: ['typescript', 'javascript', 'rust', 'python'],
});
