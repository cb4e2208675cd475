// Where literal text sits in a shell script, so output can mask a value by position
// (core/value-literals.ts). Literal pieces are words, raw strings and the text parts of double
// quoted strings; `$X`, `${X}` and `$(...)` are not literals (the command inside `$(...)` is
// visited on its own). A piece is bound to a name in `X=…`, `export X=…`, `X=… cmd` and in the
// default of `${X:-…}` / `${X:=…}`; command arguments are literals bound to nothing. Which names
// are secret, and where unbound literals are masked, is not decided here.
import type { Node } from 'web-tree-sitter';

const LEAF_LITERALS = new Set(['word', 'raw_string', 'string_content', 'number', 'ansi_c_string']);
const CONTAINERS = new Set(['concatenation', 'string', 'translated_string']);

/** The literal leaves of a shell value, left to right. */
export function literalPieces(node: Node | null): Node[] {
  if (!node) return [];
  const out: Node[] = [];
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (LEAF_LITERALS.has(current.type)) {
      out.push(current);
    } else if (CONTAINERS.has(current.type)) {
      const children = current.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return out;
}

export interface BoundPiece {
  node: Node;
  name: string | null;
}

/** `X=…`: the value's literal pieces, bound to X. */
export function assignmentPieces(assignment: Node): BoundPiece[] {
  const name = assignment.childForFieldName('name')?.text ?? null;
  return literalPieces(assignment.childForFieldName('value')).map((node) => ({ node, name }));
}

const DEFAULT_OPERATORS = new Set([':-', '-', ':=', '=', ':+', '+', ':?', '?']);

/** `${X:-…}`: the default's literal pieces, bound to X. */
export function expansionDefaultPieces(expansion: Node): BoundPiece[] {
  const children = expansion.children;
  const nameIndex = children.findIndex((c) => c.type === 'variable_name');
  const operator = children[nameIndex + 1];
  if (nameIndex < 0 || !operator || !DEFAULT_OPERATORS.has(operator.type)) return [];
  const name = children[nameIndex].text;
  return children.slice(nameIndex + 2).flatMap((child) => literalPieces(child)).map((node) => ({ node, name }));
}

/** A command's arguments (not its name, not its `X=…` prefixes): literal pieces bound to nothing. */
export function argumentPieces(command: Node): BoundPiece[] {
  return command.childrenForFieldName('argument').flatMap((arg) => literalPieces(arg)).map((node) => ({ node, name: null }));
}
