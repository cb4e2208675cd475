// Per-options data computed once per scan rather than once per file: the registry name set, the
// resolver function set and the secret-store matcher (the prefilter's needles are in prefilter.ts).
import type { FrontEndOptions } from '../../core/facts.js';
import { SecretStoreMatcher } from './secret-store-calls.js';

export interface PreparedOptions {
  registryNames: ReadonlySet<string>;
  resolverFunctions: ReadonlySet<string>;
  secretStores: SecretStoreMatcher;
}

const cache = new WeakMap<FrontEndOptions, PreparedOptions>();

export function prepareOptions(options: FrontEndOptions): PreparedOptions {
  const cached = cache.get(options);
  if (cached) return cached;
  const prepared: PreparedOptions = {
    registryNames: new Set(options.registryNames ?? []),
    resolverFunctions: new Set(options.resolver?.functions ?? []),
    secretStores: new SecretStoreMatcher(options.extraSecretStores),
  };
  cache.set(options, prepared);
  return prepared;
}
