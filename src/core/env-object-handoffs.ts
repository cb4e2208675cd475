// The whole environment handed to a function of another file: `readBridgeSettings({ env:
// process.env })` with `readBridgeSettings` imported from `./settings`. The caller's front end
// cannot see what that function does with it and marks the enumeration `handedTo`; here each
// such function's file is analysed once more with `options.envObjectParams`, so its front end says
// what the function does with the parameter (a ConfigFact `env-param-summary`) and turns the
// names it reads from it into env reads there. The caller's enumeration then takes that answer:
// plain inheritance by the code's own child process, only named reads, or a third-party process.
// One step only (the function's own hand-on places, as for a local wrapper). The function is found
// where the import leads within the scan: a relative specifier, or (given `resolveImport`) a
// monorepo package or tsconfig `paths` alias, through the barrels that re-export it
// (`@acme/shared` -> src/index.ts -> `export { f } from './runtime/env'`). An import that leads
// out of the scan (a third-party package) stays unknown. Only the few target files are parsed twice.
import path from 'node:path';
import type { EnvReadFact, Fact, FrontEndOptions } from './facts.js';
import { isPending, loadForReanalysis, type FileAnalysis, type PendingFile } from './analyze-file.js';
import { reanalyseAll } from './worker-pool.js';
import type { WarmWorker } from './warm-worker.js';
import { ProjectTexts } from './project-texts.js';
import { passDigest, type ReanalysisStore } from './reanalysis-store.js';
import type { ExportOrigin } from '../languages/typescript/export-origin.js';

type Query = NonNullable<FrontEndOptions['envObjectParams']>[string][number];

const LANGUAGES = new Set(['typescript', 'javascript']);
/** What a relative specifier may leave out, in the order a bundler tries them; `.js` may also name the `.ts` source. */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** The scanned file a non-relative specifier of `from` resolves to (both root-relative): a workspace package or a tsconfig `paths` alias. */
export type ImportResolver = (from: string, specifier: string) => string | undefined;

export async function applyEnvObjectHandoffs(root: string, analyses: FileAnalysis[], options: FrontEndOptions, maxBytes: number, texts = new ProjectTexts(root, { maxBytes }), warm?: WarmWorker, store?: ReanalysisStore, resolveImport?: ImportResolver): Promise<void> {
  const known = new Map<string, number>();
  analyses.forEach((analysis, at) => {
    if (analysis.language && LANGUAGES.has(analysis.language)) known.set(analysis.file, at);
  });
  if (!analyses.some((analysis) => (analysis.facts?.facts ?? []).some(isOpenHandoff))) return;
  // Loaded only now: a scan in which no file hands the environment on never loads the compiler here.
  const { exportOrigin } = await import('../languages/typescript/export-origin.js');
  const declaring = declaringModules(known, texts, exportOrigin, resolveImport);
  const handoffs: Array<{ fact: EnvReadFact; target: string; query: Query; caller: string }> = [];
  for (const analysis of analyses) {
    if (!analysis.language || !LANGUAGES.has(analysis.language)) continue;
    for (const fact of analysis.facts?.facts ?? []) {
      if (!isOpenHandoff(fact)) continue;
      const found = declaring(analysis.file, fact.handedTo.specifier, fact.handedTo.function);
      if (found === undefined || found.file === analysis.file) continue;
      handoffs.push({ fact, target: found.file, caller: analysis.file, query: { function: found.function, index: fact.handedTo.index, held: fact.handedTo.held } });
    }
  }
  if (handoffs.length === 0) return;
  const params: Record<string, Query[]> = {};
  for (const { target, query } of handoffs) {
    const list = (params[target] ??= []);
    if (!list.some((q) => q.function === query.function && q.index === query.index && q.held === query.held)) list.push(query);
  }
  // Later re-analyses (cross-file summaries) keep the summaries and reads.
  options.envObjectParams = params;
  /** Analyses `files` again with the options as they are now (or takes the stored re-analysis with the same digest). */
  const reanalyse = async (files: Array<{ file: string; digest: string }>): Promise<void> => {
    const jobs: { at: number; file: PendingFile; options: FrontEndOptions; digest: string }[] = [];
    for (const { file, digest } of files) {
      const at = known.get(file)!;
      const kept = store?.get(file, digest);
      if (kept) {
        analyses[at] = kept;
        continue;
      }
      const loaded = await loadForReanalysis(root, file, options, maxBytes);
      // A file the prefilter skips (no `process.env` in it) is analysed all the same: it receives the environment.
      const pending = isPending(loaded) ? loaded : loaded.prefiltered ? texts.pending(file, analyses[at].language!) : null;
      if (pending) jobs.push({ at, file: pending, options, digest });
    }
    const again = await reanalyseAll(jobs, warm);
    jobs.forEach((job, k) => {
      analyses[job.at] = again[k];
      store?.put(job.file.file, job.digest, again[k]);
    });
  };
  const targets = Object.keys(params).sort();
  await reanalyse(targets.map((target) => ({ file: target, digest: passDigest({ pass: 'env-object-handoffs', helpers: options.envKeyHelpers ?? [], params: params[target] }) })));

  const summaries = new Map<string, { outcome: string; target?: string }>();
  for (const target of targets) {
    const analysis = analyses[known.get(target)!];
    for (const fact of analysis.facts?.facts ?? []) {
      if (fact.kind !== 'config' || fact.type !== 'env-param-summary') continue;
      const { function: name, index, held, outcome, target } = fact.data as { function: string; index: number; held: 'env' | 'options'; outcome: string; target?: string };
      summaries.set(summaryKey(analysis.file, { function: name, index, held }), { outcome, ...(target ? { target } : {}) });
    }
  }
  // A function that gives the object back (a filter): each caller is analysed again knowing so,
  // and what it does with the result decides (`EnvSchema.parse(removeEmpty(process.env))` reads
  // the schema's keys). One step: the caller's own hand-ons of the result are judged as usual.
  const returning: Record<string, Array<{ specifier: string; function: string; index: number }>> = {};
  for (const { fact, target, caller, query } of handoffs) {
    const handedTo = fact.handedTo!;
    if (summaries.get(summaryKey(target, query))?.outcome !== 'returns') continue;
    const list = (returning[caller] ??= []);
    if (!list.some((entry) => entry.specifier === handedTo.specifier && entry.function === handedTo.function && entry.index === handedTo.index)) list.push({ specifier: handedTo.specifier, function: handedTo.function, index: handedTo.index });
  }
  if (Object.keys(returning).length > 0) {
    options.envReturningImports = returning;
    await reanalyse(Object.keys(returning).sort().map((caller) => ({ file: caller, digest: passDigest({ pass: 'env-object-handoffs-returning', helpers: options.envKeyHelpers ?? [], params: params[caller] ?? [], returning: returning[caller] }) })));
  }

  // Re-analysed callers hold new fact objects: patch the enumerations of the final analyses.
  for (const analysis of analyses) {
    if (!analysis.language || !LANGUAGES.has(analysis.language)) continue;
    for (const fact of analysis.facts?.facts ?? []) {
      if (!isOpenHandoff(fact)) continue;
      const found = declaring(analysis.file, fact.handedTo.specifier, fact.handedTo.function);
      if (found === undefined) continue;
      const target = found.file;
      fact.handedTo.file = target;
      const summary = summaries.get(summaryKey(target, { ...fact.handedTo, function: found.function }));
      const callee = `${fact.handedTo.function === 'default' ? path.posix.basename(target) : fact.handedTo.function}()`;
      if (summary?.outcome === 'child-process') fact.enumeration = { use: 'child-process', target: callee };
      else if (summary?.outcome === 'named-reads') fact.enumeration = { use: 'named-reads', target: callee };
      else if (summary?.outcome === 'third-party') fact.enumeration = { use: 'third-party', target: `${summary.target ?? 'a third-party process'} through ${callee}` };
    }
  }
}

