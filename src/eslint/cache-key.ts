// `eslint --cache` reuses a file's results while the file and "its config" are unchanged. ESLint 9
// and 10 hash the config computed for the file (`JSON.stringify`-like, calling `toJSON`), which
// includes `settings` and each plugin's `meta.name@meta.version`, but never the clavis-lint
// config or registry, which live in other files. So the plugin's configs put an object in
// `settings.clavis` whose `toJSON` returns the content hash of those files: editing the registry
// changes the hash, and ESLint lints again.
//
// ESLint merges `settings` key by key, so a user's `settings: { clavis: { config } }` lands in the
// same object and `toJSON` sees the location the rules will use. The hash covers the project found
// from ESLint's cwd (`process.cwd()`); a `.clavis-lint.yaml` nested in a package below it is found
// per file by the rules but is not part of the key (the config hash is per config, not per file).
import { projectContentHash } from './project.js';
import { settingsLocation } from './eslint-context.js';

export interface ClavisSettings {
  /** Path of `.clavis-lint.yaml`, relative to ESLint's cwd (default: found like the CLI). */
  config?: string;
  /** Registry file or source spec, relative to ESLint's cwd (default: from the config). */
  registry?: string;
  /** Set by the plugin's configs: what `eslint --cache` hashes (the location plus the content hash). */
  toJSON?: () => Record<string, string>;
}

/** `settings.clavis` of the plugin's configs: no location, plus the cache key. */
export function cacheKeySettings(): ClavisSettings {
  const settings = {
    // Own and enumerable: ESLint's settings merge copies own properties only.
    toJSON(this: ClavisSettings): Record<string, string> {
      const location = settingsLocation({ clavis: this });
      return { ...location, contentHash: projectContentHash(process.cwd(), location) };
    },
  };
  return settings;
}
