// The taint walker: one forward pass over raw compiler nodes, in source order, with a taint map
// keyed by checker symbols. It runs in two modes:
//  - file mode: real sources; a tainted value reaching a sink becomes a LeakFact of that file;
//  - summary mode: one parameter of one function is tainted with a marker; what reaches a sink or
//    a `return` becomes that function's summary, applied at every call site (across files).
// Assignments at the top level of a function body are strong updates (they can clean a variable);
// inside branches, loops and closures they only add taint, so a possibly-secret value stays secret.
import { isMaskingReplacement } from '../mask-text.js';
import { ts } from './compiler-api.js';
import type { FlowStep, LeakFact } from '../../core/facts.js';
import { describeNode, rangeOf, relativePath, stepAt } from './positions.js';
import { provenanceOf, requiredModule, skipOuterExpressions } from './provenance.js';
import { argumentKeyIndex, argumentKeySegment } from '../argument-key.js';
import { lastCalleeName, matchSinks, mayMatchCallbackSink, memberChain, type CompiledSink } from './sink-matcher.js';
import { importOfBinding } from './secret-carrying-exports.js';
import { isCredentialFreeUrlPart, isUrlObject } from './url-parts.js';
import { classifyHttpCall, clientConfig, clientHolder, deepWithSteps, heldIn, libraryNamed, requestConfig, requestErrorHolder } from './http-clients.js';
import {
  annotatedResolverType,
  declaredPathContainer,
  declaredPathsOf,
  envApiOf,
  parsedEnvContainer,
  runtimeEnvOf,
  envOrigin,
  envSourceOf,
  isEnvObject,
  isNonStringPrimitive,
  resolverCallOrigin,
  resolverTypeName,
  typeOrigin,
} from './sources.js';
import {
  asValue,
  fieldOf,
  firstTaint,
  mergeTaints,
  SPREAD_KEY,
  withStep,
  type EngineContext,
  type FunctionSummary,
  type LeakCollector,
  type ParamSink,
  type Taint,
} from './taint.js';

const ERROR_RULE = 'no-secret-in-error';
const URL_RULE = 'no-secret-in-url';
/**
 * Sinks that print or serialize a whole error object with its own members (inspect, logger error
 * serializers, `JSON.stringify`, a response body): a failed request's error held whole leaks there.
 * A throw, an error cause, telemetry `captureException` or a prompt use its message and stack only.
 */
const WHOLE_OBJECT_RULES = new Set(['no-secret-in-log', 'no-secret-serialization', 'no-secret-in-tool-output']);

