// Content hashes without reading unchanged files (git's index, ESLint's cache): a file whose
// size, mtime, ctime and inode are those recorded when it was last hashed gets the recorded
// hash; any other file is read and hashed. A stat is recorded as trustworthy only when the read
// that produced the hash happened well after the file's last change (ctime): a file changed in
// the same clock tick as it was read could keep its size and times ("racy git"), so such a file is
// hashed again next time (or re-read once more before the cache is written, see `verifyRacy`).
// ctime cannot be set by a program (touch -d, utimes and every write set it to now), so an edit
// that restores the old mtime and size is still seen.
import fs from 'node:fs';
import path from 'node:path';
import { hashText } from './hash.js';

/** A stat is trusted only for a file unchanged this long before it was read (coarse file-system timestamps: FAT 2 s, HFS+ 1 s). */
const RACY_MS = 2000;

let clock = (): number => Date.now();

/** Tests only: the time the hasher sees (the racy rule makes a file written milliseconds ago untrusted). */
export function setHasherClockForTests(now: (() => number) | undefined): void {
  clock = now ?? ((): number => Date.now());
}

/** Relative path -> [stat key, content hash]. */
export type StatRecords = Record<string, [string, string]>;

export class FileHasher {
  /** Files read and hashed this scan (the others were trusted by their stat). */
  hashed = 0;
  readonly next: StatRecords = {};
  /** Hashed this scan but changed too recently to trust the stat yet: relative path -> [stat key, hash]. */
  private readonly racy = new Map<string, [string, string]>();
  /** Files over the size limit (never read, so never hashed): relative path -> stat key. Their report depends on their size only. */
  private readonly large = new Map<string, string>();
  /** Per size limit and path: a file is hashed at most once a scan. */
  private readonly memo = new Map<string, string | null>();

  constructor(
    private readonly root: string,
    private readonly old: StatRecords,
    /** Stats taken earlier this scan, by the same path (report-replay.ts), used instead of a second stat. */
    private readonly taken?: ReadonlyMap<string, fs.Stats>,
  ) {}

  /** The hash of a regular file's bytes; undefined for anything else or a file over `maxBytes`. */
  hash(rel: string, maxBytes = Infinity): string | undefined {
    const memoKey = `${maxBytes}\u0000${rel}`;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known ?? undefined;
    const result = this.compute(rel, maxBytes);
    this.memo.set(memoKey, result ?? null);
    return result;
  }

  private compute(rel: string, maxBytes: number): string | undefined {
    const abs = path.resolve(this.root, rel);
    const readAt = clock();
    let stat: fs.Stats | undefined = this.taken?.get(rel);
    try {
      stat ??= fs.statSync(abs, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!stat || !stat.isFile()) return undefined;
    const key = statKey(stat);
    if (stat.size > maxBytes) {
      this.large.set(rel, key);
      return undefined;
    }
    const recorded = this.old[rel];
    if (Array.isArray(recorded) && recorded[0] === key && typeof recorded[1] === 'string') {
      this.next[rel] = recorded;
      return recorded[1];
    }
    let hash: string;
    try {
      hash = hashText(fs.readFileSync(abs));
    } catch {
      return undefined;
    }
    this.hashed++;
    if (stat.ctimeMs < readAt - RACY_MS) this.next[rel] = [key, hash];
    else this.racy.set(rel, [key, hash]);
    return hash;
  }

  /**
   * Before the records are written: a file hashed this scan while it was fresh is read once more
   * when it has since aged past the racy window and still has the same stat and hash; then its
   * stat is trusted (any later change gets a later ctime). Costs a read of recently changed files.
   */
  verifyRacy(): void {
    const now = clock();
    for (const [rel, [key, hash]] of this.racy) {
      const abs = path.resolve(this.root, rel);
      try {
        const stat = fs.statSync(abs);
        if (statKey(stat) !== key || !(stat.ctimeMs < now - RACY_MS)) continue;
        if (hashText(fs.readFileSync(abs)) === hash) this.next[rel] = [key, hash];
      } catch {
        // gone or unreadable: hashed again next time
      }
    }
  }

  /** Every stat this scan may trust (after verifyRacy): path -> stat key, hashed files and files over the size limit alike. */
  trustedStats(): Record<string, string> {
    const stats: Record<string, string> = {};
    for (const [rel, [key]] of Object.entries(this.next)) stats[rel] = key;
    for (const [rel, key] of this.large) stats[rel] = key;
    return stats;
  }
}

/** What a stat record compares: size, modification and change times, inode and device. */
export function statKey(stat: fs.Stats): string {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}`;
}
