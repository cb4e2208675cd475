// The destination of a TS/JS file write, named as the code names it, for the credential-store
// exception of file-write sinks (src/leak/credential-files.ts says why).
import { lastPathSegment, namesCredentialStore } from './credential-files.js';
import { ts } from './typescript/compiler-api.js';
import { skipOuterExpressions } from './typescript/provenance.js';
import { envMember } from './typescript/sources.js';

/** A destination's name, and whether it is literal text (a file name) rather than a code name. */
interface DestinationName {
  name: string;
  literal: boolean;
}

/**
 * The name that says where a TS/JS path expression points: the last segment of literal text
 * (`'a/b/config.yaml'`, `` `${dir}/auth.json` ``), the last argument of `path.join`/`resolve`, or
 * the name of the variable, property or function that yields it; for a `const` whose initializer
 * names a file (`const out = join(dir, '.env')`), that file. null when nothing names it.
 */
export function destinationName(node: ts.Expression | undefined, checker?: ts.TypeChecker, depth = 0): DestinationName | null {
  if (!node || depth > 4) return null;
  const literal = (text: string): DestinationName | null => (text ? { name: text, literal: true } : null);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return destinationName(node.expression, checker, depth + 1);
  if (ts.isStringLiteralLike(node)) return literal(lastPathSegment(node.text));
  if (ts.isTemplateExpression(node)) {
    const tail = node.templateSpans[node.templateSpans.length - 1];
    return literal(lastPathSegment(tail.literal.text)) ?? destinationName(tail.expression, checker, depth + 1);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return destinationName(node.right, checker, depth + 1);
  if (ts.isIdentifier(node)) {
    // `const configPath = path.join(dir, 'cache.json')`: the file it names wins over what it is called.
    const declaration = checker?.getSymbolAtLocation(node)?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
      const initial = destinationName(declaration.initializer, checker, depth + 1);
      if (initial?.literal) return initial;
    }
    return { name: node.text, literal: false };
  }
  if (ts.isPropertyAccessExpression(node)) return { name: node.name.text, literal: false };
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    // `path.join(dir, 'config.yaml')`, `resolve(home, '.npmrc')`: the last segment names the file.
    if (['join', 'resolve', 'posix', 'win32'].includes(calleeName) && node.arguments.length > 0) {
      return destinationName(node.arguments[node.arguments.length - 1], checker, depth + 1);
    }
    // `getConfigPath()`, `credentialsFile()`: the function says what it returns.
    return calleeName ? { name: calleeName, literal: false } : null;
  }
  return null;
}

/** True when a TS/JS file-write destination names the program's own credential or config file. */
export function isCredentialStoreDestination(node: ts.Expression | undefined, checker?: ts.TypeChecker): boolean {
  const found = destinationName(node, checker);
  if (found !== null && namesCredentialStore(found.name)) return true;
  const path = node ? skipOuterExpressions(node) : undefined;
  return !!path && ts.isIdentifier(path) && handedToCredentialVariable(path);
}

/**
 * `writeFileSync(tempFilePath, JSON.stringify(serviceAccount))` and then
 * `process.env.GOOGLE_APPLICATION_CREDENTIALS = tempFilePath` in the same function: the file is the
 * credential file a library is pointed at (litellm's Vertex tests), as a file named for one is.
 */
function handedToCredentialVariable(file: ts.Identifier): boolean {
  let owner: ts.Node = file;
  while (owner.parent && !ts.isFunctionLike(owner) && !ts.isSourceFile(owner)) owner = owner.parent;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const value = skipOuterExpressions(node.right);
      const variable = envMember(skipOuterExpressions(node.left))?.name;
      if (variable !== undefined && ts.isIdentifier(value) && value.text === file.text && namesCredentialStore(variable)) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(owner);
  return found;
}
