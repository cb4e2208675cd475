// The cache file on disk: one JSON document, `results.json`, in the cache directory. Read once at
// the start of a scan, written once at the end (to a fresh temporary file, then renamed over the
// old one, so a reader never sees half a file and a symbolic link planted at either name is
// never followed). Anything unexpected (a corrupt or foreign file, a link, an unreadable or
// unwritable directory) means "no cache": the scan goes on and a note says why.
import fs from 'node:fs';
import path from 'node:path';
import { decodeUtf8 } from '../core/decode-text.js';
import { isWithin, containmentBoundary } from '../core/contained-path.js';
import type { CacheSettings } from './settings.js';

/** Bumped whenever the stored shape changes: an older file is then ignored and rebuilt. */
const FORMAT = 'clavis-lint-cache/3';
const FILE = 'results.json';

export interface StoredDocument {
  format: string;
  /** Tool version, TypeScript version, resolved config and registry (src/cache/scan-key.ts). */
  scanKey: string;
  /** Relative path -> the file's analysis, as the front ends produced it for content `hash`. */
  files: Record<string, { hash: string; analysis: string; constantNames?: string[]; sealed?: true }>;
  /** The project-level TypeScript leak pass (src/cache/leak-cache.ts). */
  leak?: unknown;
  /** Relative path -> [stat key, content hash]: files whose stat is unchanged are not read again (src/cache/file-hasher.ts). */
  stats?: Record<string, [string, string]>;
  /**
   * `<path>\0<digest>` -> a cross-file pass's re-analysis of the file (env-key helpers, env-object
   * hand-offs) for content `hash`, with what the pass added to the options hashed as `digest`.
   */
  reanalyses?: Record<string, { hash: string; analysis: string }>;
}

export function emptyDocument(scanKey: string): StoredDocument {
  return { format: FORMAT, scanKey, files: {} };
}

/** The stored document when it is ours and made for this scan key; otherwise an empty one (and a note when the file was unusable). */
export function readDocument(settings: CacheSettings, root: string, scanKey: string, notes: string[], read: { text?: string } = {}): StoredDocument {
  const dir = usableDirectory(settings, root, notes);
  if (!dir) return emptyDocument(scanKey);
  const file = path.join(dir, FILE);
  let text: string;
  try {
    const stat = fs.lstatSync(file);
    if (!stat.isFile()) {
      notes.push(`cache file ${FILE} is not a regular file; ignored`);
      return emptyDocument(scanKey);
    }
    text = decodeUtf8(fs.readFileSync(file));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') notes.push(`cache not read (${(err as NodeJS.ErrnoException).code ?? 'error'}); scanning from scratch`);
    return emptyDocument(scanKey);
  }
  try {
    const doc = JSON.parse(text) as StoredDocument;
    if (!isDocument(doc)) throw new Error('shape');
    if (doc.format !== FORMAT || doc.scanKey !== scanKey) return emptyDocument(scanKey);
    read.text = text;
    return doc;
  } catch {
    notes.push(`cache file ${FILE} is corrupt; ignored and rebuilt`);
    return emptyDocument(scanKey);
  }
}

function isDocument(doc: unknown): doc is StoredDocument {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as Record<string, unknown>;
  if (typeof d.format !== 'string' || typeof d.scanKey !== 'string' || typeof d.files !== 'object' || d.files === null) return false;
  if (d.stats !== undefined && (typeof d.stats !== 'object' || d.stats === null || Array.isArray(d.stats))) return false;
  if (d.reanalyses !== undefined && (typeof d.reanalyses !== 'object' || d.reanalyses === null || Array.isArray(d.reanalyses))) return false;
  return Object.values(d.files as Record<string, unknown>).every((entry) => {
    const e = entry as Record<string, unknown> | null;
    return typeof e === 'object' && e !== null && typeof e.hash === 'string' && typeof e.analysis === 'string';
  });
}