/** An enumeration handed to an imported function that no pass has judged yet. */
export function isOpenHandoff(fact: Fact): fact is EnvReadFact & { handedTo: NonNullable<EnvReadFact['handedTo']> } {
  return fact.kind === 'env-read' && fact.handedTo !== undefined && !fact.enumeration;
}

/** The key of what function `handed.function` of `file` does with its parameter `handed.index`. */
function summaryKey(file: string, handed: { function: string; index: number; held: 'env' | 'options' }): string {
  return `${file}\0${handed.function}\0${handed.index}\0${handed.held}`;
}

/** Barrels followed at most this deep: a package entry, a directory index, the module. */
const MAX_REEXPORT_HOPS = 4;

/**
 * The module that declares export `name` of what `specifier` names from `from`, and the export's
 * name there (`export { a as b } from './m'` renames), remembered per question. A module that
 * neither declares nor re-exports the name is taken as it is (its front end then finds nothing).
 */
function declaringModules(known: ReadonlyMap<string, number>, texts: ProjectTexts, exportOrigin: (file: string, text: string, name: string) => ExportOrigin, resolveImport?: ImportResolver): (from: string, specifier: string, name: string) => { file: string; function: string } | undefined {
  const answers = new Map<string, { file: string; function: string } | undefined>();
  const resolve = (from: string, specifier: string): string | undefined => {
    const relative = resolveRelative(from, specifier, known);
    if (relative !== undefined || specifier.startsWith('.')) return relative;
    const resolved = resolveImport?.(from, specifier);
    return resolved !== undefined && known.has(resolved) ? resolved : undefined;
  };
  // `strict`: behind `export *`, only a module that does have the name counts.
  const follow = (from: string, specifier: string, name: string, hops: number, strict: boolean): { file: string; function: string } | undefined => {
    const file = resolve(from, specifier);
    if (file === undefined) return undefined;
    const text = hops < MAX_REEXPORT_HOPS ? texts.peek(file) : null;
    const origin = text === null ? { kind: 'declared' as const } : exportOrigin(file, text, name);
    if (origin.kind === 'declared') return { file, function: name };
    if (origin.kind === 'reexport') return follow(file, origin.specifier, origin.name, hops + 1, false) ?? (strict ? undefined : { file, function: name });
    if (origin.kind === 'star') {
      for (const next of origin.specifiers) {
        const found = follow(file, next, name, hops + 1, true);
        if (found) return found;
      }
    }
    return strict ? undefined : { file, function: name };
  };
  return (from, specifier, name) => {
    const key = `${from}\0${specifier}\0${name}`;
    if (!answers.has(key)) answers.set(key, follow(from, specifier, name, 0, false));
    return answers.get(key);
  };
}

/** The scanned TS/JS file a relative specifier of `from` names (root-relative), if any. */
export function resolveRelative(from: string, specifier: string, known: ReadonlyMap<string, number>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (base.startsWith('../')) return undefined;
  const stem = base.replace(/\.(?:[cm]?js|jsx)$/, '');
  const candidates = [base, ...EXTENSIONS.map((ext) => `${stem}${ext}`), ...EXTENSIONS.map((ext) => `${base}/index${ext}`)];
  return candidates.find((candidate) => known.has(candidate));
}

