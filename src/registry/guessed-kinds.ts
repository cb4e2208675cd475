// Which registry entries have a kind nobody wrote down (issue 9, DESIGN §10): `registry check` lists
// them so a reviewer confirms each guess with an explicit `kind:`, rather than trusting the name.
import type { Registry } from './model.js';
import { compareCodeUnits } from '../core/compare.js';

export interface GuessedKind {
  id: string;
  env: string;
  kind: string;
  file: string;
  line: number;
}

export function guessedKinds(registry: Registry): GuessedKind[] {
  return registry.secrets
    .filter((entry) => entry.kindSource !== 'explicit')
    .map((entry) => ({ id: entry.id, env: entry.env, kind: entry.kind, file: entry.origin.file, line: entry.origin.line }))
    .sort((a, b) => compareCodeUnits(a.file, b.file) || a.line - b.line || compareCodeUnits(a.id, b.id));
}

/** One stderr block: a header line, then `file:line: ENV is <kind> (guessed from the name)` per entry. */
export function describeGuessedKinds(guessed: GuessedKind[]): string[] {
  if (guessed.length === 0) return [];
  return [
    `${guessed.length} ${guessed.length === 1 ? 'entry has its' : 'entries have their'} kind guessed from the name; write 'kind:' to confirm:`,
    ...guessed.map((g) => `  ${g.file}:${g.line}: ${g.env} (${g.id}) is ${g.kind === 'secret' ? 'a secret' : g.kind}`),
  ];
}
