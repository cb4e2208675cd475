// The engine: config + registry -> files -> front ends (once per file) -> facts -> rules ->
// post-process (test code, suppressions, severities, fingerprints, sort). Pure with respect to
// the process: no console, no exit. Configuration problems throw ConfigError.
import fs from 'node:fs';
import path from 'node:path';
import type { Fact, FileFacts, FrontEndOptions } from './facts.js';
import type { Finding, ScanError, ScanResult } from './finding.js';
import type { ResolvedConfig } from './config-types.js';
import { ConfigError } from './config-types.js';
import { loadConfig } from './config.js';
import { discoverFilesAsync, prefetchGitListings, toPosixRelative } from './discovery.js';
import { markMaskedByPosition } from './value-masking.js';
import { analyzeAll } from './worker-pool.js';
import { buildSharedContext, type SharedContext } from './rule-context.js';
import { runRules, type RawFinding } from './run-rules.js';
import { applyPostProcessing } from './post-process.js';
import { mergeOverlapping } from './merge-overlapping.js';
import { resolveConstRefs } from './const-refs.js';
import { resolveRustSkippedConstants } from './rust-skipped-constants.js';
import { resolvePythonModuleRefs } from './python-module-constants.js';
import { applyCrossFileSummaries } from './cross-file-summaries.js';
import { applyEnvObjectHandoffs } from './env-object-handoffs.js';
import { workspaceImportResolver } from './workspace-imports.js';
import { applyEnvKeyHelpers, markHelpersResolvedAtCallers } from './env-key-helpers.js';
import { applyEnvCopyHelpers, markCopiesForChildProcesses } from './env-copy-helpers.js';
import { highestLevel, isEnabledAnywhere, resolveRuleLevels, type EffectiveRule } from './rule-levels.js';
import type { SeverityLevel } from './rule.js';
import type { Registry } from '../registry/model.js';
import { isTestPath } from './test-paths.js';
import { isRealIsoDate } from '../registry/dates.js';
import { emptyScanError, includeWarnings, type CoverageWarning } from './scan-coverage.js';
import { loadBasePolicy, policyReader, withoutBaseDirectory, type BasePolicy, type BasePolicySource } from './base-policy.js';
import { comparePolicies } from './policy-check.js';
import { POLICY_WEAKENED } from '../rules/policy-weakened.js';
import { compareCodeUnits } from './compare.js';
import { frontEndOptionsFor, todayIso } from './front-end-options.js';
import { findingLines, openReportReplay, openScanCache, withoutCacheDirectory, type CacheRequest, type ReplayInputs, type ReplayRequest, type ScanCache, type StoredReport } from '../cache/index.js';
import { resolveCacheSettings, TRACKED_CACHE_NOTE } from '../cache/settings.js';
import { loadRegistryCached } from '../cache/registry-cache.js';
import { ProjectTexts } from './project-texts.js';
import { PhaseClock } from './phase-clock.js';
import { startWarmWorker, startWarmWorkerForFiles, type WarmWorker } from './warm-worker.js';
import { planShards, type ShardPlan } from '../shard/plan.js';
import { restrictToShard, type ShardInfo } from '../shard/restrict.js';
import { completeShardAnalyses, perFileScope } from '../shard/per-file.js';
import type { ShardSpec } from '../shard/spec.js';
import type { LeakPassObserver } from '../leak/typescript/incremental.js';

export interface ScanOptions {
  cwd: string;
  /** Paths to scan, relative to cwd or absolute. Default: the project root. */
  paths?: string[];
  configFile?: string;
  /** `--registry FILE|SPEC`. */
  registry?: string;
  ruleOverrides?: Record<string, SeverityLevel>;
  today?: string;
  hardCut?: boolean;
  /** Worker count; 0 = in-process. */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
  /** The leak pass starts (progress line). */
  onPhase?: (phase: 'leak') => void;
  /** Run only the rules this predicate accepts (e.g. `registry check`, `docs --check`). */
  onlyRules?: (ruleId: string, area: string) => boolean;
  /** Skip the project-level TS leak analysis (inventory only needs access sites). */
  skipLeakAnalysis?: boolean;
  /**
   * A scan that covers no file: 'error' throws a ConfigError naming the config key that emptied
   * it (the CLI's scan and the Action, unless --allow-empty); 'allow' (default) returns the empty result.
   */
  emptyScan?: 'error' | 'allow';
  /** false: keep one finding per rule on a shared span (rule fixtures test each rule alone). Default true. */
  mergeOverlapping?: boolean;
  /**
   * `--policy-from REF`: judge the working tree by the config and registry at REF (or in a
   * directory of base files, for tests), and report how the working tree's policy is weaker.
   */
  policyFrom?: BasePolicySource;
  /** The result cache (src/cache): absent = none (the API default); the CLI passes its flags and CI. */
  cache?: CacheRequest;
  /** `--shard I/N`: report only what lies in this shard's files; the TS leak pass walks only what can reach them (src/shard). */
  shard?: ShardSpec;
  /**
   * With the cache on: the caller uses only the report (no `facts`, no suppression justifications),
   * so a scan whose inputs are all unchanged may replay the last one (src/cache/report-replay.ts).
   */
  replay?: ReplayRequest;
}

