// Reads one file, decides whether it can hold facts, and runs its front end once. Shared by the
// in-process path and the worker threads. Never throws: every failure becomes a FileError whose
// message names what went wrong but never quotes file content.
import fs from 'node:fs';
import path from 'node:path';
import type { FileError, FileFacts, FrontEndOptions, LanguageId } from './facts.js';
import { detectByPath, refineByContent } from '../languages/detect.js';
import { candidateLanguages, frontEndFor, loadFrontEnds } from '../languages/index.js';
import { isTestPath } from './test-paths.js';
import { HEAD_BYTES, readFileHead } from './file-head.js';
import { generatedByName, minifiedByShape } from './generated-files.js';
import { importedNames } from './import-names.js';

export interface FileAnalysis {
  file: string;
  language: LanguageId | null;
  /** Skipped by the cheap prefilter: never parsed. */
  prefiltered: boolean;
  facts?: FileFacts;
  errors: FileError[];
  exportedConstants?: Record<string, string>;
  unresolvedCalls?: string[];
  /** Skipped as minified or generated (an `errors` note says so): no pass analyses it. */
  generated?: boolean;
  /** A TS/JS file the prefilter skipped: the names its imports bind (import-names.ts), for the env-key helper pass. */
  importedNames?: string[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file that passed the prefilter and waits for its front end (possibly in a worker). */
export interface PendingFile {
  file: string;
  language: LanguageId;
  text: string;
}

/** Receives each text the cheap checks decoded (src/core/project-texts.ts: the later passes read it again). */
export type KeepText = (file: string, language: LanguageId, text: string) => void;

/**
 * Reads a file and applies every cheap check (size, binary, UTF-8, language, prefilter) on the
 * calling thread. Returns either a finished analysis or the text to hand to a front end.
 */
export function loadForAnalysis(root: string, file: string, options: FrontEndOptions, maxBytes: number, keepText?: KeepText): FileAnalysis | PendingFile {
  const guess = detectByPath(file);
  const base: FileAnalysis = { file, language: guess, prefiltered: false, errors: [] };
  let buffer: Buffer;
  try {
    const abs = path.join(root, file);
    const stat = fs.statSync(abs);
    if (!stat.isFile()) return { ...base, language: null };
    if (stat.size > maxBytes) {
      // Only report oversize files that we would have analysed.
      if (guess === null) return { ...base, language: null };
      return { ...base, errors: [{ file, message: `skipped: file is ${stat.size} bytes, larger than max_file_bytes (${maxBytes})` }] };
    }
    if (guess === null && stat.size === 0) return { ...base, language: null };
    // A file no path rule claims is analysed only when its first line makes it a script
    // (refineByContent): the rest of an image, an archive or a data file is never read.
    if (guess === null && refineByContent(null, readFileHead(abs)) === null) return { ...base, language: null };
    buffer = fs.readFileSync(abs);
  } catch (err) {
    return { ...base, errors: [{ file, message: `could not read file (${(err as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  const head = buffer.subarray(0, HEAD_BYTES).toString('latin1');
  const language = refineByContent(guess, head);
  if (language === null) return { ...base, language: null };
  const frontEnd = frontEndFor(language);
  if (!frontEnd) return { ...base, language };
  const generated = options.scanGenerated ? undefined : generatedByName(file);
  if (generated) return { ...base, language, generated: true, errors: [{ file, message: generated }] };
  // UTF-16 (Windows editors and PowerShell write it) has a NUL in every ASCII character: said
  // for what it is, so the user knows converting the file to UTF-8 gets it checked.
  const utf16 = utf16ByteOrderMark(buffer);
  if (utf16) return { ...base, language, errors: [{ file, message: `skipped: ${utf16} text (byte-order mark); only UTF-8 source is analysed, convert the file to UTF-8 to have it checked` }] };
  if (buffer.subarray(0, 8192).includes(0)) {
    return { ...base, language, errors: [{ file, message: 'skipped: binary content (NUL byte) in a source file' }] };
  }
  let text: string;
  try {
    text = utf8.decode(buffer);
  } catch {
    const line = firstInvalidUtf8Line(buffer);
    return { ...base, language, errors: [{ file, line, message: 'skipped: not valid UTF-8' }] };
  }
  // The decoder drops a leading byte-order mark, as every later read does (decodeSourceText).
  keepText?.(file, language, text);
  const minified = options.scanGenerated ? undefined : minifiedByShape(language, text);
  if (minified) return { ...base, language, generated: true, errors: [{ file, message: minified }] };
  if (!frontEnd.prefilter(text, options, file)) {
    const imports = language === 'typescript' || language === 'javascript' ? importedNames(text) : [];
    return { ...base, language, prefiltered: true, ...(imports.length > 0 ? { importedNames: imports } : {}) };
  }
  return { file, language, text };
}

/** 'UTF-16LE' or 'UTF-16BE' when the bytes start with that byte-order mark. */
function utf16ByteOrderMark(buffer: Buffer): string | undefined {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return 'UTF-16LE';
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/**
 * loadForAnalysis for the cross-file passes, which analyse files again after the first pass: that
 * pass may have loaded no front end at all (every file served from the result cache), and without
 * its front end a file would come back as analysed with no facts.
 */
export async function loadForReanalysis(root: string, file: string, options: FrontEndOptions, maxBytes: number): Promise<FileAnalysis | PendingFile> {
  await loadFrontEnds(candidateLanguages([file]));
  return loadForAnalysis(root, file, options, maxBytes);
}

export function isPending(value: FileAnalysis | PendingFile): value is PendingFile {
  return 'text' in value;
}

/** Runs the front end on one prefiltered file. Never throws. */
export async function runFrontEnd(pending: PendingFile, options: FrontEndOptions): Promise<FileAnalysis> {
  const { file, language, text } = pending;
  if (!frontEndFor(language)) await loadFrontEnds([language]); // a re-analysis after a run served from the cache
  const frontEnd = frontEndFor(language);
  if (!frontEnd) return { file, language, prefiltered: false, errors: [] };
  try {
    const result = await frontEnd.analyze(file, text, options);
    return {
      file,
      language,
      prefiltered: false,
      facts: { file, language, facts: result.facts, isTest: isTestPath(file) },
      errors: result.errors ?? [],
      exportedConstants: result.exportedConstants,
      ...(result.unresolvedCalls && result.unresolvedCalls.length > 0 ? { unresolvedCalls: result.unresolvedCalls } : {}),
    };
  } catch (err) {
    // A front-end bug must not end the scan, and its message must not leak source text.
    return { file, language, prefiltered: false, errors: [{ file, message: `internal error while analysing (${(err as Error)?.name ?? 'Error'}); the rest of the scan went on` }] };
  }
}

function firstInvalidUtf8Line(buffer: Buffer): number {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= buffer.length; i++) {
    if (i === buffer.length || buffer[i] === 0x0a) {
      try {
        utf8.decode(buffer.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
