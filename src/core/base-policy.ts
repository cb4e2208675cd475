// The policy at a base commit (`--policy-from REF`, the Action's `policy-from: base`): the config
// and registry a change is judged by, read through git (never by checking anything out) or, for
// tests and offline review, from a directory holding the base versions of the files. Only files
// inside the project come from the base: a config or registry named on the command line outside
// the project is the user's own and is used as given.
import fs from 'node:fs';
import path from 'node:path';
import type { ResolvedConfig } from './config-types.js';
import { ConfigError } from './config-types.js';
import { applyConfigDocument, CONFIG_FILE_NAMES, configDefaults, DEFAULT_REGISTRY_FILE, diskConfigReader } from './config.js';
import { resolveContained } from './contained-path.js';
import { readFileAtRef, resolveCommit } from './git.js';
import { parseYamlSource } from '../registry/yaml-reader.js';
import { loadRegistry } from '../registry/load.js';
import type { Registry } from '../registry/model.js';

/** Where the base policy comes from. */
export type BasePolicySource = { ref: string } | { dir: string };

export interface PolicyReader {
  /** Shown in messages and the job summary: `origin/main (1a2b3c4d5e6f)` or the directory. */
  label: string;
  /** Text of a root-relative file at the base, or undefined when it has none. */
  read(relPath: string): string | undefined;
}

export interface BasePolicy {
  reader: PolicyReader;
  config: ResolvedConfig;
  registry: Registry;
  /** Root-relative path of the base config file, when the base has one. */
  configFile?: string;
}

export function policyReader(root: string, source: BasePolicySource): PolicyReader {
  if ('dir' in source) {
    const dir = path.resolve(source.dir);
    return {
      label: path.relative(root, dir).split(path.sep).join('/') || dir,
      read(relPath) {
        const contained = resolveContained(dir, relPath, dir);
        if ('error' in contained) return undefined;
        try {
          return fs.readFileSync(contained.absolute, 'utf8');
        } catch {
          return undefined;
        }
      },
    };
  }
  const commit = resolveCommit(root, source.ref);
  if (!commit) {
    throw new ConfigError(`--policy-from: '${source.ref}' is not a commit in this repository (fetch it first; on a pull request checkout use fetch-depth: 2 and HEAD^1)`);
  }
  return { label: `${source.ref} (${commit.slice(0, 12)})`, read: (relPath) => readFileAtRef(root, commit, relPath) };
}

/** Root-relative posix path of `absolute`, or undefined when it is outside the root. */
function insideRoot(root: string, absolute: string): string | undefined {
  const rel = path.relative(root, absolute);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/**
 * Loads the base config and registry. `head` is the working tree's config: its root is the
 * project root, its config file (when inside the project) names the file to read at the base.
 * `commandLineRegistry`, when given, replaces the configured registry on both sides.
 */
export async function loadBasePolicy(head: ResolvedConfig, reader: PolicyReader, commandLineRegistry?: ResolvedConfig['registry']): Promise<BasePolicy> {
  const root = head.root;
  const headConfigRel = head.configFile ? insideRoot(root, head.configFile) : undefined;
  const candidates = head.configFile && !headConfigRel ? [] : headConfigRel ? [headConfigRel] : [...CONFIG_FILE_NAMES];
  let configFile: string | undefined;
  let text: string | undefined;
  for (const candidate of candidates) {
    text = reader.read(candidate);
    if (text !== undefined) {
      configFile = candidate;
      break;
    }
  }
  const config = configDefaults(root);
  config.registry = reader.read(DEFAULT_REGISTRY_FILE) !== undefined ? [DEFAULT_REGISTRY_FILE] : [];
  if (head.configFile && !headConfigRel) {
    // A config from outside the project is the user's, not the change's: same on both sides.
    Object.assign(config, { ...head, root });
  } else if (text !== undefined && configFile) {
    config.configFile = path.join(root, configFile);
    // Shared configs (`extends:` files) are read at the base too; installed packages from the working tree (not versioned).
    const installed = diskConfigReader(root, root);
    const shared = { read: reader.read, readInstalled: installed.readInstalled, show: (rel: string) => `${rel} at ${reader.label}` };
    applyConfigDocument(parseYamlSource(text, `${configFile} at ${reader.label}`, 'config', true), config, shared, [configFile]);
  }
  if (commandLineRegistry) {
    // The user's own choice on both sides: read where it points, inside the project at the base.
    config.registry = commandLineRegistry;
    config.registryFromCommandLine = true;
  }
  const registry = await loadRegistry(config, (absolute, file) => {
    const rel = insideRoot(root, absolute);
    if (rel === undefined) return fs.readFileSync(absolute, 'utf8');
    const found = reader.read(rel);
    if (found === undefined) throw new ConfigError(`registry source not found at ${reader.label}; expected the file to exist in the base policy`, file);
    return found;
  });
  return { reader, config, registry, ...(configFile ? { configFile } : {}) };
}

/**
 * A base-policy directory inside the project (tests, offline review) holds copies of policy
 * files, not code of the change: it is never scanned, on either side.
 */
export function withoutBaseDirectory(config: ResolvedConfig, source: BasePolicySource): ResolvedConfig {
  if (!('dir' in source)) return config;
  const rel = insideRoot(config.root, path.resolve(source.dir));
  return rel === undefined ? config : { ...config, exclude: [...config.exclude, `${rel}/**`] };
}

const EMPTY_BASELINE = '{"version": 1, "tool": "clavis-lint", "files": {}}';

/**
 * The baseline in force under a base policy: a baseline file inside the project is read as
 * committed at `ref` (a change that adds entries must not hide its own findings), and a base
 * without the file has an empty one. Undefined for a file outside the project: the caller reads
 * the user's own file from disk.
 */
export function baselineTextAtRef(root: string, ref: string, absolute: string): string | undefined {
  const rel = insideRoot(root, absolute);
  if (rel === undefined) return undefined;
  return readFileAtRef(root, ref, rel) ?? EMPTY_BASELINE;
}
