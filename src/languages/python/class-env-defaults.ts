// A class field whose default is read from the environment (`api_key: str = os.getenv("X")`,
// `Field(default=os.getenv("X"))`, `Field(default_factory=lambda: os.getenv("X") or "")`, the
// shape of pydantic tool and client models) holds that variable's value in every instance built
// without it: `self.api_key` in a method is the secret. The env read itself is collected with the
// module's other reads; this only says which field it fills.
import type { Node } from 'web-tree-sitter';
import type { ModuleScope } from './module-scope.js';
import { envReadAt } from './env-reads.js';
import { callArguments } from './python-syntax.js';

/** Field name -> the env name its default reads, over every class of the module. */
export function envDefaultFields(scope: ModuleScope): Map<string, string> {
  const fields = new Map<string, string>();
  for (const cls of scope.nodes.of(['class_definition'])) {
    for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
      const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
      if (assignment?.type !== 'assignment') continue;
      const left = assignment.childForFieldName('left');
      const type = assignment.childForFieldName('type');
      if (left?.type !== 'identifier' || (type && /^(typing\.)?ClassVar\b/.test(type.text))) continue;
      const name = defaultEnvName(assignment.childForFieldName('right'), scope);
      if (name !== null && !fields.has(left.text)) fields.set(left.text, name);
    }
  }
  return fields;
}

/** The env name a field default reads: directly, as `Field`'s default, or from its default_factory lambda. */
function defaultEnvName(value: Node | null, scope: ModuleScope): string | null {
  if (!value) return null;
  if (value.type === 'call' && /(^|\.)Field$/.test(scope.qualify(value.childForFieldName('function')) ?? '')) {
    const args = callArguments(value);
    const factory = args.keywords.get('default_factory');
    if (factory?.type === 'lambda') return readName(factory.childForFieldName('body'), scope);
    return readName(args.keywords.get('default') ?? args.positional[0] ?? null, scope);
  }
  return readName(value, scope);
}

/** `os.getenv("X")`, `os.environ["X"]`, also `os.getenv("X") or "fallback"` and parenthesized. */
function readName(node: Node | null, scope: ModuleScope): string | null {
  if (!node) return null;
  if (node.type === 'parenthesized_expression') return readName(node.namedChildren[0] ?? null, scope);
  if (node.type === 'boolean_operator') return readName(node.childForFieldName('left'), scope) ?? readName(node.childForFieldName('right'), scope);
  if (node.type !== 'call' && node.type !== 'subscript') return null;
  return envReadAt(node, scope)?.name ?? null;
}
