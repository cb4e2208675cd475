// The file system the leak analysis's compiler sees: the real one, read-only, and limited to the
// project (DESIGN §7). Whatever the compiler asks for (tsconfig and its `extends`, source files,
// module resolution probes through `paths` or an in-tree symbolic link) whose real path is outside
// the boundary does not exist for it: it is never read, analysed or shown as a flow step. Refusals
// are counted so the caller can tell which import or tsconfig led out and report it in `errors[]`.
import fs from 'node:fs';
import path from 'node:path';
import type { FileSystemHost, RuntimeDirEntry } from 'ts-morph';
import { containmentChecker } from '../../core/contained-path.js';
import { guardedSourceText } from '../../languages/typescript/nesting-guard.js';

function notFound(p: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`not found: ${p}`);
  error.code = 'ENOENT';
  return error;
}

function readOnly(): never {
  throw new Error('the leak analysis never writes to the file system');
}

/**
 * Probes the compiler makes on its own, whatever the code says: `node_modules` lookups walking up
 * to `/` and `package.json` scope lookups. Refused like everything outside, but not counted as a
 * refusal worth reporting (imports into node_modules are never followed anyway).
 */
function isEnvironmentProbe(absolute: string): boolean {
  return absolute.split(path.sep).includes('node_modules') || path.basename(absolute) === 'package.json';
}

export class ContainedFileSystem implements FileSystemHost {
  /** How many requests for something outside the project were refused (environment probes excluded). */
  refusals = 0;
  private readonly verdicts = new Map<string, boolean>();
  private readonly inside: (absolute: string) => boolean;

  constructor(boundary: string) {
    this.inside = containmentChecker(boundary);
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

  isCaseSensitive(): boolean {
    return process.platform !== 'win32' && process.platform !== 'darwin';
  }

  readDirSync(dirPath: string): RuntimeDirEntry[] {
    if (!this.allows(dirPath)) throw notFound(dirPath);
    return fs.readdirSync(dirPath, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dirPath, entry.name);
      if (entry.isSymbolicLink() && !this.allows(full)) return [];
      let isFile = entry.isFile();
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          const stat = fs.statSync(full);
          isFile = stat.isFile();
          isDirectory = stat.isDirectory();
        } catch {
          return [];
        }
      }
      return [{ name: full, isFile, isDirectory, isSymlink: entry.isSymbolicLink() }];
    });
  }

  async readFile(filePath: string, encoding = 'utf-8'): Promise<string> {
    return this.readFileSync(filePath, encoding);
  }

  readFileSync(filePath: string, encoding = 'utf-8'): string {
    if (!this.allows(filePath)) throw notFound(filePath);
    // Constructs nested too deep are blanked as in the front end, so the compiler never overflows.
    return guardedSourceText(filePath, fs.readFileSync(filePath, encoding as BufferEncoding));
  }

  async fileExists(filePath: string): Promise<boolean> {
    return this.fileExistsSync(filePath);
  }

  fileExistsSync(filePath: string): boolean {
    try {
      return this.allows(filePath) && fs.statSync(filePath).isFile();
    } catch {
      return false;
    }
  }

  async directoryExists(dirPath: string): Promise<boolean> {
    return this.directoryExistsSync(dirPath);
  }

  directoryExistsSync(dirPath: string): boolean {
    try {
      return this.allows(dirPath) && fs.statSync(dirPath).isDirectory();
    } catch {
      return false;
    }
  }

  realpathSync(p: string): string {
    if (!this.allows(p)) throw notFound(p);
    return fs.realpathSync(p);
  }

  getCurrentDirectory(): string {
    return process.cwd();
  }

  async glob(): Promise<string[]> {
    return [];
  }

  /** Files are added explicitly (`skipAddingFilesFromTsConfig`); tsconfig globs are never expanded. */
  globSync(): string[] {
    return [];
  }

  delete(): Promise<void> {
    return readOnly();
  }

  deleteSync(): void {
    readOnly();
  }

  writeFile(): Promise<void> {
    return readOnly();
  }

  writeFileSync(): void {
    readOnly();
  }

  mkdir(): Promise<void> {
    return readOnly();
  }

  mkdirSync(): void {
    readOnly();
  }

  move(): Promise<void> {
    return readOnly();
  }

  moveSync(): void {
    readOnly();
  }

  copy(): Promise<void> {
    return readOnly();
  }

  copySync(): void {
    readOnly();
  }
}
