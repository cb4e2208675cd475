// The result cache of one scan (issue 12): what the front ends found per file, keyed by the
// file's content hash, and the project-level TypeScript leak pass, keyed by the content of every
// file its compiler Program loaded. Both sit under one scan key (tool and TypeScript versions,
// resolved config, registry content, front-end options), so a config or registry edit starts
// over. The cache only ever replays what the same code computed from the same inputs, and every
// later pass (cross-file summaries, constants, rules, post-processing) runs as without it, so a
// cached report is the uncached report.
//
// Secret values: the cache must not put on disk a value that no report would show. Facts of
// the code kinds below and value-literal positions hold names, positions and measurements, never
// values; the others may quote the file: a suppression comment's text (its reason may name a
// value), other config facts' data (a docs table's cells, a command line). A file whose analysis
// holds any of those is stored sealed (sealed.ts): encrypted with a key derived from the file's
// own bytes, so only someone who has the file can read the entry, and the cache file alone holds
// none of its values (config files, workflows, docs and the few source files with a directive;
// they used to be analysed on every run, which loaded their parsers too). A file's exported
// string constants (`export const KEY = "..."`, used to resolve env names across files) are not
// stored either, only their names: when this scan refers to one of them (or imports the file for
// one), the file is analysed again before constants are resolved (restoreConstants).
// test/security/invariants-masking.test.ts searches the cache files for its canaries.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileAnalysis } from '../core/analyze-file.js';
import type { Fact } from '../core/facts.js';
import { VALUE_LITERAL } from '../core/value-literals.js';
import { hashText } from './hash.js';
import { FileHasher } from './file-hasher.js';
import { bytesFor, seal, unseal } from './sealed.js';
import { emptyDocument, readDocument, writeDocument, type StoredDocument } from './store.js';
import type { CacheSettings } from './settings.js';
import { ENV_COPY_USE } from '../core/env-copy-use.js';

export class ResultCache {
  readonly notes: string[] = [];
  private readonly old: StoredDocument;
  private readonly next: StoredDocument;
  hits = 0;
  misses = 0;
  /** The project-level leak pass was served from the cache. */
  leakHit = false;
  /** The incremental leak pass: roots walked this scan and roots whose stored result was reused (leak-roots.ts). */
  leakRoots: { walked: number; reused: number; programFiles?: number; programs?: number; stubs?: number } | undefined;
  /** Why the leak pass ran whole although the Program's files changed only in part (incremental.ts). */
  leakFullPass: string | undefined;
  /** Content hashes of this scan, trusting unchanged stats (file-hasher.ts). */
  readonly hasher: FileHasher;
  /** The stored file's text, when it was read and is this scan's: an unchanged document is not written again. */
  private readonly oldText: string | undefined;

  constructor(
    private readonly settings: CacheSettings,
    private readonly root: string,
    readonly scanKey: string,
    /** Stats this scan already took (report-replay.ts): the hasher does not ask again. */
    taken?: ReadonlyMap<string, fs.Stats>,
  ) {
    const read: { text?: string } = {};
    this.old = readDocument(settings, root, scanKey, this.notes, read);
    this.oldText = read.text;
    this.next = emptyDocument(scanKey);
    this.hasher = new FileHasher(root, this.old.stats ?? {}, taken);
  }

  /** A fresh analysis was stored this scan. */
  private stored = false;

  /** Files served from the cache whose exported constants were left out: file -> their names. */
  readonly strippedConstants = new Map<string, string[]>();

  /** The stored analysis of `file` when its content still hashes to `hash` (a fresh object: callers mutate analyses). */
  analysis(file: string, hash: string): FileAnalysis | undefined {
    const entry = this.old.files[file];
    if (!entry || entry.hash !== hash) return undefined;
    try {
      const text = entry.sealed ? unseal(entry.analysis, path.join(this.root, file), hash) : entry.analysis;
      if (text === undefined) return undefined;
      const analysis = JSON.parse(text) as FileAnalysis;
      if (!hasAnalysisShape(analysis, file)) return undefined;
      if (entry.constantNames !== undefined && !Array.isArray(entry.constantNames)) return undefined;
      this.next.files[file] = entry;
      if (entry.constantNames) this.strippedConstants.set(file, entry.constantNames);
      return analysis;
    } catch {
      return undefined;
    }
  }

