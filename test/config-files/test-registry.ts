// A hand-built registry and rule context matching fixtures/registry.yaml, for unit tests.
import type { FrontEndOptions } from '../../src/core/facts.js';
import type { RuleContext } from '../../src/core/rule.js';
import { indexNames, type Registry, type SecretEntry } from '../../src/registry/model.js';

const origin = { file: 'registry.yaml', line: 1, column: 1 };

function entry(partial: Partial<SecretEntry> & Pick<SecretEntry, 'id' | 'env'>): SecretEntry {
  return { aliases: [], deprecated: [], kind: 'secret', kindSource: 'explicit', origin, nameOrigins: {}, sources: ['yaml'], ...partial };
}

export function testRegistry(): Registry {
  return {
    version: 1,
    resolver: { paths: ['**/secrets/**'], functions: ['resolveSecret'], types: [], sanitizers: [] },
    secrets: [
      entry({ id: 'OpenRouterApiKey', env: 'OPENROUTER_API_KEY', aliases: ['VOX_OPENROUTER_API_KEY'], deprecated: [{ name: 'OPENROUTER_KEY', replacement: 'OPENROUTER_API_KEY', removeAfter: '2026-06-30', origin }], class: 'llm', owner: 'platform', rotationDays: 90, description: 'OpenRouter gateway key' }),
      entry({ id: 'GithubToken', env: 'GITHUB_TOKEN', class: 'scm', owner: 'platform' }),
      entry({ id: 'StripeSecretKey', env: 'STRIPE_SECRET_KEY', deprecated: [{ name: 'STRIPE_KEY', replacement: 'STRIPE_SECRET_KEY', removeAfter: '2027-03-31', origin }], class: 'payments', owner: 'billing' }),
      entry({ id: 'DatabaseUrl', env: 'DATABASE_URL', kind: 'config', class: 'infra' }),
    ],
    files: ['registry.yaml'],
    diagnostics: [],
  };
}

export function testContext(overrides: Partial<RuleContext> = {}): RuleContext {
  const registry = overrides.registry ?? testRegistry();
  const patterns = ['api_?key', 'token(?!s)', 'secret', 'passw(or)?d', 'private_key', 'credential'].map((p) => new RegExp(p, 'i'));
  return {
    registry,
    names: indexNames(registry),
    options: {},
    today: '2026-11-28',
    hardCut: false,
    isResolverPath: (file) => file.includes('/secrets/'),
    looksLikeSecret: (name) => patterns.some((re) => re.test(name)),
    settings: { docs: [], require: { owner: false, rotationDays: false }, lifecycle: { hardCut: false, maxPastDays: 90 }, registryFiles: ['registry.yaml'] },
    ...overrides,
  };
}

export function testFrontEndOptions(): FrontEndOptions {
  const registry = testRegistry();
  const names = [...indexNames(registry).keys()].sort();
  return {
    registryNames: names,
    secretNames: {},
    idsByName: {},
    envById: {},
    resolver: registry.resolver,
  };
}
