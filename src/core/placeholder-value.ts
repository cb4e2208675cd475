// Does a value written in a config file store a secret, or only a placeholder?
//
// Two halves, so that front ends keep to facts and rules keep the policy:
// - `describeValue(raw)` measures a value (length, entropy, references, placeholder words, URL
//   parts) and returns a ValueProfile that contains NO part of the value. Front ends attach it
//   to the fact of the key the value is assigned to.
// - `placeholderReason(profile)` is the policy: it says why a value is only a placeholder, or
//   null when it looks like a real secret. Rules call it.
//
// The test, in order (the first that applies wins):
//   empty        nothing written, or only whitespace/quotes;
//   reference    only references: `${VAR}`, `${VAR:-}`, `$VAR`, `$(VAR)`, `${{ expr }}` (a
//                reference's default value, `${VAR:-default}`, is measured as written text);
//   template     a template marker: `<token>`, `{{ token }}`, `[your key]`;
//   placeholder-word  a word no real credential contains: example, placeholder, changeme,
//                replace-me, dummy, sample, redacted, insecure, your-..., xxx, or the whole
//                value is a stock default (`password`, `secret`, `admin`, `none`, `todo`, `not_used`...).
//                AWS's documented example keys (`AKIAIOSFODNN7EXAMPLE`) count as placeholders;
//   local-url    `scheme://user:password@host` whose host is local (localhost, 127.0.0.0/8,
//                ::1, 0.0.0.0, host.docker.internal, or a single-label service name such as
//                compose's `db`) and whose password is absent, itself a placeholder, or equal
//                to the user name (`postgres:postgres`);
//   url-without-password  any other URL with no password and no random-looking part
//                (`https://openrouter.ai/api/v1`); a webhook URL with a token in its path stays;
//   short        fewer than 8 characters (`xx`, `test`, `1234`);
//   low-entropy  one character repeated, an ascending run of 8+ (`1234567890`), or Shannon entropy below 2.5 bits per character
//                (`aaaaaaaaaaaa`, `0000-0000-0000`);
//   own-name     the value only spells words of the variable's own name, run together or not
//                (`AWS_SECRET_ACCESS_KEY=SECRETKEY`, `API_KEY=api-key`): a local emulator's stand-in;
//   test-word    a word such as test, fake, dev, local, demo, mock, e2e, secret, password, random, or
//                a credential word after a short name (chpassword, miniopassword, apptoken),
//                AND no random-looking chunk: `e2e-test-secret-at-least-32-chars-long` is a
//                placeholder, `sk_test_51HqLyjWDarjtT1zdp7dc` (a real Stripe test key) is not.
// A random-looking chunk is a run of 12+ characters between separators with entropy >= 3 bits
// per character whose character class (lower, upper, digit) changes at least once every four
// characters (a camel-case word start does not count): generated credentials look like that,
// words and camel-case phrases do not.

/** Measurements of one value. Never contains the value or any part of it. */
export interface ValueProfile {
  /** Characters left once references are removed and surrounding whitespace/quotes trimmed. */
  length: number;
  /** How many references (`${VAR}`, `$VAR`, `$(VAR)`, `${{ expr }}`) the value contains. */
  references: number;
  /** Shannon entropy of what is left, in bits per character, two decimals. */
  entropy: number;
  /** What is left is one character repeated. */
  repeated: boolean;
  /** What is left holds an ascending run of 8 or more digits or letters (`1234567890`, `abcdefgh`): typed, not generated. */
  sequential?: boolean;
  /** What is left is or contains a template marker (`<token>`, `{{ x }}`, `[your key]`). */
  template: boolean;
  /** A word that marks a placeholder wherever it appears (see STRONG_WORDS), or a stock default as the whole value. */
  strongWord: boolean;
  /** One of the value's words is a weak placeholder word (see WEAK_WORDS). */
  weakWord: boolean;
  /** Some chunk looks randomly generated (see isRandomChunk). */
  randomChunk: boolean;
  /** Present when the value is a `scheme://` URL. */
  url?: UrlProfile;
  /** The value only spells words of the name it is assigned to, in their order (`SECRETKEY` for AWS_SECRET_ACCESS_KEY); only when the name was given. */
  ownName?: true;
}

export interface UrlProfile {
  /** The host is this machine, a container host alias or a single-label service name. */
  localHost: boolean;
  /** The password's own profile; null when the URL has none (or an empty one). */
  password: ValueProfile | null;
  /** The password equals the user name (`postgres:postgres@`). */
  passwordIsUser: boolean;
}

export type PlaceholderReason = 'empty' | 'reference' | 'template' | 'placeholder-word' | 'local-url' | 'url-without-password' | 'short' | 'low-entropy' | 'own-name' | 'test-word';

export const MIN_SECRET_LENGTH = 8;
export const MIN_SECRET_ENTROPY = 2.5;
const RANDOM_CHUNK_MIN_LENGTH = 12;
const RANDOM_CHUNK_MIN_ENTROPY = 3;
const RANDOM_CHUNK_CHARS_PER_CLASS_CHANGE = 4;

