// Cross-file taint for languages whose front ends analyse one file at a time (Rust, Python):
// pass one emits FunctionSummaryFacts and the names of calls it could not resolve; here the
// files whose unresolved calls match another file's summary are analysed once more with those
// summaries, so a secret passed to a helper in another module still reaches its sink. Only
// those few files are parsed twice.
import type { FrontEndOptions, FunctionSummaryFact, LeakFact, SecretShape } from './facts.js';
import { isPending, loadForReanalysis, runFrontEnd, type FileAnalysis, type PendingFile } from './analyze-file.js';
import { reanalyseAll, ReanalysisRound } from './worker-pool.js';
import type { WarmWorker } from './warm-worker.js';
import { includesWord, isIdentifierChar, ProjectTexts } from './project-texts.js';
import { NeedleSearch } from '../languages/typescript/needle-search.js';
import { definedFunctions, definesFunction } from './text-definitions.js';

function summaryKey(name: string): string {
  // Calls are matched on the last path segment: `util::log_key`, `util.log_key`, `log_key`.
  return name.split(/::|\./).pop() ?? name;
}

/** `word` occurs in the text as a whole word: a look-up for an identifier, a search otherwise (`r#type`). */
function hasWord(words: ReadonlySet<string>, text: string, word: string): boolean {
  return isIdentifierWord(word) ? words.has(word) : includesWord(text, word);
}

function isIdentifierWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) if (!isIdentifierChar(word.charCodeAt(i))) return false;
  return true;
}

export async function applyCrossFileSummaries(root: string, analyses: FileAnalysis[], options: FrontEndOptions, maxBytes: number, warm?: WarmWorker, texts = new ProjectTexts(root, { maxBytes })): Promise<void> {
  const pythonDefined = await analyzeSkippedDefinitions(analyses, options, texts, warm);
  const summaries: FunctionSummaryFact[] = [];
  const definedIn = new Map<FunctionSummaryFact, string>();
  for (const analysis of analyses) {
    for (const fact of analysis.facts?.facts ?? []) {
      if (fact.kind !== 'function-summary') continue;
      summaries.push(fact);
      definedIn.set(fact, analysis.file);
    }
  }
  if (summaries.length === 0) return;
  const byName = new Map<string, FunctionSummaryFact[]>();
  for (const summary of summaries) {
    const key = `${summary.language}:${summaryKey(summary.name)}`;
    byName.set(key, [...(byName.get(key) ?? []), summary]);
  }
  // Python files keep every name they asked for, since a later pass may run them again.
  const wanted = new Map<string, Set<string>>();
  for (const analysis of analyses) {
    if ((analysis.language === 'python' || analysis.language === 'rust') && analysis.unresolvedCalls) wanted.set(analysis.file, new Set(analysis.unresolvedCalls.map(summaryKey)));
  }
  // Each file again with the summaries its calls asked for: independent of one another, so shared with the warm worker.
  const jobs: { at: number; file: PendingFile; options: FrontEndOptions }[] = [];
  const round = new ReanalysisRound(warm);
  for (let i = 0; i < analyses.length; i++) {
    const analysis = analyses[i];
    const language = analysis.language;
    await round.breathe();
    if (!analysis.unresolvedCalls || (language !== 'rust' && language !== 'python')) continue;
    const own = new Set(analysis.facts?.facts.filter((f) => f.kind === 'function-summary'));
    const asked = analysis.unresolvedCalls.flatMap((call) => byName.get(`${language}:${summaryKey(call)}`) ?? []).filter((s) => !own.has(s));
    const relevant = language === 'rust' ? asked.filter((s) => rustMethodReachable(analysis.file, definedIn.get(s), s, texts)) : asked;
    if (relevant.length === 0) continue;
    const loaded = await loadForReanalysis(root, analysis.file, options, maxBytes);
    if (!isPending(loaded)) continue;
    const job = { at: i, file: loaded, options: { ...options, functionSummaries: relevant } };
    jobs.push(job);
    round.add(job);
  }
  const again = await round.finish();
  jobs.forEach((job, k) => (analyses[job.at] = again[k]));
  await followPythonSecretSources(root, analyses, options, maxBytes, wanted, 'python', texts, pythonDefined, warm);
  await followPythonSecretSources(root, analyses, options, maxBytes, wanted, 'rust', texts, new Set(), warm);
  locateLeaksAtSinks(analyses);
}

