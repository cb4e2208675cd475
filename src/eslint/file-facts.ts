// Facts of the file ESLint is linting, computed once per file and shared by every clavis rule:
// the TS/JS front end on `sourceCode.text` (the same one the CLI runs), plus leak facts when
// typescript-eslint provides a Program.
import path from 'node:path';
import type { Fact, FileFacts } from '../core/facts.js';
import { isTestPath } from '../core/test-paths.js';
import { typescriptFrontEnd } from '../languages/typescript/index.js';
import { leakFactsFromProgram, type ProgramLike } from './leak-bridge.js';
import type { EslintProject } from './project.js';

export interface LintedFile {
  /** As given by ESLint (absolute in real runs). */
  filename: string;
  cwd: string;
  text: string;
  program: ProgramLike | null;
}

interface FactsEntry {
  base: FileFacts;
  leaks: Fact[] | undefined;
}

/** Keyed by ESLint's SourceCode object: one per file and lint pass, shared by all rules. */
const cache = new WeakMap<object, Map<string, FactsEntry>>();

const JS_EXTENSION = /\.[cm]?jsx?$/i;

export function relativeToRoot(project: EslintProject, absoluteFile: string): string {
  return path.relative(project.root, absoluteFile).split(path.sep).join('/');
}

function entryFor(key: object, project: EslintProject, file: LintedFile): FactsEntry {
  let byRoot = cache.get(key);
  if (!byRoot) cache.set(key, (byRoot = new Map()));
  let entry = byRoot.get(project.root);
  if (!entry) {
    const absolute = path.resolve(file.cwd, file.filename);
    const rel = relativeToRoot(project, absolute);
    const language = JS_EXTENSION.test(rel) ? 'javascript' : 'typescript';
    let facts: Fact[] = [];
    if (typescriptFrontEnd.prefilter(file.text, project.frontEndOptions)) {
      // The TS front end is synchronous; the contract allows a Promise, which ESLint cannot await.
      const result = typescriptFrontEnd.analyze(rel, file.text, project.frontEndOptions);
      if (!(result instanceof Promise)) facts = result.facts;
    }
    entry = { base: { file: rel, language, facts, isTest: isTestPath(rel) }, leaks: undefined };
    byRoot.set(project.root, entry);
  }
  return entry;
}

/** Front-end facts, plus leak facts when `withLeaks` and a Program is available. */
export function factsFor(key: object, project: EslintProject, file: LintedFile, withLeaks: boolean): FileFacts {
  const entry = entryFor(key, project, file);
  if (!withLeaks) return entry.base;
  if (entry.leaks === undefined) {
    entry.leaks = file.program
      ? leakFactsFromProgram(file.program, {
          absoluteFile: path.resolve(file.cwd, file.filename),
          text: file.text,
          root: project.root,
          inTest: entry.base.isTest === true,
          options: project.frontEndOptions,
        })
      : [];
  }
  return { ...entry.base, facts: [...entry.base.facts, ...entry.leaks] };
}
