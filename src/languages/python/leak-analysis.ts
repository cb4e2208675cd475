// Python taint analysis: intraprocedural, plus function summaries (what a function returns, and
// which parameters reach a sink inside it) of the same module, and of other modules of the package
// when the engine hands them over (FrontEndOptions.functionSummaries, its second pass). Sources: resolver function calls,
// values annotated with resolver types, env reads of registry `kind: secret` names (including
// pydantic settings fields). Sinks: the catalog in src/leak/sinks/python.ts.
import type { Node } from 'web-tree-sitter';
import type { FlowStep, FrontEndOptions, FunctionSummaryFact, LeakFact, Range } from '../../core/facts.js';
import type { SinkEntry } from '../../leak/sink-catalog.js';
import { externalCalleeName, ImportedSummaries } from './cross-file-calls.js';
import { envReadAt } from './env-reads.js';
import type { ModuleScope } from './module-scope.js';
import { callArguments, calleeChain, calleeName, rangeOf } from './python-syntax.js';
import type { SinkMatcher } from './sink-matcher.js';

interface Taint {
  /** `param` taints are symbolic: "whatever the caller passed as parameter `paramIndex`". */
  origin: 'source' | 'param';
  paramIndex?: number;
  /** Further parameters mixed into the same value (`prefix + k`); the steps follow `paramIndex`. */
  moreParams?: number[];
  secretId: string | null;
  envName: string | null;
  source: string;
  steps: FlowStep[];
}

interface ParamSink {
  paramIndex: number;
  entry: SinkEntry;
  node: Node;
  steps: FlowStep[];
}

interface FunctionInfo {
  node: Node;
  name: string;
  className: string | null;
  /** Parameter names in call order (without `self`/`cls` for methods). */
  params: string[];
  paramTypes: Array<string | null>;
  returnTaint: Taint | null;
  returnParams: Set<number>;
  paramSinks: ParamSink[];
  returnSink: SinkEntry | null;
}

type Env = Map<string, Taint>;

/** Calls whose result carries no string content of their argument. */
const OPAQUE_CALLS = new Set(['len', 'bool', 'int', 'float', 'hash', 'id', 'type', 'isinstance', 'issubclass', 'callable', 'hasattr', 'any', 'all']);
/** Calls whose result is (a transformation of) their arguments. */
const TRANSPARENT_CALLS = new Set(['str', 'repr', 'format', 'bytes', 'bytearray', 'dict', 'list', 'tuple', 'set', 'sorted', 'reversed', 'f', 'SecretStr']);
const TRANSPARENT_PREFIXES = ['base64.', 'urllib.parse.quote', 'binascii.', 'codecs.encode', 'json.dumps', 'yaml.dump', 'yaml.safe_dump', 'textwrap.'];
const BOOLEAN_METHODS = new Set(['startswith', 'endswith', 'isdigit', 'isalpha', 'isalnum', 'isspace', 'islower', 'isupper', 'count', 'find', 'rfind', 'index', '__len__', '__eq__', 'hexdigest', 'digest']);
const MAX_STEPS = 12;
/** A function body without any of these cannot pass a parameter to a sink, a callee or its return value. */
const SUMMARY_WORTHY_NODES = ['call', 'return_statement', 'raise_statement', 'assert_statement', 'dictionary'];

export class PythonLeakAnalysis {
  private readonly functions = new Map<string, FunctionInfo>();
  private globals: Env = new Map();
  private readonly leaks = new Map<string, LeakFact>();
  private readonly resolverFunctions: Set<string>;
  private readonly sanitizers: Set<string>;
  private readonly typePattern: RegExp | null;
  /** Attribute names whose value is a secret: pydantic settings fields of secret env names, class fields of resolver types. */
  private readonly secretAttributes = new Map<string, { secretId: string | null; envName: string | null }>();
  /** `Class.self.attr` -> taint, from assignments in any method of the class. */
  private readonly instanceAttributes = new Map<string, Taint>();
  private emit = false;
  private current: FunctionInfo | null = null;
  private readonly imported: ImportedSummaries | null;
  /** Calls of functions not defined here that receive a secret (see FrontEndResult.unresolvedCalls). */
  private readonly unresolved = new Set<string>();

