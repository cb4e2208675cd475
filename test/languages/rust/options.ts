// Front-end options matching fixtures/registry.yaml, built by hand so these tests do not depend
// on the registry loader.
import type { FrontEndOptions } from '../../../src/core/facts.js';

export function fixtureOptions(overrides: Partial<FrontEndOptions> = {}): FrontEndOptions {
  return {
    registryNames: ['OPENROUTER_API_KEY', 'VOX_OPENROUTER_API_KEY', 'OPENROUTER_KEY', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY', 'STRIPE_KEY', 'DATABASE_URL'],
    secretNames: {
      OPENROUTER_API_KEY: 'OpenRouterApiKey',
      VOX_OPENROUTER_API_KEY: 'OpenRouterApiKey',
      OPENROUTER_KEY: 'OpenRouterApiKey',
      GITHUB_TOKEN: 'GithubToken',
      STRIPE_SECRET_KEY: 'StripeSecretKey',
      STRIPE_KEY: 'StripeSecretKey',
    },
    idsByName: {
      OPENROUTER_API_KEY: 'OpenRouterApiKey',
      VOX_OPENROUTER_API_KEY: 'OpenRouterApiKey',
      OPENROUTER_KEY: 'OpenRouterApiKey',
      GITHUB_TOKEN: 'GithubToken',
      STRIPE_SECRET_KEY: 'StripeSecretKey',
      STRIPE_KEY: 'StripeSecretKey',
      DATABASE_URL: 'DatabaseUrl',
    },
    envById: { OpenRouterApiKey: 'OPENROUTER_API_KEY', GithubToken: 'GITHUB_TOKEN', StripeSecretKey: 'STRIPE_SECRET_KEY', DatabaseUrl: 'DATABASE_URL' },
    resolver: {
      paths: ['**/secrets/**', '**/resolver/**'],
      functions: ['resolveSecret', 'resolve_secret', 'get_secret'],
      types: ['ResolvedSecret', 'SecretString'],
      sanitizers: ['redact', 'mask', 'fingerprint'],
    },
    ...overrides,
  };
}
