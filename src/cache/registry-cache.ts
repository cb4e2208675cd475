// The parsed registry, kept in the result cache's directory (`registry.json`) so a rescan does not
// parse the registry's YAML again (on dub: ~60 ms of a 0.6 s rescan). Keyed by everything the
// loader reads: the clavis-lint build and version, the `yaml` package version, the configured
// sources (spec and path as shown) with each source's full text, and `secret_patterns` (they
// classify kinds); so any edit of a registry file, or a change of the sources or patterns, misses.
// Only YAML and JSON sources (the `yaml` parser); a Rust source (tree-sitter) is never cached.
//
// The file lies in the scanned tree, so a pull request can plant it: it is data only (JSON), read
// back through a strict check of the registry model's shape (isRegistry), and any doubt means the
// registry is parsed as without a cache. An entry is stored only when its JSON form gives back a
// registry deeply equal to the one parsed (no undefined field, Set or class instance lost on the
// way) that passes the same check. Written when the scan saves its cache, never earlier.
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type { ResolvedConfig } from '../core/config-types.js';
import { toolVersion } from '../cli/version.js';
import { loadRegistry, locateSource, normalizeSourceSpec, readSourceText } from '../registry/load.js';
import { SECRET_SCOPES, type Registry } from '../registry/model.js';
import { hashText } from './hash.js';
import { buildStamp } from './result-cache.js';
import { resolveCacheSettings, type CacheRequest, type CacheSettings } from './settings.js';
import { readCacheFile, writeCacheFile } from './store.js';

const FILE = 'registry.json';
const FORMAT = 'clavis-lint-registry/1';

/** Parsed this scan and not yet written: the registry object -> where and what to write. */
const pending = new WeakMap<Registry, { settings: CacheSettings; root: string; text: string }>();

/** The project's registry: from the cache when its key holds, else loaded (and queued for the cache). Throws what loadRegistry throws. */
export async function loadRegistryCached(config: ResolvedConfig, request: CacheRequest | undefined): Promise<Registry> {
  if (!request) return loadRegistry(config);
  const settings = resolveCacheSettings(config.root, request, config.cache);
  if (!settings.enabled) return loadRegistry(config);
  const inputs = registryInputs(config);
  if (!inputs) return loadRegistry(config); // a source that cannot be read or located: the loader says why
  const stored = readCacheFile(settings, config.root, FILE);
  const hit = stored === undefined ? undefined : storedRegistry(stored, inputs.key);
  if (hit) return hit;
  // Parsed from the very texts the key was computed from (an edit meanwhile cannot pair them wrongly).
  const registry = await loadRegistry(config, (lexical, file) => inputs.texts.get(lexical) ?? readSourceText(lexical, file));
  const text = JSON.stringify({ format: FORMAT, key: inputs.key, registry });
  const back = storedRegistry(text, inputs.key);
  if (back && isDeepStrictEqual(back, registry)) pending.set(registry, { settings, root: config.root, text });
  return registry;
}

/** Writes the registry parsed this scan, if it was queued (called when the scan saves its cache). */
export function saveRegistryEntry(registry: Registry): void {
  const entry = pending.get(registry);
  if (!entry) return;
  pending.delete(registry);
  writeCacheFile(entry.settings, entry.root, FILE, entry.text);
}

/** The key, and each source's text by its lexical path (what loadRegistry asks a reader for); undefined when a source is Rust or cannot be read. */
function registryInputs(config: ResolvedConfig): { key: string; texts: Map<string, string> } | undefined {
  const texts = new Map<string, string>();
  const sources: unknown[] = [];
  try {
    for (const raw of config.registry) {
      const spec = normalizeSourceSpec(raw);
      if (spec.from === 'rust') return undefined;
      const { absolute, lexical, file } = locateSource(config, spec);
      const text = texts.get(lexical) ?? readSourceText(absolute, file);
      texts.set(lexical, text);
      sources.push({ spec, file, text });
    }
  } catch {
    return undefined;
  }
  const key = hashText(JSON.stringify({ format: FORMAT, tool: toolVersion(), build: buildStamp(), yaml: yamlVersion(), secretPatterns: config.secretPatterns, fromCommandLine: config.registryFromCommandLine === true, sources }));
  return { key, texts };
}

function storedRegistry(text: string, key: string): Registry | undefined {
  try {
    const doc = JSON.parse(text) as { format?: unknown; key?: unknown; registry?: unknown };
    if (typeof doc !== 'object' || doc === null || doc.format !== FORMAT || doc.key !== key) return undefined;
    return isRegistry(doc.registry) ? doc.registry : undefined;
  } catch {
    return undefined;
  }
}

function yamlVersion(): string {
  try {
    return (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

// The registry model's shape (src/registry/model.ts), checked whole: every key known, every value of its type.

type Check = (value: unknown) => boolean;

const isString: Check = (value) => typeof value === 'string';
const isInteger: Check = (value) => typeof value === 'number' && Number.isInteger(value);
const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
const listOf =
  (item: Check): Check =>
  (value) =>
    Array.isArray(value) && value.every(item);
const oneOf =
  (...allowed: string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value);

/** A plain object with exactly these keys (the optional ones may be absent). */
function record(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) if (!Object.hasOwn(required, key) && !Object.hasOwn(optional, key)) return false;
    for (const [key, check] of Object.entries(required)) if (!Object.hasOwn(object, key) || !check(object[key])) return false;
    for (const [key, check] of Object.entries(optional)) if (Object.hasOwn(object, key) && !check(object[key])) return false;
    return true;
  };
}

const isOrigin = record({ file: isString, line: isInteger, column: isInteger }, { endLine: isInteger, endColumn: isInteger });
const isDeprecated = record({ name: isString, replacement: isString, origin: isOrigin }, { removeAfter: isString });
const isOriginMap: Check = (value) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(isOrigin);
const isSecret = record(
  {
    id: isString,
    env: isString,
    aliases: listOf(isString),
    deprecated: listOf(isDeprecated),
    kind: oneOf('secret', 'config'),
    kindSource: oneOf('explicit', 'pattern', 'default'),
    origin: isOrigin,
    nameOrigins: isOriginMap,
    sources: listOf(isString),
  },
  { class: isString, owner: isString, rotationDays: isNumber, description: isString, scope: listOf(oneOf(...SECRET_SCOPES)), aliasOrigins: listOf(isOrigin) },
);
const isTypeMembers = record({ name: isString }, { expose: listOf(isString), redact: listOf(isString), safe: listOf(isString) });
const isResolver = record({ paths: listOf(isString), functions: listOf(isString), types: listOf(isString), sanitizers: listOf(isString) }, { typeMembers: listOf(isTypeMembers) });
const isDiagnostic = record({ file: isString, line: isInteger, column: isInteger, message: isString });

export const isRegistry = record({ version: (value) => value === 1, resolver: isResolver, secrets: listOf(isSecret), files: listOf(isString), diagnostics: listOf(isDiagnostic) }) as (value: unknown) => value is Registry;
