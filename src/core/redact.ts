// Defence in depth for the first invariant: no output contains a secret value from a scanned
// file. Rules build messages from names only, and source lines are masked by position first
// (value-masking.ts); this masker by LOOK is the last line of defence on top: every string that
// reaches a reporter and may echo source text (source lines under a caret, flow notes, messages,
// suppression reasons, error text) passes through here.
// Value-like tokens are masked: long runs of key characters that mix letters and digits, and,
// in config files, everything after the `=` / `:` of an assignment.

// Dots are separators (paths, JWT segments), so each segment is judged on its own.
const VALUE_LIKE = /[A-Za-z0-9+/_\-~]{12,}={0,2}/g;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

function looksLikeValue(token: string): boolean {
  // OPENROUTER_API_KEY is a name, not a value; AKIAIOSFODNN7EXAMPLE (digits, no underscore) is a value.
  if (ENV_NAME.test(token) && (token.includes('_') || !/[0-9]/.test(token))) return false;
  const digits = (token.match(/[0-9]/g) ?? []).length;
  if (digits === 0 || !/[A-Za-z]/.test(token)) return false;
  if (/^[\w.-]+\.(ts|js|rs|py|md|json|ya?ml|sh)$/.test(token)) return false; // file names
  // Credentials mix cases with digits, or are long hex/base32 runs, or are digit-dense.
  if (/[a-z]/.test(token) && /[A-Z]/.test(token)) return true;
  if (/^[0-9a-f]{16,}$/i.test(token) || /^[A-Z0-9]{16,}$/.test(token)) return true;
  return digits / token.length >= 0.25 || (token.length >= 20 && digits >= 3);
}

/**
 * Masks value-like tokens. `keep` lists tokens known to be names, not values: the registry's ids
 * and env names (`StripeConnectV2WebhookSecret` mixes cases and digits like a key would).
 */
export function redactValues(text: string, keep?: ReadonlySet<string>): string {
  return text.replace(VALUE_LIKE, (token) => (looksLikeValue(token) && !keep?.has(token) ? mask(token) : token));
}

function mask(token: string): string {
  // Same length, so a caret after the masked token still lines up.
  return '*'.repeat(token.length);
}

const CONFIG_ASSIGNMENT = /^(\s*(?:-\s+)?(?:export\s+|ENV\s+|ARG\s+)?["']?[\w.-]+["']?\s*(?:=|:(?=\s|$))\s*)(.*)$/;

/** A config value that cannot be a credential: a reference, an env name, a plain lowercase word, a short token. */
function isHarmlessConfigValue(value: string): boolean {
  const bare = value.replace(/^["']|["']$/g, '').trim();
  if (bare === '' || bare === '|' || bare === '>' || bare === '|-' || bare === '>-') return true;
  if (/^\$\{\{.*\}\}$/.test(bare) || /^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(bare)) return true;
  if (/^[A-Z][A-Z0-9_]*$/.test(bare) && (bare.includes('_') || !/\d/.test(bare))) return true;
  if (/^[a-z][a-z-]*$/.test(bare) && bare.length < 16) return true;
  // Identifiers such as secret ids (`OpenRouterApiKey`) or words: no digits, modest length.
  if (/^[A-Za-z]+$/.test(bare) && bare.length < 24) return true;
  return bare.length < 6 && !/\d/.test(bare);
}

/** For config-like files: keep the key, mask the assigned value (same length) unless it is harmless. */
export function redactConfigLine(line: string): string {
  const match = CONFIG_ASSIGNMENT.exec(line);
  if (!match) return redactValues(line);
  const value = match[2];
  if (isHarmlessConfigValue(value)) return line;
  if (/^[[{&*!]/.test(value.trim())) return redactValues(line);
  return match[1] + value.replace(/\S/g, '*');
}

const CONFIG_FILE = /(^|\/)(\.env[^/]*|[^/]*\.env|[^/]*\.ya?ml|Dockerfile[^/]*|[^/]*\.dockerfile|Containerfile)$/i;

export function redactSourceLine(file: string, line: string): string {
  return CONFIG_FILE.test(file) ? redactConfigLine(line) : redactValues(line);
}
