// Local wrappers an env object is handed to: `execCommand(cmd, { env: { ...process.env, X } })`
// where `function execCommand(command, options) { return execSync(command, { ...options }) }` is
// declared in the same file. Finds the function a call names and where its parameter is handed on
// inside it, so the classifier can judge those places as if the object were written there.
import { unwrapTransparent } from './env-objects.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';

type LocalFunction = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction;

/** What a parameter holds: the env object itself, or options with the env object under `env`. */
export type Held = 'env' | 'options';

export interface ParameterUse {
  /** Where to judge the value from (the identifier, or the `{ env }` shorthand it sits in). */
  node: TS.Node;
  /** The value at `node` is the env object (not options holding it). */
  holdsEnv: boolean;
  /** The function returns it as it is (`return env`): the caller's call is the object again. */
  returned?: boolean;
}

/**
 * Where the value given to `call` as `argument` is handed on inside the called function, when
 * the callee is a function declared in this file and the argument lands in a plain parameter
 * (or, for options, in an `{ env }` destructured from it). Null when the callee is not such a
 * function or a use cannot be followed (the classifier then knows nothing).
 */
export function parameterUses(call: TS.CallExpression | TS.NewExpression, argument: TS.Node, held: Held): { uses: ParameterUse[]; reads: ConstantRead[]; writes: number; callee: string } | null {
  if (!ts.isCallExpression(call)) return null;
  const callee = unwrapTransparent(call.expression);
  if (!ts.isIdentifier(callee)) return null;
  const fn = localFunction(callee.text, call);
  if (!fn?.body) return null;
  const index = argumentIndex(call, argument);
  if (index === null) return null;
  const found = functionParameterUses(fn, index, held);
  return found && { ...found, callee: callee.text };
}

/** The position of `argument` among the call's arguments; null when a spread comes before it. */
export function argumentIndex(call: TS.CallExpression | TS.NewExpression, argument: TS.Node): number | null {
  const args: readonly TS.Expression[] = call.arguments ?? [];
  const index = args.indexOf(argument as TS.Expression);
  return index === -1 || args.slice(0, index).some((a) => ts.isSpreadElement(a)) ? null : index;
}

/** Where parameter `index` of `fn` is handed on, and the names read from it (see parameterUses). */
export function functionParameterUses(fn: LocalFunction, index: number, held: Held): { uses: ParameterUse[]; reads: ConstantRead[]; writes: number } | null {
  if (!fn.body) return null;
  const parameter = fn.parameters[index];
  if (!parameter || parameter.dotDotDotToken) return null;
  let name: string | null = null;
  let holdsEnv = held === 'env';
  if (ts.isIdentifier(parameter.name)) name = parameter.name.text;
  else if (held === 'options' && ts.isObjectBindingPattern(parameter.name)) {
    // `function run(cmd, { env, cwd })`: the `env` taken out of the options is the env object.
    for (const element of parameter.name.elements) {
      const key = element.propertyName ?? element.name;
      if (!element.dotDotDotToken && ts.isIdentifier(key) && key.text === 'env' && ts.isIdentifier(element.name)) {
        name = element.name.text;
        holdsEnv = true;
      }
    }
  }
  if (name === null) return null;
  const uses: ParameterUse[] = [];
  const reads: ConstantRead[] = [];
  let writes = 0;
  let unfollowable = false;
  const visit = (node: TS.Node): void => {
    if (unfollowable) return;
    if (ts.isIdentifier(node) && node.text === name && holdsEnv && (isKeyedWrite(node) || isNameListing(node))) {
      // `env[key] = ''` / `delete env[key]` blanks a variable, `Object.keys(env)` lists names: no value read (LibreChat's scrub).
      if (isKeyedWrite(node)) writes++;
      return;
    }
    if (ts.isIdentifier(node) && node.text === name) {
      // `env.CHANGED_FILES`: a read of that name from the env object the caller handed over;
      // `options.env.DEBUG`: the same read from options that hold it under `env`.
      const read = holdsEnv ? constantRead(node) : envOfOptions(node) ? constantRead(node.parent) : null;
      let use = read ? null : useOf(node, holdsEnv);
      // A return of a function nested in this one hands the object to someone else.
      if (use !== null && use !== 'unfollowable' && use.returned && (enclosingFunction(node) as TS.Node | null) !== fn) use = 'unfollowable';
      // `env.OPENCODE_SERVER_PASSWORD = generated` or `delete env.X` sets up the child's environment: no read.
      if (read && !isWriteTarget(read.node.parent)) reads.push(read);
      else if (use === 'unfollowable') unfollowable = true;
      else if (use) uses.push(use);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return unfollowable ? null : { uses, reads, writes };
}

/** `env[key] = value`, `delete env[key]`: a variable of the object set or removed, none handed out. */
function isKeyedWrite(identifier: TS.Identifier): boolean {
  const access = identifier.parent;
  return !!access && ts.isElementAccessExpression(access) && access.expression === identifier && isWriteTarget(access);
}

/** `Object.keys(env)`: the names of the variables, not their values. */
function isNameListing(identifier: TS.Identifier): boolean {
  const call = identifier.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments.length !== 1 || call.arguments[0] !== identifier) return false;
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'keys' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Object';
}

/**
 * The function a module exports under `name` (`export function f`, `export const f = () =>`, a
 * local function listed in `export { f }`, `export default function` for 'default'); null otherwise.
 */
export function exportedFunction(sourceFile: TS.SourceFile, name: string): LocalFunction | null {
  const isExported = (node: TS.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === SyntaxKind.ExportKeyword);
  const isDefault = (node: TS.Node): boolean => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === SyntaxKind.DefaultKeyword);
  let local = name;
  for (const statement of sourceFile.statements) {
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) if (element.name.text === name) local = (element.propertyName ?? element.name).text;
  }
  const listed = local !== name || sourceFile.statements.some((s) => ts.isExportDeclaration(s) && !s.moduleSpecifier && !!s.exportClause && ts.isNamedExports(s.exportClause) && s.exportClause.elements.some((e) => e.name.text === name));
  for (const statement of sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement)) {
      if (name === 'default' ? isExported(statement) && isDefault(statement) : statement.name?.text === local && (listed || isExported(statement))) return statement;
    } else if (ts.isVariableStatement(statement) && (listed || isExported(statement))) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== local || !declaration.initializer) continue;
        const initializer = unwrapTransparent(declaration.initializer);
        return ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer) ? initializer : null;
      }
    }
  }
  return null;
}

