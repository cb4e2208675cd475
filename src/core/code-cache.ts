// A V8 code cache for the one large CommonJS module a scan loads: the TypeScript compiler (9 MB).
// Loading it takes about 0.27 s of every scan that parses a TS/JS file, more than the parsing of
// a one-file edit; with the bytecode V8 produced on an earlier run it takes about half that.
// Node 22 offers the same for every module (`module.enableCompileCache`); Node 20 has only the
// `vm.Script` `cachedData` API it is built on, used here.
//
// Trust: bytecode is code. V8 checks only that a cache matches its own version, its flags and the
// source's length, so the cache must never come from anywhere a scanned repository (or another
// user) can write. It lives in the user's own cache directory, never in the scanned tree (where
// the result cache, which is plain data, lives), and the directory and the file must belong to the
// user and be writable by nobody else: that is the boundary. Each file also carries a CRC-32 of
// its payload, checked before V8 sees a byte, because release builds of V8 do not check that the
// bytes are whole: a torn or damaged file is ignored, not run. (The checksum guards against
// accidents, not against an attacker, whom the ownership check keeps out; a SHA-256 of the 4 MB
// payload cost about 12 ms of every scan that loads the compiler, a CRC-32 under 1 ms.) The file
// also says whether the module's source was plain ASCII, so the next load decodes it without
// checking its 9 MB again (about 17 ms). The name holds a hash of the
// module file's identity (path, size, modification and change times, inode, device) and the Node
// and V8 versions and the architecture, so an upgraded compiler never meets bytecode compiled from
// another source: replacing or rewriting the file gives it a new change time, which no program
// can set back (the result cache trusts unchanged stats the same way, src/cache/file-hasher.ts).
// Hashing the 9 MB source instead cost about 30 ms of every scan that loads the compiler.
import { isAscii } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Module, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { compileWasmOnCallingThread } from './v8-flags.js';

/**
 * A cache file: MAGIC, the CRC-32 of the rest, a flags byte, then V8's payload. The magic sets
 * this layout apart from the one before it (a SHA-256, then the payload), whose files are ignored
 * and replaced.
 */
const MAGIC = Buffer.from('CLV2', 'latin1');
const CHECKSUM_AT = MAGIC.length;
const FLAGS_AT = CHECKSUM_AT + 4;
const HEADER_BYTES = FLAGS_AT + 1;
/** Flags bit: the module's source (with Node's wrapper) was plain ASCII, so Latin-1 decoding gives its text. */
const ASCII_SOURCE = 1;

let directory: string | null = null;
/** Only the thread that configured the cache for writing (the CLI's main thread) writes it. */
let writes = false;

/** What the cache did for each module loaded through it, in order (for tests and benchmarks). */
export type CodeCacheOutcome = 'used' | 'missing' | 'refused';
const outcomes: { file: string; outcome: CodeCacheOutcome }[] = [];

export function codeCacheOutcomes(): readonly { file: string; outcome: CodeCacheOutcome }[] {
  return outcomes;
}

/** Compiled modules whose cache was missing or refused: written by `saveCodeCaches()`. */
const pending: { script: vm.Script; file: string; ascii: boolean }[] = [];

/**
 * Where the code cache lives: `$XDG_CACHE_HOME/clavis-lint` or `~/.cache/clavis-lint`; null
 * (no cache) when `NODE_DISABLE_COMPILE_CACHE` is set, as for Node's own compile cache, or
 * without a home directory.
 */
export function defaultCodeCacheDirectory(env: NodeJS.ProcessEnv): string | null {
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : homeCache();
  return base ? path.join(base, 'clavis-lint') : null;
}

function homeCache(): string | null {
  try {
    const home = os.homedir();
    return home ? path.join(home, '.cache') : null;
  } catch {
    return null;
  }
}

/**
 * Turns the cache on (a directory) or off (null) for the modules loaded from now on in this
 * thread; `write`: this thread writes what it compiled (worker threads only read, so that one
 * process writes at most once).
 */
