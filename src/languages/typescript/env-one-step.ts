// Env keys one step away from the access: a helper's parameter (`function envInt(name) { return
// process.env[name] }` called as `envInt('RETRY_COUNT')`, or a field of its options object:
// `function need({ name }) { ... }` called as `need({ name: 'RELAY_URL' })`) and a loop over a literal list
// (`for (const k of ['A', 'B']) process.env[k]`, `['A', 'B'].filter((k) => !process.env[k])`).
// Each name becomes a read where it is decided (the call site, the list element); what stays
// unknown (a call with a computed argument, an exported or escaping helper whose callers live
// elsewhere) keeps the dynamic read at the access itself.
import type { Range } from '../../core/facts.js';
import type { ConstContext } from './const-strings.js';
import { commonJsExportOf } from './commonjs-exports.js';
import { importedConstRef, resolveConstString } from './const-strings.js';
import { unwrapTransparent, type EnvSource } from './env-objects.js';
import { isSavedForRestore, isSnapshotEntryShape, snapshotEntryNames } from './env-save-restore.js';
import type { EnvKey, EnvReadExtra } from './env-reads.js';
import type { Binding, Scope } from './scopes.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';

export type OneStepKey =
  /** `rest`: the parameter is `...keys`, each argument from `index` on is a name (walked by a loop). */
  | { kind: 'param'; fn: TS.SignatureDeclaration; index: number; property?: string; rest?: true; scope?: Scope }
  /**
   * Every value the loop variable can take: the elements of each list it can walk (one, or each
   * branch of a `cond ? [...] : [...]` choice), or one part of each row of a constant table.
   */
  | { kind: 'loop'; elements: TS.Expression[]; record?: true };

/** Array methods whose callback's first parameter takes each element in turn. */
export const ELEMENT_CALLBACK_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);

/**
 * A name decided one step away: its constant text; a constant another module exports
 * (`readDir(DIR_ENV)` with `DIR_ENV` imported: `constRef`, which the engine resolves across files
 * as for `process.env[DIR_ENV]`, src/core/const-refs.ts); or null (computed, unknown).
 */
export type OneStepName = string | null | Extract<EnvKey, { constRef: unknown }>;

/** What emitting a read needs from the file analysis. */
export interface OneStepEmitter {
  emit(name: OneStepName, source: EnvSource, at: TS.Node, extra: EnvReadExtra): void;
  /** Literals that spelled a read's name: not reported again as plain name mentions. */
  keyLiteral(node: TS.Node): void;
  rangeOf(node: TS.Node): Range;
}

/** The key expression, when it is a parameter or a loop variable whose values this file can list. */
export function oneStepKeyOf(expression: TS.Expression, scope: Scope): OneStepKey | null {
  const value = unwrapTransparent(expression);
  const looked = recordValues(value, scope);
  if (looked) return { kind: 'loop', elements: looked, record: true };
  if (!ts.isIdentifier(value)) return null;
  const binding = scope.lookup(value.text);
  if (!binding) return null;
  const origin = binding.origin;
  // `const envVar = MODEL_ENV_VARS[provider]; process.env[envVar]`: one of the record's values.
  if (origin.type === 'variable' && !origin.element && origin.isConst && origin.declaration.initializer) {
    const values = recordValues(unwrapTransparent(origin.declaration.initializer), binding.scope);
    if (values) return { kind: 'loop', elements: values, record: true };
  }
  if (origin.type === 'parameter') {
    if (origin.rest) return null; // the list of names itself is no name
    if (origin.property !== undefined) {
      // `[{ key: 'CHECK_BALANCE' }, ...].forEach(({ key }) => process.env[key])`: that member of each row (LibreChat's deprecation checks).
      const rows = origin.index === 0 ? callbackList(origin.fn, scope) : null;
      const parts = rows ? rowMembers(elementsOf(rows), origin.property) : null;
      return parts ? { kind: 'loop', elements: parts } : { kind: 'param', fn: origin.fn, index: origin.index, property: origin.property };
    }
    const lists = origin.index === 0 ? callbackList(origin.fn, scope) : null;
    // `scope`: where the parameter is declared, for its default value (`function bucket(name = BUCKET_ENV)`).
    return lists ? { kind: 'loop', elements: elementsOf(lists) } : { kind: 'param', fn: origin.fn, index: origin.index, scope: binding.scope };
  }
  if (origin.type === 'variable' && origin.element) {
    // `for (const [provider, envName] of PROVIDERS)`: the name is one part of each row.
    const parts = origin.isConst && origin.directElement ? tableParts(origin.declaration, origin.element, scope, 0) : null;
    return parts ? { kind: 'loop', elements: parts } : null;
  }
  if (origin.type === 'variable') {
    const declarations = origin.declaration.parent;
    const loop = declarations?.parent;
    if (loop && ts.isForOfStatement(loop) && loop.initializer === declarations) {
      const lists = literalList(loop.expression, scope);
      if (lists) return { kind: 'loop', elements: elementsOf(lists) };
      // `function getTrimmedEnv(...keys) { for (const key of keys) process.env[key] }`: each argument is a name.
      const iterated = unwrapTransparent(loop.expression);
      const param = ts.isIdentifier(iterated) ? scope.lookup(iterated.text)?.origin : undefined;
      if (param?.type === 'parameter' && param.rest) return { kind: 'param', fn: param.fn, index: param.index, rest: true };
    }
  }
  return null;
}

