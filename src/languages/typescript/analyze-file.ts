// One walk over the raw TypeScript tree of a file, keeping lexical scopes, emitting facts.
import type { EnvReadFact, Fact, FileError, FrontEndOptions, FrontEndResult } from '../../core/facts.js';
import type { ConstContext } from './const-strings.js';
import { importedConstRef, resolveConstString } from './const-strings.js';
import { collectDirectiveComments, DIRECTIVE_MARKER } from './directive-comments.js';
import { collectExportedConstants } from './exported-constants.js';
import { envSourceOf, isProcessObject, requiredModule, type EnvSource } from './env-objects.js';
import { reportBindingPattern, reportEnvUse, type EnvKey, type EnvReadExtra, type EnvReadSink } from './env-reads.js';
import { classifyEnumeration, setReturningImports, summarizeEnvParameter } from './env-enumerations.js';
import { exportedFunction } from './env-local-functions.js';
import { envCopyUses } from './env-copy-uses.js';
import { isSavedForRestore } from './env-save-restore.js';
import { namePartsOf } from './env-name-family.js';
import { oneStepKeyOf, OneStepReads } from './env-one-step.js';
import { prepareOptions, type PreparedOptions } from './prepared-options.js';
import { calledResolver, secretRefOf } from './resolver-calls.js';
import { declareCatchVariable, declareFunction, declareLoopInitializer, declareStatements, Scope } from './scopes.js';
import { rangeOfNode } from './source-range.js';
import { envNameRange } from './env-name-range.js';
import { boundNameOf } from './bound-literals.js';
import { valueLiteralFact } from '../../core/value-literals.js';
import { isTestPath } from '../../core/test-paths.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';
import { guardTypeScriptNesting } from './nesting-guard.js';
import { rememberGuardedText } from './guard-memo.js';
import { linesOf, nestingErrors } from '../nesting-limit.js';
import { isPresenceOnly } from './env-presence-tests.js';

/** Names a bundler inlines into client code at build time. */
const BUNDLER_PUBLIC_PREFIXES = ['NEXT_PUBLIC_', 'VITE_', 'REACT_APP_', 'EXPO_PUBLIC_', 'PUBLIC_', 'GATSBY_', 'NUXT_PUBLIC_', 'STORYBOOK_'];
const PROCESS_ENV: EnvSource = { api: 'process.env' };
// The compiler's namespace object has over 2,000 properties (dictionary mode): a read of
// `ts.forEachChild` is a hash lookup each time. The walk's per-node calls read these instead.
const { forEachChild, isStringLiteralLike } = ts;

