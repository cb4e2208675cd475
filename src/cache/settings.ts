// Where the result cache lives and whether it is used (DESIGN §10: `--cache`, `--no-cache`,
// `--cache-location DIR`, config `cache: { enabled, location }`).
//
// Default: on for local runs, off when `CI` is set (a CI job starts from an empty disk, so the
// cache only costs a write; restored with actions/cache it is safe to turn on with `--cache`).
// Default location: `.clavis-lint-cache/` at the project root, for every language (a Rust or
// Python project has no node_modules); it holds a `.gitignore` of `*`, so git never lists it.
import path from 'node:path';

export const DEFAULT_CACHE_DIR = '.clavis-lint-cache';

/** What the command line asks for; `undefined` fields defer to the config, then the defaults. */
export interface CacheRequest {
  /** `--cache` (true) / `--no-cache` (false). */
  enabled?: boolean;
  /** `--cache-location DIR`, absolute (the CLI resolves it against the working directory). */
  location?: string;
  /** `CI` is set: the default turns off. */
  ci?: boolean;
}

export interface CacheSettings {
  enabled: boolean;
  /** Absolute directory. */
  location: string;
  /** The location came from the repository's config or the default: it must stay inside the project. */
  fromRepository: boolean;
}

export function resolveCacheSettings(root: string, request: CacheRequest | undefined, config: { enabled?: boolean; location?: string } | undefined): CacheSettings {
  const enabled = request?.enabled ?? config?.enabled ?? !request?.ci;
  if (request?.location) return { enabled, location: path.resolve(request.location), fromRepository: false };
  return { enabled, location: path.resolve(root, config?.location ?? DEFAULT_CACHE_DIR), fromRepository: true };
}
