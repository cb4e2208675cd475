import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';

export default defineLeakRule({
  id: 'no-secret-in-error',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values in error messages and thrown values.',
  rationale:
    'Error messages travel: they are logged, reported to error trackers, returned in HTTP 500 bodies and shown in CLI output. A secret interpolated into an error message leaks through all of them.',
  fix: 'Name the secret in the message (its id or env name), never its value; use a sanitizer when a hint is needed.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-209', 'CWE-532'],
  securitySeverity: '6.5',
  precision: 'high',
  bad: [{ lang: 'ts', code: "const token = process.env.GITHUB_TOKEN;\nthrow new Error(`token ${token} was rejected`);" }],
  good: [{ lang: 'ts', code: "throw new Error('GithubToken was rejected by the API');" }],
  appliesTo: ['typescript', 'javascript', 'rust', 'python'],
});
