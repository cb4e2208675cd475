// The result cache's record of statements (statement-prints.ts): the prints of every project
// module an import edge leads to, kept with the leak pass's record (incremental.ts) and brought up
// to date by a rerun; and what a rerun makes of it: the roots whose walks cannot read what an edit
// changed keep their stored walks (unreadEditsKept).
import { ts } from './compiler-api.js';
import type { PathKeys, RootsRecord, StoredWalk } from './incremental.js';
import { isFileLists } from './resolution-watch.js';
import { readFiles, wordsOf } from './star-exports.js';
import { isStarRecord } from './star-record.js';
import { relativePath } from './positions.js';
import { keepsExportShape, readsChangedStatement, statementPrints, unchangedPrefix, type StatementPrints } from './statement-prints.js';

/** The prints of the project modules the edges lead to (absolute paths in, relative keys out). */
export function statementRecord(program: ts.Program, edges: ReadonlyMap<string, ReadonlySet<string>>, rel: (file: string) => string): Record<string, StatementPrints> {
  const record: Record<string, StatementPrints> = {};
  const targets = new Set([...edges.values()].flatMap((files) => [...files]));
  for (const file of [...targets].sort()) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile || sourceFile.isDeclarationFile || file.includes('/node_modules/')) continue;
    const prints = statementPrints(sourceFile);
    if (prints) record[rel(file)] = prints;
  }
  return record;
}

/** The record after a rerun: the edited files' prints from their new text (the others' texts are unchanged). */
export function statementRecordAfter(record: Readonly<Record<string, unknown>>, changed: readonly string[], program: ts.Program, keys: PathKeys): Record<string, unknown> {
  const next = { ...record };
  for (const file of changed) {
    if (!(file in next)) continue;
    const sourceFile = program.getSourceFile(keys.abs(file));
    const prints = sourceFile ? statementPrints(sourceFile) : null;
    if (prints) next[file] = prints;
    else delete next[file];
  }
  return next;
}

/**
 * Of the roots `dirty` would rerun, those whose walks can read a statement the edit changed: a
 * root that is not itself edited keeps its stored walk when, for every edited module its walk can
 * read (star-exports.ts, readFiles), none of the statements the edit changed is one the walk can
 * read from the names of the module's exports that the files it reads mention
 * (statement-prints.ts), and every position its stored flows hold in an edited module lies before
 * the first change (the others may have moved). An edited module it cannot read must keep its
 * export shape (a barrel's table holds its names).
 */
export function unreadEditsKept(
  scanRoot: string,
  record: RootsRecord,
  dirty: ReadonlySet<string>,
  changed: readonly string[],
  texts: ReadonlyMap<string, string>,
  keys: PathKeys,
  readText: (abs: string) => string | null,
): ReadonlySet<string> {
  const prints = record.statements;
  const star = record.star;
  const edges = record.reachedEdges;
  if (!prints || typeof prints !== 'object' || !isStarRecord(star) || !isFileLists(edges)) return dirty;
  const edited = new Map<string, { sourceFile: ts.SourceFile; stable: StablePositions | null }>();
  for (const file of changed) {
    const text = texts.get(file);
    if (text === undefined) continue;
    // The compiler picks the script kind by the file name, as the Program does.
    const sourceFile = ts.createSourceFile(keys.abs(file), text, ts.ScriptTarget.Latest, false);
    const offset = unchangedPrefix(prints[file], sourceFile);
    const stable = offset < 0 ? null : { names: new Set([file, relativePath(scanRoot, keys.abs(file))]), offset, at: sourceFile.getLineAndCharacterOfPosition(offset) };
    edited.set(file, { sourceFile, stable });
  }
  const words = new Map<string, Set<string> | null>();
  const input = { edges, star, global: Array.isArray(record.global) ? record.global : [], readText: (file: string) => readText(keys.abs(file)) };
  const walks = new Map<string, StoredWalk>((Array.isArray(record.walks) ? record.walks : []).map((walk) => [walk[0], walk]));
  const keep = (root: string): boolean => {
    if (changed.includes(root)) return false;
    const walk = walks.get(root);
    if (!walk) return false;
    // Modules whose exports the walk can reach unnamed (`import * as`, `import()`): all count as used.
    const whole = new Set<string>();
    const read = readFiles(root, input, words, whole);
    if (read === null) return false;
    for (const file of changed) {
      const found = edited.get(file);
      if (!found) return false;
      if (!found.stable || !positionsBefore(walk, found.stable)) return false;
      // Unread, it still counts in the tables of the barrels that re-export it: its exports must stay.
      if (!read.has(file)) {
        if (keepsExportShape(prints[file], found.sourceFile)) continue;
        return false;
      }
      const others = [...read].filter((other) => other !== file);
      const used = (name: string): boolean =>
        whole.has(file) ||
        others.some((other) => {
          const mentioned = wordsOfFile(other, words, input.readText);
          return mentioned === null || mentioned.has(name);
        });
      if (readsChangedStatement(prints[file], found.sourceFile, used)) return false;
    }
    return true;
  };
  return new Set([...dirty].filter((root) => !keep(root)));
}

/** Where an edited module's text is unchanged: its names (record key, reported path), up to `offset`, at line and character `at` (0-based). */
interface StablePositions {
  names: ReadonlySet<string>;
  offset: number;
  at: ts.LineAndCharacter;
}

/**
 * Whether every position a stored walk holds in the edited module ends before the point where its
 * text may first differ: flows located there (range, and the sink key's offsets) and the steps
 * through it. A failure located there always counts as moved.
 */
function positionsBefore(walk: StoredWalk, stable: StablePositions): boolean {
  const [, adds, types, error] = walk;
  // Reported lines and columns are 1-based.
  const before = (line: unknown, column: unknown): boolean =>
    typeof line === 'number' && typeof column === 'number' && (line - 1 < stable.at.line || (line - 1 === stable.at.line && column - 1 <= stable.at.character));
  if (error && stable.names.has(error.file)) return false;
  // Leaky-type facts belong to the root's own file; one naming the module would be new: moved.
  if ([...stable.names].some((name) => JSON.stringify(types).includes(JSON.stringify(name).slice(1, -1)))) return false;
  for (const [key, file, fact] of adds) {
    if (stable.names.has(file)) {
      const parts = key.split('|');
      const end = Number(parts[parts.length - 1]);
      if (!Number.isInteger(end) || end > stable.offset || !before(fact.range?.endLine, fact.range?.endColumn)) return false;
    }
    for (const step of Array.isArray(fact.flow) ? fact.flow : []) if (stable.names.has(step.file) && !before(step.endLine ?? step.line, step.endColumn ?? step.column)) return false;
  }
  return true;
}

/** A file's words through the shared cache (null: unreadable, which counts as naming everything). */
function wordsOfFile(file: string, words: Map<string, Set<string> | null>, readText: (file: string) => string | null): Set<string> | null {
  let found = words.get(file);
  if (found === undefined) {
    const text = readText(file);
    found = text === null ? null : wordsOf(text);
    words.set(file, found);
  }
  return found;
}