export interface ConstantRead {
  name: string;
  node: TS.Node;
}

/**
 * A place where the parameter is handed on: a call argument, a spread, the value of an object
 * property, `{ env }`. Reading a property by a constant name is neither a hand-on nor a problem;
 * a computed key (`env[name]`) or iteration over the env object reads names nobody can check.
 */
function useOf(identifier: TS.Identifier, holdsEnv: boolean): ParameterUse | 'unfollowable' | null {
  const parent = identifier.parent;
  if (!parent) return null;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return null;
  if ((ts.isPropertyAssignment(parent) || ts.isBindingElement(parent) || ts.isParameter(parent) || ts.isVariableDeclaration(parent)) && parent.name === identifier) return null;
  if (ts.isShorthandPropertyAssignment(parent)) {
    // `{ env }` names the env object under `env`; any other shorthand hands the value on under a key we do not follow.
    return holdsEnv && identifier.text === 'env' ? { node: parent, holdsEnv: false } : 'unfollowable';
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(identifier)) return { node: identifier, holdsEnv };
  if (ts.isNewExpression(parent) && parent.arguments?.includes(identifier)) return { node: identifier, holdsEnv };
  // Options spread into the object the function returns (`return { stdio: 'inherit', ...options }`), or
  // returned as they are: the caller's call is those options again (judged there).
  if (!holdsEnv && (isSpreadIntoReturnedObject(identifier) || isReturnedAsIs(identifier))) return { node: identifier, holdsEnv, returned: true };
  // `return { ...env, BUILD: 'x' }`: a copy of the env object with more variables goes back to the caller (judged there).
  if (holdsEnv && isSpreadIntoReturnedObject(identifier)) return { node: identifier, holdsEnv, returned: true };
  if (ts.isSpreadAssignment(parent) || ts.isSpreadElement(parent)) return { node: identifier, holdsEnv };
  if (ts.isPropertyAssignment(parent) && parent.initializer === identifier) return { node: identifier, holdsEnv };
  if (holdsEnv) {
    // `return env` / `(env) => env`: the object goes back to the caller (judged there).
    if ((ts.isReturnStatement(parent) && parent.expression === identifier) || (ts.isArrowFunction(parent) && parent.body === identifier)) return { node: identifier, holdsEnv, returned: true };
    // `delete env[key]`: a name removed, nothing read.
    if (ts.isElementAccessExpression(parent) && parent.expression === identifier && parent.parent && ts.isDeleteExpression(parent.parent)) return null;
    if (ts.isElementAccessExpression(parent) && parent.expression === identifier) return 'unfollowable';
    if ((ts.isForInStatement(parent) || ts.isForOfStatement(parent)) && parent.expression === identifier) return 'unfollowable';
  } else if (ts.isPropertyAccessExpression(parent) && parent.expression === identifier && parent.name.text === 'env') {
    // `options.env` handed on: the env object itself.
    return { node: parent, holdsEnv: true };
  }
  // Read by a constant name (`env.PATH`, `options.cwd`) or only tested: no hand-on.
  if (ts.isPropertyAccessExpression(parent) && parent.expression === identifier) return null;
  if (isOnlyTested(identifier)) return null;
  // Anything else (assigned, returned, put in a template, `env ?? {}`) may take it anywhere: not followed.
  return 'unfollowable';
}

