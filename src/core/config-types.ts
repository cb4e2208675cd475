// The resolved configuration: `.clavis-lint.yaml` (DESIGN §2) after validation and defaults.
// The loader (src/core/config.ts) produces it; the engine consumes it. Plain data.
import type { SeverityLevel } from './rule.js';

/** A registry source as written in config: a path to native YAML, or a source object. */
export type RegistrySourceSpec =
  | string
  | { from: 'yaml'; path: string }
  | { from: 'rust'; path: string; struct?: string; fields?: Partial<RustRegistryFields> }
  | { from: 'json'; path: string }
  | { from: 'overlay'; path: string };

export interface RustRegistryFields {
  id: string;
  canonical_env: string;
  aliases: string;
  deprecated_aliases: string;
}

/**
 * `leak.sources: [{ call: get_config, path: llm.api_key }]` (DESIGN §10): the value a call of `call`
 * returns is not secret as a whole; only the property (dict key, field) at `path` under it is.
 * `path` is the dotted path split into its segments, each non-empty: `['llm', 'api_key']`.
 */
export interface SourcePathSpec {
  call: string;
  path: string[];
}

export interface RuleSetting {
  level: SeverityLevel;
  options: Record<string, unknown>;
}

export interface RuleOverride {
  /** Globs relative to the project root (picomatch, dot files included), as `include:`. */
  files: string[];
  rules: Record<string, SeverityLevel>;
}

export interface ResolvedConfig {
  /** Absolute project root: the config file's directory, else the git root, else cwd. */
  root: string;
  /** Absolute path of the config file in use, if any. */
  configFile?: string;
  registry: RegistrySourceSpec[];
  /**
   * The registry list came from `--registry` (or the ESLint `settings.clavis.registry`): the user's
   * own choice, read wherever it points. Otherwise it came from the repository and every source
   * must stay inside the project (src/core/contained-path.ts).
   */
  registryFromCommandLine?: boolean;
  include: string[];
  exclude: string[];
  rules: Record<string, RuleSetting>;
  docs: Array<{ path: string; columns?: string[] }>;
  /** Case-insensitive regex sources applied to env names. */
  secretPatterns: string[];
  /** How test code is treated: reported at `severity` (default warn), or not at all. */
  testCode: { report: boolean; severity: 'warn' | 'error' };
  lifecycle: { hardCut: boolean; maxPastDays: number; today?: string };
  require: { owner: boolean; rotationDays: boolean };
  /**
   * Catalog extensions (data, merged over the built-ins). `leak.sources` items written as a call name
   * land in `sources` (the whole result is secret); items written `{ call, path }` land in
   * `sourcePaths` (only that property path under the result is secret).
   */
  leak: { sinks: unknown[]; sources: string[]; sourcePaths: SourcePathSpec[]; sanitizers: string[] };
  secretStores: unknown[];
  /** `platform_tokens:` env names a platform injects itself, added to the built-in list (src/core/platform-tokens.ts). */
  platformTokens?: string[];
  /** Files larger than this (bytes) go to `errors` unparsed. */
  maxFileBytes: number;
  /** `generated: { scan }`: analyse minified and generated files (src/core/generated-files.ts). Absent = skip them with an `errors` note. */
  generated?: { scan: boolean };
  /**
   * `overrides: [{ files, rules }]` (DESIGN §10): rule levels for the files matching `files` (globs
   * relative to the root), applied after `rules:` in order, the last match winning. `--rule` beats them.
   */
  overrides?: RuleOverride[];
  /** `baseline: path` (DESIGN §10): the baseline file, relative to the root; `--baseline` beats it. */
  baseline?: string;
  /** Root-relative paths of the configs `extends:` brought in, in the order applied (shown by tests and debugging). */
  extendedFiles?: string[];
  /** `cache: { enabled, location }` (DESIGN §10): the result cache (src/cache); location relative to the root. */
  cache?: { enabled?: boolean; location?: string };
}

// `token(?!s)` and `secret(?!s_)`: `MAX_TOKENS` and `VOX_SECRETS_BACKEND` (a setting of the secrets
// subsystem) name no secret; `APP_SECRETS` (a bundle of them) still does.
export const DEFAULT_SECRET_PATTERNS = ['api_?key', 'token(?!s)', 'secret(?!s_)', 'passw(or)?d', 'private_key', 'credential'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/target/**', '**/.venv/**', '**/__pycache__/**'];
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** A configuration, registry or usage error: exit code 2, located when possible. Never a crash. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ConfigError';
  }

  /** Every problem this error stands for, one `file:line:col: message` each (see {@link ConfigErrors}). */
  locatedAll(): string[] {
    return [this.located()];
  }

  /** `file:line:col: message`, the form every editor and CI log understands. */
  located(): string {
    if (!this.file) return this.message;
    const pos = this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : '';
    return `${this.file}${pos}: ${this.message}`;
  }
}

/**
 * Several configuration problems found in one pass (every config error at once, not only the
 * first). Behaves as its first problem where one is expected; `located()` lists them all, one a line.
 */
export class ConfigErrors extends ConfigError {
  constructor(readonly errors: readonly ConfigError[]) {
    super(errors[0].message, errors[0].file, errors[0].line, errors[0].column);
    this.name = 'ConfigError';
  }

  override locatedAll(): string[] {
    return this.errors.flatMap((e) => e.locatedAll());
  }

  override located(): string {
    return this.locatedAll().join('\n');
  }
}

/** Throws the collected problems: nothing when there are none, the error itself when there is one. */
export function throwCollected(problems: readonly ConfigError[]): void {
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new ConfigErrors(problems);
}
