// The taint value of the Python leak analysis, and the small algebra over it: which parts of a
// value are secret (per key/attribute), whether the value as a whole prints the secret, and the
// symbolic origins (a parameter, an instance field) that function and class summaries resolve
// at each call site.
import type { FlowStep } from '../../core/facts.js';
import type { SecretTypeMembers } from '../../registry/resolver-types.js';
import { namesDocumentRole, namesSecretMember } from '../../leak/secret-member-name.js';
import { argumentKeyIndex } from '../../leak/argument-key.js';

/** The field of a container that holds what was stored under a computed key (`d[k] = secret`). */
export const ANY_KEY = '*';

export const MAX_STEPS = 12;

export interface Taint {
  /**
   * `source`: a real secret. `param`: whatever the caller passed as parameter `paramIndex`.
   * `field`: whatever the constructor stored in `self.<field>` of the current class.
   */
  origin: 'source' | 'param' | 'field';
  paramIndex?: number;
  /** Further parameters mixed into the same value (`prefix + k`); the steps follow `paramIndex`. */
  moreParams?: number[];
  /** origin `param`: the keys/attributes read from the parameter (`cfg["url"]` -> ['url']). */
  path?: string[];
  /** origin `field`: the instance field read. */
  field?: string;
  secretId: string | null;
  envName: string | null;
  source: string;
  steps: FlowStep[];
  /**
   * Only these keys/attributes hold the secret (a dict literal, an object built from one). The
   * value as a whole still prints them (a dict's repr), unless `opaque`.
   */
  fields?: Map<string, Taint>;
  /**
   * The value as a whole prints no secret: an instance of a declared secret type (its exposing
   * members hand the secret out) or of a class with the default `repr` (`<Client object>`).
   */
  opaque?: 'secret-type' | 'object';
  /** The class of an object built here, to apply its methods' summaries. */
  className?: string;
  /** Text made by `urlencode`: a URL leak only where it is put after `?` or `&` of a URL. */
  query?: boolean;
  /** Text made by a serializer (`json.dumps`): reported as serialization where it is written out. */
  serialized?: string;
  /** A resolver call inside a wrapper whose id is this parameter: decided per call site. */
  idParam?: number;
  /**
   * A resolver's result, which may be a declared secret type (`resolver.types`): its exposing
   * members (`r.value`, `r.expose()`) are the secret, its other members (`r.status`) are not. The
   * value as a whole still prints the secret (the resolver may return the plain text).
   */
  members?: SecretTypeMembers;
  /**
   * A document parsed from secret text (`json.loads(decrypt(blob))`): each key stays secret except
   * those whose name says they identify or locate (`client_id`, `token_url`: namesDocumentRole).
   */
  parsed?: true;
}

export function union(a: Taint | null, b: Taint | null): Taint | null {
  if (!a) return b;
  if (!b) return a;
  if (a.origin === 'param' && b.origin === 'param') {
    const extra = paramIndexes(b).filter((i) => !paramIndexes(a).includes(i));
    return extra.length === 0 ? a : { ...a, moreParams: [...(a.moreParams ?? []), ...extra] };
  }
  // A real secret outranks symbolic ones; a value that prints the secret outranks one that does not.
  if (a.origin !== 'source' && b.origin === 'source') return b;
  if (a.origin === 'source' && b.origin === 'source') {
    if (a.opaque && !b.opaque) return b;
    if (a.fields && b.fields && !a.opaque && !b.opaque) return { ...a, fields: new Map([...b.fields, ...a.fields]) };
    if (a.fields && !b.fields && !b.opaque) return b;
  }
  return a;
}

export function paramIndexes(taint: Taint): number[] {
  return taint.paramIndex === undefined ? [] : [taint.paramIndex, ...(taint.moreParams ?? [])];
}

export function withStep(taint: Taint, step: FlowStep): Taint {
  return { ...taint, steps: [...taint.steps, step].slice(-MAX_STEPS) };
}

/** The value turned into text (`str(x)`, `f"{x}"`, a serializer): an opaque object prints no secret. */
export function asText(taint: Taint | null): Taint | null {
  if (!taint || taint.opaque) return null;
  if (!taint.fields && !taint.className && !taint.members) return taint;
  const { fields: _fields, className: _className, members: _members, ...rest } = taint;
  return rest;
}

/**
 * A member of a resolver's result (`r.value`, `r.status`, `r.expose()`): the secret for an exposing
 * member, nothing for the rest; undefined when the value is no resolver result.
 */
export function resolvedMember(taint: Taint, name: string): Taint | null | undefined {
  if (!taint.members || taint.fields || taint.opaque) return undefined;
  if (!taint.members.expose.has(name)) return null;
  const { members: _members, ...exposed } = taint;
  return exposed;
}

/**
 * The part of a value under one key or attribute. A value with known fields gives that field (or
 * nothing); a parameter records the path for its caller; a plain secret stays secret.
 */
export function member(taint: Taint | null, key: string): Taint | null {
  if (!taint) return null;
  // `ANY_KEY`: a secret stored under a key the analysis cannot see; a literal key is it only when it names a credential.
  if (taint.fields) return taint.fields.get(key) ?? (namesSecretMember(key) ? (taint.fields.get(ANY_KEY) ?? null) : null);
  if (taint.opaque) return null;
  if (taint.parsed && namesDocumentRole(key)) return null;
  const resolved = resolvedMember(taint, key);
  if (resolved !== undefined) return resolved;
  if (taint.origin === 'param') return { ...taint, path: [...(taint.path ?? []), key] };
  return taint;
}

/**
 * The value under a dict key (`d["k"]`, `d.get("k")`). A resolver's result read by key is a
 * credential dict, not a declared secret type: the key is secret unless its name identifies or
 * locates (`role_arn`, `token_url`), whatever the type's members say of attributes (`r.status`).
 */
export function keyOf(taint: Taint | null, key: string): Taint | null {
  if (taint?.members && taint.parsed && !taint.fields && !taint.opaque) {
    if (namesDocumentRole(key)) return null;
    const { members: _members, ...value } = taint;
    return value;
  }
  return member(taint, key);
}

/** Follows a parameter's recorded access path into the argument a caller passed. */
export function alongPath(taint: Taint | null, path: string[] | undefined): Taint | null {
  let current = taint;
  for (const key of path ?? []) {
    // A member named by an argument no call site bound (argument-key.ts): unknown, so the value whole.
    if (argumentKeyIndex(key) !== null) return current;
    current = member(current, key);
  }
  return current;
}

/** A dict or object whose `fields` are known: the whole carries the first real secret among them. */
export function withFields(fields: Map<string, Taint>, extra: Partial<Taint> = {}): Taint | null {
  const tainted = [...fields.values()];
  if (tainted.length === 0) return null;
  const base = tainted.find((t) => t.origin === 'source' && !t.opaque) ?? tainted.find((t) => t.origin === 'source') ?? tainted[0];
  const { fields: _f, opaque: _o, className: _c, path: _p, members: _m, ...rest } = base;
  // A container whose every secret part prints nothing (a SecretStr, a client) prints nothing either.
  const opaque = tainted.every((t) => t.opaque) ? { opaque: 'object' as const } : {};
  return { ...rest, fields, ...opaque, ...extra };
}
