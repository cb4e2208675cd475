// Stable finding fingerprints (DESIGN §6): rule id, relative path, secret id / env name, the
// normalised text of the reported line and its occurrence index. Never the line number (so
// inserting lines above keeps it) and never a secret value: the line text only feeds a hash.
//
// Cost stays linear in the file size: each reported line is normalised once (a one-line
// minified file can carry thousands of findings on the same line), and on a line longer than
// MAX_WHOLE_LINE only a digest of a window around the finding's range enters the key, so the
// work and the memory per finding are bounded. Lines up to that length keep their fingerprints.
import { createHash } from 'node:crypto';

export interface FingerprintInput {
  ruleId: string;
  file: string;
  secretKey: string;
  lineText: string;
  hint?: string;
  /** 1-based UTF-16 columns of the finding on this line; used only on lines longer than MAX_WHOLE_LINE. */
  column?: number;
  /** Exclusive end column when the range ends on this line; absent when it runs past it. */
  endColumn?: number;
}

/** Lines up to this many UTF-16 units are fingerprinted whole (every hand-written line). */
export const MAX_WHOLE_LINE = 2000;
/** On longer lines: this many units of context either side of the range, the range capped to WINDOW_RANGE. */
const WINDOW_CONTEXT = 200;
const WINDOW_RANGE = 400;

export function normaliseLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The line's contribution to the key. A line up to MAX_WHOLE_LINE units: its normal form, as
 * always. A longer line: a digest of the normalised window around the range, so neither the work
 * nor the key grows with the line.
 */
function lineKeyOf(input: FingerprintInput, wholeLines: Map<string, string>): string {
  const line = input.lineText;
  if (line.length <= MAX_WHOLE_LINE) {
    let key = wholeLines.get(line);
    if (key === undefined) {
      key = normaliseLine(line);
      wholeLines.set(line, key);
    }
    return key;
  }
  const start = Math.max(0, (input.column ?? 1) - 1);
  const rangeEnd = input.endColumn !== undefined ? Math.max(start, input.endColumn - 1) : line.length;
  const end = Math.min(rangeEnd, start + WINDOW_RANGE);
  const window = line.slice(Math.max(0, start - WINDOW_CONTEXT), Math.min(line.length, end + WINDOW_CONTEXT));
  return `\u0001window:${createHash('sha256').update(normaliseLine(window)).digest('hex')}`;
}

/** Assigns fingerprints in document order; identical keys get increasing occurrence indexes. */
export function fingerprintAll(inputs: FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  // Normal forms by line text: findings on one line share the work.
  const wholeLines = new Map<string, string>();
  return inputs.map((input) => {
    const key = [input.ruleId, input.file, input.secretKey, lineKeyOf(input, wholeLines), input.hint ?? ''].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
