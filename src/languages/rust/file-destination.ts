// Rust side of the credential-file exception of file-write sinks (src/leak/credential-files.ts
// says why): `fs::write(dir.join("credentials.json"), ..)`, `fs::write(&auth_file, ..)` store a
// credential where the program keeps it. The destination is judged by the last segment of a
// literal path, the name of the variable or field holding the path, or, for a parameter with a
// name that says nothing (`path`), the name of the function that writes it
// (`fn seed_refresh_auth_file(path: &Path)`). Anything else stays a sink.
import type { Node } from 'web-tree-sitter';
import { lastPathSegment, namesCredentialStore } from '../../leak/credential-files.js';
import { stringLiteralValue } from './syntax.js';

/** Parameter names that say nothing about the file: the function's name speaks for them. */
const GENERIC_PATH_NAMES = new Set(['path', 'file', 'file_path', 'filename', 'dest', 'destination', 'target']);
/** Path-building methods whose last argument names the file (`dir.join("auth.json")`). */
const PATH_METHODS = new Set(['join', 'with_file_name']);

export interface DestinationScope {
  /** The function around the write, with its parameters' names. */
  functionName: string | null;
  params: ReadonlySet<string>;
}

/** True when the path expression names the program's credential or config store. */
export function writesCredentialStore(path: Node, scope: DestinationScope): boolean {
  const name = destinationName(path, scope);
  return name !== null && namesCredentialStore(name);
}

function destinationName(path: Node, scope: DestinationScope): string | null {
  let node = path;
  while ((node.type === 'reference_expression' || node.type === 'parenthesized_expression') && node.namedChildCount > 0) node = node.namedChild(node.namedChildCount - 1)!;
  const literal = stringLiteralValue(node);
  if (literal !== null) return lastPathSegment(literal);
  if (node.type === 'identifier') {
    if (GENERIC_PATH_NAMES.has(node.text) && scope.params.has(node.text)) return scope.functionName;
    return node.text;
  }
  if (node.type === 'field_expression') return node.childForFieldName('field')?.text ?? null;
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function');
    const method = fn?.type === 'field_expression' ? fn.childForFieldName('field')?.text : undefined;
    const args = node.childForFieldName('arguments')?.namedChildren.filter((arg): arg is Node => arg !== null) ?? [];
    const last = args[args.length - 1];
    if (method && PATH_METHODS.has(method) && last) return destinationName(last, scope);
  }
  return null;
}
