// A read that only saves a variable to put it back: `const previous = process.env[name];
// process.env[name] = value; … process.env[name] = previous` (a temporary override around a
// server start, a scenario run). The saved value goes nowhere but back into the same variable,
// or is only compared with `undefined` to know whether to delete it: nothing is exposed, in test
// code or not. Decided from the syntax around one read, before any rule runs.
// Also the save map of a scenario runner: `previous[key] = process.env[key]` into a local `{}`
// that is only put back (`for (const [k, v] of Object.entries(previous)) process.env[k] = v`, or
// `Object.assign(process.env, previous)`), and a test file's snapshot of the variables it touches:
// `const original = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))`, put back by
// `afterEach` (`const v = original[k]; if (v === undefined) delete process.env[k]; else process.env[k] = v`).
import { SyntaxKind, ts, type TS } from './typescript-module.js';
import { isProcessEnv } from './env-enumerations.js';

/** `read` is `process.env[key]` / `process.env.KEY` held in a `const` used only to restore that same variable. */
export function isSavedForRestore(read: TS.Node, sourceFile: TS.SourceFile): boolean {
  const key = keyText(read, sourceFile);
  if (key === null) return false;
  let holder: TS.Node = read;
  while (holder.parent && (ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent))) holder = holder.parent;
  const declaration = holder.parent;
  if (declaration && isSaveIntoMap(holder, key, sourceFile)) return true;
  const snapshot = snapshotEntryMap(holder, key, sourceFile);
  if (snapshot) return restoredSnapshot(snapshot, sourceFile)?.namedUses.size === 0;
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== holder || !ts.isIdentifier(declaration.name)) return false;
  if (!declaration.parent || !(declaration.parent.flags & ts.NodeFlags.Const)) return false;
  return onlyRestores(mentionsOf(enclosingScope(declaration), declaration.name).map((use) => useOf(use, key, sourceFile)));
}

/** The mentions of the name `declared` binds among the descendants of `root`, other than `declared` itself. */
function mentionsOf(root: TS.Node, declared: TS.Identifier): TS.Identifier[] {
  const found: TS.Identifier[] = [];
  const visit = (node: TS.Node): void => {
    if (!ts.isIdentifier(node)) ts.forEachChild(node, visit);
    else if (node.text === declared.text && node !== declared) found.push(node);
  };
  ts.forEachChild(root, visit);
  return found;
}

/** Uses that put the value back at least once and otherwise only test it. */
function onlyRestores(uses: ReadonlyArray<'restore' | 'test' | 'other' | 'save'>): boolean {
  return uses.includes('restore') && uses.every((use) => use === 'restore' || use === 'test');
}

/** The key as written (`name`, `'X'`, `X` of `process.env.X`), to compare with the restoring write's. */
function keyText(access: TS.Node, sourceFile: TS.SourceFile): string | null {
  if (ts.isElementAccessExpression(access) && isProcessEnv(access.expression)) return access.argumentExpression.getText(sourceFile);
  if (ts.isPropertyAccessExpression(access) && isProcessEnv(access.expression)) return JSON.stringify(access.name.text);
  return null;
}

function enclosingScope(node: TS.Node): TS.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** One mention of the saved value: written back to the same variable, only tested, or anything else. */
function useOf(identifier: TS.Identifier, key: string, sourceFile: TS.SourceFile): 'restore' | 'test' | 'other' {
  let node: TS.Node = identifier;
  while (node.parent && ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (!parent) return 'other';
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (operator === SyntaxKind.EqualsToken && parent.right === node && keyText(parent.left, sourceFile) === key) return 'restore';
    const equality = operator === SyntaxKind.EqualsEqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsEqualsToken || operator === SyntaxKind.EqualsEqualsToken || operator === SyntaxKind.ExclamationEqualsToken;
    const other = parent.left === node ? parent.right : parent.left;
    if (equality && isNothing(other)) return 'test';
    return 'other';
  }
  if (ts.isTypeOfExpression(parent) || (ts.isPrefixUnaryExpression(parent) && parent.operator === SyntaxKind.ExclamationToken)) return 'test';
  if ((ts.isIfStatement(parent) && parent.expression === node) || (ts.isConditionalExpression(parent) && parent.condition === node)) return 'test';
  return 'other';
}

