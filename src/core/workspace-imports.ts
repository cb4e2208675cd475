// Bare import specifiers resolved within the scan for the cross-file env passes: a monorepo's own
// package (`@acme/shared`) or a tsconfig `paths` alias (`@/lib/env`), resolved exactly as the leak
// analysis's compiler host resolves them (src/leak/typescript/project.ts: workspace packages mapped
// to their sources, nothing outside the project, never node_modules). The project is opened only
// when some file hands the environment to such an import, and only once.
import path from 'node:path';
import type { FileAnalysis } from './analyze-file.js';
import { isOpenHandoff, type ImportResolver } from './env-object-handoffs.js';

const LANGUAGES = new Set(['typescript', 'javascript']);

/** A resolver for the bare specifiers the analyses hand the environment to; undefined when none does. */
export async function workspaceImportResolver(root: string, analyses: readonly FileAnalysis[]): Promise<ImportResolver | undefined> {
  const needed = analyses.some((analysis) => (analysis.facts?.facts ?? []).some((fact) => isOpenHandoff(fact) && !fact.handedTo.specifier.startsWith('.')));
  if (!needed) return undefined;
  const { openLeakProject } = await import('../leak/typescript/project.js');
  const files = analyses.filter((analysis) => analysis.language && LANGUAGES.has(analysis.language)).map((analysis) => path.join(root, analysis.file));
  let project: ReturnType<typeof openLeakProject> | undefined;
  return (from, specifier) => {
    try {
      project ??= openLeakProject(root, { files });
      const resolved = project.resolveImport(path.join(root, from), specifier);
      return resolved === undefined ? undefined : path.relative(root, resolved).split(path.sep).join('/');
    } catch {
      return undefined; // an unreadable tsconfig or package.json: the handoff stays unknown, as before
    }
  };
}
