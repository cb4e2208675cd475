// Where the result cache lives and whether it is used (DESIGN §10: `--cache`, `--no-cache`,
// `--cache-location DIR`, config `cache: { enabled, location }`).
//
// Default: on for local runs, off when `CI` is set (a CI job starts from an empty disk, so the
// cache only costs a write; restored with actions/cache it is safe to turn on with `--cache`).
// Default location: `.clavis-lint-cache/` at the project root, for every language (a Rust or
// Python project has no node_modules); it holds a `.gitignore` of `*`, so git never lists it.
import fs from 'node:fs';
import path from 'node:path';
import { findRepository, runGit, splitNul } from '../core/git.js';
import { rememberedUntracked, rememberUntracked } from './untracked-memo.js';

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
  /** Turned off because git tracks files in the location: the repository (a pull request) put them there. */
  tracked?: true;
}

/** The note a scan prints when `tracked` turned the cache off. */
export const TRACKED_CACHE_NOTE = 'the cache directory holds files committed to the repository; a cache is written by clavis-lint and never committed, so it is not used (remove the files from git)';

export function resolveCacheSettings(root: string, request: CacheRequest | undefined, config: { enabled?: boolean; location?: string } | undefined): CacheSettings {
  const enabled = request?.enabled ?? config?.enabled ?? !request?.ci;
  const settings = request?.location
    ? { enabled, location: path.resolve(request.location), fromRepository: false }
    : { enabled, location: path.resolve(root, config?.location ?? DEFAULT_CACHE_DIR), fromRepository: true };
  // A cache is plain data, but data that decides what the scan reports: one a pull request
  // commits (a results.json claiming a file has no facts, a registry.json without a secret) would
  // hide findings. The cache's own .gitignore keeps git from listing what clavis-lint writes, so a
  // tracked file there was put there on purpose.
  return settings.enabled && isTrackedByGit(root, settings.location) ? { ...settings, enabled: false, tracked: true } : settings;
}

/** Answers per location and state of git's index (a scan asks several times; a commit changes the index). */
const trackedLocations = new Map<string, boolean>();

/** Whether git tracks any file under `location` (false outside a repository, or when git cannot say). */
function isTrackedByGit(root: string, location: string): boolean {
  const repo = findRepository(root);
  const rel = repo ? path.relative(repo.workTree, location) : '..';
  if (!repo || rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const stamp = indexStamp(repo.gitDir);
  // No index file (a repository nothing was ever added to): git lists no tracked file.
  if (stamp === 'absent') return false;
  const key = `${location}\0${stamp}`;
  const known = trackedLocations.get(key);
  if (known !== undefined) return known;
  // Answered on an earlier run while the index was this very file (untracked-memo.ts).
  const remembered = `${repo.gitDir}\0${location}`;
  if (stamp !== 'none' && rememberedUntracked(remembered, stamp)) {
    trackedLocations.set(key, false);
    return false;
  }
  let tracked = false;
  try {
    tracked = splitNul(runGit(repo, ['ls-files', '-z', '--cached', '--', rel.split(path.sep).join('/')], repo.workTree)).length > 0;
    if (!tracked && stamp !== 'none' && indexStamp(repo.gitDir) === stamp) rememberUntracked(remembered, stamp);
  } catch {
    tracked = false; // git failed: discovery reports it; as without git, the cache is used
  }
  trackedLocations.set(key, tracked);
  return tracked;
}

/**
 * Changes with every rewrite of git's index (a new file renamed over the old: another inode and
 * ctime); 'absent' when there is no index file (git's environment never names another one,
 * git.ts), 'none' when it cannot be read.
 */
function indexStamp(gitDir: string): string {
  try {
    const stat = fs.statSync(path.join(gitDir, 'index'));
    return `${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}:${stat.ino}:${stat.dev}`;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'none';
  }
}
