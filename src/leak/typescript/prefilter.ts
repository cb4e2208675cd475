// A cheap text test: only files that can contain a leak source are analysed in depth (no compiler
// Program at all when none can). Imports of those files are pulled in by the compiler's module
// resolution, for function summaries.
//
// What can make a source, and the text it needs:
// - a secret env name (`process.env.OPENAI_API_KEY`, destructuring, a parsed env object) and a
//   resolver type name: the name itself, anywhere;
// - a resolver function (`env('STRIPE_SECRET_KEY')`, `leak.sources` calls): a call whose callee's
//   last name is that function, so the name as a whole identifier followed by what can start the
//   call's arguments. `env` as a resolver must not make every `process.env` a candidate: a real
//   monorepo (documenso) has `env` in 700 of its 2,300 files and calls `env(…)` in a fraction.
//   The test errs on the side of a candidate: `<` (type arguments or a comparison), `?` (`?.(`),
//   `!`, a comment before the parenthesis, or the name in quotes (`obj['env'](…)`) all count.
import type { FrontEndOptions } from '../../core/facts.js';

export interface SourceNeedles {
  /** Every needle (empty: nothing can be a source). */
  needles: string[];
  /** Needles that count anywhere in the text (secret env names, resolver type names). */
  names: string[];
  /** Resolver function names: count only where the text may call them. */
  calls: string[];
}

export function sourceNeedles(options: FrontEndOptions): SourceNeedles {
  const calls = new Set<string>([...options.resolver.functions, ...(options.extraSources ?? []), ...(options.extraSourcePaths ?? []).map((spec) => spec.call)]);
  const names = new Set<string>([...options.resolver.types, ...Object.keys(options.secretNames)]);
  calls.delete('');
  names.delete('');
  // A name that is both (a type and a function) counts anywhere.
  for (const name of names) calls.delete(name);
  return { needles: [...names, ...calls], names: [...names], calls: [...calls] };
}

/** True when the text mentions a resolver type or a secret env name, or may call a resolver function. */
export function mayContainSource(text: string, needles: SourceNeedles): boolean {
  for (const needle of needles.names) if (text.includes(needle)) return true;
  for (const needle of needles.calls) if (mayCall(text, needle)) return true;
  return false;
}

function mayCall(text: string, name: string): boolean {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : -1;
    if (isIdentifierPart(before)) continue;
    let next = at + name.length;
    if (isIdentifierPart(text.charCodeAt(next))) continue;
    if (before === QUOTE || before === DOUBLE_QUOTE) return true; // `obj['env'](…)`
    while (next < text.length && isWhitespace(text.charCodeAt(next))) next++;
    const c = text.charCodeAt(next);
    if (c === OPEN_PAREN || c === LESS_THAN || c === QUESTION || c === BANG || c === SLASH) return true;
  }
  return false;
}

const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const OPEN_PAREN = 0x28;
const LESS_THAN = 0x3c;
const QUESTION = 0x3f;
const BANG = 0x21;
const SLASH = 0x2f;

/** ASCII identifier characters, and non-ASCII characters other than whitespace (Unicode letters: part of a longer name). */
function isIdentifierPart(c: number): boolean {
  if (Number.isNaN(c) || c < 0) return false;
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x24 || (c > 0x7f && !isWhitespace(c));
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}