function scriptKindOf(file: string): TS.ScriptKind {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** An identifier that names something being declared or a property, not a use of a binding. */
function isNamePosition(identifier: TS.Identifier): boolean {
  const parent = identifier.parent as TS.Node & { name?: TS.Node; propertyName?: TS.Node };
  if (parent.kind === SyntaxKind.ShorthandPropertyAssignment) return false;
  return parent.name === identifier || parent.propertyName === identifier || parent.kind === SyntaxKind.QualifiedName;
}

class FileAnalysis implements EnvReadSink {
  readonly facts: Fact[] = [];
  exportedConstants: Record<string, string> = {};
  private scope: Scope;
  private readonly inTest: boolean;
  private readonly context: ConstContext;
  private readonly prepared: PreparedOptions;
  private readonly importedModules = new Set<string>();
  /** No store call can match before some catalogued module is imported or required. */
  private importsSecretStore = false;
  private readonly registryLiterals: TS.StringLiteralLike[] = [];
  /** `'${SEARXNG_API_KEY}'`: a config default the app interpolates from the environment (LibreChat's web-search config). */
  private readonly placeholderLiterals: Array<{ node: TS.StringLiteralLike; name: string }> = [];
  /** Literals that form the key of an env read (they are not reported again as name refs). */
  private readonly keyLiterals = new Set<TS.Node>();
  /** Reads keyed by a helper's parameter or a loop variable (resolved through call sites / the list). */
  private readonly oneStep: OneStepReads;
  /** Names this file sets or deletes (`process.env.X = v`): in a test, reading X too only saves it. */
  private readonly writtenNames = new Set<string>();
  /** Variables naming the key of a write (`process.env[flag] = '1'`): in a test, `process.env[flag]` read too only saves it. */
  private readonly writtenKeyVariables = new Set<string>();
  /** Reads keyed by a variable that could not be resolved (`process.env[flag]`), with that variable's name. */
  private readonly variableKeyedReads = new Map<EnvReadFact, string>();
  /** Reads that may only save a variable to put it back (env-save-restore.ts), judged after the walk. */
  private readonly saveCandidates: Array<{ fact: EnvReadFact; at: TS.Node }> = [];
  /** This file's exported functions other files hand the whole environment to (FrontEndOptions.envObjectParams). */
  private readonly envObjectParams: NonNullable<FrontEndOptions['envObjectParams']>[string];
  /** Functions this file imports that give the env object back (FrontEndOptions.envReturningImports). */
  private readonly returningImports: NonNullable<FrontEndOptions['envReturningImports']>[string];
  /** Functions of other files that return a copy of the environment (FrontEndOptions.envCopyHelpers). */
  private readonly copyHelpers: FrontEndOptions['envCopyHelpers'];
  /** Whole-environment uses, classified after the walk (schema parse, filter, copy, child process). */
  private readonly enumerations: Array<{ fact: EnvReadFact; use: TS.Node; scope: Scope }> = [];

  constructor(
    private readonly sourceFile: TS.SourceFile,
    file: string,
    options: FrontEndOptions,
  ) {
    this.scope = new Scope(null, { text: sourceFile.text, envCandidates: new Set() });
    this.parent = sourceFile;
    this.envObjectParams = options.envObjectParams?.[file] ?? [];
    this.returningImports = options.envReturningImports?.[file] ?? [];
    this.copyHelpers = options.envCopyHelpers;
    this.inTest = isTestPath(file);
    this.context = { projectConstants: options.projectConstants ?? {} };
    this.prepared = prepareOptions(options);
    this.oneStep = new OneStepReads(sourceFile, this.context, {
      emit: (name, source, at, extra) => this.addEnvRead(name, source, at, false, extra),
      keyLiteral: (node) => this.keyLiterals.add(node),
      rangeOf: (node) => rangeOfNode(sourceFile, node),
    }, (options.envKeyHelpers ?? []).filter((helper) => helper.language === 'typescript' || helper.language === 'javascript'));
  }

  run(text: string): void {
    const fileScope = this.scope;
    declareStatements(this.sourceFile.statements, fileScope);
    ts.forEachChild(this.sourceFile, this.visit);
    this.oneStep.finish();
    for (const { fact, at } of this.saveCandidates) if (!fact.access && isSavedForRestore(at, this.sourceFile)) fact.access = 'snapshot';
    this.classifyEnumerations();
    this.summarizeEnvParameters();
    // Where this file takes the environment copies other files' functions return (src/core/env-copy-helpers.ts).
    this.facts.push(...envCopyUses(this.sourceFile, this.copyHelpers));
    this.markTestSaves();
    this.exportedConstants = collectExportedConstants(this.sourceFile, fileScope, this.context);
    for (const literal of this.registryLiterals) {
      if (this.keyLiterals.has(literal)) continue;
      this.facts.push({ kind: 'name-ref', name: literal.text, context: 'string-literal', range: rangeOfNode(this.sourceFile, literal), ...this.testFlag() });
    }
    for (const { node, name } of this.placeholderLiterals) {
      this.facts.push({ kind: 'name-ref', name, context: 'string-literal', range: rangeOfNode(this.sourceFile, node), ...this.testFlag() });
    }
    if (text.includes(DIRECTIVE_MARKER)) this.facts.push(...collectDirectiveComments(this.sourceFile, text));
  }

  /** A string that is exactly `${NAME}` for a registry name: the value of NAME, filled in by the app's config loader. */
  private notePlaceholder(literal: TS.StringLiteral): void {
    const text = literal.text;
    if (!text.startsWith('${') || !text.endsWith('}')) return;
    const name = text.slice(2, -1);
    if (this.prepared.registryNames.has(name)) this.placeholderLiterals.push({ node: literal, name });
  }

  private testFlag(): { inTest?: true } {
    return this.inTest ? { inTest: true } : {};
  }

  resolveKey(expression: TS.Expression, scope: Scope): EnvKey {
    const literals: TS.Node[] = [];
    const key = resolveConstString(expression, scope, this.context, literals);
    if (key === null) {
      const constRef = importedConstRef(expression, scope, this.context);
      if (constRef) return { constRef };
      const oneStep = oneStepKeyOf(expression, scope);
      if (oneStep) return { oneStep };
      const family = namePartsOf(expression, scope, this.context);
      return family ? { family } : null;
    }
    for (const literal of literals) this.keyLiterals.add(literal);
    return key;
  }

  addEnvRead(key: EnvKey, source: EnvSource, at: TS.Node, enumerates?: boolean, extra?: EnvReadExtra): void {
    if (key !== null && typeof key === 'object' && 'oneStep' in key) {
      this.oneStep.add(key.oneStep, source, at, this.scope, isPresenceOnly(at));
      return;
    }
    const name = typeof key === 'string' ? key : null;
    if (extra?.access === 'write' || extra?.access === 'delete') {
      if (name !== null) this.writtenNames.add(name);
      else if (ts.isElementAccessExpression(at) && ts.isIdentifier(at.argumentExpression)) this.writtenKeyVariables.add(at.argumentExpression.text);
      return;
    }
    const fact: EnvReadFact = { kind: 'env-read', name, api: extra?.api ?? source.api, range: rangeOfNode(this.sourceFile, at) };
    const token = name !== null ? envNameRange(this.sourceFile, at, name) : undefined;
    if (token) fact.nameRange = token.range;
    if (token?.shorthand) fact.nameIsShorthand = true;
    if (key !== null && typeof key === 'object' && 'constRef' in key) fact.constRef = key.constRef;
    if (key !== null && typeof key === 'object' && 'family' in key) fact.nameParts = key.family;
    if (extra?.via) fact.via = extra.via;
    if (extra?.keyParam) fact.keyParam = extra.keyParam;
    // At a helper's call (`via`), only the helper's own read says whether it is a presence test.
    if (name === null && !enumerates && (extra?.presence || (!extra?.via && isPresenceOnly(at)))) fact.presence = true;
    if (source.compileTime || (name !== null && BUNDLER_PUBLIC_PREFIXES.some((prefix) => name.startsWith(prefix)))) fact.compileTime = true;
    if (enumerates) fact.enumerates = true;
    // A helper's read at its call when the helper only saves the variable to put it back (env-one-step.ts).
    if (extra?.access === 'snapshot') fact.access = 'snapshot';
    // `const previous = process.env[name]`: judged after the walk (run), when every parent is set.
    else if (!enumerates) this.saveCandidates.push({ fact, at });
    if (this.inTest) fact.inTest = true;
    if (this.inTest && name === null && !enumerates && ts.isElementAccessExpression(at) && ts.isIdentifier(at.argumentExpression)) this.variableKeyedReads.set(fact, at.argumentExpression.text);
    this.facts.push(fact);
    if (enumerates) this.enumerations.push({ fact, use: at, scope: this.scope });
  }

  /** In test code, a read of a name the file also sets or deletes saves it to put it back. */
  private markTestSaves(): void {
    if (!this.inTest) return;
    for (const fact of this.facts) {
      if (fact.kind === 'env-read' && fact.name !== null && !fact.access && this.writtenNames.has(fact.name)) fact.access = 'snapshot';
    }
    // `const original = process.env[flag]; process.env[flag] = '1'; … process.env[flag] = original`.
    for (const [fact, variable] of this.variableKeyedReads) if (!fact.access && this.writtenKeyVariables.has(variable)) fact.access = 'snapshot';
  }

  /** What each handed-on env object is for; a schema parse becomes reads of the schema's keys. */
  private classifyEnumerations(): void {
    setReturningImports(this.sourceFile, this.returningImports);
    for (const { fact, use, scope } of this.enumerations) {
      const outcome = classifyEnumeration(use, scope, this.sourceFile, this.inTest);
      if (outcome.kind === 'fact') Object.assign(fact, outcome.patch);
      if (outcome.kind === 'handoff') fact.handedTo = outcome.handedTo;
      if (outcome.kind !== 'schema') continue;
      const source = { api: fact.api, ...(fact.compileTime ? { compileTime: true } : {}) };
      const via = { kind: 'schema' as const, range: fact.range };
      for (const key of outcome.schema.keys) {
        if (ts.isStringLiteralLike(key.node)) this.keyLiterals.add(key.node);
        this.addEnvRead(key.name, source, key.node, false, { api: `${fact.api} through ${outcome.api}`, via });
      }
      if (outcome.schema.complete) this.facts.splice(this.facts.indexOf(fact), 1);
    }
  }

  /**
   * What each exported function other files hand the environment to does with it: a ConfigFact
   * `env-param-summary` at the function (src/core/env-object-handoffs.ts reads it), and the names
   * it reads from the object as env reads here.
   */
  private summarizeEnvParameters(): void {
    for (const query of this.envObjectParams) {
      const fn = exportedFunction(this.sourceFile, query.function);
      const summary = fn ? summarizeEnvParameter(this.sourceFile, fn, query.index, query.held, this.inTest) : { outcome: 'unknown' as const, reads: [] };
      const at = fn ? (fn.name ?? fn) : this.sourceFile;
      const data = { function: query.function, index: query.index, held: query.held, outcome: summary.outcome, ...(summary.target ? { target: summary.target } : {}) };
      this.facts.push({ kind: 'config', type: 'env-param-summary', range: rangeOfNode(this.sourceFile, at), data });
      for (const read of summary.reads) {
        if (isStringLiteralLike(read.node)) this.keyLiterals.add(read.node);
        this.addEnvRead(read.name, PROCESS_ENV, read.node, false, { api: `process.env through ${query.function}()` });
      }
    }
  }

  /** The node whose children are being visited. */
  private parent: TS.Node;

  // Parsing without `setParentNodes` is about twice as fast; the walk sets each node's parent
  // itself before anything looks at it (env-read contexts only ever look upward).
  private readonly visit = (node: TS.Node): void => {
    (node as { parent: TS.Node }).parent = this.parent;
    const outerScope = this.scope;
    const outerParent = this.parent;
    this.enterScope(node);
    this.inspect(node);
    this.parent = node;
    forEachChild(node, this.visit);
    this.parent = outerParent;
    this.scope = outerScope;
  };

  private enterScope(node: TS.Node): void {
    switch (node.kind) {
      case SyntaxKind.Block:
      case SyntaxKind.ModuleBlock:
        this.scope = new Scope(this.scope);
        declareStatements((node as TS.Block).statements, this.scope);
        break;
      case SyntaxKind.CaseBlock:
        this.scope = new Scope(this.scope);
        for (const clause of (node as TS.CaseBlock).clauses) declareStatements(clause.statements, this.scope);
        break;
      case SyntaxKind.FunctionDeclaration:
      case SyntaxKind.FunctionExpression:
      case SyntaxKind.ArrowFunction:
      case SyntaxKind.MethodDeclaration:
      case SyntaxKind.Constructor:
      case SyntaxKind.GetAccessor:
      case SyntaxKind.SetAccessor:
        this.scope = new Scope(this.scope);
        declareFunction(node as TS.SignatureDeclaration, this.scope);
        break;
      case SyntaxKind.ForStatement:
      case SyntaxKind.ForInStatement:
      case SyntaxKind.ForOfStatement:
        this.scope = new Scope(this.scope);
        declareLoopInitializer((node as TS.ForStatement).initializer, this.scope);
        break;
      case SyntaxKind.CatchClause:
        this.scope = new Scope(this.scope);
        declareCatchVariable(node as TS.CatchClause, this.scope);
        break;
      default:
        break;
    }
  }

  private inspect(node: TS.Node): void {
    switch (node.kind) {
      case SyntaxKind.PropertyAccessExpression:
        if ((node as TS.PropertyAccessExpression).name.text === 'env') this.inspectEnvCandidate(node);
        break;
      case SyntaxKind.ElementAccessExpression:
        if (isStringLiteralLike((node as TS.ElementAccessExpression).argumentExpression)) this.inspectEnvCandidate(node);
        break;
      case SyntaxKind.Identifier:
        if (this.scope.file.envCandidates.has((node as TS.Identifier).text) && !isNamePosition(node as TS.Identifier)) this.inspectEnvCandidate(node);
        break;
      case SyntaxKind.StringLiteral:
      case SyntaxKind.NoSubstitutionTemplateLiteral:
        if (this.prepared.registryNames.has((node as TS.StringLiteral).text)) this.registryLiterals.push(node as TS.StringLiteral);
        else this.notePlaceholder(node as TS.StringLiteral);
        this.inspectBoundLiteral(node as TS.StringLiteralLike);
        break;
      case SyntaxKind.CallExpression:
        this.inspectCall(node as TS.CallExpression);
        break;
      case SyntaxKind.NewExpression:
        this.inspectSecretStoreCall(node as TS.NewExpression);
        break;
      case SyntaxKind.ImportDeclaration: {
        const specifier = (node as TS.ImportDeclaration).moduleSpecifier;
        if (ts.isStringLiteral(specifier)) this.addImportedModule(specifier.text);
        break;
      }
      case SyntaxKind.VariableDeclaration:
        this.inspectProcessDestructuring(node as TS.VariableDeclaration);
        break;
      default:
        break;
    }
  }

  /** Where a literal bound to a name sits, so output can mask it if the name is a secret's. */
  private inspectBoundLiteral(literal: TS.StringLiteralLike): void {
    if (literal.text === '') return;
    const name = boundNameOf(literal);
    if (name !== null) this.facts.push(valueLiteralFact(rangeOfNode(this.sourceFile, literal), name));
  }

  private inspectEnvCandidate(node: TS.Node): void {
    const source = envSourceOf(node, this.scope, this.context);
    if (source) reportEnvUse(node, source, this.scope, this);
  }

  private inspectCall(call: TS.CallExpression): void {
    this.oneStep.noteCall(call, this.scope);
    const required = requiredModule(call);
    if (required !== null) this.addImportedModule(required);
    else if (call.expression.kind === SyntaxKind.ImportKeyword && call.arguments[0] && ts.isStringLiteralLike(call.arguments[0])) {
      this.addImportedModule(call.arguments[0].text);
    }
    if (this.prepared.resolverFunctions.size > 0) {
      const resolver = calledResolver(call, this.scope, this.context, this.prepared.resolverFunctions);
      if (resolver !== null) {
        const secretRef = secretRefOf(call.arguments[0], this.scope, this.context);
        this.facts.push({ kind: 'resolver-call', function: resolver, secretRef, range: rangeOfNode(this.sourceFile, call) });
      }
    }
    this.inspectSecretStoreCall(call);
  }

  private inspectSecretStoreCall(node: TS.CallExpression | TS.NewExpression): void {
    if (!this.importsSecretStore) return;
    const match = this.prepared.secretStores.match(node, this.scope, this.context, this.importedModules);
    if (match) this.facts.push({ kind: 'secret-store-call', provider: match.provider, api: match.api, range: rangeOfNode(this.sourceFile, node), ...this.testFlag() });
  }

  private addImportedModule(module: string): void {
    this.importedModules.add(module);
    if (this.prepared.secretStores.isStoreModule(module)) this.importsSecretStore = true;
  }

  /** `const { env: { A, B } } = process`. */
  private inspectProcessDestructuring(declaration: TS.VariableDeclaration): void {
    if (!ts.isObjectBindingPattern(declaration.name) || !declaration.initializer) return;
    if (!isProcessObject(declaration.initializer, this.scope, this.context)) return;
    for (const element of declaration.name.elements) {
      const property = element.propertyName;
      if (property && ts.isIdentifier(property) && property.text === 'env' && ts.isObjectBindingPattern(element.name)) {
        reportBindingPattern(element.name, PROCESS_ENV, this.scope, this);
      }
    }
  }
}

export function analyzeTypeScript(file: string, text: string, options: FrontEndOptions): FrontEndResult {
  let sourceFile: TS.SourceFile;
  let deep: FileError[];
  try {
    const parseOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
    const parse = (source: string): TS.SourceFile => ts.createSourceFile(file, source, parseOptions, false, scriptKindOf(file));
    // Constructs nested past the limit are blanked first, the same way on every thread.
    const guarded = guardTypeScriptNesting(file, text, parse);
    // The leak pass reads this file again; it takes the guarded text instead of scanning it again.
    if (options.leakAnalysis === true) rememberGuardedText(scriptKindOf(file), text, guarded.text);
    deep = nestingErrors(file, linesOf(text, guarded.cutAt));
    text = guarded.text;
    sourceFile = guarded.sourceFile ?? parse(text);
  } catch (error) {
    return { facts: [], errors: [failure(file, 'could not be parsed', error)] };
  }
  const analysis = new FileAnalysis(sourceFile, file, options);
  try {
    analysis.run(text);
    const exported = Object.keys(analysis.exportedConstants).length > 0 ? { exportedConstants: analysis.exportedConstants } : {};
    return { facts: analysis.facts, ...exported, ...(deep.length > 0 ? { errors: deep } : {}) };
  } catch (error) {
    return { facts: analysis.facts, errors: [...deep, failure(file, 'could not be fully analysed', error)] };
  }
}

/** Error text names the failure kind only; it never quotes file content. */
function failure(file: string, what: string, error: unknown): FileError {
  const kind = error instanceof RangeError ? 'nesting too deep' : error instanceof Error ? error.name : 'unknown error';
  return { file, message: `TypeScript front end: file ${what} (${kind}).` };
}
