import { defineLeakRule, LEAK_MESSAGE } from '../leak/leak-rule-factory.js';

export default defineLeakRule({
  id: 'no-secret-in-prompt',
  area: 'leak',
  defaultSeverity: 'error',
  description: 'Disallow secret values flowing into LLM prompts, chat messages or system prompts.',
  rationale:
    'Whatever goes into a prompt is sent to a model provider, may be logged or used for training there, and can be repeated back by the model to anyone who asks (prompt injection makes that easy). A secret in a prompt is a secret shared with the model and its users.',
  fix: 'Keep secrets out of prompt text: pass them only as client credentials (`new OpenAI({ apiKey })`, Authorization headers) and give the model a reference name instead.',
  messages: { leak: LEAK_MESSAGE },
  cwe: ['CWE-200', 'CWE-359'],
  securitySeverity: '8.0',
  precision: 'high',
  bad: [{ lang: 'ts', code: "import { generateText } from 'ai';\n\nconst key = resolveSecret('StripeSecretKey');\nawait generateText({ model, prompt: `Use the key ${key} to refund` });" }],
  good: [{ lang: 'ts', code: "import { generateText } from 'ai';\nimport Stripe from 'stripe';\n\nconst key = resolveSecret('StripeSecretKey');\nconst stripe = new Stripe(key);\nawait generateText({ model, prompt: 'Refund the last charge', tools: { refund } });" }],
  appliesTo: ['typescript', 'javascript', 'rust', 'python'],
});
