// git's answer "no file under this cache directory is tracked" (settings.ts), remembered across
// runs. Asking git costs a process (about 50 ms of a 0.7 s scan served from the cache). A file is
// tracked only once it is in git's index, and git never changes the index in place: it writes a
// new file and renames it over the old one, so the index's inode, size and times change whenever
// its entries do. The answer is kept with that stamp and holds while the index keeps it.
//
// Trust: the answer decides whether a cache directory a pull request could have committed is
// used, so it is kept where the repository cannot write: the user's own cache directory, under
// the same checks as the compiler's code cache (src/core/code-cache.ts), never in the scanned tree.
import { readUserCacheFile, writeUserCacheFile } from '../core/code-cache.js';

const FILE = 'untracked-cache-directories.json';
/** Repositories remembered: the oldest answers go first. */
const MAX_ENTRIES = 64;

/** Whether `key` (git directory and cache location) was found untracked while the index had `stamp`. */
export function rememberedUntracked(key: string, stamp: string): boolean {
  return read()[key] === stamp;
}

export function rememberUntracked(key: string, stamp: string): void {
  const entries = read();
  delete entries[key];
  entries[key] = stamp;
  const keys = Object.keys(entries);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_ENTRIES))) delete entries[old];
  writeUserCacheFile(FILE, JSON.stringify(entries));
}

function read(): Record<string, string> {
  const bytes = readUserCacheFile(FILE);
  if (!bytes) return {};
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return {};
  }
}
