// What another module can import from a Python file: its string constants and the names it
// imports itself (which it re-exports: `from acme_core.constants import KEY_ENV as KEY_ENV`).
// Read on demand for the modules an import names (src/core/python-module-constants.ts),
// since a constants module holds no env read and the prefilter never parses it.
import { ModuleScope } from './module-scope.js';
import { pythonParser } from './python-parser.js';
import { parseWithinNestingLimit } from '../tree-sitter-depth.js';

export interface PythonModuleNames {
  constants: Record<string, string>;
  /** Local name -> where it was imported from (a dotted module, relative with leading dots). */
  imported: Record<string, { module: string; name: string }>;
}

/** The file's module-level names; empty when it does not parse. */
export async function pythonModuleNames(text: string): Promise<PythonModuleNames> {
  const parser = await pythonParser();
  let limited;
  try {
    limited = parseWithinNestingLimit(parser, text);
  } catch {
    return { constants: {}, imported: {} };
  }
  const tree = limited?.tree;
  if (!tree) return { constants: {}, imported: {} };
  try {
    const scope = new ModuleScope(tree.rootNode);
    return { constants: scope.exportedConstants(), imported: Object.fromEntries(scope.importOrigins) };
  } finally {
    tree.delete();
  }
}
