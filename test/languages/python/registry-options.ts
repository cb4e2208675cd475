// Front-end options matching fixtures/registry.yaml, for unit tests of the Python and shell front ends.
import type { FrontEndOptions } from '../../../src/core/facts.js';

export function fixtureOptions(overrides: Partial<FrontEndOptions> = {}): FrontEndOptions {
  return {
    registryNames: ['DATABASE_URL', 'GITHUB_TOKEN', 'OPENROUTER_API_KEY', 'OPENROUTER_KEY', 'STRIPE_KEY', 'STRIPE_SECRET_KEY', 'VOX_OPENROUTER_API_KEY'],
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