/** Substrings (case-insensitive) no real credential contains. */
const STRONG_SUBSTRINGS = ['example', 'placeholder', 'changeme', 'change-me', 'change_me', 'changeit', 'replaceme', 'replace-me', 'replace_me', 'dummy', 'sample', 'redacted', 'insecure', 'notasecret', 'not-a-secret', 'not_a_secret', 'notreal', 'not-real', 'not_real'];
/** Whole values that are stock defaults rather than credentials. */
const STOCK_DEFAULTS = new Set(['password', 'passw0rd', 'secret', 'admin', 'root', 'postgres', 'mysql', 'redis', 'guest', 'default', 'none', 'null', 'nil', 'undefined', 'todo', 'tbd', 'fixme', 'unset', 'empty', 'required', 'optional', 'changeme', 'unused', 'not_used', 'not-used', 'notused', 'not_set', 'not-set', 'notset', 'not_needed', 'not-needed', 'n/a', 'ignored', 'disabled',
  // A service's own name as its password, as local stacks write it.
  'clickhouse', 'minioadmin', 'changeit', 'rabbitmq', 'mongodb', 'elastic', 'keycloak', 'grafana', 'mariadb', 'neo4j', '...', '…']);
/** Words that mark a hand-written test or local value when nothing in the value looks generated. */
const WEAK_WORDS = new Set(['test', 'tests', 'testing', 'fake', 'dev', 'develop', 'development', 'local', 'localhost', 'demo', 'mock', 'e2e', 'ci', 'debug', 'secret', 'password', 'passwd', 'pass', 'key', 'token', 'foo', 'bar', 'baz', 'qwerty', 'letmein', 'temp', 'tmp', 'sandbox',
  // Instructions written as the value: `my-random-string-for-seeding`.
  'my', 'random', 'string', 'seed', 'seeding']);

/** Measures a raw value as written in a config file (quotes allowed); `name`: the variable it is assigned to, when known. */
export function describeValue(raw: string, name?: string): ValueProfile {
  const { text, references } = removeReferences(unquote(raw.trim()));
  const rest = unquote(text.trim());
  const words = wordsOf(rest);
  const chunks = rest.split(/[^A-Za-z0-9]+/).filter((c) => c.length > 0);
  const lower = rest.toLowerCase();
  const profile: ValueProfile = {
    length: rest.length,
    references,
    entropy: Math.round(shannonEntropy(rest) * 100) / 100,
    repeated: rest.length > 1 && new Set(rest).size === 1,
    sequential: hasAscendingRun(rest, MIN_SEQUENCE),
    template: /<[^<>\n]*>|\{\{[^{}]*\}\}|^\[[^\][]*\]$/.test(rest),
    strongWord:
      STOCK_DEFAULTS.has(lower) ||
      STRONG_SUBSTRINGS.some((w) => lower.includes(w)) ||
      words.some((w) => /^x{3,}$/.test(w) || w.startsWith('your')),
    weakWord: words.some((w) => WEAK_WORDS.has(w) || isNamedDefault(w)),
    randomChunk: chunks.some(isRandomChunk),
  };
  const url = describeUrl(rest);
  if (url) profile.url = url;
  if (name !== undefined && spellsNameWords(rest, name)) profile.ownName = true;
  return profile;
}

/**
 * Whether `value` (letters and digits only, any case) is words of `name` joined in their order,
 * some left out (`SECRETKEY`, `secret-key`, `ACCESSKEY` for AWS_SECRET_ACCESS_KEY). A generated
 * credential never spells its variable's name.
 */
function spellsNameWords(value: string, name: string): boolean {
  const letters = value.toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
  if (letters.length === 0 || words.length === 0) return false;
  // From position `at` in the value and word `from` on, can the rest be matched?
  const match = (at: number, from: number): boolean => {
    if (at === letters.length) return true;
    for (let w = from; w < words.length; w++) if (letters.startsWith(words[w], at) && match(at + words[w].length, w + 1)) return true;
    return false;
  };
  return match(0, 0);
}

/** Why the value is only a placeholder, or null when it may be a real secret. */
export function placeholderReason(profile: ValueProfile): PlaceholderReason | null {
  if (profile.length === 0) return profile.references > 0 ? 'reference' : 'empty';
  if (profile.template) return 'template';
  if (profile.strongWord) return 'placeholder-word';
  if (profile.url) {
    const { localHost, password, passwordIsUser } = profile.url;
    const noRealPassword = password === null || passwordIsUser || placeholderReason(password) !== null;
    if (noRealPassword && localHost) return 'local-url';
    if (password === null && !profile.randomChunk) return 'url-without-password';
  }
  if (profile.length < MIN_SECRET_LENGTH) return 'short';
  if (profile.repeated || profile.sequential || profile.entropy < MIN_SECRET_ENTROPY) return 'low-entropy';
  if (profile.ownName) return 'own-name';
  if (profile.weakWord && !profile.randomChunk) return 'test-word';
  return null;
}

