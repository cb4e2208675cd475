// Inline captures in format strings: `println!("{key}")` and `"{key:?}"` read the variable `key`.

export interface FormatCapture {
  name: string;
  /** Offsets in the scanned text, `{` inclusive to `}` exclusive. */
  start: number;
  end: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Scans the source text of a (non-raw or raw) string literal starting at `offset`. */
export function formatCaptures(literal: string, offset: number): FormatCapture[] {
  const open = literal.indexOf('"');
  const close = literal.lastIndexOf('"');
  if (open < 0 || close <= open) return [];
  const captures: FormatCapture[] = [];
  for (let i = open + 1; i < close; i++) {
    const ch = literal[i];
    if (ch === '\\') {
      i++; // skip the escaped character, including the `u` of `\u{..}`
      if (literal[i] === 'u' && literal[i + 1] === '{') i = literal.indexOf('}', i);
      if (i < 0) break;
      continue;
    }
    if (ch !== '{') continue;
    if (literal[i + 1] === '{') {
      i++;
      continue;
    }
    const end = literal.indexOf('}', i);
    if (end < 0 || end > close) break;
    const name = literal.slice(i + 1, end).split(':')[0].trim();
    if (IDENTIFIER.test(name)) captures.push({ name, start: offset + i, end: offset + end + 1 });
    i = end;
  }
  return captures;
}