/** Calls whose result carries their arguments' text. */
const TRANSFORMERS = new Set([
  'String', 'encodeURIComponent', 'encodeURI', 'escape', 'btoa', 'atob', 'format', 'inspect', 'stringify', 'parse',
  'structuredClone', 'assign', 'from', 'of', 'concat', 'resolve', 'all', 'entries', 'values', 'fromEntries', 'freeze', 'raw',
]);
/** Calls whose result is not text: taint stops. */
const PROJECTIONS = new Set(['Boolean', 'Number', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'BigInt', 'timingSafeEqual', 'createHash', 'createHmac']);
/** Methods on a secret whose result is not the secret's text. */
const NON_TEXT_METHODS = new Set([
  'startsWith', 'endsWith', 'includes', 'indexOf', 'lastIndexOf', 'test', 'localeCompare', 'search', 'charCodeAt', 'codePointAt',
  'has', 'equals', 'compare', 'digest', 'update', 'keys', 'forEach', 'then', 'catch', 'finally',
]);
/** String methods whose result contains their arguments' text (`'x'.replace('X', key)`). */
const ARG_TEXT_METHODS = new Set(['concat', 'replace', 'replaceAll', 'padStart', 'padEnd', 'join', 'push', 'unshift']);
/** Redaction by name, with or without registry `sanitizers`: `redactKey`, `maskToken`, `fingerprint`, `hashSecret`, `s.redacted()`. */
const DEFAULT_SANITIZER = /^(?:redact|mask|fingerprint|hash)|^redacted$/i;
const SLICE_METHODS = new Set(['slice', 'substring', 'substr']);
/** Array methods whose result holds (some of) the receiver's elements as they are, or one of them. */
const ELEMENT_KEEPING_METHODS = new Set(['filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed']);
const ELEMENT_PICKING_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** The longest piece of a secret still shown in full: prefixes like `sk-proj-` or a last four. */
const SHORT_PIECE = 8;
const QUERY_PARAM_SUFFIX = /[?&#;][^?&#=\s/]*=$/;
/** Text ending where a query string starts or continues: what follows is query parameters (`?${params}`). */
const QUERY_START_SUFFIX = /[?&]$/;

export type WalkerMode =
  | { kind: 'file'; collector: LeakCollector; inTest: boolean }
  | { kind: 'summary'; summary: FunctionSummary; root: ts.SignatureDeclaration; paramIndex: number | null }
  /** Evaluates module-level values for another walk (an imported HTTP client); reports nothing. */
  | { kind: 'module' };

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration | ts.ConstructorDeclaration | ts.GetAccessorDeclaration | ts.SetAccessorDeclaration;

/**
 * The walk's taint map. It also remembers the name of every symbol ever stored (never forgotten:
 * a superset), so a member read `a.b` asks the checker for its symbol (which type-checks `a`)
 * only when some stored symbol is named `b`: a symbol is named as the member that resolves to it.
 */
class TaintState extends Map<ts.Symbol | string, Taint> {
  private readonly symbolNames = new Set<ts.__String>();

  override set(key: ts.Symbol | string, taint: Taint): this {
    if (typeof key !== 'string') this.symbolNames.add(key.escapedName);
    return super.set(key, taint);
  }

  /** False when no symbol of this name was ever stored: the member's symbol cannot be a key. */
  mayHoldMember(name: string): boolean {
    return this.symbolNames.has(ts.escapeLeadingUnderscores(name));
  }
}

export class TaintWalker {
  private readonly state = new TaintState();
  private evaluated = new Map<ts.Node, Taint | undefined>();
  /** Nodes consumed by an allowed sink (an Authorization header): no other sink reports them. */
  private readonly consumed = new Set<ts.Node>();
  private branchDepth = 0;
  /** Per enclosing `try` (innermost last): the error of a secret-bearing request made inside it (http-clients.ts). */
  private readonly failedRequests: Array<Taint | undefined> = [];
  /** Request calls (and `.then()`/`.finally()` chained on them) whose rejection holds a secret. */
  private readonly requestErrors = new Map<ts.Node, Taint>();
  /**
   * `process.env.MONGO_URI = server.getUri()` in straight-line code: a later read of that name in
   * the same function is the value written there, not the operator's secret (LibreChat's e2e
   * server logs the URI of the in-memory database it just started).
   */
  private readonly envWrites = new Map<string, { fn: ts.Node | undefined; taint: Taint | undefined }>();
  /** Set when the summary root function returns a tainted value. */
  returned: Taint | undefined;
  /** Summary mode: a secret-bearing request that may reject out of the function (no `try` around it). */
  uncaughtRequestError: Taint | undefined;

  constructor(
    private readonly ctx: EngineContext,
    private readonly mode: WalkerMode,
  ) {}

  get tainted(): boolean {
    return this.state.size > 0;
  }

  /** File mode: walk everything; a second pass catches uses that precede their source in the text (hoisting). */
  walkFile(sourceFile: ts.SourceFile): void {
    this.visit(sourceFile);
    if (this.state.size > 0) {
      this.evaluated = new Map();
      this.visit(sourceFile);
    }
  }

  /** Summary mode: taint one parameter (or none) and walk the body. */
  walkFunction(fn: ts.SignatureDeclaration, paramIndex: number | null): void {
    if (paramIndex !== null) {
      const parameter = fn.parameters[paramIndex];
      if (parameter) this.bindName(parameter.name, { origin: { kind: 'param', index: paramIndex }, flow: [] }, null);
    }
    const body = (fn as FunctionLike).body;
    if (!body) return;
    if (ts.isBlock(body)) this.visit(body);
    else this.noteReturn(this.evalExpr(body));
  }

  /** Summary mode, after walkFunction: the HTTP client a field was given (`this.http = axios.create(…param…)`). */
  heldClient(field: ts.Symbol): Taint | undefined {
    const value = this.state.get(field);
    return value?.holder?.kind === 'http-client' ? value : undefined;
  }

  /** Summary mode: one method of a class, with the field `field` holding "what the constructor was given". */
  walkMethodWithField(method: FunctionLike, field: ts.Symbol, initial?: Taint): void {
    this.state.set(field, initial ?? { origin: { kind: 'param', index: 0 }, flow: [] });
    if (!method.body) return;
    if (ts.isBlock(method.body)) this.visit(method.body);
    else this.evalExpr(method.body);
  }

  // ---- statements

  private visit(node: ts.Node): void {
    if (ts.isExpression(node)) {
      this.evalExpr(node);
      return;
    }
    switch (node.kind) {
      case ts.SyntaxKind.VariableDeclaration:
        return this.visitVariableDeclaration(node as ts.VariableDeclaration);
      case ts.SyntaxKind.ReturnStatement: {
        const ret = node as ts.ReturnStatement;
        const taint = ret.expression ? this.evalExpr(ret.expression) : undefined;
        if (this.isSummaryRootReturn(ret)) this.noteReturn(taint);
        return;
      }
      case ts.SyntaxKind.ThrowStatement: {
        const thrown = (node as ts.ThrowStatement).expression;
        const taint = this.evalExpr(thrown);
        if (taint) this.report(ERROR_RULE, 'throw', thrown, taint);
        if (taint?.holder?.kind === 'http-error') this.noteFailingRequest(taint); // rethrown to an outer `try`
        return;
      }
      case ts.SyntaxKind.IfStatement: {
        const statement = node as ts.IfStatement;
        this.evalExpr(statement.expression);
        this.inBranch(() => {
          this.visit(statement.thenStatement);
          if (statement.elseStatement) this.visit(statement.elseStatement);
        });
        return;
      }
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement: {
        const statement = node as ts.ForOfStatement | ts.ForInStatement;
        const iterated = this.evalExpr(statement.expression);
        this.inBranch(() => {
          const element = iterated && ts.isForOfStatement(statement) ? elementOf(iterated) : undefined;
          const initializer = statement.initializer;
          if (ts.isVariableDeclarationList(initializer)) {
            for (const declaration of initializer.declarations) {
              // `for (const [name, value] of Object.entries(headers))`: the keys of a container are
              // never the secret written into it (a computed-key write taints the values only).
              if (element && ts.isArrayBindingPattern(declaration.name) && iterated?.entryPairs) this.bindEntry(declaration.name, element);
              else this.bindName(declaration.name, element, declaration.name);
            }
          } else this.assignTo(initializer, element);
          this.visit(statement.statement);
        });
        return;
      }
      case ts.SyntaxKind.ForStatement:
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
      case ts.SyntaxKind.SwitchStatement:
      case ts.SyntaxKind.CatchClause:
        this.inBranch(() => ts.forEachChild(node, (child) => this.visit(child)));
        return;
      case ts.SyntaxKind.TryStatement:
        this.inBranch(() => this.visitTry(node as ts.TryStatement));
        return;
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.MethodDeclaration:
      case ts.SyntaxKind.Constructor:
      case ts.SyntaxKind.GetAccessor:
      case ts.SyntaxKind.SetAccessor:
        this.visitFunctionBody(node as FunctionLike);
        return;
      case ts.SyntaxKind.PropertyDeclaration: {
        const property = node as ts.PropertyDeclaration;
        if (property.initializer) {
          const taint = this.evalExpr(property.initializer);
          const symbol = this.ctx.checker.getSymbolAtLocation(property.name);
          if (taint && symbol) this.state.set(symbol, withStep(taint, stepAt(this.ctx.root, property.name, `assigned to '${describeNode(property.name)}'`)));
        }
        return;
      }
      case ts.SyntaxKind.InterfaceDeclaration:
      case ts.SyntaxKind.TypeAliasDeclaration:
      case ts.SyntaxKind.ImportDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
        return;
      default:
        ts.forEachChild(node, (child) => this.visit(child));
    }
  }

  /** `try { await api.get(…) } catch (e) { … }`: `e` is the error of a secret-bearing request made in the block. */
  private visitTry(statement: ts.TryStatement): void {
    this.failedRequests.push(undefined);
    let failed: Taint | undefined;
    try {
      this.visit(statement.tryBlock);
    } finally {
      failed = this.failedRequests.pop();
    }
    const clause = statement.catchClause;
    if (clause) {
      const variable = clause.variableDeclaration;
      if (variable && failed) {
        const caught = deepWithSteps(failed, [stepAt(this.ctx.root, variable.name, `the failed request's error is caught as '${describeNode(variable.name)}'`)]);
        this.bindName(variable.name, caught, null);
      }
      this.visit(clause.block);
    }
    if (statement.finallyBlock) this.visit(statement.finallyBlock);
  }

  /** A request that may reject with an error holding a secret: caught by the innermost `try`, else it leaves the function. */
  private noteFailingRequest(error: Taint): void {
    if (this.failedRequests.length > 0) {
      this.failedRequests[this.failedRequests.length - 1] ??= error;
      return;
    }
    if (this.mode.kind === 'summary' && error.origin.kind === 'source') this.uncaughtRequestError ??= error;
  }

  private inBranch(run: () => void): void {
    this.branchDepth++;
    try {
      run();
    } finally {
      this.branchDepth--;
    }
  }

  private visitFunctionBody(fn: FunctionLike): void {
    if (!fn.body) return;
    // A nested function runs later, maybe never: its own top level is still strong for its locals.
    const saved = this.branchDepth;
    this.branchDepth = 0;
    try {
      for (const parameter of fn.parameters) if (parameter.initializer) this.evalExpr(parameter.initializer);
      if (ts.isBlock(fn.body)) this.visit(fn.body);
      else this.evalExpr(fn.body);
    } finally {
      this.branchDepth = saved;
    }
  }

  private visitVariableDeclaration(declaration: ts.VariableDeclaration): void {
    if (!declaration.initializer) return;
    const init = skipOuterExpressions(declaration.initializer);
    // `const { OPENROUTER_API_KEY: key } = process.env`
    if (isEnvObject(init) && ts.isObjectBindingPattern(declaration.name)) {
      for (const element of declaration.name.elements) {
        const key = element.propertyName ?? element.name;
        if (!ts.isIdentifier(key) && !ts.isStringLiteralLike(key)) continue;
        const origin = envOrigin(key.text, envApiOf(init as ts.PropertyAccessExpression), this.ctx);
        if (origin) this.bindName(element.name, { origin, flow: [stepAt(this.ctx.root, element, `${origin.description} is read`)] }, element.name, 'destructured into');
      }
      return;
    }
    const taint = this.evalExpr(declaration.initializer);
    this.bindName(declaration.name, taint, declaration.name);
  }

  private isSummaryRootReturn(ret: ts.ReturnStatement): boolean {
    if (this.mode.kind !== 'summary') return false;
    let current: ts.Node | undefined = ret.parent;
    while (current && !ts.isFunctionLike(current)) current = current.parent;
    return current === this.mode.root;
  }

  private noteReturn(taint: Taint | undefined): void {
    if (taint) this.returned = this.returned?.origin.kind === taint.origin.kind ? mergeTaints(this.returned, taint) : firstTaint(this.returned, taint);
  }

  // ---- binding and assignment

  private bindName(name: ts.BindingName, taint: Taint | undefined, stepNode: ts.Node | null, verb = 'assigned to'): void {
    if (ts.isIdentifier(name)) {
      const key = this.ctx.checker.getSymbolAtLocation(name) ?? name.text;
      if (taint) this.setTaint(key, stepNode ? withStep(taint, stepAt(this.ctx.root, stepNode, `${verb} '${name.text}'`)) : taint);
      else if (this.branchDepth === 0) this.state.delete(key);
      return;
    }
    if (ts.isObjectBindingPattern(name)) {
      for (const element of name.elements) {
        if (element.initializer) this.evalExpr(element.initializer);
        const key = element.propertyName ?? element.name;
        const member = ts.isIdentifier(key) || ts.isStringLiteralLike(key) ? key.text : null;
        let part = !taint ? undefined : element.dotDotDotToken ? restOf(taint, name) : member !== null ? fieldOf(taint, member) : asValue(taint);
        // Summary mode: `function f({ url, token })` reads members of the parameter, as `o.url` does (see the member read).
        if (part && part === taint && taint.origin.kind === 'param' && member !== null && !element.dotDotDotToken) part = { ...part, paths: taint.paths ? taint.paths.map((path) => [...path, member]) : [[member]] };
        this.bindName(element.name, part, element.name, 'destructured into');
      }
      return;
    }
    for (const element of name.elements) {
      if (ts.isOmittedExpression(element)) continue;
      if (element.initializer) this.evalExpr(element.initializer);
      this.bindName(element.name, taint ? asValue(taint) : undefined, element.name, 'destructured into');
    }
  }

  /** `[key, value]` of an `Object.entries` pair: the key is clean, the value is the container's taint. */
  private bindEntry(pattern: ts.ArrayBindingPattern, value: Taint): void {
    pattern.elements.forEach((element, index) => {
      if (ts.isOmittedExpression(element)) return;
      if (element.initializer) this.evalExpr(element.initializer);
      this.bindName(element.name, index === 0 ? undefined : value, element.name, 'destructured into');
    });
  }

  private setTaint(key: ts.Symbol | string, taint: Taint): void {
    if (this.branchDepth > 0 && this.state.has(key)) return; // weak update: keep the first known flow
    this.state.set(key, taint);
  }

  private assignTo(target: ts.Node, taint: Taint | undefined): void {
    const left = skipOuterExpressions(target);
    if (ts.isIdentifier(left)) {
      this.bindName(left, taint, left);
      return;
    }
    if (ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left)) {
      const envWritten = envSourceOf(left, this.ctx);
      if (envWritten?.kind === 'source' && envWritten.envName) {
        if (this.branchDepth === 0) this.envWrites.set(envWritten.envName, { fn: enclosingFunctionOf(left), taint });
        else this.envWrites.delete(envWritten.envName); // written on some paths only: a read may still get the operator's value
        return;
      }
      this.evalExpr(left.expression);
      // `url.search = params`: the value becomes the URL's query string.
      if (taint && ts.isPropertyAccessExpression(left) && left.name.text === 'search') this.checkUrlQuery('?', left, taint);
      if (taint) this.noteClientDefaults(left, taint);
      const symbol = this.ctx.checker.getSymbolAtLocation(left);
      const label = describeNode(left);
      if (taint) {
        const stepped = withStep(taint, stepAt(this.ctx.root, left, `assigned to '${label}'`));
        if (symbol) this.setTaint(symbol, stepped);
        // Writing a secret into an object makes the object a secret-holding container.
        const holder = skipOuterExpressions(left.expression);
        if (ts.isIdentifier(holder)) {
          const holderKey = this.ctx.checker.getSymbolAtLocation(holder) ?? holder.text;
          const previous = this.state.get(holderKey);
          const name = ts.isPropertyAccessExpression(left) ? left.name.text : ts.isStringLiteralLike(left.argumentExpression) ? left.argumentExpression.text : '*';
          const fields = new Map(previous?.fields ?? []);
          if (!previous || previous.fields) {
            fields.set(name, stepped);
            this.state.set(holderKey, { origin: stepped.origin, flow: stepped.flow, fields });
          }
        }
      } else if (symbol && this.branchDepth === 0) this.state.delete(symbol);
      return;
    }
    if (ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left)) {
      for (const element of ts.isObjectLiteralExpression(left) ? left.properties : left.elements) {
        if (ts.isShorthandPropertyAssignment(element)) this.bindName(element.name, taint ? fieldOf(taint, element.name.text) : undefined, element.name, 'destructured into');
        else if (ts.isPropertyAssignment(element)) this.assignTo(element.initializer, taint ? fieldOf(taint, propertyNameText(element.name) ?? '*') : undefined);
        else if (ts.isExpression(element)) this.assignTo(element, taint ? asValue(taint) : undefined);
      }
    }
  }

  // ---- expressions

  evalExpr(node: ts.Expression): Taint | undefined {
    if (this.evaluated.has(node)) return this.evaluated.get(node);
    this.evaluated.set(node, undefined); // cycles cannot occur in a tree, but a re-entrant lookup must not recurse
    const taint = this.computeExpr(node);
    this.evaluated.set(node, taint);
    return taint;
  }

  private computeExpr(node: ts.Expression): Taint | undefined {
    switch (node.kind) {
      case ts.SyntaxKind.Identifier:
        return this.identifierTaint(node as ts.Identifier);
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression:
        return this.memberTaint(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      case ts.SyntaxKind.CallExpression:
        return this.callTaint(node as ts.CallExpression);
      case ts.SyntaxKind.NewExpression:
        return this.newTaint(node as ts.NewExpression);
      case ts.SyntaxKind.TemplateExpression:
        return this.templateTaint(node as ts.TemplateExpression);
      case ts.SyntaxKind.BinaryExpression:
        return this.binaryTaint(node as ts.BinaryExpression);
      case ts.SyntaxKind.ConditionalExpression: {
        const conditional = node as ts.ConditionalExpression;
        this.evalExpr(conditional.condition);
        return firstTaint(this.evalExpr(conditional.whenTrue), this.evalExpr(conditional.whenFalse));
      }
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.NonNullExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.SpreadElement:
        return this.evalExpr((node as ts.ParenthesizedExpression).expression);
      case ts.SyntaxKind.AwaitExpression: {
        const inner = this.evalExpr((node as ts.AwaitExpression).expression);
        return inner ?? this.typedSource(node);
      }
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression:
        this.evalExpr((node as ts.PrefixUnaryExpression).operand);
        return undefined;
      case ts.SyntaxKind.TypeOfExpression:
      case ts.SyntaxKind.VoidExpression:
      case ts.SyntaxKind.DeleteExpression:
        this.evalExpr((node as ts.TypeOfExpression).expression);
        return undefined;
      case ts.SyntaxKind.ObjectLiteralExpression:
        return this.objectTaint(node as ts.ObjectLiteralExpression);
      case ts.SyntaxKind.ArrayLiteralExpression: {
        const taints = (node as ts.ArrayLiteralExpression).elements.map((element) => this.evalExpr(element));
        const first = firstTaint(...taints);
        return first ? arrayOf(taints) : undefined;
      }
      case ts.SyntaxKind.ArrowFunction:
      case ts.SyntaxKind.FunctionExpression:
        this.visitFunctionBody(node as ts.ArrowFunction);
        return undefined;
      case ts.SyntaxKind.ClassExpression:
        ts.forEachChild(node, (child) => this.visit(child));
        return undefined;
      case ts.SyntaxKind.TaggedTemplateExpression: {
        const tagged = node as ts.TaggedTemplateExpression;
        this.evalExpr(tagged.tag);
        const inner = this.evalExpr(tagged.template);
        // `String.raw` keeps the text; other tags are unknown functions.
        return ts.isPropertyAccessExpression(tagged.tag) && tagged.tag.name.text === 'raw' ? inner : undefined;
      }
      default:
        ts.forEachChild(node, (child) => this.visit(child));
        return undefined;
    }
  }

  private identifierTaint(node: ts.Identifier): Taint | undefined {
    const symbol = this.ctx.checker.getSymbolAtLocation(node);
    const known = this.state.get(symbol ?? node.text);
    if (known) return known;
    if (!symbol) return undefined;
    return this.unboundSymbolTaint(symbol, node);
  }

  /** A name this walk did not bind: an import, a module-level value, or a declared secret type. */
  private unboundSymbolTaint(symbol: ts.Symbol, node: ts.Identifier): Taint | undefined {
    // An import of an export that cannot carry a secret (carrier-reaching.ts) holds none: the
    // import is not even resolved, so the walk does not depend on that module's text.
    if (symbol.flags & ts.SymbolFlags.Alias && this.ctx.importCarries && symbol.declarations?.length === 1 && this.importsNonCarrier(symbol.declarations[0])) return undefined;
    const moduleValue = this.moduleValue(symbol, node);
    if (moduleValue) return moduleValue;
    if (this.ctx.resolverTypes.size === 0) return undefined;
    return this.declaredTypeSource(symbol, node);
  }

  /**
   * A value a module-level variable (or `export default`) holds, read where this walk did not bind
   * it (an importing module, a function summary), when it is one of: a declared source path's
   * result (`export const cfg = get_config()`), a parsed env object (`envSchema.parse(process.env)`),
   * or an HTTP client built with a secret (`export const api = axios.create({ headers: { Authorization } })`).
   * Evaluated once per symbol; the module's earlier top-level declarations give the client its config.
   */
  /** The taint a module-level value (`symbol`, named at `at`) holds when read; handed-on-exports.ts asks it of a candidate's exports. */
  moduleValue(symbol: ts.Symbol, at: ts.Identifier): Taint | undefined {
    let value = this.ctx.moduleValues.get(symbol);
    if (value === undefined) {
      this.ctx.moduleValues.set(symbol, null); // a module whose top level reads this value must not recurse
      value = this.computeModuleValue(symbol);
      this.ctx.moduleValues.set(symbol, value);
    }
    if (!value) return undefined;
    return value.holder ? value : withStep(value, stepAt(this.ctx.root, at, `'${at.text}' holds it`));
  }

  private computeModuleValue(symbol: ts.Symbol): Taint | null {
    let target = symbol;
    try {
      if (target.flags & ts.SymbolFlags.Alias) target = this.ctx.checker.getAliasedSymbol(target);
    } catch {
      return null;
    }
    const declaration = target.valueDeclaration ?? target.declarations?.[0];
    if (!declaration) return null;
    let init: ts.Expression | undefined;
    if (ts.isVariableDeclaration(declaration) && ts.isSourceFile(declaration.parent.parent.parent)) init = declaration.initializer;
    else if (ts.isExportAssignment(declaration)) init = declaration.expression;
    if (!init) return null;
    const file = declaration.getSourceFile();
    if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) return null;
    // `export const env = process.env.DOCKER_BUILD ? (process.env as any) : parseEnv()`: either branch.
    for (const candidate of conditionalBranches(init)) {
      const value = this.moduleCallValue(file, declaration, candidate);
      if (value) return value;
    }
    // Any other value a module-level constant holds (`export const apiKey = process.env.K`,
    // `{ apiKey: … }`, `getKey()`), evaluated alone: the names it refers to are module values in
    // turn. Not a `let` or `var`: what it holds when read depends on what ran before.
    const value = skipOuterExpressions(init);
    if (!ts.isVariableDeclaration(declaration) || !(declaration.parent.flags & ts.NodeFlags.Const) || ts.isFunctionLike(value) || ts.isClassExpression(value)) return null;
    return new TaintWalker(this.ctx, { kind: 'module' }).evalExpr(init) ?? null;
  }

  private moduleCallValue(file: ts.SourceFile, declaration: ts.Node, init: ts.Expression): Taint | null {
    const call = skipOuterExpressions(init);
    if (!ts.isCallExpression(call)) return null;
    const declared = declaredPathsOf(call, this.ctx);
    if (declared.length > 0) return declaredPathContainer(call, declared, this.ctx);
    const parsedEnv = parsedEnvContainer(call, this.ctx);
    if (parsedEnv) return parsedEnv;
    // t3-env `createEnv({ runtimeEnv: { … } })`: the runtime values under their names.
    if (lastCalleeName(call.expression) === 'createEnv') {
      const value = new TaintWalker(this.ctx, { kind: 'module' }).evalModuleValue(file, declaration, call);
      return value?.fields ? value : null;
    }
    // `const parseEnv = () => envSchema.parse(process.env)` in the same module, called without
    // arguments: the container its summary returns (its plain settings stay clean).
    if (call.arguments.length === 0 && ts.isIdentifier(call.expression)) {
      const callee = this.calleeDeclaration(call.expression, call);
      if (callee && callee.getSourceFile() === file) {
        const returned = computeSummary(callee, this.ctx, false).returnsSource;
        if (returned?.fields) return withStep(returned, stepAt(this.ctx.root, call, `returned from '${call.expression.text}'`));
      }
    }
    const provenance = { checker: this.ctx.checker, nodeCache: this.ctx.nodeCache, symbolCache: this.ctx.symbolCache };
    if (classifyHttpCall(call, undefined, provenance)?.kind !== 'factory') return null;
    const value = new TaintWalker(this.ctx, { kind: 'module' }).evalModuleValue(file, declaration, init);
    return value?.holder?.kind === 'http-client' ? value : null;
  }

  /** Module mode: the top-level variables declared before `declaration` (no function bodies), then `init`. */
  evalModuleValue(file: ts.SourceFile, declaration: ts.Node, init: ts.Expression): Taint | undefined {
    for (const statement of file.statements) {
      if (statement.pos >= declaration.pos) break;
      if (!ts.isVariableStatement(statement)) continue;
      for (const variable of statement.declarationList.declarations) {
        const value = variable.initializer && skipOuterExpressions(variable.initializer);
        if (value && !ts.isFunctionLike(value) && !ts.isClassExpression(value)) this.visitVariableDeclaration(variable);
      }
    }
    return this.evalExpr(init);
  }

  /** A parameter or variable declared (or inferred) with a resolver type is a source where it is read. */
  private declaredTypeSource(symbol: ts.Symbol, at: ts.Node): Taint | undefined {
    if (this.ctx.resolverTypes.size === 0) return undefined; // no resolver type: never a source (and no checker query)
    const cached = this.ctx.typeSources.get(symbol);
    if (cached !== undefined) return cached ? { origin: cached.origin, flow: [stepAt(this.ctx.root, at, cached.origin.kind === 'source' ? `'${describeNode(at)}' holds ${cached.origin.description}` : '')], secretType: cached.secretType } : undefined;
    let result: Taint | null = null;
    const declaration = symbol.valueDeclaration;
    if (declaration && (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isBindingElement(declaration))) {
      let typeName = 'type' in declaration ? annotatedResolverType(declaration.type as ts.TypeNode | undefined, this.ctx) : null;
      if (!typeName && !declaration.getSourceFile().isDeclarationFile) {
        try {
          typeName = resolverTypeName(this.ctx.checker.getTypeOfSymbolAtLocation(symbol, declaration), this.ctx);
        } catch {
          typeName = null;
        }
      }
      if (typeName) result = { origin: typeOrigin(typeName), flow: [], secretType: typeName };
    }
    this.ctx.typeSources.set(symbol, result);
    return result ? this.declaredTypeSource(symbol, at) : undefined;
  }

  private typedSource(node: ts.Expression): Taint | undefined {
    if (this.ctx.resolverTypes.size === 0) return undefined;
    let typeName: string | null = null;
    try {
      typeName = resolverTypeName(this.ctx.checker.getTypeAtLocation(node), this.ctx);
    } catch {
      return undefined;
    }
    if (!typeName) return undefined;
    const origin = typeOrigin(typeName);
    return { origin, flow: [stepAt(this.ctx.root, node, `${describeNode(node)} returns ${origin.description}`)], secretType: typeName };
  }

  private memberTaint(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): Taint | undefined {
    const env = envSourceOf(node, this.ctx);
    const written = env?.kind === 'source' && env.envName ? this.envWrites.get(env.envName) : undefined;
    if (written && written.fn === enclosingFunctionOf(node)) return written.taint;
    if (env) return { origin: env, flow: [stepAt(this.ctx.root, node, `${env.description} is read`)] };
    const name = ts.isPropertyAccessExpression(node) ? node.name.text : ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : null;
    const base = this.evalExpr(node.expression);
    if (ts.isElementAccessExpression(node)) this.evalExpr(node.argumentExpression);
    if (name === 'length' || name === 'size' || name === 'byteLength') return undefined;
    // The member's symbol is only needed to find what this walk stored under it, or for resolver types.
    // A private name's symbol is named apart from its text (`__#1@#key`): always asked.
    const stored = this.state.size > 0 && (name === null || name.startsWith('#') || this.state.mayHoldMember(name));
    const symbol = stored || this.ctx.resolverTypes.size > 0 ? this.ctx.checker.getSymbolAtLocation(node) : undefined;
    if (symbol) {
      const known = this.state.get(symbol);
      if (known) return known;
    }
    if (base?.secretType) return name !== null ? this.secretTypeMember(base, name, node) : undefined;
    if (base) {
      const part = name === null ? this.computedMember(base, node) : fieldOf(base, name);
      if (part && !base.fields && this.isNonText(node)) return undefined;
      // `new URL(databaseUrl).hostname`: the scheme, host and port of a URL are not its credential.
      if (part && name !== null && !base.fields && isCredentialFreeUrlPart(name, base.origin.kind === 'source' ? base.origin.envName : null) && isUrlObject(node.expression, this.ctx.checker)) return undefined;
      // Summary mode: remember which members of the parameter are read, so a caller passing a
      // container (a config object, a request error) applies the sink to that member only.
      const member = name ?? (ts.isElementAccessExpression(node) ? this.argumentKeyOf(node.argumentExpression) : null);
      if (part && part === base && base.origin.kind === 'param' && member !== null) {
        return { ...part, paths: base.paths ? base.paths.map((path) => [...path, member]) : [[member]] };
      }
      // `llm[key]` with `key` one of a few literal names (a union type, a loop over a literal list): those members.
      const keys = part && part === base && base.origin.kind === 'param' && member === null && ts.isElementAccessExpression(node) ? literalKeys(node.argumentExpression, this.ctx.checker) : null;
      if (keys) return { ...part!, paths: (base.paths ?? [[]]).flatMap((path) => keys.map((key) => [...path, key])) };
      return part;
    }
    // `this.key` declared `private key: SecretString`, or an inferred resolver-typed member.
    if (symbol && this.ctx.resolverTypes.size > 0 && symbol.valueDeclaration && !symbol.valueDeclaration.getSourceFile().isDeclarationFile) {
      return this.declaredTypeSource(symbol, node);
    }
    return undefined;
  }

  /**
   * Summary mode: `data[name]` where `name` is a parameter of the summarised function: the member
   * the caller's argument names (argumentKeySegment), bound at each call site. Else null.
   */
  private argumentKeyOf(key: ts.Expression): string | null {
    const index = this.rootParameterIndex(key);
    return index === null ? null : argumentKeySegment(index);
  }

  /** Summary mode: the index of the summarised function's parameter `expression` names, or null. */
  private rootParameterIndex(expression: ts.Expression): number | null {
    if (this.mode.kind !== 'summary' || !ts.isIdentifier(expression)) return null;
    const root = this.mode.root;
    const declaration = this.ctx.checker.getSymbolAtLocation(expression)?.valueDeclaration;
    if (!declaration || !ts.isParameter(declaration) || declaration.parent !== root || declaration.dotDotDotToken) return null;
    return root.parameters.indexOf(declaration);
  }

  /**
   * Binds the argumentKeySegments of a callee's member paths to this call's arguments: a literal
   * key (or union of them) becomes the member's name; a parameter of the function being summarised
   * becomes that function's own segment; any other key leaves the member unknown, and the path
   * stops before it (the value is read whole from there).
   */
  private bindArgumentKeys(paths: string[][], call: ts.CallExpression | ts.NewExpression): string[][] {
    if (!paths.some((path) => path.some((segment) => argumentKeyIndex(segment) !== null))) return paths;
    const callArgs = call.arguments ?? [];
    const keysOf = (index: number): string[] | null => {
      const argument = callArgs[index];
      if (!argument || ts.isSpreadElement(argument)) return null;
      const own = this.argumentKeyOf(skipOuterExpressions(argument) as ts.Expression);
      return own !== null ? [own] : literalKeys(argument, this.ctx.checker);
    };
    const bound: string[][] = [];
    for (const path of paths) {
      let partial: string[][] = [[]];
      for (const segment of path) {
        const index = argumentKeyIndex(segment);
        const keys = index === null ? [segment] : keysOf(index);
        if (!keys) break;
        partial = partial.flatMap((prefix) => keys.map((key) => [...prefix, key]));
      }
      bound.push(...partial);
    }
    return bound;
  }

  /** A callee's return shape with its member paths bound to this call's arguments (bindArgumentKeys). */
  private boundShape(shape: Taint, call: ts.CallExpression | ts.NewExpression): Taint {
    const fields = shape.fields ? new Map([...shape.fields].map(([key, value]) => [key, this.boundShape(value, call)])) : undefined;
    const paths = shape.paths ? this.bindArgumentKeys(shape.paths, call) : undefined;
    return { ...shape, ...(fields ? { fields } : {}), ...(paths ? { paths } : {}) };
  }

  /**
   * `env[rule.overrideEnvKey]` on a container: when the checker types the key as string literals
   * (a union of names), only those fields; else the whole value.
   */
  private computedMember(base: Taint, node: ts.PropertyAccessExpression | ts.ElementAccessExpression): Taint | undefined {
    if (!base.fields || !ts.isElementAccessExpression(node)) return asValue(base);
    const keys = literalKeys(node.argumentExpression, this.ctx.checker);
    if (!keys) {
      // A record of containers (`PROVIDERS[platform]`): the entry is one of them, and holds only
      // their secret members (`.clientSecret`), not `.clientId` or `.authUrl`.
      return elementOf(base);
    }
    return firstTaint(...keys.map((key) => fieldOf(base, key)));
  }

  private isNonText(node: ts.Expression): boolean {
    try {
      return isNonStringPrimitive(this.ctx.checker.getTypeAtLocation(node));
    } catch {
      return false;
    }
  }

  private templateTaint(node: ts.TemplateExpression): Taint | undefined {
    let prefix = node.head.text;
    let result: Taint | undefined;
    for (const span of node.templateSpans) {
      const taint = this.evalExpr(span.expression);
      const text = taint ? asText(taint) : undefined;
      if (text) {
        this.checkUrlQuery(prefix, span.expression, text);
        result = firstTaint(result, text);
      }
      prefix += '\u0000' + span.literal.text;
    }
    return result;
  }

  /** `?key=${secret}` / `'&token=' + secret`: the secret becomes part of a URL query string. */
  private checkUrlQuery(textBefore: string, at: ts.Node, taint: Taint): void {
    if (!QUERY_PARAM_SUFFIX.test(textBefore) && !QUERY_START_SUFFIX.test(textBefore)) return;
    for (const sink of this.ctx.catalog.urlSinks) this.report(sink.entry.ruleId, sink.entry.label, at, taint);
    if (this.ctx.catalog.urlSinks.length === 0) this.report(URL_RULE, 'a URL query string', at, taint);
  }

  /** `agent.instructions = secret`: a property the catalog names as a sink (`=.name`). */
  private checkPropertySink(target: ts.Expression, at: ts.Node, taint: Taint): void {
    if (this.ctx.catalog.propertySinks.size === 0) return;
    const name = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isElementAccessExpression(target) && ts.isStringLiteralLike(target.argumentExpression) ? target.argumentExpression.text : undefined;
    const sink = name === undefined ? undefined : this.ctx.catalog.propertySinks.get(name);
    if (sink) this.report(sink.entry.ruleId, sink.entry.label, at, taint);
  }

  private binaryTaint(node: ts.BinaryExpression): Taint | undefined {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.EqualsToken) {
      const taint = this.evalExpr(node.right);
      if (taint) this.checkPropertySink(node.left, node.right, taint);
      this.assignTo(node.left, taint);
      return taint;
    }
    if (operator === ts.SyntaxKind.PlusEqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken || operator === ts.SyntaxKind.QuestionQuestionEqualsToken) {
      const before = this.evalExpr(node.left);
      const added = this.evalExpr(node.right);
      if (added) this.checkPropertySink(node.left, node.right, added);
      if (added && operator === ts.SyntaxKind.PlusEqualsToken) this.checkUrlQuery(trailingText(node.left) ?? '', node.right, added);
      if (added && !before) this.assignTo(node.left, added);
      return firstTaint(before, added);
    }
    const left = this.evalExpr(node.left);
    const right = this.evalExpr(node.right);
    switch (operator) {
      case ts.SyntaxKind.PlusToken: {
        const [leftText, rightText] = [left && asText(left), right && asText(right)];
        if (rightText) this.checkUrlQuery(trailingText(node.left) ?? '', node.right, rightText);
        return firstTaint(leftText, rightText);
      }
      case ts.SyntaxKind.BarBarToken:
      case ts.SyntaxKind.QuestionQuestionToken:
        return firstTaint(left, right);
      case ts.SyntaxKind.AmpersandAmpersandToken:
      case ts.SyntaxKind.CommaToken:
        return right;
      default:
        // Comparisons, arithmetic, `instanceof`, `in`: no text survives.
        return undefined;
    }
  }

  private objectTaint(node: ts.ObjectLiteralExpression): Taint | undefined {
    const fields = new Map<string, Taint>();
    // Named members set clean after a spread or computed key: they override what those may hold.
    const clean = new Set<string>();
    let first: Taint | undefined;
    for (const property of node.properties) {
      let taint: Taint | undefined;
      let key: string | null = null;
      if (ts.isPropertyAssignment(property)) {
        if (ts.isComputedPropertyName(property.name)) this.evalExpr(property.name.expression);
        taint = this.evalExpr(property.initializer);
        key = propertyNameText(property.name) ?? '*';
      } else if (ts.isShorthandPropertyAssignment(property)) {
        const symbol = this.ctx.checker.getShorthandAssignmentValueSymbol(property);
        taint = this.state.get(symbol ?? property.name.text) ?? (symbol ? this.unboundSymbolTaint(symbol, property.name) : undefined);
        this.evaluated.set(property.name, taint);
        key = property.name.text;
      } else if (ts.isSpreadAssignment(property)) {
        taint = this.evalExpr(property.expression);
        if (taint?.fields) {
          for (const [name, value] of taint.fields) fields.set(name, value);
          if (taint.fields.has('*') || taint.fields.has(SPREAD_KEY)) clean.clear();
          for (const name of taint.fields.keys()) clean.delete(name);
          for (const name of taint.cleanKeys ?? []) if (!fields.has(name)) clean.add(name);
        } else if (taint) {
          fields.set(SPREAD_KEY, taint);
          clean.clear();
        }
      } else {
        this.visit(property); // methods and accessors: walk their bodies
      }
      if (key === '*' && taint) clean.clear();
      else if (key !== null && key !== '*') {
        if (taint) clean.delete(key);
        else {
          fields.delete(key); // `{ ...config, apiKey: '***' }`
          clean.add(key);
        }
      }
      if (taint && key !== null) fields.set(key, taint);
      if (taint) first = firstTaint(first, taint);
    }
    // Every secret member was overwritten after its spread (`{ ...config, apiKey: '***' }`).
    if (!first || fields.size === 0) return undefined;
    const reported = new Set(first.reported ?? []);
    for (const sink of this.ctx.catalog.objectSinks) {
      if (!objectMatches(node, sink.entry.objectMatch ?? {})) continue;
      const at = nodeAtPath(node, sink.path);
      const taint = at ? this.evaluated.get(at as ts.Expression) : fieldsAtPath(fields, sink.path);
      if (taint && at) {
        this.report(sink.entry.ruleId, sink.entry.label, at, taint);
        reported.add(sink.entry.ruleId);
      }
    }
    return { origin: first.origin, flow: first.flow, fields, reported, ...(clean.size > 0 && (fields.has('*') || fields.has(SPREAD_KEY)) ? { cleanKeys: clean } : {}) };
  }

  // ---- calls

  private callTaint(call: ts.CallExpression): Taint | undefined {
    const callee = call.expression;
    const name = lastCalleeName(callee);
    const receiver = ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee) ? this.evalExpr(callee.expression) : undefined;
    if (!ts.isPropertyAccessExpression(callee) && !ts.isIdentifier(callee)) this.evalExpr(callee);
    if (this.envWrites.size > 0 && this.mayRewriteEnv(call, name)) this.envWrites.clear();
    const pendingError = this.bindRejectionHandlers(call, name, receiver);
    const args = call.arguments.map((arg) => this.evalExpr(arg));
    if (requiredModule(call)) return undefined;
    // `api.get(url).then(show)`: the chained promise still rejects with the request's error.
    if (pendingError && (name === 'finally' || (name === 'then' && call.arguments.length < 2))) this.requestErrors.set(call, pendingError);
    const http = this.httpClientCall(call, receiver, args);
    if (http) return http.result;

    // `get_config()` with `leak.sources: [{ call: get_config, path: llm.api_key }]`: only that path is secret.
    const declaredPaths = declaredPathsOf(call, this.ctx);
    if (declaredPaths.length > 0) return declaredPathContainer(call, declaredPaths, this.ctx);
    // `envSchema.parse(process.env)`: only the secrets' own keys of the parsed object are secret.
    const parsedEnv = parsedEnvContainer(call, this.ctx);
    if (parsedEnv) return parsedEnv;
    const validatedEnv = name === 'createEnv' ? runtimeEnvOf(args[0], call, this.ctx) : undefined;
    if (validatedEnv) return validatedEnv;
    if (this.ctx.resolverFunctions.has(name)) {
      const object = this.resolverObjectResult(call, name);
      if (object !== null) return object;
      const origin = resolverCallOrigin(call, name, this.ctx);
      // `env('NEXT_PRIVATE_SIGNING_TRANSPORT')` where the registry says `kind: config`: a setting, not a secret.
      if (origin.secretId && !this.ctx.secretKindIds.has(origin.secretId)) return undefined;
      // A resolver may return a credential object of unknown shape (`getCredentialData(id)`, Flowise):
      // like a parsed credential document, its members stay secret except those whose name says they
      // identify or locate (`clientId`, `authorizationUrl`, `roleArn`; Taint.parsed). A string result has no such member.
      return { origin, flow: [stepAt(this.ctx.root, call, `${origin.description} returns the secret`)], parsed: true };
    }
    if (receiver?.secretType && ts.isPropertyAccessExpression(callee)) {
      this.checkCallSinks(call, args);
      return this.secretTypeMember(receiver, name, call);
    }
    // A library object keeping a secret: its methods hand out nothing but `error.toJSON()` (which holds the config).
    if (receiver?.holder) {
      this.checkCallSinks(call, args);
      return receiver.holder.kind === 'http-error' && name === 'toJSON' ? withStep(asValue(receiver), stepAt(this.ctx.root, call, `'toJSON' serialises the request config`)) : undefined;
    }
    if (this.ctx.sanitizers.has(name) || DEFAULT_SANITIZER.test(name)) return undefined;
    // `key.slice(0, 4)`: a short piece identifies the key without revealing it.
    if (receiver && SLICE_METHODS.has(name) && isShortPiece(call.arguments)) return undefined;
    // `uri.replace(/\/\/.*@/, '//***@')`: masked inline (mask-text.ts).
    if (receiver && (name === 'replace' || name === 'replaceAll') && isMaskingReplaceCall(call, name)) return undefined;

    this.checkCallSinks(call, args);
    const summarised = this.applySummary(call, args);
    if (summarised) return summarised;

    if (PROJECTIONS.has(name)) return undefined;
    let result: Taint | undefined;
    if (receiver && !NON_TEXT_METHODS.has(name)) result = methodResult(receiver, name);
    // A project function with a summary (`Continue.from(options)`) returns what its summary says, whatever its name.
    const summarisedCallee = summarised === undefined && !receiver;
    if ((TRANSFORMERS.has(name) && !summarisedCallee) || (ARG_TEXT_METHODS.has(name) && (receiver || ts.isPropertyAccessExpression(callee)))) {
      // `String(error)` is the error's message; `JSON.stringify(error)` and `inspect(error)` print its members.
      // `Object.values(tools)`: the container's own values, each with its members (see elementOf).
      if ((isObjectStaticCall(call, 'values') || isObjectStaticCall(call, 'entries')) && isContainer(args[0])) result = firstTaint(result, args[0]);
      // `Object.fromEntries(Object.entries(config).filter(...))`: a copy of the container with some members left out, the rest apart as they were.
      else if (isObjectStaticCall(call, 'fromEntries') && args[0]?.entryPairs && isContainer(args[0])) result = firstTaint(result, withoutEntryPairs(args[0]));
      else result = firstTaint(result, ...args.map((arg) => (arg ? (name === 'String' ? asText(arg) : asValue(arg)) : undefined)));
      // A serialiser passes the secret on: it is reported where the text goes, once.
      if (result && name === 'stringify') result = withStep(result, stepAt(this.ctx.root, call, `serialised by ${describeNode(callee)}`));
      if (result && isObjectStaticCall(call, 'entries')) result = { ...result, entryPairs: true };
      // A document parsed from secret text: its members are told apart by name (see Taint.parsed).
      if (result && name === 'parse' && isStaticCall(call, 'JSON') && !result.fields && !result.holder && !result.secretType) result = { ...result, parsed: true };
    }
    // `arr.push(secret)` makes the array a secret.
    if (!receiver && (name === 'push' || name === 'unshift') && ts.isPropertyAccessExpression(callee)) {
      const pushed = firstTaint(...args);
      // A container pushed onto an array of containers keeps its members apart (see arrayOf).
      if (pushed) this.assignTo(callee.expression, isContainer(pushed) ? mergeTaints(arrayOf([pushed]), this.evalExpr(callee.expression)) : asValue(pushed));
    }
    // `keys.reduce((acc, k) => { acc[k] = env[k]; return acc; }, {})`: what the callback stored in its accumulator.
    if ((name === 'reduce' || name === 'reduceRight') && ts.isPropertyAccessExpression(callee)) result = firstTaint(result, this.accumulated(call), args[1]);
    if (result && this.isNonText(call)) return undefined;
    return result ?? this.typedSource(call) ?? this.declaredReturnSource(call);
  }

  /**
   * `decryptAndResetEnv()`, `dotenv.config()` between a write of `process.env.X` and its read: a
   * call named for the environment may set it again. A function declared in this file that writes
   * no `process.env` member does not (LibreChat's `writeRuntimeEnv()` only reads it).
   */
  private mayRewriteEnv(call: ts.CallExpression, name: string): boolean {
    if (!/env/i.test(name)) return false;
    const declaration = this.ctx.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression)?.valueDeclaration;
    const body = declaration && (ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration)) && declaration.getSourceFile() === call.getSourceFile() ? declaration : undefined;
    if (!body) return true;
    let writes = false;
    const visit = (node: ts.Node): void => {
      if (writes) return;
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && envSourceOf(node.left, this.ctx)) writes = true;
      else ts.forEachChild(node, visit);
    };
    visit(body);
    return writes;
  }

  /** The accumulator parameter of a `reduce` callback, as the walk of the callback (with the arguments) left it. */
  private accumulated(call: ts.CallExpression): Taint | undefined {
    const callback = call.arguments[0] ? skipOuterExpressions(call.arguments[0]) : undefined;
    if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
    const accumulator = callback.parameters[0]?.name;
    if (!accumulator || !ts.isIdentifier(accumulator)) return undefined;
    return this.state.get(this.ctx.checker.getSymbolAtLocation(accumulator) ?? accumulator.text);
  }

  /**
   * `.catch((e) => …)`, `.then(ok, (e) => …)` on a secret-bearing request, and a client's
   * `interceptors.request|response.use(ok, (e) => …)`: the handler's parameter is the request's
   * error. Bound before the handler is walked. Returns the error the receiver promise may reject with.
   */
  private bindRejectionHandlers(call: ts.CallExpression, name: string, receiver: Taint | undefined): Taint | undefined {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const pending = this.requestErrors.get(skipOuterExpressions(callee.expression));
    let error: Taint | undefined;
    let handlerIndex = -1;
    if (pending && (name === 'catch' || name === 'then')) {
      error = pending;
      handlerIndex = name === 'catch' ? 0 : 1;
    } else if (name === 'use' && !receiver) {
      // `client.interceptors.response.use(…)`: the member chain, not a value, leads to the client.
      const phase = skipOuterExpressions(callee.expression);
      const interceptors = ts.isPropertyAccessExpression(phase) ? skipOuterExpressions(phase.expression) : undefined;
      if (interceptors && ts.isPropertyAccessExpression(interceptors) && interceptors.name.text === 'interceptors') {
        const client = this.evalExpr(interceptors.expression);
        const config = clientConfig(client);
        const library = client?.holder ? libraryNamed(client.holder.library) : undefined;
        if (library && config) {
          error = requestErrorHolder(library, config, stepAt(this.ctx.root, call, `an interceptor of the client receives its failed requests`));
          handlerIndex = 1;
        }
      }
    }
    const handler = handlerIndex >= 0 ? call.arguments[handlerIndex] : undefined;
    const fn = handler ? skipOuterExpressions(handler) : undefined;
    if (error && fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) {
      const parameter = fn.parameters[0]?.name;
      if (parameter) this.bindName(parameter, deepWithSteps(error, [stepAt(this.ctx.root, parameter, `the failed request's error is received as '${describeNode(parameter)}'`)]), null);
    } else if (error && fn && handler) {
      this.applyErrorHandler(handler, error); // `.catch(logFailure)`: the handler's summary decides
    }
    return pending;
  }

  /** A named rejection handler receives the error as its first parameter: its sinks apply to the members it reads. */
  private applyErrorHandler(handler: ts.Expression, error: Taint): void {
    const declaration = this.calleeDeclaration(handler);
    if (!declaration) return;
    const summary = this.summaryOf(declaration, true);
    const received = stepAt(this.ctx.root, handler, `the failed request's error is passed to '${summary.name}' (param '${summary.paramNames[0] ?? 'error'}')`);
    for (const sink of summary.paramSinks[0] ?? []) {
      const reaching = this.throughMembers(error, sink);
      if (reaching) this.report(sink.ruleId, sink.sink, handler, reaching, [received, ...sink.flow], sink.at);
    }
  }

  /**
   * `axios.defaults.headers.common.Authorization = token` (every request of the library carries it
   * from now on) or `api.defaults.headers.Authorization = token` (that client's requests do).
   */
  private noteClientDefaults(left: ts.PropertyAccessExpression | ts.ElementAccessExpression, taint: Taint): void {
    const { chain, root } = memberChain(left);
    const at = chain.indexOf('defaults');
    if (at < 1 || at === chain.length - 1 || !ts.isIdentifier(root)) return;
    const provenance = provenanceOf(root, { checker: this.ctx.checker, nodeCache: this.ctx.nodeCache, symbolCache: this.ctx.symbolCache });
    const library = provenance ? libraryNamed(provenance.module) : undefined;
    if (!provenance || !library) return;
    // Request headers are flat in the error's config (`common`/`get`/`post` groups are merged away).
    const [top, ...rest] = chain.slice(at + 1);
    const leaf = rest.length > 0 ? rest[rest.length - 1] : undefined;
    const kept = withStep(taint, stepAt(this.ctx.root, left, `kept in ${describeNode(root)}'s request defaults`));
    const part: Taint = leaf ? { origin: kept.origin, flow: kept.flow, fields: new Map([[leaf, kept]]) } : kept;
    const config: Taint = { origin: kept.origin, flow: kept.flow, fields: new Map([[top, part]]) };
    const symbol = this.ctx.checker.getSymbolAtLocation(root);
    const current = symbol ? this.state.get(symbol) : undefined;
    if (current?.holder?.kind === 'http-client' || (provenance.path[provenance.path.length - 1] === '()' && symbol)) {
      const merged = mergeTaints(clientConfig(current), config) ?? config;
      this.state.set(symbol!, clientHolder(library, merged, stepAt(this.ctx.root, left, `set on the client ${describeNode(root)}`)));
    } else if (provenance.path.length <= 1) {
      this.ctx.httpDefaults.set(library.module, mergeTaints(this.ctx.httpDefaults.get(library.module), config) ?? config);
    }
  }

  /**
   * HTTP client libraries (http-clients.ts): `axios.create(config)` with a secret config makes a
   * client holder; a request through such a client, or with a secret in its own config, URL or
   * body, records the error it may reject with. null: not such a call.
   */
  private httpClientCall(call: ts.CallExpression, receiver: Taint | undefined, args: Array<Taint | undefined>): { result: Taint | undefined } | null {
    if (!receiver?.holder && !args.some(Boolean) && this.ctx.httpDefaults.size === 0) return null; // no secret client, defaults or argument
    const provenance = { checker: this.ctx.checker, nodeCache: this.ctx.nodeCache, symbolCache: this.ctx.symbolCache };
    const kind = classifyHttpCall(call, receiver, provenance);
    if (!kind) return null;
    this.checkCallSinks(call, args); // allowed uses (an Authorization header) are consumed, other sinks reported
    const shown = describeNode(call.expression);
    if (kind.kind === 'factory') {
      const config = args[0];
      return { result: config ? clientHolder(kind.library, config, stepAt(this.ctx.root, call, `kept in the client's config by ${shown}()`)) : undefined };
    }
    const at = (index: number | undefined) => (index === undefined ? undefined : args[index]);
    const config = requestConfig(clientConfig(receiver) ?? this.ctx.httpDefaults.get(kind.library.module), at(kind.config), at(kind.url), at(kind.data));
    if (config) {
      const error = requestErrorHolder(kind.library, config, stepAt(this.ctx.root, call, `a failed ${shown}() rejects with an error holding its request config`));
      this.requestErrors.set(call, error);
      this.noteFailingRequest(error);
    }
    return { result: undefined }; // the response is the service's answer, not the secret
  }

  /**
   * A resolver function whose body is in the project and returns object literals (a config
   * loader: `getServerSideConfig() { return { apiKey: …, baseUrl: … } }`) yields a container:
   * only the fields filled from secrets are secret (`kind: config` names are not sources).
   * undefined: no field is secret; null: not such a function (the whole result is the secret).
   */
  private resolverObjectResult(call: ts.CallExpression, name: string): Taint | undefined | null {
    const declaration = this.calleeDeclaration(call.expression, call);
    if (!declaration) return null;
    const body = (declaration as FunctionLike).body;
    const returned = body && !ts.isBlock(body) ? [body] : returnExpressions(declaration);
    if (returned.length === 0 || !returned.every((expression) => ts.isObjectLiteralExpression(skipOuterExpressions(expression)))) return null;
    const summary = this.summaryOf(declaration, false);
    if (!summary.returnsSource?.fields) return undefined;
    return withStep(summary.returnsSource, stepAt(this.ctx.root, call, `returned from '${name}'`));
  }

  /** A member of a declared secret type: its exposing members yield the secret text, others nothing. */
  private secretTypeMember(base: Taint, member: string, at: ts.Node): Taint | undefined {
    const members = this.ctx.typeMembers.get(base.secretType ?? '');
    if (!members || !members.expose.has(member)) return undefined;
    return withStep(asValue(base), stepAt(this.ctx.root, at, `'${member}' exposes the ${base.secretType}`));
  }

  /** `function load(): Promise<ResolvedSecret>`: the declared return type, readable without lib types. */
  private declaredReturnSource(call: ts.CallExpression): Taint | undefined {
    if (this.ctx.resolverTypes.size === 0) return undefined;
    let declaration: ts.Declaration | undefined;
    try {
      declaration = this.ctx.checker.getResolvedSignature(call)?.getDeclaration();
    } catch {
      return undefined;
    }
    if (!declaration || !ts.isFunctionLike(declaration)) return undefined;
    let type = declaration.type;
    if (type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === 'Promise') type = type.typeArguments?.[0];
    const typeName = annotatedResolverType(type, this.ctx);
    if (!typeName) return undefined;
    const origin = typeOrigin(typeName);
    return { origin, flow: [stepAt(this.ctx.root, call, `${describeNode(call)} returns ${origin.description}`)], secretType: typeName };
  }

  private newTaint(node: ts.NewExpression): Taint | undefined {
    this.evalExpr(node.expression);
    const args = (node.arguments ?? []).map((arg) => this.evalExpr(arg));
    const matched = this.checkCallSinks(node, args);
    if (!matched.some((sink) => sink.entry.ruleId === ERROR_RULE) && this.isErrorConstructor(node.expression)) {
      const label = `new ${lastCalleeName(node.expression)}()`;
      (node.arguments ?? []).forEach((arg, index) => {
        const taint = args[index];
        if (taint) this.report(ERROR_RULE, label, arg, taint);
      });
    }
    this.applyFieldSinks(node, args);
    const summarised = this.applySummary(node, args);
    if (summarised) return summarised;
    const name = lastCalleeName(node.expression);
    // `new Request(url, { headers: { Authorization } })`: the request object keeps its headers (printed when logged whole).
    if (name === 'Request' && firstTaint(...args)) {
      const [url, init] = args;
      const fields = new Map<string, Taint>(init?.fields ?? (init ? [[SPREAD_KEY, init]] : []));
      if (url) fields.set('url', asValue(url));
      const first = firstTaint(init, url)!;
      return { origin: first.origin, flow: [...first.flow, stepAt(this.ctx.root, node, `kept by new Request()`)], fields };
    }
    if (name === 'String' || name === 'URL' || name === 'URLSearchParams' || name === 'Headers') {
      const first = firstTaint(...args);
      return first ? asValue(first) : undefined;
    }
    return this.typedSource(node);
  }

  /** Reports every catalog sink the call matches; allowed sinks consume their argument first. */
  private checkCallSinks(call: ts.CallExpression | ts.NewExpression, args: Array<Taint | undefined>): CompiledSink[] {
    const callArgs = call.arguments ?? ts.factory.createNodeArray<ts.Expression>();
    // Untainted arguments can only matter for callback sinks (tool handlers), which take functions:
    // only a call such a sink may match needs its callee's provenance (a checker query) then.
    if (!args.some(Boolean) && (!callArgs.some(mayHoldCallback) || !mayMatchCallbackSink(call, this.ctx.catalog))) return [];
    const matched = matchSinks(call, this.ctx.catalog, { checker: this.ctx.checker, nodeCache: this.ctx.nodeCache, symbolCache: this.ctx.symbolCache });
    if (matched.length === 0) return matched;
    const ordered = [...matched.filter((sink) => sink.entry.allowed), ...matched.filter((sink) => !sink.entry.allowed)];
    for (const sink of ordered) {
      const positions = sink.entry.args === 'all' ? callArgs.map((_, index) => index) : sink.entry.args;
      for (const index of positions) {
        const arg = callArgs[index];
        if (!arg) continue;
        if (sink.entry.callbackReturn) {
          const target = nodeAtPath(arg, sink.path) ?? (sink.path.length === 0 ? arg : undefined);
          if (target) this.checkCallbackReturns(target, sink);
          continue;
        }
        const at = nodeAtPath(arg, sink.path);
        const taint = at ? this.evaluated.get(at as ts.Expression) : this.taintAtPath(args[index], sink.path);
        if (!taint) continue;
        if (sink.entry.allowed) {
          this.consumed.add(at ?? arg);
          continue;
        }
        this.report(sink.entry.ruleId, sink.entry.label, at ?? arg, taint);
      }
    }
    return matched;
  }

  /** What of an argument reaches a parameter sink: for a container, only the members the callee reads there. */
  private throughMembers(taint: Taint, sink: ParamSink): Taint | undefined {
    return sink.paths ? this.membersAt(taint, sink.paths) : taint;
  }

  /**
   * The members of a value at `paths`: a container's fields there; for a parameter marker (a
   * summary passing its parameter on), the same marker holding those members of the parameter
   * (`make(config)` calling `new Bedrock(config)` that logs `config.env.profile`); else the value.
   */
  private membersAt(taint: Taint, paths: string[][]): Taint | undefined {
    // A parsed credential document: each member as read in place (fieldOf: identifying names are not the secret).
    if (taint.fields || taint.parsed) return firstTaint(...paths.map((path) => this.taintAtPath(taint, path)));
    if (taint.origin.kind !== 'param' || taint.secretType || taint.holder) return taint;
    const composed = taint.paths ? taint.paths.flatMap((prefix) => paths.map((path) => [...prefix, ...path])) : paths;
    return { ...taint, paths: composed };
  }

  private taintAtPath(taint: Taint | undefined, path: string[]): Taint | undefined {
    let current = taint;
    for (const [index, segment] of path.entries()) {
      if (!current) return undefined;
      if (segment === '[]') continue;
      // A member named by an argument no call site bound (argumentKeySegment): unknown, so the value whole.
      if (argumentKeyIndex(segment) !== null) return current;
      // A parameter marker (a summary passing its parameter on inside an object, `g({ env: p })`):
      // the rest of the path are members of that parameter, not the whole of it.
      if (!current.fields && current.origin.kind === 'param' && !current.secretType && !current.holder) return this.membersAt(current, [path.slice(index)]);
      current = fieldOf(current, segment);
    }
    return current;
  }

  /** Tool handlers: what the callback returns is what the agent (or HTTP client) sees. */
  private checkCallbackReturns(target: ts.Node, sink: CompiledSink): void {
    let fn: ts.Node | undefined = skipOuterExpressions(target);
    if (ts.isPropertyAssignment(fn)) fn = skipOuterExpressions(fn.initializer);
    if (ts.isIdentifier(fn)) {
      const declaration = this.calleeDeclaration(fn);
      if (declaration) {
        const summary = this.summaryOf(declaration, false);
        if (summary.returnsSource) this.report(sink.entry.ruleId, sink.entry.label, target, summary.returnsSource);
      }
      return;
    }
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && !ts.isMethodDeclaration(fn)) return;
    if (fn.body && !ts.isBlock(fn.body)) {
      const taint = this.evaluated.get(fn.body);
      if (taint) this.report(sink.entry.ruleId, sink.entry.label, fn.body, taint);
      return;
    }
    for (const expression of returnExpressions(fn)) {
      const taint = this.evaluated.get(expression);
      if (taint) this.report(sink.entry.ruleId, sink.entry.label, expression, taint);
    }
  }

  /**
   * Applies the callee's summary: parameter sinks are reported at this call (the flow continues
   * into the callee) and parameter-to-return flows taint the result. null: no summary available.
   */
  private applySummary(call: ts.CallExpression | ts.NewExpression, args: Array<Taint | undefined>): Taint | undefined | null {
    // Without a tainted argument only a callee that returns a secret itself matters: ask the checker only when one may.
    if (this.ctx.mayReturnSource && !args.some(Boolean) && !this.ctx.mayReturnSource(lastCalleeName(call.expression), isMemberCallee(call.expression))) return null;
    if (!args.some(Boolean) && this.importedFromUnreaching(call.expression)) return null;
    const declaration = this.calleeDeclaration(call.expression, call);
    if (!declaration) return null;
    // Untainted arguments need only what the callee does by itself: its parameters are walked when a caller passes a secret.
    const summary = this.summaryOf(declaration, args.some(Boolean));
    const callArgs = call.arguments ?? [];
    let result: Taint | undefined;
    if (summary.returnsSource) {
      result = withStep(summary.returnsSource, stepAt(this.ctx.root, call, `returned from '${summary.name}'`));
    }
    if (summary.throwsRequestError) {
      const error = deepWithSteps(summary.throwsRequestError, [stepAt(this.ctx.root, call, `'${summary.name}' may reject with it`)]);
      this.requestErrors.set(call, error);
      this.noteFailingRequest(error);
    }
    args.forEach((taint, index) => {
      if (!taint) return;
      const lastParam = declaration.parameters[declaration.parameters.length - 1];
      const paramIndex = index < summary.paramNames.length ? index : lastParam?.dotDotDotToken ? summary.paramNames.length - 1 : -1;
      if (paramIndex < 0) return;
      const passed = stepAt(this.ctx.root, callArgs[index], `passed to '${summary.name}' (param '${summary.paramNames[paramIndex]}')`);
      for (const sink of summary.paramSinks[paramIndex] ?? []) {
        // A container (config object, request error) reaches the sink only through the members the callee reads.
        const reaching = this.throughMembers(taint, sink.paths ? { ...sink, paths: this.bindArgumentKeys(sink.paths, call) } : sink);
        if (reaching) this.report(sink.ruleId, sink.sink, callArgs[index], reaching, [passed, ...sink.flow], sink.at);
      }
      const inner = summary.returnsParam[paramIndex];
      if (inner && !result) {
        const returnedStep = stepAt(this.ctx.root, call, `returned from '${summary.name}'`);
        const shape = summary.returnShapes?.[paramIndex];
        // The returned object keeps per-property taint: `f({ apiKey }).name` is clean, as `{ name, key: apiKey }.name` is.
        result = shape ? this.instantiateReturn(this.boundShape(shape, call), taint, passed, returnedStep) : { origin: taint.origin, flow: [...taint.flow, passed, ...inner, returnedStep] };
      }
    });
    return result;
  }

  /**
   * The value a call returns, from the callee's return shape (summary mode, origin: the parameter)
   * and the argument given: a returned container keeps only the fields holding the argument's
   * members, each the argument's member at the paths the callee read (`key: o.apiKey` -> arg.apiKey).
   */
  private instantiateReturn(shape: Taint, arg: Taint, passed: FlowStep, returned: FlowStep): Taint | undefined {
    if (shape.origin.kind !== 'param') return withStep(shape, returned); // a secret of the callee's own
    if (shape.fields) {
      const fields = new Map<string, Taint>();
      let first: Taint | undefined;
      for (const [key, value] of shape.fields) {
        const field = this.instantiateReturn(value, arg, passed, returned);
        if (!field) continue;
        fields.set(key, field);
        first = firstTaint(first, field);
      }
      return first ? { origin: first.origin, flow: first.flow, fields, ...(shape.reported ? { reported: shape.reported } : {}) } : undefined;
    }
    const part = shape.paths ? this.membersAt(arg, shape.paths) : arg;
    if (!part) return undefined;
    return { ...part, flow: [...part.flow, passed, ...shape.flow, returned] };
  }

  /**
   * `new Client(token)` where the constructor keeps the argument in a field (`private token`,
   * `this.token = token`): the sinks that field reaches in the class's other methods are reached
   * by this argument, and reported there.
   */
  private applyFieldSinks(node: ts.NewExpression, args: Array<Taint | undefined>): void {
    if (!args.some(Boolean)) return;
    const constructor = this.calleeDeclaration(node.expression, node);
    if (!constructor || !ts.isConstructorDeclaration(constructor)) return;
    const callArgs = node.arguments ?? [];
    args.forEach((taint, index) => {
      const parameter = constructor.parameters[index];
      if (!taint || !parameter || !ts.isIdentifier(parameter.name)) return;
      const paramName = parameter.name.text;
      for (const field of storedFields(constructor, parameter, paramName, this.ctx.checker)) {
        const passed = stepAt(this.ctx.root, callArgs[index], `passed to 'new ${constructor.parent.name?.text ?? 'class'}' (param '${paramName}')`);
        for (const sink of fieldSinksOf(constructor.parent, field, this.ctx)) {
          // `this.config.name` of a config built with a secret `clientSecret`: only the members read count.
          const reaching = this.throughMembers(taint, sink);
          if (reaching) this.report(sink.ruleId, sink.sink, callArgs[index], reaching, [passed, ...sink.flow], sink.at);
        }
      }
      // `this.http = axios.create({ headers: { Authorization: `Bearer ${token}` } })`: the client's failed requests in other methods.
      for (const { field, client } of clientFields(constructor, index, this.ctx)) {
        const passed = stepAt(this.ctx.root, callArgs[index], `passed to 'new ${constructor.parent.name?.text ?? 'class'}' (param '${paramName}')`);
        for (const sink of fieldSinksOf(constructor.parent, field, this.ctx, client)) {
          this.report(sink.ruleId, sink.sink, callArgs[index], taint, [passed, ...sink.flow], sink.at);
        }
      }
    });
  }

  private calleeDeclaration(callee: ts.Expression, call?: ts.CallExpression | ts.NewExpression): ts.SignatureDeclaration | null {
    let declaration: ts.Declaration | undefined;
    try {
      // A callee with one declaration that is a function is that function: the symbol says so
      // cheaply, where resolving the call's signature type-checks every argument (callbacks too).
      const sole = call ? this.soleFunctionDeclaration(callee, ts.isNewExpression(call)) : undefined;
      if (sole === null) return null;
      declaration = sole;
      if (!declaration && call) declaration = this.ctx.checker.getResolvedSignature(call)?.getDeclaration();
      if (!declaration) {
        let symbol = this.ctx.checker.getSymbolAtLocation(skipOuterExpressions(callee));
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.ctx.checker.getAliasedSymbol(symbol);
        declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
      }
    } catch {
      return null;
    }
    if (!declaration) return null;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = skipOuterExpressions(declaration.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) declaration = init;
    }
    if (ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) {
      declaration = declaration.members.find((member) => ts.isConstructorDeclaration(member) && member.body);
      if (!declaration) return null;
    }
    // An overload signature (`static from(o: A): B;`): the implementation beside it is what runs.
    if (ts.isFunctionLike(declaration) && !(declaration as FunctionLike).body && (ts.isMethodDeclaration(declaration) || ts.isFunctionDeclaration(declaration))) {
      declaration = this.overloadImplementation(declaration) ?? declaration;
    }
    if (!ts.isFunctionLike(declaration) || !(declaration as FunctionLike).body) return null;
    const file = declaration.getSourceFile();
    if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) return null;
    return declaration;
  }

  private overloadImplementation(overload: ts.MethodDeclaration | ts.FunctionDeclaration): ts.Declaration | undefined {
    const symbol = overload.name ? this.ctx.checker.getSymbolAtLocation(overload.name) : undefined;
    return symbol?.declarations?.find((candidate) => (ts.isMethodDeclaration(candidate) || ts.isFunctionDeclaration(candidate)) && candidate.body !== undefined);
  }

  /**
   * `format(x)`, `prisma.user.findMany()`, `res.json()` after `const res = await fetch(u)`,
   * `seen.get(k)` after `const seen = new Map()`: the
   * callee's value derives from an import of an export that cannot carry a secret
   * (carrier-reaching.ts: a constant, a package client, anything of a module that is not
   * source-reaching, any package's export) or from a name with no declaration at all (a global the
   * analysis has no types for). Whatever it leads to cannot return a secret by itself, so its symbol
   * is not asked for (asking type-checks the member chain, and the locals' initializers before it).
   */
  private importedFromUnreaching(callee: ts.Expression): boolean {
    return this.ctx.importCarries !== undefined && this.derivesFromNonCarrier(callee, 0);
  }

  private derivesFromNonCarrier(expression: ts.Expression, depth: number): boolean {
    if (depth > 4) return false;
    let root = skipOuterExpressions(expression);
    while (ts.isPropertyAccessExpression(root) || ts.isCallExpression(root) || ts.isNewExpression(root) || ts.isAwaitExpression(root)) root = skipOuterExpressions(root.expression);
    // `/x/.test(s)`, `'a,b'.split(',')`, `[a, b].join()`: built-in methods, which the analysis has no declarations of.
    if (ts.isStringLiteralLike(root) || ts.isTemplateExpression(root) || ts.isRegularExpressionLiteral(root) || ts.isNumericLiteral(root) || ts.isArrayLiteralExpression(root)) return true;
    if (!ts.isIdentifier(root)) return false;
    const symbol = this.ctx.checker.getSymbolAtLocation(root);
    if (!symbol) return true;
    const declaration = symbol.declarations?.[0];
    if (!declaration || (symbol.declarations?.length ?? 0) > 1) return false;
    if (symbol.flags & ts.SymbolFlags.Alias) return this.importsNonCarrier(declaration);
    // `const res = await fetch(u)`, `const { data } = useQuery()`: what a constant holds comes from its initializer.
    const variable = ts.isBindingElement(declaration) ? ts.walkUpBindingElementsAndPatterns(declaration) : declaration;
    if (ts.isVariableDeclaration(variable) && variable.initializer && ts.getCombinedNodeFlags(variable) & ts.NodeFlags.Const) {
      return this.derivesFromNonCarrier(variable.initializer, depth + 1);
    }
    // `(req: NextRequest) => …`: a parameter's declared type, named by an import or a global.
    if (ts.isParameter(declaration) && declaration.type && ts.isTypeReferenceNode(declaration.type)) {
      let typeName: ts.EntityName = declaration.type.typeName;
      while (ts.isQualifiedName(typeName)) typeName = typeName.left;
      const typeSymbol = this.ctx.checker.getSymbolAtLocation(typeName);
      if (!typeSymbol) return true;
      const typeDeclaration = typeSymbol.declarations?.[0];
      return (typeSymbol.flags & ts.SymbolFlags.Alias) !== 0 && typeDeclaration !== undefined && typeSymbol.declarations?.length === 1 && this.importsNonCarrier(typeDeclaration);
    }
    return false;
  }

  /** An import declaration's binding (`{ x }`, `x`, `* as x`) of an export that cannot carry a secret. */
  private importsNonCarrier(declaration: ts.Declaration): boolean {
    const binding = importOfBinding(declaration);
    if (!binding || !ts.isStringLiteralLike(binding.statement.moduleSpecifier)) return false;
    // A package's exports carry nothing (its calls have no summary either way).
    return !this.ctx.importCarries!(binding.statement.getSourceFile(), binding.statement.moduleSpecifier.text, binding.imported);
  }

  /**
   * `console.log`, `NextResponse.json` from an unresolved package: a member chain (of names) whose root
   * name has no symbol, or is an import of nothing, has no member symbols either. Said without
   * asking for the member's symbol, which type-checks the chain (and its unresolved-name errors).
   */
  private hasUnknownRoot(member: ts.PropertyAccessExpression): boolean {
    let root: ts.Expression = member;
    while (ts.isPropertyAccessExpression(root)) root = root.expression;
    if (!ts.isIdentifier(root)) return false;
    const symbol = this.ctx.checker.getSymbolAtLocation(root);
    if (!symbol) return true;
    return (symbol.flags & ts.SymbolFlags.Alias) !== 0 && !this.ctx.checker.getAliasedSymbol(symbol).declarations?.length;
  }

  /**
   * The callee's declaration when its symbol has exactly one and it is a function; null when a named
   * callee has no symbol or no declaration at all (an `any` value, an import the Program did not
   * resolve: the call's signature has no declaration either); undefined: ask the call's signature.
   */
  private soleFunctionDeclaration(callee: ts.Expression, isNew: boolean): ts.Declaration | null | undefined {
    const named = skipOuterExpressions(callee);
    if (ts.isPropertyAccessExpression(named) && this.hasUnknownRoot(named)) return null;
    let symbol = this.ctx.checker.getSymbolAtLocation(named);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = this.ctx.checker.getAliasedSymbol(symbol);
    if (!symbol?.declarations?.length) return ts.isIdentifier(named) || ts.isPropertyAccessExpression(named) ? null : undefined;
    const only = symbol.declarations.length === 1 ? symbol.declarations[0] : undefined;
    if (!only) return undefined;
    if (isNew) return soleConstructorClass(only);
    if ((ts.isFunctionDeclaration(only) || ts.isMethodDeclaration(only) || ts.isFunctionExpression(only) || ts.isArrowFunction(only)) && only.body) return only;
    if (ts.isVariableDeclaration(only) && only.initializer) {
      const init = skipOuterExpressions(only.initializer);
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return only;
    }
    return assignedFunction(only);
  }

  private summaryOf(declaration: ts.SignatureDeclaration, withParams: boolean): FunctionSummary {
    return computeSummary(declaration, this.ctx, withParams);
  }

  private isErrorConstructor(expression: ts.Expression, depth = 0): boolean {
    const name = lastCalleeName(expression);
    if (/(?:Error|Exception)$/.test(name)) return true;
    if (depth > 8) return false;
    let symbol = this.ctx.checker.getSymbolAtLocation(skipOuterExpressions(expression));
    if (!symbol) return false;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = this.ctx.checker.getAliasedSymbol(symbol);
    const cached = this.ctx.errorClasses.get(symbol);
    if (cached !== undefined) return cached;
    this.ctx.errorClasses.set(symbol, false);
    const declaration = symbol.valueDeclaration;
    let result = false;
    if (declaration && (ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration))) {
      const heritage = declaration.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
      const base = heritage?.types[0]?.expression;
      result = base ? this.isErrorConstructor(base, depth + 1) : false;
    }
    this.ctx.errorClasses.set(symbol, result);
    return result;
  }

  // ---- reporting

  /**
   * `at`: the node in the walked code (the argument of the call that leads to the sink); `sinkAt`:
   * the sink itself when it lies inside a callee. A leak is located at the sink (DESIGN §10) when
   * the collector accepts its file, else at `at`; the flow runs from the source to the sink either way.
   */
  private report(ruleId: string, sink: string, at: ts.Node, taint: Taint, tail?: FlowStep[], sinkAt?: ts.Node): void {
    if (taint.reported?.has(ruleId) || this.consumed.has(at)) return;
    if (this.mode.kind === 'module') return;
    // A client instance is no secret text; a request's error held whole leaks only where it is printed whole.
    const held = heldIn(taint);
    if (held === 'http-client' || (held === 'http-error' && !WHOLE_OBJECT_RULES.has(ruleId))) return;
    const flow = [...taint.flow, ...(tail ?? [stepAt(this.ctx.root, at, `reaches ${sink}`)])];
    if (this.mode.kind === 'summary') {
      if (taint.origin.kind !== 'param') return; // the callee's own sources are reported in its own file
      const sinks = (this.mode.summary.paramSinks[taint.origin.index] ??= []);
      const target = sinkAt ?? at;
      // A container built from members of the parameter (`{ initialUrl: url }` with `url` out of
      // `function f({ url, headers })`) holds those members only, not the whole parameter.
      const paths = taint.fields ? asValue(taint).paths : taint.paths;
      // One sink reached through different members (`options.session._trace`, then `options.tracing`)
      // keeps an entry per member set, each with its own flow: the first must not hide the others.
      if (!sinks.some((existing) => existing.ruleId === ruleId && existing.at === target && coversPaths(existing.paths, paths))) {
        sinks.push({ ruleId, sink, flow: flow.slice(taint.flow.length), at: target, ...(paths ? { paths } : {}) });
      }
      return;
    }
    if (taint.origin.kind !== 'source') return;
    const located = sinkAt && this.mode.collector.accepts(sinkAt.getSourceFile().fileName) ? sinkAt : at;
    const sourceFile = located.getSourceFile();
    const file = relativePath(this.ctx.root, sourceFile.fileName);
    const inTest = this.mode.inTest || (located !== at && this.ctx.isTestFile(file));
    const fact: LeakFact = {
      kind: 'leak',
      ruleId,
      sink,
      secretId: taint.origin.secretId,
      envName: taint.origin.envName,
      source: taint.origin.description,
      range: rangeOf(located, sourceFile),
      flow,
      ...(inTest ? { inTest: true } : {}),
    };
    this.mode.collector.add(fact, `${ruleId}|${file}|${located.getStart(sourceFile)}|${located.getEnd()}`, sourceFile.fileName);
  }
}

