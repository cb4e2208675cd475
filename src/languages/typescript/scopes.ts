// Lexical scopes, just precise enough to tell the real `process` / `env` from a local that
// shadows it, and to find the declaration behind an identifier (aliases, constants, imports).
// Declarations are hoisted to the scope that owns them when the walk enters it; what a binding
// *means* is worked out lazily (see binding-meaning.ts) and memoised.
import { SyntaxKind, ts, type TS } from './typescript-module.js';

export type BindingOrigin =
  | { type: 'import'; module: string; imported: string }
  /** `element` is set for names bound by destructuring; `directElement` when it sits in the declaration's own pattern. */
  | { type: 'variable'; declaration: TS.VariableDeclaration; element: TS.BindingElement | null; directElement: boolean; isConst: boolean }
  | { type: 'enum'; declaration: TS.EnumDeclaration }
  /**
   * A plain identifier parameter: `index` in `fn`'s parameter list (names one step away resolve
   * through call sites); with `property`, the name is a field of a destructured options parameter
   * (`function need({ name })`: the `name` field of the object argument at `index`).
   */
  | { type: 'parameter'; fn: TS.SignatureDeclaration; index: number; property?: string; rest?: true }
  | { type: 'function'; declaration: TS.FunctionDeclaration }
  | { type: 'opaque' };

export interface Binding {
  origin: BindingOrigin;
  scope: Scope;
  /** Memoised meaning; `resolving` breaks cycles such as `const a = b, b = a`. */
  meaning?: unknown;
  resolving?: boolean;
}

/** Shared by all scopes of one file. */
export interface FileBindings {
  text: string;
  /**
   * Names of bindings that may stand for an env object: imports from `process`, and declarations
   * whose source text mentions `env`. Identifiers with other names are never looked up, which
   * keeps the walk cheap.
   */
  envCandidates: Set<string>;
}

export class Scope {
  /** Allocated on first declaration: most blocks declare nothing. */
  private bindings: Map<string, Binding> | null = null;
  readonly file: FileBindings;

  constructor(readonly parent: Scope | null, file?: FileBindings) {
    this.file = file ?? parent!.file;
  }

  declare(name: string, origin: BindingOrigin): void {
    (this.bindings ??= new Map()).set(name, { origin, scope: this });
  }

  /** The binding an identifier refers to, or undefined for a global. */
  lookup(name: string): Binding | undefined {
    for (let scope: Scope | null = this; scope; scope = scope.parent) {
      const binding = scope.bindings?.get(name);
      if (binding) return binding;
    }
    return undefined;
  }
}

/**
 * Where `env` occurs in each file's text, ascending: a declaration's test is a binary search.
 * Searching the text from each declaration on read up to the rest of the file every time a
 * declaration did not mention `env` (quadratic in a long file).
 */
const envOffsets = new WeakMap<FileBindings, Int32Array>();

function envOffsetsOf(file: FileBindings): Int32Array {
  let offsets = envOffsets.get(file);
  if (!offsets) {
    const found: number[] = [];
    for (let at = file.text.indexOf('env'); at !== -1; at = file.text.indexOf('env', at + 1)) found.push(at);
    offsets = Int32Array.from(found);
    envOffsets.set(file, offsets);
  }
  return offsets;
}

/** Whether `env` starts at an offset in [from, to). */
function mentionsEnvWithin(file: FileBindings, from: number, to: number): boolean {
  const offsets = envOffsetsOf(file);
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (offsets[middle] < from) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low] < to;
}

/** `const e = process.env`, `const { env } = process`, or `const e2 = e` where `e` is a candidate. */
function mayBindEnv(file: FileBindings, declaration: TS.VariableDeclaration): boolean {
  if (mentionsEnvWithin(file, declaration.pos, declaration.end)) return true;
  const initializer = declaration.initializer;
  return !!initializer && ts.isIdentifier(initializer) && file.envCandidates.has(initializer.text);
}

const OPAQUE: BindingOrigin = { type: 'opaque' };

type OriginFor = (element: TS.BindingElement | null, directElement: boolean) => BindingOrigin;

// Parent pointers are not set yet when declarations are hoisted, so nesting is passed down.
function declareBindingName(name: TS.BindingName, scope: Scope, origin: OriginFor, element: TS.BindingElement | null = null, depth = 0, envCandidate = false): void {
  if (ts.isIdentifier(name)) {
    scope.declare(name.text, origin(element, depth === 1));
    if (envCandidate) scope.file.envCandidates.add(name.text);
    return;
  }
  for (const child of name.elements) {
    if (ts.isBindingElement(child)) declareBindingName(child.name, scope, origin, child, depth + 1, envCandidate);
  }
}

function declareVariableList(list: TS.VariableDeclarationList, scope: Scope): void {
  const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
  for (const declaration of list.declarations) {
    const candidate = mayBindEnv(scope.file, declaration);
    declareBindingName(declaration.name, scope, (element, directElement) => ({ type: 'variable', declaration, element, directElement, isConst }), null, 0, candidate);
  }
}

function moduleNameOf(specifier: TS.Expression): string | null {
  return ts.isStringLiteral(specifier) ? specifier.text : null;
}

