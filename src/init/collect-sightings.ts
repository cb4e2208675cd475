// `clavis-lint init`, step 1: every env-style name the repository mentions, with where it was
// seen. The same front ends as a scan read the files (no parsing here), with an empty registry
// and the default configuration rooted at the directory being initialised: an existing config
// or registry is about to be replaced, so it must not shape (or break) what init finds.
import fs from 'node:fs';
import path from 'node:path';
import type { Fact, FileFacts, LanguageId } from '../core/facts.js';
import { compareCodeUnits } from '../core/compare.js';
import { configDefaults } from '../core/config.js';
import { discoverFiles } from '../core/discovery.js';
import { analyzeAll } from '../core/worker-pool.js';
import { applyEnvKeyHelpers } from '../core/env-key-helpers.js';
import { resolveConstRefs } from '../core/const-refs.js';
import { frontEndOptionsFor } from '../core/engine.js';
import { emptyRegistry } from '../registry/model.js';

/** Where a name was seen, in words a user recognises (and the resolver proposal counts `code`). */
export type SightingSource =
  | 'code'
  | 'shell'
  | 'env-file'
  | 'workflow-secret'
  | 'workflow-env'
  | 'compose'
  | 'kubernetes'
  | 'dockerfile'
  | 'docs-table';

export interface NameSighting {
  name: string;
  source: SightingSource;
  /** Root-relative path, `/` separators. */
  file: string;
  line: number;
  language: LanguageId;
  /** Test code (a test file, or a test block in a source file). */
  inTest: boolean;
  /** A workflow `env:` key whose value is `${{ secrets.X }}`: the X it receives (upper case). */
  receives?: string[];
}

export interface CollectedNames {
  root: string;
  sightings: NameSighting[];
  /** Files the front ends looked at. */
  files: number;
  /** Languages of those files (the next steps mention ESLint only for TS/JS). */
  languages: LanguageId[];
}

/** Languages whose env reads can move behind a resolver: they count towards `resolver.paths`. */
export const CODE_LANGUAGES: ReadonlySet<LanguageId> = new Set(['typescript', 'javascript', 'python', 'rust']);

/** Name-ref contexts that mention a name without naming a secret for init: docs are read from table rows only, string literals only exist for registry names. */
const IGNORED_REF_CONTEXTS = new Set(['docs', 'string-literal']);

export async function collectSightings(root: string, options: { workers?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<CollectedNames> {
  const config = configDefaults(root);
  const discovered = discoverFiles({ root, targets: [root], include: config.include, exclude: config.exclude });
  const feOptions = { ...frontEndOptionsFor(config, emptyRegistry()), leakAnalysis: false };
  const analyses = await analyzeAll({ root, files: discovered.files, options: feOptions, maxBytes: config.maxFileBytes, workers: options.workers, onProgress: options.onProgress });
  await applyEnvKeyHelpers(root, analyses, feOptions, config.maxFileBytes);
  const fileFacts = analyses.flatMap((a) => (a.facts ? [a.facts] : []));
  resolveConstRefs(analyses, fileFacts, await constantCollector(root, config.maxFileBytes, fileFacts));
  const sightings = fileFacts.flatMap(sightingsOf);
  const languages = [...new Set(analyses.flatMap((a) => (a.language ? [a.language] : [])))].sort(compareCodeUnits);
  return { root, sightings, files: analyses.filter((a) => a.language !== null).length, languages };
}

function sightingsOf(file: FileFacts): NameSighting[] {
  const out: NameSighting[] = [];
  const received = workflowBindings(file);
  const add = (name: string, source: SightingSource, fact: Fact, inTest?: boolean): void => {
    const receives = source === 'workflow-env' ? received.get(`${name}@${fact.range.line}`) : undefined;
    out.push({ name, source, file: file.file, line: fact.range.line, language: file.language, inTest: file.isTest === true || inTest === true, ...(receives ? { receives } : {}) });
  };
  for (const fact of file.facts) {
    if (fact.kind === 'env-read') {
      // Writes, deletes and save-for-restore copies name no secret the code needs.
      if (fact.name === null || fact.access) continue;
      add(fact.name, CODE_LANGUAGES.has(file.language) ? 'code' : sourceOfLanguage(file.language), fact, fact.inTest);
    } else if (fact.kind === 'name-ref' && !IGNORED_REF_CONTEXTS.has(fact.context)) {
      // GitHub secret names are case-insensitive; the registry spells them in upper case.
      const name = fact.context === 'workflow-secret' ? fact.name.toUpperCase() : fact.name;
      add(name, sourceOfRef(fact.context, file.language), fact, fact.inTest);
    } else if (fact.kind === 'config' && fact.type === 'docs-table-row' && fact.data.header !== true) {
      const names = Array.isArray(fact.data.names) ? fact.data.names : [];
      for (const name of names) if (typeof name === 'string') add(name, 'docs-table', fact);
    }
  }
  return out;
}

/** `NAME@line` of each workflow env key -> the `secrets.X` names its value reads. */
function workflowBindings(file: FileFacts): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const fact of file.facts) {
    if (fact.kind !== 'config' || fact.type !== 'workflow-env-binding') continue;
    const keyRange = fact.data.keyRange as { line?: number } | undefined;
    const key = `${String(fact.data.envName)}@${keyRange?.line ?? fact.range.line}`;
    out.set(key, [...(out.get(key) ?? []), String(fact.data.secretName).toUpperCase()]);
  }
  return out;
}

function sourceOfRef(context: string, language: LanguageId): SightingSource {
  if (context === 'workflow-secret') return 'workflow-secret';
  if (context === 'env-file-key') return 'env-file';
  if (context.startsWith('workflow-')) return 'workflow-env';
  if (context.startsWith('compose-')) return 'compose';
  if (context.startsWith('dockerfile-')) return 'dockerfile';
  if (context.startsWith('k8s-')) return 'kubernetes';
  return sourceOfLanguage(language);
}

function sourceOfLanguage(language: LanguageId): SightingSource {
  switch (language) {
    case 'workflow':
      return 'workflow-env';
    case 'compose':
      return 'compose';
    case 'kubernetes':
      return 'kubernetes';
    case 'dockerfile':
      return 'dockerfile';
    case 'dotenv':
      return 'env-file';
    case 'markdown':
      return 'docs-table';
    default:
      return CODE_LANGUAGES.has(language) ? 'code' : 'shell';
  }
}

/**
 * Exported string constants of TS/JS files the prefilter skipped, read only when an import needs
 * them (as the engine does); the TypeScript front end is loaded only then.
 */
async function constantCollector(root: string, maxBytes: number, fileFacts: FileFacts[]): Promise<((file: string) => Record<string, string> | undefined) | undefined> {
  const needed = fileFacts.some((f) => f.facts.some((fact) => fact.kind === 'env-read' && fact.constRef));
  if (!needed) return undefined;
  const { collectTypeScriptConstants } = await import('../languages/typescript/index.js');
  return (file) => {
    if (!/\.[cm]?[jt]sx?$/.test(file)) return undefined;
    try {
      const absolute = path.join(root, file);
      if (fs.statSync(absolute).size > maxBytes) return undefined;
      return collectTypeScriptConstants(file, fs.readFileSync(absolute, 'utf8'));
    } catch {
      return undefined;
    }
  };
}