/**
 * `MODEL_ENV_VARS[provider]` with `const MODEL_ENV_VARS = { openai: 'OPENAI_MODEL', … }` (a `const`
 * object literal or one written in place, `as const` allowed, no spread, no computed or method member): the lookup can
 * only give one of the record's values (or undefined). Null for anything else.
 */
function recordValues(value: TS.Expression, scope: Scope): TS.Expression[] | null {
  if (!ts.isElementAccessExpression(value) || value.questionDotToken) return null;
  const object = constObject(value.expression, scope, 0);
  if (!object || object.properties.length === 0) return null;
  const values: TS.Expression[] = [];
  for (const property of object.properties) {
    if (!ts.isPropertyAssignment(property) || ts.isComputedPropertyName(property.name)) return null;
    values.push(property.initializer);
  }
  return values;
}

function elementsOf(lists: TS.ArrayLiteralExpression[]): TS.Expression[] {
  return lists.flatMap((list) => [...list.elements]);
}

/** The `member` of each row, when every row is an object literal that sets it plainly; else null. */
function rowMembers(rows: TS.Expression[], member: string): TS.Expression[] | null {
  const parts: TS.Expression[] = [];
  for (const row of rows) {
    const object = unwrapTransparent(row);
    const part = ts.isObjectLiteralExpression(object) ? argumentFor(object, member) : undefined;
    if (!part) return null;
    parts.push(part);
  }
  return parts;
}

/** `['A', 'B'].forEach((k) => ...)`: the list the callback `fn` walks, if literal. */
function callbackList(fn: TS.SignatureDeclaration, scope: Scope): TS.ArrayLiteralExpression[] | null {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return null;
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return null;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ELEMENT_CALLBACK_METHODS.has(callee.name.text)) return null;
  return literalList(callee.expression, scope);
}

/** Array methods whose result holds only elements of the array they are called on. */
const ELEMENT_KEEPING_METHODS = new Set(['filter', 'slice', 'sort', 'toSorted', 'reverse', 'toReversed']);

/**
 * An array literal, directly or through a `const` binding (`as const` allowed), or a subset of
 * one (`LIST.filter(...)`, `LIST.slice(1)`), or a choice between such lists (`win32 ? [...] :
 * [...]`, vercel/ai's inherited-variable list): their elements are the only values a callback
 * over it can take.
 */
function literalList(expression: TS.Expression, scope: Scope, depth = 0): TS.ArrayLiteralExpression[] | null {
  const value = unwrapTransparent(expression);
  if (ts.isArrayLiteralExpression(value)) return [value];
  if (ts.isConditionalExpression(value) && depth < 5) {
    const whenTrue = literalList(value.whenTrue, scope, depth + 1);
    const whenFalse = whenTrue && literalList(value.whenFalse, scope, depth + 1);
    return whenTrue && whenFalse ? [...whenTrue, ...whenFalse] : null;
  }
  if (ts.isCallExpression(value) && ts.isPropertyAccessExpression(value.expression) && ELEMENT_KEEPING_METHODS.has(value.expression.name.text) && depth < 5) {
    return literalList(value.expression.expression, scope, depth + 1);
  }
  if (!ts.isIdentifier(value)) return null;
  const binding = scope.lookup(value.text);
  const origin = binding?.origin;
  if (!binding || origin?.type !== 'variable' || !origin.isConst || depth >= 5) return null;
  if (origin.element) return origin.directElement ? tableColumn(origin.declaration, origin.element, scope, depth) : null;
  // The initializer's own names are looked up where it was declared.
  return origin.declaration.initializer ? literalList(origin.declaration.initializer, binding.scope, depth + 1) : null;
}

