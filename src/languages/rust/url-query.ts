// A URL query string built by a format string: `format!("{}/embed?key={}", base, key)` puts the
// secret in the URL, where request logs, proxies and error messages keep it. This finds the
// placeholders of a format string that stand right after `?name=` or `&name=`, and which
// argument each one takes (the same test as the Python and TypeScript analyses).

import type { Node } from 'web-tree-sitter';
import { formatPlaceholders } from './format-captures.js';
import { stringLiteralValue } from './syntax.js';

export interface QueryPlaceholder {
  /** The positional argument's index, or the name of a named argument or inline capture. */
  argument: number | string;
  /** Offsets of the placeholder `{..}` in the scanned text. */
  start: number;
  end: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Placeholders of the format string literal `literal` (source text at `offset`) in a query value
 * position. `isSeparator` says whether a placeholder's argument is the query's `?`/`&` itself
 * (`format!("{base}/{path}{separator}key={}", key)` with `let separator = if .. { "&" } else { "?" }`,
 * Gemini's `build_uri`): the text after it is then in the query.
 */
export function queryValuePlaceholders(literal: string, offset: number, isSeparator?: (argument: number | string) => boolean): QueryPlaceholder[] {
  const found: QueryPlaceholder[] = [];
  let next = 0; // `{}` takes the next positional argument; `{0}` and `{name}` take none
  let text = ''; // the literal so far, a separator placeholder written as `?`
  let previous: { before: string; separator: boolean } | null = null;
  for (const { spec, start, end, before } of formatPlaceholders(literal, offset)) {
    // formatPlaceholders writes each earlier placeholder as `{}` in `before`.
    text = previous ? text + (previous.separator ? '?' : '{}') + before.slice(previous.before.length + 2) : before;
    const argument = spec === '' ? next++ : /^\d+$/.test(spec) ? Number(spec) : IDENTIFIER.test(spec) ? spec : null;
    if (argument !== null && isQueryValuePosition(text)) found.push({ argument, start, end });
    previous = { before, separator: argument !== null && isSeparator !== undefined && isSeparator(argument) };
  }
  return found;
}

/** A `let` value that is `"?"` or `"&"` whichever branch is taken (`if c { "&" } else { "?" }`). */
export function isQuerySeparatorValue(value: Node): boolean {
  const literal = stringLiteralValue(value);
  if (literal !== null) return literal === '?' || literal === '&';
  if (value.type !== 'if_expression') return false;
  const consequence = value.childForFieldName('consequence');
  const otherwise = value.childForFieldName('alternative')?.namedChild(0) ?? null;
  return !!consequence && !!otherwise && [consequence, otherwise].every((branch) => {
    const last = branch.type === 'block' ? branch.namedChild(branch.namedChildCount - 1) : branch;
    return !!last && isQuerySeparatorValue(last);
  });
}

/** True when URL text so far ends inside a query string right after `name=`. */
function isQueryValuePosition(text: string): boolean {
  const q = text.indexOf('?');
  return q >= 0 && /[?&][\w.\-[\]]+=$/.test(text.slice(q));
}
