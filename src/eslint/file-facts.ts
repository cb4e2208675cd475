// What every clavis rule needs for the file ESLint is linting, computed once per file and shared:
// the project (config + registry, or the problem that stopped it), the facts of the TS/JS front
// end on `sourceCode.text` (the same one the CLI runs), and leak facts when typescript-eslint
// provides a Program. `clavis/setup` computes it first when it is on (so TIMING=1 shows the
// shared cost under its name); otherwise the first clavis rule to run on the file does.
import path from 'node:path';
import type { Fact, FileFacts } from '../core/facts.js';
import { isTestPath } from '../core/test-paths.js';
import { typescriptFrontEnd } from '../languages/typescript/index.js';
import { leakFactsFromProgram, type ProgramLike } from './leak-bridge.js';
import { projectFor, type ClavisLocation, type EslintProject, type ProjectResult } from './project.js';

export interface LintedFile {
  /** As given by ESLint (absolute in real runs). */
  filename: string;
  cwd: string;
  text: string;
  program: ProgramLike | null;
}

export interface FileState {
  result: ProjectResult;
  /** Set once a rule has reported `result.problem` on this file: the problem is one message, not one per rule. */
  problemReported: boolean;
  base?: FileFacts;
  leaks?: Fact[];
}

/** Keyed by ESLint's SourceCode object (one per file and lint pass), then by location. */
const states = new WeakMap<object, Map<string, FileState>>();

const JS_EXTENSION = /\.[cm]?jsx?$/i;

export function relativeToRoot(project: EslintProject, absoluteFile: string): string {
  return path.relative(project.root, absoluteFile).split(path.sep).join('/');
}

/** The shared state of one file for one config/registry location. */
export function fileState(key: object, file: LintedFile, location: ClavisLocation): FileState {
  let byLocation = states.get(key);
  if (!byLocation) states.set(key, (byLocation = new Map()));
  const locationKey = `${location.config ?? ''}\u0000${location.registry ?? ''}`;
  let state = byLocation.get(locationKey);
  if (!state) {
    state = { result: projectFor(file.filename, file.cwd, location), problemReported: false };
    byLocation.set(locationKey, state);
  }
  return state;
}

/** Front-end facts of the file (computed once). */
export function baseFacts(state: FileState, project: EslintProject, file: LintedFile): FileFacts {
  if (!state.base) {
    const rel = relativeToRoot(project, path.resolve(file.cwd, file.filename));
    const language = JS_EXTENSION.test(rel) ? 'javascript' : 'typescript';
    let facts: Fact[] = [];
    if (typescriptFrontEnd.prefilter(file.text, project.frontEndOptions)) {
      // The TS front end is synchronous; the contract allows a Promise, which ESLint cannot await.
      const result = typescriptFrontEnd.analyze(rel, file.text, project.frontEndOptions);
      if (!(result instanceof Promise)) facts = result.facts;
    }
    state.base = { file: rel, language, facts, isTest: isTestPath(rel) };
  }
  return state.base;
}

/** Leak facts from typescript-eslint's Program (computed once; none without a Program). */
export function leakFacts(state: FileState, project: EslintProject, file: LintedFile): Fact[] {
  if (!state.leaks) {
    const base = baseFacts(state, project, file);
    state.leaks = file.program
      ? leakFactsFromProgram(file.program, {
          absoluteFile: path.resolve(file.cwd, file.filename),
          text: file.text,
          root: project.root,
          inTest: base.isTest === true,
          options: project.frontEndOptions,
        })
      : [];
  }
  return state.leaks;
}

/** Front-end facts, plus leak facts when `withLeaks`. */
export function factsFor(state: FileState, project: EslintProject, file: LintedFile, withLeaks: boolean): FileFacts {
  const base = baseFacts(state, project, file);
  if (!withLeaks) return base;
  return { ...base, facts: [...base.facts, ...leakFacts(state, project, file)] };
}
