// Which parts of a parsed URL (`new URL(secretUrl)`) can hold the credential. A URL keeps a
// secret in its userinfo (`postgres://user:pass@host/db`), its query (`?key=…`) or its path
// (`https://hooks.slack.com/services/T0/B0/XXXX`, `/bot<token>/`); never in its scheme, host or
// port. A connection URL of a database, cache or broker keeps it in the userinfo only: its path
// is the database name.
import { ts } from './compiler-api.js';
import { skipOuterExpressions } from './provenance.js';

/** Members of a URL object that are never the credential. */
const LOCATION_MEMBERS = new Set(['protocol', 'host', 'hostname', 'port', 'origin']);

/**
 * Env names of connection URLs (`DATABASE_URL`, `POSTGRES_PRISMA_URL`, `REDIS_URI`,
 * `MONGODB_CONNECTION_STRING`, `AMQP_URL`): a store's name, then a URL/URI/DSN/connection-string role.
 */
const CONNECTION_URL_NAME =
  /(^|_)(DATABASE|DB|POSTGRES|POSTGRESQL|PG|MYSQL|MARIADB|MONGO|MONGODB|REDIS|VALKEY|AMQP|RABBITMQ|CLICKHOUSE)(_[A-Z0-9]+)*_(URL|URI|DSN|CONNECTION_STRING)$|(^|_)CONNECTION_(STRING|URL|URI)$/;

/**
 * Is the value of `node` a WHATWG URL object: `new URL(…)`, a variable initialised with one, or a
 * value the checker types as `URL` (lib types may be absent: the syntax is asked first).
 */
export function isUrlObject(node: ts.Expression, checker: ts.TypeChecker): boolean {
  const expr = skipOuterExpressions(node) as ts.Expression;
  if (isNewUrl(expr)) return true;
  try {
    if (ts.isIdentifier(expr)) {
      const declaration = checker.getSymbolAtLocation(expr)?.valueDeclaration;
      if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && isNewUrl(skipOuterExpressions(declaration.initializer) as ts.Expression)) return true;
    }
    const type = checker.getTypeAtLocation(expr);
    return (type.getSymbol() ?? type.aliasSymbol)?.getName() === 'URL';
  } catch {
    return false;
  }
}

function isNewUrl(expr: ts.Expression): boolean {
  return ts.isNewExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === 'URL';
}

/**
 * Is member `name` of a URL object parsed from the secret named `envName` (null: unknown, a
 * parameter) free of the credential?
 */
export function isCredentialFreeUrlPart(name: string, envName: string | null): boolean {
  if (LOCATION_MEMBERS.has(name)) return true;
  return name === 'pathname' && envName !== null && CONNECTION_URL_NAME.test(envName);
}