function declareImport(statement: TS.ImportDeclaration, scope: Scope): void {
  const module = moduleNameOf(statement.moduleSpecifier);
  const clause = statement.importClause;
  if (!clause) return;
  const fromProcess = module === 'process' || module === 'node:process';
  const origin = (imported: string, localName: string): BindingOrigin => {
    if (fromProcess) scope.file.envCandidates.add(localName);
    return module === null ? OPAQUE : { type: 'import', module, imported };
  };
  if (clause.name) scope.declare(clause.name.text, origin('default', clause.name.text));
  const bindings = clause.namedBindings;
  if (!bindings) return;
  if (ts.isNamespaceImport(bindings)) {
    scope.declare(bindings.name.text, origin('*', bindings.name.text));
    return;
  }
  for (const specifier of bindings.elements) {
    const imported = specifier.propertyName ?? specifier.name;
    scope.declare(specifier.name.text, origin(imported.text, specifier.name.text));
  }
}

/** Hoists the declarations made directly by a statement list into `scope`. */
export function declareStatements(statements: readonly TS.Statement[], scope: Scope): void {
  for (const statement of statements) {
    // `declare const Bun: ...` describes a global; it does not shadow it.
    if (isAmbient(statement)) continue;
    switch (statement.kind) {
      case SyntaxKind.VariableStatement:
        declareVariableList((statement as TS.VariableStatement).declarationList, scope);
        break;
      case SyntaxKind.FunctionDeclaration: {
        const declaration = statement as TS.FunctionDeclaration;
        if (declaration.name) scope.declare(declaration.name.text, { type: 'function', declaration });
        break;
      }
      case SyntaxKind.ClassDeclaration:
      case SyntaxKind.ModuleDeclaration: {
        const name = (statement as TS.FunctionDeclaration | TS.ClassDeclaration).name;
        if (name && ts.isIdentifier(name)) scope.declare(name.text, OPAQUE);
        break;
      }
      case SyntaxKind.EnumDeclaration: {
        const declaration = statement as TS.EnumDeclaration;
        scope.declare(declaration.name.text, { type: 'enum', declaration });
        break;
      }
      case SyntaxKind.ImportDeclaration:
        declareImport(statement as TS.ImportDeclaration, scope);
        break;
      case SyntaxKind.ImportEqualsDeclaration: {
        const declaration = statement as TS.ImportEqualsDeclaration;
        const reference = declaration.moduleReference;
        const module = ts.isExternalModuleReference(reference) ? moduleNameOf(reference.expression) : null;
        scope.declare(declaration.name.text, module === null ? OPAQUE : { type: 'import', module, imported: '*' });
        break;
      }
      default:
        break;
    }
  }
}

/** Declares parameters (and a named function expression's own name) in the function's scope. */
export function declareFunction(node: TS.SignatureDeclaration, scope: Scope): void {
  if ((ts.isFunctionExpression(node) || ts.isClassExpression(node)) && node.name) scope.declare(node.name.text, OPAQUE);
  node.parameters.forEach((parameter, index) => {
    // `...keys`: the arguments from `index` on, as a list (a loop over it takes each; see env-one-step.ts).
    if (parameter.dotDotDotToken && ts.isIdentifier(parameter.name)) scope.declare(parameter.name.text, { type: 'parameter', fn: node, index, rest: true });
    else if (parameter.dotDotDotToken) declareBindingName(parameter.name, scope, () => OPAQUE);
    else if (ts.isIdentifier(parameter.name)) {
      scope.declare(parameter.name.text, { type: 'parameter', fn: node, index });
      // `env = process.env`: when the caller leaves it out, the parameter is the environment (binding-meaning.ts).
      if (parameter.initializer && mentionsEnvWithin(scope.file, parameter.initializer.pos, parameter.initializer.end)) scope.file.envCandidates.add(parameter.name.text);
    }
    else if (ts.isObjectBindingPattern(parameter.name)) declareOptionsFields(node, index, parameter.name, scope);
    else declareBindingName(parameter.name, scope, () => OPAQUE);
  });
}

/** `{ name }` / `{ name: key }` directly in an object pattern parameter: that field of the argument; anything deeper is opaque. */
function declareOptionsFields(fn: TS.SignatureDeclaration, index: number, pattern: TS.ObjectBindingPattern, scope: Scope): void {
  for (const element of pattern.elements) {
    const key = element.propertyName ?? element.name;
    const field = !element.dotDotDotToken && ts.isIdentifier(element.name) && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? key.text : null;
    if (field !== null && ts.isIdentifier(element.name)) scope.declare(element.name.text, { type: 'parameter', fn, index, property: field });
    else declareBindingName(element.name, scope, () => OPAQUE);
  }
}

/** Declares the loop variables of `for (let ...)`, `for (const x of ...)`, `for (const k in ...)`. */
export function declareLoopInitializer(initializer: TS.ForInitializer | undefined, scope: Scope): void {
  if (initializer && ts.isVariableDeclarationList(initializer)) declareVariableList(initializer, scope);
}

export function declareCatchVariable(clause: TS.CatchClause, scope: Scope): void {
  if (clause.variableDeclaration) declareBindingName(clause.variableDeclaration.name, scope, () => OPAQUE);
}

function isAmbient(statement: TS.Statement): boolean {
  const modifiers = (statement as { modifiers?: TS.NodeArray<TS.ModifierLike> }).modifiers;
  return !!modifiers && modifiers.some((m) => m.kind === SyntaxKind.DeclareKeyword);
}
