// Which root files a shard's TypeScript leak Program needs. A leak is located at its sink, and the
// taint walk started at a root file only ever reaches code of the files that root imports,
// directly or through other project files (its Program closure: calls resolve to declarations
// there, callbacks it passes are its own code). So a leak located in an owned file can only be
// found from a root that is owned or whose closure holds an owned file; every other root is
// skipped, and the Program holds only what the kept roots import. Kept roots are walked in their
// original order, so "the best flow per sink" ties resolve as in an unsharded scan.
import fs from 'node:fs';

/**
 * The roots (in their order) that are owned or import an owned file, transitively. `importsOf`
 * lists the project files a file imports, as the Program resolves them (absolute paths).
 */
export function leakRootsForShard(roots: readonly string[], owns: (file: string) => boolean, importsOf: (file: string) => readonly string[]): string[] {
  // The import graph of every file the roots' Programs would load, each file's imports read once.
  const edges = new Map<string, readonly string[]>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (edges.has(file)) continue;
    const imported = importsOf(file);
    edges.set(file, imported);
    for (const next of imported) if (!edges.has(next)) queue.push(next);
  }
  // Files that reach an owned file: walk the edges backwards from the owned files.
  const importers = new Map<string, string[]>();
  for (const [file, imported] of edges) {
    for (const next of imported) importers.set(next, [...(importers.get(next) ?? []), file]);
  }
  const reaching = new Set<string>();
  const back = [...edges.keys()].filter(owns);
  for (const file of back) reaching.add(file);
  while (back.length > 0) {
    for (const importer of importers.get(back.pop()!) ?? []) {
      if (reaching.has(importer)) continue;
      reaching.add(importer);
      back.push(importer);
    }
  }
  return roots.filter((root) => reaching.has(root));
}

/** `importsOf` for leakRootsForShard: a file's text from the pass's own reads, else from disk (a file the scan does not list). */
export function importsFromTexts(texts: ReadonlyArray<ReadonlyMap<string, string>>, importsOf: (file: string, text: string) => string[]): (file: string) => string[] {
  return (file) => {
    let text = texts.map((map) => map.get(file)).find((found) => found !== undefined);
    if (text === undefined) {
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch {
        return [];
      }
    }
    return importsOf(file, text);
  };
}
