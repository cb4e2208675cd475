// The placeholders of Rust format strings (`format!`, `println!`…): `{}`, `{0}`, `{name}`,
// `{key:?}`. One scanner serves inline captures (`println!("{key}")` reads the variable `key`)
// and URL query values (url-query.ts).

export interface FormatCapture {
  name: string;
  /** Offsets in the scanned text, `{` inclusive to `}` exclusive. */
  start: number;
  end: number;
}

export interface FormatPlaceholder {
  /** What stands before any `:` inside the braces, trimmed: '' for `{}`, a number or a name. */
  spec: string;
  /** Offsets in the scanned text, `{` inclusive to `}` exclusive. */
  start: number;
  end: number;
  /** The literal's text before the placeholder, each earlier placeholder written `{}`. */
  before: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Inline captures of the (non-raw or raw) string literal whose source text starts at `offset`. */
export function formatCaptures(literal: string, offset: number): FormatCapture[] {
  return formatPlaceholders(literal, offset)
    .filter((placeholder) => IDENTIFIER.test(placeholder.spec))
    .map(({ spec, start, end }) => ({ name: spec, start, end }));
}

/** Every placeholder of the literal, in order; `{{` and `}}` are text, escapes are skipped. */
export function formatPlaceholders(literal: string, offset: number): FormatPlaceholder[] {
  const open = literal.indexOf('"');
  const close = literal.lastIndexOf('"');
  if (open < 0 || close <= open) return [];
  const found: FormatPlaceholder[] = [];
  let before = '';
  for (let i = open + 1; i < close; i++) {
    const ch = literal[i];
    if (ch === '\\') {
      // The escaped character, including the braces of `\u{..}`, is text.
      const from = i;
      i++;
      if (literal[i] === 'u' && literal[i + 1] === '{') i = literal.indexOf('}', i);
      if (i < 0) break;
      before += literal.slice(from, i + 1);
      continue;
    }
    if ((ch === '{' || ch === '}') && literal[i + 1] === ch) {
      before += ch;
      i++;
      continue;
    }
    if (ch !== '{') {
      before += ch;
      continue;
    }
    const end = literal.indexOf('}', i);
    if (end < 0 || end > close) break;
    found.push({ spec: literal.slice(i + 1, end).split(':')[0].trim(), start: offset + i, end: offset + end + 1, before });
    before += '{}';
    i = end;
  }
  return found;
}
