// `${!var}` reads the variable whose name `var` holds. Inside a loop over constant names
// (`for var in API_KEY DB_URL`, or `for var in "${required[@]}"` with `required=(API_KEY DB_URL)`
// assigned once in the script: the usual "fail early when a required variable is unset" check),
// the names read are those constants, not an unknown name. Anything else (a name computed, read,
// or an array assigned more than once) stays unknown.
import type { Node } from 'web-tree-sitter';
import { literalText } from './literal-text.js';

/** The constant names `${!variable}` at `expansion` reads, or null when they are not all known. */
export function indirectNames(expansion: Node, variable: string): string[] | null {
  for (let node = expansion.parent; node; node = node.parent) {
    if (node.type !== 'for_statement' || node.childForFieldName('variable')?.text !== variable) continue;
    const names: string[] = [];
    for (const value of node.childrenForFieldName('value')) {
      const word = literalText(value);
      const listed = word ?? literalArrayOf(value);
      if (listed === null) return null;
      names.push(...(typeof listed === 'string' ? [listed] : listed));
    }
    return names.length > 0 ? names : null;
  }
  return null;
}

/** `"${list[@]}"` (or `${list[*]}`) of an array assigned a literal list exactly once in the script. */
function literalArrayOf(value: Node): string[] | null {
  const expansion = value.type === 'string' && value.namedChildren.length === 1 ? value.namedChildren[0] : value;
  if (expansion.type !== 'expansion') return null;
  const subscript = expansion.namedChildren.length === 1 ? expansion.namedChildren[0] : null;
  const index = subscript?.childForFieldName('index')?.text;
  const array = subscript?.type === 'subscript' ? subscript.childForFieldName('name')?.text : undefined;
  if (!array || (index !== '@' && index !== '*')) return null;
  const assignments: Node[] = [];
  collectAssignments(rootOf(value), array, assignments);
  if (assignments.length !== 1) return null;
  const list = assignments[0].childForFieldName('value');
  if (list?.type !== 'array') return null;
  const names: string[] = [];
  for (const element of list.namedChildren) {
    const text = literalText(element);
    if (text === null) return null;
    names.push(text);
  }
  return names;
}

function rootOf(node: Node): Node {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

/** Every `name=…` and `name+=…` in the script (an append makes the list unknown: it is counted too). */
function collectAssignments(node: Node, name: string, out: Node[]): void {
  if (node.type === 'variable_assignment' && node.childForFieldName('name')?.text === name) out.push(node);
  for (const child of node.namedChildren) collectAssignments(child, name, out);
}