/** `options.env`: the env object the options (`identifier`) hold. */
function envOfOptions(identifier: TS.Identifier): boolean {
  const parent = identifier.parent;
  return !!parent && ts.isPropertyAccessExpression(parent) && parent.expression === identifier && parent.name.text === 'env';
}

/** `return { ...options, x }` (also an arrow's object body): `identifier` is spread into the returned object. */
function isSpreadIntoReturnedObject(identifier: TS.Identifier): boolean {
  const spread = identifier.parent;
  if (!spread || !ts.isSpreadAssignment(spread) || !ts.isObjectLiteralExpression(spread.parent)) return false;
  return isReturnedAsIs(spread.parent);
}

/** `return value` / `(…) => value` (through parentheses and type assertions). */
function isReturnedAsIs(value: TS.Node): boolean {
  let node = value;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  return !!parent && ((ts.isReturnStatement(parent) && parent.expression === node) || (ts.isArrowFunction(parent) && parent.body === node));
}

/** The function declared under `name` in a block around `from` (nearest first); null when a parameter shadows it. */
function localFunction(name: string, from: TS.Node): LocalFunction | null {
  for (let node: TS.Node | undefined = from.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node) && node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return null;
    if (!ts.isBlock(node) && !ts.isSourceFile(node) && !ts.isModuleBlock(node)) continue;
    for (const statement of node.statements) {
      if (ts.isFunctionDeclaration(statement) && statement.name?.text === name) return statement;
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || !declaration.initializer) continue;
        const initializer = unwrapTransparent(declaration.initializer);
        return ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer) ? initializer : null;
      }
    }
  }
  return null;
}

/**
 * `function getProcessEnv() { return process.env }` (or `const getEnv = () => process.env`), not
 * exported, whose every mention in the file is a call read by constant names
 * (`getProcessEnv()?.HOME`, `const env = getProcessEnv(); env.USERPROFILE`): the property name
 * nodes read, or null when any use can be something else. `at` is the `return` (or the arrow's
 * body) that hands the env object out.
 */
