// Language id -> front end. A new language is a new front end emitting the same facts.
// Front ends are imported on demand: a TypeScript-only repo never loads the tree-sitter
// grammars, and a Rust-only repo never loads the TypeScript compiler.
import type { FrontEnd, LanguageId } from '../core/facts.js';
import { detectByPath } from './detect.js';

/**
 * TS/JS: the prefilter alone at first; the front end, and with it the compiler, is imported by the
 * first file that passes (a repository whose few scripts all fail the prefilter never loads it).
 */
async function typescriptFrontEnd(): Promise<FrontEnd> {
  const { mayHoldFacts } = await import('./typescript/prefilter.js');
  return {
    id: 'typescript',
    prefilter: mayHoldFacts,
    analyze: async (file, text, options) => (await import('./typescript/index.js')).typescriptFrontEnd.analyze(file, text, options),
  };
}

const LOADERS: Partial<Record<LanguageId, () => Promise<FrontEnd>>> = {
  typescript: typescriptFrontEnd,
  javascript: typescriptFrontEnd,
  rust: async () => (await import('./rust/index.js')).rustFrontEnd,
  python: async () => (await import('./python/index.js')).pythonFrontEnd,
  shell: async () => (await import('./shell/index.js')).shellFrontEnd,
  workflow: async () => (await import('./config/workflow.js')).workflowFrontEnd,
  compose: async () => (await import('./config/compose.js')).composeFrontEnd,
  kubernetes: async () => (await import('./config/kubernetes.js')).kubernetesFrontEnd,
  dockerfile: async () => (await import('./config/dockerfile.js')).dockerfileFrontEnd,
  dotenv: async () => (await import('./config/dotenv.js')).dotenvFrontEnd,
  markdown: async () => (await import('./config/markdown.js')).markdownFrontEnd,
};

const loaded = new Map<LanguageId, FrontEnd>();

/** Imports the front ends of these languages (once). Must run before `frontEndFor`. */
export async function loadFrontEnds(languages: Iterable<LanguageId>): Promise<void> {
  for (const language of languages) {
    if (loaded.has(language)) continue;
    const loader = LOADERS[language];
    if (loader) loaded.set(language, await loader());
  }
}

/** The front end of a language, if it was loaded with `loadFrontEnds`. */
export function frontEndFor(language: LanguageId): FrontEnd | undefined {
  return loaded.get(language);
}

/**
 * Languages the given paths may turn out to be, from the path alone: YAML may be Kubernetes,
 * and a file without an extension may be a shell script with a shebang.
 */
export function candidateLanguages(files: string[]): Set<LanguageId> {
  const out = new Set<LanguageId>();
  for (const file of files) {
    const guess = detectByPath(file);
    if (guess === 'yaml') out.add('kubernetes');
    else if (guess !== null) out.add(guess);
    else if (!file.slice(file.lastIndexOf('/') + 1).includes('.')) out.add('shell');
  }
  return out;
}
