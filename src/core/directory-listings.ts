// What a compiler host's probes ask of the file system, answered from one listing per directory.
// Module resolution on dubinc/dub probes about 6,500 paths (`x.ts`, `x.tsx`, `x/index.ts` for every
// import) under about 1,300 directories, and each probe cost an lstat (is it a symbolic link?) and
// a stat (file or directory?): reading each directory once answers both for every name in it.
import fs from 'node:fs';
import path from 'node:path';

export class DirectoryListings {
  private readonly listings = new Map<string, Map<string, fs.Dirent> | null>();

  /**
   * `caseSensitive`: a listing answers only on a case-sensitive file system; on another, `Foo.ts`
   * exists when the listing holds `foo.ts`, so every question falls back to the caller's stat.
   */
  constructor(private readonly caseSensitive: boolean) {}

  /**
   * The entry `name` of directory `dir` (absolute): its Dirent; null when the directory holds no
   * such entry; undefined when this cannot say (the directory cannot be listed, or the file
   * system ignores case): ask the file system itself.
   */
  entry(dir: string, name: string): fs.Dirent | null | undefined {
    if (!this.caseSensitive) return undefined;
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      try {
        listing = new Map(fs.readdirSync(dir, { withFileTypes: true }).map((entry) => [entry.name, entry]));
      } catch {
        listing = null; // missing, not a directory, or not readable: each path is asked on its own
      }
      this.listings.set(dir, listing);
    }
    if (listing === null) return undefined;
    return listing.get(name) ?? null;
  }

  /** `entry` for an absolute path. */
  entryOf(absolute: string): fs.Dirent | null | undefined {
    const dir = path.dirname(absolute);
    return dir === absolute ? undefined : this.entry(dir, path.basename(absolute));
  }
}
