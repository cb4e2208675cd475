// Stable finding fingerprints (DESIGN §6): rule id, relative path, secret id / env name, the
// normalised text of the reported line and its occurrence index. Never the line number (so
// inserting lines above keeps it) and never a secret value: the line text only feeds a hash.
import { createHash } from 'node:crypto';

export interface FingerprintInput {
  ruleId: string;
  file: string;
  secretKey: string;
  lineText: string;
  hint?: string;
}

export function normaliseLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Assigns fingerprints in document order; identical keys get increasing occurrence indexes. */
export function fingerprintAll(inputs: FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map((input) => {
    const key = [input.ruleId, input.file, input.secretKey, normaliseLine(input.lineText), input.hint ?? ''].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
  });
}
