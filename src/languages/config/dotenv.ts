// `.env` files. Emits NameRefFact `env-file-key` per key (hasLiteralValue false for empty values,
// placeholders and `${...}` references), a ConfigFact `env-file-commented-key` {name} per
// commented-out assignment (`# NAME=`: a name the file documents without setting it; a separate
// fact type so rules about set values and uses never see it), and one ConfigFact `env-file`
// {example, keys, commentedKeys} for the drift rules. Example files are `.env.example`,
// `.env.sample`, `.env.template`, `.env.dist` (and `example.env`-style names).
import { LineCounter } from 'yaml';
import type { Fact, FileError, FrontEnd } from '../../core/facts.js';
import { parseDotenv } from './dotenv-parser.js';
import { isPlaceholderValue, valueProfileOf } from './placeholder-values.js';
import { DISABLE_MARKER, offsetRange } from './yaml-source.js';

export const dotenvFrontEnd: FrontEnd = {
  id: 'dotenv',
  prefilter: () => true,
  analyze: analyzeDotenv,
};

const EXAMPLE_MARKERS = ['example', 'sample', 'template', 'dist', 'tmpl', 'tpl'];

/** True for `.env.example`, `.env.sample`, `.env.template`, `.env.dist`, `example.env`... */
export function isExampleEnvFile(file: string): boolean {
  const base = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  const parts = base.split('.').filter(Boolean);
  return parts.some((part) => EXAMPLE_MARKERS.includes(part));
}

export function analyzeDotenv(file: string, text: string): { facts: Fact[]; errors: FileError[] } {
  const lineCounter = new LineCounter();
  let offset = 0;
  for (const line of text.split('\n')) {
    lineCounter.addNewLine(offset);
    offset += line.length + 1;
  }
  const parsed = parseDotenv(text);
  const facts: Fact[] = [];
  const errors: FileError[] = [];
  for (const comment of parsed.comments) {
    if (comment.text.includes(DISABLE_MARKER)) facts.push({ kind: 'comment', text: comment.text, range: offsetRange(lineCounter, comment.start, comment.end) });
  }
  const example = isExampleEnvFile(file);
  const keys: string[] = [];
  for (const entry of parsed.entries) {
    keys.push(entry.key);
    facts.push({
      kind: 'name-ref',
      name: entry.key,
      context: 'env-file-key',
      range: offsetRange(lineCounter, entry.keyStart, entry.keyEnd),
      hasLiteralValue: !isPlaceholderValue(entry.value),
      ...valueProfileOf(entry.value, entry.key),
      ...(entry.valueEnd > entry.valueStart ? { valueRange: offsetRange(lineCounter, entry.valueStart, entry.valueEnd) } : {}),
    });
  }
  const commentedKeys: string[] = [];
  for (const commented of parsed.commentedKeys) {
    commentedKeys.push(commented.key);
    facts.push({ kind: 'config', type: 'env-file-commented-key', range: offsetRange(lineCounter, commented.keyStart, commented.keyEnd), data: { name: commented.key } });
  }
  for (const problem of parsed.problems) {
    const pos = lineCounter.linePos(problem.offset);
    errors.push({ file, message: `dotenv: ${problem.message}`, line: pos.line, column: pos.col });
  }
  // `end` and `endsWithNewline` say where a name can be appended (env-example-drift's fix).
  const end = offsetRange(lineCounter, text.length, text.length);
  const endsWithNewline = text.length === 0 || text.endsWith('\n');
  facts.push({ kind: 'config', type: 'env-file', range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, data: { example, keys: [...new Set(keys)], commentedKeys: [...new Set(commentedKeys)], end: { line: end.line, column: end.column }, endsWithNewline } });
  return { facts, errors };
}