/**
 * Builds (once) the summary of a function: one walk for its own sources, and (once, when
 * `withParams`: a caller passes a secret) one walk per parameter. While a part is being walked,
 * a recursive call sees an empty summary.
 */
export function computeSummary(declaration: ts.SignatureDeclaration, ctx: EngineContext, withParams = true): FunctionSummary {
  const cached = ctx.summaries.get(declaration);
  const paramNames = declaration.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : 'destructured'));
  const name = functionName(declaration);
  if (cached === 'pending') return { name, paramNames, returnsParam: [], paramSinks: [], returnsSource: null }; // recursion
  let summary = cached;
  if (!summary) {
    ctx.summaries.set(declaration, 'pending');
    summary = { name, paramNames, returnsParam: paramNames.map(() => null), paramSinks: paramNames.map(() => []), returnsSource: null };
    const own = new TaintWalker(ctx, { kind: 'summary', summary, root: declaration, paramIndex: null });
    own.walkFunction(declaration, null);
    if (own.returned?.origin.kind === 'source') summary.returnsSource = own.returned;
    if (own.uncaughtRequestError) summary.throwsRequestError = own.uncaughtRequestError;
    ctx.summaries.set(declaration, summary);
  }
  if (!withParams || paramsWalked.has(summary)) return summary;
  ctx.summaries.set(declaration, 'pending');
  const limit = Math.min(paramNames.length, 8);
  for (let index = 0; index < limit; index++) {
    const walker = new TaintWalker(ctx, { kind: 'summary', summary, root: declaration, paramIndex: index });
    walker.walkFunction(declaration, index);
    if (walker.returned?.origin.kind === 'param' && walker.returned.origin.index === index) {
      summary.returnsParam[index] = walker.returned.flow;
      (summary.returnShapes ??= paramNames.map(() => null))[index] = walker.returned;
    }
  }
  paramsWalked.add(summary);
  ctx.summaries.set(declaration, summary);
  return summary;
}

