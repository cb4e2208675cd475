// The per-Program and per-file steps of the TypeScript leak analysis, shared by the CLI (a
// compiler Program it builds itself, src/leak/typescript/project.ts) and the ESLint plugin
// (typescript-eslint's Program).
import type { Fact, FrontEndOptions, LeakFact } from '../../core/facts.js';
import { secretTypeMembers } from '../../registry/resolver-types.js';
import type { ResolverTypeMembers } from '../../registry/model.js';
import { sinksFor } from '../sink-catalog.js';
import { collectLeakyTypes } from './leaky-types.js';
import { compileCatalog } from './sink-matcher.js';
import { indexSourcePaths } from './sources.js';
import type { EngineContext, LeakCollector } from './taint.js';
import type { ts } from './compiler-api.js';
import { TaintWalker } from './walker.js';

type SourceFile = Parameters<TaintWalker['walkFile']>[0];

export const TEST_FILE = /(^|\/)(tests?|__tests__|spec)\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/**
 * The checker with `getSymbolAtLocation` answered once per node. The walk asks it for the same
 * identifiers again and again (a callee's body is walked once per summary context, a module value
 * once per root), and the checker resolves the name anew each time: it keeps no per-node answer
 * for this query. An answer depends only on the Program, never on the order of the questions, so
 * remembering it changes no result (anything-llm: about a tenth of the leak pass went to resolving
 * names). The result cache's record of what each root's walk made the checker resolve was already
 * a hint that a rerun checks (incremental.ts); it stays one.
 */
function rememberingSymbols(checker: EngineContext['checker']): EngineContext['checker'] {
  const symbols = new Map<ts.Node, ts.Symbol | undefined>();
  return {
    ...checker,
    getSymbolAtLocation(node: ts.Node): ts.Symbol | undefined {
      if (symbols.has(node)) return symbols.get(node);
      const symbol = checker.getSymbolAtLocation(node);
      symbols.set(node, symbol);
      return symbol;
    },
  };
}

/**
 * One context per Program and root: its caches (summaries, symbols) are valid for that Program only.
 * `calleeNames`: the names declared in source-reaching files (callee-names.ts); only calls of those
 * names have their callee resolved when no tainted value is passed. Absent: every callee is.
 */
export function createLeakContext(
  root: string,
  checker: EngineContext['checker'],
  options: FrontEndOptions,
  calleeNames?: ReadonlySet<string>,
  importCarries?: EngineContext['importCarries'],
  /** Of `calleeNames`, those callable as a member (callee-names.ts); absent: all of them. */
  memberNames?: ReadonlySet<string>,
): EngineContext {
  return {
    root,
    checker: rememberingSymbols(checker),
    options,
    catalog: compileCatalog(sinksFor('typescript', options.extraSinks ?? [])),
    resolverFunctions: new Set([...options.resolver.functions, ...(options.extraSources ?? [])]),
    sourcePaths: indexSourcePaths(options.extraSourcePaths ?? []),
    resolverTypes: new Set(options.resolver.types),
    sanitizers: new Set([...options.resolver.sanitizers, ...(options.extraSanitizers ?? [])]),
    secretIds: new Set([...Object.values(options.idsByName), ...Object.keys(options.envById)]),
    secretKindIds: new Set(Object.values(options.secretNames)),
    summaries: new Map(),
    fieldSinks: new Map(),
    clientFields: new Map(),
    nodeCache: new Map(),
    symbolCache: new Map(),
    typeSources: new Map(),
    typeMembers: secretTypeMembers(options.resolver.types, (options.resolver as { typeMembers?: ResolverTypeMembers[] }).typeMembers),
    errorClasses: new Map(),
    moduleValues: new Map(),
    httpDefaults: new Map(),
    isTestFile: (relative) => TEST_FILE.test(relative),
    // '()': a callee that is not a name (`make()()`) is always resolved.
    ...(calleeNames ? { mayReturnSource: (name: string, asMember: boolean) => name === '()' || (asMember && memberNames ? memberNames : calleeNames).has(name) } : {}),
    ...(importCarries ? { importCarries } : {}),
  };
}

/** Walks one file of the context's Program; every leak found goes to `collector` (maybe located in another file). */
export function walkLeaksOfSourceFile(ctx: EngineContext, sourceFile: SourceFile, inTest: boolean, collector: LeakCollector): void {
  new TaintWalker(ctx, { kind: 'file', inTest, collector }).walkFile(sourceFile);
}

/** Leaky-type facts of one file. */
export function leakyTypeFactsOfSourceFile(ctx: EngineContext, sourceFile: SourceFile): Fact[] {
  return collectLeakyTypes(sourceFile, ctx);
}

/**
 * Leak facts (deduplicated) and leaky-type facts of one file of the context's Program, for a
 * caller that sees one file at a time (the ESLint plugin): a leak whose sink lies in another file
 * is located at the call in this file that leads there. Leaks are pushed into `leaks` as they are
 * found, so a caller that catches a failure still has them.
 */
export function leakFactsOfSourceFile(ctx: EngineContext, sourceFile: SourceFile, inTest: boolean, leaks: LeakFact[] = []): Fact[] {
  const seen = new Set<string>();
  walkLeaksOfSourceFile(ctx, sourceFile, inTest, {
    accepts: (file) => file === sourceFile.fileName,
    add(fact, key) {
      if (seen.has(key)) return;
      seen.add(key);
      leaks.push(fact);
    },
  });
  return [...leaks, ...leakyTypeFactsOfSourceFile(ctx, sourceFile)];
}
