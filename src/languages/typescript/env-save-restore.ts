// A read that only saves a variable to put it back: `const previous = process.env[name];
// process.env[name] = value; … process.env[name] = previous` (a temporary override around a
// server start, a scenario run). The saved value goes nowhere but back into the same variable,
// or is only compared with `undefined` to know whether to delete it: nothing is exposed, in test
// code or not. Decided from the syntax around one read, before any rule runs.
import { SyntaxKind, ts, type TS } from './typescript-module.js';
import { isProcessEnv } from './env-enumerations.js';

/** `read` is `process.env[key]` / `process.env.KEY` held in a `const` used only to restore that same variable. */
export function isSavedForRestore(read: TS.Node, sourceFile: TS.SourceFile): boolean {
  const key = keyText(read, sourceFile);
  if (key === null) return false;
  let holder: TS.Node = read;
  while (holder.parent && (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent))) holder = holder.parent;
  const declaration = holder.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== holder || !ts.isIdentifier(declaration.name)) return false;
  if (!declaration.parent || !(declaration.parent.flags & ts.NodeFlags.Const)) return false;
  const variable = declaration.name.text;
  const scope = enclosingScope(declaration);
  let restores = 0;
  let other = false;
  const visit = (node: TS.Node): void => {
    if (other) return;
    if (ts.isIdentifier(node) && node.text === variable && node !== declaration.name) {
      const use = useOf(node, key, sourceFile);
      if (use === 'restore') restores++;
      else if (use === 'other') other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return restores > 0 && !other;
}

/** The key as written (`name`, `'X'`, `X` of `process.env.X`), to compare with the restoring write's. */
function keyText(access: TS.Node, sourceFile: TS.SourceFile): string | null {
  if (ts.isElementAccessExpression(access) && isProcessEnv(access.expression)) return access.argumentExpression.getText(sourceFile);
  if (ts.isPropertyAccessExpression(access) && isProcessEnv(access.expression)) return JSON.stringify(access.name.text);
  return null;
}

function enclosingScope(node: TS.Node): TS.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** One mention of the saved value: written back to the same variable, only tested, or anything else. */
function useOf(identifier: TS.Identifier, key: string, sourceFile: TS.SourceFile): 'restore' | 'test' | 'other' {
  let node: TS.Node = identifier;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!parent) return 'other';
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (operator === SyntaxKind.EqualsToken && parent.right === node && keyText(parent.left, sourceFile) === key) return 'restore';
    const equality = operator === SyntaxKind.EqualsEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.EqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken;
    const other = parent.left === node ? parent.right : parent.left;
    if (equality && isNothing(other)) return 'test';
    return 'other';
  }
  if (ts.isTypeOfExpression(parent) || (ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken)) return 'test';
  if ((ts.isIfStatement(parent) && parent.expression === node) || (ts.isConditionalExpression(parent) && parent.condition === node)) return 'test';
  return 'other';
}

function isNothing(node: TS.Node): boolean {
  return (ts.isIdentifier(node) && node.text === 'undefined') || node.kind === SyntaxKind.NullKeyword || ts.isVoidExpression(node);
}