  constructor(
    private readonly file: string,
    private readonly root: Node,
    private readonly scope: ModuleScope,
    private readonly options: FrontEndOptions,
    private readonly sinks: SinkMatcher,
    settingsFields: Map<string, string>,
    private readonly inTest: boolean,
  ) {
    this.resolverFunctions = new Set([...options.resolver.functions, ...(options.extraSources ?? [])]);
    this.sanitizers = new Set([...options.resolver.sanitizers, ...(options.extraSanitizers ?? [])]);
    const types = options.resolver.types.filter((t) => /^\w+$/.test(t));
    this.typePattern = types.length > 0 ? new RegExp(`\\b(${types.join('|')})\\b`) : null;
    for (const [field, envName] of settingsFields) {
      const secretId = options.secretNames[envName];
      if (secretId) this.secretAttributes.set(field, { secretId, envName });
    }
    const imported = options.functionSummaries ? new ImportedSummaries(file, scope, options.functionSummaries) : null;
    this.imported = imported && imported.size > 0 ? imported : null;
  }

  run(): LeakFact[] {
    this.collectFunctions();
    // Summary passes: module globals first, then functions twice so callees' summaries reach callers.
    this.globals = this.walkModule();
    for (let pass = 0; pass < 2; pass++) for (const info of this.functions.values()) this.analyzeFunction(info);
    this.emit = true;
    this.globals = this.walkModule();
    for (const info of this.functions.values()) this.analyzeFunction(info);
    return this.preciseLeaks();
  }

  /**
   * For a file that cannot hold a secret source: only the parameter summaries, and only of
   * functions that take parameters and do something a summary can record (call, return, ...).
   */
  runSummariesOnly(): void {
    this.collectFunctions();
    const worth = [...this.functions.values()].filter((info) => info.params.length > 0 && info.node.childForFieldName('body')?.descendantsOfType(SUMMARY_WORTHY_NODES)[0]);
    for (let pass = 0; pass < 2; pass++) for (const info of worth) this.analyzeFunction(info);
  }

  /** Summaries of module-level functions and class methods whose parameters reach the return value or a sink. */
  summaries(module: string): FunctionSummaryFact[] {
    const out: FunctionSummaryFact[] = [];
    for (const [name, info] of this.functions) {
      if (!isModuleLevel(info.node) || /^__\w+__$/.test(info.name)) continue;
      if (info.returnParams.size === 0 && info.paramSinks.length === 0) continue;
      const sinks = info.paramSinks.map((s) => ({
        param: s.paramIndex, ruleId: s.entry.ruleId, sink: s.entry.label, range: rangeOf(s.node),
        flow: [...s.steps, this.step(s.node, `reaches ${s.entry.label} (${s.entry.ruleId})`)].slice(-MAX_STEPS),
      }));
      out.push({
        kind: 'function-summary', language: 'python', name, module, params: info.params,
        returns: [...info.returnParams].sort((a, b) => a - b), sinks, range: rangeOf(info.node.childForFieldName('name') ?? info.node),
      });
    }
    return out;
  }

  unresolvedCalls(): string[] {
    return [...this.unresolved].sort();
  }

  // ---- structure -------------------------------------------------------------------------

