// Where an env read spells its name: the token autofix may rename (EnvReadFact.nameRange).
import type { Range } from '../../core/facts.js';
import { rangeOfNode, rangeOfSpan } from './source-range.js';
import { ts, type TS } from './typescript-module.js';

/**
 * The one token inside `at` that spells `name` literally: the `X` of `process.env.X`, the text
 * between the quotes of `process.env['X']` / `Deno.env.get("X")` / `'X' in process.env`, the key
 * of `{ X: local } = process.env`, the shorthand `{ X } = process.env` (flagged: the token also
 * declares the local `X`). Undefined when there is none (the name comes from a constant) or more
 * than one: a rename is offered only where it is certain.
 */
export function envNameRange(sourceFile: TS.SourceFile, at: TS.Node, name: string): { range: Range; shorthand: boolean } | undefined {
  const found: Array<{ range: Range; shorthand: boolean }> = [];
  const visit = (node: TS.Node): void => {
    if (found.length > 1) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && node.name.getText(sourceFile) === name) {
      found.push({ range: rangeOfNode(sourceFile, node.name), shorthand: false });
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === name) {
      const start = node.getStart(sourceFile);
      // Escapes (`'\x41'`) spell the name differently: only a literal written as quote + name + quote.
      if (node.end - start === name.length + 2) found.push({ range: rangeOfSpan(sourceFile, start + 1, node.end - 1), shorthand: false });
    } else if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.propertyName) && node.propertyName.getText(sourceFile) === name) {
      found.push({ range: rangeOfNode(sourceFile, node.propertyName), shorthand: false });
    } else if (ts.isBindingElement(node) && !node.propertyName && !node.dotDotDotToken && ts.isIdentifier(node.name) && node.name.getText(sourceFile) === name) {
      found.push({ range: rangeOfNode(sourceFile, node.name), shorthand: true });
    } else if (ts.isShorthandPropertyAssignment(node) && node.name.getText(sourceFile) === name) {
      found.push({ range: rangeOfNode(sourceFile, node.name), shorthand: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(at);
  return found.length === 1 ? found[0] : undefined;
}