export interface PreparedProject {
  config: ResolvedConfig;
  registry: Registry;
  today: string;
  hardCut: boolean;
  rules: EffectiveRule[];
  /** With `policyFrom`: the base policy in force (config/registry above) and the working tree's own. */
  policy?: { base: BasePolicy; head: { config: ResolvedConfig; registry: Registry } };
}

// In their own small modules so the ESLint plugin can use them without importing the engine (discovery, workers, git).
export { frontEndOptionsFor, todayIso };

/** Loads config and registry and resolves rule levels. Throws ConfigError. */
export async function prepareProject(options: ScanOptions, onConfig?: (config: ResolvedConfig) => void): Promise<PreparedProject> {
  // The project root comes from the first scanned path (DESIGN §2/§3), never from cwd, so the
  // same tree gives the same report wherever the command runs; explicit --config/--registry
  // paths stay relative to cwd.
  let config: ResolvedConfig = loadConfig({
    cwd: options.cwd,
    searchFrom: configSearchStart(options),
    configFile: options.configFile,
    registryOverride: options.registry,
  });
  onConfig?.(config);
  let registry = await loadRegistryCached(config, options.cache); // parsed again only when a source changed (src/cache/registry-cache.ts)
  let policy: PreparedProject['policy'];
  if (options.policyFrom) {
    const base = await loadBasePolicy(config, policyReader(config.root, options.policyFrom), config.registryFromCommandLine ? config.registry : undefined);
    const baseConfig = withoutBaseDirectory(base.config, options.policyFrom);
    policy = { base: { ...base, config: baseConfig }, head: { config: withoutBaseDirectory(config, options.policyFrom), registry } };
    config = baseConfig;
    registry = base.registry;
  }
  const today = options.today ?? config.lifecycle.today ?? todayIso();
  // A real calendar day: Date.parse rolls 2026-02-30 over to March 2, so check the round trip.
  if (!isRealIsoDate(today)) {
    throw new ConfigError(`invalid date '${today}': expected YYYY-MM-DD, a day that exists`);
  }
  const hardCut = options.hardCut ?? config.lifecycle.hardCut;
  let rules = resolveRuleLevels(config, options.ruleOverrides ?? {});
  if (options.onlyRules) {
    const keep = options.onlyRules;
    rules = rules.map((r) => (keep(r.rule.meta.id, r.rule.meta.area) ? r : { ...r, level: 'off' as const, pathLevels: undefined }));
  }
  return { config, registry, today, hardCut, rules, ...(policy ? { policy } : {}) };
}

/** The directory of the first scanned path (the path itself when it is a directory; its nearest existing ancestor when missing). */
function configSearchStart(options: ScanOptions): string {
  const first = options.paths?.[0];
  if (!first) return options.cwd;
  for (let abs = path.resolve(options.cwd, first); ; abs = path.dirname(abs)) {
    try {
      return fs.statSync(abs).isDirectory() ? abs : path.dirname(abs);
    } catch {
      if (path.dirname(abs) === abs) return abs;
    }
  }
}

export interface ScanOutput extends ScanResult {
  prepared: PreparedProject;
  /** Source text lines of files with findings, already redacted (for the text reporter's caret). */
  sourceLines: (file: string) => string[] | undefined;
  /** All facts, for reports built from facts rather than findings (`inventory`). */
  facts: FileFacts[];
  /** Config problems that do not stop the scan (an `include` entry matching no file), located. */
  warnings: CoverageWarning[];
  /** The result cache, when used: files served from it, and notes (not written, corrupt file ignored) for stderr. */
  cache?: { hits: number; misses: number; leakHit: boolean; notes: string[]; hashed?: number; leakRoots?: { walked: number; reused: number }; replayed?: boolean };
  /** With `--shard`: which part this is and which files it owns. */
  shard?: ShardInfo;
}

