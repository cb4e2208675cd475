import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';

export default defineLeakRule({
  id: 'no-secret-in-tool-output',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values returned from MCP/agent tool handlers or written to HTTP responses.',
  rationale:
    'Tool results go straight into the agent context, and from there into prompts, transcripts and other tools; HTTP responses go to clients. Either way the secret leaves the trust boundary of the process that resolved it.',
  fix: 'Return what the caller needs (a status, a redacted form, a fingerprint), never the secret itself; use the secret inside the handler only.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-200', 'CWE-201'],
  securitySeverity: '8.0',
  precision: 'high',
  bad: [{ lang: 'ts', code: "server.registerTool('debug', {}, async () => ({ content: [{ type: 'text', text: resolveSecret('GithubToken') }] }));" }],
  good: [{ lang: 'ts', code: "server.registerTool('debug', {}, async () => ({ content: [{ type: 'text', text: fingerprint(resolveSecret('GithubToken')) }] }));" }],
  appliesTo: ['typescript', 'javascript', 'rust', 'python'],
});
