// Secret-store SDK calls (catalog: src/languages/secret-stores/rust.ts). A call matches when the
// file references the SDK crate and the method name or path tail is one of the entry's calls.
import type { Node } from 'web-tree-sitter';
import type { SecretStoreEntry } from '../secret-stores/catalog.js';
import { crateIdent, referencesCrate, resolvePath, type ImportMap } from './imports.js';
import { pathSegments } from './syntax.js';

export interface SecretStoreMatch {
  provider: string;
  api: string;
}

/** Method names so common that a receiver must also look like a secrets client. */
const GENERIC_METHODS = new Set(['get', 'resolve', 'read', 'list']);
const CLIENT_HINTS = ['client', 'vault', 'secret', 'keyring'];

export class SecretStoreMatcher {
  private readonly active: SecretStoreEntry[];

  constructor(entries: SecretStoreEntry[], private readonly imports: ImportMap) {
    this.active = entries.filter((entry) => referencesCrate(imports, entry.module));
  }

  get isEmpty(): boolean {
    return this.active.length === 0;
  }

  match(call: Node): SecretStoreMatch | null {
    if (this.active.length === 0) return null;
    const fn = call.childForFieldName('function');
    if (!fn) return null;
    if (fn.type === 'field_expression') {
      const method = fn.childForFieldName('field')?.text;
      if (!method) return null;
      if (GENERIC_METHODS.has(method) && !looksLikeClient(fn.childForFieldName('value'))) return null;
      for (const entry of this.active) {
        if (entry.calls.some((callee) => methodNameOf(callee) === method)) {
          return { provider: entry.provider, api: `${crateIdent(entry.module)}::${method}` };
        }
      }
      return null;
    }
    const written = pathSegments(fn);
    if (written.length === 0) return null;
    const full = resolvePath(this.imports, written);
    for (const entry of this.active) {
      const ident = crateIdent(entry.module);
      const fromCrate = full[0] === ident || full[0].startsWith(`${ident}_`);
      for (const callee of entry.calls) {
        const tail = callee.split('::');
        const matchesTail = full.length >= tail.length && tail.every((part, i) => full[full.length - tail.length + i] === part);
        if (!matchesTail) continue;
        if (fromCrate || tail.length > 1) return { provider: entry.provider, api: `${ident}::${callee}` };
      }
    }
    return null;
  }
}

/** `get_password` and `Entry::get_password` are methods; `kv2::read` is a module function, never a method. */
function methodNameOf(callee: string): string | null {
  const parts = callee.split('::');
  if (parts.length === 1) return parts[0];
  const head = parts[0];
  return head[0] === head[0]?.toUpperCase() && head[0] !== head[0]?.toLowerCase() ? parts[parts.length - 1] : null;
}

function looksLikeClient(receiver: Node | null): boolean {
  if (!receiver) return false;
  const text = receiver.text.toLowerCase();
  return CLIENT_HINTS.some((hint) => text.includes(hint));
}
