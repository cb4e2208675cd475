import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';

export default defineLeakRule({
  id: 'no-secret-serialization',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values serialized into files, caches and storage (`fs.writeFile(JSON.stringify(x))`, `json.dump(x, f)`, `serde_json::to_writer`, `localStorage.setItem`).',
  rationale:
    'Serialised objects end up in caches, queues, files, logs and responses. Serialising an object that holds a secret writes the secret wherever the result goes, usually without anyone noticing. The serializer itself passes the secret on: serialised text that reaches a log, a prompt or a URL is reported by that sink\'s rule (one finding), text that is encrypted or sent as an authenticated request body is not reported, and text written to a file, cache or browser storage is reported here, whatever builds it (a template literal stores the key as plainly). A write into the program\'s own credential or config file (`config.yaml`, `.env`, `credentials.json`, a path variable named `configPath` or `credentialsFile`; TypeScript, JavaScript and Python) is where the key is meant to live and is not reported.',
  fix: 'Serialise a view without the secret, or give the holding type a redacting `toJSON`; send credentials only in headers or client constructors.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-312', 'CWE-200'],
  securitySeverity: '6.0',
  precision: 'medium',
  bad: [{ lang: 'ts', code: "import fs from 'node:fs/promises';\nconst config = { model: 'gpt', apiKey: resolveSecret('OpenRouterApiKey') };\nawait fs.writeFile('cache.json', JSON.stringify(config));" }],
  good: [{ lang: 'ts', code: "import fs from 'node:fs/promises';\nconst config = { model: 'gpt' };\nawait fs.writeFile('cache.json', JSON.stringify(config));" }],
  appliesTo: ['typescript', 'javascript', 'rust', 'python'],
});
