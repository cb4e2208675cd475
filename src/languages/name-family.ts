// What the three front ends share in reading a computed env name's family (EnvReadFact.nameParts):
// the constant text at the start and end of a name built by concatenation. Each front end finds
// the operands in its own syntax (typescript/, python/ and rust/env-name-family.ts).
import type { Node } from 'web-tree-sitter';
import type { NameParts } from '../core/facts.js';

/** The parts when they hold any text (a family), else null. */
export function withText(parts: NameParts | null): NameParts | null {
  return parts && (parts.prefix !== '' || parts.suffix !== '') ? parts : null;
}

/**
 * The constant operands of a concatenation before its first computed one, and after its last;
 * null when every operand is constant (the name is a constant, which the caller resolves).
 */
export function partsAroundComputed(operands: ReadonlyArray<string | null>): NameParts | null {
  const first = operands.indexOf(null);
  if (first < 0) return null;
  const last = operands.lastIndexOf(null);
  return { prefix: operands.slice(0, first).join(''), suffix: operands.slice(last + 1).join('') };
}

/** The operands of a tree-sitter `+` chain (`a + b + c`, left-nested), left to right; `binaryType`: the grammar's binary node. */
export function plusOperands(node: Node, binaryType: string): Node[] {
  const operands: Node[] = [];
  const flatten = (current: Node): void => {
    if (current.type === binaryType && current.childForFieldName('operator')?.text === '+') {
      const left = current.childForFieldName('left');
      const right = current.childForFieldName('right');
      if (left) flatten(left);
      if (right) flatten(right);
    } else operands.push(current);
  };
  flatten(node);
  return operands;
}