export function isPlaceholder(profile: ValueProfile): boolean {
  return placeholderReason(profile) !== null;
}

function unquote(value: string): string {
  return value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0] ? value.slice(1, -1) : value;
}

/**
 * Removes `${{ expr }}`, `${VAR}`, `${VAR?err}`, `$VAR` and `$(VAR)`; `${VAR:-default}` and
 * `${VAR-default}` leave their default behind (it is written text). `$$` is a literal dollar.
 */
function removeReferences(value: string): { text: string; references: number } {
  let references = 0;
  let text = value.replace(/\$\{\{[\s\S]*?\}\}/g, () => {
    references++;
    return '';
  });
  // Innermost first, so `${A:-${B}}` resolves B, then A.
  for (let pass = 0; pass < 4; pass++) {
    const before = text;
    text = text.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?:(:?-)([^{}]*)|[:?+][^{}]*)?\}/g, (_m, op: string | undefined, fallback: string | undefined) => {
      references++;
      return op ? (fallback ?? '') : '';
    });
    if (text === before) break;
  }
  text = text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_]*)\)|\$[A-Za-z_][A-Za-z0-9_]*/g, (m) => {
    if (m === '$$') return '$';
    references++;
    return '';
  });
  return { text, references };
}

/** A credential word with a short name before it, as a stack's own local default is written: `chpassword`, `miniopassword`, `redispass`, `apptoken`. */
const NAMED_DEFAULT = /^[a-z]{1,8}(?:password|passwd|pass|secret|token)$/;

function isNamedDefault(word: string): boolean {
  return NAMED_DEFAULT.test(word);
}

const MIN_SEQUENCE = 8;

/** An ascending run of `length` digits or letters, each one more than the last (`12345678`, `cdefghij`). */
function hasAscendingRun(text: string, length: number): boolean {
  let run = 1;
  for (let i = 1; i < text.length; i++) {
    const previous = text.charCodeAt(i - 1);
    const current = text.charCodeAt(i);
    const sameClass = (isDigitCode(previous) && isDigitCode(current)) || (isLowerCode(previous) && isLowerCode(current)) || (isUpperCode(previous) && isUpperCode(current));
    run = sameClass && current === previous + 1 ? run + 1 : 1;
    if (run >= length) return true;
  }
  return false;
}

const isDigitCode = (code: number): boolean => code >= 48 && code <= 57;
const isLowerCode = (code: number): boolean => code >= 97 && code <= 122;
const isUpperCode = (code: number): boolean => code >= 65 && code <= 90;

/** Lower-case words: split at non-alphanumerics, letter/digit boundaries and lower-to-upper case changes. */
function wordsOf(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Za-z])([0-9])|([0-9])([A-Za-z])/g, (_m, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`))
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0)
    .map((w) => w.toLowerCase());
}

export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  const total = [...value].length;
  for (const n of counts.values()) {
    const p = n / total;
    bits -= p * Math.log2(p);
  }
  return bits;
}

const DIGIT = 0;
const LOWER = 1;
const UPPER = 2;

function charClass(ch: string): number {
  return ch >= '0' && ch <= '9' ? DIGIT : ch >= 'a' && ch <= 'z' ? LOWER : UPPER;
}

/**
 * 12+ characters, entropy >= 3 bits/char, and the character class changes often. An upper-case
 * letter followed by lower case is a camel-case word start and does not count, so
 * `FakeApiKeyForTests` reads as words while `FAKE4eC39HqLyjWDarjtT1zdp7dc` reads as generated.
 */
function isRandomChunk(chunk: string): boolean {
  if (chunk.length < RANDOM_CHUNK_MIN_LENGTH || shannonEntropy(chunk) < RANDOM_CHUNK_MIN_ENTROPY) return false;
  let changes = 0;
  for (let i = 1; i < chunk.length; i++) {
    const before = charClass(chunk[i - 1]);
    const after = charClass(chunk[i]);
    if (before !== after && !(before === UPPER && after === LOWER)) changes++;
  }
  return changes * RANDOM_CHUNK_CHARS_PER_CLASS_CHANGE >= chunk.length;
}

const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:([^:@/?#]*)(?::([^@/?#]*))?@)?(\[[^\]]*\]|[^:/?#]*)/;

function describeUrl(value: string): UrlProfile | null {
  const match = URL_PARTS.exec(value);
  if (!match) return null;
  const [, , user = '', password = '', rawHost] = match;
  return {
    localHost: isLocalHost(rawHost.toLowerCase()),
    password: password === '' ? null : describeValue(safeDecode(password)),
    passwordIsUser: password !== '' && password === user,
  };
}

function isLocalHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '' || bare === 'localhost' || bare.endsWith('.localhost') || bare === '::1' || bare === '0.0.0.0' || bare === 'host.docker.internal') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare)) return true;
  // A single-label name is a service on the same network (compose `db`, a CI service container).
  return /^[a-z0-9_-]+$/.test(bare) && !/^\d+$/.test(bare);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
