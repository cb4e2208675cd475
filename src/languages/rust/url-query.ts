// A URL query string built by a format string: `format!("{}/embed?key={}", base, key)` puts the
// secret in the URL, where request logs, proxies and error messages keep it. This finds the
// placeholders of a format string that stand right after `?name=` or `&name=`, and which
// argument each one takes (the same test as the Python and TypeScript analyses).

export interface QueryPlaceholder {
  /** The positional argument's index, or the name of a named argument or inline capture. */
  argument: number | string;
  /** Offsets of the placeholder `{..}` in the scanned text. */
  start: number;
  end: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Placeholders of the format string literal `literal` (source text at `offset`) in a query value position. */
export function queryValuePlaceholders(literal: string, offset: number): QueryPlaceholder[] {
  const open = literal.indexOf('"');
  const close = literal.lastIndexOf('"');
  if (open < 0 || close <= open) return [];
  const found: QueryPlaceholder[] = [];
  // The literal text so far, each placeholder written `{}`.
  let text = '';
  let next = 0;
  for (let i = open + 1; i < close; i++) {
    const ch = literal[i];
    if ((ch === '{' || ch === '}') && literal[i + 1] === ch) {
      text += ch;
      i++;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      continue;
    }
    const end = literal.indexOf('}', i);
    if (end < 0 || end > close) break;
    const spec = literal.slice(i + 1, end).split(':')[0].trim();
    const argument = spec === '' ? next++ : /^\d+$/.test(spec) ? Number(spec) : IDENTIFIER.test(spec) ? spec : null;
    if (argument !== null && isQueryValuePosition(text)) found.push({ argument, start: offset + i, end: offset + end + 1 });
    text += '{}';
    i = end;
  }
  return found;
}

/** True when URL text so far ends inside a query string right after `name=`. */
function isQueryValuePosition(text: string): boolean {
  const q = text.indexOf('?');
  return q >= 0 && /[?&][\w.\-[\]]+=$/.test(text.slice(q));
}