  private collectFunctions(): void {
    for (const cls of this.root.descendantsOfType('class_definition')) {
      for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
        const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
        const type = assignment?.type === 'assignment' ? assignment.childForFieldName('type') : null;
        const left = assignment?.childForFieldName('left');
        if (type && left?.type === 'identifier' && this.isResolverType(type)) this.secretAttributes.set(left.text, { secretId: null, envName: null });
      }
    }
    for (const node of this.root.descendantsOfType('function_definition')) {
      const name = node.childForFieldName('name')?.text;
      if (!name) continue;
      const cls = enclosingClass(node);
      const params: string[] = [];
      const paramTypes: Array<string | null> = [];
      for (const param of node.childForFieldName('parameters')?.namedChildren ?? []) {
        const id = param.type === 'identifier' ? param : (param.childForFieldName('name') ?? param.namedChildren.find((c) => c.type === 'identifier'));
        params.push(id?.type === 'identifier' ? id.text : '*');
        paramTypes.push(param.childForFieldName('type')?.text ?? null);
      }
      if (cls && params.length > 0 && !isStaticMethod(node)) {
        params.shift();
        paramTypes.shift();
      }
      const info: FunctionInfo = {
        node, name, className: cls?.childForFieldName('name')?.text ?? null, params, paramTypes,
        returnTaint: null, returnParams: new Set(), paramSinks: [], returnSink: this.sinks.matchDecorated(node),
      };
      const returnType = node.childForFieldName('return_type');
      if (returnType && this.isResolverType(returnType)) info.returnTaint = this.typedSource(returnType, `${name}() -> ${returnType.text}`);
      this.functions.set(info.className ? `${info.className}.${name}` : name, info);
    }
  }

  private isResolverType(node: Node): boolean {
    return this.typePattern !== null && this.typePattern.test(node.text);
  }

  private walkModule(): Env {
    const env: Env = new Map();
    this.current = null;
    this.visitBlock(this.root, env);
    return env;
  }

  private analyzeFunction(info: FunctionInfo): void {
    const env: Env = new Map();
    this.current = info;
    info.params.forEach((param, index) => {
      const type = info.paramTypes[index];
      if (type && this.typePattern?.test(type)) {
        env.set(param, this.typedSource(info.node, `parameter ${param}: ${type}`));
      } else {
        env.set(param, { origin: 'param', paramIndex: index, secretId: null, envName: null, source: `parameter ${param}`, steps: [] });
      }
    });
    const body = info.node.childForFieldName('body');
    if (body) this.visitBlock(body, env);
    this.current = null;
  }

  // ---- statements ------------------------------------------------------------------------

  private visitBlock(block: Node, env: Env): void {
    for (const statement of block.namedChildren) this.visitStatement(statement, env);
  }

  private visitStatement(node: Node, env: Env): void {
    switch (node.type) {
      case 'function_definition':
      case 'class_definition':
      case 'decorated_definition':
      case 'comment':
      case 'import_statement':
      case 'import_from_statement':
        return;
      case 'expression_statement':
        for (const child of node.namedChildren) this.visitExpressionStatement(child, env);
        return;
      case 'return_statement': {
        const value = node.namedChildren[0];
        if (!value) return;
        const taint = this.evaluate(value, env);
        if (taint && this.current) this.recordReturn(this.current, taint, value);
        return;
      }
      case 'raise_statement': {
        const raised = node.namedChildren[0];
        if (!raised) return;
        if (raised.type === 'call' && this.sinks.raiseSink) {
          const args = callArguments(raised);
          for (const arg of [...args.positional, ...args.keywords.values()]) {
            const taint = this.evaluate(arg, env);
            if (taint) this.sinkHit(this.sinks.raiseSink, `raise ${calleeChain(raised.childForFieldName('function')).join('.')}`, arg, taint);
          }
        } else {
          this.evaluate(raised, env);
        }
        return;
      }
      case 'assert_statement': {
        const [condition, message] = node.namedChildren;
        if (condition) this.evaluate(condition, env);
        const taint = message ? this.evaluate(message, env) : null;
        if (taint && message && this.sinks.assertSink) this.sinkHit(this.sinks.assertSink, this.sinks.assertSink.label, message, taint);
        return;
      }
      case 'for_statement': {
        const taint = this.evaluate(node.childForFieldName('right'), env);
        this.bind(node.childForFieldName('left'), taint, env);
        for (const child of node.namedChildren) if (child.type === 'block' || child.type === 'else_clause') this.visitStatement(child, env);
        return;
      }
      case 'with_item': {
        const value = node.childForFieldName('value');
        if (value?.type === 'as_pattern') {
          const taint = this.evaluate(value.namedChildren[0] ?? null, env);
          this.bind(value.childForFieldName('alias'), taint, env);
        } else {
          this.evaluate(value, env);
        }
        return;
      }
      case 'block':
        this.visitBlock(node, env);
        return;
      default:
        // Compound statements and clauses: visit blocks/clauses as statements, evaluate conditions.
        for (const child of node.namedChildren) {
          if (child.type === 'block' || child.type.endsWith('_clause') || child.type === 'with_item' || child.type.endsWith('_statement')) this.visitStatement(child, env);
          else this.evaluate(child, env);
        }
    }
  }

  private visitExpressionStatement(node: Node, env: Env): void {
    if (node.type === 'assignment') {
      const right = node.childForFieldName('right');
      const left = node.childForFieldName('left');
      const type = node.childForFieldName('type');
      let taint = right ? (right.type === 'assignment' ? (this.visitExpressionStatement(right, env), this.evaluate(right.childForFieldName('left'), env)) : this.evaluate(right, env)) : null;
      if (type && this.isResolverType(type) && left) taint = this.typedSource(left, `${left.text}: ${type.text}`);
      this.bind(left, taint, env);
      return;
    }
    if (node.type === 'augmented_assignment') {
      const left = node.childForFieldName('left');
      const taint = union(this.evaluate(left, env), this.evaluate(node.childForFieldName('right'), env));
      this.bind(left, taint, env);
      return;
    }
    this.evaluate(node, env);
  }

  /** Binds a target (name, `self.x`, tuple of names) to a taint, or clears it. */
  private bind(target: Node | null, taint: Taint | null, env: Env): void {
    if (!target) return;
    if (target.type === 'identifier' || target.type === 'attribute') {
      if (taint) env.set(target.text, withStep(taint, this.step(target, `assigned to ${target.text}`)));
      else env.delete(target.text);
      // `self.key = secret` in one method is visible in the class's other methods.
      const cls = this.current?.className;
      if (cls && target.type === 'attribute' && target.text.startsWith('self.') && taint?.origin === 'source' && !this.instanceAttributes.has(`${cls}.${target.text}`)) {
        this.instanceAttributes.set(`${cls}.${target.text}`, env.get(target.text)!);
      }
      return;
    }
    if (target.type === 'subscript') {
      // `d["k"] = secret` taints the container.
      const container = target.childForFieldName('value');
      if (taint && container) env.set(container.text, withStep(taint, this.step(target, `stored in ${container.text}`)));
      return;
    }
    for (const child of target.namedChildren) this.bind(child, taint, env);
  }

  // ---- expressions -----------------------------------------------------------------------

  private evaluate(node: Node | null, env: Env): Taint | null {
    if (!node) return null;
    switch (node.type) {
      case 'identifier':
        return env.get(node.text) ?? (this.current && this.current.params.includes(node.text) ? null : this.globals.get(node.text)) ?? null;
      case 'attribute': {
        const direct = env.get(node.text) ?? this.globals.get(node.text) ?? this.instanceAttribute(node.text);
        if (direct) return direct;
        const objectTaint = this.evaluate(node.childForFieldName('object'), env);
        if (objectTaint?.origin === 'source') return objectTaint;
        const attr = node.childForFieldName('attribute')?.text ?? '';
        const secret = this.secretAttributes.get(attr);
        if (!secret) return objectTaint;
        const description = secret.envName ? `settings field ${attr} (${secret.envName})` : `field ${attr} of a resolver type`;
        return this.source(node, secret.secretId, secret.envName, description);
      }
      case 'subscript': {
        const read = envReadAt(node, this.scope);
        if (read) return this.envSource(read.name, read.api, node);
        this.evaluate(node.childForFieldName('subscript'), env);
        return this.evaluate(node.childForFieldName('value'), env);
      }
      case 'call':
        return this.evaluateCall(node, env);
      case 'string':
        return this.evaluateString(node, env);
      case 'binary_operator': {
        const left = this.evaluate(node.childForFieldName('left'), env);
        const rightNode = node.childForFieldName('right');
        const right = this.evaluate(rightNode, env);
        if (right && rightNode && node.childForFieldName('operator')?.text === '+') this.checkUrlConcat(node.childForFieldName('left'), rightNode, right);
        return union(left, right);
      }
      case 'comparison_operator':
      case 'not_operator':
        for (const child of node.namedChildren) this.evaluate(child, env);
        return null;
      case 'lambda':
        return null;
      case 'named_expression': {
        const taint = this.evaluate(node.childForFieldName('value'), env);
        this.bind(node.childForFieldName('name'), taint, env);
        return taint;
      }
      case 'dictionary':
        return this.evaluateDictionary(node, env);
      case 'conditional_expression': {
        const [body, condition, alternative] = node.namedChildren;
        this.evaluate(condition ?? null, env);
        return union(this.evaluate(body ?? null, env), this.evaluate(alternative ?? null, env));
      }
      default: {
        let taint: Taint | null = null;
        for (const child of node.namedChildren) taint = union(taint, this.evaluate(child, env));
        return taint;
      }
    }
  }

  private evaluateString(node: Node, env: Env): Taint | null {
    let taint: Taint | null = null;
    let literal = '';
    for (const child of node.namedChildren) {
      if (child.type === 'string_content' || child.type === 'escape_sequence') literal += child.text;
      else if (child.type === 'interpolation') {
        const inner = this.evaluate(child.childForFieldName('expression'), env);
        if (inner && this.sinks.urlQuerySink && isQueryValuePosition(literal)) this.sinkHit(this.sinks.urlQuerySink, this.sinks.urlQuerySink.label, child, inner);
        taint = union(taint, inner);
        literal += '{}';
      }
    }
    return taint;
  }

  private checkUrlConcat(left: Node | null, right: Node, taint: Taint): void {
    if (!left || !this.sinks.urlQuerySink) return;
    const text = this.scope.constString(left) ?? (left.type === 'binary_operator' ? this.scope.constString(left.childForFieldName('right')) : null);
    if (text !== null && isQueryValuePosition(text)) this.sinkHit(this.sinks.urlQuerySink, this.sinks.urlQuerySink.label, right, taint);
  }

  private evaluateDictionary(node: Node, env: Env): Taint | null {
    let taint: Taint | null = null;
    const keys = new Set<string>();
    let content: { node: Node; taint: Taint | null } | null = null;
    for (const child of node.namedChildren) {
      if (child.type !== 'pair') {
        taint = union(taint, this.evaluate(child, env));
        continue;
      }
      const keyNode = child.childForFieldName('key');
      const valueNode = child.childForFieldName('value');
      const key = this.scope.constString(keyNode);
      this.evaluate(keyNode, env);
      const valueTaint = this.evaluate(valueNode, env);
      if (key) keys.add(key);
      if (key === 'content' && valueNode) content = { node: valueNode, taint: valueTaint };
      taint = union(taint, valueTaint);
    }
    const chat = this.sinks.chatDictSink;
    if (chat && keys.has('role') && content?.taint) this.sinkHit(chat, chat.label, content.node, content.taint);
    return taint;
  }

  private evaluateCall(call: Node, env: Env): Taint | null {
    const read = envReadAt(call, this.scope);
    if (read) return read.name ? this.envSource(read.name, read.api, call) : null;
    const fn = call.childForFieldName('function');
    const args = callArguments(call);
    const positional = args.positional.map((arg) => this.evaluate(arg, env));
    const keywords = new Map<string, Taint | null>();
    for (const [name, value] of args.keywords) keywords.set(name, this.evaluate(value, env));
    const splat = args.splats.reduce<Taint | null>((acc, s) => union(acc, this.evaluate(s, env)), null);
    const receiverTaint = fn?.type === 'attribute' ? this.evaluate(fn.childForFieldName('object'), env) : null;

    const isSink = this.checkCallSinks(call, args, positional, keywords);

    const name = calleeName(call) ?? '';
    const qualified = this.scope.qualify(fn) ?? '';
    const allArgs = [...positional, ...keywords.values(), splat].reduce<Taint | null>((acc, t) => union(acc, t), null);
    if (this.sanitizers.has(name)) return null;
    if (this.resolverFunctions.has(name)) return this.resolverSource(call, args.positional[0] ?? args.keywords.values().next().value ?? null);
    if (OPAQUE_CALLS.has(qualified) || qualified.startsWith('hashlib.') || qualified.startsWith('hmac.') || qualified === 'secrets.compare_digest') return null;

    const callee = this.calleeFunction(fn);
    if (callee) return this.applySummary(callee, call, args, positional, keywords);
    const summary = this.imported?.resolve(fn);
    if (summary) return this.applyImportedSummary(summary, call, args, positional, keywords);
    if (this.emit && !isSink && allArgs?.origin === 'source') {
      const external = externalCalleeName(fn, this.scope);
      if (external) this.unresolved.add(external);
    }

    if (TRANSPARENT_CALLS.has(qualified) || TRANSPARENT_PREFIXES.some((p) => qualified.startsWith(p))) return allArgs;
    if (fn?.type === 'attribute') {
      if (name === 'format' || name === 'join' || name === 'format_map') return union(receiverTaint, allArgs);
      if (receiverTaint && !BOOLEAN_METHODS.has(name)) return receiverTaint;
    }
    return null;
  }

  private instanceAttribute(text: string): Taint | undefined {
    const cls = this.current?.className;
    return cls && text.startsWith('self.') ? this.instanceAttributes.get(`${cls}.${text}`) : undefined;
  }

  private calleeFunction(fn: Node | null): FunctionInfo | null {
    if (!fn) return null;
    if (fn.type === 'identifier') return this.functions.get(fn.text) ?? null;
    if (fn.type === 'attribute') {
      const receiver = fn.childForFieldName('object')?.text;
      const method = fn.childForFieldName('attribute')?.text;
      const cls = this.current?.className;
      if ((receiver === 'self' || receiver === 'cls') && cls && method) return this.functions.get(`${cls}.${method}`) ?? null;
      if (receiver && method) return this.functions.get(`${receiver}.${method}`) ?? null;
    }
    return null;
  }

  private applySummary(callee: FunctionInfo, call: Node, args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, keywords: Map<string, Taint | null>): Taint | null {
    const argTaint = (index: number): { taint: Taint | null; node: Node | null } => {
      const name = callee.params[index];
      if (index < positional.length) return { taint: positional[index], node: args.positional[index] };
      return { taint: keywords.get(name) ?? null, node: args.keywords.get(name) ?? null };
    };
    for (const paramSink of callee.paramSinks) {
      const { taint, node } = argTaint(paramSink.paramIndex);
      if (!taint || !node) continue;
      const passed = withStep(taint, this.step(node, `passed to ${callee.name}() as ${callee.params[paramSink.paramIndex]}`));
      const combined: Taint = { ...passed, steps: [...passed.steps, ...paramSink.steps].slice(-MAX_STEPS) };
      this.sinkHit(paramSink.entry, paramSink.entry.label, paramSink.node, combined);
    }
    let result = callee.returnTaint;
    for (const index of callee.returnParams) {
      const { taint, node } = argTaint(index);
      if (taint && node) result = union(result, withStep(taint, this.step(call, `returned by ${callee.name}()`)));
    }
    return result;
  }

  /** A function of another module: its sinks become leaks at this call's arguments, its `returns` taint the result. */
  private applyImportedSummary(summary: FunctionSummaryFact, call: Node, args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, keywords: Map<string, Taint | null>): Taint | null {
    const params = summary.params ?? [];
    const argAt = (index: number): { taint: Taint | null; node: Node | null } => {
      if (index < args.positional.length) return { taint: positional[index], node: args.positional[index] };
      const name = params[index];
      return name ? { taint: keywords.get(name) ?? null, node: args.keywords.get(name) ?? null } : { taint: null, node: null };
    };
    const shortName = summary.name.split('.').pop()!;
    for (const sink of summary.sinks) {
      const { taint, node } = argAt(sink.param);
      // A caller's own parameter passed on is not followed further: the engine runs one extra pass, not a fixpoint.
      if (!taint || !node || taint.origin !== 'source' || !this.emit) continue;
      const passed = this.step(node, `passed to '${shortName}' (param '${params[sink.param] ?? `#${sink.param + 1}`}')`);
      this.addLeak(sink.ruleId, sink.sink, rangeOf(node), taint, [...taint.steps, passed, ...sink.flow].slice(-MAX_STEPS));
    }
    let result: Taint | null = null;
    for (const index of summary.returns) {
      const { taint, node } = argAt(index);
      if (taint && node) result = union(result, withStep(taint, this.step(call, `returned by ${shortName}() (${summary.module})`)));
    }
    return result;
  }

  private recordReturn(info: FunctionInfo, taint: Taint, value: Node): void {
    if (taint.origin === 'param') for (const index of paramIndexes(taint)) info.returnParams.add(index);
    else if (!info.returnTaint) info.returnTaint = withStep(taint, this.step(value, `returned by ${info.name}()`));
    if (info.returnSink) this.sinkHit(info.returnSink, info.returnSink.label, value, taint);
  }

  // ---- sinks -----------------------------------------------------------------------------

  /** Reports tainted arguments of a sink call; true when the call is a catalog entry (sink or allowed). */
  private checkCallSinks(call: Node, args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, keywords: Map<string, Taint | null>): boolean {
    const entries = this.sinks.matchCall(call);
    if (entries.length === 0) return false;
    const allowed = new Set(entries.filter((e) => e.allowed && e.path).map((e) => e.path!.split(/[.[]/)[0]));
    for (const entry of entries) {
      if (entry.allowed) continue;
      const hits: Array<{ node: Node; taint: Taint | null }> = [];
      if (entry.args === 'all') {
        args.positional.forEach((node, i) => hits.push({ node, taint: positional[i] }));
        for (const [name, node] of args.keywords) if (!allowed.has(name)) hits.push({ node, taint: keywords.get(name) ?? null });
      } else {
        for (const i of entry.args) if (args.positional[i]) hits.push({ node: args.positional[i], taint: positional[i] });
      }
      if (entry.path) {
        const key = entry.path.split(/[.[]/)[0];
        const node = args.keywords.get(key);
        if (node && !allowed.has(key)) hits.push({ node, taint: keywords.get(key) ?? null });
      }
      for (const hit of hits) if (hit.taint) this.sinkHit(entry, entry.label, hit.node, hit.taint);
    }
    return true;
  }

  private sinkHit(entry: SinkEntry, label: string, node: Node, taint: Taint): void {
    if (taint.origin === 'param') {
      const info = this.current;
      for (const paramIndex of info ? paramIndexes(taint) : []) {
        if (info!.paramSinks.some((s) => s.node.id === node.id && s.entry.id === entry.id && s.paramIndex === paramIndex)) continue;
        info!.paramSinks.push({ paramIndex, entry: { ...entry, label }, node, steps: paramIndex === taint.paramIndex ? taint.steps : [] });
      }
      return;
    }
    if (!this.emit) return;
    this.addLeak(entry.ruleId, label, rangeOf(node), taint, [...taint.steps, this.step(node, `reaches ${label} (${entry.ruleId})`)]);
  }

  private addLeak(ruleId: string, sink: string, range: Range, taint: Taint, flow: FlowStep[]): void {
    const key = `${ruleId}|${range.line}:${range.column}-${range.endLine}:${range.endColumn}|${taint.secretId ?? taint.envName ?? taint.source}`;
    if (this.leaks.has(key)) return;
    this.leaks.set(key, {
      kind: 'leak', ruleId, sink, secretId: taint.secretId, envName: taint.envName,
      source: taint.source, range, flow, ...(this.inTest ? { inTest: true } : {}),
    });
  }

  /** Drops a leak whose range encloses another leak of the same rule and secret (the inner one is more precise). */
  private preciseLeaks(): LeakFact[] {
    const all = [...this.leaks.values()];
    const encloses = (a: LeakFact, b: LeakFact): boolean =>
      a !== b && a.ruleId === b.ruleId && a.secretId === b.secretId && a.envName === b.envName &&
      before(a.range.line, a.range.column, b.range.line, b.range.column) && before(b.range.endLine, b.range.endColumn, a.range.endLine, a.range.endColumn) &&
      (a.range.line !== b.range.line || a.range.column !== b.range.column || a.range.endLine !== b.range.endLine || a.range.endColumn !== b.range.endColumn);
    return all.filter((leak) => !all.some((other) => encloses(leak, other)));
  }

  // ---- sources ---------------------------------------------------------------------------

  private envSource(name: string | null, api: string, node: Node): Taint | null {
    if (!name) return null;
    const secretId = this.options.secretNames[name];
    if (!secretId) return null;
    const description = api === 'pydantic BaseSettings' ? `settings field (${name})` : node.type === 'subscript' ? `${api}["${name}"]` : `${api}("${name}")`;
    return this.source(node, secretId, name, description);
  }

  private resolverSource(call: Node, refNode: Node | null): Taint {
    const ref = this.scope.constString(refNode);
    let secretId: string | null = null;
    let envName: string | null = null;
    if (ref && this.options.envById[ref]) {
      secretId = ref;
      envName = this.options.envById[ref];
    } else if (ref && this.options.idsByName[ref]) {
      secretId = this.options.idsByName[ref];
      envName = ref;
    }
    const callee = calleeChain(call.childForFieldName('function')).join('.');
    // Only registry names/ids go into the description: an unknown literal could be anything.
    return this.source(call, secretId, envName, `${callee}(${secretId || envName ? JSON.stringify(ref) : '…'})`);
  }

  private typedSource(node: Node, description: string): Taint {
    return this.source(node, null, null, description);
  }

  private source(node: Node, secretId: string | null, envName: string | null, description: string): Taint {
    const what = secretId ? `secret ${secretId}` : 'secret value';
    return { origin: 'source', secretId, envName, source: description, steps: [this.step(node, `${what} from ${description}`)] };
  }

  private step(node: Node, note: string): FlowStep {
    const r = rangeOf(node);
    return { file: this.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn, note };
  }
}

function union(a: Taint | null, b: Taint | null): Taint | null {
  if (!a) return b;
  if (!b) return a;
  if (a.origin === 'param' && b.origin === 'param') {
    const extra = paramIndexes(b).filter((i) => !paramIndexes(a).includes(i));
    return extra.length === 0 ? a : { ...a, moreParams: [...(a.moreParams ?? []), ...extra] };
  }
  return a.origin === 'param' && b.origin === 'source' ? b : a;
}

function paramIndexes(taint: Taint): number[] {
  return taint.paramIndex === undefined ? [] : [taint.paramIndex, ...(taint.moreParams ?? [])];
}

function withStep(taint: Taint, step: FlowStep): Taint {
  return { ...taint, steps: [...taint.steps, step].slice(-MAX_STEPS) };
}

function before(l1: number, c1: number, l2: number, c2: number): boolean {
  return l1 < l2 || (l1 === l2 && c1 <= c2);
}

/** True when literal URL text so far ends inside a query string right after `name=`. */
function isQueryValuePosition(text: string): boolean {
  const q = text.indexOf('?');
  return q >= 0 && /[?&][\w.\-[\]]+=$/.test(text.slice(q));
}

function enclosingClass(fn: Node): Node | null {
  for (let p = fn.parent; p; p = p.parent) {
    if (p.type === 'class_definition') return p;
    if (p.type === 'function_definition') return null;
  }
  return null;
}

/** A module-level function, or a method of a module-level class: what other modules can import. */
function isModuleLevel(fn: Node): boolean {
  let node = fn.parent?.type === 'decorated_definition' ? fn.parent : fn;
  if (node.parent?.type === 'module') return true;
  const cls = node.parent?.type === 'block' ? node.parent.parent : null;
  if (cls?.type !== 'class_definition') return false;
  node = cls.parent?.type === 'decorated_definition' ? cls.parent : cls;
  return node.parent?.type === 'module';
}

function isStaticMethod(fn: Node): boolean {
  const parent = fn.parent;
  return parent?.type === 'decorated_definition' && parent.namedChildren.some((d) => d.type === 'decorator' && d.text === '@staticmethod');
}
