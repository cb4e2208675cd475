// The options every front end receives, derived from the config and the registry (secret names,
// resolver, extra sinks and sources), and today's date. Shared by the engine and the ESLint plugin;
// kept out of engine.ts so the plugin does not load discovery, workers or git.
import type { ResolvedConfig } from './config-types.js';
import type { FrontEndOptions } from './facts.js';
import { allRegistryNames, type Registry } from '../registry/model.js';

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function frontEndOptionsFor(config: ResolvedConfig, registry: Registry): FrontEndOptions {
  const secretNames: Record<string, string> = {};
  const idsByName: Record<string, string> = {};
  const envById: Record<string, string> = {};
  for (const secret of registry.secrets) {
    envById[secret.id] ??= secret.env;
    for (const name of [secret.env, ...secret.aliases, ...secret.deprecated.map((d) => d.name)]) {
      idsByName[name] ??= secret.id;
      if (secret.kind === 'secret') secretNames[name] ??= secret.id;
    }
  }
  return {
    registryNames: allRegistryNames(registry),
    secretNames,
    idsByName,
    envById,
    resolver: {
      paths: registry.resolver.paths,
      functions: [...registry.resolver.functions, ...config.leak.sources],
      types: registry.resolver.types,
      sanitizers: [...registry.resolver.sanitizers, ...config.leak.sanitizers],
      ...(registry.resolver.typeMembers ? { typeMembers: registry.resolver.typeMembers } : {}),
    },
    extraSecretStores: config.secretStores,
    scanGenerated: config.generated?.scan === true,
    extraSinks: config.leak.sinks,
    extraSources: config.leak.sources,
    extraSourcePaths: config.leak.sourcePaths,
    extraSanitizers: config.leak.sanitizers,
  };
}