/**
 * A part of each row of a constant table, bound by the loop that walks it: `for (const [agent,
 * names] of TABLE)` with `TABLE = [['cursor', ['CURSOR_AGENT']], ...] as const` (mem0's agent
 * markers), `for (const { names } of [{ names: [...] }])`, or `for (const [, names] of
 * Object.entries({ cursor: [...] }))`. Null when a row is not a literal or lacks the part.
 */
function tableParts(declaration: TS.VariableDeclaration, element: TS.BindingElement, scope: Scope, depth: number): TS.Expression[] | null {
  const declarations = declaration.parent;
  const loop = declarations?.parent;
  if (!loop || !ts.isForOfStatement(loop) || loop.initializer !== declarations || element.dotDotDotToken || element.initializer || depth >= 5) return null;
  const pattern = declaration.name;
  const table = tableRows(loop.expression, scope, depth + 1);
  if (!table) return null;
  let pick: (row: TS.Expression) => TS.Expression | undefined;
  if (ts.isArrayBindingPattern(pattern)) {
    const index = pattern.elements.indexOf(element);
    // An entry's value is its second part; its key is a property name, not read here.
    if (table.entries) pick = (row) => (index === 1 ? row : undefined);
    else pick = (row) => (ts.isArrayLiteralExpression(row) && !row.elements.slice(0, index + 1).some(ts.isSpreadElement) ? row.elements[index] : undefined);
  } else {
    const key = element.propertyName ?? element.name;
    if (table.entries || (!ts.isIdentifier(key) && !ts.isStringLiteral(key))) return null;
    pick = (row) => (ts.isObjectLiteralExpression(row) ? argumentFor(row, key.text) : undefined);
  }
  const parts: TS.Expression[] = [];
  for (const row of table.rows) {
    const part = pick(unwrapTransparent(row));
    if (!part || ts.isOmittedExpression(part)) return null;
    parts.push(part);
  }
  return parts;
}

/** A table part that is a list in every row (`names` above): the union of those lists. */
function tableColumn(declaration: TS.VariableDeclaration, element: TS.BindingElement, scope: Scope, depth: number): TS.ArrayLiteralExpression[] | null {
  const parts = tableParts(declaration, element, scope, depth);
  if (!parts) return null;
  const lists: TS.ArrayLiteralExpression[] = [];
  for (const part of parts) {
    const list = literalList(part, scope, depth + 1);
    if (!list) return null;
    lists.push(...list);
  }
  return lists;
}

/** The rows a loop walks: a literal list's elements, or with `entries` the values of `Object.entries({...})` (each row's part at index 1). */
function tableRows(expression: TS.Expression, scope: Scope, depth: number): { rows: TS.Expression[]; entries: boolean } | null {
  const value = unwrapTransparent(expression);
  if (ts.isCallExpression(value) && value.arguments.length === 1 && ts.isPropertyAccessExpression(value.expression) && value.expression.name.text === 'entries') {
    const target = value.expression.expression;
    if (!ts.isIdentifier(target) || target.text !== 'Object' || scope.lookup('Object')) return null;
    const object = constObject(value.arguments[0]!, scope, depth);
    if (!object) return null;
    const rows: TS.Expression[] = [];
    for (const property of object.properties) {
      if (!ts.isPropertyAssignment(property)) return null;
      rows.push(property.initializer);
    }
    return { rows, entries: true };
  }
  const lists = literalList(expression, scope, depth);
  if (!lists) return null;
  const rows: TS.Expression[] = [];
  for (const list of lists) {
    for (const row of list.elements) {
      if (ts.isSpreadElement(row)) return null;
      rows.push(row);
    }
  }
  return { rows, entries: false };
}

