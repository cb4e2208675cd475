// Loads the registry from the configured sources, in order, into one model (DESIGN §1). A source
// that cannot be read is a located ConfigError (exit 2); it is never a crash and never silently
// empty. Row-level problems in code sources go to `registry.diagnostics`. Sources named by the
// repository must stay inside the project (no `..`, absolute path or symbolic link leading out);
// `--registry` sources are the user's own choice and are read where they point.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, type RegistrySourceSpec, type ResolvedConfig } from '../core/config-types.js';
import { resolveContained } from '../core/contained-path.js';
import { kindClassifier } from './classify.js';
import { emptyRegistry, type Registry, type ResolverSpec } from './model.js';
import { readJsonRegistry } from './sources/json.js';
import { applyOverlay } from './sources/overlay.js';
import { readRustRegistry } from './sources/rust.js';
import type { SourceContext, SourceResult } from './sources/source-result.js';
import { readYamlRegistry } from './sources/yaml.js';

type NormalizedSpec = Exclude<RegistrySourceSpec, string>;

/** A bare path is typed by its extension: `.rs` Rust, `.json` JSON, anything else native YAML. */
export function normalizeSourceSpec(spec: RegistrySourceSpec): NormalizedSpec {
  if (typeof spec !== 'string') return spec;
  if (spec.endsWith('.rs')) return { from: 'rust', path: spec };
  if (spec.endsWith('.json')) return { from: 'json', path: spec };
  return { from: 'yaml', path: spec };
}

export function rootRelative(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

/** Reads a registry source, or throws a located ConfigError saying why it cannot be read. */
export function readSourceText(absolute: string, file: string): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? 'unknown error'})`;
    throw new ConfigError(`registry source ${why}; expected a readable registry file`, file);
  }
}

async function readSource(spec: NormalizedSpec, ctx: SourceContext): Promise<SourceResult> {
  switch (spec.from) {
    case 'rust':
      return readRustRegistry(ctx, { struct: spec.struct, fields: spec.fields });
    case 'json':
      return readJsonRegistry(ctx);
    case 'overlay':
      return readYamlRegistry(ctx, 'overlay');
    default:
      return readYamlRegistry(ctx, 'yaml');
  }
}

function mergeResolver(into: ResolverSpec, from: Partial<ResolverSpec> | undefined): void {
  if (!from) return;
  for (const key of ['paths', 'functions', 'types', 'sanitizers'] as const) {
    for (const value of from[key] ?? []) if (!into[key].includes(value)) into[key].push(value);
  }
  // Object entries of `resolver.types`: the first declaration of a type's members wins.
  for (const members of from.typeMembers ?? []) {
    into.typeMembers ??= [];
    if (!into.typeMembers.some((known) => known.name === members.name)) into.typeMembers.push(members);
  }
}

/**
 * Where a source is read from, and the path shown for it (relative to the project root). A source
 * the repository named that leads outside the project is a ConfigError, and nothing is read.
 * `absolute` is the real path to read; `lexical` the path as configured, made absolute.
 */
export function locateSource(config: ResolvedConfig, spec: NormalizedSpec): { absolute: string; lexical: string; file: string } {
  const lexical = path.resolve(config.root, spec.path);
  const file = rootRelative(config.root, lexical);
  if (config.registryFromCommandLine) return { absolute: lexical, lexical, file };
  const contained = resolveContained(config.root, spec.path);
  if ('error' in contained) throw new ConfigError(`registry source ${contained.error}; it is not read. Expected a path inside the project`, file);
  return { absolute: contained.absolute, lexical, file };
}

/** Reads a source's text: `absolute` (as configured, already checked for containment) and the path shown in errors. */
export type SourceTextReader = (absolute: string, file: string) => string;

export async function loadRegistry(config: ResolvedConfig, readText?: SourceTextReader): Promise<Registry> {
  const registry = emptyRegistry();
  const classify = kindClassifier(config.secretPatterns);
  for (const raw of config.registry) {
    const spec = normalizeSourceSpec(raw);
    const { absolute, lexical, file } = locateSource(config, spec);
    const text = readText ? readText(lexical, file) : readSourceText(absolute, file);
    const ctx: SourceContext = { file, text, classify, knownIds: new Set(registry.secrets.map((s) => s.id)) };
    addSourceResult(registry, file, await readSource(spec, ctx));
  }
  return registry;
}

/** Adds one source's entries, diagnostics, overlay patches and resolver to the registry, in source order. */
export function addSourceResult(registry: Registry, file: string, result: SourceResult): void {
  registry.secrets.push(...result.secrets);
  registry.diagnostics.push(...result.diagnostics);
  for (const patch of result.patches) applyOverlay(registry, patch);
  mergeResolver(registry.resolver, result.resolver);
  if (!registry.files.includes(file)) registry.files.push(file);
}
