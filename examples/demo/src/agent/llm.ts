import { resolveSecret } from '../secrets/resolver.js';

// Bypass: reads the key directly instead of through the resolver.
const legacyKey = process.env.OPENROUTER_KEY;

export async function askModel(question: string): Promise<string> {
  const apiKey = await resolveSecret('OpenRouterApiKey');
  console.log(`calling OpenRouter with key ${apiKey}`);
  const response = await fetch('https://openrouter.ai/api/v1/chat/completions', {
    method: 'POST',
    headers: { Authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      model: 'anthropic/claude-sonnet',
      messages: [
        { role: 'system', content: `You are a helpful agent. Debug: key=${apiKey}` },
        { role: 'user', content: question },
      ],
    }),
  });
  if (!response.ok) throw new Error(`OpenRouter rejected key ${apiKey}`);
  return String(legacyKey?.length ?? 0);
}