/** Summaries whose parameters have been walked (computeSummary). */
const paramsWalked = new WeakSet<FunctionSummary>();

/** The fields (property symbols) a constructor stores one parameter in: a parameter property, or `this.x = param` at the top of its body. */
function storedFields(constructor: ts.ConstructorDeclaration, parameter: ts.ParameterDeclaration, paramName: string, checker: ts.TypeChecker): ts.Symbol[] {
  const fields: ts.Symbol[] = [];
  if (ts.isParameterPropertyDeclaration(parameter, constructor)) {
    const property = checker.getSymbolsOfParameterPropertyDeclaration(parameter, paramName)[1];
    if (property) fields.push(property);
  }
  for (const statement of constructor.body?.statements ?? []) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
    const { left, right, operatorToken } = statement.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
    if (!ts.isIdentifier(skipOuterExpressions(right)) || (skipOuterExpressions(right) as ts.Identifier).text !== paramName) continue;
    const symbol = checker.getSymbolAtLocation(left);
    if (symbol) fields.push(symbol);
  }
  return fields;
}

/**
 * The fields a constructor fills with an HTTP client built from parameter `index`
 * (`this.http = axios.create({ headers: { Authorization: token } })`), each with that client as
 * "what the constructor was given" (origin: parameter 0 of the field summary). Computed once.
 */