/** An object literal, directly or through a `const` binding. */
function constObject(expression: TS.Expression, scope: Scope, depth: number): TS.ObjectLiteralExpression | null {
  const value = unwrapTransparent(expression);
  if (ts.isObjectLiteralExpression(value)) return value;
  if (!ts.isIdentifier(value) || depth >= 5) return null;
  const origin = scope.lookup(value.text)?.origin;
  if (origin?.type !== 'variable' || origin.element || !origin.isConst || !origin.declaration.initializer) return null;
  return constObject(origin.declaration.initializer, scope, depth + 1);
}

interface DeferredParamRead {
  fn: TS.SignatureDeclaration;
  index: number;
  /** A rest parameter: every argument from `index` on. */
  rest?: true;
  /** The field of an options-object argument that holds the name. */
  property?: string;
  /** The scope declaring the parameter (its default value is resolved there). */
  paramScope?: Scope;
  source: EnvSource;
  at: TS.Node;
  /** The helper only tests whether the variable is set (env-presence-tests.ts, isPresenceOnly). */
  presence?: true;
}

interface RecordedCall {
  call: TS.CallExpression;
  callee: string;
  scope: Scope;
}

/** Collects param-keyed reads and the file's plain calls during the walk; resolves them at the end. */
export class OneStepReads {
  private readonly deferred: DeferredParamRead[] = [];
  private readonly snapshotCandidates: Array<{ key: Exclude<OneStepKey, { kind: 'param' }>; source: EnvSource; at: TS.Node; scope: Scope }> = [];
  private readonly calls: RecordedCall[] = [];

  constructor(
    private readonly sourceFile: TS.SourceFile,
    private readonly context: ConstContext,
    private readonly emitter: OneStepEmitter,
    /** Helpers other files export (FrontEndOptions.envKeyHelpers, TS/JS ones): their calls here are reads of the names passed. */
    private readonly importedHelpers: ReadonlyArray<{ function: string; index: number; property?: string; presence?: true; api: string; file?: string }> = [],
  ) {}

  /** Every call whose callee is a plain identifier: a candidate call site of a helper. */
  noteCall(call: TS.CallExpression, scope: Scope): void {
    const callee = unwrapTransparent(call.expression);
    if (ts.isIdentifier(callee)) this.calls.push({ call, callee: callee.text, scope });
  }

  /** A read keyed by a loop variable is resolved at once; a parameter waits for the call sites. */
  add(key: OneStepKey, source: EnvSource, at: TS.Node, scope: Scope, presence = false): void {
    if (key.kind === 'param') {
      this.deferred.push({ fn: key.fn, index: key.index, property: key.property, ...(key.rest ? { rest: true as const } : {}), ...(key.scope ? { paramScope: key.scope } : {}), source, at, ...(presence ? { presence: true as const } : {}) });
      return;
    }
    // `Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))`: a snapshot if the map is only put
    // back, which only the rest of the file can say (env-save-restore.ts): judged after the walk.
    if (isSnapshotEntryShape(at, this.sourceFile)) {
      this.snapshotCandidates.push({ key, source, at, scope });
      return;
    }
    this.emitLoopReads(key, source, at, scope);
  }

  /** `snapshot`: which names the read only saves to put back (a restored snapshot map, env-save-restore.ts). */
  private emitLoopReads(key: Exclude<OneStepKey, { kind: 'param' }>, source: EnvSource, at: TS.Node, scope: Scope, snapshot?: (name: string) => boolean): void {
    const via = { kind: key.record ? ('choice' as const) : ('loop' as const), range: this.emitter.rangeOf(at) };
    const api = key.record ? `${source.api} with a name looked up in a constant record` : `${source.api} in a loop over a literal list`;
    let unknown = false;
    for (const element of key.elements) {
      const literals: TS.Node[] = [];
      const name = ts.isSpreadElement(element) ? null : nameOf(element, scope, this.context, literals);
      if (name === null) {
        unknown = true;
        continue;
      }
      for (const literal of literals) this.emitter.keyLiteral(literal);
      this.emitter.emit(name, source, element, { api, via, ...(typeof name === 'string' && snapshot?.(name) ? { access: 'snapshot' as const } : {}) });
    }
    if (unknown) this.emitter.emit(null, source, at, {});
  }

  /** After the walk: each helper's call sites become reads; a helper with unknown callers keeps its dynamic read. */
  finish(): void {
    for (const { key, source, at, scope } of this.snapshotCandidates) this.emitLoopReads(key, source, at, scope, snapshotEntryNames(at, this.sourceFile));
    const byFunction = new Map<TS.SignatureDeclaration, DeferredParamRead[]>();
    for (const read of this.deferred) byFunction.set(read.fn, [...(byFunction.get(read.fn) ?? []), read]);
    for (const [fn, reads] of byFunction) this.resolveHelper(fn, reads);
    this.resolveImportedHelpers();
  }

