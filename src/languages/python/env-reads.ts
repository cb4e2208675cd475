// Recognises Python environment reads: `os.environ[...]`, `os.environ.get`, `os.getenv`,
// `os.environb`, `from os import environ/getenv` (with `as`), enumerations (`os.environ.copy()`,
// iteration, `dict(os.environ)`, `**os.environ`) and python-dotenv's `dotenv_values()`.
import type { Node } from 'web-tree-sitter';
import type { EnvReadFact } from '../../core/facts.js';
import type { ModuleScope } from './module-scope.js';
import { callArguments } from './python-syntax.js';

export interface PythonEnvRead {
  name: string | null;
  api: string;
  /** The node the fact's range covers. */
  node: Node;
  /** The node holding the name (a string literal or constant), so it is not reported again as a name ref. */
  keyNode?: Node;
  enumerates?: boolean;
  /** What the collector found out about the read (see EnvReadFact): access kind, where the name is decided, the enumeration's use. */
  extra?: Partial<Pick<EnvReadFact, 'access' | 'via' | 'enumeration' | 'keyParam'>>;
  /** For an enumeration: the expression whose surroundings say what it is for, when not `node`. */
  classifyFrom?: Node;
}

const ENVIRON = new Set(['os.environ', 'os.environb']);
const GETTERS: Record<string, string> = {
  'os.environ.get': 'os.environ.get',
  'os.environb.get': 'os.environb.get',
  'os.getenv': 'os.getenv',
  'os.getenvb': 'os.getenvb',
  'os.environ.setdefault': 'os.environ.setdefault',
  'os.environ.pop': 'os.environ.pop',
};
const ENUMERATING_METHODS = new Set(['copy', 'items', 'keys', 'values']);
const DOTENV_VALUES = new Set(['dotenv.dotenv_values', 'dotenv.main.dotenv_values']);

function isEnviron(node: Node | null, scope: ModuleScope): boolean {
  const q = scope.qualify(node);
  return q !== null && ENVIRON.has(q);
}

function isDotenvValuesCall(node: Node | null, scope: ModuleScope): boolean {
  if (!node || node.type !== 'call') return false;
  const q = scope.qualify(node.childForFieldName('function'));
  return q !== null && DOTENV_VALUES.has(q);
}

/** The env read an expression node performs, if any. Each read is recognised at exactly one node. */
export function envReadAt(node: Node, scope: ModuleScope): PythonEnvRead | null {
  switch (node.type) {
    case 'subscript': {
      if (isWriteTarget(node)) return null;
      const value = node.childForFieldName('value');
      const key = node.childForFieldName('subscript');
      if (isEnviron(value, scope)) {
        return { name: scope.constString(key), api: scope.qualify(value)!, node, keyNode: key ?? undefined };
      }
      if (isDotenvValuesCall(value, scope)) return { name: scope.constString(key), api: 'dotenv_values', node, keyNode: key ?? undefined };
      return null;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const q = scope.qualify(fn);
      if (q && GETTERS[q]) {
        const args = callArguments(node);
        const key = args.positional[0] ?? args.keywords.get('key') ?? null;
        if (!key) return null;
        return { name: scope.constString(key), api: GETTERS[q], node, keyNode: key };
      }
      if (fn?.type === 'attribute' && isEnviron(fn.childForFieldName('object'), scope)) {
        const method = fn.childForFieldName('attribute')?.text ?? '';
        if (ENUMERATING_METHODS.has(method)) return { name: null, api: `os.environ.${method}`, node, enumerates: true };
      }
      if (q === 'dict' && callArguments(node).positional.some((arg) => isEnviron(arg, scope))) {
        return { name: null, api: 'dict(os.environ)', node, enumerates: true };
      }
      if (q && DOTENV_VALUES.has(q) && node.parent?.childForFieldName('value')?.id !== node.id) {
        return { name: null, api: 'dotenv_values', node, enumerates: true };
      }
      return null;
    }
    case 'for_statement':
    case 'for_in_clause': {
      const right = node.childForFieldName('right');
      return isEnviron(right, scope) ? { name: null, api: 'os.environ', node: right!, enumerates: true } : null;
    }
    case 'dictionary_splat': {
      const inner = node.namedChildren[0] ?? null;
      return isEnviron(inner, scope) ? { name: null, api: '**os.environ', node, enumerates: true } : null;
    }
    case 'keyword_argument': {
      // `subprocess.run(cmd, env=os.environ)`: the whole environment handed on as it is.
      const value = node.childForFieldName('value');
      return node.childForFieldName('name')?.text === 'env' && isEnviron(value, scope) ? { name: null, api: 'os.environ', node: value!, enumerates: true } : null;
    }
    default:
      return null;
  }
}

/** `os.environ["X"] = v` and `del os.environ["X"]` write the environment; they do not read it. */
function isWriteTarget(node: Node): boolean {
  let target = node;
  while (target.parent && (target.parent.type === 'pattern_list' || target.parent.type === 'tuple_pattern' || target.parent.type === 'expression_list')) target = target.parent;
  const parent = target.parent;
  if (!parent) return false;
  if (parent.type === 'assignment') return parent.childForFieldName('left')?.id === target.id;
  return parent.type === 'delete_statement';
}
