// The destination of a TS/JS file write, named as the code names it, for the credential-store
// exception of file-write sinks (src/leak/credential-files.ts says why).
import { lastPathSegment, namesCredentialStore } from './credential-files.js';
import { ts } from './typescript/compiler-api.js';

/**
 * The name that says where a TS/JS path expression points: the last segment of literal text
 * (`'a/b/config.yaml'`, `` `${dir}/auth.json` ``), the last argument of `path.join`/`resolve`, or
 * the name of the variable, property or function that yields it. null when nothing names it.
 */
export function destinationName(node: ts.Expression | undefined, depth = 0): string | null {
  if (!node || depth > 4) return null;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return destinationName(node.expression, depth + 1);
  if (ts.isStringLiteralLike(node)) return lastPathSegment(node.text);
  if (ts.isTemplateExpression(node)) {
    const tail = node.templateSpans[node.templateSpans.length - 1];
    const text = lastPathSegment(tail.literal.text);
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

/** True when a TS/JS file-write destination names the program's own credential or config file. */
export function isCredentialStoreDestination(node: ts.Expression | undefined): boolean {
  const name = destinationName(node);
  return name !== null && namesCredentialStore(name);
}
