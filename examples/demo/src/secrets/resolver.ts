// The resolver: the one module allowed to read secrets from the environment.
export interface ResolvedSecret {
  readonly id: string;
  expose(): string;
}

export function redact(value: string): string {
  return value.length > 4 ? `${value.slice(0, 2)}…` : '…';
}

export async function resolveSecret(id: 'OpenRouterApiKey' | 'AnthropicApiKey' | 'StripeSecretKey' | 'GithubToken'): Promise<string> {
  const names = { OpenRouterApiKey: 'OPENROUTER_API_KEY', AnthropicApiKey: 'ANTHROPIC_API_KEY', StripeSecretKey: 'STRIPE_SECRET_KEY', GithubToken: 'GITHUB_TOKEN' } as const;
  const value = process.env[names[id]];
  if (!value) throw new Error(`secret ${id} is not configured`);
  return value;
}
