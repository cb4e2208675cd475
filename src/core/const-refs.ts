// Cross-file constant resolution without a second parse: front ends return the string constants
// each file exports and mark reads keyed by an unresolved identifier (`constRef`); here the two
// are joined. A relative `from` picks the exporting file; otherwise a name is used only when
// every exporting file agrees on its value, so an ambiguous name stays dynamic.
import path from 'node:path';
import type { FileFacts } from './facts.js';
import type { FileAnalysis } from './analyze-file.js';

const SOURCE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.js', '.rs', '/mod.rs', '.py', '/__init__.py'];

/** Reads the string constants a file exports, for files the prefilter skipped (never parsed). */
export type ConstantCollector = (file: string) => Record<string, string> | undefined;

export function resolveConstRefs(analyses: FileAnalysis[], fileFacts: FileFacts[], collect?: ConstantCollector): void {
  const byFile = new Map<string, Record<string, string>>();
  const byName = new Map<string, Set<string>>();
  for (const analysis of analyses) {
    if (!analysis.exportedConstants) continue;
    byFile.set(analysis.file, analysis.exportedConstants);
    for (const [name, value] of Object.entries(analysis.exportedConstants)) {
      const values = byName.get(name) ?? new Set<string>();
      values.add(value);
      byName.set(name, values);
    }
  }
  const known = new Set(analyses.map((a) => a.file));
  for (const file of fileFacts) {
    for (const fact of file.facts) {
      if (fact.kind !== 'env-read' || fact.name !== null || !fact.constRef) continue;
      if (collect && fact.constRef.from?.startsWith('.')) loadTarget(file.file, fact.constRef.from, known, byFile, byName, collect);
      const value = lookup(file.file, fact.constRef, byFile, byName);
      if (value !== undefined) {
        fact.name = value;
        delete fact.constRef;
      }
    }
  }
}

function lookup(
  importer: string,
  ref: { identifier: string; from?: string },
  byFile: Map<string, Record<string, string>>,
  byName: Map<string, Set<string>>,
): string | undefined {
  if (ref.from && ref.from.startsWith('.')) {
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(importer), ref.from.replace(/\.[cm]?js$/, '')));
    for (const ext of SOURCE_EXTENSIONS) {
      const constants = byFile.get(base + ext);
      // Own keys only: an import named `constructor` or `toString` is no constant of that file.
      if (constants && Object.hasOwn(constants, ref.identifier)) return constants[ref.identifier];
    }
  }
  const values = byName.get(ref.identifier);
  return values && values.size === 1 ? [...values][0] : undefined;
}

/** Lazily collects constants from the import target of a constRef when the prefilter skipped it. */
function loadTarget(
  importer: string,
  from: string,
  known: Set<string>,
  byFile: Map<string, Record<string, string>>,
  byName: Map<string, Set<string>>,
  collect: ConstantCollector,
): void {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(importer), from.replace(/\.[cm]?js$/, '')));
  for (const ext of SOURCE_EXTENSIONS) {
    const candidate = base + ext;
    if (byFile.has(candidate) || !known.has(candidate)) continue;
    const constants = collect(candidate);
    if (!constants) continue;
    byFile.set(candidate, constants);
    for (const [name, value] of Object.entries(constants)) {
      const values = byName.get(name) ?? new Set<string>();
      values.add(value);
      byName.set(name, values);
    }
    return;
  }
}
