// Where a file write puts a credential. A program that writes a key into its own credential or
// config file (`config.yaml` with `apiKey:`, `.env`, `credentials.json`, `~/.npmrc`) stores the key
// where it is meant to live: the CLI login flow, an onboarding step, a test that writes the config
// the program under test reads. That is not a leak. The same key written into a cache, a log, a
// dump or any other file is stored in clear text where nobody expects it, and stays reported
// (`no-secret-serialization`). The destination is judged by its file name (the last segment of a
// literal path, `path.join(dir, 'smoke-config.yaml')`) or, when the path is a variable, by the name
// the code gives it (`configPath`, `ctx.credentialsFile`). A name we cannot see stays reported.
import { ts } from './typescript/compiler-api.js';

/** Words that make a file name a credential or config store. */
const STORE_WORDS = new Set([
  'config', 'configs', 'configuration', 'conf', 'cfg', 'settings', 'credential', 'credentials', 'creds', 'cred',
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
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** True when a file name (or the name of a variable holding a path) names a credential or config store. */
export function namesCredentialStore(name: string): boolean {
  const parts = words(name).filter((word) => !NEUTRAL_EXTENSIONS.has(word));
  if (parts.some((word) => OTHER_WORDS.has(word))) return false;
  return parts.some((word) => STORE_WORDS.has(word));
}

/**
 * The name that says where a TS/JS path expression points: the last segment of literal text
 * (`'a/b/config.yaml'`, `` `${dir}/auth.json` ``), the last argument of `path.join`/`resolve`, or
 * the name of the variable, property or function that yields it. null when nothing names it.
 */
export function destinationName(node: ts.Expression | undefined, depth = 0): string | null {
  if (!node || depth > 4) return null;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return destinationName(node.expression, depth + 1);
  if (ts.isStringLiteralLike(node)) return lastSegment(node.text);
  if (ts.isTemplateExpression(node)) {
    const tail = node.templateSpans[node.templateSpans.length - 1];
    const text = lastSegment(tail.literal.text);
    return text || destinationName(tail.expression, depth + 1);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return destinationName(node.right, depth + 1);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    // `path.join(dir, 'config.yaml')`, `resolve(home, '.npmrc')`: the last segment names the file.
    if (['join', 'resolve', 'posix', 'win32'].includes(calleeName) && node.arguments.length > 0) {
      return destinationName(node.arguments[node.arguments.length - 1], depth + 1);
    }
    // `getConfigPath()`, `credentialsFile()`: the function says what it returns.
    return calleeName || null;
  }
  return null;
}

function lastSegment(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const index = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return trimmed.slice(index + 1);
}

/** True when a TS/JS file-write destination names the program's own credential or config file. */
export function isCredentialStoreDestination(node: ts.Expression | undefined): boolean {
  const name = destinationName(node);
  return name !== null && namesCredentialStore(name);
}
