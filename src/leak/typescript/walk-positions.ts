// A stored walk (incremental.ts) kept across an edit of a module it passes through, with its
// positions there brought to the new text (statement-record.ts). The walk read no statement the
// edit changed, so a fresh walk gives the same flows; only where they lie in the module can
// differ: positions before the first change stay, those in the statements after the last change
// move by the edit's deltas (statement-prints.ts, editMap), and any other one cannot be told.
import type { LeakFact } from '../../core/facts.js';
import { ts } from './compiler-api.js';
import type { StoredWalk } from './incremental.js';
import type { EditMap } from './statement-prints.js';

/** An edited module: the names it is reported under (record key, path from the scan root), its new text and its edit map. */
export interface EditedModule {
  names: ReadonlySet<string>;
  sourceFile: ts.SourceFile;
  map: EditMap;
}

/**
 * The walk with its positions in the module moved to the new text: itself when it holds none, a
 * copy when all of them lie before the first change or after the last, null otherwise (also for a
 * failure located there). Reported lines and columns are 1-based; the sink key holds offsets.
 */
export function movedWalk(walk: StoredWalk, module: EditedModule): StoredWalk | null {
  const { names, map } = module;
  const [, adds, types, error] = walk;
  if (error && names.has(error.file)) return null;
  // Leaky-type facts belong to the root's own file; one naming the module would be new: moved.
  if ([...names].some((name) => JSON.stringify(types).includes(JSON.stringify(name).slice(1, -1)))) return null;
  const mentions = adds.some(([, file, fact]) => names.has(file) || (Array.isArray(fact.flow) && fact.flow.some((step) => names.has(step.file))));
  if (!mentions) return walk;
  const prefixAt = module.sourceFile.getLineAndCharacterOfPosition(map.prefixEnd);
  const endsBefore = (line: number, column: number): boolean => line - 1 < prefixAt.line || (line - 1 === prefixAt.line && column - 1 <= prefixAt.character);
  const startsAfter = (line: number): boolean => map.suffix !== undefined && line - 1 > map.suffix.oldStartLine;
  /** How many lines a range moves (0: before the change), or null. */
  const shift = (line: unknown, endLine: unknown, endColumn: unknown): number | null => {
    if (typeof line !== 'number' || typeof endLine !== 'number' || typeof endColumn !== 'number') return null;
    if (endsBefore(endLine, endColumn)) return 0;
    return startsAfter(line) ? map.suffix!.lineDelta : null;
  };
  const moved = structuredClone(walk);
  for (const entry of moved[1]) {
    const [key, file, fact] = entry;
    if (names.has(file)) {
      const lines = shift(fact.range?.line, fact.range?.endLine, fact.range?.endColumn);
      const parts = key.split('|');
      const start = Number(parts[parts.length - 2]);
      const end = Number(parts[parts.length - 1]);
      if (lines === null || !Number.isInteger(start) || !Number.isInteger(end)) return null;
      if (lines === 0 && end > map.prefixEnd) return null;
      if (lines !== 0 || startsAfter(fact.range.line)) {
        if (start < map.suffix!.oldStart) return null;
        const delta = map.suffix!.offsetDelta;
        entry[0] = [...parts.slice(0, -2), String(start + delta), String(end + delta)].join('|');
        moveRange(fact, lines);
      }
    }
    for (const step of Array.isArray(fact.flow) ? fact.flow : []) {
      if (!names.has(step.file)) continue;
      const lines = shift(step.line, step.endLine ?? step.line, step.endColumn ?? step.column);
      if (lines === null) return null;
      step.line += lines;
      if (step.endLine !== undefined) step.endLine += lines;
    }
  }
  return moved;
}

function moveRange(fact: LeakFact, lines: number): void {
  fact.range.line += lines;
  fact.range.endLine += lines;
}
