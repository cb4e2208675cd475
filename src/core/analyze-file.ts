// Reads one file, decides whether it can hold facts, and runs its front end once. Shared by the
// in-process path and the worker threads. Never throws: every failure becomes a FileError whose
// message names what went wrong but never quotes file content.
import fs from 'node:fs';
import path from 'node:path';
import type { FileError, FileFacts, FrontEndOptions, LanguageId } from './facts.js';
import { detectByPath, refineByContent } from '../languages/detect.js';
import { frontEndFor } from '../languages/index.js';
import { isTestPath } from './test-paths.js';

export interface FileAnalysis {
  file: string;
  language: LanguageId | null;
  /** Skipped by the cheap prefilter: never parsed. */
  prefiltered: boolean;
  facts?: FileFacts;
  errors: FileError[];
  exportedConstants?: Record<string, string>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export async function analyzeFile(root: string, file: string, options: FrontEndOptions, maxBytes: number): Promise<FileAnalysis> {
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
    buffer = fs.readFileSync(abs);
  } catch (err) {
    return { ...base, errors: [{ file, message: `could not read file (${(err as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  const head = buffer.subarray(0, 512).toString('latin1');
  const language = refineByContent(guess, head);
  if (language === null) return { ...base, language: null };
  const frontEnd = frontEndFor(language);
  if (!frontEnd) return { ...base, language };
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
  if (!frontEnd.prefilter(text, options)) return { ...base, language, prefiltered: true };
  try {
    const result = await frontEnd.analyze(file, text, options);
    return {
      file,
      language,
      prefiltered: false,
      facts: { file, language, facts: result.facts, isTest: isTestPath(file) },
      errors: result.errors ?? [],
      exportedConstants: result.exportedConstants,
    };
  } catch (err) {
    // A front-end bug must not end the scan, and its message must not leak source text.
    return { ...base, language, errors: [{ file, message: `internal error while analysing (${(err as Error)?.name ?? 'Error'}); the rest of the scan went on` }] };
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
