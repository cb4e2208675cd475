// Finds calls of secret-store SDKs (catalog in src/languages/secret-stores/python.ts).
import type { Node } from 'web-tree-sitter';
import type { SecretStoreEntry } from '../secret-stores/catalog.js';
import type { ModuleScope } from './module-scope.js';
import { calleeChain } from './python-syntax.js';

/** Method names too common to match on a file-level import alone. */
const GENERIC_METHOD_NAMES = new Set(['read', 'get', 'resolve', 'list', 'write']);

export interface PythonStoreCall {
  entry: SecretStoreEntry;
  call: string;
  node: Node;
}

export class SecretStoreMatcher {
  private readonly entries: SecretStoreEntry[];
  /** Receivers (`client`, `self.vault`) assigned from an expression rooted in a catalog module. */
  private readonly instancesOf = new Map<string, Set<string>>();

  constructor(private readonly scope: ModuleScope, catalog: SecretStoreEntry[], private readonly resolverFunctions: Set<string>) {
    this.entries = catalog.filter((entry) => scope.hasImported(entry.module));
    if (this.entries.length === 0) return;
    for (const assignment of scope.nodes.of(['assignment'])) {
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      if (!left || !right || right.type !== 'call') continue;
      const rootName = calleeChain(right.childForFieldName('function'))[0];
      const qualified = rootName ? (scope.imports.get(rootName) ?? rootName) : '';
      for (const entry of this.entries) {
        if (qualified === entry.module || qualified.startsWith(`${entry.module}.`) || entry.module.startsWith(`${qualified}.`)) {
          const set = this.instancesOf.get(left.text) ?? new Set<string>();
          set.add(entry.module);
          this.instancesOf.set(left.text, set);
        }
      }
    }
  }

  match(call: Node): PythonStoreCall | null {
    if (this.entries.length === 0) return null;
    const fn = call.childForFieldName('function');
    if (!fn) return null;
    const chain = calleeChain(fn);
    const last = chain[chain.length - 1];
    // A bare call is a store call only if that function was imported from the store module;
    // otherwise `get_secret(...)` is the project's own resolver.
    if (fn.type === 'identifier' && (this.resolverFunctions.has(last) || !this.scope.imports.has(last))) return null;
    const qualifiedHead = this.scope.imports.get(chain[0]);
    for (const entry of this.entries) {
      for (const callName of entry.calls) {
        const parts = callName.split('.');
        if (fn.type === 'identifier') {
          // `from keyring import get_password as gp; gp(...)`: compare the imported name.
          if (qualifiedHead?.startsWith(`${entry.module}.`) && qualifiedHead.endsWith(`.${callName}`)) return { entry, call: callName, node: call };
          continue;
        }
        if (parts.length > chain.length) continue;
        if (chain.slice(chain.length - parts.length).join('.') !== callName) continue;
        if (parts.length === 1 && GENERIC_METHOD_NAMES.has(callName) && !this.receiverIsInstance(fn, entry.module)) continue;
        return { entry, call: callName, node: call };
      }
    }
    return null;
  }

  private receiverIsInstance(fn: Node, module: string): boolean {
    const receiver = fn.childForFieldName('object');
    if (!receiver) return false;
    if (this.instancesOf.get(receiver.text)?.has(module)) return true;
    const q = this.scope.qualify(receiver);
    return q !== null && (q === module || q.startsWith(`${module}.`));
  }
}