  /**
   * `requireEnv('OPENAI_API_KEY')` with `requireEnv` imported from the module that reads
   * `process.env[name]`: a read of that name here (`via.kind: 'call'`), or a dynamic read here
   * when the argument is computed.
   */
  private resolveImportedHelpers(): void {
    if (this.importedHelpers.length === 0) return;
    for (const site of this.calls) {
      const helpers = this.importedHelpers.filter((h) => h.function === site.callee);
      if (helpers.length === 0 || !isImportedBinding(site.scope.lookup(site.callee), site.callee)) continue;
      for (const helper of helpers) {
        const argument = argumentFor(site.call.arguments[helper.index], helper.property);
        const literals: TS.Node[] = [];
        const value = argument && !ts.isSpreadElement(argument) ? nameOf(argument, site.scope, this.context, literals) : null;
        const source = { api: helper.api };
        const via = { kind: 'call' as const, function: helper.function, range: this.emitter.rangeOf(site.call), ...(helper.file ? { definedIn: helper.file } : {}) };
        const api = `${helper.api} through ${helper.function}()`;
        if (value === null) {
          this.emitter.emit(null, source, site.call, { api, via, ...(helper.presence ? { presence: true as const } : {}) });
          continue;
        }
        for (const literal of literals) this.emitter.keyLiteral(literal);
        this.emitter.emit(value, source, site.call, { api, via });
      }
    }
  }

  private resolveHelper(fn: TS.SignatureDeclaration, deferred: DeferredParamRead[]): void {
    const name = helperName(fn);
    // After the walk every parent is set: whether the helper only saves the variable to put it back (env-save-restore.ts).
    const reads = deferred.map((read) => (isSavedForRestore(read.at, this.sourceFile) ? { ...read, snapshot: true } : read));
    const sites = name === null ? [] : this.calls.filter((c) => c.callee === name && isCallOf(c.scope.lookup(name), fn));
    let complete = name !== null && sites.length > 0 && !isExported(fn) && !escapes(this.sourceFile, fn, name);
    for (const site of sites) {
      const emitted = new Set<string>();
      for (const read of reads) {
        const given = read.rest ? site.call.arguments.slice(read.index) : [site.call.arguments[read.index]];
        for (const passed of given) {
          // `bucket()` of `function bucket(name = 'AWS_S3_BUCKET_NAME')`: the default is the name, resolved where the function declares it.
          const defaulted = read.rest || read.property !== undefined ? undefined : defaultFor(read, site.call);
          // `withFallback(ms, 3000)` of `function withFallback(ms, fallback, envVarName?: string)`: the
          // name is left out (no default, no spread before it could supply one): this call reads nothing.
          if (!defaulted && !read.rest && isLeftOut(passed, site.call)) continue;
          const argument = defaulted ?? argumentFor(passed, read.property);
          const literals: TS.Node[] = [];
          const value = argument && !ts.isSpreadElement(argument) ? nameOf(argument, defaulted ? read.paramScope! : site.scope, this.context, literals) : null;
          if (value === null) {
            complete = false;
            continue;
          }
          const api = `${read.source.api} through ${name}()`;
          const seen = `${api}\0${typeof value === 'string' ? value : `\0${value.constRef.from ?? ''}\0${value.constRef.identifier}`}`;
          if (emitted.has(seen)) continue;
          emitted.add(seen);
          for (const literal of literals) this.emitter.keyLiteral(literal);
          this.emitter.emit(value, read.source, site.call, { api, via: { kind: 'call', function: name!, range: this.emitter.rangeOf(read.at) }, ...('snapshot' in read ? { access: 'snapshot' as const } : {}) });
        }
      }
    }
    if (complete) return;
    // An exported helper: its callers in other files are found by the engine (src/core/env-key-helpers.ts).
    const exported = name !== null && (isExported(fn) || exportedByList(this.sourceFile, name)) && !escapes(this.sourceFile, fn, name);
    for (const read of reads) {
      // A rest parameter is not handed to other files' callers (they are asked for one argument per helper).
      const keyParam = exported && !read.rest ? { keyParam: { function: name!, index: read.index, ...(read.property !== undefined ? { property: read.property } : {}) } } : {};
      this.emitter.emit(null, read.source, read.at, { ...keyParam, ...(read.presence ? { presence: true as const } : {}), ...('snapshot' in read ? { access: 'snapshot' as const } : {}) });
    }
  }
}

