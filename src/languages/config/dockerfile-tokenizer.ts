// A small Dockerfile tokenizer: instructions with their arguments, line continuations (the
// escape character from a `# escape=` parser directive, default `\`), comment lines inside a
// continued instruction (Docker drops them), and heredocs (`RUN <<EOF ... EOF`). Every
// instruction keeps a map from its logical text back to file offsets.

export interface DockerInstruction {
  /** Upper-cased keyword: `ARG`, `ENV`, `RUN`, ... */
  keyword: string;
  /** Logical argument text: continuations removed, heredoc bodies appended after a newline. */
  args: string;
  /** File offset for an offset in `args`. */
  toFileOffset(argsOffset: number): number;
  /** Offsets of the keyword in the file. */
  keywordStart: number;
  keywordEnd: number;
}

export interface DockerComment {
  text: string;
  start: number;
  end: number;
}

export interface DockerTokens {
  instructions: DockerInstruction[];
  comments: DockerComment[];
}

interface Line {
  start: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const raw = text.slice(start, i);
      lines.push({ start, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw });
      start = i + 1;
    }
  }
  return lines;
}

/** Offset-mapped text assembled from pieces of the file. */
class MappedText {
  text = '';
  private pieces: Array<{ at: number; file: number; length: number }> = [];
  add(fileOffset: number, chunk: string): void {
    if (chunk) this.pieces.push({ at: this.text.length, file: fileOffset, length: chunk.length });
    this.text += chunk;
  }
  mapper(): (offset: number) => number {
    const pieces = this.pieces;
    return (offset) => {
      let best = pieces[0];
      if (!best) return 0;
      for (const piece of pieces) {
        if (piece.at > offset) break;
        best = piece;
      }
      return best.file + Math.min(offset - best.at, best.length);
    };
  }
}

export function tokenizeDockerfile(text: string): DockerTokens {
  const lines = splitLines(text);
  const instructions: DockerInstruction[] = [];
  const comments: DockerComment[] = [];
  let escape = '\\';
  let inDirectives = true;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const trimmed = line.text.trimStart();
    const lead = line.text.length - trimmed.length;
    if (trimmed === '') {
      inDirectives = false;
      i++;
      continue;
    }
    if (trimmed.startsWith('#')) {
      const directive = /^#\s*escape\s*=\s*(\S)\s*$/i.exec(trimmed);
      if (inDirectives && directive) escape = directive[1];
      comments.push({ text: trimmed.slice(1).trim(), start: line.start + lead, end: line.start + line.text.length });
      i++;
      continue;
    }
    inDirectives = false;
    const keywordMatch = /^[A-Za-z]+/.exec(trimmed);
    const keyword = keywordMatch ? keywordMatch[0] : trimmed.split(/\s/)[0];
    const keywordStart = line.start + lead;
    const mapped = new MappedText();
    let argStart = lead + keyword.length;
    while (argStart < line.text.length && /[ \t]/.test(line.text[argStart])) argStart++;
    let current: Line = line;
    let from = argStart;
    i++;
    for (;;) {
      const body = current.text.slice(from);
      const continued = body.trimEnd().endsWith(escape);
      if (!continued) {
        mapped.add(current.start + from, body);
        break;
      }
      const cut = body.trimEnd().length - escape.length;
      mapped.add(current.start + from, body.slice(0, cut));
      // Comment lines and empty lines inside a continuation are dropped by Docker.
      while (i < lines.length && (lines[i].text.trimStart().startsWith('#') || lines[i].text.trim() === '')) {
        const c = lines[i];
        const t = c.text.trimStart();
        if (t.startsWith('#')) comments.push({ text: t.slice(1).trim(), start: c.start + c.text.length - t.length, end: c.start + c.text.length });
        i++;
      }
      if (i >= lines.length) break;
      current = lines[i];
      from = 0;
      i++;
    }
    // Heredocs: `<<EOF`, `<<-EOF`, `<<"EOF"`; their bodies follow the instruction line.
    const heredocs = [...mapped.text.matchAll(/<<-?(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g)].map((m) => ({ word: m[2], dash: m[0].startsWith('<<-') }));
    for (const heredoc of heredocs) {
      while (i < lines.length) {
        const body = lines[i];
        i++;
        const end = heredoc.dash ? body.text.replace(/^\t+/, '') : body.text;
        if (end === heredoc.word) break;
        mapped.add(body.start - 1 >= 0 ? body.start - 1 : body.start, '\n');
        mapped.add(body.start, body.text);
      }
    }
    instructions.push({ keyword: keyword.toUpperCase(), args: mapped.text, toFileOffset: mapped.mapper(), keywordStart, keywordEnd: keywordStart + keyword.length });
  }
  return { instructions, comments };
}
