// A line parser with dotenv's semantics: `KEY=value`, `KEY: value`, an optional `export `
// prefix, single/double/backtick quoted values that may span lines, `#` comments (whole-line,
// and after a value: dotenv ends an unquoted value at the first `#`), blank lines ignored.
// Values are returned only so the front end can classify them; they never leave it.
// A whole-line comment that is itself an assignment (`# NAME=`, `#NAME=value`, `# export NAME=`)
// is a commented-out entry: example files document optional settings that way. Only its key is
// kept (the value may be a real secret someone commented out), and only an UPPER_SNAKE key
// directly followed by `=`, so prose such as `# Default: 0` or `# see FOO=1 below` is not one.

export interface DotenvEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: string;
  /** Offsets of the value as written (quotes included), end exclusive: a position for masking. */
  valueStart: number;
  valueEnd: number;
  quoted: boolean;
  exported: boolean;
}

export interface DotenvComment {
  text: string;
  start: number;
  end: number;
}

/** A commented-out assignment: the key and its offsets only, never the value. */
export interface DotenvCommentedKey {
  key: string;
  keyStart: number;
  keyEnd: number;
}

export interface DotenvProblem {
  offset: number;
  message: string;
}

export interface DotenvParse {
  entries: DotenvEntry[];
  comments: DotenvComment[];
  /** Whole-line comments that are assignments, in file order. */
  commentedKeys: DotenvCommentedKey[];
  problems: DotenvProblem[];
}

const KEY_CHAR = /[\w.-]/;
/** After the `#`: optional blanks, optional `export `, an UPPER_SNAKE key, optional blanks, `=`. */
const COMMENTED_ASSIGNMENT = /^([ \t]*(?:export[ \t]+)?)([A-Z_][A-Z0-9_]*)[ \t]*=/;

export function parseDotenv(text: string): DotenvParse {
  const entries: DotenvEntry[] = [];
  const comments: DotenvComment[] = [];
  const commentedKeys: DotenvCommentedKey[] = [];
  const problems: DotenvProblem[] = [];
  let i = 0;
  const n = text.length;
  const lineEnd = (from: number): number => {
    const nl = text.indexOf('\n', from);
    return nl < 0 ? n : nl;
  };
  const skipBlanks = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
  };
  const takeComment = (): void => {
    if (text[i] !== '#') return;
    const end = lineEnd(i);
    comments.push({ text: text.slice(i + 1, end).replace(/\r$/, '').trim(), start: i, end: text[end - 1] === '\r' ? end - 1 : end });
    i = end;
  };
  while (i < n) {
    skipBlanks();
    if (i >= n) break;
    if (text[i] === '\n' || text[i] === '\r') {
      i++;
      continue;
    }
    if (text[i] === '#') {
      const assignment = COMMENTED_ASSIGNMENT.exec(text.slice(i + 1, lineEnd(i)));
      if (assignment) {
        const keyStart = i + 1 + assignment[1].length;
        commentedKeys.push({ key: assignment[2], keyStart, keyEnd: keyStart + assignment[2].length });
      }
      takeComment();
      continue;
    }
    let exported = false;
    if (text.startsWith('export', i) && (text[i + 6] === ' ' || text[i + 6] === '\t')) {
      i += 6;
      skipBlanks();
      exported = true;
    }
    const keyStart = i;
    while (i < n && KEY_CHAR.test(text[i])) i++;
    const keyEnd = i;
    skipBlanks();
    const sep = text[i];
    const validSep = keyEnd > keyStart && (sep === '=' || (sep === ':' && (text[i + 1] === ' ' || text[i + 1] === '\t')));
    if (!validSep) {
      // `export KEY` alone (a shell-ism) declares nothing; anything else is not a dotenv line.
      // dotenv ignores lines that are not assignments (and `export KEY` alone); so do we.
      i = lineEnd(i);
      continue;
    }
    i++;
    skipBlanks();
    const quote = text[i];
    const valueStart = i;
    let valueEnd: number;
    let value: string;
    let quoted = false;
    if (quote === '"' || quote === "'" || quote === '`') {
      const close = findClosingQuote(text, i + 1, quote);
      if (close < 0) {
        problems.push({ offset: i, message: 'unterminated quoted value' });
        value = '';
        i = lineEnd(i);
        valueEnd = text[i - 1] === '\r' ? i - 1 : i;
      } else {
        value = text.slice(i + 1, close);
        quoted = true;
        i = close + 1;
        valueEnd = i;
        skipBlanks();
        takeComment();
        i = lineEnd(i);
      }
    } else {
      const end = lineEnd(i);
      const hash = text.indexOf('#', i);
      const stop = hash >= 0 && hash < end ? hash : end;
      value = text.slice(i, stop).trim();
      valueEnd = valueStart + text.slice(i, stop).trimEnd().length;
      i = stop;
      takeComment();
      i = lineEnd(i);
    }
    entries.push({ key: text.slice(keyStart, keyEnd), keyStart, keyEnd, value, valueStart, valueEnd, quoted, exported });
  }
  return { entries, comments, commentedKeys, problems };
}

function findClosingQuote(text: string, from: number, quote: string): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\' && quote === '"') {
      i++;
      continue;
    }
    if (text[i] === quote) return i;
  }
  return -1;
}
