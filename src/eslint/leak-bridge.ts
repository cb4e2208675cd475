// Leak facts for one file from typescript-eslint's Program (type information enabled). The taint
// engine is the CLI's (src/leak/typescript); only the Program comes from ESLint, so the editor
// needs no second compiler. Any failure yields no facts: leak rules degrade quietly.
import type { Fact, FrontEndOptions } from '../core/facts.js';
import { sinksFor } from '../leak/sink-catalog.js';
import { collectLeakyTypes } from '../leak/typescript/leaky-types.js';
import { mayContainSource, sourceNeedles } from '../leak/typescript/prefilter.js';
import { compileCatalog } from '../leak/typescript/sink-matcher.js';
import type { EngineContext } from '../leak/typescript/taint.js';
import { TaintWalker } from '../leak/typescript/walker.js';
import type { LeakFact } from '../core/facts.js';

/** The part of a `ts.Program` we use; typescript-eslint's and ts-morph's TypeScript copies both satisfy it. */
export interface ProgramLike {
  getTypeChecker(): unknown;
  getSourceFile(fileName: string): unknown;
}

const contexts = new WeakMap<object, Map<string, EngineContext>>();

function engineContext(program: ProgramLike, root: string, options: FrontEndOptions): EngineContext {
  let byRoot = contexts.get(program);
  if (!byRoot) contexts.set(program, (byRoot = new Map()));
  let ctx = byRoot.get(root);
  if (!ctx) {
    ctx = {
      root,
      checker: program.getTypeChecker() as EngineContext['checker'],
      options,
      catalog: compileCatalog(sinksFor('typescript', options.extraSinks ?? [])),
      resolverFunctions: new Set([...options.resolver.functions, ...(options.extraSources ?? [])]),
      resolverTypes: new Set(options.resolver.types),
      sanitizers: new Set([...options.resolver.sanitizers, ...(options.extraSanitizers ?? [])]),
      secretIds: new Set([...Object.values(options.idsByName), ...Object.keys(options.envById)]),
      summaries: new Map(),
      nodeCache: new Map(),
      symbolCache: new Map(),
      typeSources: new Map(),
      errorClasses: new Map(),
    };
    byRoot.set(root, ctx);
  }
  return ctx;
}

export function leakFactsFromProgram(program: ProgramLike, input: { absoluteFile: string; text: string; root: string; inTest: boolean; options: FrontEndOptions }): Fact[] {
  try {
    const needles = sourceNeedles(input.options);
    if (needles.needles.length === 0 || !mayContainSource(input.text, needles)) return [];
    const sourceFile = program.getSourceFile(input.absoluteFile) as Parameters<TaintWalker['walkFile']>[0] | undefined;
    if (!sourceFile) return [];
    const ctx = engineContext(program, input.root, input.options);
    const leaks: LeakFact[] = [];
    const seen = new Set<string>();
    const walker = new TaintWalker(ctx, {
      kind: 'file',
      inTest: input.inTest,
      collector: {
        add(fact, key) {
          if (seen.has(key)) return;
          seen.add(key);
          leaks.push(fact);
        },
      },
    });
    walker.walkFile(sourceFile);
    return [...leaks, ...collectLeakyTypes(sourceFile, ctx)];
  } catch {
    return [];
  }
}
