// Members of a declared secret type (`resolver.types`): which ones return the secret text, which
// a redacted form, which other data. A plain type name uses the defaults; an object entry
// (DESIGN §10) replaces a default list it names. Shared by the language front ends.
import type { ResolverTypeMembers } from './model.js';

/** Members that hand out the secret text (`s.expose()`, `s.value`, `s.expose_secret()`). */
export const DEFAULT_EXPOSE = ['expose', 'expose_secret', 'value', 'get', 'as_str', 'into_inner', 'secret', 'reveal', 'get_secret_value', 'unsecure'];
/** Members that hand out a safe form of it. */
export const DEFAULT_REDACT = ['redacted', 'masked', 'redact', 'mask', 'fingerprint'];

export interface SecretTypeMembers {
  name: string;
  expose: ReadonlySet<string>;
  redact: ReadonlySet<string>;
  /** Declared safe members; members in no list are safe too, this list only documents them. */
  safe: ReadonlySet<string>;
}

/** The effective members of every declared type, by name. */
export function secretTypeMembers(types: readonly string[], declared: readonly ResolverTypeMembers[] | undefined): Map<string, SecretTypeMembers> {
  const byName = new Map<string, SecretTypeMembers>();
  for (const name of types) {
    const entry = declared?.find((d) => d.name === name);
    byName.set(name, {
      name,
      expose: new Set(entry?.expose ?? DEFAULT_EXPOSE),
      redact: new Set(entry?.redact ?? DEFAULT_REDACT),
      safe: new Set(entry?.safe ?? []),
    });
  }
  return byName;
}