export async function scan(options: ScanOptions): Promise<ScanOutput> {
  const started = performance.now();
  // git lists the files, and a worker loads the TypeScript compiler, while the registry loads.
  // Started here on enough cores, else perhaps by scanPrepared once the file list is known.
  const warm: { worker?: WarmWorker } = {};
  try {
    const prepared = await prepareProject(options, (config) => {
      prefetchGitListings(config.root);
      if (!likelyCacheHit(config, options.cache)) warm.worker = startWarmWorker(options.workers, config.root);
    });
    const clock = new PhaseClock(started);
    clock.lap('config');
    return await scanPrepared(options, prepared, clock, warm);
  } finally {
    warm.worker?.stop(); // unused (every file from the cache, no TS/JS file to parse), or done
  }
}

/**
 * A result cache that already exists will likely answer for most files, so nothing is parsed and
 * a worker loading the compiler would only cost (an edited file is then parsed on the main thread).
 */
function likelyCacheHit(config: ResolvedConfig, request: CacheRequest | undefined): boolean {
  if (!request) return false;
  const settings = resolveCacheSettings(config.root, request, config.cache);
  return settings.enabled && fs.existsSync(settings.location);
}

/** The cache was asked for but git tracks files in its directory (src/cache/settings.ts): said on stderr. */
function trackedCacheDirectory(config: ResolvedConfig, request: CacheRequest | undefined): boolean {
  return request !== undefined && resolveCacheSettings(config.root, request, config.cache).tracked === true;
}

