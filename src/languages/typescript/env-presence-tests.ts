// A `.env` loader's "set it unless it is already set": `if (process.env[key] === undefined)
// process.env[key] = value` (also `!(key in process.env)`, `!process.env[key]`, `typeof ... ===
// 'undefined'`, or a test that skips with `continue` before the write). The test only asks
// whether the variable exists so as to write it; no value is read. Called during the walk, so it
// only looks up from the read (parents are set) and down into the statements it finds (by
// forEachChild, which needs no parents).
import { unwrapTransparent } from './env-objects.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';

/**
 * Whether `read` (an `env[key]` / `env.KEY` access, or the `key in env` expression) is only a
 * presence test whose "absent" branch writes the same variable of the same env object `envObject`.
 */
export function isPresenceTestBeforeWrite(read: TS.Node, envObject: TS.Node, key: TS.Node): boolean {
  const test = presenceTest(read);
  if (!test) return false;
  let condition: TS.Node = test.node;
  // `if (key && env[key] === undefined)`: every operand of `&&` must hold, so an absent-test still guards the write.
  while (test.absentWhenTrue && condition.parent && (ts.isParenthesizedExpression(condition.parent) || isAnd(condition.parent))) condition = condition.parent;
  const statement = condition.parent;
  if (!statement || !ts.isIfStatement(statement) || statement.expression !== condition) return false;
  const writes = (s: TS.Statement | undefined): boolean => !!s && containsWrite(s, envObject, key);
  if (test.absentWhenTrue) return writes(statement.thenStatement);
  if (writes(statement.elseStatement)) return true;
  // `if (env[key] !== undefined) continue; env[key] = value;`
  if (!isJump(statement.thenStatement)) return false;
  const block = statement.parent;
  if (!block || !(ts.isBlock(block) || ts.isSourceFile(block) || ts.isCaseClause(block))) return false;
  const after = block.statements.slice(block.statements.indexOf(statement) + 1);
  return after.some((s) => writes(s));
}

/**
 * Whether `read` (an `env[key]` access) is only coerced to a boolean: `!env[k]`, `Boolean(env[k])`,
 * or the condition of an `if`, a `while`, a `do … while` or a `?:`. For a read whose name is not
 * known (no-dynamic-env-read) no value leaves: chatbot-ui's `isUsingEnvironmentKey(type)`
 * returns `Boolean(process.env[type])`. Comparisons with `undefined` (presenceTest above) are not
 * counted: no-dynamic-env-read/invalid/presence-test-reads-value.js keeps them reads.
 */
export function isPresenceOnly(read: TS.Node): boolean {
  let node = read;
  for (;;) {
    while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))) node = node.parent;
    // `process.env[k]?.trim()`: blank or not is still only whether it is set.
    const trimmed = trimCall(node);
    if (!trimmed) break;
    node = trimmed;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken) return true;
  if (ts.isCallExpression(parent) && parent.arguments.length === 1 && parent.arguments[0] === node && ts.isIdentifier(parent.expression) && parent.expression.text === 'Boolean') return true;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === node) return true;
  return ts.isConditionalExpression(parent) && parent.condition === node;
}

const TRIMS = new Set(['trim', 'trimStart', 'trimEnd']);

/** The call `node.trim()` (also `node?.trim()`) when `node` is its receiver, else null. */
function trimCall(node: TS.Node): TS.CallExpression | null {
  const access = node.parent;
  if (!access || !ts.isPropertyAccessExpression(access) || access.expression !== node || !TRIMS.has(access.name.text)) return null;
  const call = access.parent;
  return call && ts.isCallExpression(call) && call.expression === access && call.arguments.length === 0 ? call : null;
}

interface PresenceTest {
  node: TS.Expression;
  /** The test is true when the variable is absent. */
  absentWhenTrue: boolean;
}

