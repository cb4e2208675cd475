// Calls of functions defined in other files of the crate, resolved by name against the
// FunctionSummaryFacts the engine hands to the second pass: `util::log_key(..)` (module path
// checked when written), `log_key(..)` (through `use`), `Type::method(..)` and `recv.method(..)`
// (when only one type of the crate has such a method).
import type { Node } from 'web-tree-sitter';
import type { FunctionSummaryFact } from '../../core/facts.js';
import { resolvePath, type ImportMap } from './imports.js';
import { pathSegments } from './syntax.js';

const PATH_PREFIXES = new Set(['crate', 'self', 'super', '::']);

export interface ExternalCallee {
  summary: FunctionSummaryFact;
  /** The callee as written at the call site, for flow notes. */
  written: string;
}

export class ExternalSummaries {
  private readonly byLastName = new Map<string, FunctionSummaryFact[]>();

  constructor(summaries: FunctionSummaryFact[], private readonly imports: ImportMap) {
    for (const summary of summaries) {
      if (summary.language !== 'rust') continue;
      const last = summary.name.split('::').pop() ?? summary.name;
      const list = this.byLastName.get(last);
      if (list) list.push(summary);
      else this.byLastName.set(last, [summary]);
    }
  }

  get isEmpty(): boolean {
    return this.byLastName.size === 0;
  }

  /** The summary a call resolves to, or null (unknown or ambiguous). */
  match(call: Node): ExternalCallee | null {
    const fn = call.childForFieldName('function');
    if (!fn) return null;
    if (fn.type === 'field_expression') {
      const method = fn.childForFieldName('field')?.text ?? '';
      const methods = (this.byLastName.get(method) ?? []).filter((summary) => summary.name.includes('::'));
      return methods.length === 1 ? { summary: methods[0], written: methods[0].name } : null;
    }
    const segments = pathSegments(fn);
    const last = segments[segments.length - 1];
    const candidates = last ? this.byLastName.get(last) : undefined;
    if (!candidates) return null;
    const written = segments.join('::');
    const owner = segments[segments.length - 2];
    if (owner && owner !== 'Self' && isTypeName(owner)) {
      const method = candidates.find((summary) => summary.name === `${owner}::${last}`);
      return method ? { summary: method, written } : null;
    }
    const free = candidates.filter((summary) => !summary.name.includes('::'));
    const qualifier = resolvePath(this.imports, segments).slice(0, -1).filter((segment) => !PATH_PREFIXES.has(segment)).join('::');
    if (!qualifier) return free.length > 0 ? { summary: free[0], written } : null;
    const inModule = free.find((summary) => summary.module === qualifier || summary.module.endsWith(`::${qualifier}`));
    return inModule ? { summary: inModule, written } : null;
  }
}

function isTypeName(segment: string): boolean {
  const first = segment.charCodeAt(0);
  return first >= 65 && first <= 90;
}
