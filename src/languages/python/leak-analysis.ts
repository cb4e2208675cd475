// Python taint analysis: intraprocedural, plus function summaries (what a function returns, and
// which parameters reach a sink inside it) of the same module, and of other modules of the package
// when the engine hands them over (FrontEndOptions.functionSummaries, its second pass). Sources: resolver function calls
// (of registry ids of `kind: secret`; a wrapper's id parameter is decided per call site), values
// annotated with resolver types, env reads of registry `kind: secret` names (including pydantic
// settings fields). Taint is kept per key/attribute (a config dict with one secret key), objects
// built from a secret are not secret as a whole, and a leak is located at its sink, once per sink.
// Sinks: the catalog in src/leak/sinks/python.ts.
import { isMaskingReplacement } from '../../leak/mask-text.js';
import type { Node } from 'web-tree-sitter';
import type { FlowStep, FrontEndOptions, FunctionSummaryFact, LeakFact, LeakyTypeFact, Range, SecretShape } from '../../core/facts.js';
import { compareCodeUnits } from '../../core/compare.js';
import type { SinkEntry } from '../../leak/sink-catalog.js';
import { collectClasses, type ClassModel } from './class-model.js';
import { externalCalleeName, ImportedSummaries } from './cross-file-calls.js';
import { envReadAt, envWriteAt, type PythonEnvRead } from './env-reads.js';
import { choiceNames } from './key-choices.js';
import { isCredentialStoreDestination } from './file-destination.js';
import type { ModuleScope } from './module-scope.js';
import { callArguments, calleeChain, calleeName, dottedParts, fieldOf, rangeOf } from './python-syntax.js';
import type { SinkMatcher } from './sink-matcher.js';
import { argumentKeyIndex, argumentKeySegment } from '../../leak/argument-key.js';
import { alongPath, ANY_KEY, asText, keyOf, MAX_STEPS, member, paramIndexes, resolvedMember, union, withFields, withStep, type Taint } from './taint.js';
import { isRedactingCall, isShortSlice, SecretTypes, shortLengthGuard } from './redaction.js';
import { findLeakyTypes } from './leaky-types.js';
import { loopStrings } from './literal-lists.js';
import { httpClientModule } from './http-client-receivers.js';

interface ParamSink {
  paramIndex: number;
  /** Keys/attributes read from the parameter before the sink (`cfg["url"]`). */
  path?: string[];
  entry: SinkEntry;
  node: Node;
  steps: FlowStep[];
}

/** A sink reached inside a function by a secret whose registry id is one of its parameters. */
interface IdSink {
  idParam: number;
  entry: SinkEntry;
  node: Node;
  taint: Taint;
}

/** `proc.stdin` (any object's `stdin` but the interpreter's own `sys.stdin`): a child process's input pipe. */
function isProcessInputPipe(node: Node | null): boolean {
  return node?.type === 'attribute' && node.childForFieldName('attribute')?.text === 'stdin' && node.childForFieldName('object')?.text !== 'sys';
}

/** `self` or a dotted attribute path under it (`self.config`), as written on the left of an assignment. */
const SELF_PATH = /^self(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** A sink reached inside a method by an instance field (`print(self.token)`). */
interface FieldSink {
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
  /** Parameter annotations (the `type` nodes), in call order. */
  paramTypes: Array<Node | null>;
  returnTaint: Taint | null;
  /** Parameter index -> the access path returned from it (`return cfg["url"]`). */
  returnParams: Map<number, string[] | undefined>;
  /** Instance fields a method returns (`return self.token`). */
  returnFields: Set<string>;
  paramSinks: ParamSink[];
  idSinks: IdSink[];
  returnSink: SinkEntry | null;
}

type Env = Map<string, Taint>;

/** A call's callee, arguments, env read and matching catalog entries (see PythonLeakAnalysis.callSite). */
interface CallSite {
  envRead: ReturnType<typeof envReadAt>;
  fn: Node | null;
  args: ReturnType<typeof callArguments>;
  /** The callee's last name (`info` of `logger.info`), or ''. */
  name: string;
  /** The callee qualified through the imports (`os.environ.get`), or ''. */
  qualified: string;
  sinkEntries: SinkEntry[];
}

/** Keys of changedAt for the shared tables (besides FunctionInfo and ClassModel objects). */
const INSTANCE_ATTRIBUTES = 'instance-attributes';
const FIELD_SINKS = 'field-sinks';

const EMPTY_ARGUMENTS: ReturnType<typeof callArguments> = { positional: [], keywords: new Map(), splats: [] };

/** Calls whose result carries no string content of their argument. */
const OPAQUE_CALLS = new Set(['len', 'bool', 'int', 'float', 'hash', 'id', 'type', 'isinstance', 'issubclass', 'callable', 'hasattr', 'any', 'all']);
/** Calls whose result is the text of their arguments (an object prints its repr). */
const TEXT_CALLS = new Set(['str', 'repr', 'format', 'bytes', 'bytearray', 'f']);
/** Calls whose result is a container of their arguments. */
const CONTAINER_CALLS = new Set(['dict', 'list', 'tuple', 'set', 'sorted', 'reversed', 'copy.copy', 'copy.deepcopy']);
const TEXT_PREFIXES = ['base64.', 'urllib.parse.quote', 'binascii.', 'codecs.encode', 'textwrap.'];
/** Serializers that return text: not sinks themselves; the text is reported where it goes. */
const TEXT_SERIALIZERS: Record<string, string> = {
  'json.dumps': 'json.dumps', 'orjson.dumps': 'orjson.dumps', 'pickle.dumps': 'pickle.dumps', 'toml.dumps': 'toml.dumps',
  'yaml.dump': 'yaml.dump', 'yaml.safe_dump': 'yaml.safe_dump',
};
/** Methods of `str`/`bytes` whose result is (part of) the receiver's text. */
const STRING_METHODS = new Set([
  'strip', 'lstrip', 'rstrip', 'lower', 'upper', 'casefold', 'title', 'capitalize', 'swapcase', 'encode', 'decode', 'hex',
  'replace', 'removeprefix', 'removesuffix', 'ljust', 'rjust', 'center', 'zfill', 'expandtabs', 'translate',
  'split', 'rsplit', 'splitlines', 'partition', 'rpartition',
]);
/** Methods of a container that return it, or its parts, as a whole. */
const CONTAINER_METHODS = new Set(['copy', 'items', 'values', 'model_dump', 'dict', 'to_dict', 'model_dump_json', 'json']);
/** Calls that parse text into a document (a dict): `json.loads(secret)` holds the secret's members. */
const DOCUMENT_PARSERS = new Set(['json.loads', 'yaml.safe_load', 'yaml.load', 'tomllib.loads', 'toml.loads', 'orjson.loads', 'ujson.loads']);
/** Methods that read one key of a mapping. */
const KEY_READERS = new Set(['get', 'pop', 'setdefault', '__getitem__']);
/** A file write: where serialized text is stored. */
const WRITE_METHODS = new Set(['write', 'write_text', 'write_bytes', 'writelines']);
/** HTTP clients that keep the credentials they are built with (`client.headers`). */
const HTTP_CLIENTS = new Set(['httpx.Client', 'httpx.AsyncClient', 'aiohttp.ClientSession']);
/** Modules whose top-level verbs send a request (`requests.get(url, headers=...)`). */
const HTTP_MODULES = ['requests', 'httpx', 'aiohttp'];
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'send', 'stream']);
/** Keywords of a client or request that carry credentials. */
const CREDENTIAL_KEYWORDS = ['headers', 'auth', 'cookies'];
/** A function body without any of these cannot pass a parameter to a sink, a callee or its return value. */
const SUMMARY_WORTHY_NODES = ['call', 'return_statement', 'raise_statement', 'assert_statement', 'dictionary'];

/** A tuple as evaluateTuple builds it: members named by position only. */
function isTupleTaint(taint: Taint | null): boolean {
  return !!taint?.fields && taint.fields.size > 0 && !taint.className && [...taint.fields.keys()].every((key) => /^\d+$/.test(key));
}

/**
 * What a loop over `taint` binds: a dict whose keys are known (`{"minimax": key}`) yields its keys,
 * names and not the secrets; anything else (a list, a tuple, a value of unknown shape) as it is.
 */
function iterated(taint: Taint | null): Taint | null {
  const dictOfNames = !!taint?.fields && taint.fields.size > 0 && !taint.className && !taint.opaque && !isTupleTaint(taint);
  return dictOfNames ? null : taint;
}

/** Keys a comprehension condition on the loop's key `key` leaves out: `key != "X"`, `key not in ("X", "Y")`, joined by `and`. */
function excludedKeys(condition: Node | null, key: string, scope: ModuleScope): string[] {
  if (!condition) return [];
  if (condition.type === 'parenthesized_expression') return excludedKeys(condition.namedChildren[0] ?? null, key, scope);
  if (condition.type === 'boolean_operator' && condition.childForFieldName('operator')?.text === 'and') {
    return [...excludedKeys(condition.childForFieldName('left'), key, scope), ...excludedKeys(condition.childForFieldName('right'), key, scope)];
  }
  if (condition.type !== 'comparison_operator' || condition.namedChildren.length !== 2) return [];
  const [a, b] = condition.namedChildren as [Node, Node];
  const operator = condition.children.find((child) => !child.isNamed)?.type;
  if (operator === '!=') {
    const other = a.type === 'identifier' && a.text === key ? b : b.type === 'identifier' && b.text === key ? a : null;
    const text = other ? scope.constString(other) : null;
    return text !== null ? [text] : [];
  }
  if (operator === 'not in' && a.type === 'identifier' && a.text === key && ['tuple', 'list', 'set'].includes(b.type)) {
    return b.namedChildren.map((element) => scope.constString(element)).filter((text): text is string => text !== null);
  }
  return [];
}

/** The (key, value) pairs of a dict's `items()`: the values in element 1, the key element untainted. */
function pairsOf(dict: Taint): Taint | null {
  let values: Taint | null = null;
  for (const value of dict.fields!.values()) values = union(values, value);
  return values ? withFields(new Map([['1', values]])) : null;
}