function presenceTest(read: TS.Node): PresenceTest | null {
  let node = climbParentheses(read);
  let parent = node.parent;
  if (ts.isBinaryExpression(read) && read.operatorToken.kind === SyntaxKind.InKeyword) return negated(node as TS.Expression, false);
  if (parent && ts.isTypeOfExpression(parent)) {
    node = climbParentheses(parent);
    parent = node.parent;
    if (!parent || !ts.isBinaryExpression(parent) || !isEquality(parent.operatorToken.kind)) return null;
    const other = parent.left === node ? parent.right : parent.left;
    if (!ts.isStringLiteralLike(other) || other.text !== 'undefined') return null;
    return negated(parent, isPositiveEquality(parent.operatorToken.kind));
  }
  if (parent && ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken) return { node: parent, absentWhenTrue: true };
  if (parent && ts.isBinaryExpression(parent) && isEquality(parent.operatorToken.kind)) {
    const other = unwrapTransparent(parent.left === node ? parent.right : parent.left);
    if (!isNothing(other)) return null;
    return negated(parent, isPositiveEquality(parent.operatorToken.kind));
  }
  return null;
}

/** `!(test)` flips the meaning of a test. */
function negated(test: TS.Expression, absentWhenTrue: boolean): PresenceTest {
  const outer = climbParentheses(test);
  const parent = outer.parent;
  if (parent && ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken) return { node: parent, absentWhenTrue: !absentWhenTrue };
  return { node: test, absentWhenTrue };
}

function climbParentheses(node: TS.Node): TS.Node {
  let current = node;
  while (current.parent && ts.isParenthesizedExpression(current.parent)) current = current.parent;
  return current;
}

function isAnd(node: TS.Node): boolean {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.AmpersandAmpersandToken;
}

function isEquality(kind: TS.SyntaxKind): boolean {
  return kind === SyntaxKind.EqualsEqualsEqualsToken || kind === SyntaxKind.EqualsEqualsToken || kind === SyntaxKind.ExclamationEqualsEqualsToken || kind === SyntaxKind.ExclamationEqualsToken;
}

function isPositiveEquality(kind: TS.SyntaxKind): boolean {
  return kind === SyntaxKind.EqualsEqualsEqualsToken || kind === SyntaxKind.EqualsEqualsToken;
}

/** `undefined`, `null`, `void 0`. */
function isNothing(node: TS.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'undefined';
  return node.kind === SyntaxKind.NullKeyword || ts.isVoidExpression(node);
}

/** `continue;`, `return;`, `break;` (alone or as the only statement of a block). */
function isJump(statement: TS.Statement): boolean {
  const only = ts.isBlock(statement) ? (statement.statements.length === 1 ? statement.statements[0] : undefined) : statement;
  return !!only && (ts.isContinueStatement(only) || ts.isReturnStatement(only) || ts.isBreakStatement(only));
}

/** Somewhere in `root`: `<envObject>[<key>] = ...` (or `.KEY = ...` for a name key). */
function containsWrite(root: TS.Node, envObject: TS.Node, key: TS.Node): boolean {
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken) {
      const target = unwrapTransparent(node.left);
      if (ts.isElementAccessExpression(target) && sameExpression(target.expression, envObject) && sameExpression(target.argumentExpression, key)) found = true;
      else if (ts.isPropertyAccessExpression(target) && sameExpression(target.expression, envObject) && ts.isIdentifier(key) && target.name.text === key.text) found = true;
      if (found) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}

/** The same simple expression (names, property chains, literals), not the same value in general. */
function sameExpression(a: TS.Node, b: TS.Node): boolean {
  const x = ts.isParenthesizedExpression(a) ? unwrapTransparent(a) : a;
  const y = ts.isParenthesizedExpression(b) ? unwrapTransparent(b) : b;
  if (x.kind !== y.kind) return false;
  if (ts.isIdentifier(x) || ts.isPrivateIdentifier(x)) return x.text === (y as TS.Identifier).text;
  if (ts.isStringLiteralLike(x) || ts.isNumericLiteral(x)) return x.text === (y as TS.StringLiteral).text;
  if (x.kind === SyntaxKind.ThisKeyword) return true;
  if (ts.isPropertyAccessExpression(x)) {
    const other = y as TS.PropertyAccessExpression;
    return x.name.text === other.name.text && sameExpression(x.expression, other.expression);
  }
  if (ts.isElementAccessExpression(x)) {
    const other = y as TS.ElementAccessExpression;
    return sameExpression(x.expression, other.expression) && sameExpression(x.argumentExpression, other.argumentExpression);
  }
  return false;
}
