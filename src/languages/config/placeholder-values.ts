// What counts as "no value written" in a config file: the empty string, obvious placeholders and
// references to another variable. `hasLiteralValue` is false for these. Whether a written value
// could be a real secret (length, entropy, test words, local URLs...) is policy: front ends attach
// a `valueProfile` (src/core/placeholder-value.ts) and the rules decide.
import { describeValue, type ValueProfile } from '../../core/placeholder-value.js';

const PLACEHOLDER_WORDS = new Set([
  'changeme', 'change-me', 'change_me', 'changeit', 'replaceme', 'replace-me', 'replace_me', 'todo', 'tbd', 'fixme',
  'placeholder', 'none', 'null', 'example', 'dummy', '...', '…',
]);

/** True for values that are evidently not a real secret: empty, `changeme`, `<...>`, `your-...`, `xxx`, `${...}`, `$(...)`. */
export function isPlaceholderValue(raw: string): boolean {
  const value = raw.trim();
  if (value === '') return true;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  if (/^<[^<>]*>$/.test(value)) return true;
  if (/^\[[^\][]*\]$/.test(value) || /^\{\{[^{}]*\}\}$/.test(value)) return true;
  if (/^your[-_ ]/i.test(value)) return true;
  if (/^(x+|\*+|\.+|-+|_+)$/i.test(value)) return true;
  // A reference to another variable is not a literal: `${VAR}`, `$VAR`, `$(VAR)` (Kubernetes).
  if (/^\$\{[^}]*\}$/.test(value) || /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(value) || /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/.test(value)) return true;
  return false;
}

/** `{ valueProfile }` for a written value (measurements only, never the value), `{}` when there is none; `name`: the variable it is assigned to. */
export function valueProfileOf(raw: string | null | undefined, name?: string): { valueProfile?: ValueProfile } {
  return raw === null || raw === undefined ? {} : { valueProfile: describeValue(raw, name) };
}