function clientFields(constructor: ts.ConstructorDeclaration, index: number, ctx: EngineContext): Array<{ field: ts.Symbol; client: Taint }> {
  const parameter = constructor.parameters[index];
  if (!parameter) return [];
  // Per context (a memo the order monitor watches, memo-monitor.ts), keyed by the parameter: (constructor, index).
  const cached = ctx.clientFields.get(parameter);
  if (cached) return cached;
  const found: Array<{ field: ts.Symbol; client: Taint }> = [];
  ctx.clientFields.set(parameter, found); // a constructor that builds its own class must not recurse
  const assigned = (constructor.body?.statements ?? []).flatMap((statement) => {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) return [];
    const { left, operatorToken, right } = statement.expression;
    if (operatorToken.kind !== ts.SyntaxKind.EqualsToken || !ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) return [];
    return ts.isCallExpression(skipOuterExpressions(right)) ? [left] : [];
  });
  if (assigned.length > 0) {
    const summary: FunctionSummary = { name: 'constructor', paramNames: constructor.parameters.map(() => 'param'), returnsParam: [], paramSinks: [], returnsSource: null };
    const walker = new TaintWalker(ctx, { kind: 'summary', summary, root: constructor, paramIndex: index });
    walker.walkFunction(constructor, index);
    for (const left of assigned) {
      const field = ctx.checker.getSymbolAtLocation(left);
      const client = field ? walker.heldClient(field) : undefined;
      if (field && client) found.push({ field, client: asParamZero(client) });
    }
  }
  ctx.clientFields.set(parameter, found); // complete
  return found;
}

