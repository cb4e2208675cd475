// A stored walk (incremental.ts) kept across an edit of a module it passes through, with its
// positions there brought to the new text (statement-record.ts). The walk read no statement the
// edit changed, so a fresh walk gives the same flows; only where they lie in the module can
// differ: a position in a statement the edit left alone moves with that statement
// (statement-prints.ts, editMap), and one anywhere else cannot be told.
import { ts } from './compiler-api.js';
import type { StoredWalk } from './incremental.js';
import type { MovedStatement } from './statement-prints.js';

/** An edited module: the names it is reported under (record key, path from the scan root), its new text and its unchanged statements. */
export interface EditedModule {
  names: ReadonlySet<string>;
  sourceFile: ts.SourceFile;
  moves: readonly MovedStatement[];
}

/** A 1-based range as facts and flow steps report it. */
interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/**
 * The walk with its positions in the module moved to the new text: itself when it holds none, a
 * copy when each of them lies in one statement the edit left alone, null otherwise (also for a
 * failure located there). The sink key holds offsets, which move too.
 */
export function movedWalk(walk: StoredWalk, module: EditedModule): StoredWalk | null {
  const { names, moves } = module;
  const [, adds, types, error] = walk;
  if (error && names.has(error.file)) return null;
  // Leaky-type facts belong to the root's own file; one naming the module would be new: moved.
  if ([...names].some((name) => JSON.stringify(types).includes(JSON.stringify(name).slice(1, -1)))) return null;
  const mentions = adds.some(([, file, fact]) => names.has(file) || (Array.isArray(fact.flow) && fact.flow.some((step) => names.has(step.file))));
  if (!mentions) return walk;
  const moved = structuredClone(walk);
  for (const entry of moved[1]) {
    const [key, file, fact] = entry;
    if (names.has(file)) {
      const found = moveSpan(moves, fact.range);
      const parts = key.split('|');
      const start = Number(parts[parts.length - 2]);
      const end = Number(parts[parts.length - 1]);
      if (!found || !Number.isInteger(start) || !Number.isInteger(end) || start < found.statement.oldStart || end > found.statement.oldStart + found.statement.length) return null;
      const delta = found.statement.offsetDelta;
      entry[0] = [...parts.slice(0, -2), String(start + delta), String(end + delta)].join('|');
      fact.range = found.span;
    }
    for (const step of Array.isArray(fact.flow) ? fact.flow : []) {
      if (!names.has(step.file)) continue;
      const found = moveSpan(moves, { line: step.line, column: step.column, endLine: step.endLine ?? step.line, endColumn: step.endColumn ?? step.column });
      if (!found) return null;
      step.line = found.span.line;
      step.column = found.span.column;
      if (step.endLine !== undefined) step.endLine = found.span.endLine;
      if (step.endColumn !== undefined) step.endColumn = found.span.endColumn;
    }
  }
  return moved;
}

/** The span moved with the unchanged statement that holds both its ends, or null. */
function moveSpan(moves: readonly MovedStatement[], span: Span | undefined): { span: Span; statement: MovedStatement } | null {
  if (!span || ![span.line, span.column, span.endLine, span.endColumn].every((value) => typeof value === 'number')) return null;
  const statement = moves.find((move) => holds(move, span.line - 1, span.column - 1) && holds(move, span.endLine - 1, span.endColumn - 1));
  if (!statement) return null;
  const move = (line: number, character: number): [number, number] => [line + statement.lineDelta + 1, (line === statement.oldLine ? character + statement.characterDelta : character) + 1];
  const [line, column] = move(span.line - 1, span.column - 1);
  const [endLine, endColumn] = move(span.endLine - 1, span.endColumn - 1);
  return { span: { line, column, endLine, endColumn }, statement };
}

/** Whether a 0-based line and character of the old text lie in the statement's text. */
function holds(move: MovedStatement, line: number, character: number): boolean {
  const last = move.oldLine + move.lines;
  return (line > move.oldLine || (line === move.oldLine && character >= move.oldCharacter)) && (line < last || (line === last && character <= move.lastCharacter));
}
