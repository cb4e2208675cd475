// A copy of the environment made in one module and used in others: `def build_env(): env =
// os.environ.copy(); env["UV_INDEX_TOKEN"] = token; return env` in a shared module, and
// `subprocess.run(cmd, env=build_env())` in each command that starts the tool (crewAI's CLI).
// The defining module never calls the function, so its front end marks the enumeration
// `returnedBy` and leaves it unjudged. Here the modules that mention the function's name are
// analysed once more with `options.envCopyHelpers`; their front ends say where each mention
// takes the copy (ConfigFact `env-copy-use`). When every mention is a call whose result is the
// environment of a child process that module starts itself, the copy is plain inheritance, as
// the same judgement makes it within one module; one mention anywhere else (logged, sent, passed
// on, returned again, the name used as a value) keeps it reported.
// TS/JS: only a copy the function curates (it deletes names from it) is followed, as within one
// file (a copy returned as it is stays reported), and callers are the files importing the function
// by a relative specifier that resolves to its file.
// Python: matching is by name, as Python's own imports bind names: a name two modules define this
// way is left alone, and a module defining a function of that name itself calls its own.
import type { ConfigFact, EnvReadFact, FrontEndOptions } from './facts.js';
import type { FileAnalysis } from './analyze-file.js';
import { reanalyseFiles } from './reanalysis-jobs.js';
import { definedFunctions } from './text-definitions.js';
import type { WarmWorker } from './warm-worker.js';
import { includesWord, ProjectTexts } from './project-texts.js';
import { passDigest, type ReanalysisStore } from './reanalysis-store.js';
import { importedNames } from './import-names.js';
import { resolveRelative } from './env-object-handoffs.js';
import { ENV_COPY_USE } from './env-copy-use.js';

type Helper = NonNullable<FrontEndOptions['envCopyHelpers']>[number];

const LANGUAGES = new Set(['python', 'typescript', 'javascript']);
const TYPESCRIPT = new Set(['typescript', 'javascript']);

export async function applyEnvCopyHelpers(root: string, analyses: FileAnalysis[], options: FrontEndOptions, maxBytes: number, texts = new ProjectTexts(root, { maxBytes }), warm?: WarmWorker, store?: ReanalysisStore): Promise<void> {
  const helpers = copyHelpers(analyses);
  if (helpers.length === 0) return;
  options.envCopyHelpers = helpers;
  const digest = passDigest({ pass: 'env-copy-helpers', helpers });
  const tsNames = new Set(helpers.filter((h) => TYPESCRIPT.has(h.language)).map((h) => h.function));
  const pyNames = new Set(helpers.filter((h) => h.language === 'python').map((h) => h.function));
  const picked: number[] = [];
  for (let i = 0; i < analyses.length; i++) {
    const analysis = analyses[i];
    const language = analysis.language;
    if (!language || !LANGUAGES.has(language)) continue;
    // A plain text test before any parse: the name is mentioned and not defined here (TS/JS: imported;
    // the front end then keeps only imports by a relative specifier, never the file's own function).
    if (TYPESCRIPT.has(language)) {
      // A skipped TS/JS file's imports were listed by the prefilter (kept in the result cache).
      if (analysis.prefiltered && !analysis.importedNames?.some((name) => tsNames.has(name))) continue;
      if (!importedNames(texts.peek(analysis.file) ?? '').some((name) => tsNames.has(name))) continue;
    } else {
      const text = texts.text(analysis.file) ?? '';
      const own = definedFunctions(language, text, pyNames);
      if (![...pyNames].some((name) => !own.has(name) && includesWord(text, name))) continue;
    }
    picked.push(i);
  }
  await reanalyseFiles(analyses, picked, { root, options, maxBytes, texts, digest, warm, store });
  markCopiesForChildProcesses(analyses);
}

/**
 * Sets `enumeration` on each returned copy (`returnedBy`) whose every mention elsewhere hands it
 * to a child process. Re-analysed files hold new fact objects, so this runs again after any later
 * pass that re-analyses files (as markHelpersResolvedAtCallers does).
 */
export function markCopiesForChildProcesses(analyses: readonly FileAnalysis[]): void {
  const known = new Map<string, number>();
  analyses.forEach((analysis, at) => {
    if (analysis.language && TYPESCRIPT.has(analysis.language)) known.set(analysis.file, at);
  });
  // Python: by name; TS/JS: by the function's file and name.
  const uses = new Map<string, Array<{ use: string; target?: string }>>();
  const copies: Array<{ fact: EnvReadFact; key: string }> = [];
  for (const analysis of analyses) {
    const language = analysis.language;
    if (!language || !LANGUAGES.has(language)) continue;
    const typescript = TYPESCRIPT.has(language);
    for (const fact of analysis.facts?.facts ?? []) {
      if (fact.kind === 'env-read' && fact.returnedBy && !fact.enumeration) copies.push({ fact, key: typescript ? `ts:${analysis.file}:${fact.returnedBy.function}` : `py:${fact.returnedBy.function}` });
      const use = copyUseOf(fact);
      if (!use) continue;
      const target = typescript && use.specifier !== undefined ? resolveRelative(analysis.file, use.specifier, known) : undefined;
      if (typescript && target === undefined) continue;
      const key = typescript ? `ts:${target}:${use.function}` : `py:${use.function}`;
      uses.set(key, [...(uses.get(key) ?? []), use]);
    }
  }
  const definers = new Map<string, number>();
  for (const { key } of copies) definers.set(key, (definers.get(key) ?? 0) + 1);
  for (const { fact, key } of copies) {
    const name = fact.returnedBy!.function;
    const found = uses.get(key) ?? [];
    if ((key.startsWith('py:') && definers.get(key) !== 1) || found.length === 0 || found.some((u) => u.use !== 'child-process')) continue;
    const targets = [...new Set(found.map((u) => u.target ?? 'a child process'))].sort();
    fact.enumeration = { use: 'child-process', target: `${targets.join(', ')} (the callers of ${name}())` };
  }
}

function copyUseOf(fact: ConfigFact | { kind: string }): { function: string; use: string; target?: string; specifier?: string } | null {
  if (fact.kind !== 'config' || (fact as ConfigFact).type !== ENV_COPY_USE) return null;
  const data = (fact as ConfigFact).data;
  if (typeof data.function !== 'string' || typeof data.use !== 'string') return null;
  return { function: data.function, use: data.use, ...(typeof data.target === 'string' ? { target: data.target } : {}), ...(typeof data.specifier === 'string' ? { specifier: data.specifier } : {}) };
}

/** The returned copies of the analyses, one helper per (language, name); a name two modules define twice still counts both (markCopiesForChildProcesses leaves it alone). */
function copyHelpers(analyses: readonly FileAnalysis[]): Helper[] {
  const helpers: Helper[] = [];
  const seen = new Set<string>();
  for (const analysis of analyses) {
    if (!analysis.language || !LANGUAGES.has(analysis.language)) continue;
    for (const fact of analysis.facts?.facts ?? []) {
      if (fact.kind !== 'env-read' || !fact.returnedBy) continue;
      const key = `${analysis.language}:${fact.returnedBy.function}:${analysis.file}`;
      if (seen.has(key)) continue;
      seen.add(key);
      helpers.push({ language: analysis.language, function: fact.returnedBy.function, file: analysis.file });
    }
  }
  return helpers;
}