/** A sink entry reached by the members `known` (absent: the whole parameter) already stands for one reached by `added`. */
function coversPaths(known: string[][] | undefined, added: string[][] | undefined): boolean {
  if (!known) return true;
  if (!added) return false;
  return added.every((path) => known.some((other) => other.length === path.length && other.every((segment, i) => segment === path[i])));
}

/** The same value as seen from a one-parameter summary (a field's): parameter 0 everywhere. */
function asParamZero(taint: Taint): Taint {
  const fields = taint.fields ? new Map([...taint.fields].map(([key, value]) => [key, asParamZero(value)])) : undefined;
  return { ...taint, origin: taint.origin.kind === 'param' ? { kind: 'param', index: 0 } : taint.origin, ...(fields ? { fields } : {}) };
}

/** The sinks a field's value reaches in the methods and accessors of its class (computed once per field and starting value). */
function fieldSinksOf(owner: ts.ClassLikeDeclaration, field: ts.Symbol, ctx: EngineContext, initial?: Taint): ParamSink[] {
  // Keyed by what the field starts as: the field itself (a constructor argument stored there), or
  // the client a constructor built from one argument (one object per field and argument,
  // clientFields): the sinks found for one client are not those of another.
  const key = initial ?? field;
  const cached = ctx.fieldSinks.get(key);
  if (cached) return cached;
  const sinks: ParamSink[] = [];
  ctx.fieldSinks.set(key, sinks); // a method that constructs its own class must not recurse
  const declaration = field.valueDeclaration ?? field.declarations?.[0];
  const stored = declaration ? stepAt(ctx.root, ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) ? declaration.name : declaration, `stored in 'this.${field.name}'`) : null;
  if (stored) {
    for (const member of owner.members) {
      if (!(ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) || !member.body) continue;
      const summary: FunctionSummary = { name: 'field', paramNames: [field.name], returnsParam: [null], paramSinks: [sinks], returnsSource: null };
      new TaintWalker(ctx, { kind: 'summary', summary, root: member, paramIndex: 0 }).walkMethodWithField(member, field, initial);
    }
    for (const sink of sinks) sink.flow.unshift(stored);
  }
  ctx.fieldSinks.set(key, sinks); // complete
  return sinks;
}

