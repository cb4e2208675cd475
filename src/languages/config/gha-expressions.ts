// A small tokenizer for GitHub Actions expressions (`${{ ... }}`), enough to find the
// `secrets.X` / `secrets['X']` context accesses and their exact offsets. String literals inside
// an expression are skipped, so `'secrets.X'` is not a reference.

export interface ExpressionSpan {
  /** Offsets in the scanned text: `${{` start and `}}` end (exclusive). */
  start: number;
  end: number;
}

export interface SecretAccess {
  name: string;
  /** Offsets of `secrets.X` (or `secrets['X']`) in the scanned text, end exclusive. */
  start: number;
  end: number;
}

/** Finds every `${{ ... }}` in a text; an unterminated one runs to the end of the text. */
export function findExpressions(text: string): ExpressionSpan[] {
  const spans: ExpressionSpan[] = [];
  let from = 0;
  for (;;) {
    const open = text.indexOf('${{', from);
    if (open < 0) return spans;
    const close = findClose(text, open + 3);
    spans.push({ start: open, end: close });
    from = close;
  }
}

function findClose(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'") {
      i = skipString(text, i);
      continue;
    }
    if (ch === '}' && text[i + 1] === '}') return i + 2;
    i++;
  }
  return text.length;
}

/** Skips a single-quoted expression string (`''` escapes a quote); returns the offset after it. */
function skipString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    if (text[i] === "'") {
      if (text[i + 1] === "'") {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return text.length;
}

const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;

/** Finds `secrets.X` and `secrets['X']` accesses (or those of another context, e.g. `env`) in `text[start, end)` treated as expression source. */
export function findSecretAccesses(text: string, start = 0, end = text.length, context = 'secrets'): SecretAccess[] {
  const found: SecretAccess[] = [];
  let i = start;
  while (i < end) {
    const ch = text[i];
    if (ch === "'") {
      i = skipString(text, i);
      continue;
    }
    if (!IDENT_START.test(ch) || (i > 0 && (IDENT_PART.test(text[i - 1]) || text[i - 1] === '.'))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < end && IDENT_PART.test(text[j])) j++;
    const word = text.slice(i, j);
    if (word === context) {
      const access = readAccess(text, j, end);
      if (access) {
        found.push({ name: access.name, start: i, end: access.end });
        i = access.end;
        continue;
      }
    }
    i = j;
  }
  return found;
}

function readAccess(text: string, at: number, end: number): { name: string; end: number } | null {
  let i = at;
  while (i < end && text[i] === ' ') i++;
  if (text[i] === '.') {
    i++;
    while (i < end && text[i] === ' ') i++;
    let j = i;
    while (j < end && IDENT_PART.test(text[j])) j++;
    return j > i ? { name: text.slice(i, j), end: j } : null;
  }
  if (text[i] === '[') {
    i++;
    while (i < end && text[i] === ' ') i++;
    const quote = text[i];
    if (quote !== "'" && quote !== '"') return null;
    const close = text.indexOf(quote, i + 1);
    if (close < 0 || close >= end) return null;
    let j = close + 1;
    while (j < end && text[j] === ' ') j++;
    if (text[j] !== ']') return null;
    return { name: text.slice(i + 1, close), end: j + 1 };
  }
  return null;
}

/** True when the whole (trimmed) text is expressions only, e.g. `${{ secrets.X }}`. */
export function isPureExpression(text: string): boolean {
  const trimmed = text.trim();
  const spans = findExpressions(trimmed);
  return spans.length === 1 && spans[0].start === 0 && spans[0].end === trimmed.length;
}
