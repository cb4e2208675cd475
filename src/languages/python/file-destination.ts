// The destination of a Python file write, named as the code names it, for the credential-store
// exception of file-write sinks (src/leak/credential-files.ts says why): `json.dump(cfg, f)` with
// `with open(CONFIG_PATH, "w") as f`, `Path.home() / ".config" / "credentials.json"`,
// `config_path.write_text(...)`, `os.path.join(d, "config.yaml")`.
import type { Node } from 'web-tree-sitter';
import { lastPathSegment, namesCredentialStore } from '../../leak/credential-files.js';
import { enclosingScope, type ModuleScope } from './module-scope.js';
import { envWriteAt } from './env-reads.js';
import { callArguments } from './python-syntax.js';

const PATH_CALLS = new Set(['open', 'Path', 'PurePath', 'join', 'expanduser', 'abspath', 'realpath', 'resolve', 'joinpath', 'with_name', 'with_suffix']);

/** True when a file object or path expression names the program's own credential or config file. */
export function isCredentialStoreDestination(node: Node | null, scope: ModuleScope): boolean {
  const found = destinationName(node, scope, 0);
  return (found !== null && namesCredentialStore(found.name)) || (node?.type === 'identifier' && handedToCredentialVariable(node, scope));
}

/**
 * `with tempfile.NamedTemporaryFile("w") as f: json.dump(service_account, f)` and then
 * `os.environ["GOOGLE_APPLICATION_CREDENTIALS"] = f.name` in the same function: the file is the
 * credential file a library is pointed at (litellm's Vertex tests), as a file named for one is.
 */
function handedToCredentialVariable(file: Node, scope: ModuleScope): boolean {
  const owner = enclosingScope(file);
  const namesThisFile = (value: Node | null): boolean =>
    !!value && (value.type === 'attribute' ? value.childForFieldName('object')?.text === file.text && value.childForFieldName('attribute')?.text === 'name' : value.descendantsOfType('attribute').some((a) => !!a && namesThisFile(a)));
  for (const node of owner.descendantsOfType(['assignment', 'call'])) {
    const write = node ? envWriteAt(node, scope) : null;
    const name = write?.variable ? scope.constString(write.variable) : null;
    if (name !== null && namesCredentialStore(name) && namesThisFile(write!.value)) return true;
  }
  return false;
}

/** A destination's name, and whether it is literal text (a file name) rather than a code name. */
interface DestinationName {
  name: string;
  literal: boolean;
}

function named(name: string | null | undefined): DestinationName | null {
  return name ? { name, literal: false } : null;
}

function literal(text: string): DestinationName | null {
  return text ? { name: text, literal: true } : null;
}

function destinationName(node: Node | null, scope: ModuleScope, depth: number): DestinationName | null {
  if (!node || depth > 6) return null;
  const constant = scope.constString(node);
  if (constant !== null) return literal(lastPathSegment(constant));
  switch (node.type) {
    case 'parenthesized_expression':
      return destinationName(node.namedChildren[0] ?? null, scope, depth + 1);
    case 'identifier': {
      // `with open(p) as f` / `f = open(p)` / `path = Path(...)`: the file the bound value names, else the name itself.
      const bound = boundTo(node);
      const initial = bound ? destinationName(bound, scope, depth + 1) : null;
      return initial?.literal ? initial : named(node.text);
    }
    case 'attribute':
      return named(node.childForFieldName('attribute')?.text);
    case 'binary_operator':
      // `home / ".config" / "credentials.json"`: the last operand names the file.
      return node.childForFieldName('operator')?.text === '/' ? destinationName(node.childForFieldName('right'), scope, depth + 1) : null;
    case 'string': {
      // An f-string: the text after its last interpolation, or that interpolation.
      const parts = node.namedChildren.filter((child) => child.type === 'string_content' || child.type === 'interpolation');
      const last = parts[parts.length - 1];
      if (!last) return null;
      if (last.type === 'string_content') return literal(lastPathSegment(last.text));
      return destinationName(last.childForFieldName('expression'), scope, depth + 1);
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const callee = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' ? (fn.childForFieldName('attribute')?.text ?? '') : '';
      if (PATH_CALLS.has(callee)) {
        const args = callArguments(node).positional;
        // `open(p)`, `Path(d, "config.yaml")`, `os.path.join(d, "config.yaml")`: the last argument names the file;
        // `p.open("w")`, `p.resolve()`: the receiver does.
        if (callee === 'open' && fn?.type === 'attribute' && (args.length === 0 || scope.constString(args[0]) !== null)) return destinationName(fn.childForFieldName('object'), scope, depth + 1);
        const named = callee === 'open' ? args[0] : args[args.length - 1];
        if (named) return destinationName(named, scope, depth + 1);
        return fn?.type === 'attribute' ? destinationName(fn.childForFieldName('object'), scope, depth + 1) : null;
      }
      // `get_config_path()`: the function says what it returns.
      return named(callee);
    }
    default:
      return null;
  }
}

/** The value a local name was bound to by `name = value` or `with value as name` in its function, when once. */
function boundTo(identifier: Node): Node | null {
  const owner = enclosingScope(identifier);
  let found: Node | null = null;
  let count = 0;
  for (const node of owner.descendantsOfType(['assignment', 'as_pattern'])) {
    if (!node) continue;
    if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      if (left?.type === 'identifier' && left.text === identifier.text) {
        count++;
        found = node.childForFieldName('right');
      }
    } else {
      const alias = node.childForFieldName('alias');
      if (alias?.text === identifier.text) {
        count++;
        found = node.namedChildren[0] ?? null;
      }
    }
  }
  return count === 1 ? found : null;
}