function isNothing(node: TS.Node): boolean {
  return (ts.isIdentifier(node) && node.text === 'undefined') || node.kind === SyntaxKind.NullKeyword || ts.isVoidExpression(node);
}

/**
 * `holder` (the read) is the value of `map[key] = process.env[key]`, where `map` is a local `const`
 * object literal whose every other use saves the same way or puts the saved values back.
 */
function isSaveIntoMap(holder: TS.Node, key: string, sourceFile: TS.SourceFile): boolean {
  const map = savedInto(holder, key, sourceFile);
  if (!map) return false;
  const declaration = constObjectDeclaration(map);
  if (!declaration) return false;
  const uses = mentionsOf(enclosingScope(declaration), declaration.name as TS.Identifier).map((use) => mapUse(use, sourceFile));
  return uses.includes('save') && uses.includes('restore') && !uses.includes('other');
}

/** The map identifier of `map[key] = <holder>` when `holder` is that assignment's value and the keys are written alike. */
function savedInto(holder: TS.Node, key: string, sourceFile: TS.SourceFile): TS.Identifier | undefined {
  const assignment = holder.parent;
  if (!assignment || !ts.isBinaryExpression(assignment) || assignment.operatorToken.kind !== SyntaxKind.EqualsToken || assignment.right !== holder) return undefined;
  const target = assignment.left;
  if (!ts.isElementAccessExpression(target) || !ts.isIdentifier(target.expression)) return undefined;
  return target.argumentExpression.getText(sourceFile) === key ? target.expression : undefined;
}

/** The one declaration of `name` under `root` (matched by name: a second one, shadowing or not, makes it none). */
function soleDeclaration(root: TS.Node, name: string): TS.VariableDeclaration | undefined {
  const found: TS.VariableDeclaration[] = [];
  const visit = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found.length === 1 ? found[0] : undefined;
}

/** The `const map = {}` declaration the identifier names in its function. */
function constObjectDeclaration(map: TS.Identifier): TS.VariableDeclaration | undefined {
  const found = soleDeclaration(enclosingScope(map), map.text);
  const empty = found?.initializer && ts.isObjectLiteralExpression(found.initializer) && found.initializer.properties.length === 0;
  return empty && found.parent.flags & ts.NodeFlags.Const ? found : undefined;
}

/** One mention of the save map: a save (`map[k] = process.env[k]`), a putting back, or anything else. */
function mapUse(identifier: TS.Identifier, sourceFile: TS.SourceFile): 'save' | 'restore' | 'other' {
  const parent = identifier.parent;
  if (ts.isElementAccessExpression(parent) && parent.expression === identifier) {
    const assignment = parent.parent;
    const saves = ts.isBinaryExpression(assignment) && assignment.operatorToken.kind === SyntaxKind.EqualsToken && assignment.left === parent;
    return saves && keyText(assignment.right, sourceFile) === parent.argumentExpression.getText(sourceFile) ? 'save' : 'other';
  }
  if (!ts.isCallExpression(parent) || !parent.arguments.includes(identifier)) return 'other';
  const callee = parent.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object') return 'other';
  // `Object.assign(process.env, map)`
  if (callee.name.text === 'assign') return parent.arguments.length === 2 && parent.arguments[1] === identifier && isProcessEnv(parent.arguments[0]) ? 'restore' : 'other';
  if (callee.name.text !== 'entries' || parent.arguments.length !== 1) return 'other';
  return isRestoringLoop(parent, sourceFile) ? 'restore' : 'other';
}

