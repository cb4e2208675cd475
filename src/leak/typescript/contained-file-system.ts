// The file system the leak analysis's compiler sees: the real one, read-only, and limited to the
// project (DESIGN §7). Whatever the compiler asks for (tsconfig and its `extends`, source files,
// module resolution probes through `paths` or an in-tree symbolic link) whose real path is outside
// the boundary does not exist for it: it is never read, analysed or shown as a flow step. Refusals
// are counted so the caller can tell which import or tsconfig led out and report it in `errors[]`.
//
// Module resolution asks the same questions many times (every import of `@/lib/x` probes the same
// `.ts`/`.tsx`/`/index.ts` candidates), so answers about existence are remembered for the scan.
import fs from 'node:fs';
import path from 'node:path';
import { containmentChecker, memoizedRealPaths } from '../../core/contained-path.js';
import { DirectoryListings } from '../../core/directory-listings.js';
import { guardedSourceText } from '../../languages/typescript/nesting-guard.js';
import { decodeSourceText } from '../../core/decode-text.js';

/**
 * Probes the compiler makes on its own, whatever the code says: `node_modules` lookups walking up
 * to `/` and `package.json` scope lookups. Refused like everything outside, but not counted as a
 * refusal worth reporting (imports into node_modules are never followed anyway).
 */
function isEnvironmentProbe(absolute: string): boolean {
  return absolute.split(path.sep).includes('node_modules') || path.basename(absolute) === 'package.json';
}

type Kind = 'file' | 'directory' | 'none';

export class ContainedFileSystem {
  /** How many requests for something outside the project were refused (environment probes excluded). */
  refusals = 0;
  readonly useCaseSensitiveFileNames = process.platform !== 'win32' && process.platform !== 'darwin';
  private readonly verdicts = new Map<string, boolean>();
  private readonly kinds = new Map<string, Kind>();
  private readonly inside: (absolute: string) => boolean;
  /** One listing per directory probed: what a probed path is, without an lstat and a stat of its own. */
  private readonly listings = new DirectoryListings(this.useCaseSensitiveFileNames);
  /** Real paths, remembered for the scan (undefined: through a dangling symbolic link). */
  readonly realPath = memoizedRealPaths(this.listings);

  /** Files whose guarded text differed from their bytes (the guard blanked something): the result cache records them. */
  readonly guardAltered = new Set<string>();

  /**
   * `unguarded`: whether a file's bytes are known to pass the guard unchanged (the result cache
   * knows it for files it saw guarded before with the same content hash): such a file is not
   * scanned again.
   */
  constructor(
    boundary: string,
    private readonly unguarded?: (absolute: string, bytes: Buffer) => boolean,
  ) {
    this.inside = containmentChecker(boundary, this.realPath);
  }

  /** True when `p` may be touched. A refusal is decided without reading anything outside. */
  allows(p: string): boolean {
    const absolute = path.resolve(p);
    let verdict = this.verdicts.get(absolute);
    if (verdict === undefined) {
      verdict = this.inside(absolute);
      this.verdicts.set(absolute, verdict);
    }
    if (!verdict && !isEnvironmentProbe(absolute)) this.refusals++;
    return verdict;
  }

  /** The text of a file inside the project, or undefined (outside, missing, unreadable). */
  readFile(filePath: string): string | undefined {
    if (!this.allows(filePath)) return undefined;
    try {
      const bytes = fs.readFileSync(filePath);
      const text = decodeSourceText(bytes);
      if (this.unguarded?.(path.resolve(filePath), bytes)) return text;
      // Constructs nested too deep are blanked as in the front end, so the compiler never overflows.
      const guarded = guardedSourceText(filePath, text);
      if (guarded !== text) this.guardAltered.add(path.resolve(filePath));
      return guarded;
    } catch {
      return undefined;
    }
  }

  fileExists(filePath: string): boolean {
    return this.allows(filePath) && this.kindOf(filePath) === 'file';
  }

  directoryExists(dirPath: string): boolean {
    return this.allows(dirPath) && this.kindOf(dirPath) === 'directory';
  }

  realpath(p: string): string {
    if (!this.allows(p)) return p; // never resolved: the compiler then finds nothing there
    try {
      return fs.realpathSync(p);
    } catch {
      return p;
    }
  }

  /** Subdirectories (for `@types`-style probes); links leading outside are left out. */
  getDirectories(dirPath: string): string[] {
    if (!this.allows(dirPath)) return [];
    try {
      return fs
        .readdirSync(dirPath, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() || (entry.isSymbolicLink() && this.directoryExists(path.join(dirPath, entry.name))))
        .map((entry) => entry.name);
    } catch {
      return [];
    }
  }

  private kindOf(p: string): Kind {
    const absolute = path.resolve(p);
    let kind = this.kinds.get(absolute);
    if (kind !== undefined) return kind;
    const listed = this.listings.entryOf(absolute);
    if (listed === null) kind = 'none';
    else if (listed?.isFile()) kind = 'file';
    else if (listed?.isDirectory()) kind = 'directory';
    else {
      // A symbolic link (followed, as the compiler does) or a directory that cannot be listed.
      try {
        const stat = fs.statSync(absolute);
        kind = stat.isFile() ? 'file' : stat.isDirectory() ? 'directory' : 'none';
      } catch {
        kind = 'none';
      }
    }
    this.kinds.set(absolute, kind);
    return kind;
  }
}
