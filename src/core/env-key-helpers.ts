// Names one step away across files: `pub fn env_flag(name: &str) -> bool { env::var(name) ... }`
// in one module, `env_flag("VOX_DEBUG")` in many others. The defining file's front end marks the
// read with `keyParam` (its names come from callers); here the files of the same language that
// call such a helper by name are analysed once more with `options.envKeyHelpers`, so each call
// with a constant argument becomes a read of that name at the call (and any other argument a
// dynamic read there). A helper whose callers were found has `keyParam.resolvedAtCallers` set:
// its own read is no longer the unknown one. Only those few files are parsed twice.
import type { EnvReadFact, FrontEndOptions } from './facts.js';
import type { FileAnalysis } from './analyze-file.js';
import { reanalyseFiles } from './reanalysis-jobs.js';
import { definedFunctions } from './text-definitions.js';
import type { WarmWorker } from './warm-worker.js';
import { ProjectTexts } from './project-texts.js';
import { importedNames } from './import-names.js';
import { passDigest, type ReanalysisStore } from './reanalysis-store.js';

type Helper = NonNullable<FrontEndOptions['envKeyHelpers']>[number];

/** Languages whose front ends resolve calls of other files' helpers. */
const LANGUAGES = new Set(['rust', 'python', 'typescript', 'javascript']);

/** JS and TS files import each other's helpers: one family. */
function familyOf(language: string): string {
  return language === 'javascript' ? 'typescript' : language;
}

/**
 * Finds helpers (reads marked `keyParam`), re-analyses their callers' files with the helpers
 * known, and marks helpers whose callers were found. Adds the helpers to `options` so that any
 * later re-analysis (cross-file summaries) keeps the call-site reads.
 */
export async function applyEnvKeyHelpers(root: string, analyses: FileAnalysis[], options: FrontEndOptions, maxBytes: number, texts = new ProjectTexts(root, { maxBytes }), warm?: WarmWorker, store?: ReanalysisStore): Promise<void> {
  const helpers: Helper[] = [];
  const seen = new Set<string>();
  for (const analysis of analyses) {
    if (!analysis.language || !LANGUAGES.has(analysis.language)) continue;
    for (const fact of analysis.facts?.facts ?? []) {
      if (fact.kind !== 'env-read' || !fact.keyParam) continue;
      const helper: Helper = {
        language: analysis.language,
        function: fact.keyParam.function,
        index: fact.keyParam.index,
        api: fact.api,
        ...(fact.keyParam.list ? { list: true } : {}),
        ...(fact.keyParam.property !== undefined ? { property: fact.keyParam.property } : {}),
        ...(fact.keyParam.parameter !== undefined ? { parameter: fact.keyParam.parameter } : {}),
        ...(fact.presence ? { presence: true as const } : {}),
        file: analysis.file,
      };
      const key = `${familyOf(helper.language)}:${helper.function}:${helper.index}:${helper.property ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      helpers.push(helper);
    }
  }
  if (helpers.length === 0) return;
  options.envKeyHelpers = helpers;
  const callPatterns = new Map<string, RegExp>();
  for (const family of new Set(helpers.map((h) => familyOf(h.language)))) {
    callPatterns.set(family, callPattern(helpers.filter((h) => familyOf(h.language) === family)));
  }
  const helperNames = new Set(helpers.map((h) => h.function));
  const digest = passDigest({ pass: 'env-key-helpers', helpers });
  const picked: number[] = [];
  for (let i = 0; i < analyses.length; i++) {
    const analysis = analyses[i];
    const language = analysis.language;
    if (!language || !LANGUAGES.has(language)) continue;
    const calls = callPatterns.get(familyOf(language));
    // A plain text test before any parse: the file calls a helper it does not define itself
    // (TS/JS: one it imports; the front end resolves only calls of imported bindings).
    const typescript = familyOf(language) === 'typescript';
    // A skipped TS/JS file's imports were listed by the prefilter (kept in the result cache): no read.
    if (typescript && analysis.prefiltered && !analysis.importedNames?.some((name) => helperNames.has(name))) continue;
    const text = (typescript ? texts.peek(analysis.file) : texts.text(analysis.file)) ?? '';
    if (!calls || !callsOthersHelper(text, calls, ownHelpers(analysis, language, text, helperNames))) continue;
    if (typescript && !importedNames(text).some((name) => helperNames.has(name))) continue;
    picked.push(i);
  }
  // Independent of one another: shared with the warm worker, then put back in order.
  await reanalyseFiles(analyses, picked, { root, options, maxBytes, texts, digest, warm, store });
  markHelpersResolvedAtCallers(analyses);
}

/**
 * Marks each helper's own read (`keyParam`) whose calls were read as names somewhere
 * (`resolvedAtCallers`). Re-analysed files hold new fact objects, so this runs on the final
 * analyses: here, and again after any later pass that re-analyses files (cross-file summaries,
 * env hand-offs), or a helper re-analysed there would be reported as a dynamic read again.
 */
export function markHelpersResolvedAtCallers(analyses: readonly FileAnalysis[]): void {
  const calledThrough = new Set<string>();
  const marked: Array<{ fact: EnvReadFact; language: string }> = [];
  for (const analysis of analyses) {
    for (const fact of analysis.facts?.facts ?? []) {
      if (fact.kind !== 'env-read') continue;
      if (fact.via?.kind === 'call' && fact.via.function) calledThrough.add(`${familyOf(analysis.language ?? '')}:${fact.via.function}`);
      if (fact.keyParam) marked.push({ fact, language: analysis.language ?? '' });
    }
  }
  for (const { fact, language } of marked) {
    if (fact.keyParam && calledThrough.has(`${familyOf(language)}:${fact.keyParam.function}`)) fact.keyParam.resolvedAtCallers = true;
  }
}

/**
 * `name(` for any of the helpers, as one alternation: one pass over a file instead of one per
 * helper (vox: 4x faster). The name starts a word (`parse_env_u64(` is no call of `env_u64`); the
 * character before it tells a bare call from a qualified one (`config::env_u64(`, `cfg.env_u64(`).
 */
function callPattern(helpers: Helper[]): RegExp {
  const names = [...new Set(helpers.map((h) => h.function))].sort();
  return new RegExp(`(?<![\\p{L}\\p{N}_$])(?:${names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?=\\()`, 'gu');
}

/**
 * Helpers this file defines itself (its read is here, or a function of that name is: another
 * module's helper of the same name is then not what a bare call reaches). The first analysis
 * already read the names at its own calls of them.
 */
function ownHelpers(analysis: FileAnalysis, language: string, text: string, names: ReadonlySet<string>): Set<string> {
  const own = new Set<string>();
  for (const fact of analysis.facts?.facts ?? []) if (fact.kind === 'env-read' && fact.keyParam) own.add(fact.keyParam.function);
  for (const name of definedFunctions(language, text, names)) own.add(name);
  return own;
}

/**
 * The text calls a helper it does not define, or calls one through a path or a receiver (which
 * may be another module's of the same name). A bare call of the file's own helper is not enough:
 * the first analysis already read the name at that call (vox: 21 files analysed again for nothing).
 */
function callsOthersHelper(text: string, calls: RegExp, own: ReadonlySet<string>): boolean {
  calls.lastIndex = 0;
  for (let match = calls.exec(text); match; match = calls.exec(text)) {
    const before = text[match.index - 1];
    if (!own.has(match[0]) || before === ':' || before === '.') return true;
  }
  return false;
}