/** `for (const [k, v] of Object.entries(map)) …` whose `v` is only written back as `process.env[k] = v` or compared with undefined. */
function isRestoringLoop(entries: TS.CallExpression, sourceFile: TS.SourceFile): boolean {
  const loop = entries.parent;
  if (!ts.isForOfStatement(loop) || loop.expression !== entries || !ts.isVariableDeclarationList(loop.initializer)) return false;
  const binding = loop.initializer.declarations[0]?.name;
  if (!binding || !ts.isArrayBindingPattern(binding) || binding.elements.length !== 2) return false;
  const [keyElement, valueElement] = binding.elements;
  if (!ts.isBindingElement(keyElement) || !ts.isIdentifier(keyElement.name) || !ts.isBindingElement(valueElement) || !ts.isIdentifier(valueElement.name)) return false;
  const keyName = keyElement.name.text;
  return onlyRestores(mentionsOf(loop.statement, valueElement.name).map((use) => useOf(use, keyName, sourceFile)));
}

/**
 * Whether `holder` (the read) could be a snapshot entry: `[k, process.env[k]]` returned by the
 * callback of a `.map` whose result `Object.fromEntries` turns into a `const`. Only looks up from
 * the read, so the env-one-step pass asks it during the walk (to defer the read); the uses of the
 * map are judged after it (isRestoredSnapshot).
 */
export function isSnapshotEntryShape(read: TS.Node, sourceFile: TS.SourceFile): boolean {
  const key = keyText(read, sourceFile);
  return key !== null && snapshotEntryMap(read, key, sourceFile) !== undefined;
}

/** The `const` declaration of `Object.fromEntries(list.map((k) => [k, <holder>]))`, when that is where the read sits. */
function snapshotEntryMap(holder: TS.Node, key: string, sourceFile: TS.SourceFile): TS.VariableDeclaration | undefined {
  const entry = holder.parent;
  if (!entry || !ts.isArrayLiteralExpression(entry) || entry.elements.length !== 2 || entry.elements[1] !== holder) return undefined;
  if (entry.elements[0].getText(sourceFile) !== key) return undefined;
  let body: TS.Node = entry;
  while (body.parent && ts.isParenthesizedExpression(body.parent)) body = body.parent;
  const callback = body.parent;
  if (!callback || !ts.isArrowFunction(callback) || callback.body !== body) return undefined;
  const map = callback.parent;
  if (!map || !ts.isCallExpression(map) || map.arguments[0] !== callback || !ts.isPropertyAccessExpression(map.expression) || map.expression.name.text !== 'map') return undefined;
  const fromEntries = map.parent;
  if (!fromEntries || !ts.isCallExpression(fromEntries) || fromEntries.arguments.length !== 1 || fromEntries.arguments[0] !== map) return undefined;
  const callee = fromEntries.expression;
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'Object' || callee.name.text !== 'fromEntries') return undefined;
  let value: TS.Node = fromEntries;
  while (value.parent && (ts.isAsExpression(value.parent) || ts.isParenthesizedExpression(value.parent) || ts.isSatisfiesExpression(value.parent))) value = value.parent;
  const declaration = value.parent;
  // `let saved: Record<…>;` at the top of a test file, `saved = Object.fromEntries(…)` in a `beforeEach` (assistant-ui's CLI tests).
  if (declaration && ts.isBinaryExpression(declaration) && declaration.operatorToken.kind === SyntaxKind.EqualsToken && declaration.right === value && ts.isIdentifier(declaration.left)) {
    return assignedLet(declaration.left, sourceFile);
  }
  if (!declaration || !ts.isVariableDeclaration(declaration) || declaration.initializer !== value || !ts.isIdentifier(declaration.name)) return undefined;
  return declaration.parent && declaration.parent.flags & ts.NodeFlags.Const ? declaration : undefined;
}

/** The file's one `let NAME` declared without a value, for an assignment to NAME; undefined when there is none or more than one. */
function assignedLet(target: TS.Identifier, sourceFile: TS.SourceFile): TS.VariableDeclaration | undefined {
  const declaration = soleDeclaration(sourceFile, target.text);
  return declaration && !declaration.initializer && declaration.parent.flags & ts.NodeFlags.Let ? declaration : undefined;
}

