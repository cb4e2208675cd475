// Interprets the Python sink catalog (src/leak/sinks/python.ts) against calls, decorators and the
// special forms documented there.
import type { Node } from 'web-tree-sitter';
import type { SinkEntry } from '../../leak/sink-catalog.js';
import type { ModuleScope } from './module-scope.js';
import { calleeChain, fieldOf } from './python-syntax.js';
import { httpClientModule } from './http-client-receivers.js';

export class SinkMatcher {
  private readonly callSinks: SinkEntry[];
  readonly decoratorSinks: SinkEntry[];
  readonly raiseSink?: SinkEntry;
  readonly assertSink?: SinkEntry;
  readonly chatDictSink?: SinkEntry;
  readonly urlQuerySink?: SinkEntry;
  /** `=.name` entries: a value assigned to an attribute of that name (`interpreter.system_message = …`). */
  private readonly attributeSinks: Map<string, SinkEntry>;
  /** `Base#method` entries: the return values of that method in subclasses of `Base`. */
  private readonly methodSinks: Array<{ base: string; method: string; entry: SinkEntry }>;

  constructor(entries: SinkEntry[], private readonly scope: ModuleScope) {
    const usable = entries.filter((e) => !e.module || scope.hasImported(e.module));
    this.callSinks = usable.filter((e) => !isSpecial(e.callee));
    this.decoratorSinks = usable.filter((e) => e.callee.startsWith('@'));
    this.raiseSink = usable.find((e) => e.callee === 'raise');
    this.assertSink = usable.find((e) => e.callee === 'assert');
    this.chatDictSink = usable.find((e) => e.callee === '{role,content}');
    this.urlQuerySink = usable.find((e) => e.callee === 'f"?key="');
    this.attributeSinks = new Map(usable.filter((e) => e.callee.startsWith('=.')).map((e) => [e.callee.slice(2), e]));
    this.methodSinks = usable.filter((e) => isMethodForm(e.callee)).map((entry) => {
      const [base, method] = entry.callee.split('#');
      return { base, method, entry };
    });
  }

  /** Catalog entries this call matches (sinks and `allowed` entries). */
  matchCall(call: Node): SinkEntry[] {
    const fn = fieldOf(call, 'function');
    if (!fn) return [];
    const chain = calleeChain(fn).join('.');
    const qualified = this.scope.qualify(fn);
    const viaClient = this.clientCallee(fn);
    return this.callSinks.filter((entry) => {
      if (entry.callee.startsWith('*.')) return chain.endsWith(entry.callee.slice(1));
      return qualified === entry.callee || chain === entry.callee || chain.endsWith(`.${entry.callee}`) || viaClient === entry.callee;
    });
  }

  /** The sink of an assignment's target, when it is an attribute a catalog entry names (`agent.system_prompt`). */
  matchAttributeTarget(target: Node | null): SinkEntry | null {
    if (target?.type !== 'attribute' || this.attributeSinks.size === 0) return null;
    const name = fieldOf(target, 'attribute')?.text;
    return name === undefined ? null : (this.attributeSinks.get(name) ?? null);
  }

  /** `client.get` with `client` a local httpx/requests client: the module-level `httpx.get` it mirrors. */
  private clientCallee(fn: Node): string | null {
    if (fn.type !== 'attribute') return null;
    const receiver = fieldOf(fn, 'object');
    const method = fieldOf(fn, 'attribute')?.text;
    if (receiver?.type !== 'identifier' || !method) return null;
    const module = httpClientModule(receiver, this.scope);
    return module ? `${module}.${method}` : null;
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

  /** The sink of a method whose return value goes out (`_run` of an agent framework's tool class), if any. */
  matchMethod(definition: Node): SinkEntry | null {
    if (this.methodSinks.length === 0) return null;
    const name = fieldOf(definition, 'name')?.text;
    if (!name) return null;
    const candidates = this.methodSinks.filter((s) => s.method === name || s.method === '*');
    if (candidates.length === 0) return null;
    const holder = definition.parent?.type === 'decorated_definition' ? definition.parent.parent : definition.parent;
    const cls = holder?.type === 'block' ? holder.parent : null;
    if (cls?.type !== 'class_definition') return null;
    const bases = baseNames(cls);
    return candidates.find((s) => bases.includes(s.base) && (s.method === name || (!isProperty(definition) && registersMethod(cls, name))))?.entry ?? null;
  }
}

function isMethodForm(callee: string): boolean {
  return /^\w+#(\w+|\*)$/.test(callee);
}

/**
 * `Base#*` entries (agno's `Toolkit`): the class hands this method on as a bound method
 * (`tools=[self.search]`, `tools.append(self.search)`, `self.register(self.search)`), which is how
 * it registers the methods the model may call. A method only called (`self._request(...)`) is a helper.
 */
function registersMethod(cls: Node, name: string): boolean {
  return cls.descendantsOfType('attribute').some((attribute) => {
    if (!attribute || attribute.childForFieldName('object')?.text !== 'self' || attribute.childForFieldName('attribute')?.text !== name) return false;
    return REGISTERING_PARENTS.has(attribute.parent?.type ?? '');
  });
}

/** `@property` / `@cached_property`: read as an attribute, never handed on as a method. */
function isProperty(definition: Node): boolean {
  const holder = definition.parent;
  if (holder?.type !== 'decorated_definition') return false;
  return holder.namedChildren.some((d) => d.type === 'decorator' && /^(functools\.)?(property|cached_property)$/.test(d.namedChildren[0]?.text ?? ''));
}

/** Where a bound method is handed on: a list or tuple (`tools=[self.a]`), a call's argument (`tools.append(self.a)`). */
const REGISTERING_PARENTS = new Set(['list', 'tuple', 'argument_list', 'keyword_argument']);

/**
 * The names of a class's bases, and of the bases of those defined in the same module
 * (`class SearchBase(BaseTool)`, then `class Search(SearchBase)`), by their last name.
 */
export function baseNames(cls: Node, seen = new Set<string>()): string[] {
  const names: string[] = [];
  for (const base of fieldOf(cls, 'superclasses')?.namedChildren ?? []) {
    if (base.type !== 'identifier' && base.type !== 'attribute') continue;
    const name = calleeChain(base).at(-1);
    if (!name || seen.has(name)) continue;
    seen.add(name);
    names.push(name);
    const local = cls.parent?.namedChildren.find((c) => c.type === 'class_definition' && fieldOf(c, 'name')?.text === name);
    if (local) names.push(...baseNames(local, seen));
  }
  return names;
}

function isSpecial(callee: string): boolean {
  return isMethodForm(callee) || callee.startsWith('@') || callee.startsWith('=.') || callee === 'raise' || callee === 'assert' || callee === '{role,content}' || callee === 'f"?key="';
}
