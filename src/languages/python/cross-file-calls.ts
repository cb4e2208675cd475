// Calls into other modules of the same package: which FunctionSummaryFact (from the engine's
// first pass over the other files) a call resolves to, and which calls are worth reporting as
// `unresolvedCalls` so the engine runs this file again with those summaries.
import type { Node } from 'web-tree-sitter';
import type { FunctionSummaryFact } from '../../core/facts.js';
import type { ModuleScope } from './module-scope.js';
import { dottedParts } from './python-syntax.js';
import { compareCodeUnits } from '../../core/compare.js';

/** Builtins are never another module's function; reporting them would only cause re-analysis. */
const BUILTINS = new Set([
  'abs', 'all', 'any', 'ascii', 'bin', 'bool', 'bytearray', 'bytes', 'callable', 'chr', 'classmethod', 'compile', 'complex',
  'delattr', 'dict', 'dir', 'divmod', 'enumerate', 'eval', 'exec', 'filter', 'float', 'format', 'frozenset', 'getattr',
  'globals', 'hasattr', 'hash', 'help', 'hex', 'id', 'input', 'int', 'isinstance', 'issubclass', 'iter', 'len', 'list',
  'locals', 'map', 'max', 'memoryview', 'min', 'next', 'object', 'oct', 'open', 'ord', 'pow', 'print', 'property', 'range',
  'repr', 'reversed', 'round', 'set', 'setattr', 'slice', 'sorted', 'staticmethod', 'str', 'sum', 'super', 'tuple', 'type',
  'vars', 'zip', 'Exception', 'ValueError', 'RuntimeError', 'TypeError', 'KeyError',
]);

/** `pkg/util.py` -> `pkg.util`, `pkg/__init__.py` -> `pkg`. */
export function pythonModulePath(file: string): string {
  const parts = file.replace(/\\/g, '/').replace(/\.pyi?$/, '').split('/').filter((p) => p && p !== '.');
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.join('.');
}

/** Two module paths name the same module when one is a dotted suffix of the other (`src.pkg.util` vs `pkg.util`). */
function sameModule(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

/** The dotted path a callee refers to with the file's imports applied, relative imports made absolute; null when unknown. */
function qualifiedCallee(fn: Node, scope: ModuleScope, ownModule: string, isPackage: boolean): { path: string; imported: boolean } | null {
  const parts = dottedParts(fn);
  if (!parts) return null;
  const head = parts[0];
  const origin = scope.importOrigins.get(head);
  if (origin) return { path: [absoluteModule(origin.module, ownModule, isPackage), origin.name, ...parts.slice(1)].filter(Boolean).join('.'), imported: true };
  const imported = scope.imports.get(head);
  if (imported) return { path: [imported, ...parts.slice(1)].join('.'), imported: true };
  return { path: parts.join('.'), imported: false };
}

/** `.util` in package `app` -> `app.util`; `..x` goes one package up. Absolute names are returned as they are. */
function absoluteModule(module: string, ownModule: string, isPackage: boolean): string {
  const dots = /^\.*/.exec(module)![0].length;
  if (dots === 0) return module;
  const packageParts = ownModule.split('.').filter(Boolean);
  if (!isPackage) packageParts.pop();
  const base = packageParts.slice(0, Math.max(0, packageParts.length - (dots - 1)));
  return [...base, ...module.slice(dots).split('.').filter(Boolean)].join('.');
}

export class ImportedSummaries {
  private readonly ownModule: string;
  private readonly isPackage: boolean;
  private readonly byName = new Map<string, FunctionSummaryFact[]>();
  /** Module-level values that hold a secret (`settings`, `OPENAI_API_KEY`), by name. */
  private readonly values = new Map<string, FunctionSummaryFact[]>();

  constructor(file: string, private readonly scope: ModuleScope, summaries: FunctionSummaryFact[]) {
    this.ownModule = pythonModulePath(file);
    this.isPackage = /(^|\/)__init__\.pyi?$/.test(file);
    const sorted = summaries.filter((s) => s.language === 'python' && s.module !== this.ownModule).sort((a, b) => compareCodeUnits(a.module, b.module));
    for (const summary of sorted) {
      const table = summary.value ? this.values : this.byName;
      table.set(summary.name, [...(table.get(summary.name) ?? []), summary]);
    }
  }

  get size(): number {
    return this.byName.size + this.values.size;
  }

  get hasValues(): boolean {
    return this.values.size > 0;
  }

  /**
   * The module-level value a name or dotted name refers to through an import (`settings` of
   * `from app.config import settings`, `config.settings` of `from app import config`). Only
   * imported names: a local variable of the same name is not the other module's value.
   */
  resolveValue(node: Node): FunctionSummaryFact | null {
    if (this.values.size === 0) return null;
    const callee = qualifiedCallee(node, this.scope, this.ownModule, this.isPackage);
    if (!callee?.imported) return null;
    const parts = callee.path.split('.');
    if (parts.length < 2) return null;
    const module = parts.slice(0, -1).join('.');
    return this.values.get(parts[parts.length - 1])?.find((s) => sameModule(s.module, module)) ?? null;
  }

  /** The summary a callee expression refers to: through its imports, or a plain name defined in exactly one module. */
  resolve(fn: Node | null): FunctionSummaryFact | null {
    if (!fn) return null;
    const callee = qualifiedCallee(fn, this.scope, this.ownModule, this.isPackage);
    if (!callee) return null;
    const parts = callee.path.split('.');
    if (!callee.imported) {
      // A name used without an import (star import, or a builtin-like global): only if unambiguous.
      const candidates = parts.length === 1 ? (this.byName.get(parts[0]) ?? []) : [];
      return candidates.length === 1 ? candidates[0] : null;
    }
    // The function is the last segment (`pkg.util.log_key`) or the last two for a method (`pkg.util.Client.send`).
    for (const split of [1, 2]) {
      if (parts.length <= split) continue;
      const name = parts.slice(-split).join('.');
      const module = parts.slice(0, -split).join('.');
      const match = this.byName.get(name)?.find((s) => sameModule(s.module, module));
      if (match) return match;
    }
    return null;
  }
}

/**
 * The callee as written (`util.log_key`, `log_key`) when it may be a function of another module of
 * the package: a plain non-builtin name, or a dotted name whose head is an import. An alias is
 * replaced by the imported name (`lk` of `from .util import log_key as lk` -> `log_key`), since
 * the engine matches these names against summaries by their last segment. Null otherwise
 * (`logger.info`, `self.x.y()`, calls on call results).
 */
export function externalCalleeName(fn: Node | null, scope: ModuleScope): string | null {
  const parts = dottedParts(fn);
  if (!parts) return null;
  const origin = scope.importOrigins.get(parts[0]);
  if (origin) return [origin.name, ...parts.slice(1)].join('.');
  if (parts.length === 1) return BUILTINS.has(parts[0]) ? null : parts[0];
  return scope.imports.has(parts[0]) ? parts.join('.') : null;
}
