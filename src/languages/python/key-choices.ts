// A key that is one of a few literals: `v = "A" if c else "B"`, or `v` given a literal in each
// branch. Each literal is a read of that name (no-direct-env-read) and, for the leak analysis, a
// source when it names a registry secret.
import type { Node } from 'web-tree-sitter';
import type { ModuleScope } from './module-scope.js';

/** The branches of `"A" if c else "B"` (nested choices too) when every one is a constant string; else null. */
function literalChoice(node: Node | null, scope: ModuleScope): Node[] | null {
  if (!node || node.type !== 'conditional_expression') return null;
  const [consequence, , alternative] = node.namedChildren;
  if (!consequence || !alternative) return null;
  const branches: Node[] = [];
  for (const branch of [consequence, alternative]) {
    const nested = branch.type === 'conditional_expression' ? literalChoice(branch, scope) : null;
    if (nested) branches.push(...nested);
    else if (scope.constString(branch) !== null) branches.push(branch);
    else return null;
  }
  return branches;
}

/**
 * `if provider == "serpapi": name = "SERPAPI_API_KEY" else: name = "SERPER_API_KEY"` (smolagents'
 * search tool): a name given a literal on every assignment of its scope is a choice between them.
 */
function branchChoice(key: Node, scope: ModuleScope): Node[] | null {
  const values = scope.assignedValuesOf(key);
  if (!values || values.length < 2) return null;
  const options = values.flatMap((value) => literalChoice(value, scope) ?? [value]).sort((a, b) => a.startIndex - b.startIndex);
  return options.every((option) => scope.constString(option) !== null) ? options : null;
}

/** The literal nodes an identifier key can hold when it is such a choice (a conditional value, or one literal per branch); null otherwise. */
export function choiceOptions(key: Node, scope: ModuleScope): Node[] | null {
  if (key.type !== 'identifier') return null;
  return literalChoice(scope.valueNodeOf(key), scope) ?? branchChoice(key, scope);
}

/** The names of choiceOptions, in order. */
export function choiceNames(key: Node | undefined, scope: ModuleScope): string[] | null {
  const options = key ? choiceOptions(key, scope) : null;
  return options ? options.map((option) => scope.constString(option)!) : null;
}