  /** Records a fresh analysis; call before any later pass mutates it. */
  store(file: string, hash: string, analysis: FileAnalysis): void {
    if (!storable(analysis)) {
      // Quotes the file: stored sealed with a key only the same content gives (sealed.ts), whole.
      const bytes = bytesFor(this.root, file, hash);
      if (!bytes) return;
      this.stored = true;
      this.next.files[file] = { hash, analysis: seal(JSON.stringify(analysis), bytes), sealed: true };
      return;
    }
    this.stored = true;
    const { exportedConstants, ...rest } = analysis;
    const names = Object.keys(exportedConstants ?? {});
    this.next.files[file] = { hash, analysis: JSON.stringify(names.length > 0 ? rest : analysis), ...(names.length > 0 ? { constantNames: names } : {}) };
  }

  /** A cross-file pass's stored re-analysis of `file` (content `hash`, pass options `digest`), as `analysis` serves first-pass ones. */
  reanalysis(file: string, hash: string, digest: string): FileAnalysis | undefined {
    const key = `${file}\0${digest}`;
    const entry = this.old.reanalyses?.[key] as { hash?: unknown; analysis?: unknown } | undefined;
    if (!entry || entry.hash !== hash || typeof entry.analysis !== 'string') return undefined;
    try {
      const analysis = JSON.parse(entry.analysis) as FileAnalysis;
      if (!hasAnalysisShape(analysis, file)) return undefined;
      (this.next.reanalyses ??= {})[key] = { hash, analysis: entry.analysis };
      return analysis;
    } catch {
      return undefined;
    }
  }

  /**
   * Records a re-analysis. Only one that quotes nothing of the file and exports no constants (their
   * values are file content; a first-pass entry stores their names only) is kept; others rerun.
   */
  storeReanalysis(file: string, hash: string, digest: string, analysis: FileAnalysis): void {
    if (!storable(analysis) || Object.keys(analysis.exportedConstants ?? {}).length > 0) return;
    this.stored = true;
    (this.next.reanalyses ??= {})[`${file}\0${digest}`] = { hash, analysis: JSON.stringify(analysis) };
  }

  /** Entries of files this scan did not cover (a scan of one directory) are kept while the file exists; a deleted file's entry goes. */
  keepOthers(covered: Set<string>): void {
    for (const file in this.old.files) {
      if (!covered.has(file) && !(file in this.next.files) && fs.existsSync(path.join(this.root, file))) this.next.files[file] = this.old.files[file];
    }
  }

  get leakEntry(): unknown {
    return this.old.leak;
  }

  set leakEntry(entry: unknown) {
    this.next.leak = entry;
  }

  /** Carries the old leak entry over when this scan did not run the leak pass (leak rules off, no TS files). */
  keepLeakEntry(): void {
    if (this.next.leak === undefined) this.next.leak = this.old.leak;
  }

  /** Every entry of the next document would be the old one's (served, not recomputed), and none dropped: checked before building it. */
  private unchanged(): boolean {
    if (this.oldText === undefined || this.stored || this.hasher.hashed > 0 || this.next.leak !== this.old.leak) return false;
    if (Object.keys(this.next.files).length !== Object.keys(this.old.files).length) return false;
    if (Object.keys(this.next.reanalyses ?? {}).length !== Object.keys(this.old.reanalyses ?? {}).length) return false;
    // No file was hashed: every stat record is an old one; each old one must be kept.
    for (const file in this.old.stats ?? {}) if (!(file in this.hasher.next) && !(file in this.next.files)) return false;
    return true;
  }

  save(): void {
    if (this.unchanged()) return; // nothing new to say: not even serialised (a few megabytes on a large project)
    this.hasher.verifyRacy();
    const stats = { ...this.hasher.next };
    // Records of files this scan did not hash (a scan of one directory) stay with their entries.
    for (const [file, record] of Object.entries(this.old.stats ?? {})) if (!(file in stats) && file in this.next.files) stats[file] = record;
    this.next.stats = Object.fromEntries(Object.keys(stats).sort().map((file) => [file, stats[file]]));
    writeDocument(this.settings, this.root, this.next, this.notes, this.oldText);
  }
}

