import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';

export default defineLeakRule({
  id: 'no-secret-serialization',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values passed to general-purpose serializers such as JSON.stringify.',
  rationale:
    'Serialised objects end up in caches, queues, files, logs and responses. Serialising an object that holds a secret writes the secret wherever the result goes, usually without anyone noticing.',
  fix: 'Serialise a view without the secret, or give the holding type a redacting `toJSON`; send credentials only in headers or client constructors.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-312', 'CWE-200'],
  securitySeverity: '6.0',
  precision: 'medium',
  bad: [{ lang: 'ts', code: "const config = { model: 'gpt', apiKey: resolveSecret('OpenRouterApiKey') };\nawait fs.writeFile('cache.json', JSON.stringify(config));" }],
  good: [{ lang: 'ts', code: "const config = { model: 'gpt' };\nawait fs.writeFile('cache.json', JSON.stringify(config));" }],
  appliesTo: ['typescript', 'javascript', 'rust', 'python'],
});
