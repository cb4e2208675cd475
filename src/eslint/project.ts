// Finds the clavis-lint project of a linted file the way the CLI does (walk up to
// `.clavis-lint.yaml`, else the git root), or from `settings.clavis` / rule options, and caches
// it per config. An ESLint server lives long: a cached project is reloaded when its config or
// registry files change on disk.
import fs from 'node:fs';
import path from 'node:path';
import { frontEndOptionsFor } from '../core/engine.js';
import { loadConfig } from '../core/config.js';
import { ConfigError, type ResolvedConfig } from '../core/config-types.js';
import type { FrontEndOptions } from '../core/facts.js';
import { buildSharedContext, type SharedContext } from '../core/rule-context.js';
import { todayIso } from '../core/engine.js';
import type { Registry } from '../registry/model.js';
import { loadRegistrySync } from './registry-sync.js';

/** `settings.clavis` in the ESLint config, or the same keys in a rule's options. Paths are relative to ESLint's cwd. */
export interface ClavisLocation {
  config?: string;
  registry?: string;
}

export interface EslintProject {
  root: string;
  config: ResolvedConfig;
  registry: Registry;
  frontEndOptions: FrontEndOptions;
  shared: SharedContext;
}

interface CachedProject {
  project: EslintProject;
  stamps: Array<[string, number]>;
}

const projects = new Map<string, CachedProject>();

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function isFresh(entry: CachedProject): boolean {
  return entry.stamps.every(([file, stamp]) => mtime(file) === stamp);
}

function load(dir: string, cwd: string, location: ClavisLocation): CachedProject {
  // `settings.clavis` paths are the user's own choice (like --config/--registry), relative to ESLint's cwd.
  const options = { cwd, configFile: location.config, registryOverride: location.registry };
  let config = loadConfig({ ...options, searchFrom: dir });
  // Outside a git repository the search stops at the file's own directory. ESLint itself is rooted
  // at its cwd (its flat config lives there), so a config there applies to the files below it.
  if (!config.configFile && dir !== cwd && dir.startsWith(cwd + path.sep)) {
    const fromCwd = loadConfig({ ...options, searchFrom: cwd });
    if (fromCwd.configFile) config = fromCwd;
  }
  const registry = loadRegistrySync(config);
  const today = config.lifecycle.today ?? todayIso();
  const project: EslintProject = {
    root: config.root,
    config,
    registry,
    frontEndOptions: frontEndOptionsFor(config, registry),
    shared: buildSharedContext(config, registry, today, config.lifecycle.hardCut),
  };
  const files = [...(config.configFile ? [config.configFile] : []), ...registry.files.map((f) => path.resolve(config.root, f))];
  return { project, stamps: files.map((f) => [f, mtime(f)]) };
}

/** The project for a file. Throws ConfigError (located) when the config or registry is broken. */
export function projectFor(filename: string, cwd: string, location: ClavisLocation): EslintProject {
  const dir = path.dirname(path.resolve(cwd, filename));
  const key = `${dir}\u0000${cwd}\u0000${location.config ?? ''}\u0000${location.registry ?? ''}`;
  const cached = projects.get(key);
  if (cached && isFresh(cached)) return cached.project;
  const loaded = load(dir, cwd, location);
  projects.set(key, loaded);
  return loaded.project;
}

/** One line for an ESLint error: where the config problem is and what was expected. */
export function describeConfigError(err: unknown): string {
  if (err instanceof ConfigError) return `clavis-lint: ${err.located()}`;
  return `clavis-lint: could not load the project configuration (${(err as Error)?.message ?? String(err)})`;
}
