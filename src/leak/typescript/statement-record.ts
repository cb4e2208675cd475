// The result cache's record of statements (statement-prints.ts): the prints of every project
// module an import edge leads to, kept with the leak pass's record (incremental.ts) and brought up
// to date by a rerun; and what a rerun makes of it: the roots whose walks cannot read what an edit
// changed keep their stored walks (unreadEditsKept).
import { ts } from './compiler-api.js';
import type { PathKeys, RootsRecord, StoredWalk } from './incremental.js';
import { isFileLists } from './resolution-watch.js';
import { readFiles, wordsOf } from './star-exports.js';
import { isStarRecord } from './star-record.js';
import { keepsExportShape, readsChangedStatement, statementPrints, type StatementPrints } from './statement-prints.js';

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
 * (statement-prints.ts), and none of its stored flows passes through an edited module (their
 * positions there may have moved).
 */
export function unreadEditsKept(
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
  const edited = new Map<string, ts.SourceFile>();
  for (const file of changed) {
    const text = texts.get(file);
    // The compiler picks the script kind by the file name, as the Program does.
    if (text !== undefined) edited.set(file, ts.createSourceFile(keys.abs(file), text, ts.ScriptTarget.Latest, false));
  }
  const words = new Map<string, Set<string> | null>();
  const input = { edges, star, global: Array.isArray(record.global) ? record.global : [], readText: (file: string) => readText(keys.abs(file)) };
  const walks = new Map<string, StoredWalk>((Array.isArray(record.walks) ? record.walks : []).map((walk) => [walk[0], walk]));
  const keep = (root: string): boolean => {
    if (changed.includes(root)) return false;
    const walk = walks.get(root);
    if (!walk) return false;
    const stored = JSON.stringify(walk);
    if (changed.some((file) => stored.includes(JSON.stringify(file).slice(1, -1)))) return false;
    const read = readFiles(root, input, words);
    if (read === null) return false;
    for (const file of changed) {
      const sourceFile = edited.get(file);
      if (!sourceFile) return false;
      // Unread, it still counts in the tables of the barrels that re-export it: its exports must stay.
      if (!read.has(file)) {
        if (keepsExportShape(prints[file], sourceFile)) continue;
        return false;
      }
      const others = [...read].filter((other) => other !== file);
      const used = (name: string): boolean =>
        others.some((other) => {
          const found = wordsOfFile(other, words, input.readText);
          return found === null || found.has(name);
        });
      if (readsChangedStatement(prints[file], sourceFile, used)) return false;
    }
    return true;
  };
  return new Set([...dirty].filter((root) => !keep(root)));
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
