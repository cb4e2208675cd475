// Decides `kind` for entries whose source does not say: a name matching one of `secret_patterns`
// (case-insensitive) is a secret, anything else a managed config name. Every name of the entry is
// tested, not only the canonical one: calling a secret "config" would hide its leaks, so when in
// doubt the linter errs towards secret.
import type { SecretKind } from './model.js';

export interface KindDecision {
  kind: SecretKind;
  kindSource: 'pattern' | 'default';
}

export type KindClassifier = (names: string[]) => KindDecision;

export function kindClassifier(secretPatterns: string[]): KindClassifier {
  const compiled = secretPatterns.map((p) => new RegExp(p, 'i'));
  return (names) =>
    names.some((name) => compiled.some((re) => re.test(name)))
      ? { kind: 'secret', kindSource: 'pattern' }
      : { kind: 'config', kindSource: 'default' };
}
