// Finds the clavis-lint project of a linted file the way the CLI does (walk up to
// `.clavis-lint.yaml`, else the git root, else ESLint's cwd), or from `settings.clavis` / rule
// options, and caches it per location. An ESLint server lives long: a cached project, or a cached
// configuration problem, is reloaded when one of the files it read changes on disk.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { frontEndOptionsFor, todayIso } from '../core/front-end-options.js';
import { CONFIG_FILE_NAMES, DEFAULT_REGISTRY_FILE, loadConfig } from '../core/config.js';
import { ConfigError, type ResolvedConfig } from '../core/config-types.js';
import type { FrontEndOptions } from '../core/facts.js';
import { buildSharedContext, type SharedContext } from '../core/rule-context.js';
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

/** A project, or the one-line configuration problem that stopped it from loading. */
export type ProjectResult = { project: EslintProject; problem?: undefined } | { project?: undefined; problem: string };

interface CachedProject {
  result: ProjectResult;
  /** Every file the load read or looked for, with its stamp ('' when absent). */
  stamps: Array<[string, string]>;
}

const projects = new Map<string, CachedProject>();

/** mtime and size (two quick writes can share an mtime); '' when absent. */
function stamp(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return '';
  }
}

function isFresh(entry: CachedProject): boolean {
  return entry.stamps.every(([file, seen]) => stamp(file) === seen);
}

function isInside(dir: string, parent: string): boolean {
  return dir === parent || dir.startsWith(parent.endsWith(path.sep) ? parent : parent + path.sep);
}

function loadProject(dir: string, cwd: string, location: ClavisLocation, touched: string[]): EslintProject {
  // `settings.clavis` paths are the user's own choice (like --config/--registry), relative to ESLint's cwd.
  const options = { cwd, configFile: location.config, registryOverride: location.registry };
  if (location.config) touched.push(path.resolve(cwd, location.config));
  let config = loadConfig({ ...options, searchFrom: dir });
  // Outside a git repository the CLI's search stops at the file's own directory. ESLint is rooted
  // at its cwd (its flat config lives there), so a config or a registry there (a registry alone
  // is enough) applies to the files below it.
  if (!config.configFile && dir !== cwd && isInside(dir, cwd)) config = loadConfig({ ...options, searchFrom: cwd });
  if (config.configFile) touched.push(config.configFile);
  // Shared configs (`extends:`) change the project as much as the config file itself.
  for (const rel of config.extendedFiles ?? []) touched.push(path.resolve(config.root, rel));
  const registry = loadRegistrySync(config, touched);
  const today = config.lifecycle.today ?? todayIso();
  return {
    root: config.root,
    config,
    registry,
    frontEndOptions: frontEndOptionsFor(config, registry),
    shared: buildSharedContext(config, registry, today, config.lifecycle.hardCut),
  };
}

function load(dir: string, cwd: string, location: ClavisLocation): CachedProject {
  const touched: string[] = [];
  let result: ProjectResult;
  try {
    result = { project: loadProject(dir, cwd, location, touched) };
  } catch (err) {
    if (err instanceof ConfigError && err.file) touched.push(path.resolve(cwd, err.file));
    result = { problem: describeConfigError(err) };
  }
  // Files that do not exist yet but would change the project when created: a config file (here or
  // in the cwd) when none was found, and the default registry at the root.
  if (!result.project?.config.configFile) for (const base of [dir, cwd]) for (const name of CONFIG_FILE_NAMES) touched.push(path.join(base, name));
  touched.push(path.join(result.project?.root ?? cwd, DEFAULT_REGISTRY_FILE));
  const unique = [...new Set(touched)];
  return { result, stamps: unique.map((f) => [f, stamp(f)]) };
}

function cacheKey(dir: string, cwd: string, location: ClavisLocation): string {
  return `${dir}\u0000${cwd}\u0000${location.config ?? ''}\u0000${location.registry ?? ''}`;
}

function cachedLoad(dir: string, cwd: string, location: ClavisLocation): CachedProject {
  const key = cacheKey(dir, cwd, location);
  const cached = projects.get(key);
  if (cached && isFresh(cached)) return cached;
  const loaded = load(dir, cwd, location);
  projects.set(key, loaded);
  return loaded;
}

/** The project for a file, or the configuration problem (config or registry) that stops it. Never throws. */
export function projectFor(filename: string, cwd: string, location: ClavisLocation): ProjectResult {
  return cachedLoad(path.dirname(path.resolve(cwd, filename)), cwd, location).result;
}

/**
 * A hash of the config and registry files a project rooted at `cwd` reads (content, not mtime),
 * plus the problem text when it does not load: what `eslint --cache` must see change.
 */
export function projectContentHash(cwd: string, location: ClavisLocation): string {
  const { result, stamps } = cachedLoad(path.resolve(cwd), path.resolve(cwd), location);
  const hash = createHash('sha256');
  for (const [file] of stamps) {
    hash.update(`${file}\u0000`);
    try {
      hash.update(fs.readFileSync(file));
    } catch {
      hash.update('\u0000absent');
    }
    hash.update('\u0000');
  }
  hash.update(result.problem ?? '');
  return hash.digest('hex').slice(0, 16);
}

/** One line for a lint message: where the config problem is and what was expected. */
export function describeConfigError(err: unknown): string {
  if (err instanceof ConfigError) return `clavis-lint: ${err.located()}`;
  return `clavis-lint: could not load the project configuration (${(err as Error)?.message ?? String(err)})`;
}