/**
 * Rust: a method (`Type::name`) of another package of the workspace is what a call in this file
 * may reach only if the file names its type. The front end resolves `recv.name(..)` by the method's
 * name alone (external-calls.ts), which within one crate is a fair guess; across packages it took
 * `sqlx::query(..).execute(&pool)` in rig-postgres's example for rig-agent's `ToolSet::execute` and
 * `PgPoolOptions::connect(&url)` for rig-neo4j's `Neo4jClient::connect`. A path call
 * (`Neo4jClient::connect(..)`) names the type and stays resolved; so do free functions.
 */
function rustMethodReachable(callerFile: string, summaryFile: string | undefined, s: FunctionSummaryFact, texts: ProjectTexts): boolean {
  const parts = s.name.split('::');
  if (parts.length < 2 || summaryFile === undefined || rustPackageDir(callerFile) === rustPackageDir(summaryFile)) return true;
  const text = texts.text(callerFile);
  return text !== null && includesWord(text, parts[parts.length - 2]);
}

/**
 * The package directory of a Rust file, by the layout Cargo gives it: what comes before its last
 * `src/` (`crates/rig-agent/src/tool/mod.rs` -> `crates/rig-agent`), else before its last
 * `examples/`, `tests/` or `benches/` (`crates/rig-postgres/examples/x.rs` -> `crates/rig-postgres`).
 */
function rustPackageDir(file: string): string {
  const parts = file.split('/');
  let at = parts.lastIndexOf('src');
  if (at < 0) at = Math.max(parts.lastIndexOf('examples'), parts.lastIndexOf('tests'), parts.lastIndexOf('benches'));
  return (at < 0 ? parts.slice(0, -1) : parts.slice(0, at)).join('/');
}

/** Rounds of source-summary propagation: a module that wraps another's config getter hands it on, up to this depth. */
const SOURCE_ROUNDS = 3;

/**
 * Python (and Rust): a function that returns a secret (a config dict with a secret key, a settings object)
 * and a module-level value that holds one (summaries with `returnsSecret`) are sources in every
 * module that uses them. Files whose text names one (a plain text test, also for files the
 * prefilter skipped) are analysed again with those summaries and the ones their unresolved calls
 * asked for. Such a file may hand the secret on in turn (its own getter), hence a few rounds.
 */
