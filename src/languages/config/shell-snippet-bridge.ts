// Runs the shell front end over a script embedded in a config file (a workflow `run:` block, a
// Dockerfile `RUN`) and maps every position back into the host file. The snippet's own offsets
// are translated through `toFileOffset`, so folded or continued lines still land exactly.
import type { LineCounter } from 'yaml';
import type { Fact, FileError, FrontEndOptions, Range } from '../../core/facts.js';
import * as shell from '../shell/index.js';

type AnalyzeSnippet = (
  file: string,
  text: string,
  lineOffset: number,
  columnOffset: number,
  options: FrontEndOptions,
) => { facts: Fact[]; errors?: FileError[] } | Promise<{ facts: Fact[]; errors?: FileError[] }>;

export interface EmbeddedScript {
  /** The script as the shell sees it (expressions already neutralised). */
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
  const analyze = (shell as unknown as Record<string, unknown>).analyzeShellSnippet as AnalyzeSnippet | undefined;
  if (typeof analyze !== 'function') return { facts: [], errors: [] };
  let result: { facts: Fact[]; errors?: FileError[] };
  try {
    result = await analyze(file, script.text, 0, 0, options);
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
  const moved = { ...fact, range: mapRange(fact.range) } as Fact;
  if (moved.kind === 'leak') moved.flow = moved.flow.map((step) => ({ ...step }));
  return moved;
}

/** Replaces every `${{ ... }}` with a same-length neutral word so a shell parser sees plain text at the same offsets. */
export function neutraliseExpressions(text: string, spans: Array<{ start: number; end: number }>): string {
  let out = text;
  for (const span of spans) {
    const filler = out.slice(span.start, span.end).replace(/[^\n]/g, 'X');
    out = out.slice(0, span.start) + filler + out.slice(span.end);
  }
  return out;
}
