// Matches calls into secret-store SDKs: the callee must lead back to an import (named, default,
// namespace or require) of a catalogued module, or, when the receiver cannot be traced (`this.client`,
// a parameter), the module must be imported in the file and the method name must be specific.
import { secretStoresFor, type SecretStoreEntry } from '../secret-stores/catalog.js';
import { meaningOf } from './binding-meaning.js';
import type { ConstContext } from './const-strings.js';
import { unwrapTransparent } from './env-objects.js';
import type { Scope } from './scopes.js';
import { ts, type TS } from './typescript-module.js';

interface CallPattern {
  entry: SecretStoreEntry;
  /** The catalog text, reported in the fact's `api`. */
  call: string;
  /** Member-chain tail to match, outermost last: `secrets.get` -> ['secrets', 'get']. */
  parts: string[];
  constructorOnly: boolean;
}

export interface SecretStoreMatch {
  provider: string;
  api: string;
}

/** Method names too common to match on name alone. */
const GENERIC_METHOD_NAMES = new Set(['read', 'get', 'list', 'resolve', 'download', 'write']);

export class SecretStoreMatcher {
  private readonly patterns: CallPattern[] = [];
  private readonly storeModuleCache = new Map<string, boolean>();
  readonly moduleNames: string[];

  constructor(extraSecretStores: unknown[] | undefined) {
    const entries = secretStoresFor('typescript', extraSecretStores ?? []);
    for (const entry of entries) {
      for (const call of entry.calls) {
        const constructorOnly = call.startsWith('new ');
        const parts = (constructorOnly ? call.slice(4) : call).trim().split('.').filter(Boolean);
        if (parts.length > 0) this.patterns.push({ entry, call, parts, constructorOnly });
      }
    }
    this.moduleNames = [...new Set(entries.map((entry) => entry.module))];
  }

  /** Whether `module` (an import specifier) is a catalogued module or a subpath of one. */
  isStoreModule(module: string): boolean {
    let known = this.storeModuleCache.get(module);
    if (known === undefined) {
      known = this.moduleNames.some((name) => moduleMatches(module, name));
      this.storeModuleCache.set(module, known);
    }
    return known;
  }

  match(node: TS.CallExpression | TS.NewExpression, scope: Scope, context: ConstContext, importedModules: ReadonlySet<string>): SecretStoreMatch | null {
    const isNew = ts.isNewExpression(node);
    const chain: string[] = [];
    let root: TS.Expression = unwrapTransparent(node.expression);
    for (;;) {
      if (ts.isPropertyAccessExpression(root)) {
        chain.unshift(root.name.text);
        root = unwrapTransparent(root.expression);
      } else if (ts.isElementAccessExpression(root) && ts.isStringLiteralLike(root.argumentExpression)) {
        chain.unshift(root.argumentExpression.text);
        root = unwrapTransparent(root.expression);
      } else if (ts.isCallExpression(root) && chain.length > 0) {
        root = unwrapTransparent(root.expression);
      } else if (ts.isAwaitExpression(root)) {
        root = unwrapTransparent(root.expression);
      } else break;
    }
    let module: string | null = null;
    if (ts.isIdentifier(root)) {
      const binding = scope.lookup(root.text);
      const meaning = binding ? meaningOf(binding, context) : null;
      if (meaning?.kind === 'module') {
        if (!this.isStoreModule(meaning.module)) return null;
        module = meaning.module;
        const named = meaning.imported !== 'default' && meaning.imported !== '*' && meaning.imported !== 'instance';
        if (named) chain.unshift(meaning.imported);
      } else if (meaning && meaning.kind !== 'unknown') return null;
    }
    if (chain.length === 0) return null;
    for (const pattern of this.patterns) {
      if (pattern.constructorOnly && !isNew) continue;
      if (!endsWith(chain, pattern.parts)) continue;
      if (module !== null) {
        if (moduleMatches(module, pattern.entry.module)) return toMatch(pattern);
        continue;
      }
      const specific = pattern.parts.length > 1 || pattern.constructorOnly || !GENERIC_METHOD_NAMES.has(pattern.parts[0]);
      if (specific && anyImported(importedModules, pattern.entry.module)) return toMatch(pattern);
    }
    return null;
  }
}

function toMatch(pattern: CallPattern): SecretStoreMatch {
  return { provider: pattern.entry.provider, api: `${pattern.call} (${pattern.entry.module})` };
}

function moduleMatches(module: string, catalogued: string): boolean {
  return module === catalogued || module.startsWith(`${catalogued}/`);
}

function anyImported(importedModules: ReadonlySet<string>, catalogued: string): boolean {
  for (const module of importedModules) if (moduleMatches(module, catalogued)) return true;
  return false;
}

function endsWith(chain: string[], parts: string[]): boolean {
  if (parts.length > chain.length) return false;
  const offset = chain.length - parts.length;
  return parts.every((part, index) => chain[offset + index] === part);
}
