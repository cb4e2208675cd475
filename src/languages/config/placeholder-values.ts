// What counts as "no real value" in a config file: the empty string, obvious placeholders and
// references to another variable. `hasLiteralValue` is false for these, so the drift and
// literal-secret rules do not fire on templates.

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
