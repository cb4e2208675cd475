// Env names held in Rust constants of a file the prefilter skipped. resolveConstRefs
// (const-refs.ts) joins a read keyed by `SOME_KEY` with the constants the parsed files export; a
// module that only defines names (`pub const REPO_CONFIG_KEY: &str = "GOOSE_RECIPE_GITHUB_REPO";`)
// reads no environment, so the prefilter skipped it and its constants were never collected: the
// read stayed a "name that is not a constant". Here the skipped Rust files that spell one of the
// wanted identifiers are parsed for their constants (once each), and a name is used only when
// every file defining it agrees on its value, as for parsed files.
import type { FileAnalysis } from './analyze-file.js';
import type { FileFacts } from './facts.js';
import type { ProjectTexts } from './project-texts.js';

export async function resolveRustSkippedConstants(analyses: readonly FileAnalysis[], fileFacts: readonly FileFacts[], texts: ProjectTexts): Promise<void> {
  const rustFiles = new Set(analyses.filter((analysis) => analysis.language === 'rust').map((analysis) => analysis.file));
  const refs = fileFacts.flatMap((file) =>
    rustFiles.has(file.file) ? file.facts.filter((fact) => fact.kind === 'env-read' && fact.name === null && fact.constRef !== undefined && fact.constRef.from === undefined && fact.constRef.module === undefined) : [],
  );
  if (refs.length === 0) return;
  const wanted = new Set(refs.map((fact) => (fact.kind === 'env-read' ? fact.constRef!.identifier : '')));
  const skipped = analyses.filter((analysis) => analysis.language === 'rust' && analysis.prefiltered && !analysis.generated);
  const candidates: Array<{ file: string; text: string }> = [];
  for (const analysis of skipped) {
    const text = texts.text(analysis.file);
    if (text !== null && [...wanted].some((name) => text.includes(name))) candidates.push({ file: analysis.file, text });
  }
  if (candidates.length === 0) return;
  const { collectRustConstants, prepareRustFrontEnd } = await import('../languages/rust/index.js');
  await prepareRustFrontEnd();
  const values = new Map<string, Set<string>>();
  const add = (constants: Record<string, string> | undefined): void => {
    for (const [name, value] of Object.entries(constants ?? {})) {
      if (!wanted.has(name)) continue;
      const known = values.get(name) ?? new Set<string>();
      known.add(value);
      values.set(name, known);
    }
  };
  // The parsed files' constants too: a name they define differently makes the name ambiguous.
  for (const analysis of analyses) if (analysis.language === 'rust') add(analysis.exportedConstants);
  for (const { file, text } of candidates) add(collectRustConstants(file, text));
  for (const fact of refs) {
    if (fact.kind !== 'env-read' || !fact.constRef) continue;
    const known = values.get(fact.constRef.identifier);
    if (known?.size !== 1) continue;
    fact.name = [...known][0]!;
    delete fact.constRef;
  }
}
