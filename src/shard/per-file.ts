// Which files a shard runs the per-file front ends on. A shard reports only its own files, so the
// facts of another shard's file matter only through a join across files:
// - project-level rules report in "project files" (projectFileKind below). Registry, docs drift
//   and env-example drift read every file's facts (which secrets the code reads) and report in
//   the registry, docs pages and env files: a shard owning one analyses everything, as an
//   unsharded scan does. Build-arg checks read the facts of config files only (Dockerfiles,
//   compose, workflows, shell scripts) and report in them: a shard owning one analyses every
//   file that is not TS/JS/Python/Rust. (policy-weakened, with --policy-from, reads config and
//   registry texts and each file's own suppression comments: it needs no other file's facts);
// - Python and Rust join summaries, env-key helpers and relocated leaks across files of one
//   language: a shard owning a file of that language analyses every file of it;
// - a constant read through another file (`process.env[KEY]`, `KEY` imported) is resolved by
//   name over every file's exported constants: when an owned file has such a read after the first
//   pass, the rest is analysed too (rare: none on dub or documenso);
// - the TS leak pass reads its files itself (src/shard/leak-roots.ts), never their facts.
// Every other file gets the front end's cheap checks only (size, encoding, language, generated,
// prefilter; never a parse): the passes still see it in the file list, without facts.
import path from 'node:path';
import type { FileAnalysis } from '../core/analyze-file.js';
import { isPending, loadForAnalysis } from '../core/analyze-file.js';
import { readFileHead } from '../core/file-head.js';
import type { FrontEndOptions, LanguageId } from '../core/facts.js';
import { detectByPath, refineByContent } from '../languages/detect.js';
import { candidateLanguages, loadFrontEnds } from '../languages/index.js';
import type { ShardPlan } from './plan.js';

/** Languages whose files only ever hold findings of per-file rules (and TS leaks), never of project-level rules. */
const CODE_LANGUAGES = new Set<LanguageId>(['typescript', 'javascript', 'python', 'rust']);
/** Languages joined across files by summaries and helpers: owning one file of them means analysing all. */
const JOINED_LANGUAGES = new Set<LanguageId>(['python', 'rust']);

export interface ProjectFileInputs {
  root: string;
  /** Configured docs pages (root-relative). */
  docsPages: readonly string[];
  /** The registry model: every origin in it is where a registry finding may be reported. */
  registry: unknown;
}

/**
 * Whether a project-level rule may report in a file, and what it then needs: 'everything' (a docs
 * page, a file the registry was read from, an env file: every file's facts) or 'config' (any
 * other file that is not code: the facts of every such file). Undefined: only per-file rules
 * report there (code, and Markdown that is not a docs page).
 */
export function projectFileKind(inputs: ProjectFileInputs): (file: string, language: LanguageId | null) => 'everything' | 'config' | undefined {
  const pages = new Set(inputs.docsPages.map((page) => normalise(page)));
  const registryFiles = new Set<string>();
  collectOriginFiles(inputs.registry, registryFiles, 0);
  const relative = new Set([...registryFiles].map((file) => (path.isAbsolute(file) ? normalise(path.relative(inputs.root, file)) : normalise(file))));
  return (file, language) => {
    if (pages.has(file) || relative.has(file) || language === 'dotenv') return 'everything';
    if (language === null || CODE_LANGUAGES.has(language) || language === 'markdown') return undefined;
    return 'config';
  };
}

export interface PerFileScope {
  /** Files the front ends run on (the owned ones and what the joins need), in scan order. */
  analysed: string[];
  /** Files that get the cheap checks only (empty when the shard needs every file's facts). */
  checkedOnly: string[];
}

