// A read whose value is only tested for being set: `Boolean(process.env[name])`, `!!env[name]`,
// `!process.env[key]`, or the condition of an `if`, a `while`, a `do … while` or a `?:`. For a read
// whose name is not known (no-dynamic-env-read) it exposes nothing but whether some variable is
// set: chatbot-ui's `isUsingEnvironmentKey(type)` returns `Boolean(process.env[type])`.
import { SyntaxKind, ts, type TS } from './typescript-module.js';

export function isPresenceOnly(read: TS.Node): boolean {
  let node = read;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken) return true;
  if (ts.isCallExpression(parent) && parent.arguments.length === 1 && parent.arguments[0] === node && ts.isIdentifier(parent.expression) && parent.expression.text === 'Boolean') return true;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent) || ts.isDoStatement(parent)) && parent.expression === node) return true;
  return ts.isConditionalExpression(parent) && parent.condition === node;
}
