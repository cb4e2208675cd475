// Per-options data computed once per scan rather than once per file: the prefilter needles,
// the registry name set, the resolver function set and the secret-store matcher.
import type { FrontEndOptions } from '../../core/facts.js';
import { DIRECTIVE_MARKER } from './directive-comments.js';
import { SecretStoreMatcher } from './secret-store-calls.js';

export interface PreparedOptions {
  registryNames: ReadonlySet<string>;
  resolverFunctions: ReadonlySet<string>;
  secretStores: SecretStoreMatcher;
  /** Substrings of which at least one must occur for a file to hold any fact (besides `env`). */
  needles: string[];
  /** One alternation over `needles`: a single pass over the text instead of one per needle. */
  needleSearch: RegExp | null;
}

const cache = new WeakMap<FrontEndOptions, PreparedOptions>();

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function prepareOptions(options: FrontEndOptions): PreparedOptions {
  const cached = cache.get(options);
  if (cached) return cached;
  const secretStores = new SecretStoreMatcher(options.extraSecretStores);
  const needles = [
    DIRECTIVE_MARKER,
    ...(options.registryNames ?? []),
    ...(options.resolver?.functions ?? []),
    ...secretStores.moduleNames,
  ].filter((needle) => needle.length > 0);
  const prepared: PreparedOptions = {
    registryNames: new Set(options.registryNames ?? []),
    resolverFunctions: new Set(options.resolver?.functions ?? []),
    secretStores,
    needles,
    needleSearch: needles.length > 0 ? new RegExp([...new Set(needles)].map(escapeForRegExp).join('|')) : null,
  };
  cache.set(options, prepared);
  return prepared;
}