function functionName(declaration: ts.SignatureDeclaration): string {
  if (ts.isConstructorDeclaration(declaration)) {
    const owner = declaration.parent;
    return owner.name ? `new ${owner.name.text}` : 'constructor';
  }
  if (declaration.name && (ts.isIdentifier(declaration.name) || ts.isPrivateIdentifier(declaration.name))) return declaration.name.text;
  const parent = declaration.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return propertyNameText(parent.name) ?? 'function';
  return 'function';
}

function propertyNameText(name: ts.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  return null;
}

/** The literal text at the end of an expression (`'…?key='`, `` `…&token=` ``, `base + '?k='`). */
function trailingText(node: ts.Expression): string | null {
  const expr = skipOuterExpressions(node);
  if (ts.isStringLiteralLike(expr)) return expr.text;
  if (ts.isTemplateExpression(expr)) return expr.templateSpans[expr.templateSpans.length - 1].literal.text || null;
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.PlusToken) return trailingText(expr.right);
  return null;
}

/** The syntactic node at `path` inside an object/array literal argument (`messages`, `headers.Authorization`). */
function nodeAtPath(node: ts.Node, path: string[]): ts.Node | undefined {
  let current: ts.Node = skipOuterExpressions(node);
  for (const segment of path) {
    if (segment === '[]') {
      if (!ts.isArrayLiteralExpression(current)) return undefined;
      continue;
    }
    if (!ts.isObjectLiteralExpression(current)) return undefined;
    const lower = segment.toLowerCase();
    const property = current.properties.find((candidate) => candidate.name && (propertyNameText(candidate.name) ?? '').toLowerCase() === lower);
    if (!property) return undefined;
    if (ts.isPropertyAssignment(property)) current = skipOuterExpressions(property.initializer);
    else if (ts.isShorthandPropertyAssignment(property)) current = property.name;
    else return property;
  }
  return current === skipOuterExpressions(node) && path.length === 0 ? node : current;
}

function fieldsAtPath(fields: Map<string, Taint>, path: string[]): Taint | undefined {
  const [head, ...rest] = path;
  let current = head ? fields.get(head) : undefined;
  for (const segment of rest) if (current && segment !== '[]') current = fieldOf(current, segment);
  return current;
}

function objectMatches(node: ts.ObjectLiteralExpression, match: Record<string, string[]>): boolean {
  return Object.entries(match).every(([key, values]) =>
    node.properties.some((property) => {
      if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== key) return false;
      const value = skipOuterExpressions(property.initializer);
      return ts.isStringLiteralLike(value) && values.includes(value.text);
    }),
  );
}