async function followPythonSecretSources(
  root: string, analyses: FileAnalysis[], options: FrontEndOptions, maxBytes: number, wanted: Map<string, Set<string>>, language: 'python' | 'rust', texts: ProjectTexts, pythonDefined: Set<string>, warm?: WarmWorker,
): Promise<void> {
  const handled = new Set<string>();
  for (let round = 0; round < SOURCE_ROUNDS; round++) {
    const all = analyses.flatMap((a) => (a.language === language ? (a.facts?.facts ?? []) : [])).filter((f): f is FunctionSummaryFact => f.kind === 'function-summary');
    const fresh = all.filter((s) => s.returnsSecret && !handled.has(sourceKey(s)));
    if (fresh.length === 0) return;
    for (const summary of fresh) handled.add(sourceKey(summary));
    const freshNames = [...new Set(fresh.map((s) => summaryKey(s.name)))];
    // Per summary, one word its mention needs (rustMentions), as a substring: every file the
    // whole-word tests below keep, and some more. The longest such word, not the function's name:
    // `Settings::new` is looked for as `Settings`, which few files hold, where `new` is in most.
    const freshNeedles = language === 'rust' ? new NeedleSearch(fresh.map(rustNeedle)) : null;
    const roundJobs: { at: number; file: PendingFile; options: FrontEndOptions; asked: Set<string> }[] = [];
    // Rust: each job is handed out as soon as it is found (nothing below reads what a re-analysis changes).
    const round = new ReanalysisRound(language === 'rust' ? warm : undefined);
    // Another module's function or value is reached through an import that names its module. A
    // secret under a key (a settings object imported by every module) is read through that key
    // or a parent of it: a module that names none of them is not analysed again (a known limit:
    // such an object printed whole there is missed; it keeps settings-heavy projects cheap).
    for (let i = 0; i < analyses.length; i++) {
      const analysis = analyses[i];
      if (analysis.language !== language || analysis.generated) continue;
      await round.breathe();
      const text = texts.text(analysis.file);
      if (text === null) continue;
      // Rust names are whole words. A substring search for the round's needles drops most files
      // first; the whole-word tests then look up the file's word set, built for the files that
      // pass (one pass over the text; testing each of dozens of summaries' words with a search of
      // its own cost vox about 0.15 s a scan). Building every file's word set cost about 0.3 s.
      if (freshNeedles && !texts.hasWordsOf(analysis.file) && !freshNeedles.foundIn(text)) continue;
      const rust = language === 'rust';
      const fileWords = rust ? texts.wordsOf(analysis.file, text) : null;
      const has = (word: string): boolean => fileWords !== null && hasWord(fileWords, text, word);
      if (rust ? !freshNames.some(has) : !freshNames.some((name) => text.includes(name))) continue;
      const mentions = (s: FunctionSummaryFact): boolean =>
        (rust ? rustMentions(has, s) : text.includes(summaryKey(s.name)) && text.includes(s.module.split('.').pop() ?? s.module)) &&
        (!s.returnsSecret?.fields || secretKeys(s.returnsSecret).some((key) => isTupleIndex(key) || text.includes(key)));
      // Rust: the file's own sources (and another crate's copies of them) are no reason to analyse it again.
      const ownBefore = new Set(analyses[i].facts?.facts.filter((f) => f.kind === 'function-summary'));
      const shadowed = rust ? shadowedBy(ownBefore) : () => false;
      const fromElsewhere = (s: FunctionSummaryFact): boolean => !rust || (!ownBefore.has(s) && !shadowed(s));
      if (!fresh.some((s) => fromElsewhere(s) && mentions(s))) continue;
      const asked = wanted.get(analysis.file) ?? new Set<string>();
      // Python: a name asked by an earlier re-analysis of this file has its definitions summarised now.
      if (language === 'python') all.push(...(await summariseDefinitions(analyses, 'python', asked, pythonDefined, options, texts, warm)));
      const own = new Set(analyses[i].facts?.facts.filter((f) => f.kind === 'function-summary'));
      // Rust: once a file is analysed again, every source it calls by name counts (`load_settings().bearer()` names no `Settings`).
      const calls = (s: FunctionSummaryFact): boolean => (fileWords ? hasWord(fileWords, text, summaryKey(s.name)) : mentions(s));
      const relevant = all.filter((s) => !own.has(s) && !shadowed(s) && (asked.has(summaryKey(s.name)) || (s.returnsSecret !== undefined && calls(s))));
      if (!relevant.some((s) => s.returnsSecret && fresh.includes(s))) continue;
      const withSummaries = { ...options, functionSummaries: relevant };
      const loaded = await loadForReanalysis(root, analysis.file, withSummaries, maxBytes);
      if (!isPending(loaded)) continue;
      // Rust: nothing above reads what this round's re-analyses change, so they run together at the round's end.
      if (language === 'rust') {
        const job = { at: i, file: loaded, options: withSummaries, asked };
        roundJobs.push(job);
        round.add(job);
        continue;
      }
      analyses[i] = await runFrontEnd(loaded, withSummaries);
      for (const call of analyses[i].unresolvedCalls ?? []) asked.add(summaryKey(call));
      wanted.set(analysis.file, asked);
    }
    const again = await round.finish();
    roundJobs.forEach((job, k) => {
      analyses[job.at] = again[k];
      for (const call of again[k].unresolvedCalls ?? []) job.asked.add(summaryKey(call));
      wanted.set(job.file.file, job.asked);
    });
  }
}