/** No argument at that position (and no spread before it that could supply one), or `undefined` written. */
function isLeftOut(passed: TS.Expression | undefined, call: TS.CallExpression): boolean {
  if (passed === undefined) return !call.arguments.some((argument) => ts.isSpreadElement(argument));
  const value = unwrapTransparent(passed);
  return ts.isIdentifier(value) && value.text === 'undefined';
}

/**
 * The default value a call gives the helper's parameter: it leaves the argument out (no spread
 * before it could supply one) or passes `undefined`; undefined otherwise, or without a default.
 */
function defaultFor(read: DeferredParamRead, call: TS.CallExpression): TS.Expression | undefined {
  const initializer = read.fn.parameters[read.index]?.initializer;
  if (!initializer || !read.paramScope) return undefined;
  const passed = call.arguments[read.index];
  if (passed === undefined) return call.arguments.some((argument) => ts.isSpreadElement(argument)) ? undefined : initializer;
  const value = unwrapTransparent(passed);
  return ts.isIdentifier(value) && value.text === 'undefined' ? initializer : undefined;
}

/** A one-step name's expression: its constant text, else an imported constant's reference, else null. */
function nameOf(expression: TS.Expression, scope: Scope, context: ConstContext, literals: TS.Node[]): OneStepName {
  const text = resolveConstString(expression, scope, context, literals);
  if (text !== null) return text;
  const constRef = importedConstRef(expression, scope, context);
  return constRef ? { constRef } : null;
}

/**
 * The expression a call passes for a parameter: the argument itself, or for a destructured
 * options parameter the field's value in an object literal argument (`need({ name: 'X' })`,
 * shorthand `need({ name })`); undefined when the call does not spell it out.
 */
function argumentFor(argument: TS.Expression | undefined, property: string | undefined): TS.Expression | undefined {
  if (property === undefined || !argument) return argument;
  const value = unwrapTransparent(argument);
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  let found: TS.Expression | undefined;
  for (const member of value.properties) {
    // A spread may override the field: the value is not known.
    if (ts.isSpreadAssignment(member)) found = undefined;
    else if (ts.isPropertyAssignment(member) && propertyKey(member.name) === property) found = member.initializer;
    else if (ts.isShorthandPropertyAssignment(member) && member.name.text === property) found = member.name;
  }
  return found;
}

function propertyKey(name: TS.PropertyName): string | null {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : null;
}

/** `function envInt(name)` / `const envInt = (name) => ...`: the name call sites use. */
function helperName(fn: TS.SignatureDeclaration): string | null {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text ?? null;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return null;
  let holder: TS.Node = fn;
  while (holder.parent && (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent) || ts.isSatisfiesExpression(holder.parent))) holder = holder.parent;
  const declaration = holder.parent;
  return declaration && ts.isVariableDeclaration(declaration) && declaration.initializer === holder && ts.isIdentifier(declaration.name) ? declaration.name.text : null;
}

/** The binding a call's callee resolves to is `fn` itself (not a shadowing local of the same name). */
function isCallOf(binding: Binding | undefined, fn: TS.SignatureDeclaration): boolean {
  const origin = binding?.origin;
  if (origin?.type === 'function') return origin.declaration === fn;
  if (origin?.type !== 'variable' || origin.element || !origin.declaration.initializer) return false;
  return unwrapTransparent(origin.declaration.initializer) === fn;
}

function hasExportModifier(node: TS.Node): boolean {
  const modifiers = (node as { modifiers?: TS.NodeArray<TS.ModifierLike> }).modifiers;
  return !!modifiers && modifiers.some((m) => m.kind === SyntaxKind.ExportKeyword);
}

/** Exported helpers have callers in other files this analysis cannot see. */
function isExported(fn: TS.SignatureDeclaration): boolean {
  if (ts.isFunctionDeclaration(fn)) return hasExportModifier(fn);
  let node: TS.Node | undefined = fn.parent;
  while (node && !ts.isVariableStatement(node) && !ts.isSourceFile(node)) node = node.parent;
  return !!node && ts.isVariableStatement(node) && hasExportModifier(node);
}

