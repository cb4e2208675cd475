// The shared name classifier: does an env-style name look like it holds a secret?
//
// A name looks like a secret when it matches one of `secret_patterns` (case-insensitive) and its
// shape does not say it holds configuration ABOUT a secret (DESIGN §10):
// - a trailing role: `_URL`, `_URI`, `_ENDPOINT`, `_HOST`, `_PORT`, `_PATH`, `_FILE`, `_DIR`,
//   `_REF`, `_USER`, `_USERNAME`, `_ID`, `_REGION`, the plurals `_URLS`, `_URIS`, `_IDS`, `_HOSTS`, `_HEADER`, `_PREFIX`, `_TYPE`, `_VERSION`,
//   `_TTL`, `_TIMEOUT`, `_EXPIRY`, `_EXPIRES_IN`, `_LENGTH`, `_LIMIT`, `_COUNT`, `_SIZE`, and the
//   names of a secret in a store: `_NAME`, `_ARN`, `_ALIAS`
//   (`GITHUB_TOKEN_URL`, `API_KEY_ID`, `DB_PASSWORD_FILE`, `DOCKERHUB_USERNAME`, an LLM's
//   `SMART_TOKEN_LIMIT`, `DB_SECRET_NAME` and `DB_SECRET_ARN` for AWS Secrets Manager, `KMS_KEY_ALIAS`);
// - a flag form: `ENABLE_`, `DISABLE_`, `USE_`, `SKIP_`, `IGNORE_`, `ALLOW_`, `REQUIRE_`, `HIDE_`, `IS_`,
//   `HAS_`, `NO_` prefixes (`_ENABLE_`, `_DISABLE_`, `_IGNORE_`, `_SKIP_`, `_ALLOW_`, `_REQUIRE_` also after a
//   product prefix: `SERVER_IGNORE_EOS_TOKEN`, `CORS_ALLOW_CREDENTIALS`), and the bounds `MAX_`, `MIN_` (`MAX_TOKENS`), `_ENABLED`, `_DISABLED`, `_REQUIRED`, `_ALLOWED`,
//   `_VALIDATION` suffixes, and a `_WITHOUT_` inside (`HIDE_USER_API_KEY`, `API_KEY_REQUIRED`,
//   `E2E_CREDENTIAL_VALIDATION`, `DOWNLOAD_FIXTURES_WITHOUT_CREDENTIALS`: switches);
// - a secret word fused into a longer word: `PASSWORDMINCHAR` (a password policy),
//   `TOKENIZERS_PARALLELISM` (Hugging Face's tokenizer switch). A match counts only where its word
//   ends (at `_`, a digit or the end of the name), or where what follows completes another secret
//   word (`SECRETKEY`, `APIKEYSECRET`) or makes a plural (`CREDENTIALS`). Letters before a match do not matter (`PGPASSWORD`).
// - a few names every toolchain defines to hold a path or a socket, not a secret:
//   `GOOGLE_APPLICATION_CREDENTIALS` (the path of a service-account file; the file is the secret,
//   and `GOOGLE_APPLICATION_CREDENTIALS_JSON`, holding the JSON, still looks like one),
//   `SSH_AUTH_SOCK`, `GIT_ASKPASS`, `SSH_ASKPASS`, `SUDO_ASKPASS`.
// Used through the rule context's `looksLikeSecret` by every rule that judges a name the registry
// does not know, and for kind inference of registry entries without `kind:`. Kind inference
// also treats a bundler-public prefix (`NEXT_PUBLIC_`, `VITE_`, `REACT_APP_`, `EXPO_PUBLIC_`,
// `NUXT_PUBLIC_`, `GATSBY_`, `PUBLIC_`) as config, since such values ship to browsers by design;
// `looksLikeSecret` does not, because an unregistered `NEXT_PUBLIC_STRIPE_SECRET_KEY` is more
// likely a secret made public by mistake than configuration.
import type { SecretKind } from './model.js';

export interface KindDecision {
  kind: SecretKind;
  kindSource: 'pattern' | 'default';
}

export type KindClassifier = (names: string[]) => KindDecision;