export function accessorReads(at: TS.Node): { accessor: string; reads: Array<{ name: string; node: TS.Node }> } | null {
  const fn = ts.isReturnStatement(at) ? enclosingFunction(at) : at.parent && ts.isArrowFunction(at.parent) && at.parent.body === at ? at.parent : null;
  if (!fn) return null;
  const named = functionName(fn);
  if (!named) return null;
  const reads: Array<{ name: string; node: TS.Node }> = [];
  let unknown = false;
  const visit = (node: TS.Node): void => {
    if (unknown) return;
    if (ts.isIdentifier(node) && node.text === named.name && node !== named.node) {
      const call = node.parent;
      if (!call || !ts.isCallExpression(call) || call.expression !== node || !readsByName(call, reads)) unknown = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(named.container);
  return unknown ? null : { accessor: named.name, reads };
}

function enclosingFunction(node: TS.Node): TS.FunctionLikeDeclaration | null {
  for (let p = node.parent; p; p = p.parent) if (ts.isFunctionLike(p)) return ts.isFunctionDeclaration(p) || ts.isFunctionExpression(p) || ts.isArrowFunction(p) ? p : null;
  return null;
}

/**
 * The name of the top-level exported function (`export function f`, `export const f = () =>`) that
 * `at` (its `return` statement, or an arrow's expression body) returns from, when nothing else in
 * the file names it (its callers are all in other files); else null.
 */
export function exportedReturningFunction(at: TS.Node, sourceFile: TS.SourceFile): string | null {
  const name = exportedFunctionName(at);
  if (name === null) return null;
  let mentions = 0;
  const visit = (node: TS.Node): void => {
    if (mentions > 1) return;
    if (ts.isIdentifier(node) && node.text === name) mentions++;
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
  return mentions === 1 ? name : null;
}

function exportedFunctionName(at: TS.Node): string | null {
  const fn = ts.isReturnStatement(at) ? enclosingFunction(at) : at.parent && ts.isArrowFunction(at.parent) && at.parent.body === at ? at.parent : null;
  if (!fn) return null;
  if (ts.isFunctionDeclaration(fn)) return fn.name && exported(fn) && fn.parent && ts.isSourceFile(fn.parent) ? fn.name.text : null;
  const declaration = fn.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== fn || !ts.isIdentifier(declaration.name)) return null;
  const statement = declaration.parent?.parent;
  return statement && ts.isVariableStatement(statement) && exported(statement) && statement.parent && ts.isSourceFile(statement.parent) ? declaration.name.text : null;
}

/** `export function f` / `export const f = …`: the declaration carries `export`. */
function exported(node: TS.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === SyntaxKind.ExportKeyword);
}

/** The function's name, its node and the block it is visible in; null for an exported or anonymous one. */
function functionName(fn: TS.FunctionLikeDeclaration): { name: string; node: TS.Node; container: TS.Node } | null {
  if (ts.isFunctionDeclaration(fn)) {
    if (!fn.name || exported(fn) || !fn.parent) return null;
    return { name: fn.name.text, node: fn.name, container: fn.parent };
  }
  const declaration = fn.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== fn || !ts.isIdentifier(declaration.name)) return null;
  const statement = declaration.parent?.parent;
  if (!statement || !ts.isVariableStatement(statement) || exported(statement) || !(declaration.parent.flags & ts.NodeFlags.Const) || !statement.parent) return null;
  return { name: declaration.name.text, node: declaration.name, container: statement.parent };
}

/** The env object a call returns is only read by constant names: adds them to `reads`, or says no. */
function readsByName(call: TS.CallExpression, reads: Array<{ name: string; node: TS.Node }>): boolean {
  // An async accessor (`const env = await environment()`) hands out the same object once awaited.
  let holder: TS.Node = call;
  while (holder.parent && (ts.isParenthesizedExpression(holder.parent) || ts.isNonNullExpression(holder.parent) || ts.isAsExpression(holder.parent) || ts.isAwaitExpression(holder.parent))) holder = holder.parent;
  const direct = constantRead(call) ?? constantRead(holder);
  if (direct) {
    reads.push(direct);
    return true;
  }
  const declaration = holder.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== holder || !ts.isIdentifier(declaration.name)) return false;
  if (!declaration.parent || !(declaration.parent.flags & ts.NodeFlags.Const)) return false;
  const variable = declaration.name;
  const scopeNode = declaration.parent.parent?.parent;
  if (!scopeNode) return false;
  let ok = true;
  const visit = (node: TS.Node): void => {
    if (!ok) return;
    if (ts.isIdentifier(node) && node.text === variable.text && node !== variable) {
      const read = constantRead(node);
      if (read) reads.push(read);
      else if (!isOnlyTested(node)) ok = false;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(scopeNode);
  return ok;
}

/** `x.NAME`, `x?.NAME`, `x['NAME']`: the name read from the object `x`. */
function constantRead(object: TS.Node): { name: string; node: TS.Node } | null {
  const parent = object.parent;
  if (!parent) return null;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === object && ts.isIdentifier(parent.name)) return { name: parent.name.text, node: parent.name };
  if (ts.isElementAccessExpression(parent) && parent.expression === object && ts.isStringLiteralLike(parent.argumentExpression)) return { name: parent.argumentExpression.text, node: parent.argumentExpression };
  // `env[CONFIGURATION_ENV]` with `const CONFIGURATION_ENV = 'APP_CONFIGURATION'` at module level.
  if (ts.isElementAccessExpression(parent) && parent.expression === object && ts.isIdentifier(parent.argumentExpression)) {
    const name = moduleConstString(parent.argumentExpression);
    if (name !== null) return { name, node: parent.argumentExpression };
  }
  return null;
}

