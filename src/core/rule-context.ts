// Builds the per-rule context from the resolved config and registry. Pure.
import picomatch from 'picomatch';
import type { ResolvedConfig } from './config-types.js';
import type { RuleContext, RuleSettings } from './rule.js';
import { indexNames, type NameInfo, type Registry } from '../registry/model.js';
import { secretNameTest } from '../registry/classify.js';
import { platformTokenSet } from './platform-tokens.js';

export interface SharedContext {
  registry: Registry;
  names: Map<string, NameInfo>;
  today: string;
  hardCut: boolean;
  isResolverPath(file: string): boolean;
  looksLikeSecret(name: string): boolean;
  settings: RuleSettings;
}

export function compileSecretPatterns(patterns: string[]): (name: string) => boolean {
  const compiled = patterns.map((p) => new RegExp(p, 'i'));
  return (name) => compiled.some((re) => re.test(name));
}

export function buildSharedContext(config: ResolvedConfig, registry: Registry, today: string, hardCut: boolean): SharedContext {
  const resolverMatch = registry.resolver.paths.length > 0 ? picomatch(registry.resolver.paths, { dot: true }) : () => false;
  return {
    registry,
    names: indexNames(registry),
    today,
    hardCut,
    isResolverPath: (file) => resolverMatch(file),
    looksLikeSecret: secretNameTest(config.secretPatterns),
    settings: {
      docs: config.docs,
      require: config.require,
      lifecycle: { hardCut, maxPastDays: config.lifecycle.maxPastDays },
      registryFiles: registry.files,
      platformTokens: [...platformTokenSet(config.platformTokens)],
    },
  };
}

export function contextForRule(shared: SharedContext, options: Record<string, unknown>): RuleContext {
  return { ...shared, options };
}