/**
 * Rust: another file's summary of a function this file defines too, in a module of the same path
 * (`transport::auth::token_from_env` in two crates: one vendored the other's module). A call here
 * by that name is this file's own function (the front end resolves local functions first), so
 * that summary changes nothing and must not cost the file another analysis (vox: 14 of them).
 */
function shadowedBy(own: ReadonlySet<FunctionSummaryFact>): (s: FunctionSummaryFact) => boolean {
  const defined = new Set([...own].map((s) => `${s.module}|${s.name}`));
  return (s) => !own.has(s) && defined.has(`${s.module}|${s.name}`);
}

/**
 * Rust: the function's name as a whole word, and its type's (`Settings::api_key`: a method is
 * reached through a value of a type the file names, or through the loader that made it, itself a
 * source) or its module's last segment (`config::load()`, `use crate::config::load`; a crate
 * root's function is reached as `other_crate::load`).
 */
function rustMentions(has: (word: string) => boolean, s: FunctionSummaryFact): boolean {
  const parts = s.name.split('::');
  if (!has(parts[parts.length - 1])) return false;
  if (parts.length > 1) return has(parts[parts.length - 2]);
  return s.module === 'crate' || has(s.module.split('::').pop() ?? s.module);
}

/** The longest of the words rustMentions needs for `s` (its name, and its type's or module's name when it needs one). */
function rustNeedle(s: FunctionSummaryFact): string {
  const parts = s.name.split('::');
  const name = parts[parts.length - 1];
  const other = parts.length > 1 ? parts[parts.length - 2] : s.module === 'crate' ? '' : (s.module.split('::').pop() ?? s.module);
  return other.length > name.length ? other : name;
}

/** A Rust tuple element (`0`, `1`): read by destructuring (`let (user, token) = creds()`), which names no key. */
function isTupleIndex(key: string): boolean {
  return key.length > 0 && [...key].every((c) => c >= '0' && c <= '9');
}

/** Every key on a path to the secret inside a shape (`llm`, `api_key` of `cfg["llm"]["api_key"]`). */
function secretKeys(shape: SecretShape): string[] {
  return (shape.fields ?? []).flatMap(([key, inner]) => [key, ...secretKeys(inner)]);
}

function sourceKey(summary: FunctionSummaryFact): string {
  return `${summary.module}|${summary.name}|${JSON.stringify(summary.returnsSecret)}`;
}

/**
 * A leak found through another module's summary is located at its sink, in that module (the
 * flow's last step), once per sink: of several callers' flows, the shortest is kept. A sink in a
 * file without facts keeps the leak where it was found.
 */
const RELOCATED_LANGUAGES = new Set(['python', 'rust']);

function locateLeaksAtSinks(analyses: FileAnalysis[]): void {
  const byFile = new Map(analyses.filter((a) => a.facts).map((a) => [a.facts!.file, a.facts!]));
  const moved = new Map<string, { file: string; fact: LeakFact }>();
  for (const analysis of analyses) {
    const facts = analysis.facts;
    // Both front ends give such a leak the sink's range in the other file and end its flow there.
    if (!facts || !RELOCATED_LANGUAGES.has(analysis.language ?? '')) continue;
    facts.facts = facts.facts.filter((fact) => {
      if (fact.kind !== 'leak') return true;
      const sinkFile = fact.flow[fact.flow.length - 1]?.file;
      if (!sinkFile || sinkFile === facts.file || !byFile.has(sinkFile)) return true;
      const key = `${fact.ruleId}|${sinkFile}|${fact.range.line}:${fact.range.column}-${fact.range.endLine}:${fact.range.endColumn}`;
      const existing = moved.get(key);
      if (!existing || fact.flow.length < existing.fact.flow.length) moved.set(key, { file: sinkFile, fact });
      return false;
    });
  }
  for (const key of [...moved.keys()].sort()) {
    const { file, fact } = moved.get(key)!;
    byFile.get(file)!.facts.push(fact);
  }
}

