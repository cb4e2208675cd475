// What makes a Python value safe to show: sanitizer calls (the registry's and config's names plus
// the default `redact*`/`mask*`/`fingerprint*`/`hash*` families), a short slice of the secret
// (`key[:4] + "…"`), and the members of declared secret types (`resolver.types`) that hand the
// secret out (`get_secret_value()`, `.value`) or only a redacted form of it.
import type { Node } from 'web-tree-sitter';
import type { ResolverTypeMembers } from '../../registry/model.js';
import { DEFAULT_EXPOSE, DEFAULT_REDACT, secretTypeMembers, type SecretTypeMembers } from '../../registry/resolver-types.js';

/** Default sanitizer families, matched on the callee's last name (`utils.mask_key`, `redacted`). */
const REDACTING_NAME = /^_*(redact|mask|fingerprint|hash)/i;
/** A slice this short shows a recognisable prefix or suffix, not the secret. */
const MAX_SHOWN_CHARS = 8;

export function isRedactingCall(name: string, sanitizers: ReadonlySet<string>): boolean {
  return sanitizers.has(name) || REDACTING_NAME.test(name);
}

/**
 * `len(s) >= 5` and the like: the name `s` and whether it is at most MAX_SHOWN_CHARS long when the
 * condition holds (`shortWhen: true`) or when it does not (`false`). Then
 * `s[:5] + "..." if len(s) >= 5 else s` shows a short value whole, no more than a prefix would.
 */
export function shortLengthGuard(condition: Node | null): { name: string; shortWhen: boolean } | null {
  if (condition?.type !== 'comparison_operator' || condition.namedChildren.length !== 2) return null;
  const operator = condition.children.find((child) => ['<', '<=', '>', '>='].includes(child.type))?.type;
  let [left, right] = condition.namedChildren;
  if (!operator || !left || !right) return null;
  // `5 <= len(s)` reads as `len(s) >= 5`.
  let op = operator;
  if (left.type === 'integer') {
    [left, right] = [right, left];
    op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[operator];
  }
  if (left.type !== 'call' || left.childForFieldName('function')?.text !== 'len' || right.type !== 'integer') return null;
  const target = left.childForFieldName('arguments')?.namedChildren;
  if (target?.length !== 1 || target[0].type !== 'identifier') return null;
  const bound = Number(right.text);
  // The largest length on the short side of the comparison.
  const shortest = op === '<' ? bound - 1 : op === '<=' ? bound : op === '>=' ? bound - 1 : bound;
  if (!Number.isInteger(bound) || shortest > MAX_SHOWN_CHARS) return null;
  return { name: target[0].text, shortWhen: op === '<' || op === '<=' };
}

/** `s[:4]`, `s[0:6]`, `s[-4:]`: a bounded prefix or suffix of at most MAX_SHOWN_CHARS characters. */
export function isShortSlice(slice: Node): boolean {
  if (slice.type !== 'slice') return false;
  const parts: Array<Node | null> = [null];
  for (const child of slice.children) {
    if (child.type === ':') parts.push(null);
    else if (child.isNamed) parts[parts.length - 1] = child;
  }
  if (parts.length > 3 || (parts[2] && parts[2].text !== '1')) return false;
  const [start, stop] = parts;
  const small = (n: Node | null, negative: boolean): boolean => {
    if (!n) return false;
    const text = n.type === 'unary_operator' ? n.text.replace(/\s+/g, '') : n.text;
    const value = Number(text);
    return Number.isInteger(value) && (negative ? value < 0 && value >= -MAX_SHOWN_CHARS : value >= 0 && value <= MAX_SHOWN_CHARS);
  };
  const fromStart = (!start || start.text === '0') && small(stop ?? null, false);
  const fromEnd = small(start, true) && !stop;
  return fromStart || fromEnd;
}

/** pydantic's secret types print `**********`: secret types even when the registry does not name them. */
const BUILTIN_TYPES = ['SecretStr', 'SecretBytes'];

export class SecretTypes {
  private readonly members: Map<string, SecretTypeMembers>;
  private readonly pattern: RegExp;
  private readonly declaredPattern: RegExp | null;
  /** What a resolver call returns: any declared type (the union of their members), or the defaults. */
  readonly resolverMembers: SecretTypeMembers;

  /** `declared`: `resolver.types` names; `objects`: its object entries (DESIGN §10), with the shared defaults. */
  constructor(declared: readonly string[], objects: readonly ResolverTypeMembers[] | undefined) {
    const names = declared.filter((t) => /^\w+$/.test(t));
    this.members = secretTypeMembers([...names, ...BUILTIN_TYPES.filter((t) => !names.includes(t))], objects);
    this.resolverMembers = unionMembers(names.map((n) => this.members.get(n)!));
    this.pattern = new RegExp(`\\b(${[...this.members.keys()].join('|')})\\b`);
    this.declaredPattern = names.length > 0 ? new RegExp(`\\b(${names.join('|')})\\b`) : null;
  }

  /** The declared (or pydantic) secret type an annotation names, if any. */
  typeIn(annotation: string): string | null {
    return this.pattern.exec(annotation)?.[1] ?? null;
  }

  /** Only registry-declared types make a source of an annotation; pydantic's wrap a value that came from elsewhere. */
  declaredIn(annotation: string): string | null {
    return this.declaredPattern?.exec(annotation)?.[1] ?? null;
  }

  isType(name: string): boolean {
    return this.members.has(name);
  }

  /** 'expose' | 'redact' | 'other' for a member of a secret type. */
  kindOf(type: string, member: string): 'expose' | 'redact' | 'other' {
    const m = this.members.get(type);
    if (!m) return 'other';
    return m.expose.has(member) ? 'expose' : m.redact.has(member) ? 'redact' : 'other';
  }
}

/** Members of a value that may be any of several declared types; the shared defaults when none is declared. */
function unionMembers(types: SecretTypeMembers[]): SecretTypeMembers {
  if (types.length === 0) return { name: 'resolved secret', expose: new Set(DEFAULT_EXPOSE), redact: new Set(DEFAULT_REDACT), safe: new Set() };
  if (types.length === 1) return types[0];
  const all = (pick: (t: SecretTypeMembers) => ReadonlySet<string>): Set<string> => new Set(types.flatMap((t) => [...pick(t)]));
  return { name: types.map((t) => t.name).join(' | '), expose: all((t) => t.expose), redact: all((t) => t.redact), safe: all((t) => t.safe) };
}