/** The string a module-level `const NAME = 'literal'` of the identifier's file holds; null otherwise. */
function moduleConstString(identifier: TS.Identifier): string | null {
  let file: TS.Node = identifier;
  while (file.parent) file = file.parent;
  if (!ts.isSourceFile(file)) return null;
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== identifier.text || !declaration.initializer) continue;
      const value = unwrapTransparent(declaration.initializer);
      return ts.isStringLiteralLike(value) ? value.text : null;
    }
  }
  return null;
}

/** `if (!env)`, `env === undefined`, `env ? ... : ...`: the object is only tested for being there. */
function isOnlyTested(identifier: TS.Node): boolean {
  const parent = identifier.parent;
  if (!parent) return false;
  if (ts.isTypeOfExpression(parent)) return true;
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken) return true;
  if (ts.isIfStatement(parent) && parent.expression === identifier) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === identifier) return true;
  if (ts.isBinaryExpression(parent)) {
    const other = parent.left === identifier ? parent.right : parent.left;
    const kind = parent.operatorToken.kind;
    const equality = kind === SyntaxKind.EqualsEqualsEqualsToken || kind === SyntaxKind.ExclamationEqualsEqualsToken || kind === SyntaxKind.EqualsEqualsToken || kind === SyntaxKind.ExclamationEqualsToken;
    return equality && (other.kind === SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined'));
  }
  return false;
}

/**
 * The calls of the local function that `at` (a `return`, or an arrow's expression body) returns
 * from: `function cleanEnv() { const env = { ...process.env }; delete env.KEY; return env }` called
 * as `execFile(cmd, args, { env: cleanEnv() })`. Null when the function is exported, anonymous, or
 * named anywhere in its block other than as the callee of a call (passed on, it may go anywhere).
 */
export function callsOfReturningFunction(at: TS.Node): TS.CallExpression[] | null {
  const fn = ts.isReturnStatement(at) ? enclosingFunction(at) : at.parent && ts.isArrowFunction(at.parent) && at.parent.body === at ? at.parent : null;
  if (!fn) return null;
  const named = functionName(fn);
  if (!named) return null;
  const calls: TS.CallExpression[] = [];
  let other = false;
  const visit = (node: TS.Node): void => {
    if (other) return;
    if (ts.isIdentifier(node) && node.text === named.name && node !== named.node) {
      const call = node.parent;
      if (call && ts.isCallExpression(call) && call.expression === node) calls.push(call);
      else other = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(named.container);
  return other ? null : calls;
}

/**
 * `const execFileAsync = promisify(execFile)` (or `util.promisify(cp.exec)`, or a child-process
 * function imported under another name: `import { execFile as execFileCallback }`) declared in a
 * block around `from`: the child-process function `name` stands for, else null.
 */
export function promisifiedFunction(name: string, from: TS.Node, sourceFile: TS.SourceFile): string | null {
  for (let node: TS.Node | undefined = from.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node) && node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) return null;
    if (!ts.isBlock(node) && !ts.isSourceFile(node) && !ts.isModuleBlock(node)) continue;
    for (const statement of node.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== name || !declaration.initializer) continue;
        const init = unwrapTransparent(declaration.initializer);
        if (!ts.isCallExpression(init) || init.arguments.length !== 1) return null;
        const callee = unwrapTransparent(init.expression);
        const calleeName = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : null;
        if (calleeName !== 'promisify') return null;
        const wrapped = unwrapTransparent(init.arguments[0]);
        if (ts.isPropertyAccessExpression(wrapped)) return wrapped.name.text;
        return ts.isIdentifier(wrapped) ? importedName(wrapped.text, sourceFile) : null;
      }
    }
  }
  return null;
}

/** The exported name a local binding imports (`import { execFile as run }` -> execFile), else the name itself. */
function importedName(local: string, sourceFile: TS.SourceFile): string {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) if (element.name.text === local) return (element.propertyName ?? element.name).text;
  }
  return local;
}

/** The access is assigned to or deleted (`env.X = v`, `env.X ??= v`, `delete env.X`). */
function isWriteTarget(access: TS.Node | undefined): boolean {
  let node = access;
  while (node?.parent && (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent))) node = node.parent;
  const parent = node?.parent;
  if (!node || !parent) return false;
  if (ts.isDeleteExpression(parent)) return true;
  return ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind >= SyntaxKind.FirstAssignment && parent.operatorToken.kind <= SyntaxKind.LastAssignment;
}