/** `export { name }` (or `export { name as other }`: then other files call it by another name, not followed). */
function exportedByList(sourceFile: TS.SourceFile, name: string): boolean {
  return sourceFile.statements.some(
    (s) =>
      (ts.isExportDeclaration(s) && !s.moduleSpecifier && !!s.exportClause && ts.isNamedExports(s.exportClause) && s.exportClause.elements.some((e) => e.name.text === name && (!e.propertyName || e.propertyName.text === name))) ||
      (ts.isExpressionStatement(s) && exportsUnderOwnName(s.expression, name)),
  );
}

/**
 * A CommonJS export statement exports `name` under its own name: `module.exports = { name }` (or
 * `{ name: name }`) with it in the list, `module.exports.name = name`, `exports.name = name`.
 */
function exportsUnderOwnName(expression: TS.Expression, name: string): boolean {
  const exported = commonJsExportOf(expression);
  if (!exported) return false;
  const value = unwrapTransparent(exported.value);
  if (exported.kind === 'object') return ts.isObjectLiteralExpression(value) && commonJsListExports(value).includes(name);
  return exported.name === name && ts.isIdentifier(value) && value.text === name;
}

/** `{ a, b: b }`: the names exported under their own name. */
function commonJsListExports(list: TS.ObjectLiteralExpression): string[] {
  const names: string[] = [];
  for (const member of list.properties) {
    if (ts.isShorthandPropertyAssignment(member)) names.push(member.name.text);
    else if (ts.isPropertyAssignment(member) && ts.isIdentifier(member.initializer) && propertyKey(member.name) === member.initializer.text) names.push(member.initializer.text);
  }
  return names;
}

/**
 * The callee is bound by an import, or by CommonJS's `const { name } = require('./env')` (the
 * binding's own name, no rename): another module's helper, as the engine found it exported.
 */
function isImportedBinding(binding: Binding | undefined, name: string): boolean {
  const origin = binding?.origin;
  if (origin?.type === 'import') return true;
  if (origin?.type !== 'variable' || !origin.isConst || !origin.element || !origin.directElement || origin.element.dotDotDotToken) return false;
  const property = origin.element.propertyName;
  if (property && !(ts.isIdentifier(property) && property.text === name)) return false;
  const initializer = origin.declaration.initializer && unwrapTransparent(origin.declaration.initializer);
  return !!initializer && ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'require' && initializer.arguments.length === 1 && ts.isStringLiteralLike(initializer.arguments[0]);
}

/** `name` is what a top-level CommonJS export statement exports under its own name (exportsUnderOwnName), at that place: `{ name }`, `{ name: name }`, `exports.name = name`. */
function isCommonJsExportName(node: TS.Identifier): boolean {
  const parent = node.parent;
  let assignment: TS.Node | undefined;
  if (ts.isShorthandPropertyAssignment(parent) && parent.name === node) assignment = parent.parent?.parent;
  else if (ts.isPropertyAssignment(parent) && parent.initializer === node && propertyKey(parent.name) === node.text) assignment = parent.parent?.parent;
  else if (ts.isBinaryExpression(parent) && parent.right === node) assignment = parent;
  if (!assignment || !ts.isBinaryExpression(assignment)) return false;
  const statement = assignment.parent;
  return !!statement && ts.isExpressionStatement(statement) && ts.isSourceFile(statement.parent) && exportsUnderOwnName(assignment, node.text);
}

/** The helper's name is used other than as a callee (passed on, exported by name, stored): its callers cannot all be listed. */
function escapes(sourceFile: TS.SourceFile, fn: TS.SignatureDeclaration, name: string): boolean {
  let found = false;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name) {
      const parent = node.parent;
      const isCallee = parent && ts.isCallExpression(parent) && parent.expression === node;
      const isDeclarationName = parent && (parent === fn || (ts.isVariableDeclaration(parent) && parent.name === node));
      const isPropertyName = parent && ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node));
      // `export { requireEnv }`, `module.exports = { requireEnv }`: exported, which the callers in other files account for.
      const isExportName = parent && (ts.isExportSpecifier(parent) || isCommonJsExportName(node));
      if (!isCallee && !isDeclarationName && !isPropertyName && !isExportName) found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}