export function configureCodeCache(dir: string | null, { write }: { write: boolean }): void {
  directory = dir;
  writes = write && dir !== null;
}

export function codeCacheDirectory(): string | null {
  return directory;
}

/**
 * `require(specifier)` through the code cache when it is on. The module is registered in
 * `require.cache`, so every later `require` of it (the leak analysis, typescript-eslint) gets the
 * same instance. Any trouble with the cache falls back to a plain `require`.
 */
export function requireWithCodeCache(requireFrom: NodeJS.Require, specifier: string): unknown {
  if (directory === null) return requireFrom(specifier);
  const file = requireFrom.resolve(specifier);
  const loaded = requireFrom.cache[file];
  if (loaded) return loaded.exports;
  let wrappedBytes: Buffer;
  let stat: fs.Stats;
  try {
    ({ bytes: wrappedBytes, stat } = readWrapped(file));
  } catch {
    return requireFrom(specifier);
  }
  // V8 refuses bytecode made under other flags: set the scan's one flag before the first compile, whatever loads first.
  compileWasmOnCallingThread();
  const cacheFile = path.join(directory, cacheFileName(file, stat));
  const cached = readTrusted(directory, cacheFile);
  const cachedData = cached?.payload;
  // The same file identity, the same bytes: a cache that says they were ASCII spares the check.
  const ascii = cached?.ascii === true || isAscii(wrappedBytes);
  const wrapped = ascii ? wrappedBytes.toString('latin1') : wrappedBytes.toString('utf8');
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const mod = new Module(file);
  mod.filename = file;
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  requireFrom.cache[file] = mod;
  const outcome: CodeCacheOutcome = !cachedData ? 'missing' : script.cachedDataRejected ? 'refused' : 'used';
  outcomes.push({ file, outcome });
  if (outcome !== 'used') pending.push({ script, file: cacheFile, ascii });
  return mod.exports;
}

// Node's CommonJS wrapper, on the first line so that line numbers in stack traces stay right.
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n})';

/**
 * The module's bytes inside the wrapper, read into one buffer: decoded once into the one flat
 * string V8 compiles. Joining the decoded source to the wrapper (a rope V8 must flatten before it
 * compiles) copied the compiler's 9 MB once more, about 20 ms of every scan that loads it: fresh
 * memory costs a page fault per 4 KB on a virtual machine. A file whose size changes while it is
 * read throws: its stat would not name what was read.
 */
function readWrapped(file: string): { bytes: Buffer; stat: fs.Stats } {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    const size = stat.size;
    const out = Buffer.allocUnsafeSlow(WRAPPER_HEAD.length + size + WRAPPER_TAIL.length);
    out.write(WRAPPER_HEAD, 0, 'latin1');
    let read = 0;
    while (read < size) {
      const n = fs.readSync(fd, out, WRAPPER_HEAD.length + read, size - read, null);
      if (n === 0) break;
      read += n;
    }
    if (read === size && fs.readSync(fd, Buffer.alloc(1), 0, 1, null) === 0) {
      out.write(WRAPPER_TAIL, WRAPPER_HEAD.length + size, 'latin1');
      return { bytes: out, stat };
    }
  } finally {
    fs.closeSync(fd);
  }
  // Changing while read (an install under way): no bytecode is read or written for what was read; the caller requires it plainly.
  throw new Error(`${file} changed while it was read`);
}

/**
 * Writes the caches of modules compiled without one. Called after a scan, so the bytecode also
 * holds the functions the scan compiled lazily. Only a thread configured to write does; failures are silent
 * (the next run compiles again).
 */
export function saveCodeCaches(): void {
  if (!writes || directory === null) return;
  const dir = directory;
  for (const { script, file, ascii } of pending.splice(0)) {
    try {
      if (!ensurePrivateDirectory(dir)) return;
      const payload = script.createCachedData();
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, cacheFileBytes(payload, ascii ? ASCII_SOURCE : 0), { mode: 0o600, flag: 'wx' });
      fs.renameSync(temp, file);
      removeOlderCaches(dir, file, moduleName(file));
    } catch {
      // A read-only home or a full disk costs the next run its 0.2 s, nothing else.
    }
  }
}