/**
 * A helper such as `def log_key(k): logging.info(k)` gets no summary in a file's first analysis
 * (the prefilter may even have skipped its file: it names no secret). For each called-but-unresolved
 * name, the files of that language that define it (a plain text search) are analysed now with
 * `options.summarize`. Returns the Python names handled, for later passes to ask only new ones.
 */
async function analyzeSkippedDefinitions(analyses: FileAnalysis[], options: FrontEndOptions, texts: ProjectTexts, warm?: WarmWorker): Promise<Set<string>> {
  const wanted = new Map<string, Set<string>>();
  // Rust `Type::new(secret)`: only a file that names the type can define that `new`. Per last
  // name, the types its calls name, or null once a call names none (`helpers::log_key`, `Self::new`).
  const rustTypes = new Map<string, Set<string> | null>();
  for (const analysis of analyses) {
    if (!analysis.unresolvedCalls || (analysis.language !== 'rust' && analysis.language !== 'python')) continue;
    const names = wanted.get(analysis.language) ?? new Set<string>();
    for (const call of analysis.unresolvedCalls) {
      const key = summaryKey(call);
      names.add(key);
      if (analysis.language !== 'rust') continue;
      const type = call.split('::').at(-2);
      const typed = type !== undefined && type !== 'Self' && /^[A-Z]/.test(type);
      if (!typed) rustTypes.set(key, null);
      else if (rustTypes.get(key) !== null) rustTypes.set(key, new Set([...(rustTypes.get(key) ?? []), type]));
    }
    wanted.set(analysis.language, names);
  }
  const pythonDefined = new Set<string>();
  const python = wanted.get('python');
  if (python) await summariseDefinitions(analyses, 'python', python, pythonDefined, options, texts, warm);
  const rust = wanted.get('rust');
  if (rust) await summariseDefinitions(analyses, 'rust', rust, new Set(), options, texts, warm, rustTypes);
  return pythonDefined;
}

/** A file defining a method asked for as `Type::name` is a candidate only if it names one of those types. */
function namesTypeOf(types: ReadonlySet<string> | null | undefined, text: string): boolean {
  return !types || [...types].some((type) => includesWord(text, type));
}

/**
 * Summarises the files of `language` that define one of `names` not in `done` (then added to it);
 * returns the summaries they give.
 */
async function summariseDefinitions(
  analyses: FileAnalysis[], language: 'python' | 'rust', names: ReadonlySet<string>, done: Set<string>, options: FrontEndOptions, texts: ProjectTexts, warm?: WarmWorker,
  typesOf?: ReadonlyMap<string, ReadonlySet<string> | null>,
): Promise<FunctionSummaryFact[]> {
  const fresh = new Set([...names].filter((name) => !done.has(name)));
  if (fresh.size === 0) return [];
  for (const name of fresh) done.add(name);
  const summaries: FunctionSummaryFact[] = [];
  // The files are summarised independently of one another (shared with the warm worker), then taken in order.
  const jobs: { at: number; file: PendingFile; options: FrontEndOptions }[] = [];
  const withSummarize = { ...options, summarize: [...fresh] };
  for (let i = 0; i < analyses.length; i++) {
    const analysis = analyses[i];
    // Summaries are made on demand (options.summarize): a file parsed before is analysed again too.
    if (analysis.language !== language || analysis.generated) continue;
    const text = texts.text(analysis.file);
    if (text === null) continue;
    if (!typesOf ? !definesFunction(language, text, fresh) : ![...definedFunctions(language, text, fresh)].some((name) => namesTypeOf(typesOf.get(name), text))) continue;
    jobs.push({ at: i, file: { file: analysis.file, language, text }, options: withSummarize });
  }
  const results = await reanalyseAll(jobs, warm);
  jobs.forEach((job, k) => {
    const again = results[k];
    const analysis = analyses[job.at];
    const found = again.facts?.facts.filter((fact): fact is FunctionSummaryFact => fact.kind === 'function-summary') ?? [];
    summaries.push(...found);
    // A file analysed before keeps its facts (the env-key pass marked some); only its summaries are new.
    if (analysis.prefiltered || !analysis.facts) analyses[job.at] = again;
    else analysis.facts.facts.push(...found);
  });
  return summaries;
}
