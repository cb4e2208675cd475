// A URL query string built by a format string: `format!("{}/embed?key={}", base, key)` puts the
// secret in the URL, where request logs, proxies and error messages keep it. This finds the
// placeholders of a format string that stand right after `?name=` or `&name=`, and which
// argument each one takes (the same test as the Python and TypeScript analyses).

import { formatPlaceholders } from './format-captures.js';

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
  const found: QueryPlaceholder[] = [];
  let next = 0; // `{}` takes the next positional argument; `{0}` and `{name}` take none
  for (const { spec, start, end, before } of formatPlaceholders(literal, offset)) {
    const argument = spec === '' ? next++ : /^\d+$/.test(spec) ? Number(spec) : IDENTIFIER.test(spec) ? spec : null;
    if (argument !== null && isQueryValuePosition(before)) found.push({ argument, start, end });
  }
  return found;
}

/** True when URL text so far ends inside a query string right after `name=`. */
function isQueryValuePosition(text: string): boolean {
  const q = text.indexOf('?');
  return q >= 0 && /[?&][\w.\-[\]]+=$/.test(text.slice(q));
}