/**
 * For the read of a snapshot entry (`Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))`,
 * see isSnapshotEntryShape): whether the variable of each name is only saved to be put back. The
 * map must be put back somewhere and have no other use, except uses of one named entry
 * (`expect(x).toBe(original.WORKSPACE_ROOT)`), which read that variable only: each other name is
 * still a snapshot. Undefined when the read is no such entry or the map is used otherwise.
 */
export function snapshotEntryNames(read: TS.Node, sourceFile: TS.SourceFile): ((name: string) => boolean) | undefined {
  const key = keyText(read, sourceFile);
  const declaration = key === null ? undefined : snapshotEntryMap(read, key, sourceFile);
  const restored = declaration ? restoredSnapshot(declaration, sourceFile) : undefined;
  return restored && ((name) => !restored.namedUses.has(name));
}

/** The snapshot map's uses when every one puts a value back, tests it or uses one named entry, and one at least puts back. */
function restoredSnapshot(declaration: TS.VariableDeclaration, sourceFile: TS.SourceFile): { namedUses: Set<string> } | undefined {
  // Assigning the map (`saved = Object.fromEntries(…)` of a `let`) reads nothing of it.
  const assigned = (use: TS.Identifier): boolean => ts.isBinaryExpression(use.parent) && use.parent.operatorToken.kind === SyntaxKind.EqualsToken && use.parent.left === use;
  const uses = mentionsOf(enclosingScope(declaration), declaration.name as TS.Identifier).filter((use) => !assigned(use)).map((use) => snapshotUse(use, sourceFile));
  const namedUses = new Set(uses.flatMap((use) => (typeof use === 'object' ? [use.named] : [])));
  return onlyRestores(uses.filter((use) => typeof use !== 'object')) ? { namedUses } : undefined;
}

/**
 * `process.env[k] = map[k]`, or `const v = map[k]` whose `v` is only put back into `process.env[k]`
 * or tested; the whole map put back as a save map is. `map.NAME` (or `map['NAME']`) used otherwise
 * reads that one variable (`named`).
 */
function snapshotUse(identifier: TS.Identifier, sourceFile: TS.SourceFile): 'restore' | 'test' | 'other' | { named: string } {
  const access = identifier.parent;
  if (ts.isPropertyAccessExpression(access) && access.expression === identifier) return namedEntryUse(access, access.name.text, sourceFile);
  if (ts.isElementAccessExpression(access) && access.expression === identifier && ts.isStringLiteralLike(access.argumentExpression)) return namedEntryUse(access, access.argumentExpression.text, sourceFile);
  if (!ts.isElementAccessExpression(access) || access.expression !== identifier) return mapUse(identifier, sourceFile) === 'restore' ? 'restore' : 'other';
  const key = access.argumentExpression.getText(sourceFile);
  const parent = access.parent;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === SyntaxKind.EqualsToken && parent.right === access) return keyText(parent.left, sourceFile) === key ? 'restore' : 'other';
  if (!ts.isVariableDeclaration(parent) || parent.initializer !== access || !ts.isIdentifier(parent.name)) return 'other';
  const uses = mentionsOf(enclosingScope(parent), parent.name).map((use) => useOf(use, key, sourceFile));
  return uses.includes('other') ? 'other' : uses.includes('restore') ? 'restore' : 'test';
}

/** `process.env.NAME = map.NAME` puts that entry back; any other use of `map.NAME` reads the variable NAME. */
function namedEntryUse(access: TS.Expression, name: string, sourceFile: TS.SourceFile): 'restore' | { named: string } {
  const parent = access.parent;
  const restores = ts.isBinaryExpression(parent) && parent.operatorToken.kind === SyntaxKind.EqualsToken && parent.right === access && keyText(parent.left, sourceFile) === JSON.stringify(name);
  return restores ? 'restore' : { named: name };
}
