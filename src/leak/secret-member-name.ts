// Does a member name (a dict key, a property) say it holds a credential? Used where the analysis
// knows a container holds a secret under some key it cannot see (`kwargs[k] = get_secret(v)` in a
// loop): a read of a literal key picks that secret only when the key names one (`api_key`,
// `master_key`, `Authorization`), not `caching` or `model_name`, which are the container's other
// settings. The words are broader than the env-name `secret_patterns` because a member is named
// by its role inside its object (`key`, `auth`), without the vendor prefix an env name has.
import { isConfigRoleName } from '../registry/classify.js';
import { nameWords } from './credential-files.js';

const SECRET_WORDS = new Set([
  'key', 'keys', 'apikey', 'token', 'tokens', 'secret', 'secrets', 'password', 'passwd', 'pwd', 'pass', 'passphrase',
  'credential', 'credentials', 'creds', 'auth', 'authorization', 'bearer', 'cookie', 'cookies', 'dsn', 'signature', 'private',
]);

export function namesSecretMember(name: string): boolean {
  const words = nameWords(name);
  return !isConfigRoleName(words.join('_')) && words.some((word) => SECRET_WORDS.has(word));
}

/**
 * Words a document's non-secret members end with beyond the env-name roles: `client_email`,
 * `project_name`, an AWS `role_arn`, a timestamp (`expires_at`, `created_at`), OAuth `scope(s)` and `response_mode`.
 */
const DOCUMENT_ROLE = /(^|_)(email|name|arn|at|scopes?|mode)$/i;

/**
 * Request parameters a user configures on a credential (`additionalParameters`, `extra_params`:
 * an OAuth authorization URL's `prompt=consent`), front-channel by design. Unlike the roles above
 * they may be named for what they carry (`auth_params`, `secret_parameters`): those stay secret.
 */
const PARAMETER_ROLE = /(^|_)(parameters|params)$/i;

/**
 * A member of a credential document (a parsed service-account JSON, an OAuth client registration)
 * whose name says it identifies or locates: `client_id`, `token_uri`, `client_email`, `tokenUrl`.
 * Shared by the TS, Python and Rust leak analyses.
 */
export function namesDocumentRole(name: string): boolean {
  const words = nameWords(name);
  const snake = words.join('_');
  return isConfigRoleName(snake) || DOCUMENT_ROLE.test(snake) || (PARAMETER_ROLE.test(snake) && !words.some((word) => SECRET_WORDS.has(word)));
}
