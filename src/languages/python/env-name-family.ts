// The constant text at the start and end of a computed env name (EnvReadFact.nameParts), as the
// TypeScript front end reads it (src/languages/typescript/env-name-family.ts):
// `os.environ[f"FLAG_{name}"]` (also `f"{PREFIX}_{name}"` with a constant PREFIX), `"FLAG_" + name`,
// `"FLAG_{}".format(name)`, `.upper()` of any of them, a name assigned once from one, or what a
// function of this module returns
// (`os.getenv(flag_var(n))` with `def flag_var(n): return f"FLAG_{n.upper()}"`).
import type { Node } from 'web-tree-sitter';
import type { ModuleScope } from './module-scope.js';
import { fieldOf, literalStringText, stringPrefix } from './python-syntax.js';
import type { NameParts } from '../../core/facts.js';
import { partsAroundComputed, plusOperands, withText } from '../name-family.js';

/** Hops through names and functions: a family is written next to its read, not far away. */
const MAX_HOPS = 3;

/** The constant prefix and suffix of a name the front end could not resolve to a constant; null when it has neither. */
export function namePartsOf(node: Node | null, scope: ModuleScope): NameParts | null {
  return withText(partsOf(node, scope, 0, false));
}

/** `literalOnly`: inside a function reached through a call, where a name may be a parameter shadowing a constant. */
function partsOf(node: Node | null, scope: ModuleScope, hops: number, literalOnly: boolean): NameParts | null {
  if (!node) return null;
  switch (node.type) {
    case 'string':
      return stringPrefix(node).includes('f') ? interpolatedParts(node, scope, literalOnly) : null;
    case 'binary_operator':
      return concatenationParts(node, scope, literalOnly);
    case 'parenthesized_expression':
      return partsOf(node.namedChildren[0] ?? null, scope, hops, literalOnly);
    case 'call':
      return callParts(node, scope, hops, literalOnly);
    case 'identifier': {
      if (literalOnly || hops >= MAX_HOPS) return null;
      return partsOf(scope.valueNodeOf(node), scope, hops + 1, false);
    }
    default:
      return null;
  }
}

/**
 * An f-string: its text before the first computed `{…}` and after the last; an interpolation of a
 * constant without conversion or format spec (`{PREFIX}`) is text like the rest.
 */
function interpolatedParts(node: Node, scope: ModuleScope, literalOnly: boolean): NameParts | null {
  const pieces: Array<string | null> = [];
  for (const piece of node.namedChildren) {
    if (piece.type === 'string_content' || piece.type === 'escape_sequence') pieces.push(piece.text);
    else if (piece.type === 'interpolation') {
      const plain = !fieldOf(piece, 'type_conversion') && !fieldOf(piece, 'format_specifier');
      pieces.push(plain && !literalOnly ? scope.constString(fieldOf(piece, 'expression')) : null);
    }
  }
  return partsAroundComputed(pieces);
}

/** `"FLAG_" + name + "_ON"`: the constant operands before the first computed one, and after the last. */
function concatenationParts(node: Node, scope: ModuleScope, literalOnly: boolean): NameParts | null {
  if (node.childForFieldName('operator')?.text !== '+') return null;
  return partsAroundComputed(plusOperands(node, 'binary_operator').map((operand) => (literalOnly ? literalStringText(operand) : scope.constString(operand))));
}

const CASE_CHANGES: Record<string, (text: string) => string> = {
  upper: (text) => text.toUpperCase(),
  lower: (text) => text.toLowerCase(),
};

/** `x.upper()` of a family, `"FLAG_{}".format(n)`, or a call of a function of this module that returns a family. */
function callParts(call: Node, scope: ModuleScope, hops: number, literalOnly: boolean): NameParts | null {
  const callee = fieldOf(call, 'function');
  const args = fieldOf(call, 'arguments');
  if (!callee || !args) return null;
  if (callee.type === 'attribute') {
    const method = fieldOf(callee, 'attribute')?.text ?? '';
    const object = fieldOf(callee, 'object');
    if (Object.prototype.hasOwnProperty.call(CASE_CHANGES, method) && args.namedChildren.length === 0) {
      const inner = partsOf(object, scope, hops, literalOnly);
      return inner ? { prefix: CASE_CHANGES[method](inner.prefix), suffix: CASE_CHANGES[method](inner.suffix) } : null;
    }
    if (method === 'format' && object?.type === 'string') {
      const template = literalStringText(object) ?? '';
      const open = template.indexOf('{');
      if (open < 0) return null;
      return { prefix: template.slice(0, open), suffix: template.slice(template.lastIndexOf('}') + 1) };
    }
    return null;
  }
  if (callee.type !== 'identifier' || literalOnly || hops >= MAX_HOPS) return null;
  const returned = returnedExpression(callee.text, scope);
  return returned ? partsOf(returned, scope, hops + 1, true) : null;
}

/** The value a module-level function returns when its body is assignments ending in its only `return`. */
function returnedExpression(name: string, scope: ModuleScope): Node | null {
  const definitions = scope.nodes.of(['function_definition']).filter((fn) => fn.parent?.type === 'module' && fieldOf(fn, 'name')?.text === name);
  if (definitions.length !== 1) return null;
  const statements = fieldOf(definitions[0], 'body')?.namedChildren.filter((child) => child.type !== 'comment') ?? [];
  const last = statements[statements.length - 1];
  if (!last || last.type !== 'return_statement') return null;
  // A docstring or an assignment may come first; any other statement could branch to another return.
  const plain = statements.slice(0, -1).every((statement) => statement.type === 'expression_statement' && ['assignment', 'string'].includes(statement.namedChildren[0]?.type ?? ''));
  return plain ? (last.namedChildren[0] ?? null) : null;
}
