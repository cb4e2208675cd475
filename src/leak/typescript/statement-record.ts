// The result cache's record of statements (statement-prints.ts): the prints of every project
// module an import edge leads to, kept with the leak pass's record (incremental.ts) and brought up
// to date by a rerun; and what a rerun makes of it: the roots whose walks cannot read what an edit
// changed keep their stored walks (unreadEditsKept).
import { ts } from './compiler-api.js';
import type { PathKeys, RootsRecord, StoredWalk } from './incremental.js';
import { isFileLists } from './resolution-watch.js';
import { fileWords, readFiles } from './star-exports.js';
import { isStarRecord } from './star-record.js';
import { relativePath } from './positions.js';
import { editMap, keepsExportShape, readsChangedStatement, statementPrints, type StatementPrints } from './statement-prints.js';
import { movedWalk, type EditedModule } from './walk-positions.js';

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
export function statementRecordAfter(record: Readonly<Record<string, StatementPrints>>, changed: readonly string[], program: ts.Program, keys: PathKeys): Record<string, StatementPrints> {
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
 * Of the roots `dirty` would rerun, those whose walks can read a statement the edit changed, and
 * the stored walks of the others with their positions moved to the new text (walk-positions.ts):
 * a root that is not itself edited keeps its stored walk when, for every edited module its walk
 * can read (star-exports.ts, readFiles), none of the statements the edit changed is one the walk
 * can read from the names of the module's exports that the files it reads mention
 * (statement-prints.ts), and every position its stored flows hold in an edited module lies before
 * the first change or after the last. An edited module it cannot read must keep its export shape
 * (a barrel's table holds its names).
 */
export function unreadEditsKept(
  scanRoot: string,
  record: RootsRecord,
  dirty: ReadonlySet<string>,
  changed: readonly string[],
  texts: ReadonlyMap<string, string>,
  keys: PathKeys,
  readText: (abs: string) => string | null,
  words: Map<string, Set<string> | null> = new Map(),
): { dirty: ReadonlySet<string>; moved: Map<string, StoredWalk> } {
  const moved = new Map<string, StoredWalk>();
  const prints = record.statements;
  const star = record.star;
  const edges = record.reachedEdges;
  if (!prints || typeof prints !== 'object' || !isStarRecord(star) || !isFileLists(edges)) return { dirty, moved };
  const edited = new Map<string, EditedModule | null>();
  for (const file of changed) {
    const text = texts.get(file);
    if (text === undefined) continue;
    // The compiler picks the script kind by the file name, as the Program does.
    const sourceFile = ts.createSourceFile(keys.abs(file), text, ts.ScriptTarget.Latest, false);
    const moves = editMap(prints[file], sourceFile);
    edited.set(file, moves ? { names: new Set([file, relativePath(scanRoot, keys.abs(file))]), sourceFile, moves } : null);
  }
  const input = { edges, star, global: Array.isArray(record.global) ? record.global : [], readText: (file: string) => readText(keys.abs(file)) };
  const walks = new Map<string, StoredWalk>((Array.isArray(record.walks) ? record.walks : []).map((walk) => [walk[0], walk]));
  /** The root's stored walk, moved to the new texts, when the edit cannot change it. */
  const kept = (root: string): StoredWalk | null => {
    if (changed.includes(root)) return null;
    let walk = walks.get(root) ?? null;
    if (!walk) return null;
    // Modules whose exports the walk can reach unnamed (`import * as`, `import()`): all count as used.
    const whole = new Set<string>();
    const read = readFiles(root, input, words, whole);
    if (read === null) return null;
    for (const file of changed) {
      const module = edited.get(file);
      if (!module) return null;
      // Unread, it still counts in the tables of the barrels that re-export it: its exports must stay.
      if (!read.has(file)) {
        if (!keepsExportShape(prints[file], module.sourceFile)) return null;
      } else {
        const others = [...read].filter((other) => other !== file);
        const used = (name: string): boolean =>
          whole.has(file) ||
          others.some((other) => {
            const mentioned = fileWords(other, words, input.readText);
            return mentioned === null || mentioned.has(name);
          });
        if (readsChangedStatement(prints[file], module.sourceFile, used)) return null;
      }
      walk = movedWalk(walk, module);
      if (!walk) return null;
    }
    return walk;
  };
  const rerun = new Set<string>();
  for (const root of dirty) {
    const walk = kept(root);
    if (!walk) rerun.add(root);
    else if (walk !== walks.get(root)) moved.set(root, walk);
  }
  return { dirty: rerun, moved };
}
