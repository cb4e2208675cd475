// Where a file write puts a credential. A program that writes a key into its own credential or
// config file (`config.yaml` with `apiKey:`, `.env`, `credentials.json`, `~/.npmrc`) stores the key
// where it is meant to live: the CLI login flow, an onboarding step, a test that writes the config
// the program under test reads. That is not a leak. The same key written into a cache, a log, a
// dump or any other file is stored in clear text where nobody expects it, and stays reported
// (`no-secret-serialization`). The destination is judged by its file name (the last segment of a
// literal path, `path.join(dir, 'smoke-config.yaml')`) or, when the path is a variable, by the name
// the code gives it (`configPath`, `ctx.credentialsFile`). A name we cannot see stays reported.
// Language-neutral: each front end finds the name (src/leak/ts-credential-destination.ts for TS/JS,
// src/languages/python/file-destination.ts for Python).

/**
 * Words that make a file name a credential or config store. Not `settings`: a dump of a settings
 * object (`settings.yaml` written from pydantic settings read from the environment) copies the
 * secret out of where it lives.
 */
const STORE_WORDS = new Set([
  'config', 'configs', 'configuration', 'conf', 'credential', 'credentials', 'creds', 'cred',
  'auth', 'secret', 'secrets', 'token', 'tokens', 'keyring', 'keychain', 'env', 'dotenv', 'npmrc', 'netrc',
  'pypirc', 'pgpass', 'yarnrc', 'kubeconfig', 'dockercfg', 'apikey', 'key', 'keys',
]);
/** Words that make a file something else, whatever else it is called (`config-cache.json`, `auth.log`). */
const OTHER_WORDS = new Set([
  'cache', 'cached', 'log', 'logs', 'dump', 'debug', 'trace', 'traces', 'history', 'report', 'reports', 'output',
  'out', 'export', 'exports', 'backup', 'snapshot', 'telemetry', 'metrics', 'events', 'analytics', 'tmp', 'temp',
]);
/** File name extensions that say nothing about the file's role. */
const NEUTRAL_EXTENSIONS = new Set(['json', 'yaml', 'yml', 'toml', 'ini', 'txt', 'js', 'ts', 'mjs', 'cjs', 'xml', 'properties']);

/** Splits `smoke-config.yaml`, `configPath`, `CREDENTIALS_FILE`, `.env.local` into lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/**
 * True when a file name (or the name of a variable holding a path) names a credential or config
 * store. "service account" names one too: the key file of a cloud service account (`GCS_PATH_SERVICE_ACCOUNT`).
 */
export function namesCredentialStore(name: string): boolean {
  const parts = nameWords(name).filter((word) => !NEUTRAL_EXTENSIONS.has(word));
  if (parts.some((word) => OTHER_WORDS.has(word))) return false;
  return parts.some((word, index) => STORE_WORDS.has(word) || STORE_WORDS.has(compoundStem(word)) || (word === 'service' && parts[index + 1] === 'account'));
}

/** `keyfile`, `tokenfile`, `keystore`, `credstore`: one word made of a store word and `file`/`store` (goose's `keyfile_path`). */
function compoundStem(word: string): string {
  const match = /^([a-z]+?)(file|store)$/.exec(word);
  return match ? match[1]! : '';
}

/** The last segment of a literal path (`a/b/config.yaml` -> `config.yaml`). */
export function lastPathSegment(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const index = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return trimmed.slice(index + 1);
}
