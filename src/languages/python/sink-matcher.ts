// Interprets the Python sink catalog (src/leak/sinks/python.ts) against calls, decorators and the
// special forms documented there.
import type { Node } from 'web-tree-sitter';
import type { SinkEntry } from '../../leak/sink-catalog.js';
import type { ModuleScope } from './module-scope.js';
import { calleeChain, fieldOf } from './python-syntax.js';

export class SinkMatcher {
  private readonly callSinks: SinkEntry[];
  readonly decoratorSinks: SinkEntry[];
  readonly raiseSink?: SinkEntry;
  readonly assertSink?: SinkEntry;
  readonly chatDictSink?: SinkEntry;
  readonly urlQuerySink?: SinkEntry;

  constructor(entries: SinkEntry[], private readonly scope: ModuleScope) {
    const usable = entries.filter((e) => !e.module || scope.hasImported(e.module));
    this.callSinks = usable.filter((e) => !isSpecial(e.callee));
    this.decoratorSinks = usable.filter((e) => e.callee.startsWith('@'));
    this.raiseSink = usable.find((e) => e.callee === 'raise');
    this.assertSink = usable.find((e) => e.callee === 'assert');
    this.chatDictSink = usable.find((e) => e.callee === '{role,content}');
    this.urlQuerySink = usable.find((e) => e.callee === 'f"?key="');
  }

  /** Catalog entries this call matches (sinks and `allowed` entries). */
  matchCall(call: Node): SinkEntry[] {
    const fn = fieldOf(call, 'function');
    if (!fn) return [];
    const chain = calleeChain(fn).join('.');
    const qualified = this.scope.qualify(fn);
    return this.callSinks.filter((entry) => {
      if (entry.callee.startsWith('*.')) return chain.endsWith(entry.callee.slice(1));
      return qualified === entry.callee || chain === entry.callee || chain.endsWith(`.${entry.callee}`);
    });
  }

  /** The decorator sink of a function definition (MCP tool, HTTP route), if any. */
  matchDecorated(definition: Node): SinkEntry | null {
    const parent = definition.parent;
    if (parent?.type !== 'decorated_definition') return null;
    for (const decorator of parent.namedChildren) {
      if (decorator.type !== 'decorator') continue;
      const expr = decorator.namedChildren[0];
      if (!expr) continue;
      const chain = calleeChain(expr).join('.');
      for (const entry of this.decoratorSinks) {
        const pattern = entry.callee.slice(1);
        if (pattern.startsWith('*.') ? chain.endsWith(pattern.slice(1)) : chain === pattern) return entry;
      }
    }
    return null;
  }
}

function isSpecial(callee: string): boolean {
  return callee.startsWith('@') || callee === 'raise' || callee === 'assert' || callee === '{role,content}' || callee === 'f"?key="';
}
