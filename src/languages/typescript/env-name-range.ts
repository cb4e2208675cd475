// Where an env read spells its name: the token autofix may rename (EnvReadFact.nameRange).
import type { Range } from '../../core/facts.js';
import { rangeOfNode, rangeOfSpan } from './source-range.js';
import { ts, type TS } from './typescript-module.js';

/**
 * The one token inside `at` that spells `name` literally: the `X` of `process.env.X`, the text
 * between the quotes of `process.env['X']` / `Deno.env.get("X")` / `'X' in process.env`, the key
 * of `{ X: local } = process.env`. Undefined when there is none (the name comes from a constant)
 * or more than one: a rename is offered only where it is certain. A shorthand `{ X } = process.env`
 * is never a candidate: renaming it would rename the local variable as well.
 */
export function envNameRange(sourceFile: TS.SourceFile, at: TS.Node, name: string): Range | undefined {
  const found: Range[] = [];
  const visit = (node: TS.Node): void => {
    if (found.length > 1) return;
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name) && node.name.getText(sourceFile) === name) {
      found.push(rangeOfNode(sourceFile, node.name));
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === name) {
      const start = node.getStart(sourceFile);
      // Escapes (`'\x41'`) spell the name differently: only a literal written as quote + name + quote.
      if (node.end - start === name.length + 2) found.push(rangeOfSpan(sourceFile, start + 1, node.end - 1));
    } else if (ts.isBindingElement(node) && node.propertyName && ts.isIdentifier(node.propertyName) && node.propertyName.getText(sourceFile) === name) {
      found.push(rangeOfNode(sourceFile, node.propertyName));
    }
    ts.forEachChild(node, visit);
  };
  visit(at);
  return found.length === 1 ? found[0] : undefined;
}