const ROLE_SUFFIXES = [
  'URL', 'URLS', 'URI', 'URIS', 'ENDPOINT', 'HOST', 'HOSTS', 'PORT', 'PATH', 'FILE', 'DIR', 'REF', 'USER', 'USERNAME', 'ID', 'IDS', 'REGION',
  'HEADER', 'PREFIX', 'TYPE', 'VERSION', 'TTL', 'TIMEOUT', 'EXPIRY', 'EXPIRES_IN', 'LENGTH',
  'LIMIT', 'COUNT', 'SIZE', 'ENABLED', 'DISABLED', 'REQUIRED', 'ALLOWED', 'VALIDATION', 'NAME', 'ARN', 'ALIAS',
];
const ROLE_PREFIXES = ['ENABLE', 'DISABLE', 'USE', 'SKIP', 'IGNORE', 'ALLOW', 'REQUIRE', 'HIDE', 'IS', 'HAS', 'NO', 'MAX', 'MIN'];
const PUBLIC_PREFIXES = ['NEXT_PUBLIC', 'VITE', 'REACT_APP', 'EXPO_PUBLIC', 'NUXT_PUBLIC', 'GATSBY', 'PUBLIC'];
/** Switch words that make the rest of the name what they turn on or off, also after a product prefix (`SERVER_IGNORE_EOS_TOKEN`, `CORS_ALLOW_CREDENTIALS`). */
const INNER_FLAG_WORDS = ['ENABLE', 'DISABLE', 'IGNORE', 'SKIP', 'ALLOW', 'REQUIRE'];
const ROLE_NAME = new RegExp(`^(${ROLE_PREFIXES.join('|')})_|_(${ROLE_SUFFIXES.join('|')})$|_WITHOUT_|_(${INNER_FLAG_WORDS.join('|')})_`);
const PUBLIC_NAME = new RegExp(`^(${PUBLIC_PREFIXES.join('|')})_`);

/** Names that toolchains define to hold a path or a socket (see the header). */
const WELL_KNOWN_NON_SECRETS = new Set(['GOOGLE_APPLICATION_CREDENTIALS', 'SSH_AUTH_SOCK', 'GIT_ASKPASS', 'SSH_ASKPASS', 'SUDO_ASKPASS']);

/** The name's shape says it is configuration about a secret (where, who, whether), not the secret. */
export function isConfigRoleName(name: string): boolean {
  const upper = name.toUpperCase();
  return ROLE_NAME.test(upper) || WELL_KNOWN_NON_SECRETS.has(upper);
}

/** A bundler-public name: its value is compiled into client code. */
export function isPublicName(name: string): boolean {
  return PUBLIC_NAME.test(name.toUpperCase());
}

/** Letters that may follow a secret word inside one word and still leave a secret: a plural, or the name goes on naming one. */
const SECRET_TAILS = ['S', 'KEY', 'KEYS', 'TOKEN', 'SECRET', 'PASSWORD', 'PASS', 'PASSPHRASE', 'PWD', 'CREDENTIAL', 'CREDENTIALS', 'AUTH'];

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** The match `[start, end)` of a secret pattern ends where a word of the name ends, or runs on into a secret tail. */
function endsAWord(name: string, end: number): boolean {
  if (end >= name.length || end === 0 || !isLetter(name.charCodeAt(end - 1)) || !isLetter(name.charCodeAt(end))) return true;
  let wordEnd = end;
  while (wordEnd < name.length && isLetter(name.charCodeAt(wordEnd))) wordEnd++;
  return SECRET_TAILS.includes(name.slice(end, wordEnd).toUpperCase());
}

/** The looks-like-a-secret test: a `secret_patterns` match (ending a word) on a name that is not a config role. */
export function secretNameTest(secretPatterns: string[]): (name: string) => boolean {
  const compiled = secretPatterns.map((p) => new RegExp(p, 'gi'));
  const matchesAWord = (name: string): boolean =>
    compiled.some((re) => {
      re.lastIndex = 0;
      for (let match = re.exec(name); match; match = re.exec(name)) {
        if (endsAWord(name, match.index + match[0].length)) return true;
        // An empty match would not move on by itself.
        if (match[0].length === 0) re.lastIndex++;
      }
      return false;
    });
  return (name) => matchesAWord(name) && !isConfigRoleName(name);
}

/**
 * Decides `kind` for entries whose source does not say. Every name of the entry is tested, not
 * only the canonical one: calling a secret "config" would hide its leaks, so when in doubt the
 * linter errs towards secret.
 */
export function kindClassifier(secretPatterns: string[]): KindClassifier {
  const looksSecret = secretNameTest(secretPatterns);
  return (names) => (names.some((n) => looksSecret(n) && !isPublicName(n)) ? { kind: 'secret', kindSource: 'pattern' } : { kind: 'config', kindSource: 'default' });
}
