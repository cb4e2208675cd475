// Leak facts for one file from typescript-eslint's Program (type information enabled). The taint
// engine is the CLI's (src/leak/typescript); only the Program comes from ESLint, so the editor
// needs no second compiler. Any failure yields no facts: leak rules degrade quietly.
import type { Fact, FrontEndOptions } from '../core/facts.js';
import { mayContainSource, sourceNeedles } from '../leak/typescript/prefilter.js';
import { createLeakContext, leakFactsOfSourceFile } from '../leak/typescript/program-analysis.js';
import type { EngineContext } from '../leak/typescript/taint.js';

/**
 * The part of a `ts.Program` we use. typescript-eslint builds it with the `typescript` package the
 * project resolves, normally the one the leak analysis loads (src/leak/typescript/compiler-api.ts).
 */
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
    ctx = createLeakContext(root, program.getTypeChecker() as EngineContext['checker'], options);
    byRoot.set(root, ctx);
  }
  return ctx;
}

export function leakFactsFromProgram(program: ProgramLike, input: { absoluteFile: string; text: string; root: string; inTest: boolean; options: FrontEndOptions }): Fact[] {
  try {
    const needles = sourceNeedles(input.options);
    if (needles.needles.length === 0 || !mayContainSource(input.text, needles)) return [];
    const sourceFile = program.getSourceFile(input.absoluteFile) as Parameters<typeof leakFactsOfSourceFile>[1] | undefined;
    if (!sourceFile) return [];
    return leakFactsOfSourceFile(engineContext(program, input.root, input.options), sourceFile, input.inTest);
  } catch {
    return [];
  }
}
