// Which exports of a file that names a source actually hand a secret to a file that imports them,
// decided by the taint engine itself rather than by syntax (secret-carrying-exports.ts). The
// syntactic answer keeps every export whose text mentions a source or a carrying name: on
// dubinc/dub 73 exported functions (`isBlacklistedDomain()` tests whether `EDGE_CONFIG` is set,
// `withWorkspace()` calls helpers that read `NEXTAUTH_SECRET`) and 46 other exports, which made
// 314 importers roots of the leak Program, 1,150 more files parsed and bound, for no finding.
// Asked of the engine, none of those functions returns a secret; only two test `env` objects do.
//
// What an importer can receive from an export, as its own walk would see it (walker.ts):
// - a function: what its summary returns by itself (`returnsSource`) or rejects with
//   (`throwsRequestError`); a caller's secret passed in makes the caller reaching on its own, and
//   a caller's callback is not given a secret through a summary. A declared secret return type
//   (`(): ResolvedSecret`) is kept: the importer's call is a source by its type;
// - a module-level `const`: its value (`moduleValue`), unless the module stores into it elsewhere
//   (`cache.set(k, process.env.K)`), which only syntax sees;
// - anything else (a class, a `let`, a re-export the checker cannot follow): kept, on the safe side.
// The answer depends on the candidate's own text and on the files its exports reach (their import
// closure); the result cache records it and checks it again when one of those files changes.
import { ts } from './compiler-api.js';
import { computeSummary, TaintWalker } from './walker.js';
import { storedNames } from './secret-carrying-exports.js';
import type { EngineContext } from './taint.js';

/**
 * For each candidate (absolute path) with a list of carrying export names, the subset the engine
 * finds handing on a secret; null lists (any name) stay null. Only the names `judge` asks about are
 * judged (analyze.ts: those another file mentions); the others, and the names of files the Program
 * did not load, are kept.
 */
export function handedOnExports(ctx: EngineContext, program: ts.Program, exported: ReadonlyMap<string, string[] | null>, judge: (file: string, name: string) => boolean = () => true): Map<string, string[] | null> {
  return new Map([...exported].map(([file, names]) => [file, handedOnNames(ctx, program, file, names, (name) => judge(file, name))]));
}

/** handedOnExports for one candidate. */
export function handedOnNames(ctx: EngineContext, program: ts.Program, file: string, names: string[] | null, judge: (name: string) => boolean): string[] | null {
  const sourceFile = program.getSourceFile(file);
  if (names === null || names.length === 0 || !sourceFile) return names;
  return names.filter((name) => !judge(name) || handsOn(ctx, sourceFile, name));
}

function handsOn(ctx: EngineContext, sourceFile: ts.SourceFile, name: string): boolean {
  try {
    const checker = ctx.checker;
    const module = checker.getSymbolAtLocation(sourceFile);
    const exported = module ? checker.getExportsOfModule(module).find((symbol) => symbol.name === name) : undefined;
    if (!exported) return true;
    const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = target.declarations ?? [];
    if (declarations.length === 0) return true;
    // Types and interfaces hold no value; every other declaration of the name must be judged quiet.
    const values = declarations.filter((declaration) => !ts.isInterfaceDeclaration(declaration) && !ts.isTypeAliasDeclaration(declaration));
    return values.some((declaration) => declarationHandsOn(ctx, declaration, target));
  } catch {
    return true; // a checker failure decides nothing: keep the name
  }
}

function declarationHandsOn(ctx: EngineContext, declaration: ts.Declaration, symbol: ts.Symbol): boolean {
  const fn = functionOf(declaration);
  if (fn) {
    // Overload signatures without a body: the implementation beside them decides.
    if (!(fn as ts.FunctionLikeDeclarationBase).body) return !ts.isFunctionDeclaration(fn);
    if ((fn as ts.FunctionLikeDeclarationBase).asteriskToken) return true; // what it yields is not summarised
    if (namesResolverType(fn.type, ctx)) return true;
    const summary = computeSummary(fn, ctx, false);
    return summary.returnsSource !== null || summary.throwsRequestError !== undefined;
  }
  if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name) && isTopLevelConst(declaration)) {
    if (namesResolverType(declaration.type, ctx)) return true;
    if (storedNames(declaration.getSourceFile()).has(declaration.name.text)) return true;
    return new TaintWalker(ctx, { kind: 'module' }).moduleValue(symbol, declaration.name) !== undefined;
  }
  return true;
}

/** The function a declaration stands for: a function declaration, or a `const` set to an arrow or function expression. */
function functionOf(declaration: ts.Declaration): ts.SignatureDeclaration | undefined {
  if (ts.isFunctionDeclaration(declaration)) return declaration;
  if (!ts.isVariableDeclaration(declaration) || !isTopLevelConst(declaration)) return undefined;
  let initializer = declaration.initializer;
  while (initializer && (ts.isParenthesizedExpression(initializer) || ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer))) initializer = initializer.expression;
  return initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? initializer : undefined;
}

function isTopLevelConst(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0 && ts.isVariableStatement(list.parent) && ts.isSourceFile(list.parent.parent);
}

/** Whether a type annotation names a declared secret type (`resolver.types`): a call or read of it is a source by its type. */
function namesResolverType(type: ts.TypeNode | undefined, ctx: EngineContext): boolean {
  if (!type || ctx.resolverTypes.size === 0) return false;
  const text = type.getText();
  return [...ctx.resolverTypes].some((name) => text.includes(name));
}
