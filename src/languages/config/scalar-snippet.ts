// Turns a YAML scalar into the text a consumer (GitHub expressions, a shell) sees, built from the
// scalar's *source* so every character maps back to an exact file offset. Literal blocks keep
// their lines; folded blocks and multi-line plain scalars join lines the way YAML folds them
// (a space between adjacent content lines), so offsets stay exact there too. Quoted scalars with
// escapes cannot be mapped character by character: they fall back to the scalar's start.
import type { Scalar } from 'yaml';

interface Piece {
  snippetOffset: number;
  fileOffset: number;
  length: number;
}

export interface ScalarSnippet {
  text: string;
  /** Maps an offset in `text` to an offset in the file. */
  toFileOffset(snippetOffset: number): number;
  /** False when positions inside the scalar could not be mapped and all point at its start. */
  exact: boolean;
}

interface SourceLine {
  start: number;
  text: string;
}

function splitLines(text: string, base: number): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const raw = text.slice(start, i);
      lines.push({ start: base + start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
      start = i + 1;
    }
  }
  return lines;
}

class SnippetBuilder {
  text = '';
  pieces: Piece[] = [];
  add(fileOffset: number, chunk: string): void {
    if (chunk.length === 0) return;
    this.pieces.push({ snippetOffset: this.text.length, fileOffset, length: chunk.length });
    this.text += chunk;
  }
  join(separator: string): void {
    this.text += separator;
  }
  build(exact: boolean): ScalarSnippet {
    const pieces = this.pieces;
    return {
      text: this.text,
      exact,
      toFileOffset(offset: number): number {
        let best = pieces[0];
        if (!best) return 0;
        for (const piece of pieces) {
          if (piece.snippetOffset > offset) break;
          best = piece;
        }
        return best.fileOffset + Math.min(offset - best.snippetOffset, best.length);
      },
    };
  }
}

function fallback(value: string, start: number): ScalarSnippet {
  return { text: value, exact: false, toFileOffset: () => start };
}

/** Builds the snippet for a scalar node parsed from `source`. */
export function scalarSnippet(source: string, scalar: Scalar): ScalarSnippet {
  const range = scalar.range;
  const value = typeof scalar.value === 'string' ? scalar.value : String(scalar.value ?? '');
  if (!range) return fallback(value, 0);
  const [start, end] = range;
  const raw = source.slice(start, end);
  const builder = new SnippetBuilder();
  switch (scalar.type) {
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED': {
      const headerEnd = raw.indexOf('\n');
      if (headerEnd < 0) return fallback(value, start);
      const lines = splitLines(raw.slice(headerEnd + 1), start + headerEnd + 1);
      const explicit = /^[|>][+-]?([1-9])|^[|>]([1-9])/.exec(raw);
      const firstContent = lines.find((l) => l.text.trim() !== '');
      const indent = explicit
        ? Number(explicit[1] ?? explicit[2]) + leadingSpaces(sourceLineOf(source, start))
        : firstContent ? leadingSpaces(firstContent.text) : 0;
      const folded = scalar.type === 'BLOCK_FOLDED';
      lines.forEach((line, i) => {
        if (i > 0) {
          const prev = lines[i - 1].text.slice(indent);
          const cur = line.text.slice(indent);
          const foldable = folded && prev !== '' && cur !== '' && !/^\s/.test(prev) && !/^\s/.test(cur);
          builder.join(foldable ? ' ' : '\n');
        }
        builder.add(line.start + Math.min(indent, line.text.length), line.text.slice(indent));
      });
      return builder.build(true);
    }
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE': {
      const inner = raw.slice(1, -1);
      const hasEscapes = scalar.type === 'QUOTE_DOUBLE' ? inner.includes('\\') : inner.includes("''");
      if (hasEscapes) return fallback(value, start);
      addFoldedLines(builder, splitLines(inner, start + 1));
      return builder.build(true);
    }
    default:
      addFoldedLines(builder, splitLines(raw, start));
      return builder.build(true);
  }
}

/** Flow/plain folding: continuation lines lose leading whitespace and join with a space; blank lines are newlines. */
function addFoldedLines(builder: SnippetBuilder, lines: SourceLine[]): void {
  lines.forEach((line, i) => {
    const lead = i === 0 ? 0 : leadingSpaces(line.text, true);
    const content = i === lines.length - 1 || i === 0 ? line.text.slice(lead) : line.text.slice(lead).trimEnd();
    if (i > 0) builder.join(content === '' || lines[i - 1].text.trim() === '' ? '\n' : ' ');
    builder.add(line.start + lead, content);
  });
}

function leadingSpaces(text: string, tabsToo = false): number {
  let n = 0;
  while (n < text.length && (text[n] === ' ' || (tabsToo && text[n] === '\t'))) n++;
  return n;
}

function sourceLineOf(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const end = source.indexOf('\n', offset);
  return source.slice(start, end < 0 ? source.length : end);
}
