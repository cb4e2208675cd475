// Whether the text report makes rule ids OSC 8 links to their docs. Links are escape sequences,
// so they go only where a person reads a terminal: a TTY, not CI logs (which print escapes as
// garbage), not a file, not a dumb terminal, and not when plain output was asked for (NO_COLOR,
// --no-color). FORCE_HYPERLINK=1 / =0 overrides the guess, as the supports-hyperlinks convention has it.
import type { CliIo, ParsedOptions } from '../main.js';

export function useHyperlinks(values: ParsedOptions, io: CliIo): boolean {
  if (values.output) return false;
  const forced = io.env.FORCE_HYPERLINK;
  if (forced !== undefined && forced !== '') return forced !== '0' && forced.toLowerCase() !== 'false';
  if (values['no-color'] || io.env.NO_COLOR) return false;
  if (io.stdout.isTTY !== true) return false;
  if (io.env.CI || io.env.TERM === 'dumb') return false;
  return true;
}