async function scanPrepared(options: ScanOptions, prepared: PreparedProject, clock: PhaseClock, warm: { worker?: WarmWorker }): Promise<ScanOutput> {
  const { config, registry } = prepared;
  const root = config.root;
  const targets = (options.paths && options.paths.length > 0 ? options.paths : [root]).map((p) => path.resolve(options.cwd, p));
  for (const target of targets) {
    if (!fs.existsSync(target)) throw new ConfigError(`path not found: ${path.relative(options.cwd, target) || target}`);
  }
  const discovered = await discoverFilesAsync({ root, targets, include: config.include, exclude: config.exclude });
  const files = withoutCacheDirectory(root, discovered.files, options.cache, config.cache); // the cache never scans itself
  clock.lap('discovery');
  warm.worker?.preloadFor(files);
  // Fewer cores: a worker only when the list shows it pays (many Rust/Python files); never for a likely cache hit.
  if (!warm.worker && !likelyCacheHit(config, options.cache)) warm.worker = startWarmWorkerForFiles(options.workers, files);
  const warmWorker = warm.worker;
  const coverage = { cwd: options.cwd, config, targets, files };
  if (files.length === 0 && options.emptyScan === 'error') throw emptyScanError(coverage);
  const shardPlan = options.shard ? planShards(root, files, options.shard) : undefined;
  const leakRulesOn = prepared.rules.some((r) => r.rule.meta.area === 'leak' && isEnabledAnywhere(r)) && !options.skipLeakAnalysis;
  // Markdown pages outside `docs:` are parsed only when a rule may read them (languages/config/markdown-prefilter.ts).
  const markdownPages = config.docs.map((d) => d.path.replace(/\\/g, '/').replace(/^\.\//, ''));
  const markdownMentions = prepared.rules.some((r) => r.rule.meta.id === 'registry-unreferenced' && isEnabledAnywhere(r)); // it counts any page's mentions
  const feOptions = { ...frontEndOptionsFor(config, registry), leakAnalysis: leakRulesOn, markdownPages, markdownMentions };
  // Every input as when the last report was stored: that report, without reading results.json or running a pass.
  const replay = shardPlan || prepared.policy ? undefined : openReportReplay(options.cache, options.replay, prepared, feOptions, replayInputs(root, targets, files, discovered.errors, options));
  const stored = replay?.stored();
  if (stored) {
    clock.lap('files'); // a replay's check of every file
    return replayedOutput(stored, { root, prepared, clock, files, warnings: includeWarnings(coverage) });
  }
  const cache: ScanCache | undefined = openScanCache(options.cache, prepared, feOptions, replay?.taken);
  // A shard runs the front ends on its own files and on what joins across files need; the others get the cheap checks only (src/shard/per-file.ts).
  const perFile = shardPlan ? perFileScope(shardPlan, files, { root, docsPages: config.docs.map((d) => d.path), registry }) : undefined;
  const texts = new ProjectTexts(root, { keepScripts: leakRulesOn, maxBytes: config.maxFileBytes }); // read once for the passes after the first
  const pool = { root, files: perFile?.analysed ?? files, options: feOptions, maxBytes: config.maxFileBytes, workers: options.workers, onProgress: options.onProgress, warmWorker, keepText: texts.remember.bind(texts) };
  let analyses = cache ? await cache.analyzeAll(pool) : await analyzeAll(pool);
  if (shardPlan && perFile) analyses = await completeShardAnalyses({ root, files, scope: perFile, analysed: analyses, owns: shardPlan.owns, options: feOptions, maxBytes: config.maxFileBytes, analyzeRest: (rest) => analyzeAll({ ...pool, files: rest }) });
  clock.lap('files');

  // Env keys passed to a helper in another file: read at each call site (before cross-file summaries, which re-analyse with the same options).
  await applyEnvKeyHelpers(root, analyses, feOptions, config.maxFileBytes, texts, warmWorker, cache?.reanalyses);
  // The whole environment handed to a function of another TS/JS file: judged where that function hands it on.
  await applyEnvObjectHandoffs(root, analyses, feOptions, config.maxFileBytes, texts, warmWorker, cache?.reanalyses, await workspaceImportResolver(root, analyses));
  // A copy of the environment a function returns, judged at its calls in other modules (Python, TS/JS).
  await applyEnvCopyHelpers(root, analyses, feOptions, config.maxFileBytes, texts, warmWorker, cache?.reanalyses);
  clock.lap('crossFile');
  if (leakRulesOn) options.onPhase?.('leak');
  if (leakRulesOn) await applyCrossFileSummaries(root, analyses, feOptions, config.maxFileBytes, warmWorker, texts);
  markHelpersResolvedAtCallers(analyses); // the passes above may have re-analysed a helper's file
  markCopiesForChildProcesses(analyses); // likewise for a returned copy's file
  warmWorker?.close(); // its thread and memory are not needed by the TS leak pass
  clock.lap('leak'); // the project leak pass, part 1: `--timing` reports it as stats.leakMs too (bench: its share of the scan)
  // Unreadable directories and .gitignore files, symlinks not followed: reported, the scan goes on.
  const errors: ScanError[] = [...discovered.errors];
  const fileFacts: FileFacts[] = [];
  const filesByLanguage: Record<string, number> = {};
  let prefiltered = 0;
  for (const analysis of analyses) {
    if (analysis.language) filesByLanguage[analysis.language] = (filesByLanguage[analysis.language] ?? 0) + 1;
    if (analysis.prefiltered) prefiltered++;
    errors.push(...analysis.errors);
    if (analysis.facts) fileFacts.push(analysis.facts);
  }
  await cache?.restoreConstants(analyses); // constants the cache left out (src/cache/result-cache.ts)
  const needsConstants = fileFacts.some((f) => f.facts.some((fact) => fact.kind === 'env-read' && fact.constRef));
  const collect = needsConstants ? (await import('../languages/typescript/index.js')).collectTypeScriptConstants : undefined;
  resolveConstRefs(analyses, fileFacts, collect ? (file) => collectConstantsFromDisk(root, file, collect) : undefined);
  await resolvePythonModuleRefs(analyses, fileFacts, texts); // what stays unresolved of Python's imports
  await resolveRustSkippedConstants(analyses, fileFacts, texts); // Rust constants in files the prefilter skipped
  clock.lap('crossFile');
  const leakShard = shardPlan ? { owns: ownsAbsolute(root, shardPlan), partition: `${shardPlan.index}/${shardPlan.count}` } : undefined; // the shard's part of the leak pass only
  if (leakRulesOn) await addTypeScriptLeaks(root, fileFacts, analyses.filter((a) => !a.generated), feOptions, errors, config.maxFileBytes, cache?.leakPass(files, leakShard?.partition), leakShard?.owns, texts.takeScripts()); // skipped minified/generated files stay skipped
  clock.lap('leak');
  for (const diag of registry.diagnostics) errors.push({ file: diag.file, line: diag.line, column: diag.column, message: diag.message });

  const shared: SharedContext = buildSharedContext(config, registry, prepared.today, prepared.hardCut);
  const policyChanges = prepared.policy ? comparePolicies({ root, targets, base: prepared.policy.base, head: prepared.policy.head, fileFacts }) : undefined;
  const raw: RawFinding[] = runRules(prepared.rules, { files: fileFacts, ...(policyChanges ? { policyChanges } : {}) }, shared, errors);
  // "Filenames = report only those files": project-level findings elsewhere (the registry, a
  // docs page) are kept only when the scan covers them.
  const scanned = new Set(files);
  // A weakened policy is reported wherever it lives (a config the change deleted is not scanned).
  const inScope = raw.filter((r) => (scanned.has(r.report.file) || r.rule.rule.meta.id === POLICY_WEAKENED) && (!shardPlan || shardPlan.owns(r.report.file)));
  const { findings, suppressed, lines } = applyPostProcessing({ root, raw: inScope, fileFacts, rules: prepared.rules, config, isTestPath, registryNames: feOptions.registryNames, registryIds: registry.secrets.map((s) => s.id) });
  const scannedCount = analyses.filter((a) => a.language !== null).length;
  cache?.save(leakRulesOn);
  clock.lap('rules');
  const phases = clock.record();
  const output: ScanOutput = {
    root,
    findings: options.mergeOverlapping === false ? findings : mergeOverlapping(findings),
    suppressed,
    errors: sortErrors(errors),
    stats: { files: scannedCount, filesByLanguage: sortRecord(filesByLanguage), ms: clock.elapsedMs(), prefiltered, leakMs: phases.leak, phases },
    enabledRules: enabledRulesOf(prepared),
    prepared,
    sourceLines: (file) => lines.get(file),
    facts: fileFacts,
    warnings: includeWarnings(coverage),
    ...(cache ? { cache: cache.summary() } : trackedCacheDirectory(config, options.cache) ? { cache: { hits: 0, misses: 0, leakHit: false, notes: [TRACKED_CACHE_NOTE] } } : {}),
  };
  if (replay && cache) {
    const { ms: _ms, phases: _phases, ...counts } = output.stats; // a replay has times of its own
    replay.store(cache, { findings: output.findings, suppressed, errors: output.errors, stats: counts, ...(options.replay?.sourceLines ? { lines: findingLines(output.findings, output.sourceLines) } : {}) });
  }
  return shardPlan ? restrictToShard(output, shardPlan, analyses) : output;
}

function replayInputs(root: string, targets: string[], files: string[], discoveryErrors: ScanError[], options: ScanOptions): ReplayInputs {
  return { targets: targets.map((target) => toPosixRelative(root, target)), files, discoveryErrors, flags: { skipLeakAnalysis: options.skipLeakAnalysis === true, mergeOverlapping: options.mergeOverlapping !== false } };
}

/** The output of a replayed report: as the scan that stored it returned, with this scan's project, time and warnings. */
function replayedOutput(stored: StoredReport, at: { root: string; prepared: PreparedProject; clock: PhaseClock; files: string[]; warnings: CoverageWarning[] }): ScanOutput {
  at.clock.lap('rules'); // the stored findings stand for the rules' work
  const lines = new Map<string, string[]>();
  return {
    root: at.root,
    findings: stored.findings,
    suppressed: stored.suppressed,
    errors: stored.errors,
    // No pass ran: the leak pass took no time.
    stats: { ...stored.stats, ms: at.clock.elapsedMs(), leakMs: 0, phases: at.clock.record() },
    enabledRules: enabledRulesOf(at.prepared),
    prepared: at.prepared,
    sourceLines: (file) => {
      const known = lines.get(file);
      if (known) return known;
      const kept = stored.lines?.[file];
      if (!kept) return undefined;
      const shown: string[] = [];
      for (const [line, text] of Object.entries(kept)) shown[Number(line) - 1] = text;
      markMaskedByPosition(shown); // they were masked when stored
      lines.set(file, shown);
      return shown;
    },
    facts: [],
    warnings: at.warnings,
    cache: { hits: at.files.length, misses: 0, leakHit: true, notes: [], hashed: 0, replayed: true },
  };
}

/** Project-level TS/JS leak analysis (type checker, cross-file). Loaded lazily: only scans with leak rules on and TS/JS files pay for it. */
async function addTypeScriptLeaks(
  root: string,
  fileFacts: FileFacts[],
  analyses: Array<{ file: string; language: string | null }>,
  options: FrontEndOptions,
  errors: ScanError[],
  maxFileBytes: number,
  cached?: (files: string[], run: (observer?: LeakPassObserver) => Promise<{ facts: Map<string, Fact[]>; errors: ScanError[] }>) => Promise<{ facts: Map<string, Fact[]>; errors: ScanError[] }>,
  owns?: (file: string) => boolean,
  texts?: Map<string, string>,
): Promise<void> {
  const tsFiles = analyses.filter((a) => a.language === 'typescript' || a.language === 'javascript').map((a) => path.join(root, a.file));
  const hasSources = options.resolver.functions.length + options.resolver.types.length + Object.keys(options.secretNames).length + (options.extraSourcePaths?.length ?? 0) > 0;
  if (tsFiles.length === 0 || !hasSources) return;
  // The pass (and the compiler) is loaded only when it runs: a result from the cache needs neither.
  // `observer`: the result cache's per-root recorder (src/leak/typescript/incremental.ts).
  const run = async (observer?: LeakPassObserver): Promise<{ facts: Map<string, Fact[]>; errors: ScanError[] }> => {
    let analyze: ((input: { root: string; files: string[]; options: FrontEndOptions; maxFileBytes: number; owns?: (file: string) => boolean; observer?: LeakPassObserver; texts?: Map<string, string> }) => Promise<{ facts: Map<string, Fact[]>; errors: ScanError[] }>) | undefined;
    try {
      ({ analyzeTypeScriptLeaks: analyze } = await import('../leak/typescript/analyze.js'));
    } catch {
      return { facts: new Map(), errors: [] }; // no TypeScript to load: no pass
    }
    return analyze({ root, files: tsFiles, options, maxFileBytes, ...(owns ? { owns } : {}), ...(observer ? { observer } : {}), ...(texts ? { texts } : {}) });
  };
  try {
    const result = cached ? await cached(tsFiles, run) : await run();
    errors.push(...result.errors);
    const byFile = new Map(fileFacts.map((f) => [f.file, f]));
    for (const [abs, facts] of result.facts) {
      if (facts.length === 0) continue;
      const rel = path.relative(root, abs).split(path.sep).join('/');
      const existing = byFile.get(rel);
      if (existing) existing.facts.push(...facts);
      else {
        const created: FileFacts = { file: rel, language: /\.[cm]?jsx?$/.test(rel) ? 'javascript' : 'typescript', facts: [...facts], isTest: isTestPath(rel) };
        fileFacts.push(created);
        byFile.set(rel, created);
      }
    }
  } catch (err) {
    errors.push({ file: '.', message: `leak analysis failed (${(err as Error)?.name ?? 'Error'}); other rules ran` });
  }
}

/**
 * A shard's ownership of an absolute path (the leak pass's paths: the scan's, or the compiler's
 * real paths when the root lies behind a symbolic link). Nothing outside the root is owned.
 */
function ownsAbsolute(root: string, plan: ShardPlan): (file: string) => boolean {
  let realRoot = root;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    // The root was read moments ago; keep its own path.
  }
  const inside = (base: string, file: string): string | undefined => {
    const rel = path.relative(base, file);
    return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep).join('/');
  };
  return (file) => {
    const rel = inside(root, file) ?? (realRoot !== root ? inside(realRoot, file) : undefined);
    return rel !== undefined && plan.owns(rel);
  };
}

/** Exported string constants of a TS/JS file the prefilter skipped, read only when an import needs them. */
function collectConstantsFromDisk(root: string, file: string, collect: (file: string, text: string) => Record<string, string>): Record<string, string> | undefined {
  if (!/\.[cm]?[jt]sx?$/.test(file)) return undefined;
  try {
    return collect(file, fs.readFileSync(path.join(root, file), 'utf8'));
  } catch {
    return undefined;
  }
}

function enabledRulesOf(prepared: PreparedProject): ScanResult['enabledRules'] {
  return prepared.rules.filter(isEnabledAnywhere).map((r) => ({ id: r.rule.meta.id, level: highestLevel(r) as 'warn' | 'error' }));
}

function sortErrors(errors: ScanError[]): ScanError[] {
  return [...errors].sort((a, b) => compareCodeUnits(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || compareCodeUnits(a.message, b.message));
}

function sortRecord(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareCodeUnits(a, b)));
}

export type { Finding };
