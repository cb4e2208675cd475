// Second pass of src/core/env-copy-helpers.ts for TS/JS: in a file that imports a function another
// file of the project exports to return a curated copy of the environment (`export function
// childEnv() { const env = { ...process.env }; delete env.OPENAI_API_KEY; return env }`), where each
// mention of that import takes the copy. A call whose result becomes the `env` of a child process
// this file starts (`execa(cli, args, { env: childEnv() })`, also through a variable or a local
// wrapper) is plain inheritance; any other call, and the name used as a value, is somewhere this
// file cannot follow. One ConfigFact per mention, with the import's specifier (the pass resolves it).
import type { ConfigFact, FrontEndOptions } from '../../core/facts.js';
import { ENV_COPY_USE, type EnvCopyUse } from '../../core/env-copy-use.js';
import { classifyEnumeration } from './env-enumerations.js';
import type { Scope } from './scopes.js';
import { rangeOfNode } from './source-range.js';
import { ts, type TS } from './typescript-module.js';

/** A copy's destination never needs scope lookups (those serve schema receivers). */
const noScope = { lookup: () => undefined } as unknown as Scope;

export function envCopyUses(sourceFile: TS.SourceFile, helpers: FrontEndOptions['envCopyHelpers']): ConfigFact[] {
  const names = new Set((helpers ?? []).filter((h) => h.language === 'typescript' || h.language === 'javascript').map((h) => h.function));
  if (names.size === 0) return [];
  // Local name -> the import it binds: `import { childEnv } from './env'` or `import * as env from './env'` (function: '*').
  const imports = new Map<string, { specifier: string; function: string }>();
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !statement.moduleSpecifier.text.startsWith('.')) continue;
    const bindings = statement.importClause?.isTypeOnly ? undefined : statement.importClause?.namedBindings;
    const specifier = statement.moduleSpecifier.text;
    if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { specifier, function: '*' });
    if (bindings && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const imported = (element.propertyName ?? element.name).text;
        if (names.has(imported) && !element.isTypeOnly) imports.set(element.name.text, { specifier, function: imported });
      }
    }
  }
  if (imports.size === 0) return [];
  const facts: ConfigFact[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node)) {
      const mention = mentionOf(node, imports, names);
      if (mention) {
        // As outside tests: a test's `const env = childEnv()` is the child's environment, not a save to put back.
        const outcome = mention.call ? classifyEnumeration(mention.call, noScope, sourceFile, false) : null;
        const patch = outcome?.kind === 'fact' ? outcome.patch : undefined;
        const use: EnvCopyUse = patch?.enumeration?.use === 'child-process' ? { function: mention.function, use: 'child-process', target: patch.enumeration.target } : { function: mention.function, use: 'unknown' };
        facts.push({ kind: 'config', type: ENV_COPY_USE, range: rangeOfNode(sourceFile, mention.call ?? node), data: { ...use, specifier: mention.specifier } });
      }
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return facts;
}

/** The helper `identifier` names here (a call of it, or another use), or null. */
function mentionOf(identifier: TS.Identifier, imports: ReadonlyMap<string, { specifier: string; function: string }>, names: ReadonlySet<string>): { function: string; specifier: string; call?: TS.CallExpression } | null {
  const parent = identifier.parent;
  // `env.childEnv()` through a namespace import.
  if (parent && ts.isPropertyAccessExpression(parent) && parent.name === identifier) {
    const namespace = ts.isIdentifier(parent.expression) ? imports.get(parent.expression.text) : undefined;
    if (namespace?.function !== '*' || !names.has(identifier.text)) return null;
    const call = parent.parent && ts.isCallExpression(parent.parent) && parent.parent.expression === parent ? parent.parent : undefined;
    return { function: identifier.text, specifier: namespace.specifier, ...(call ? { call } : {}) };
  }
  const imported = imports.get(identifier.text);
  if (!imported || imported.function === '*') return null;
  // A property name (`{ childEnv: 1 }`, `x.childEnv`) is not the binding.
  if (parent && (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) && parent.name === identifier) return null;
  const call = parent && ts.isCallExpression(parent) && parent.expression === identifier ? parent : undefined;
  return { function: imported.function, specifier: imported.specifier, ...(call ? { call } : {}) };
}