export class PythonLeakAnalysis {
  private readonly functions = new Map<string, FunctionInfo>();
  private readonly classes: Map<string, ClassModel>;
  private globals: Env = new Map();
  private readonly leaks = new Map<string, LeakFact>();
  private readonly resolverFunctions: Set<string>;
  /** Config `leak.sources` items `{ call, path }`: call name -> the secret paths under its result. */
  private readonly sourcePaths = new Map<string, Array<{ callee: string[]; path: string[] }>>();
  private readonly sanitizers: Set<string>;
  private readonly secretTypes: SecretTypes;
  /** Attribute names whose value is a secret: pydantic settings fields of secret env names, class fields of resolver types. */
  private readonly secretAttributes = new Map<string, { secretId: string | null; envName: string | null; type: string | null }>();
  /** `Class.self.attr` -> taint, from assignments in any method of the class. */
  private readonly instanceAttributes = new Map<string, Taint>();
  /** `Class.field` -> the sinks its methods pass that field to. */
  private readonly fieldSinks = new Map<string, FieldSink[]>();
  private emit = false;
  /** Counts changes to what any function's analysis reads besides its own body: summaries, instance fields, field sinks. */
  private changes = 0;
  /** What changed last when: a FunctionInfo (its summary), a ClassModel (its init fields), 'instance-attributes', 'field-sinks'. */
  private readonly changedAt = new Map<unknown, number>();
  /** While a summary pass analyses a function: the keys (as in changedAt) it reads. */
  private reads: Set<unknown> | null = null;
  private readonly lastAnalysis = new Map<FunctionInfo, { startedAt: number; reads: Set<unknown>; wouldReport: boolean }>();
  /** Set when a summary pass reaches a point where the reporting pass would report (a leak, an unresolved call). */
  private wouldReport = false;
  /** Requests sent with a secret in the `try` body being visited (see `try_statement`), else null. */
  private sentRequests: Taint[] | null = null;
  /** Secret-bearing URLs of the requests sent in that `try` body, and whether httpx sent them (see bindHttpError). */
  private sentUrls: Array<{ url: Taint; httpx: boolean }> | null = null;
  /** Command lines run with a secret in the current `try` body by a call that raises on failure (subprocessCommand). */
  private sentCommands: Taint[] | null = null;
  private current: FunctionInfo | null = null;
  /** Env variables the current function set itself, with what it set (noteEnvWrite). */
  private envWrites = new Map<string, Taint | null>();
  private readonly imported: ImportedSummaries | null;
  /** Calls of functions not defined here that receive a secret (see FrontEndResult.unresolvedCalls). */
  private readonly unresolved = new Set<string>();
  private readonly callSites = new Map<number, CallSite>();
  private readonly typeMemo = new Map<number, string>();
  private readonly textMemo = new Map<number, string>();

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
    this.secretTypes = new SecretTypes(options.resolver.types, options.resolver.typeMembers);
    for (const spec of options.extraSourcePaths ?? []) {
      // `get_config` matches any callee ending so (`config.get_config()`); a dotted `call`
      // (`settings.load`) needs the callee's name chain to end with all its names.
      const callee = spec.call.split('.');
      const name = callee[callee.length - 1];
      this.sourcePaths.set(name, [...(this.sourcePaths.get(name) ?? []), { callee, path: spec.path }]);
    }
    this.classes = collectClasses(scope.nodes.of(['class_definition']));
    for (const [field, envName] of settingsFields) {
      const secretId = options.secretNames[envName];
      if (secretId) this.secretAttributes.set(field, { secretId, envName, type: null });
    }
    const imported = options.functionSummaries ? new ImportedSummaries(file, scope, options.functionSummaries) : null;
    this.imported = imported && imported.size > 0 ? imported : null;
  }

  run(): LeakFact[] {
    this.collectFunctions();
    // Summary passes: module globals first, then functions twice so callees' summaries reach
    // callers; the second time only where something the function read changed since its first
    // analysis began (it would otherwise do exactly the same again).
    this.globals = this.walkModule();
    for (const info of this.functions.values()) this.analyzeTracked(info);
    for (const info of this.functions.values()) if (!this.unchangedFor(info)) this.analyzeTracked(info);
    this.emit = true;
    const summaryGlobals = this.globals;
    this.globals = this.walkModule();
    const sameGlobals = sameValue(summaryGlobals, this.globals);
    // The reporting pass likewise skips a function whose last summary pass reached no point where
    // it would report (a leak, an unresolved call), when its view of the module is the same.
    for (const info of this.functions.values()) {
      if (sameGlobals && !this.lastAnalysis.get(info)!.wouldReport && this.unchangedFor(info)) continue;
      this.analyzeFunction(info);
    }
    return this.preciseLeaks();
  }

  /** Classes whose generated `repr` shows a secret field (after `run`, which fills the instance fields). */
  leakyTypes(): LeakyTypeFact[] {
    return findLeakyTypes({ classes: this.classes, instanceAttributes: this.instanceAttributes, secretTypes: this.secretTypes, scope: this.scope, secretNames: this.options.secretNames });
  }

  /** A summary pass's analysis of a function, noting what it read, when it began, and whether it would have reported. */
  private analyzeTracked(info: FunctionInfo): void {
    const startedAt = this.changes;
    const reads = new Set<unknown>();
    this.reads = reads;
    this.wouldReport = false;
    this.analyzeFunction(info);
    this.lastAnalysis.set(info, { startedAt, reads, wouldReport: this.wouldReport });
    this.reads = null;
  }

  /** Nothing the function's last analysis read (other functions' summaries, class fields, instance fields, field sinks) changed since it began. */
  private unchangedFor(info: FunctionInfo): boolean {
    const last = this.lastAnalysis.get(info);
    if (!last) return false;
    for (const key of last.reads) if ((this.changedAt.get(key) ?? 0) > last.startedAt) return false;
    return true;
  }

  private changed(key: unknown): void {
    this.changes++;
    this.changedAt.set(key, this.changes);
  }

  private read(key: unknown): void {
    this.reads?.add(key);
  }

  /**
   * For a file that cannot hold a secret source: only the parameter summaries, and only of
   * functions that take parameters and do something a summary can record (call, return, ...).
   */
  runSummariesOnly(): void {
    this.collectFunctions();
    // `__init__` too: where a constructor stores its arguments (`self.token = token`).
    const worth = [...this.functions.values()].filter((info) => info.params.length > 0 && (info.name === '__init__' || info.node.childForFieldName('body')?.descendantsOfType(SUMMARY_WORTHY_NODES)[0]));
    for (const info of worth) this.analyzeTracked(info);
    for (const info of worth) if (!this.unchangedFor(info)) this.analyzeTracked(info);
  }

  /** Summaries of module-level functions and class methods whose parameters reach the return value or a sink. */
  summaries(module: string): FunctionSummaryFact[] {
    const out: FunctionSummaryFact[] = [];
    for (const [name, info] of this.functions) {
      if (!isModuleLevel(info.node) || /^__\w+__$/.test(info.name)) continue;
      const returned = [...info.returnParams].sort(([a], [b]) => a - b);
      const returns = returned.filter(([, path]) => !path || path.length === 0).map(([index]) => index);
      // `return cfg["url"]`: only that key of the caller's argument comes back.
      const returnPaths = returned.filter(([, path]) => path && path.length > 0).map(([param, path]) => ({ param, path: path! }));
      // Methods hand a secret to other modules only through instances, which are not followed
      // across files; leaving them out also keeps common method names from re-analysing files.
      const returnsSecret = info.className ? null : toShape(info.returnTaint);
      if (returns.length === 0 && returnPaths.length === 0 && info.paramSinks.length === 0 && !returnsSecret) continue;
      const sinks = this.sinkSummaries(info);
      out.push({
        kind: 'function-summary', language: 'python', name, module, params: info.params,
        returns, sinks, range: rangeOf(info.node.childForFieldName('name') ?? info.node),
        ...(returnPaths.length > 0 ? { returnPaths } : {}), ...(returnsSecret ? { returnsSecret } : {}),
      });
    }
    // A class, called: which field keeps each argument, the sinks of its `__init__`, and (a settings
    // class, `class Settings(BaseSettings)`) the secret fields it loads by itself.
    for (const cls of this.classes.values()) {
      if (!isModuleLevel(cls.node)) continue;
      const init = this.functions.get(`${cls.name}.__init__`);
      const params = init ? init.params : cls.annotatedFields;
      const fields = init ? [...cls.initFields].map(([field, param]) => ({ param, field })) : cls.annotatedFields.map((field, param) => ({ param, field }));
      const sinks = init ? this.sinkSummaries(init) : [];
      const returnsSecret = toShape(this.secretFieldsOf(cls, cls.node.childForFieldName('name') ?? cls.node));
      if (fields.length === 0 && sinks.length === 0 && !returnsSecret) continue;
      out.push({
        kind: 'function-summary', language: 'python', name: cls.name, module, params, returns: [], sinks,
        range: rangeOf(cls.node.childForFieldName('name') ?? cls.node), constructs: { fields, printsFields: cls.printsFields },
        ...(returnsSecret ? { returnsSecret } : {}),
      });
    }
    // Module-level values that hold a secret (`settings = Settings()`, `API_KEY = os.environ[...]`).
    for (const [name, taint] of [...this.globals].sort(([a], [b]) => compareCodeUnits(a, b))) {
      const returnsSecret = /^\w+$/.test(name) && !/^__\w+__$/.test(name) ? toShape(taint) : null;
      const at = taint.steps[taint.steps.length - 1];
      if (!returnsSecret || !at || at.file !== this.file) continue;
      out.push({
        kind: 'function-summary', language: 'python', name, module, returns: [], sinks: [], value: true,
        range: { line: at.line, column: at.column, endLine: at.endLine ?? at.line, endColumn: at.endColumn ?? at.column }, returnsSecret,
      });
    }
    return out;
  }

  /** A function's parameter sinks as summary data, with the in-function flow. */
  private sinkSummaries(info: FunctionInfo): FunctionSummaryFact['sinks'] {
    return info.paramSinks.map((s) => ({
      param: s.paramIndex, ruleId: s.entry.ruleId, sink: s.entry.label, range: rangeOf(s.node),
      flow: [...s.steps, this.step(s.node, `reaches ${s.entry.label} (${s.entry.ruleId})`)].slice(-MAX_STEPS),
      ...(s.path && s.path.length > 0 ? { path: s.path } : {}),
    }));
  }

  unresolvedCalls(): string[] {
    return [...this.unresolved].sort();
  }

  // ---- structure -------------------------------------------------------------------------

  private collectFunctions(): void {
    for (const cls of this.scope.nodes.of(['class_definition'])) {
      for (const statement of cls.childForFieldName('body')?.namedChildren ?? []) {
        const assignment = statement.type === 'expression_statement' ? statement.namedChildren[0] : null;
        const type = assignment?.type === 'assignment' ? assignment.childForFieldName('type') : null;
        const left = assignment?.childForFieldName('left');
        if (!type || left?.type !== 'identifier') continue;
        const secretType = this.secretTypes.typeIn(type.text);
        if (!secretType) continue;
        const known = this.secretAttributes.get(left.text);
        if (known) known.type = secretType; // a settings field typed SecretStr holds the wrapper, not the text
        else if (this.secretTypes.declaredIn(type.text)) this.secretAttributes.set(left.text, { secretId: null, envName: null, type: secretType });
      }
    }
    for (const node of this.scope.nodes.of(['function_definition'])) {
      const name = node.childForFieldName('name')?.text;
      if (!name) continue;
      const cls = enclosingClass(node);
      const params: string[] = [];
      const paramTypes: Array<Node | null> = [];
      for (const param of node.childForFieldName('parameters')?.namedChildren ?? []) {
        const id = param.type === 'identifier' ? param : (param.childForFieldName('name') ?? param.namedChildren.find((c) => c.type === 'identifier'));
        params.push(id?.type === 'identifier' ? id.text : '*');
        paramTypes.push(param.childForFieldName('type'));
      }
      if (cls && params.length > 0 && !isStaticMethod(node)) {
        params.shift();
        paramTypes.shift();
      }
      const info: FunctionInfo = {
        node, name, className: cls?.childForFieldName('name')?.text ?? null, params, paramTypes,
        returnTaint: null, returnParams: new Map(), returnFields: new Set(), paramSinks: [], idSinks: [], returnSink: this.sinks.matchDecorated(node) ?? this.sinks.matchMethod(node),
      };
      const returnType = node.childForFieldName('return_type');
      const declared = returnType ? this.secretTypes.declaredIn(returnType.text) : null;
      if (returnType && declared) info.returnTaint = this.typedSource(returnType, `${name}() -> ${returnType.text}`, declared);
      this.functions.set(info.className ? `${info.className}.${name}` : name, info);
    }
  }

  /** `node.childForFieldName(name)`, the same Node object in every pass (whose children are then built once). */
  private field(node: Node, name: string): Node | null {
    return fieldOf(node, name);
  }

  /** `node.type`, read from the tree once per node. */
  private typeOf(node: Node): string {
    let type = this.typeMemo.get(node.id);
    if (type === undefined) this.typeMemo.set(node.id, (type = node.type));
    return type;
  }

  /** `node.text`, read from the tree once per node. */
  private textOf(node: Node): string {
    let text = this.textMemo.get(node.id);
    if (text === undefined) this.textMemo.set(node.id, (text = node.text));
    return text;
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
    const outerWrites = this.envWrites;
    this.envWrites = new Map();
    info.params.forEach((param, index) => {
      const typeNode = info.paramTypes[index];
      const type = typeNode?.text ?? null;
      const declared = type ? this.secretTypes.declaredIn(type) : null;
      const instance = typeNode && !declared ? this.importedInstance(typeNode, param) : null;
      if (type && declared) {
        env.set(param, this.typedSource(info.node, `parameter ${param}: ${type}`, declared));
      } else if (instance) {
        env.set(param, instance);
      } else {
        env.set(param, { origin: 'param', paramIndex: index, secretId: null, envName: null, source: `parameter ${param}`, steps: [] });
      }
    });
    const body = this.field(info.node, 'body');
    if (body) this.visitBlock(body, env);
    this.current = null;
    this.envWrites = outerWrites;
  }

  // ---- statements ------------------------------------------------------------------------

  private visitBlock(block: Node, env: Env): void {
    for (const statement of block.namedChildren) this.visitStatement(statement, env);
  }

  private visitStatement(node: Node, env: Env): void {
    switch (this.typeOf(node)) {
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
        if (this.typeOf(raised) === 'call' && this.sinks.raiseSink) {
          const args = callArguments(raised);
          for (const arg of [...args.positional, ...args.keywords.values()]) {
            const taint = asText(this.evaluate(arg, env));
            if (taint) this.sinkHit(this.sinks.raiseSink, `raise ${calleeChain(this.field(raised, 'function')).join('.')}`, arg, taint);
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
        const taint = iterated(this.evaluate(this.field(node, 'right'), env));
        this.bind(this.field(node, 'left'), taint, env);
        for (const child of node.namedChildren) if (this.typeOf(child) === 'block' || this.typeOf(child) === 'else_clause') this.visitStatement(child, env);
        return;
      }
      case 'with_item': {
        const value = this.field(node, 'value');
        if (value?.type === 'as_pattern') {
          const taint = this.evaluate(value.namedChildren[0] ?? null, env);
          this.bind(this.field(value, 'alias'), taint, env);
        } else {
          this.evaluate(value, env);
        }
        return;
      }
      case 'block':
        this.visitBlock(node, env);
        return;
      case 'if_statement':
        this.visitIf(node, env);
        return;
      case 'try_statement': {
        // Requests sent in the body with a secret: an `except ... as e` holds them (`e.request.headers`).
        const outer = this.sentRequests;
        const outerUrls = this.sentUrls;
        const outerCommands = this.sentCommands;
        this.sentRequests = [];
        this.sentUrls = [];
        this.sentCommands = [];
        const body = this.field(node, 'body');
        if (body) this.visitStatement(body, env);
        const sent = this.sentRequests;
        let urls = this.sentUrls;
        const commands = this.sentCommands;
        this.sentRequests = outer;
        this.sentUrls = outerUrls;
        this.sentCommands = outerCommands;
        outer?.push(...sent);
        outerUrls?.push(...urls);
        outerCommands?.push(...commands);
        for (const child of node.namedChildren) {
          if (child.id === body?.id) continue;
          if (this.typeOf(child) === 'except_clause' && sent.length > 0) {
            const caught = caughtNames(child);
            this.bindHttpError(child, sent, quotingUrls(urls, caught), env);
            // httpx quotes the URL only in HTTPStatusError: a later clause never sees that one.
            if (caught.some((name) => name === 'HTTPStatusError' || name === 'HTTPError')) urls = urls.filter((u) => !u.httpx);
          } else if (this.typeOf(child) === 'except_clause' && commands.length > 0 && quotesCommand(caughtNames(child))) {
            this.bindCommandError(child, commands, env);
          } else if (this.typeOf(child) === 'except_clause') {
            // `except OSError as e`: a new exception, whatever `e` was before (Python even unbinds it after the clause).
            const alias = this.exceptAlias(child);
            if (alias) this.bind(alias, null, env);
          }
          this.visitStatement(child, env);
        }
        return;
      }
      default:
        // Compound statements and clauses: visit blocks/clauses as statements, evaluate conditions.
        for (const child of node.namedChildren) {
          if (this.typeOf(child) === 'block' || this.typeOf(child).endsWith('_clause') || this.typeOf(child) === 'with_item' || this.typeOf(child).endsWith('_statement')) this.visitStatement(child, env);
          else this.evaluate(child, env);
        }
    }
  }

  private visitExpressionStatement(node: Node, env: Env): void {
    this.noteEnvWrite(node, env);
    if (this.typeOf(node) === 'assignment') {
      const right = this.field(node, 'right');
      const left = this.field(node, 'left');
      const type = this.field(node, 'type');
      let taint = right ? (this.typeOf(right) === 'assignment' ? (this.visitExpressionStatement(right, env), this.evaluate(this.field(right, 'left'), env)) : this.evaluate(right, env)) : null;
      const declared = type ? this.secretTypes.declaredIn(type.text) : null;
      // `token: SecretString = resolve_secret("X")`: the value is a wrapper around that secret.
      if (type && declared && left) taint = taint?.origin === 'source' ? { ...taint, opaque: 'secret-type', className: declared } : this.typedSource(left, `${this.textOf(left)}: ${type.text}`, declared);
      this.attributeSinkHit(left, right, taint);
      this.bind(left, taint, env);
      return;
    }
    if (this.typeOf(node) === 'augmented_assignment') {
      const left = this.field(node, 'left');
      const right = this.field(node, 'right');
      const added = this.evaluate(right, env);
      const taint = union(this.evaluate(left, env), added);
      this.attributeSinkHit(left, right, added);
      this.bind(left, taint, env);
      return;
    }
    this.evaluate(node, env);
  }

  /**
   * `monkeypatch.setenv("NAME", v)` / `os.environ["NAME"] = v` as a statement of the function's own
   * body (not in a branch or loop): a later read of NAME in this function is `v`, not the
   * operator's secret (litellm's tests set a fixture token, then print it). Written on some paths
   * only, a read may still get the operator's value.
   */
  private noteEnvWrite(node: Node, env: Env): void {
    // `setdefault` keeps a value already set and `putenv` leaves `os.environ` as it was: only these set what a read gets.
    const write = envWriteAt(node, this.scope);
    if (write?.api !== 'subscript' && write?.api !== 'setenv') return;
    const name = this.scope.constString(write.variable);
    const value = write.value;
    if (name === null || !this.current) return;
    const statement = node.parent;
    const top = !!statement?.parent && statement.parent.id === this.field(this.current.node, 'body')?.id;
    if (top && value) this.envWrites.set(name, this.evaluate(value, env));
    else this.envWrites.delete(name);
  }

  /**
   * `decrypt_and_reset_env_var()`, `load_dotenv()` between a write and a read: a call named for the
   * environment may set it again (litellm's entrypoint test decrypts what it set). A function of
   * this module that writes no variable (envWriteAt) and calls no such function does not.
   */
  private mayRewriteEnv(name: string, fn: Node | null): boolean {
    if (!/env/i.test(name) || name === 'setenv' || name === 'getenv') return false; // the write itself (noteEnvWrite), a read
    const local = fn?.type === 'identifier' ? this.functions.get(this.textOf(fn)) : undefined;
    if (!local) return true;
    return local.node.descendantsOfType(['assignment', 'call']).some((node) => !!node && (envWriteAt(node, this.scope) !== null || (node.type === 'call' && this.field(node, 'function')?.type === 'identifier' && /env/i.test(this.field(node, 'function')!.text))));
  }

  /**
   * `if c: a  elif d: b  else: e`: each branch starts from the values before the `if` (what one
   * branch stores is not there in another: litellm stores a secret in a dict in the `if` and
   * raises with the value in the `else`), and after it a name holds what any branch left in it.
   */
  private visitIf(node: Node, env: Env): void {
    const before = new Map(env);
    const outcomes: Env[] = [];
    let exhaustive = false;
    const branch = (body: Node): void => {
      const own = new Map(before);
      this.visitStatement(body, own);
      outcomes.push(own);
    };
    for (const child of node.namedChildren) {
      const type = this.typeOf(child);
      if (type === 'block') branch(child);
      else if (type === 'elif_clause') {
        this.evaluate(this.field(child, 'condition'), before);
        const body = this.field(child, 'consequence');
        if (body) branch(body);
      } else if (type === 'else_clause') {
        exhaustive = true;
        const body = this.field(child, 'body');
        if (body) branch(body);
      } else this.evaluate(child, before);
    }
    if (!exhaustive) outcomes.push(before);
    env.clear();
    for (const outcome of outcomes) for (const [name, taint] of outcome) env.set(name, union(env.get(name) ?? null, taint)!);
  }

  /** Binds a name or `object.attr` (written `text`; also `setattr(object, "attr", v)`) to a taint, or clears it. */
  private bindName(text: string, objectText: string | null, attr: string | null, taint: Taint | null, env: Env, at: Node): void {
    if (taint) env.set(text, withStep(taint, this.step(at, `assigned to ${text}`)));
    else env.delete(text);
    const info = this.current;
    const cls = info?.className;
    if (!cls || !attr || objectText === null || !SELF_PATH.test(objectText)) return;
    // `self.key = secret` (or `self.config.key = secret`: a path under self, the shape of provider
    // classes that fill their config's key from the environment) in one method is visible in the
    // class's other methods, at that path only.
    this.read(INSTANCE_ATTRIBUTES);
    if (taint?.origin === 'source' && !this.instanceAttributes.has(`${cls}.${text}`)) {
      this.instanceAttributes.set(`${cls}.${text}`, env.get(text)!);
      this.changed(INSTANCE_ATTRIBUTES);
    }
    if (objectText !== 'self') return;
    // `self.token = token` in `__init__`: a constructor argument becomes this field.
    const model = this.classes.get(cls);
    if (model && info.name === '__init__' && taint?.origin === 'param' && taint.paramIndex !== undefined && !taint.path?.length) {
      this.read(model);
      if (model.initFields.get(attr) !== taint.paramIndex) {
        model.initFields.set(attr, taint.paramIndex);
        this.changed(model);
      }
    }
  }

  /**
   * `setattr(o, name, secret)` with a computed name: `o.*` holds the secret, read by any attribute
   * of `o` not bound by name (also in the class's other methods for `self`). Sound, and simple:
   * the name is not known, so no attribute can be ruled out.
   */
  private bindAnyAttribute(objectText: string, taint: Taint, env: Env, at: Node): void {
    const key = `${objectText}.*`;
    const stored = withStep(taint, this.step(at, `stored by setattr(${objectText}, <computed name>)`));
    env.set(key, union(stored, env.get(key) ?? null)!);
    const cls = this.current?.className;
    this.read(INSTANCE_ATTRIBUTES);
    if (cls && objectText === 'self' && stored.origin === 'source' && !this.instanceAttributes.has(`${cls}.${key}`)) {
      this.instanceAttributes.set(`${cls}.${key}`, stored);
      this.changed(INSTANCE_ATTRIBUTES);
    }
  }

  /** Binds a target (name, `self.x`, `d["k"]`, tuple of names) to a taint, or clears it. */
  private bind(target: Node | null, taint: Taint | null, env: Env): void {
    if (!target) return;
    if (this.typeOf(target) === 'identifier' || this.typeOf(target) === 'attribute') {
      const objectText = this.typeOf(target) === 'attribute' ? (this.field(target, 'object')?.text ?? null) : null;
      this.bindName(this.textOf(target), objectText, this.field(target, 'attribute')?.text ?? null, taint, env, target);
      return;
    }
    if (this.typeOf(target) === 'subscript') {
      const container = this.field(target, 'value');
      if (!container) return;
      const key = this.scope.constString(this.field(target, 'subscript'));
      const current = env.get(this.textOf(container)) ?? null;
      // A parameter's dict (`data["api_key"] = os.getenv(...)` in a validator) is symbolic: storing a
      // real secret under one key makes that key secret, not the caller's other keys.
      const symbolic = !!current && current.origin !== 'source' && taint?.origin === 'source';
      if (key !== null && (!current || current.fields || symbolic)) {
        // `d["k"] = secret`: only that key of the container is secret.
        const fields = new Map(current?.fields ?? []);
        if (taint) fields.set(key, withStep(taint, this.step(target, `stored in ${this.textOf(target)}`)));
        else fields.delete(key);
        const next = withFields(fields, current?.className ? { className: current.className, ...(current.opaque ? { opaque: current.opaque } : {}) } : {});
        if (next) env.set(this.textOf(container), next);
        else env.delete(this.textOf(container));
      } else if (taint && key === null && taint.origin === 'source' && !taint.fields && (!current || current.fields || current.origin !== 'source')) {
        // `kwargs[k] = get_secret(v)`: a secret under some key; the container's named keys stay what
        // they were (a parameter's dict is symbolic, as for a constant key above).
        const fields = new Map(current?.fields ?? []);
        fields.set(ANY_KEY, union(withStep(taint, this.step(target, `stored in ${this.textOf(container)}[…]`)), fields.get(ANY_KEY) ?? null)!);
        env.set(this.textOf(container), withFields(fields, current?.className ? { className: current.className } : {})!);
      } else if (taint) {
        env.set(this.textOf(container), union(withStep(taint, this.step(target, `stored in ${this.textOf(container)}`)), current)!);
      }
      return;
    }
    // `a, b = value`: a tuple's elements by position (evaluateTuple); anything else whole, to each name.
    const children = target.namedChildren.filter((child) => child.type !== 'comment');
    const positional = isTupleTaint(taint) && (target.type === 'pattern_list' || target.type === 'tuple_pattern' || target.type === 'list_pattern') && !children.some((child) => child.type === 'list_splat_pattern');
    children.forEach((child, index) => this.bind(child, positional ? (taint!.fields!.get(String(index)) ?? null) : taint, env));
  }

  // ---- expressions -----------------------------------------------------------------------

  private evaluate(node: Node | null, env: Env): Taint | null {
    if (!node) return null;
    switch (this.typeOf(node)) {
      case 'identifier': {
        const own = env.get(this.textOf(node)) ?? (this.current && this.current.params.includes(this.textOf(node)) ? null : this.globals.get(this.textOf(node)));
        if (own) return own;
        return this.imported?.hasValues && !this.current?.params.includes(this.textOf(node)) ? this.importedValue(node) : null;
      }
      case 'attribute':
        return this.evaluateAttribute(node, env);
      case 'subscript': {
        const read = envReadAt(node, this.scope, 'subscript');
        if (read) return this.envReadSource(read, node);
        const index = this.field(node, 'subscript');
        const value = this.evaluate(this.field(node, 'value'), env);
        this.evaluate(index, env);
        // `key[:4]`: a short prefix or suffix identifies the key without showing it.
        if (index && isShortSlice(index) && value && !value.fields) return null;
        const key = this.scope.constString(index) ?? (index?.type === 'integer' && isTupleTaint(value) ? index.text : null) ?? this.argumentKeyOf(index, value);
        if (key !== null) return keyOf(value, key);
        return value?.fields ? asText({ ...value, opaque: undefined }) : value;
      }
      case 'call':
        return this.evaluateCall(node, env);
      case 'string':
        return this.evaluateString(node, env);
      case 'concatenated_string': {
        // `"https://host/token?" f"appid={app_id}&secret={secret}"`: one literal URL written in
        // parts; each part's query position counts the text of the parts before it.
        let taint: Taint | null = null;
        let literal = '';
        for (const child of node.namedChildren) {
          if (this.typeOf(child) !== 'string') {
            taint = union(taint, this.evaluate(child, env));
            continue;
          }
          const part = this.evaluateStringFrom(child, env, literal);
          taint = union(taint, part.taint);
          literal = part.literal;
        }
        return taint;
      }
      case 'binary_operator': {
        const left = asText(this.evaluate(this.field(node, 'left'), env));
        const rightNode = this.field(node, 'right');
        const right = asText(this.evaluate(rightNode, env));
        if (right && rightNode && this.field(node, 'operator')?.text === '+') this.checkUrlConcat(this.field(node, 'left'), rightNode, right);
        return union(left, right);
      }
      case 'comparison_operator':
      case 'not_operator':
        for (const child of node.namedChildren) this.evaluate(child, env);
        return null;
      case 'lambda':
        return null;
      case 'named_expression': {
        const taint = this.evaluate(this.field(node, 'value'), env);
        this.bind(this.field(node, 'name'), taint, env);
        return taint;
      }
      case 'dictionary':
        return this.evaluateDictionary(node, env);
      case 'list_comprehension':
      case 'set_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension':
        return this.evaluateComprehension(node, env);
      case 'tuple':
      case 'expression_list':
        return this.evaluateTuple(node, env);
      case 'conditional_expression': {
        const [body, condition, alternative] = node.namedChildren;
        this.evaluate(condition ?? null, env);
        // `key[:5] + "..." if len(key) >= 5 else key`: the branch that gives `key` whole runs only when it is short.
        const guard = shortLengthGuard(condition ?? null);
        const isShortBranch = (branch: Node | undefined, taken: boolean): boolean => !!guard && guard.shortWhen === taken && branch?.type === 'identifier' && branch.text === guard.name;
        return union(isShortBranch(body, true) ? null : this.evaluate(body ?? null, env), isShortBranch(alternative, false) ? null : this.evaluate(alternative ?? null, env));
      }
      default: {
        let taint: Taint | null = null;
        for (const child of node.namedChildren) taint = union(taint, this.evaluate(child, env));
        return taint;
      }
    }
  }

  /**
   * `[name for name, value in required.items() if not value]`: the comprehension's value is its
   * body, evaluated with each `for` clause's names bound to the elements of what it iterates (as a
   * `for` statement binds them), in a scope of its own; the iterables and conditions are evaluated
   * for what they call. Joining every part made the names of a dict of secrets tainted as the
   * secrets are (OpenHands: the names of unset keys, logged).
   */
  private evaluateComprehension(node: Node, env: Env): Taint | null {
    const inner: Env = new Map(env);
    const parts = node.namedChildren.filter((child) => child.type !== 'comment');
    const body = parts[0] ?? null;
    const copied = this.filteredDictCopy(node, parts, inner);
    if (copied !== undefined) return copied;
    for (const clause of parts.slice(1)) {
      if (clause.type === 'for_in_clause') {
        const taint = iterated(this.evaluate(this.field(clause, 'right'), inner));
        this.bind(this.field(clause, 'left'), taint, inner);
      } else {
        for (const child of clause.namedChildren) this.evaluate(child, inner);
      }
    }
    return this.evaluate(body, inner);
  }

  /**
   * `{k: v for k, v in headers.items() if k != "Authorization"}`: a copy of a dict, its fields kept
   * apart as they were, without the keys a condition leaves out (`k != "X"`, `k not in ("X", "Y")`,
   * joined by `and`; any other condition keeps every key). Undefined when the comprehension is not
   * such a copy.
   */
  private filteredDictCopy(node: Node, parts: Node[], env: Env): Taint | null | undefined {
    const [body, loop, ...conditions] = parts;
    if (node.type !== 'dictionary_comprehension' || body?.type !== 'pair' || loop?.type !== 'for_in_clause') return undefined;
    if (conditions.some((clause) => clause.type !== 'if_clause')) return undefined;
    const key = this.field(body, 'key');
    const value = this.field(body, 'value');
    const left = this.field(loop, 'left');
    const names = left && (left.type === 'pattern_list' || left.type === 'tuple_pattern') ? left.namedChildren.filter((c) => c.type !== 'comment') : [];
    const iterated = this.field(loop, 'right');
    const method = iterated?.type === 'call' ? this.field(iterated, 'function') : null;
    if (key?.type !== 'identifier' || value?.type !== 'identifier' || names.length !== 2 || names[0]!.text !== key.text || names[1]!.text !== value.text) return undefined;
    if (method?.type !== 'attribute' || this.field(method, 'attribute')?.text !== 'items' || callArguments(iterated!).positional.length > 0) return undefined;
    const source = this.evaluate(this.field(method, 'object'), env);
    for (const clause of conditions) for (const child of clause.namedChildren) this.evaluate(child, env);
    if (!source?.fields || isTupleTaint(source)) return source;
    const dropped = new Set(conditions.flatMap((clause) => excludedKeys(clause.namedChildren[0] ?? null, key.text, this.scope)));
    const kept = new Map([...source.fields].filter(([name]) => !dropped.has(name)));
    return withFields(kept, source.className ? { className: source.className } : {});
  }

  /**
   * `(model, provider, key, base)`: a tuple keeps its elements apart (fields `0`, `1`, …), so
   * unpacking it (`model, provider, key, base = get_llm_provider(m)`, litellm) taints only the
   * element that holds the secret. A starred element (`*rest`) makes positions unknown: the union.
   */
  private evaluateTuple(node: Node, env: Env): Taint | null {
    const elements = node.namedChildren.filter((child) => child.type !== 'comment');
    const taints = elements.map((element) => this.evaluate(element, env));
    if (elements.some((element) => element.type === 'list_splat' || element.type === 'parenthesized_list_splat')) {
      return taints.reduce<Taint | null>((all, taint) => union(all, taint), null);
    }
    const fields = new Map<string, Taint>();
    taints.forEach((taint, index) => {
      if (taint) fields.set(String(index), taint);
    });
    return withFields(fields);
  }

  private evaluateAttribute(node: Node, env: Env): Taint | null {
    return this.attributeOf(this.field(node, 'object'), this.field(node, 'attribute')?.text ?? '', this.textOf(node), node, env);
  }

  /**
   * `object.attr` (written `text`), also for `getattr(object, "attr")`: an attribute assigned in
   * view, another module's value, the member of a tainted object, a constructor field, or a
   * settings field.
   */
  private attributeOf(objectNode: Node | null, attr: string, text: string, node: Node, env: Env): Taint | null {
    const direct = env.get(text) ?? this.globals.get(text) ?? this.instanceAttribute(text);
    if (direct) return direct;
    const anyAttribute = objectNode ? this.anyAttribute(this.textOf(objectNode), env) : undefined;
    if (anyAttribute) return withStep(anyAttribute, this.step(node, `read as ${text}`));
    if (this.typeOf(node) === 'attribute' && this.imported?.hasValues) {
      const value = this.importedValue(node);
      if (value) return value;
    }
    const objectTaint = this.evaluate(objectNode, env);
    if (objectTaint) {
      const exposed = this.secretTypeMember(objectTaint, attr);
      if (exposed !== undefined) return exposed;
      // A settings object built here: the field read is where its secret comes into view.
      if (objectTaint.fields && this.secretAttributes.has(attr)) return this.secretAttribute(attr, node);
      if (objectTaint.origin === 'source' || objectTaint.fields || objectTaint.opaque) return member(objectTaint, attr);
    }
    // `self.token` in a method: whatever the constructor stored there, resolved per constructor call.
    const cls = this.current?.className ? this.classes.get(this.current.className) : undefined;
    if (cls) this.read(cls);
    if (cls && objectNode?.text === 'self' && (cls.initFields.has(attr) || cls.annotatedFields.includes(attr)) && !this.secretAttributes.has(attr)) {
      return { origin: 'field', field: attr, secretId: null, envName: null, source: `self.${attr}`, steps: [] };
    }
    return this.secretAttribute(attr, node) ?? (objectTaint ? member(objectTaint, attr) : null);
  }

  /** A settings field of a secret env name, or a field typed with a declared secret type: a source wherever it is read. */
  private secretAttribute(attr: string, node: Node): Taint | null {
    const secret = this.secretAttributes.get(attr);
    if (!secret) return null;
    const description = secret.envName ? `settings field ${attr} (${secret.envName})` : `field ${attr} of a resolver type`;
    const taint = this.source(node, secret.secretId, secret.envName, description);
    return secret.type ? { ...taint, opaque: 'secret-type', className: secret.type } : taint;
  }

  /** The secret fields an instance of `cls` holds by itself (settings fields loaded from the environment). */
  private secretFieldsOf(cls: ClassModel, node: Node): Taint | null {
    const fields = new Map<string, Taint>();
    for (const field of cls.annotatedFields) {
      const taint = this.secretAttribute(field, node);
      if (taint) fields.set(field, taint);
    }
    return withFields(fields, { className: cls.name, ...(cls.printsFields ? {} : { opaque: 'object' as const }) });
  }

  /**
   * A parameter annotated with another module's settings class (`settings: Settings =
   * Depends(get_settings)` in FastAPI): an instance with that class's secret fields.
   */
  private importedInstance(typeNode: Node, param: string): Taint | null {
    if (!this.imported) return null;
    const expression = typeNode.type === 'type' ? (typeNode.namedChildren[0] ?? null) : typeNode;
    const summary = this.imported.resolve(expression);
    if (!summary?.returnsSecret || !expression) return null;
    return this.fromShape(summary.returnsSecret, this.step(expression, `parameter ${param}: ${expression.text}`));
  }

  /** Another module's value imported here (`settings` of `from app.config import settings`). */
  private importedValue(node: Node): Taint | null {
    const summary = this.imported?.resolveValue(node);
    if (!summary?.returnsSecret) return null;
    return this.fromShape(summary.returnsSecret, this.step(node, `${this.textOf(node)} imported from ${summary.module}`));
  }

  /** A secret handed over by another module's summary, with this module's view of its members. */
  private fromShape(shape: SecretShape, step: FlowStep): Taint {
    const taint: Taint = {
      origin: 'source', secretId: shape.secretId, envName: shape.envName, source: shape.source,
      steps: [...shape.flow, step].slice(-MAX_STEPS),
    };
    if (shape.fields) taint.fields = new Map(shape.fields.map(([key, inner]) => [key, this.fromShape(inner, step)]));
    if (shape.opaque) taint.opaque = shape.opaque;
    if (shape.secretType) taint.className = shape.secretType;
    if (shape.resolved) taint.members = this.secretTypes.resolverMembers;
    if (shape.idParam !== undefined) taint.idParam = shape.idParam;
    return taint;
  }

  /**
   * `getattr(o, "key")` is `o.key`. With a computed name any attribute may be read: the result is
   * secret when the object holds a secret anywhere (a secret field, an exposing member, an
   * attribute assigned in view), as a whole and without its per-field shape.
   */
  private dynamicAttribute(objectNode: Node, nameNode: Node, objectTaint: Taint | null, call: Node, env: Env): Taint | null {
    const attr = attributeName(this.scope.constString(nameNode));
    if (attr !== null) return this.attributeOf(objectNode, attr, `${this.textOf(objectNode)}.${attr}`, call, env);
    // `for attr in ("model", "name"): getattr(llm, attr)`: one of those attributes, each read as written.
    const looped = loopStrings(nameNode, this.scope)?.map(attributeName);
    if (looped && looped.every((name): name is string => name !== null)) {
      let read: Taint | null = null;
      for (const name of looped) read = union(read, this.attributeOf(objectNode, name, `${this.textOf(objectNode)}.${name}`, call, env));
      return read;
    }
    const prefix = `${this.textOf(objectNode)}.`;
    let assigned: Taint | null = null;
    for (const table of [env, this.globals]) for (const [key, taint] of table) if (key.startsWith(prefix)) assigned = union(assigned, taint);
    const cls = this.current?.className;
    this.read(INSTANCE_ATTRIBUTES);
    if (cls && this.textOf(objectNode) === 'self') for (const [key, taint] of this.instanceAttributes) if (key.startsWith(`${cls}.self.`)) assigned = union(assigned, taint);
    const whole = (taint: Taint | null): Taint | null => {
      if (!taint || taint.origin !== 'source') return taint;
      const { fields: _f, opaque: _o, className: _c, members: _m, ...rest } = taint;
      return rest;
    };
    const result = union(whole(objectTaint), whole(assigned));
    // The object is a (dotted) name, so quoting it shows no literal; the name expression is not quoted.
    return result ? withStep(result, this.step(call, `read by getattr(${this.textOf(objectNode)}, <computed name>)`)) : null;
  }

  /** A member of a declared secret type: the secret for its exposing members, nothing for the rest; undefined for other values. */
  private secretTypeMember(taint: Taint, name: string): Taint | null | undefined {
    if (taint.opaque !== 'secret-type' || !taint.className) return undefined;
    if (this.secretTypes.kindOf(taint.className, name) !== 'expose') return null;
    const { opaque: _o, className: _c, ...exposed } = taint;
    return exposed;
  }

  private evaluateString(node: Node, env: Env): Taint | null {
    return this.evaluateStringFrom(node, env, '').taint;
  }

  /** A string literal (an f-string's interpolations checked for a URL query position), after `literal`, the text of the parts before it. */
  private evaluateStringFrom(node: Node, env: Env, before: string): { taint: Taint | null; literal: string } {
    let taint: Taint | null = null;
    let literal = before;
    for (const child of node.namedChildren) {
      if (this.typeOf(child) === 'string_content' || this.typeOf(child) === 'escape_sequence') literal += this.textOf(child);
      else if (this.typeOf(child) === 'interpolation') {
        const inner = asText(this.evaluate(this.field(child, 'expression'), env));
        if (inner && this.sinks.urlQuerySink && (isQueryValuePosition(literal) || (inner.query && isQueryStart(literal)))) {
          this.sinkHit(this.sinks.urlQuerySink, this.sinks.urlQuerySink.label, child, inner);
        }
        taint = union(taint, inner);
        literal += '{}';
      }
    }
    return { taint, literal };
  }

  private checkUrlConcat(left: Node | null, right: Node, taint: Taint): void {
    if (!left || !this.sinks.urlQuerySink) return;
    const text = this.scope.constString(left) ?? (this.typeOf(left) === 'binary_operator' ? this.scope.constString(this.field(left, 'right')) : null);
    if (text !== null && (isQueryValuePosition(text) || (taint.query && isQueryStart(text)))) this.sinkHit(this.sinks.urlQuerySink, this.sinks.urlQuerySink.label, right, taint);
  }

  private evaluateDictionary(node: Node, env: Env): Taint | null {
    let whole: Taint | null = null;
    const fields = new Map<string, Taint>();
    const keys = new Set<string>();
    let content: { node: Node; taint: Taint | null } | null = null;
    for (const child of node.namedChildren) {
      if (this.typeOf(child) !== 'pair') {
        // `**other`: its known fields stay per key.
        const spread = this.evaluate(child, env);
        if (spread?.fields && !spread.opaque) for (const [k, v] of spread.fields) fields.set(k, v);
        else whole = union(whole, asText(spread));
        continue;
      }
      const keyNode = this.field(child, 'key');
      const valueNode = this.field(child, 'value');
      const key = this.scope.constString(keyNode);
      this.evaluate(keyNode, env);
      const valueTaint = this.evaluate(valueNode, env);
      if (key !== null) {
        keys.add(key);
        if (valueTaint) fields.set(key, valueTaint);
      } else {
        whole = union(whole, valueTaint);
      }
      if (key === 'content' && valueNode) content = { node: valueNode, taint: valueTaint };
    }
    const chat = this.sinks.chatDictSink;
    if (chat && keys.has('role') && content?.taint) this.sinkHit(chat, chat.label, content.node, content.taint);
    return whole ? union(whole, withFields(fields)) : withFields(fields);
  }

  /**
   * What a call is, independent of taint: worked out once per call, as the summary passes and the
   * reporting pass evaluate each function again (and reusing its argument nodes keeps their children).
   */
  private callSite(call: Node): CallSite {
    let site = this.callSites.get(call.id);
    if (!site) {
      const fn = this.field(call, 'function');
      const envRead = envReadAt(call, this.scope, 'call');
      site = envRead
        ? { envRead, fn, args: EMPTY_ARGUMENTS, name: '', qualified: '', sinkEntries: [] }
        : { envRead, fn, args: callArguments(call), name: calleeName(call) ?? '', qualified: this.scope.qualify(fn) ?? '', sinkEntries: this.sinks.matchCall(call) };
      this.callSites.set(call.id, site);
    }
    return site;
  }

  /**
   * `dsn.replace(password, "***")`, `re.sub(r"//.*@", "//***@", url)`, `PATTERN.sub("****", key)`:
   * the literal replacement hides what it replaces (mask-text.ts). Python replaces every match.
   */
  private isMaskingReplace(qualified: string, name: string, positional: Node[], receiverTaint: Taint | null): boolean {
    let replacement: Node | undefined;
    if (qualified === 're.sub' || qualified === 'regex.sub') replacement = positional[1];
    else if (name === 'replace' && receiverTaint) replacement = positional[1];
    else if (name === 'sub' && !receiverTaint) replacement = positional[0];
    const text = replacement ? this.scope.constString(replacement) : null;
    return text !== null && isMaskingReplacement(text, true);
  }

  private evaluateCall(call: Node, env: Env): Taint | null {
    const site = this.callSite(call);
    const read = site.envRead;
    if (read) return this.envReadSource(read, call);
    const { fn, args } = site;
    const positional = args.positional.map((arg) => this.evaluate(arg, env));
    const keywords = new Map<string, Taint | null>();
    for (const [name, value] of args.keywords) keywords.set(name, this.evaluate(value, env));
    const splat = args.splats.reduce<Taint | null>((acc, s) => union(acc, this.evaluate(s, env)), null);
    const receiverTaint = fn?.type === 'attribute' ? this.evaluate(this.field(fn, 'object'), env) : null;

    const { name, qualified } = site;
    if (this.envWrites.size > 0 && this.mayRewriteEnv(name, fn)) this.envWrites.clear();
    const serializer = serializerOf(qualified, args);
    const isSink = this.checkCallSinks(call, site.sinkEntries, args, positional, keywords, serializer !== null);

    const allArgs = [...positional, ...keywords.values(), splat].reduce<Taint | null>((acc, t) => union(acc, t), null);
    if (isRedactingCall(name, this.sanitizers)) return null;
    if (this.isMaskingReplace(qualified, name, args.positional, receiverTaint)) return null;
    // `json.loads(secret_text)`: the parsed document, its members told apart by name (Taint.parsed).
    if (DOCUMENT_PARSERS.has(qualified)) {
      const text = asText(positional[0] ?? null);
      return text ? { ...withStep(text, this.step(call, `parsed by ${qualified}`)), parsed: true } : null;
    }
    // `re.sub(pattern, repl, text)` / `PATTERN.sub(repl, text)`: the text with some parts rewritten.
    if (qualified === 're.sub' || qualified === 'regex.sub') return union(positional[2] ?? null, positional[1] ?? null);
    if (name === 'sub' && !receiverTaint && fn?.type === 'attribute' && positional.length >= 2) return union(positional[1] ?? null, positional[0] ?? null);
    if (this.resolverFunctions.has(name)) return this.resolverSource(call, args.positional[0] ?? args.keywords.values().next().value ?? null);
    const declaredPaths = this.declaredPathsOf(call, name);
    if (declaredPaths.length > 0) return this.declaredPathSource(call, declaredPaths);
    // getattr/setattr on a name or dotted name (`cfg`, `self.client`); other objects as any call.
    const named = dottedParts(args.positional[0] ?? null) !== null;
    if (qualified === 'getattr' && named && args.positional.length >= 2) return union(this.dynamicAttribute(args.positional[0], args.positional[1], positional[0], call, env), positional[2] ?? null);
    if (qualified === 'setattr' && named && args.positional.length === 3) {
      // `setattr(o, "key", v)` is `o.key = v`. With a computed name the secret may be under any
      // attribute: every later attribute read of `o` (one it was not given by name) is the secret.
      const attr = attributeName(this.scope.constString(args.positional[1]));
      const objectText = args.positional[0].text;
      if (attr !== null) this.bindName(`${objectText}.${attr}`, objectText, attr, positional[2], env, call);
      else if (positional[2]) this.bindAnyAttribute(objectText, positional[2], env, call);
      return null;
    }
    if (OPAQUE_CALLS.has(qualified) || qualified.startsWith('hashlib.') || qualified.startsWith('hmac.') || qualified === 'secrets.compare_digest') return null;

    const cls = fn?.type === 'identifier' ? this.classes.get(this.textOf(fn)) : undefined;
    if (cls) return this.construct(cls, call, args, positional, keywords);
    const callee = this.calleeFunction(fn, receiverTaint);
    if (callee) return this.applySummary(callee, call, args, positional, keywords, receiverTaint);
    const summary = this.imported?.resolve(fn);
    if (summary) return this.applyImportedSummary(summary, call, args, positional, keywords);
    this.noteSubprocessCommand(qualified, args, positional, keywords, call);
    const http = this.httpObject(qualified, name, receiverTaint, positional, keywords, call);
    if (http !== undefined) return http;
    if (!this.emit && !isSink && allArgs?.origin === 'source') this.wouldReport = true;
    if (this.emit && !isSink && allArgs?.origin === 'source') {
      const external = externalCalleeName(fn, this.scope);
      if (external) this.unresolved.add(external);
    }

    if (serializer) {
      const text = asText(allArgs);
      return text ? { ...text, serialized: serializer } : null;
    }
    if (qualified === 'urllib.parse.urlencode' || qualified === 'urllib.urlencode') {
      const text = asText(allArgs);
      return text ? { ...text, query: true } : null;
    }
    // `SecretStr(token)` where the registry declares `SecretStr` (resolver.types): the value built is a
    // secret of that type whatever its argument's origin, as a parameter annotated with it is
    // (OpenHands wraps a user's provider token so, then logs `get_secret_value()`).
    const constructed = qualified.split('.').pop() ?? '';
    if (constructed && this.secretTypes.declaredIn(constructed) === constructed) {
      return allArgs?.origin === 'source' ? { ...allArgs, opaque: 'secret-type', className: constructed } : this.typedSource(call, `${constructed}(…)`, constructed);
    }
    if (qualified === 'SecretStr' || qualified === 'pydantic.SecretStr' || qualified === 'SecretBytes' || qualified === 'pydantic.SecretBytes') {
      // pydantic's wrapper prints `**********`; `get_secret_value()` gives the text back.
      return allArgs ? { ...allArgs, opaque: 'secret-type', className: qualified.split('.').pop()! } : null;
    }
    if (qualified === 'dict' && args.positional.length === 0) {
      const fields = new Map<string, Taint>();
      for (const [key, taint] of keywords) if (taint) fields.set(key, taint);
      return union(asText(splat), withFields(fields));
    }
    if (CONTAINER_CALLS.has(qualified)) return allArgs;
    if (TEXT_CALLS.has(qualified) || TEXT_PREFIXES.some((p) => qualified.startsWith(p))) return asText(allArgs);
    if (fn?.type === 'attribute') {
      this.checkSerializedWrite(name, this.field(fn, 'object'), args, positional, isSink);
      return this.methodResult(name, receiverTaint, args, asText(allArgs));
    }
    return null;
  }

  /** The result of `receiver.method(...)` for a receiver that is not one of this module's classes. */
  private methodResult(name: string, receiver: Taint | null, args: ReturnType<typeof callArguments>, argsText: Taint | null): Taint | null {
    if (name === 'format' || name === 'join' || name === 'format_map') return union(asText(receiver), argsText);
    if (!receiver) return null;
    // `creds.get("client_id")` of a resolver's result reads a key, as `creds["client_id"]` does (an exposing `.get()` takes no key).
    if (KEY_READERS.has(name) && receiver.members && !receiver.fields && !receiver.opaque && args.positional.length > 0) {
      const key = this.scope.constString(args.positional[0]!);
      if (key !== null) return keyOf(receiver, key);
    }
    const exposed = this.secretTypeMember(receiver, name);
    if (exposed !== undefined) return exposed;
    if (receiver.members && !receiver.fields && !receiver.opaque) {
      // A resolver's result: an exposing method hands the secret out; `str` helpers keep its text
      // (the resolver may return the plain string) unless the type declares them safe.
      if (receiver.members.expose.has(name)) return resolvedMember(receiver, name) ?? null;
      if (receiver.members.redact.has(name) || receiver.members.safe.has(name)) return null;
      return STRING_METHODS.has(name) ? asText(receiver) : null;
    }
    if (KEY_READERS.has(name)) {
      const key = this.scope.constString(args.positional[0] ?? null) ?? this.argumentKeyOf(args.positional[0] ?? null, receiver);
      return key !== null ? keyOf(receiver, key) : receiver.fields ? asText({ ...receiver, opaque: undefined }) : receiver;
    }
    // `d.items()` of a dict whose keys are known: (name, value) pairs whose names are not the secrets.
    if (name === 'items' && receiver.fields && !receiver.opaque && !isTupleTaint(receiver)) return pairsOf(receiver);
    // `config.items()` of a mapping whose keys are not known here (a parameter, a value read from
    // another): the values may hold the secret, the keys are names (an MCP server's, a setting's).
    if (name === 'items' && !receiver.fields && !receiver.opaque) return withFields(new Map([['1', receiver]]));
    if (CONTAINER_METHODS.has(name)) return receiver.opaque === 'object' ? null : receiver;
    // A method of an object built from a secret consumes it; only string helpers hand text on.
    if (STRING_METHODS.has(name)) return asText(receiver);
    return null;
  }

  /** Serialized text written to a file (`f.write(json.dumps(cfg))`): the serialization is persisted there. */
  private checkSerializedWrite(name: string, file: Node | null, args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, isSink: boolean): void {
    if (isSink || !WRITE_METHODS.has(name)) return;
    const index = positional.findIndex((t) => t?.serialized);
    if (index < 0) return;
    // The program's own credential or config file (`credentials_path.write_text(json.dumps(...))`) is where the key lives.
    if (isCredentialStoreDestination(file, this.scope)) return;
    // A child process's input pipe (`proc.stdin.write(json.dumps(ctx))`): the secret goes to a
    // process the code started, by the channel meant for it (not its arguments, not a log).
    if (isProcessInputPipe(file)) return;
    const taint = positional[index]!;
    const entry: SinkEntry = { id: 'serialized-write', language: 'python', ruleId: 'no-secret-serialization', callee: `*.${name}`, args: [0], label: `${taint.serialized} written by ${name}()` };
    this.sinkHit(entry, entry.label, args.positional[index], taint);
  }

  /** What `setattr(o, <computed name>, v)` stored in `o` (see bindAnyAttribute). */
  private anyAttribute(objectText: string, env: Env): Taint | undefined {
    const key = `${objectText}.*`;
    return env.get(key) ?? this.globals.get(key) ?? this.instanceAttribute(key);
  }

  private instanceAttribute(text: string): Taint | undefined {
    this.read(INSTANCE_ATTRIBUTES);
    const cls = this.current?.className;
    return cls && text.startsWith('self.') ? this.instanceAttributes.get(`${cls}.${text}`) : undefined;
  }

  private calleeFunction(fn: Node | null, receiverTaint: Taint | null): FunctionInfo | null {
    if (!fn) return null;
    if (this.typeOf(fn) === 'identifier') return this.functions.get(this.textOf(fn)) ?? null;
    if (this.typeOf(fn) === 'attribute') {
      const receiver = this.field(fn, 'object')?.text;
      const method = this.field(fn, 'attribute')?.text;
      const cls = this.current?.className;
      if ((receiver === 'self' || receiver === 'cls') && cls && method) return this.functions.get(`${cls}.${method}`) ?? null;
      if (receiverTaint?.className && method) return this.functions.get(`${receiverTaint.className}.${method}`) ?? null;
      if (receiver && method) return this.functions.get(`${receiver}.${method}`) ?? null;
    }
    return null;
  }

  /**
   * `Client(token=key)`: the argument is stored in the field the constructor gives it (and only
   * there); the sinks the class's methods pass that field to are reached now.
   */
  private construct(cls: ClassModel, call: Node, args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, keywords: Map<string, Taint | null>): Taint | null {
    const fields = new Map<string, Taint>();
    const store = (field: string, taint: Taint | null): void => {
      if (taint) fields.set(field, withStep(taint, this.step(call, `stored in ${cls.name}.${field}`)));
    };
    this.read(cls);
    this.read(FIELD_SINKS);
    const init = this.functions.get(`${cls.name}.__init__`);
    if (init) {
      this.applySummary(init, call, args, positional, keywords, null);
      for (const [field, index] of cls.initFields) {
        const name = init.params[index];
        store(field, index < positional.length ? positional[index] : (keywords.get(name) ?? null));
      }
    } else {
      cls.annotatedFields.forEach((field, index) => store(field, this.validated(cls, field, index < positional.length ? positional[index] : (keywords.get(field) ?? null))));
    }
    // Settings fields not given here are loaded from the environment.
    for (const [field, taint] of this.secretFieldsOf(cls, call)?.fields ?? []) if (!fields.has(field)) fields.set(field, taint);
    for (const [field, taint] of fields) {
      for (const sink of this.fieldSinks.get(`${cls.name}.${field}`) ?? []) {
        this.sinkHit(sink.entry, sink.entry.label, sink.node, { ...taint, steps: [...taint.steps, ...sink.steps].slice(-MAX_STEPS) });
      }
    }
    const object = withFields(fields, { className: cls.name, ...(cls.printsFields ? {} : { opaque: 'object' as const }) });
    return object;
  }

  /**
   * httpx/requests/aiohttp objects that keep a secret they were given: a client built with secret
   * headers (`client.headers`), and a request sent with them, whose response (`resp.request.headers`)
   * and HTTP error (`e.request.headers`, bound in the `except` of the `try` that sent it) carry the
   * headers back out. The objects themselves print no secret; undefined for other calls.
   */
  private httpObject(qualified: string, name: string, receiver: Taint | null, positional: Array<Taint | null>, keywords: Map<string, Taint | null>, call: Node): Taint | null | undefined {
    const credentials = new Map<string, Taint>();
    for (const keyword of CREDENTIAL_KEYWORDS) {
      const taint = keywords.get(keyword);
      if (taint) credentials.set(keyword, taint);
    }
    if (HTTP_CLIENTS.has(qualified)) {
      return credentials.size > 0 ? withFields(credentials, { opaque: 'object', className: qualified }) : undefined;
    }
    const fn = this.field(call, 'function');
    const receiverNode = fn?.type === 'attribute' ? this.field(fn, 'object') : null;
    const localClient = receiverNode?.type === 'identifier' && HTTP_VERBS.has(name) && httpClientModule(receiverNode, this.scope) !== null;
    const fromClient = (localClient || (!!receiver?.className && HTTP_CLIENTS.has(receiver.className))) && HTTP_VERBS.has(name);
    const fromModule = HTTP_VERBS.has(name) && HTTP_MODULES.some((module) => qualified === `${module}.${name}`);
    if (!fromClient && !fromModule) return undefined;
    if (fromClient) for (const [keyword, taint] of receiver?.fields ?? []) if (!credentials.has(keyword)) credentials.set(keyword, taint);
    // The URL as sent (`params` in its query string, a token in its path): the text of the
    // request's URL, which its HTTP errors quote ("401 ... for url: https://...?api_key=...").
    const urlArgument = name === 'request' ? (positional[1] ?? keywords.get('url')) : (positional[0] ?? keywords.get('url'));
    const url = union(asText(keywords.get('params') ?? null), asText(urlArgument ?? null));
    if (url) {
      credentials.set('url', url);
      this.sentUrls?.push({ url, httpx: qualified.startsWith('httpx.') || !!receiver?.className?.startsWith('httpx.') || (localClient && httpClientModule(receiverNode!, this.scope) === 'httpx') });
    }
    if (credentials.size === 0) return undefined;
    const request = withStep(withFields(credentials, { opaque: 'object' })!, this.step(call, `sent by ${qualified || name}()`));
    this.sentRequests?.push(request);
    return withFields(new Map([['request', request], ...(url ? [['url', url] as [string, Taint]] : [])]), { opaque: 'object' });
  }

  /**
   * `except ... as e` after a `try` that sent `requests`: the error holds the request, and its
   * response does too. A request whose URL held a secret makes the error's text secret as well:
   * requests' and httpx's HTTP errors quote the URL (`str(e)`, `f"{e}"`), its attributes do not.
   */
  /**
   * `subprocess.run(cmd, check=True)`, `check_call`, `check_output`: on failure they raise a
   * CalledProcessError whose text is the whole command line (`Command '[..., 'sk-…']' returned
   * non-zero exit status 1`). A secret in the command (twine's `--password`) is then in `str(e)`:
   * noted for the `except` clauses of the enclosing `try` (bindCommandError).
   */
  private noteSubprocessCommand(qualified: string, args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, keywords: Map<string, Taint | null>, call: Node): void {
    if (!this.sentCommands) return;
    const raising = qualified === 'subprocess.check_call' || qualified === 'subprocess.check_output' || (qualified === 'subprocess.run' && args.keywords.get('check')?.text === 'True');
    if (!raising) return;
    const command = asText(positional[0] ?? keywords.get('args') ?? null);
    if (command) this.sentCommands.push(withStep(command, this.step(call, `run by ${qualified}(), whose error quotes the command`)));
  }

  /** `except subprocess.CalledProcessError as e`: `e` (its text, `e.cmd`) holds the command line run in the `try`. */
  private bindCommandError(clause: Node, commands: Taint[], env: Env): void {
    const alias = this.exceptAlias(clause);
    if (!alias) return;
    const command = commands.reduce<Taint | null>((acc, t) => union(acc, t), null)!;
    const fields = new Map([['cmd', command], ['args', command]]);
    this.bind(alias, { ...withStep(command, this.step(alias, `quoted by the process error ${alias.text}`)), fields }, env);
  }

  /** The name an `except … as e` clause binds, when it is a plain name. */
  private exceptAlias(clause: Node): Node | null {
    const value = this.field(clause, 'value');
    const alias = value?.type === 'as_pattern' ? this.field(value, 'alias')?.namedChildren[0] ?? null : null;
    return alias && this.typeOf(alias) === 'identifier' ? alias : null;
  }

  private bindHttpError(clause: Node, requests: Taint[], urls: Taint[], env: Env): void {
    const alias = this.exceptAlias(clause);
    if (!alias) return;
    const request = requests.reduce<Taint | null>((acc, t) => union(acc, t), null)!;
    const url = urls.reduce<Taint | null>((acc, t) => union(acc, t), null);
    const response = withFields(new Map([['request', request], ...(url ? [['url', url] as [string, Taint]] : [])]), { opaque: 'object' })!;
    const fields = new Map([['request', request], ['response', response]]);
    const error = url ? { ...withStep(url, this.step(alias, `quoted by the HTTP error ${alias.text}`)), fields } : withFields(fields, { opaque: 'object' });
    this.bind(alias, error, env);
  }

  /**
   * What a pydantic model keeps for a field given `taint`: a `SecretStr`/`SecretBytes` field
   * converts the text into the wrapper, which prints `**********` (its `get_secret_value()` gives
   * the text back). A dataclass converts nothing: its field keeps the text.
   */
  private validated(cls: ClassModel, field: string, taint: Taint | null): Taint | null {
    if (!taint || !cls.validatesFields || taint.opaque) return taint;
    const type = this.secretTypes.typeIn(cls.fieldAnnotations.get(field) ?? '');
    if (type !== 'SecretStr' && type !== 'SecretBytes') return taint;
    const text = asText(taint);
    return text ? { ...text, opaque: 'secret-type', className: type } : null;
  }

  private applySummary(
    callee: FunctionInfo, call: Node, args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, keywords: Map<string, Taint | null>, receiver: Taint | null,
  ): Taint | null {
    this.read(callee);
    const argTaint = (index: number): { taint: Taint | null; node: Node | null } => {
      const name = callee.params[index];
      if (index < positional.length) return { taint: positional[index], node: args.positional[index] };
      return { taint: keywords.get(name) ?? null, node: args.keywords.get(name) ?? null };
    };
    for (const paramSink of callee.paramSinks) {
      const { taint: whole, node } = argTaint(paramSink.paramIndex);
      const taint = this.alongCalleePath(whole, paramSink.path, (index) => argTaint(index).node);
      if (!taint || !node) continue;
      const passed = withStep(taint, this.step(node, `passed to ${callee.name}() as ${callee.params[paramSink.paramIndex]}`));
      const combined: Taint = { ...passed, steps: [...passed.steps, ...paramSink.steps].slice(-MAX_STEPS) };
      this.sinkHit(paramSink.entry, paramSink.entry.label, paramSink.node, combined);
    }
    for (const idSink of callee.idSinks) {
      const decided = this.decideId(idSink.taint, argTaint(idSink.idParam).node, callee.name);
      if (decided) this.sinkHit(idSink.entry, idSink.entry.label, idSink.node, decided);
    }
    let result = callee.returnTaint;
    if (result?.idParam !== undefined) result = this.decideId(result, argTaint(result.idParam).node, callee.name);
    for (const [index, path] of callee.returnParams) {
      const { taint, node } = argTaint(index);
      const returned = this.alongCalleePath(taint, path, (index) => argTaint(index).node);
      if (returned && node) result = union(result, withStep(returned, this.step(call, `returned by ${callee.name}()`)));
    }
    for (const field of callee.returnFields) {
      const value = receiver?.fields?.get(field);
      if (value) result = union(result, withStep(value, this.step(call, `returned by ${callee.name}()`)));
    }
    return result;
  }

  /**
   * A wrapper's resolver call whose id is a parameter: at this call site the argument decides.
   * A registry id of `kind: secret` is a secret; `kind: config` and ids the registry does not know
   * are not (an unknown id is registry drift, not a leak at every use); a computed id stays secret.
   */
  private decideId(taint: Taint, arg: Node | null, wrapper: string): Taint | null {
    const { idParam: _id, ...rest } = taint;
    if (!arg) return rest;
    const param = this.typeOf(arg) === 'identifier' && this.current ? this.current.params.indexOf(this.textOf(arg)) : -1;
    if (param >= 0) return { ...rest, idParam: param };
    const ref = this.refText(arg);
    if (ref === null) return rest;
    const decided = this.secretRef(ref);
    if (!decided) return null;
    return { ...rest, ...decided, source: `${wrapper}(${JSON.stringify(ref)})`, steps: [this.step(arg, `secret ${decided.secretId} from ${wrapper}(${JSON.stringify(ref)})`), ...rest.steps.slice(1)] };
  }

  /** A function of another module: its sinks become leaks located at the sink (in that module), its `returns` taint the result. */
  private applyImportedSummary(summary: FunctionSummaryFact, call: Node, args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, keywords: Map<string, Taint | null>): Taint | null {
    const params = summary.params ?? [];
    const argAt = (index: number): { taint: Taint | null; node: Node | null } => {
      if (index < args.positional.length) return { taint: positional[index], node: args.positional[index] };
      const name = params[index];
      return name ? { taint: keywords.get(name) ?? null, node: args.keywords.get(name) ?? null } : { taint: null, node: null };
    };
    const shortName = summary.name.split('.').pop()!;
    for (const sink of summary.sinks) {
      const { taint: whole, node } = argAt(sink.param);
      const taint = this.alongCalleePath(whole, sink.path, (index) => argAt(index).node);
      // A caller's own parameter passed on is not followed further: the engine runs one extra pass, not a fixpoint.
      if (!taint || !node || taint.origin !== 'source' || taint.opaque) continue;
      if (!this.emit) {
        this.wouldReport = true;
        continue;
      }
      const passed = this.step(node, `passed to '${shortName}' (param '${params[sink.param] ?? `#${sink.param + 1}`}')`);
      // Located at the sink: the engine moves the fact to the file of the flow's last step.
      this.addLeak(sink.ruleId, sink.sink, sink.range, taint, [...taint.steps, passed, ...sink.flow].slice(-MAX_STEPS));
    }
    const returned = this.step(call, `returned by ${shortName}() (${summary.module})`);
    let result: Taint | null = null;
    if (summary.returnsSecret) {
      const secret = this.fromShape(summary.returnsSecret, returned);
      result = secret.idParam === undefined ? secret : this.decideId(secret, argAt(secret.idParam).node, shortName);
    }
    if (summary.constructs) {
      // Another module's class: each argument is kept in its field, and only there.
      const fields = new Map(result?.fields ?? []);
      for (const { param, field } of summary.constructs.fields) {
        const { taint } = argAt(param);
        if (taint) fields.set(field, withStep(taint, this.step(call, `stored in ${shortName}.${field}`)));
      }
      return withFields(fields, summary.constructs.printsFields ? {} : { opaque: 'object' });
    }
    for (const index of summary.returns) {
      const { taint, node } = argAt(index);
      if (taint && node) result = union(result, withStep(taint, returned));
    }
    for (const { param, path } of summary.returnPaths ?? []) {
      const { taint, node } = argAt(param);
      const part = this.alongCalleePath(taint, path, (index) => argAt(index).node);
      if (part && node) result = union(result, withStep(part, returned));
    }
    return result;
  }

  /**
   * Summary pass: `data[name]` or `data.get(name)` on a parameter, where `name` is another parameter
   * of the function: the member the caller's argument names (argument-key.ts). Else null.
   */
  private argumentKeyOf(key: Node | null, value: Taint | null): string | null {
    if (!key || value?.origin !== 'param' || value.fields) return null;
    const index = this.currentParamIndex(key);
    return index === null ? null : argumentKeySegment(index);
  }

  /** The index of the analysed function's parameter an identifier names, or null. */
  private currentParamIndex(node: Node): number | null {
    if (this.typeOf(node) !== 'identifier' || !this.current) return null;
    const index = this.current.params.indexOf(this.textOf(node));
    return index >= 0 ? index : null;
  }

  /**
   * Follows a callee's recorded member path into the argument this call passed. A member named by
   * an argument (argument-key.ts) is a dict key: the argument's constant string, read as a key;
   * this function's own segment when the argument is one of its parameters (a summary pass); any
   * other argument leaves the member unknown, and the value is read whole from there.
   */
  private alongCalleePath(taint: Taint | null, path: string[] | undefined, argumentAt: (index: number) => Node | null): Taint | null {
    if (!path?.some((segment) => argumentKeyIndex(segment) !== null)) return alongPath(taint, path);
    let current = taint;
    for (const segment of path) {
      const index = argumentKeyIndex(segment);
      if (index === null) {
        current = member(current, segment);
        continue;
      }
      const argument = argumentAt(index);
      // Passed on to a parameter (`member` records it on the parameter's path): only when following one.
      const own = argument && current?.origin === 'param' ? this.currentParamIndex(argument) : null;
      if (own !== null) {
        current = member(current, argumentKeySegment(own));
        continue;
      }
      const key = argument ? this.scope.constString(argument) : null;
      if (key === null) return current;
      current = keyOf(current, key);
    }
    return current;
  }

  private recordReturn(info: FunctionInfo, taint: Taint, value: Node): void {
    if (taint.origin === 'param') {
      for (const [index, path] of returnedParamPaths(taint)) {
        if (info.returnParams.has(index)) continue;
        info.returnParams.set(index, path);
        this.changed(info);
      }
    } else if (taint.origin === 'field') {
      if (taint.field && !info.returnFields.has(taint.field)) {
        info.returnFields.add(taint.field);
        this.changed(info);
      }
    } else if (!info.returnTaint) {
      info.returnTaint = withStep(taint, this.step(value, `returned by ${info.name}()`));
      this.changed(info);
    }
    if (info.returnSink) this.sinkHit(info.returnSink, info.returnSink.label, value, taint);
  }

  // ---- sinks -----------------------------------------------------------------------------

  /** Reports tainted arguments of a sink call; true when the call is a catalog entry (sink or allowed). */
  private checkCallSinks(call: Node, matched: SinkEntry[], args: ReturnType<typeof callArguments>, positional: Array<Taint | null>, keywords: Map<string, Taint | null>, returnsText: boolean): boolean {
    // A serializer that returns text is not where the secret goes: its result is followed instead.
    const entries = matched.filter((e) => !(returnsText && e.ruleId === 'no-secret-serialization'));
    if (entries.length === 0) return false;
    const allowed = new Set(entries.filter((e) => e.allowed && e.path).map((e) => e.path!.split(/[.[]/)[0]));
    for (const entry of entries) {
      if (entry.allowed) continue;
      // A file write into the program's own credential or config file is where the key lives.
      if (entry.destinationArg !== undefined && isCredentialStoreDestination(args.positional[entry.destinationArg] ?? args.keywords.get('fp') ?? args.keywords.get('stream') ?? null, this.scope)) continue;
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

  /** `interpreter.system_message = f"…{password}"` (or `+=`): the value goes where the catalog says that attribute goes (the model's prompt). */
  private attributeSinkHit(target: Node | null, value: Node | null, taint: Taint | null): void {
    const entry = taint && value ? this.sinks.matchAttributeTarget(target) : null;
    if (entry && taint && value) this.sinkHit(entry, entry.label, value, taint);
  }

  private sinkHit(entry: SinkEntry, label: string, node: Node, taint: Taint): void {
    // An object that prints no secret (a SecretStr, a client built from a key) is not a leak as a whole.
    if (taint.opaque) return;
    const info = this.current;
    if (taint.origin === 'param') {
      for (const paramIndex of info ? paramIndexes(taint) : []) {
        if (info!.paramSinks.some((s) => s.node.id === node.id && s.entry.id === entry.id && s.paramIndex === paramIndex)) continue;
        const own = paramIndex === taint.paramIndex;
        info!.paramSinks.push({ paramIndex, ...(own && taint.path ? { path: taint.path } : {}), entry: { ...entry, label }, node, steps: own ? taint.steps : [] });
        this.changed(info);
      }
      return;
    }
    if (taint.origin === 'field') {
      const key = info?.className && taint.field ? `${info.className}.${taint.field}` : null;
      if (!key) return;
      const sinks = this.fieldSinks.get(key) ?? [];
      if (!sinks.some((s) => s.node.id === node.id && s.entry.id === entry.id)) {
        sinks.push({ entry: { ...entry, label }, node, steps: taint.steps });
        this.changed(FIELD_SINKS);
      }
      this.fieldSinks.set(key, sinks);
      return;
    }
    if (taint.idParam !== undefined) {
      if (info && !info.idSinks.some((s) => s.node.id === node.id && s.entry.id === entry.id)) {
        info.idSinks.push({ idParam: taint.idParam, entry: { ...entry, label }, node, taint });
        this.changed(info);
      }
      return;
    }
    if (!this.emit) {
      this.wouldReport = true;
      return;
    }
    this.addLeak(entry.ruleId, label, rangeOf(node), taint, [...taint.steps, this.step(node, `reaches ${label} (${entry.ruleId})`)]);
  }

  /** One finding per sink: of several flows into it, the shortest (then the earliest source) is kept. */
  private addLeak(ruleId: string, sink: string, range: Range, taint: Taint, flow: FlowStep[]): void {
    const at = flow[flow.length - 1];
    const key = `${ruleId}|${at?.file ?? this.file}|${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
    const existing = this.leaks.get(key);
    if (existing && !betterFlow(flow, existing.flow)) return;
    this.leaks.set(key, {
      kind: 'leak', ruleId, sink, secretId: taint.secretId, envName: taint.envName,
      source: taint.source, range, flow, ...(this.inTest ? { inTest: true } : {}),
    });
  }

  /** Drops a leak whose range encloses another leak of the same rule and secret (the inner one is more precise). */
  private preciseLeaks(): LeakFact[] {
    const all = [...this.leaks.values()];
    const fileOf = (leak: LeakFact): string => leak.flow[leak.flow.length - 1]?.file ?? this.file;
    const encloses = (a: LeakFact, b: LeakFact): boolean =>
      a !== b && a.ruleId === b.ruleId && a.secretId === b.secretId && a.envName === b.envName && fileOf(a) === fileOf(b) &&
      before(a.range.line, a.range.column, b.range.line, b.range.column) && before(b.range.endLine, b.range.endColumn, a.range.endLine, a.range.endColumn) &&
      (a.range.line !== b.range.line || a.range.column !== b.range.column || a.range.endLine !== b.range.endLine || a.range.endColumn !== b.range.endColumn);
    return all.filter((leak) => !all.some((other) => encloses(leak, other)));
  }

  // ---- sources ---------------------------------------------------------------------------

  /**
   * An environment read as a source: its name, or for a key chosen between literals
   * (`os.getenv(name)` after `name = "A"` / `name = "B"` in two branches) the first of them that
   * is a registry secret.
   */
  private envReadSource(read: PythonEnvRead, node: Node): Taint | null {
    if (read.name) return this.envSource(read.name, read.api, node);
    const chosen = choiceNames(read.keyNode, this.scope)?.find((name) => this.options.secretNames[name]);
    return chosen ? this.envSource(chosen, read.api, node) : null;
  }

  private envSource(name: string | null, api: string, node: Node): Taint | null {
    if (!name) return null;
    if (this.current && this.envWrites.has(name)) return this.envWrites.get(name) ?? null;
    const secretId = this.options.secretNames[name];
    if (!secretId) return null;
    const description = api === 'pydantic BaseSettings' ? `settings field (${name})` : node.type === 'subscript' ? `${api}["${name}"]` : `${api}("${name}")`;
    return this.source(node, secretId, name, description);
  }

  /** The registry reference a resolver argument names: a string constant, or `SecretId.X`'s last name. */
  private refText(node: Node | null): string | null {
    const text = this.scope.constString(node);
    if (text !== null || node?.type !== 'attribute') return text;
    const last = node.childForFieldName('attribute')?.text ?? null;
    return last && (this.options.envById[last] || this.options.idsByName[last]) ? last : null;
  }

  /** A registry id or env name of `kind: secret`; null for `kind: config` and unknown references. */
  private secretRef(ref: string): { secretId: string; envName: string } | null {
    const env = this.options.envById[ref];
    if (env) return this.options.secretNames[env] === ref ? { secretId: ref, envName: env } : null;
    const id = this.options.secretNames[ref];
    return id ? { secretId: id, envName: ref } : null;
  }

  private resolverSource(call: Node, refNode: Node | null): Taint | null {
    const callee = calleeChain(call.childForFieldName('function')).join('.');
    const ref = this.refText(refNode);
    // The result may be a declared secret type: `r.value` is the secret, `r.status` is not.
    const members = this.secretTypes.resolverMembers;
    if (ref !== null) {
      const decided = this.secretRef(ref);
      return decided ? { ...this.source(call, decided.secretId, decided.envName, `${callee}(${JSON.stringify(ref)})`), members, parsed: true } : null;
    }
    // A wrapper's parameter: which secret (if any) is decided at each call of the wrapper.
    const param = refNode?.type === 'identifier' && this.current ? this.current.params.indexOf(refNode.text) : -1;
    // A credential dict of unknown shape: its keys that identify or locate (`client_id`, `token_url`) are not secret (Taint.parsed).
    const taint: Taint = { ...this.source(call, null, null, `${callee}(…)`), members, parsed: true };
    return param >= 0 ? { ...taint, idParam: param } : taint;
  }

  /** The secret paths config `leak.sources` declares under this call's result. */
  private declaredPathsOf(call: Node, name: string): string[][] {
    const specs = this.sourcePaths.get(name);
    if (!specs) return [];
    const chain = calleeChain(call.childForFieldName('function'));
    const endsWith = (names: string[]): boolean => names.length <= chain.length && names.every((n, i) => chain[chain.length - names.length + i] === n);
    return specs.filter((spec) => endsWith(spec.callee)).map((spec) => spec.path);
  }

  /**
   * A call named in config `leak.sources` with paths (`{ call: get_config, path: llm.api_key }`):
   * its result is secret only at those paths (`cfg["llm"]["api_key"]`, `cfg.llm.api_key`); the
   * whole result, and `cfg["llm"]`, contain it.
   */
  private declaredPathSource(call: Node, paths: string[][]): Taint | null {
    const callee = calleeChain(call.childForFieldName('function')).join('.');
    const build = (group: string[][], depth: number): Taint | null => {
      const byKey = new Map<string, string[][]>();
      for (const path of group) byKey.set(path[depth], [...(byKey.get(path[depth]) ?? []), path]);
      const fields = new Map<string, Taint>();
      for (const [key, under] of byKey) {
        const leaf = under.find((path) => path.length === depth + 1);
        const taint = leaf ? this.source(call, null, null, `${callee}() ${leaf.join('.')}`) : build(under, depth + 1);
        if (taint) fields.set(key, taint);
      }
      return withFields(fields);
    };
    return build(paths.filter((path) => path.length > 0), 0);
  }

  private typedSource(node: Node, description: string, type: string): Taint {
    return { ...this.source(node, null, null, description), opaque: 'secret-type', className: type };
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

/** A shorter flow reads better; of equal ones, the earlier source. */
/** The last names of the exception types an `except` clause catches; empty for a bare `except:`. */
function caughtNames(clause: Node): string[] {
  const value = clause.childForFieldName('value') ?? clause.namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment') ?? null;
  const types = value?.type === 'as_pattern' ? value.namedChildren[0] : value;
  if (!types) return [];
  const list = types.type === 'tuple' || types.type === 'parenthesized_expression' ? types.namedChildren : [types];
  return list.map((t) => calleeChain(t).at(-1) ?? t.text);
}

/** Clauses that catch subprocess's CalledProcessError: by its name, its bases, or a bare `except`. */
function quotesCommand(caught: string[]): boolean {
  return caught.length === 0 || caught.some((name) => /^(CalledProcessError|SubprocessError|Exception|BaseException)$/.test(name));
}

/**
 * Errors that quote the request URL: requests' HTTPError (raise_for_status) and connection errors
 * ("Max retries exceeded with url: ..."), httpx's HTTPStatusError; caught by those names, their
 * bases (RequestException, HTTPError, Exception) or a bare `except`. A clause for other errors
 * (`except ValueError`, `except KeyError`) does not see them.
 */
function quotingUrls(urls: Array<{ url: Taint; httpx: boolean }>, caught: string[]): Taint[] {
  const quoting = caught.length === 0 || caught.some((name) => /^(Exception|BaseException|HTTPError|HTTPStatusError|RequestException|ConnectionError)$/.test(name));
  return quoting ? urls.map((u) => u.url) : [];
}

/**
 * The parameters (and the part of each) a returned value holds. A dict built from parts of
 * parameters (`{"error": f"{exc.response.status_code}"}`) holds those parts, not the whole
 * parameters: the container's own taint has no path, its fields keep theirs.
 */
function returnedParamPaths(taint: Taint): Map<number, string[] | undefined> {
  const parts = taint.fields && [...taint.fields.values()].every((f) => f.origin === 'param' && !f.fields) ? [...taint.fields.values()] : [taint];
  const paths = new Map<number, string[] | undefined>();
  for (const part of parts) {
    for (const index of paramIndexes(part)) {
      const path = index === part.paramIndex ? part.path : undefined;
      paths.set(index, paths.has(index) ? commonPath(paths.get(index), path) : path);
    }
  }
  return paths;
}

function commonPath(a: string[] | undefined, b: string[] | undefined): string[] | undefined {
  if (!a || !b) return undefined;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n > 0 ? a.slice(0, n) : undefined;
}

function betterFlow(candidate: FlowStep[], current: FlowStep[]): boolean {
  if (candidate.length !== current.length) return candidate.length < current.length;
  const [a, b] = [candidate[0], current[0]];
  if (!a || !b) return false;
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column) < 0;
}

/** The serializer a call is when it returns text (`json.dumps`, `yaml.dump(x)` without a stream), else null. */
function serializerOf(qualified: string, args: ReturnType<typeof callArguments>): string | null {
  const label = TEXT_SERIALIZERS[qualified];
  if (!label) return null;
  if (label.startsWith('yaml.') && (args.positional.length > 1 || args.keywords.has('stream'))) return null;
  return label;
}

/** Literal URL text that ends where a query string starts (`...?` or `...&`). */
function isQueryStart(text: string): boolean {
  return /[?&]$/.test(text);
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

/** A real secret as plain data for other modules (per access path); null for symbolic taint. */
function toShape(taint: Taint | null): SecretShape | null {
  if (!taint || taint.origin !== 'source') return null;
  const shape: SecretShape = { secretId: taint.secretId, envName: taint.envName, source: taint.source, flow: taint.steps };
  if (taint.fields) {
    const fields: Array<[string, SecretShape]> = [];
    for (const [key, inner] of taint.fields) {
      const field = toShape(inner);
      if (field) fields.push([key, field]);
    }
    if (fields.length === 0) return null;
    shape.fields = fields;
  }
  if (taint.opaque) shape.opaque = taint.opaque;
  if (taint.opaque === 'secret-type' && taint.className) shape.secretType = taint.className;
  if (taint.members) shape.resolved = true;
  if (taint.idParam !== undefined) shape.idParam = taint.idParam;
  return shape;
}

/** A constant getattr/setattr name that can be an attribute (`"api_key"`); other strings are treated as computed. */
function attributeName(text: string | null): string | null {
  return text !== null && /^[A-Za-z_]\w*$/.test(text) ? text : null;
}

/** Deep equality of plain analysis data (taints, their maps, sets and steps; nodes by id). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [key, value] of a) if (!b.has(key) || !sameValue(value, b.get(key))) return false;
    return true;
  }
  if (a instanceof Set) return b instanceof Set && a.size === b.size && [...a].every((value) => b.has(value));
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((value, i) => sameValue(value, b[i]));
  if (Array.isArray(b) || b instanceof Map || b instanceof Set) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}