/** `(0, 4)`, `(-4)`, `(0, 6)`: constant bounds selecting at most SHORT_PIECE characters. */
function isShortPiece(args: ts.NodeArray<ts.Expression>): boolean {
  const bounds = args.map((arg) => {
    const expr = skipOuterExpressions(arg);
    if (ts.isNumericLiteral(expr)) return Number(expr.text);
    if (ts.isPrefixUnaryExpression(expr) && expr.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(expr.operand)) return -Number(expr.operand.text);
    return null;
  });
  if (bounds.length === 1) return bounds[0] !== null && bounds[0] < 0 && -bounds[0] <= SHORT_PIECE;
  if (bounds.length !== 2 || bounds[0] === null || bounds[1] === null) return false;
  const [start, end] = bounds as [number, number];
  return start >= 0 && end >= 0 && Math.abs(end - start) <= SHORT_PIECE;
}

function mayHoldCallback(arg: ts.Expression): boolean {
  const expr = skipOuterExpressions(arg);
  return ts.isArrowFunction(expr) || ts.isFunctionExpression(expr) || ts.isObjectLiteralExpression(expr) || ts.isIdentifier(expr);
}

/** `return` expressions of a function, not of functions nested in it. */
function returnExpressions(fn: ts.Node): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node)) {
      if (node.expression) found.push(node.expression);
      return;
    }
    if (ts.isFunctionLike(node) && node !== fn) return;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn, visit);
  return found;
}


/** The value as text: a library object holding a secret (`${error}`, `String(error)`) shows its message, not the secret. */
function asText(taint: Taint): Taint | undefined {
  return heldIn(taint) ? undefined : asValue(taint);
}

/** The values a module-level initialiser may take: both branches of a conditional (nested too), else itself. */
function conditionalBranches(init: ts.Expression): ts.Expression[] {
  const expr = skipOuterExpressions(init) as ts.Expression;
  if (!ts.isConditionalExpression(expr)) return [init];
  return [...conditionalBranches(expr.whenTrue), ...conditionalBranches(expr.whenFalse)];
}

/**
 * The string literal values a key expression can take (`'A' | 'B'`), or null when it is not only
 * string literals. Without lib types a `for (const rule of RULES)` variable is untyped: its
 * element type is then read off the iterable's declared array type (`RULES: Rule[]`).
 */
function literalKeys(key: ts.Expression, checker: ts.TypeChecker): string[] | null {
  try {
    const direct = stringLiterals(checker.getTypeAtLocation(key));
    if (direct) return direct;
    const looped = ts.isIdentifier(key) ? forOfLiteralStrings(key, checker) : null;
    if (looped) return looped;
    if (!ts.isPropertyAccessExpression(key) || !ts.isIdentifier(key.expression)) return null;
    const owner = forOfElementType(key.expression, checker);
    const property = owner?.getProperty(key.name.text);
    return property ? stringLiterals(checker.getTypeOfSymbolAtLocation(property, key)) : null;
  } catch {
    return null;
  }
}

function stringLiterals(type: ts.Type): string[] | null {
  const parts = type.isUnion() ? type.types : [type];
  const keys: string[] = [];
  for (const part of parts) {
    if (!part.isStringLiteral()) return null;
    keys.push(part.value);
  }
  return keys.length > 0 ? keys : null;
}

/**
 * `for (const key of ['model', 'name'] as const)`, also over a `const` bound to such a list: the
 * strings the loop variable takes, read from the syntax. The leak Program loads no lib files, so
 * the checker cannot type the variable of a loop over an array (it needs the global Array type).
 */
function forOfLiteralStrings(variable: ts.Identifier, checker: ts.TypeChecker): string[] | null {
  const declaration = checker.getSymbolAtLocation(variable)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name) || !ts.isVariableDeclarationList(declaration.parent)) return null;
  if ((declaration.parent.flags & ts.NodeFlags.Const) === 0 || !ts.isForOfStatement(declaration.parent.parent)) return null;
  let iterable = skipOuterExpressions(declaration.parent.parent.expression);
  if (ts.isIdentifier(iterable)) {
    const source = checker.getSymbolAtLocation(iterable)?.valueDeclaration;
    if (!source || !ts.isVariableDeclaration(source) || !source.initializer || !ts.isVariableDeclarationList(source.parent) || (source.parent.flags & ts.NodeFlags.Const) === 0) return null;
    iterable = skipOuterExpressions(source.initializer);
  }
  if (!ts.isArrayLiteralExpression(iterable) || iterable.elements.length === 0) return null;
  const strings: string[] = [];
  for (const element of iterable.elements) {
    if (!ts.isStringLiteralLike(element)) return null;
    strings.push(element.text);
  }
  return strings;
}

/** `for (const rule of RULES)` with `const RULES: Rule[]` (or `Array<Rule>`, `readonly Rule[]`): Rule. */
function forOfElementType(variable: ts.Identifier, checker: ts.TypeChecker): ts.Type | undefined {
  const declaration = checker.getSymbolAtLocation(variable)?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isVariableDeclarationList(declaration.parent)) return undefined;
  const loop = declaration.parent.parent;
  if (!ts.isForOfStatement(loop)) return undefined;
  const iterable = skipOuterExpressions(loop.expression);
  const source = ts.isIdentifier(iterable) ? checker.getSymbolAtLocation(iterable)?.valueDeclaration : undefined;
  let annotation = source && ts.isVariableDeclaration(source) ? source.type : undefined;
  if (annotation && ts.isTypeOperatorNode(annotation)) annotation = annotation.type;
  if (annotation && ts.isArrayTypeNode(annotation)) return checker.getTypeFromTypeNode(annotation.elementType);
  if (annotation && ts.isTypeReferenceNode(annotation) && annotation.typeArguments?.length === 1) return checker.getTypeFromTypeNode(annotation.typeArguments[0]);
  return undefined;
}

/** `s.replace(pattern, '***')`: the literal replacement hides what the pattern matches. */
function isMaskingReplaceCall(call: ts.CallExpression, name: string): boolean {
  const [pattern, replacement] = call.arguments;
  if (!pattern || !replacement || !ts.isStringLiteralLike(replacement)) return false;
  const global = name === 'replaceAll' || (ts.isRegularExpressionLiteral(pattern) && /\/[a-z]*g[a-z]*$/.test(pattern.text));
  return isMaskingReplacement(replacement.text, global);
}

/** `Object.<method>(...)` (`Object.entries(x)`: its elements are [key, value] pairs). */
function isObjectStaticCall(expression: ts.Expression, method: string): boolean {
  const call = skipOuterExpressions(expression);
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === method && isStaticCall(call, 'Object');
}

/** A call of a member of the global `owner` (`JSON.parse(…)`, `Object.keys(…)`). */
function isStaticCall(call: ts.CallExpression, owner: string): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === owner;
}

/** The function (or the source file) a node sits in. */
function enclosingFunctionOf(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return current;
  return undefined;
}

/** A value whose secret sits in some of its members (not a declared secret type, not a library object). */
function isContainer(taint: Taint | undefined): taint is Taint & { fields: Map<string, Taint> } {
  return !!taint?.fields && !taint.secretType && !taint.holder;
}

/** An array of containers as arrayOf builds it: its one member `*` is the elements, merged. */
function isArrayOfContainers(taint: Taint): boolean {
  return isContainer(taint) && taint.fields.size === 1 && isContainer(taint.fields.get('*'));
}

/**
 * An array literal's taint: an array of containers (`[{ type, serverName, config }]`) is a
 * container whose elements (`*`) are those containers merged, so a loop or an index over it
 * still tells `config` from `serverName`; any other tainted element makes the array a value.
 */
function arrayOf(taints: Array<Taint | undefined>): Taint | undefined {
  const present = taints.filter((taint): taint is Taint => taint !== undefined);
  const first = firstTaint(...present);
  if (!first) return undefined;
  if (!present.every(isContainer)) return asValue(first);
  const element = mergedAll(present);
  // Sinks an element was already reported at (a prompt's `{ role, content }`) are not reported again at the array.
  const reported = new Set(present.flatMap((taint) => [...(taint.reported ?? [])]));
  return { origin: element.origin, flow: element.flow, fields: new Map([['*', element]]), ...(reported.size > 0 ? { reported } : {}) };
}

/**
 * One element of a loop over `iterated`: a record of containers (`tools[name] = { serverName,
 * config }`, then `for (const t of Object.values(tools))`) yields one of them, with only their
 * secret members tainted (LibreChat's MCP servers: `t.serverName` is not the decrypted key in
 * `t.config`); anything else, the whole value.
 */
function elementOf(iterated: Taint): Taint {
  const entries = isContainer(iterated) ? [...iterated.fields.values()] : [];
  return entries.length > 0 && entries.every(isContainer) ? mergedAll(entries) : asValue(iterated);
}

/** The container an `Object.entries` pair list was made from (its members as they were). */
function withoutEntryPairs(pairs: Taint): Taint {
  const { entryPairs: _pairs, ...container } = pairs;
  return container;
}

/** What an array method gives back: the elements kept (`filter`, `slice`), one of them (`find`, `at`), or the receiver's value. */
function methodResult(receiver: Taint, name: string): Taint {
  if (isArrayOfContainers(receiver) && ELEMENT_KEEPING_METHODS.has(name)) return receiver;
  // `Object.entries(config).filter(...)`: some of the container's [key, value] pairs, each member still apart.
  if (receiver.entryPairs && isContainer(receiver) && ELEMENT_KEEPING_METHODS.has(name)) return receiver;
  if (isArrayOfContainers(receiver) && ELEMENT_PICKING_METHODS.has(name)) return elementOf(receiver);
  return asValue(receiver);
}

/** Several containers as one: each member that any of them holds. */
function mergedAll(containers: readonly Taint[]): Taint {
  return containers.reduce<Taint | undefined>((merged, taint) => mergeTaints(merged, taint), undefined)!;
}

/**
 * `const { key, ...rest } = value`: the members the pattern names are not in `rest` (the secret
 * dropped from a config before it is logged); a value without members stays whole.
 */
function restOf(taint: Taint, pattern: ts.ObjectBindingPattern): Taint | undefined {
  if (!isContainer(taint)) return taint;
  const named = new Set<string>();
  for (const element of pattern.elements) {
    if (element.dotDotDotToken) continue;
    const key = element.propertyName ?? element.name;
    if (!ts.isIdentifier(key) && !ts.isStringLiteralLike(key)) return taint; // a computed name: any member may be gone
    named.add(key.text);
  }
  const fields = new Map([...taint.fields].filter(([key]) => !named.has(key)));
  if (fields.size === taint.fields.size) return taint;
  const first = [...fields.values()][0];
  return first ? { ...taint, origin: first.origin, flow: first.flow, fields } : undefined;
}

/** `a.name()`, `a['name']()`: a callee reached as a member of something. */
function isMemberCallee(callee: ts.Expression): boolean {
  const named = skipOuterExpressions(callee);
  return ts.isPropertyAccessExpression(named) || ts.isElementAccessExpression(named);
}

/**
 * The function a member holds when the member's type is that function's and nothing else can
 * give it another: `{ send: function () {…} }`, `exports.send = () => {…}`, `this.send = …`,
 * `send = () => {…}` in a class, the function written right there (no assertion around it, no
 * type annotation, no JSDoc type in a JavaScript file). Resolving the call's signature gives that
 * same function, after type-checking every argument (CommonJS modules and class fields call
 * these everywhere: about a second of anything-llm's leak pass). Undefined: resolve as before.
 */
function assignedFunction(declaration: ts.Declaration): ts.FunctionExpression | ts.ArrowFunction | undefined {
  let value: ts.Expression | undefined;
  if (ts.isPropertyAssignment(declaration)) value = declaration.initializer;
  else if (ts.isPropertyDeclaration(declaration) && !declaration.type) value = declaration.initializer;
  else if (ts.isPropertyAccessExpression(declaration) || ts.isElementAccessExpression(declaration)) {
    const assignment = declaration.parent;
    if (ts.isBinaryExpression(assignment) && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken && assignment.left === declaration) value = assignment.right;
  }
  if (!value || !(ts.isFunctionExpression(value) || ts.isArrowFunction(value)) || !value.body) return undefined;
  if ((declaration.flags & ts.NodeFlags.JavaScriptFile) !== 0 && hasJSDocType(declaration)) return undefined;
  return value;
}

/** A JSDoc `@type` (or `@satisfies`) on the declaration or the statement around an assignment: it, not the function, gives the member its type. */
function hasJSDocType(declaration: ts.Node): boolean {
  for (let node: ts.Node | undefined = declaration; node && !ts.isSourceFile(node) && !ts.isBlock(node); node = node.parent) {
    if (ts.getJSDocTags(node).some((tag) => ts.isJSDocTypeTag(tag) || ts.isJSDocSatisfiesTag(tag))) return true;
    if (ts.isStatement(node) || ts.isClassElement(node) || ts.isObjectLiteralElement(node)) break;
  }
  return false;
}

/**
 * `new Client(…)` of a class declared once with one constructor that has a body and no overloads:
 * that class (calleeDeclaration takes its constructor), what the construct signature gives too.
 * A class without its own constructor takes its base's: resolved as before (undefined).
 */
function soleConstructorClass(declaration: ts.Declaration): ts.ClassDeclaration | undefined {
  if (!ts.isClassDeclaration(declaration)) return undefined;
  const constructors = declaration.members.filter(ts.isConstructorDeclaration);
  return constructors.length === 1 && constructors[0].body ? declaration : undefined;
}