/** Fact kinds that hold no text of the file besides names (an allow-list: a new kind is not stored until it is judged). */
const STORABLE_KINDS = new Set<string>(['env-read', 'name-ref', 'secret-store-call', 'resolver-call', 'leak', 'leaky-type', 'function-summary']);

/** Whether an analysis may be written to disk: it quotes no value of the file (see the header). */
export function storable(analysis: FileAnalysis): boolean {
  return (analysis.facts?.facts ?? []).every((fact) => STORABLE_KINDS.has(fact.kind) || isPositionOnly(fact) || isParameterSummary(fact));
}

/** What an exported function does with the environment handed to it (src/core/env-object-handoffs.ts), or where a call takes the copy another module's function returns (src/core/env-copy-helpers.ts): function names, an index and outcome words. */
function isParameterSummary(fact: Fact): boolean {
  return fact.kind === 'config' && (fact.type === 'env-param-summary' || fact.type === ENV_COPY_USE);
}

/** A value literal's position (src/core/value-literals.ts): the range and the name it is bound to, never the value; most code files have some. */
function isPositionOnly(fact: Fact): boolean {
  return fact.kind === 'config' && fact.type === VALUE_LITERAL && Object.keys(fact.data).every((key) => key === 'name');
}

/** The scan key: everything besides a file's own content that its analysis depends on. */
export function scanKey(parts: { toolVersion: string; config: unknown; registry: unknown; frontEndOptions: unknown; maxFileBytes: number }): string {
  return hashText(JSON.stringify({ ...parts, typescript: typescriptVersion(), node: process.versions.modules, build: buildStamp() }));
}

let stamp: string | undefined;

/**
 * The installed build itself (size and mtime of every module and grammar beside this one): a
 * rebuilt checkout with an unchanged version number (development, a patched install) starts over
 * instead of replaying facts an older front end produced. A few hundred stat calls (no .d.ts).
 */
export function buildStamp(): string {
  if (stamp) return stamp;
  const base = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const parts: string[] = [];
  // Paths joined by hand: path.join and path.relative per file cost as much as the stat calls.
  const walk = (dir: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(`${dir}${path.sep}${entry.name}`, name);
      // Declaration files (.d.ts) never run: half of lib/'s files, not stat'ed.
      else if (/\.(js|ts|wasm)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        const stat = fs.statSync(`${dir}${path.sep}${entry.name}`, { throwIfNoEntry: false });
        if (stat) parts.push(`${name}:${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  walk(base, '');
  return (stamp = hashText(...parts));
}

/** The TypeScript the project brought (a peer dependency): its version changes types, hence leak results. */
function typescriptVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (require('typescript/package.json') as { version: string }).version;
  } catch {
    return 'none';
  }
}

/**
 * The containers every later pass walks without checking: a parsable entry of another shape (a
 * damaged or hand-edited cache) is a miss, not an internal error halfway through the scan.
 */
function hasAnalysisShape(value: unknown, file: string): value is FileAnalysis {
  const analysis = value as Partial<FileAnalysis> | null;
  if (typeof analysis !== 'object' || analysis === null || analysis.file !== file || typeof analysis.prefiltered !== 'boolean') return false;
  if (!Array.isArray(analysis.errors) || !analysis.errors.every((e) => typeof e === 'object' && e !== null && typeof e.file === 'string' && typeof e.message === 'string')) return false;
  if (analysis.unresolvedCalls !== undefined && !(Array.isArray(analysis.unresolvedCalls) && analysis.unresolvedCalls.every((c) => typeof c === 'string'))) return false;
  if (analysis.importedNames !== undefined && !(Array.isArray(analysis.importedNames) && analysis.importedNames.every((n) => typeof n === 'string'))) return false;
  const facts = analysis.facts;
  if (facts === undefined) return true;
  return typeof facts === 'object' && facts !== null && facts.file === file && typeof facts.language === 'string' && Array.isArray(facts.facts) && facts.facts.every((f) => typeof f === 'object' && f !== null && typeof f.kind === 'string');
}
