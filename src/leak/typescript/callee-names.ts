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
export function declaredCalleeNames(
  sourceFiles: Iterable<ts.SourceFile>,
  importsReaching: (sourceFile: ts.SourceFile, specifier: string) => boolean,
  /**
   * Receives the names that can also be called as a member (`a.name()`): methods, properties,
   * members assigned (`exports.name = …`), re-exports and module-level declarations (a namespace
   * import or `require` exposes those). A function or variable local to a function, or an import
   * binding, is callable by its own name only.
   */
  members?: Set<string>,
): Set<string> {
  let current: ts.SourceFile;
  const names = new Set<string>();
  let asMember = false;
  const addName = (name: ts.Node | undefined): void => {
    if (!name) return;
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) {
      names.add(name.text);
      if (asMember) members?.add(name.text);
    } else if (ts.isObjectBindingPattern(name) || ts.isArrayBindingPattern(name)) {
      for (const element of name.elements) if (!ts.isOmittedExpression(element)) addName(element.name);
    }
  };
  const addNamed = (name: ts.Node | undefined, member: boolean): void => {
    asMember = member;
    addName(name);
    asMember = false;
  };
  // Whether the node being visited sits at the top of its module (see atModuleLevel); tracked
  // during the walk, since trees here may have no parent pointers yet.
  let moduleLevel = false;
  const visit = (node: ts.Node): void => {
    switch (node.kind) {
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ClassDeclaration:
        addNamed((node as ts.NamedDeclaration).name, moduleLevel);
        break;
      case ts.SyntaxKind.FunctionExpression:
      case ts.SyntaxKind.ClassExpression:
      case ts.SyntaxKind.ImportEqualsDeclaration:
        addNamed((node as ts.NamedDeclaration).name, false);
        break;
      case ts.SyntaxKind.MethodDeclaration:
      case ts.SyntaxKind.ShorthandPropertyAssignment:
      case ts.SyntaxKind.ExportSpecifier:
        addNamed((node as ts.NamedDeclaration).name, true);
        break;
      case ts.SyntaxKind.PropertyDeclaration:
      case ts.SyntaxKind.PropertyAssignment:
      case ts.SyntaxKind.VariableDeclaration:
      case ts.SyntaxKind.BindingElement: {
        const initializer = (node as ts.VariableDeclaration).initializer;
        const member = node.kind === ts.SyntaxKind.PropertyDeclaration || node.kind === ts.SyntaxKind.PropertyAssignment || moduleLevel;
        if (!initializer || !isNeverCallable(initializer)) addNamed((node as ts.NamedDeclaration).name, member);
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
          if (ts.isPropertyAccessExpression(binary.left)) addNamed(binary.left.name, true);
          else if (ts.isElementAccessExpression(binary.left)) addNamed(binary.left.argumentExpression, true);
        }
        break;
      }
    }
    const outer = moduleLevel;
    ts.forEachChild(node, (child) => {
      moduleLevel = atModuleLevel(node, child, outer);
      visit(child);
    });
    moduleLevel = outer;
  };
  for (const sourceFile of sourceFiles) {
    current = sourceFile;
    visit(sourceFile);
  }
  return names;
}

/**
 * Whether `child` of `parent` is a declaration at the top of its module (`function f`, `export
 * const g = …`, `const { a } = …`), which a namespace import or `require` exposes as a member; not
 * one inside a function, a class, a block or an initializer.
 */
function atModuleLevel(parent: ts.Node, child: ts.Node, parentAtModuleLevel: boolean): boolean {
  if (ts.isSourceFile(parent) || ts.isModuleBlock(parent)) return true;
  if (!parentAtModuleLevel) return false;
  if (ts.isVariableStatement(parent) || ts.isVariableDeclarationList(parent) || ts.isModuleDeclaration(parent)) return true;
  // A variable's name and its binding patterns, not its initializer.
  if (ts.isVariableDeclaration(parent) || ts.isBindingElement(parent)) return child === parent.name;
  return ts.isObjectBindingPattern(parent) || ts.isArrayBindingPattern(parent);
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
