// The two shapes of a CommonJS export statement, shared by the passes that follow exports: the
// one-step helper pass (env-one-step.ts: is a helper exported?) and the exported constants
// (exported-constants.ts: which names does a `require` of the file read?).
import { SyntaxKind, ts, type TS } from './typescript-module.js';

/** A top-level CommonJS export: the whole object (`module.exports = value`) or one member (`module.exports.name = value`, `exports.name = value`). */
export type CommonJsExport = { kind: 'object'; value: TS.Expression } | { kind: 'member'; name: string; value: TS.Expression };

/** The CommonJS export an expression statement makes, or null. */
export function commonJsExportOf(expression: TS.Expression): CommonJsExport | null {
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== SyntaxKind.EqualsToken) return null;
  const target = expression.left;
  if (isModuleExports(target)) return { kind: 'object', value: expression.right };
  const exportsObject = ts.isPropertyAccessExpression(target) && (isModuleExports(target.expression) || (ts.isIdentifier(target.expression) && target.expression.text === 'exports'));
  return exportsObject ? { kind: 'member', name: target.name.text, value: expression.right } : null;
}

function isModuleExports(node: TS.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports';
}
