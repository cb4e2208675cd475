// Demand-driven callee lookup. Resolving a call's callee asks the type checker (the costly part of
// the whole analysis), and a call matters to the taint walk only when a tainted value is passed to
// it, or when its callee can return a secret by itself (`getKey()` returning `resolveSecret(..)`).
// A function can return a secret only if its file names a source or imports something that can
// carry one, directly or through other project files ("source-reaching" files, carrier-reaching.ts). So the names declared in those
// files are the only callee names worth resolving for a call without tainted arguments; calls of
// anything else (`res.json()`, `z.object()`, `useState()`, a helper in an unrelated module) are
// left alone. Names are an over-approximation: any function, method, class, variable or property
// that may hold a function, and the local names of imports from source-reaching modules. Plain
// parameters are left out: a callee that is a parameter resolves to its declared function type,
// which has no body to summarise.
import { ts } from './compiler-api.js';

/**
 * Every name under which something declared in `sourceFiles` can be called. `importsReaching`
 * tells whether an import specifier of a file leads to a source-reaching module: names imported
 * from anything else (`expect` from vitest, `log` from an unrelated helper) cannot return a secret.
 */
export function declaredCalleeNames(sourceFiles: Iterable<ts.SourceFile>, importsReaching: (sourceFile: ts.SourceFile, specifier: string) => boolean): Set<string> {
  let current: ts.SourceFile;
  const names = new Set<string>();
  const addName = (name: ts.Node | undefined): void => {
    if (!name) return;
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) names.add(name.text);
    else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements) if (!ts.isOmittedExpression(element)) addName(element.name);
    }
  };
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.ClassExpression:
      case ts.SyntaxKind.MethodDeclaration:
      case ts.SyntaxKind.ShorthandPropertyAssignment:
      case ts.SyntaxKind.ExportSpecifier:
      case ts.SyntaxKind.ImportEqualsDeclaration:
        addName((node as ts.NamedDeclaration).name);
        break;
      case ts.SyntaxKind.PropertyDeclaration:
      case ts.SyntaxKind.PropertyAssignment:
      case ts.SyntaxKind.VariableDeclaration:
      case ts.SyntaxKind.BindingElement: {
        const initializer = (node as ts.VariableDeclaration).initializer;
        if (!initializer || !isNeverCallable(initializer)) addName((node as ts.NamedDeclaration).name);
        break;
      }
      case ts.SyntaxKind.ImportDeclaration: {
        const declaration = node as ts.ImportDeclaration;
        const clause = declaration.importClause;
        if (!clause || clause.isTypeOnly || !ts.isStringLiteralLike(declaration.moduleSpecifier)) break;
        if (!importsReaching(current, declaration.moduleSpecifier.text)) break;
        addName(clause.name);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) addName(bindings.name);
        else if (bindings) for (const element of bindings.elements) if (!element.isTypeOnly) addName(element.name);
        return; // nothing below an import declaration is a declaration of its own
      }
      case ts.SyntaxKind.BinaryExpression: {
        // `exports.getKey = …`, `obj.getKey = …`, `Client.prototype.getKey = …`
        const binary = node as ts.BinaryExpression;
        if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          if (ts.isPropertyAccessExpression(binary.left)) names.add(binary.left.name.text);
          else if (ts.isElementAccessExpression(binary.left)) addName(binary.left.argumentExpression);
        }
        break;
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const sourceFile of sourceFiles) {
    current = sourceFile;
    visit(sourceFile);
  }
  return names;
}

/** Literals and instances: a variable or property initialised with one is never called. */
function isNeverCallable(initializer: ts.Expression): boolean {
  switch (initializer.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.ObjectLiteralExpression:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.NewExpression:
      return true;
    default:
      return false;
  }
}
