import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';

export default defineLeakRule({
  id: 'no-secret-in-telemetry',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values in span attributes, metric labels and error-tracker context.',
  rationale:
    'Telemetry backends (OpenTelemetry collectors, Sentry, APM vendors) store attributes for months, index them for search and give wide access to them. A secret in a span attribute or Sentry context is a secret copied to a third party.',
  fix: 'Record that the secret was used (its id, a fingerprint), never its value; scrub request headers before attaching them to telemetry.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-532', 'CWE-200'],
  securitySeverity: '7.0',
  precision: 'high',
  bad: [{ lang: 'ts', code: "span.setAttribute('auth.key', resolveSecret('OpenRouterApiKey'));" }],
  good: [{ lang: 'ts', code: "span.setAttribute('auth.key_id', 'OpenRouterApiKey');" }],
  appliesTo: ['typescript', 'javascript', 'rust', 'python'],
});
