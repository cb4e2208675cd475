// A loop over the environment's entries that collects values only to mask them out of text: a log
// redactor's `for (const [key, value] of Object.entries(process.env)) if (/KEY/.test(key))
// secrets.push(value)` and later `for (const s of secrets) text = text.replaceAll(s, '***')`. The
// values never leave except as what they replace, so the enumeration exposes nothing
// (EnvEnumerationUse `mask`). The Python twin is src/languages/python/env-masking-loop.ts.
import { SyntaxKind, ts, type TS } from './typescript-module.js';
import { onlyMasks, type MaskUse } from '../../core/masking-uses.js';

const REPLACING_METHODS = new Set(['replace', 'replaceAll']);
const COMPARISONS = new Set([
  SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken,
  SyntaxKind.LessThanToken, SyntaxKind.GreaterThanToken, SyntaxKind.LessThanEqualsToken, SyntaxKind.GreaterThanEqualsToken,
]);

/** `for (const [key, value] of …entries…)` whose `value` is only measured, compared, masked, or pushed to lists that only mask. */
export function isMaskingLoop(loop: TS.ForOfStatement): boolean {
  const value = entryValueName(loop);
  if (!value) return false;
  const scope = enclosingScope(loop);
  return onlyMasks(identifierUses(loop.statement, value), useOf, (list) => onlyMasksWith(scope, list, loop));
}

/** `value` in `for (const [key, value] of …)`. */
function entryValueName(loop: TS.ForOfStatement): string | null {
  const list = loop.initializer;
  if (!ts.isVariableDeclarationList(list) || list.declarations.length !== 1) return null;
  const pattern = list.declarations[0].name;
  if (!ts.isArrayBindingPattern(pattern) || pattern.elements.length !== 2) return null;
  const second = pattern.elements[1];
  return ts.isBindingElement(second) && !second.dotDotDotToken && ts.isIdentifier(second.name) ? second.name.text : null;
}

function useOf(use: TS.Identifier): MaskUse | null {
  const parent = use.parent;
  if (ts.isBinaryExpression(parent) && COMPARISONS.has(parent.operatorToken.kind)) return 'measure';
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken) return 'measure';
  if (isTestedForTruth(use)) return 'measure';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === use && parent.name.text === 'length') return 'measure';
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(use) || !ts.isPropertyAccessExpression(parent.expression)) return null;
  const method = parent.expression.name.text;
  if (REPLACING_METHODS.has(method) && parent.arguments[0] === use && parent.arguments.length === 2 && isPlainString(parent.arguments[1])) return 'mask';
  if (method === 'push' && parent.arguments.length === 1 && ts.isIdentifier(parent.expression.expression)) return { list: parent.expression.expression.text };
  return null;
}

/** `node` is an `if`/`while`/`?:` condition, or an operand of `&&`/`||` chains that are one (`value || ''` as a value is not a test). */
function isTestedForTruth(node: TS.Node): boolean {
  let current = node;
  while (
    ts.isParenthesizedExpression(current.parent) ||
    (ts.isBinaryExpression(current.parent) && (current.parent.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken || current.parent.operatorToken.kind === SyntaxKind.BarBarToken))
  ) {
    current = current.parent;
  }
  const holder = current.parent;
  return ((ts.isIfStatement(holder) || ts.isWhileStatement(holder)) && holder.expression === current) || (ts.isConditionalExpression(holder) && holder.condition === current);
}

/** A replacement that is literal text: the value comes out masked, never copied. */
function isPlainString(node: TS.Expression): boolean {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);
}

/**
 * Every use of `list` in `scope` outside `loop` is its `[]` initialisation, a `.push(…)`, or a
 * `for (const s of list)` loop that uses `s` only to mask (and measure).
 */
function onlyMasksWith(scope: TS.Node, list: string, loop: TS.ForOfStatement): boolean {
  let maskedBy = 0;
  for (const use of identifierUses(scope, list)) {
    const parent = use.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === use && parent.name.text === 'push' && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) continue;
    if (use.pos >= loop.pos && use.end <= loop.end) return false;
    if (ts.isVariableDeclaration(parent) && parent.name === use) {
      if (!parent.initializer || !ts.isArrayLiteralExpression(parent.initializer) || parent.initializer.elements.length > 0) return false;
      continue;
    }
    if (ts.isForOfStatement(parent) && parent.expression === use) {
      const element = singleName(parent.initializer);
      const uses = element ? identifierUses(parent.statement, element) : [];
      if (uses.length === 0 || !uses.every((u) => useOf(u) === 'mask' || useOf(u) === 'measure')) return false;
      maskedBy++;
      continue;
    }
    return false;
  }
  return maskedBy > 0;
}

function singleName(initializer: TS.ForInitializer): string | null {
  if (!ts.isVariableDeclarationList(initializer) || initializer.declarations.length !== 1) return null;
  const name = initializer.declarations[0].name;
  return ts.isIdentifier(name) ? name.text : null;
}

/** Identifiers named `name` under `node` that read it (not a property name after a dot or in a literal). */
function identifierUses(node: TS.Node, name: string): TS.Identifier[] {
  const out: TS.Identifier[] = [];
  const visit = (current: TS.Node): void => {
    if (ts.isIdentifier(current) && current.text === name) {
      const parent = current.parent;
      const isMemberName = (ts.isPropertyAccessExpression(parent) && parent.name === current) || (ts.isPropertyAssignment(parent) && parent.name === current);
      if (!isMemberName) out.push(current);
    }
    ts.forEachChild(current, visit);
  };
  visit(node);
  return out;
}

function enclosingScope(node: TS.Node): TS.Node {
  let current = node;
  while (current.parent && !ts.isFunctionLike(current)) current = current.parent;
  return current;
}
