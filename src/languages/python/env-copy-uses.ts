// Second pass of src/core/env-copy-helpers.ts: in a module that mentions a function another module
// defines to return a copy of the environment (`def build_env(): env = os.environ.copy(); ...;
// return env`), where each mention takes that copy. A call whose result becomes the `env=` of a
// child process this module starts (`subprocess.run(cmd, env=build_env())`, also through a
// variable or a local wrapper) is plain inheritance; any other call, and the name used as a value
// (passed on, stored), is somewhere this module cannot follow. One ConfigFact per mention.
import type { Node } from 'web-tree-sitter';
import type { ConfigFact, FrontEndOptions } from '../../core/facts.js';
import { ENV_COPY_USE, type EnvCopyUse } from '../../core/env-copy-use.js';
import { returnedCopyDestination } from './env-enumerations.js';
import type { ModuleScope } from './module-scope.js';
import { fieldOf, rangeOf } from './python-syntax.js';


const IMPORT_TYPES = new Set(['import_statement', 'import_from_statement', 'aliased_import', 'future_import_statement']);

export function envCopyUses(scope: ModuleScope, inTest: boolean, helpers: FrontEndOptions['envCopyHelpers']): ConfigFact[] {
  const names = new Set((helpers ?? []).filter((h) => h.language === 'python').map((h) => h.function));
  if (names.size === 0) return [];
  // A module that defines a function of that name calls its own, not the other module's.
  for (const fn of scope.nodes.of(['function_definition'])) names.delete(fn ? (fieldOf(fn, 'name')?.text ?? '') : '');
  const facts: ConfigFact[] = [];
  for (const identifier of scope.nodes.of(['identifier'])) {
    if (!identifier || !names.has(identifier.text) || isImportName(identifier) || isKeywordName(identifier)) continue;
    const call = calledAt(identifier);
    const patch = call ? returnedCopyDestination(call, scope, inTest) : null;
    const use: EnvCopyUse = patch?.enumeration?.use === 'child-process' ? { function: identifier.text, use: 'child-process', target: patch.enumeration.target } : { function: identifier.text, use: 'unknown' };
    facts.push({ kind: 'config', type: ENV_COPY_USE, range: rangeOf(call ?? identifier), data: { ...use } });
  }
  return facts;
}

/** The call of the name: `build_env()`, or `helpers.build_env()` through a module name. */
function calledAt(identifier: Node): Node | null {
  const parent = identifier.parent;
  if (parent?.type === 'call' && fieldOf(parent, 'function')?.id === identifier.id) return parent;
  if (parent?.type === 'attribute' && fieldOf(parent, 'attribute')?.id === identifier.id && fieldOf(parent, 'object')?.type === 'identifier') {
    const call = parent.parent;
    if (call?.type === 'call' && fieldOf(call, 'function')?.id === parent.id) return call;
  }
  return null;
}

function isImportName(identifier: Node): boolean {
  for (let p = identifier.parent; p; p = p.parent) {
    if (IMPORT_TYPES.has(p.type)) return true;
    if (p.type !== 'dotted_name' && p.type !== 'aliased_import') return false;
  }
  return false;
}

/** `f(build_env=x)`: a keyword's name, not a mention of the function. */
function isKeywordName(identifier: Node): boolean {
  const parent = identifier.parent;
  return parent?.type === 'keyword_argument' && fieldOf(parent, 'name')?.id === identifier.id;
}
