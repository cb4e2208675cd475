// Serializers that return text (`serde_json::to_string`, `json!`) are not where a secret goes:
// they pass it on, and the text is reported where it ends up (a log, an error, a URL, a file).
// Text that is encrypted (`seal`, `encrypt`) or sent as a request body reaches no sink, so it is
// not reported. Only writers (`serde_json::to_writer`) stay sinks of their own (the catalog).
import type { Node } from 'web-tree-sitter';
import { resolvePath, type ImportMap } from './imports.js';
import { pathSegments } from './syntax.js';

/** Full paths of functions whose result is their argument serialized (text, bytes or a JSON value). */
const TEXT_SERIALIZERS = new Set([
  'serde_json::to_string', 'serde_json::to_string_pretty', 'serde_json::to_vec', 'serde_json::to_vec_pretty', 'serde_json::to_value',
  'serde_yaml::to_string', 'serde_yml::to_string', 'toml::to_string', 'toml::to_string_pretty', 'ron::to_string', 'ron::ser::to_string_pretty',
  'bincode::serialize', 'rmp_serde::to_vec', 'rmp_serde::to_vec_named', 'serde_cbor::to_vec', 'quick_xml::se::to_string', 'postcard::to_allocvec',
]);

/** The serializer a call's function path denotes (`serde_json::to_string`, `to_string` through `use serde_json::to_string`), else null. */
export function textSerializerOf(fn: Node, imports: ImportMap): string | null {
  const segments = pathSegments(fn);
  if (segments.length === 0) return null;
  const full = resolvePath(imports, segments).join('::');
  return TEXT_SERIALIZERS.has(full) ? full : null;
}

/** The `json!` macro (`serde_json::json!`, or `json!` with serde_json in use) builds a JSON value. */
export const JSON_MACRO_LABEL = 'serde_json::json!';

/** Methods that write their argument somewhere outside the program (a file, a socket). */
export const WRITE_METHODS = new Set(['write_all', 'write']);
