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
}

/**
 * Where the value given to `call` as `argument` is handed on inside the called function, when
 * the callee is a function declared in this file and the argument lands in a plain parameter
 * (or, for options, in an `{ env }` destructured from it). Null when the callee is not such a
 * function or a use cannot be followed (the classifier then knows nothing).
 */
export function parameterUses(call: TS.CallExpression | TS.NewExpression, argument: TS.Node, held: Held): ParameterUse[] | null {
  if (!ts.isCallExpression(call)) return null;
  const callee = unwrapTransparent(call.expression);
  if (!ts.isIdentifier(callee)) return null;
  const fn = localFunction(callee.text, call);
  if (!fn?.body) return null;
  const index = call.arguments.indexOf(argument as TS.Expression);
  if (index === -1 || call.arguments.slice(0, index).some((a) => ts.isSpreadElement(a))) return null;
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
  let unfollowable = false;
  const visit = (node: TS.Node): void => {
    if (unfollowable) return;
    if (ts.isIdentifier(node) && node.text === name) {
      const use = useOf(node, holdsEnv);
      if (use === 'unfollowable') unfollowable = true;
      else if (use) uses.push(use);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return unfollowable ? null : uses;
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
  if (ts.isSpreadAssignment(parent) || ts.isSpreadElement(parent)) return { node: identifier, holdsEnv };
  if (ts.isPropertyAssignment(parent) && parent.initializer === identifier) return { node: identifier, holdsEnv };
  if (holdsEnv) {
    if (ts.isElementAccessExpression(parent) && parent.expression === identifier) return 'unfollowable';
    if ((ts.isForInStatement(parent) || ts.isForOfStatement(parent)) && parent.expression === identifier) return 'unfollowable';
  } else if (ts.isPropertyAccessExpression(parent) && parent.expression === identifier && parent.name.text === 'env') {
    // `options.env` handed on: the env object itself.
    return { node: parent, holdsEnv: true };
  }
  // Assigned to another variable, returned, compared, read by a constant name: not followed, not a hand-on.
  if (ts.isVariableDeclaration(parent) || ts.isReturnStatement(parent) || (ts.isBinaryExpression(parent) && parent.operatorToken.kind === SyntaxKind.EqualsToken)) return 'unfollowable';
  return null;
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
