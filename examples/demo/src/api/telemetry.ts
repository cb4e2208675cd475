import { redact, resolveSecret } from '../secrets/resolver.js';

interface Span {
  setAttribute(key: string, value: string): void;
}

export async function tagSpan(span: Span): Promise<void> {
  const key = await resolveSecret('AnthropicApiKey');
  span.setAttribute('anthropic.key', key);
  span.setAttribute('anthropic.key.preview', redact(key));
}

export class ProviderCredentials {
  constructor(readonly provider: string, readonly apiKey: string) {}
}

export async function credentials(): Promise<ProviderCredentials> {
  return new ProviderCredentials('anthropic', await resolveSecret('AnthropicApiKey'));
}