/** An upgraded compiler or Node leaves its predecessor's cache behind: keep one per module (a few MB each). */
function removeOlderCaches(dir: string, kept: string, module: string): void {
  const name = path.basename(kept);
  for (const other of fs.readdirSync(dir)) {
    // `<module>-<16 hex digits>-node…`: another module whose name starts the same way is not matched.
    if (other !== name && other.endsWith('.v8cache') && other.startsWith(`${module}-`) && /^[0-9a-f]{16}-node/.test(other.slice(module.length + 1))) {
      fs.rmSync(path.join(dir, other), { force: true });
    }
  }
}

/** The cache file's name starts with the module file's name (`typescript` for `lib/typescript.js`). */
function moduleName(cacheFile: string): string {
  return path.basename(cacheFile).replace(/-[0-9a-f]{16}-node.*$/, '');
}

/** Named by the module file's identity (see the header): its stat stands for its content, as in the result cache. */
function cacheFileName(file: string, stat: fs.Stats): string {
  const identity = `${path.resolve(file)}\u0000${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}`;
  const sourceHash = crypto.createHash('sha256').update(identity).digest('hex').slice(0, 16);
  return `${path.basename(file, path.extname(file))}-${sourceHash}-node${process.versions.node}-v8-${process.versions.v8}-${process.arch}.v8cache`;
}

/** MAGIC, the checksum of what follows, the flags byte and the payload. */
function cacheFileBytes(payload: Buffer, flags: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header[FLAGS_AT] = flags;
  const checksum = zlib.crc32(payload, zlib.crc32(header.subarray(FLAGS_AT)));
  header.writeUInt32BE(checksum, CHECKSUM_AT);
  return Buffer.concat([header, payload]);
}

/** The payload and flags of a cache file the user alone could have written, of this layout, whose checksum matches; else undefined. */
function readTrusted(dir: string, file: string): { payload: Buffer; ascii: boolean } | undefined {
  try {
    if (!isPrivate(dir, true) || !isPrivate(file, false)) return undefined;
    const content = fs.readFileSync(file);
    if (content.length <= HEADER_BYTES || !content.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
    const payload = content.subarray(HEADER_BYTES);
    const checksum = zlib.crc32(payload, zlib.crc32(content.subarray(FLAGS_AT, HEADER_BYTES)));
    if (checksum !== content.readUInt32BE(CHECKSUM_AT)) return undefined;
    return { payload, ascii: (content[FLAGS_AT] & ASCII_SOURCE) !== 0 };
  } catch {
    return undefined;
  }
}

/**
 * A small file of this user's cache directory (the trust boundary above), or undefined when the
 * cache is off, the file is missing, or the directory or the file could have been written by
 * anyone else. For data a scan may rely on without checking it again (src/cache/untracked-memo.ts).
 */
export function readUserCacheFile(name: string): Buffer | undefined {
  const dir = directory;
  if (dir === null) return undefined;
  try {
    const file = path.join(dir, name);
    if (!isPrivate(dir, true) || !isPrivate(file, false)) return undefined;
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes a small file of the user's cache directory whole (a temporary file renamed over it); failures are silent. */
export function writeUserCacheFile(name: string, data: string): void {
  const dir = directory;
  if (!writes || dir === null) return;
  try {
    if (!ensurePrivateDirectory(dir)) return;
    const file = path.join(dir, name);
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(temp, file);
  } catch {
    // The next run asks again.
  }
}

/** Not a link, of the expected type, owned by this user (where the platform has owners), writable by nobody else. */
function isPrivate(target: string, isDirectory: boolean): boolean {
  const stat = fs.lstatSync(target);
  if (isDirectory ? !stat.isDirectory() : !stat.isFile()) return false;
  if (process.platform === 'win32') return true;
  return stat.uid === process.getuid?.() && (stat.mode & 0o022) === 0;
}

function ensurePrivateDirectory(dir: string): boolean {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return isPrivate(dir, true);
}
