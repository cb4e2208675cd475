// The in-memory registry model. Every source (YAML, Rust, JSON, overlays) produces this shape.

/** Where a registry element was declared; findings against the registry point here. */
export interface Origin {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface DeprecatedAlias {
  name: string;
  /** Defaults to the secret's canonical env name. */
  replacement: string;
  /** ISO date `YYYY-MM-DD`; absent when the registry does not say. */
  removeAfter?: string;
  origin: Origin;
}

export type SecretKind = 'secret' | 'config';

/**
 * Where a secret lives (DESIGN §10), which decides the files that must document it:
 * - `app`: read by the application at run time: the example env file and the docs pages list it;
 * - `build`: read while building: listed like `app` (developers build locally);
 * - `ci`: lives only in the CI system's secret store: workflows use it, the app's files need not;
 * - `docs`: set outside the code (a platform dashboard, a third-party tool): docs pages list it,
 *   the example env file need not.
 */
export const SECRET_SCOPES = ['app', 'build', 'ci', 'docs'] as const;
export type SecretScope = (typeof SECRET_SCOPES)[number];

export interface SecretEntry {
  id: string;
  env: string;
  aliases: string[];
  deprecated: DeprecatedAlias[];
  kind: SecretKind;
  /** How `kind` was decided: written in a source, or inferred from `secret_patterns`. */
  kindSource: 'explicit' | 'pattern' | 'default';
  class?: string;
  owner?: string;
  rotationDays?: number;
  description?: string;
  /** Where the secret lives, as written in a source; absent: the drift rules infer it from the project's facts. */
  scope?: SecretScope[];
  /** Where the entry was declared. */
  origin: Origin;
  /** Origins of the env/alias names, keyed by name, for precise registry findings. */
  nameOrigins: Record<string, Origin>;
  /** Origin of each alias, index-aligned with `aliases` (a name listed twice has two). */
  aliasOrigins?: Origin[];
  /** Which source produced it: `yaml`, `rust`, `json`, plus `overlay` when a YAML overlay added fields. */
  sources: string[];
}

export interface ResolverSpec {
  paths: string[];
  functions: string[];
  /** Names of the secret types (plain entries and the `name` of object entries alike). */
  types: string[];
  sanitizers: string[];
  /**
   * `resolver.types` entries written as objects (DESIGN §10): which members of the type return the
   * secret (`expose`), a safe form of it (`redact`) or other data (`safe`). A list left out keeps
   * its default (see resolver-types.ts); plain string entries have no entry here.
   */
  typeMembers?: ResolverTypeMembers[];
}

export interface ResolverTypeMembers {
  name: string;
  expose?: string[];
  redact?: string[];
  safe?: string[];
}

export type NameRole = 'canonical' | 'alias' | 'deprecated';

export interface NameInfo {
  secret: SecretEntry;
  role: NameRole;
  deprecated?: DeprecatedAlias;
}

export interface Registry {
  version: 1;
  resolver: ResolverSpec;
  secrets: SecretEntry[];
  /** Files the registry was read from (relative to the project root). */
  files: string[];
  /** Non-fatal problems (e.g. a Rust row with a non-literal field): reported in `errors`, never dropped. */
  diagnostics: Array<{ file: string; line: number; column: number; message: string }>;
}

/** Builds the name index. When two ids claim a name the first declaration wins; registry-collision reports the rest. */
export function indexNames(registry: Registry): Map<string, NameInfo> {
  const byName = new Map<string, NameInfo>();
  const claim = (name: string, info: NameInfo): void => {
    if (!byName.has(name)) byName.set(name, info);
  };
  for (const secret of registry.secrets) claim(secret.env, { secret, role: 'canonical' });
  for (const secret of registry.secrets) {
    for (const alias of secret.aliases) claim(alias, { secret, role: 'alias' });
    for (const dep of secret.deprecated) claim(dep.name, { secret, role: 'deprecated', deprecated: dep });
  }
  return byName;
}

export function allRegistryNames(registry: Registry): string[] {
  const names = new Set<string>();
  for (const s of registry.secrets) {
    names.add(s.env);
    for (const a of s.aliases) names.add(a);
    for (const d of s.deprecated) names.add(d.name);
  }
  return [...names].sort();
}

export function emptyRegistry(): Registry {
  return { version: 1, resolver: { paths: [], functions: [], types: [], sanitizers: [] }, secrets: [], files: [], diagnostics: [] };
}
