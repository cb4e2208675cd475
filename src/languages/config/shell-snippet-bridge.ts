// Runs the shell front end over a script embedded in a config file (a workflow `run:` block, a
// Dockerfile `RUN`) and maps every position back into the host file. The snippet's own offsets
// are translated through `toFileOffset`, so folded or continued lines still land exactly.
import type { LineCounter } from 'yaml';
import type { Fact, FileError, FrontEndOptions, Range } from '../../core/facts.js';
import { analyzeShellSnippet } from '../shell/index.js';

export interface EmbeddedScript {
  /** The script text; the shell front end blanks `${{ ... }}` itself and reports them as `expressions`. */
  text: string;
  toFileOffset(snippetOffset: number): number;
}

export interface PositionMap {
  lineCounter: Pick<LineCounter, 'linePos'>;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Analyses an embedded script; facts come back positioned in the host file. Never throws. */
export async function analyzeEmbeddedScript(
  file: string,
  script: EmbeddedScript,
  host: PositionMap,
  options: FrontEndOptions,
): Promise<{ facts: Fact[]; errors: FileError[] }> {
  let result: { facts: Fact[]; errors?: FileError[] };
  try {
    // Offsets 0/0: positions come back snippet-relative and are mapped here, piece by piece.
    result = await analyzeShellSnippet(file, script.text, 0, 0, options);
  } catch {
    return { facts: [], errors: [{ file, message: 'embedded shell script could not be analysed' }] };
  }
  const starts = lineStarts(script.text);
  const mapPoint = (line: number, column: number): { line: number; col: number } => {
    const lineStart = starts[Math.min(Math.max(line - 1, 0), starts.length - 1)];
    const offset = Math.min(lineStart + Math.max(column - 1, 0), script.text.length);
    return host.lineCounter.linePos(script.toFileOffset(offset));
  };
  const mapRange = (range: Range): Range => {
    const a = mapPoint(range.line, range.column);
    const b = mapPoint(range.endLine, range.endColumn);
    return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
  };
  const facts = (result.facts ?? []).map((fact) => remapFact(fact, mapRange));
  const errors = (result.errors ?? []).map((error) => {
    if (error.line === undefined) return { ...error, file };
    const p = mapPoint(error.line, error.column ?? 1);
    return { ...error, file, line: p.line, column: p.col };
  });
  return { facts, errors };
}

function remapFact(fact: Fact, mapRange: (range: Range) => Range): Fact {
  const valueRange = 'valueRange' in fact && fact.valueRange ? { valueRange: mapRange(fact.valueRange) } : {};
  // Where the name itself is written (autofix renames there): mapped like the rest, never left snippet-relative.
  const nameRange = 'nameRange' in fact && fact.nameRange ? { nameRange: mapRange(fact.nameRange) } : {};
  return { ...fact, range: mapRange(fact.range), ...valueRange, ...nameRange } as Fact;
}
