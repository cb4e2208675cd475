// The registry for ESLint, loaded synchronously: ESLint rules cannot await. YAML, JSON and overlay
// sources are read by the same readers as the CLI (src/registry/sources/*); a `from: rust` source
// needs the async wasm parser, so it is a clear configuration error here (use the CLI, or a YAML
// or JSON registry in `settings.clavis.registry`).
import { ConfigError, type ResolvedConfig } from '../core/config-types.js';
import { kindClassifier } from '../registry/classify.js';
import { addSourceResult, locateSource, normalizeSourceSpec, readSourceText } from '../registry/load.js';
import { emptyRegistry, type Registry } from '../registry/model.js';
import { readJsonRegistry } from '../registry/sources/json.js';
import type { SourceResult } from '../registry/sources/source-result.js';
import { readYamlRegistry } from '../registry/sources/yaml.js';

/**
 * Reads every registry source of the config. `touched` receives the absolute path of each source
 * before it is read, so a caller can watch the files of a load that failed, too.
 */
export function loadRegistrySync(config: ResolvedConfig, touched: string[] = []): Registry {
  const registry = emptyRegistry();
  const classify = kindClassifier(config.secretPatterns);
  for (const raw of config.registry) {
    const spec = normalizeSourceSpec(raw);
    const { absolute, file } = locateSource(config, spec);
    touched.push(absolute);
    if (spec.from === 'rust') {
      throw new ConfigError('a `from: rust` registry source cannot be read inside ESLint (rules are synchronous); use the clavis-lint CLI, or point settings.clavis.registry at a YAML or JSON registry', file);
    }
    const text = readSourceText(absolute, file);
    const ctx = { file, text, classify, knownIds: new Set(registry.secrets.map((s) => s.id)) };
    const result: SourceResult = spec.from === 'json' ? readJsonRegistry(ctx) : readYamlRegistry(ctx, spec.from === 'overlay' ? 'overlay' : 'yaml');
    addSourceResult(registry, file, result);
  }
  return registry;
}