/** Writes the document; a failure becomes a note (the report is complete without the cache). */
export function writeDocument(settings: CacheSettings, root: string, doc: StoredDocument, notes: string[], unchangedFrom?: string): void {
  const text = JSON.stringify(doc);
  if (text === unchangedFrom) return; // the file on disk already says this: an unchanged rescan writes nothing
  writeIntoCache(settings, root, FILE, text, notes);
}

/**
 * Writes `name` in the cache directory under a fresh name, renamed into place. A failure is a note
 * in `notes`, or silent without them (another file's write, just before, says why the directory
 * cannot be used).
 */
function writeIntoCache(settings: CacheSettings, root: string, name: string, text: string, notes: string[] | null): void {
  try {
    fs.mkdirSync(settings.location, { recursive: true });
  } catch (err) {
    notes?.push(`cache not written: cannot create ${shown(settings, root)} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  const dir = usableDirectory(settings, root, notes ?? []);
  if (!dir) return;
  const temp = path.join(dir, `${name}.${process.pid}.${Date.now()}.tmp`);
  try {
    ensureIgnoreFiles(dir);
    // 'wx': fails on an existing name (a planted link included) instead of following it.
    fs.writeFileSync(temp, text, { flag: 'wx', mode: 0o600 });
    fs.renameSync(temp, path.join(dir, name));
  } catch (err) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // nothing was created
    }
    notes?.push(`cache not written to ${shown(settings, root)} (${(err as NodeJS.ErrnoException).code ?? 'error'}); the report is complete`);
  }
}

/**
 * Another file of the cache directory (`registry.json`), read with the same care as the document:
 * a regular file in a usable directory, or nothing (no note: the document's own read says why
 * the directory is unusable).
 */
export function readCacheFile(settings: CacheSettings, root: string, name: string): string | undefined {
  const dir = usableDirectory(settings, root, []);
  if (!dir) return undefined;
  const file = path.join(dir, name);
  try {
    if (!fs.lstatSync(file).isFile()) return undefined;
    return decodeUtf8(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Writes another file of the cache directory as the document is written; a failure is silent (the document's write, just before, notes an unusable directory). */
export function writeCacheFile(settings: CacheSettings, root: string, name: string, text: string): void {
  writeIntoCache(settings, root, name, text, null);
}

/**
 * The cache directory's real path, when it may be used: a location from the repository (the
 * default or the config's `cache.location`) must really lie inside the project's checkout, not
 * lead outside through a link; a `--cache-location` is the user's own choice.
 */
function usableDirectory(settings: CacheSettings, root: string, notes: string[]): string | undefined {
  let real: string;
  try {
    real = fs.realpathSync(settings.location);
  } catch {
    return undefined; // not created yet: nothing to read (writeDocument creates it first)
  }
  if (!fs.statSync(real).isDirectory()) {
    notes.push(`cache location ${shown(settings, root)} is not a directory; cache not used`);
    return undefined;
  }
  if (settings.fromRepository) {
    const boundary = fs.realpathSync(containmentBoundary(root));
    if (!isWithin(boundary, real)) {
      notes.push(`cache location ${shown(settings, root)} leads outside the project; cache not used`);
      return undefined;
    }
  }
  return real;
}

/** A `.gitignore` of `*` (git never lists the cache) and a CACHEDIR.TAG (backup tools skip it). */
function ensureIgnoreFiles(dir: string): void {
  const write = (name: string, text: string): void => {
    try {
      fs.writeFileSync(path.join(dir, name), text, { flag: 'wx' });
    } catch {
      // already there (or a link: left alone, never followed)
    }
  };
  write('.gitignore', '# Written by clavis-lint: the result cache is local, never committed.\n*\n');
  write('CACHEDIR.TAG', 'Signature: 8a477f597d28d172789f06886806bc55\n# clavis-lint result cache (https://bford.info/cachedir/)\n');
}

function shown(settings: CacheSettings, root: string): string {
  const rel = path.relative(root, settings.location);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : settings.location;
}