/** The shard's per-file work, decided from paths (and the first bytes of owned YAML and extensionless files). */
export function perFileScope(plan: ShardPlan, files: readonly string[], inputs: ProjectFileInputs): PerFileScope {
  const kindOf = projectFileKind(inputs);
  const joined = new Set<LanguageId>();
  let everything = false;
  let configFiles = false;
  for (const file of files) {
    if (everything || !plan.owns(file)) continue;
    const language = languageOf(inputs.root, file);
    const kind = kindOf(file, language);
    if (kind === 'everything') everything = true;
    else if (kind === 'config') configFiles = true;
    else if (language && JOINED_LANGUAGES.has(language)) joined.add(language);
  }
  if (everything) return { analysed: [...files], checkedOnly: [] };
  const analysed: string[] = [];
  const checkedOnly: string[] = [];
  for (const file of files) {
    const language = detectByPath(file);
    // Config files: every file not code by its path (an extensionless one may be a shell script; reading it costs nothing more).
    const needed = plan.owns(file) || (language !== null && joined.has(language)) || (configFiles && (language === null || !CODE_LANGUAGES.has(language)));
    (needed ? analysed : checkedOnly).push(file);
  }
  return { analysed, checkedOnly };
}

/** An owned file reads an env name through a constant of another file: resolving it needs every file's exported constants. */
export function needsEveryConstant(analyses: readonly FileAnalysis[], owns: (file: string) => boolean): boolean {
  return analyses.some((analysis) => owns(analysis.file) && (analysis.facts?.facts ?? []).some((fact) => fact.kind === 'env-read' && fact.name === null && fact.constRef !== undefined));
}

/**
 * The cheap checks of the front end, without the parse: a file waiting for its front end becomes an
 * analysis without facts. The front ends are loaded first: their prefilter and the minified test
 * run only when one is (a warm cache loads none, and the checks must not depend on that).
 */
export async function checkOnly(root: string, files: readonly string[], options: FrontEndOptions, maxBytes: number): Promise<FileAnalysis[]> {
  await loadFrontEnds(candidateLanguages([...files]));
  return files.map((file) => {
    const loaded = loadForAnalysis(root, file, options, maxBytes);
    return isPending(loaded) ? { file, language: loaded.language, prefiltered: false, errors: [] } : loaded;
  });
}

/** Both lists of analyses in the scan's file order. */
export function inScanOrder(files: readonly string[], ...parts: FileAnalysis[][]): FileAnalysis[] {
  const byFile = new Map(parts.flat().map((analysis) => [analysis.file, analysis]));
  return files.map((file) => byFile.get(file)).filter((analysis): analysis is FileAnalysis => analysis !== undefined);
}

/** The language the front end would give the file: by path, refined by its first bytes for YAML (Kubernetes or nothing) and extensionless files (a shell script's `#!`). */
function languageOf(root: string, file: string): LanguageId | null {
  const guess = detectByPath(file);
  if (guess !== null && guess !== 'yaml') return guess; // only these two are refined by content (a manifest's `kind:`, a `#!`)
  let head = '';
  try {
    head = readFileHead(path.join(root, file));
  } catch {
    return null; // unreadable: the front end reports it; it holds no facts either way
  }
  return refineByContent(guess, head);
}

/** Every `file` of an origin-shaped object ({ file, line }) in the registry model. */
function collectOriginFiles(value: unknown, into: Set<string>, depth: number): void {
  if (depth > 8 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectOriginFiles(item, into, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.file === 'string' && typeof record.line === 'number') into.add(record.file);
  for (const child of Object.values(record)) collectOriginFiles(child, into, depth + 1);
}

function normalise(file: string): string {
  return file.split(path.sep).join('/').replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * The analyses of every scanned file, in scan order: `analysed` (the scope's front-end runs) plus
 * the other files, checked only, or analysed by `analyzeRest` when an owned file needs every
 * file's constants.
 */
export async function completeShardAnalyses(input: {
  root: string;
  files: readonly string[];
  scope: PerFileScope;
  analysed: FileAnalysis[];
  owns: (file: string) => boolean;
  options: FrontEndOptions;
  maxBytes: number;
  analyzeRest: (files: string[]) => Promise<FileAnalysis[]>;
}): Promise<FileAnalysis[]> {
  const { scope } = input;
  if (scope.checkedOnly.length === 0) return input.analysed;
  const rest = needsEveryConstant(input.analysed, input.owns) ? await input.analyzeRest(scope.checkedOnly) : await checkOnly(input.root, scope.checkedOnly, input.options, input.maxBytes);
  return inScanOrder(input.files, input.analysed, rest);
}
