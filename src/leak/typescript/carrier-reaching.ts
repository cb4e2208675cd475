// Source-reaching files (callee-names.ts), decided per imported name. A file can hand on a secret
// only if it names a source or imports something that carries one; importing a module that names
// a source is not enough when what it imports from there cannot carry it (`CRON_BATCH_SIZE` beside
// `qstash`, a component beside the env module). Deciding it per file, as the import graph alone
// does, makes nearly every file of a monorepo's app source-reaching once its `@/` imports resolve,
// and then every call in the app has its callee resolved and summarised.
//
// A least fixed point over the Program's files: the candidates (files naming a source) first, then
// any file whose import, re-export, `require` or `import()` binds a carrying export of a
// source-reaching file (secret-carrying-exports.ts decides what a file's exports carry, given what
// its imports carry). Carriers only grow as files become reaching, so the worklist ends.
import type { ts } from './compiler-api.js';
import { carriersOf } from './secret-carrying-exports.js';

export interface CarrierReach {
  /** Source-reaching files (the Program's file names). */
  reaching: Set<string>;
  /** For each reaching file, its exports that can carry a secret (null: any name). */
  carriers: Map<string, string[] | null>;
}

export interface CarrierReachInput {
  sourceFiles: readonly ts.SourceFile[];
  isCandidate(fileName: string): boolean;
  /** The project file an import specifier of `fileName` resolves to. */
  resolve(fileName: string, specifier: string): string | undefined;
  namesSource(text: string): boolean;
  /** Importing file -> the project files it imports (the Program's resolutions). */
  imports: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * `settled`: the answer for a Program closed under imports that this one extends (analyze.ts: the
 * candidates' Program, then the one with their importers). A file of it imports only files of it,
 * so its answer stands; only the other files are asked, starting from those that import a
 * source-reaching one.
 */
export function carrierReachingFiles(input: CarrierReachInput, settled?: { files: ReadonlySet<string>; reach: CarrierReach }): CarrierReach {
  const byName = new Map(input.sourceFiles.map((sourceFile) => [sourceFile.fileName, sourceFile]));
  const importers = new Map<string, string[]>();
  for (const [importer, imported] of input.imports) {
    for (const file of imported) importers.set(file, [...(importers.get(file) ?? []), importer]);
  }
  const reaching = new Set<string>(settled?.reach.reaching ?? []);
  const carriers = new Map<string, string[] | null>(settled?.reach.carriers ?? []);
  const isNew = (file: string): boolean => !settled?.files.has(file);
  const queued = new Set(input.sourceFiles.map((sourceFile) => sourceFile.fileName).filter((file) => isNew(file) && input.isCandidate(file)));
  for (const file of reaching) for (const importer of importers.get(file) ?? []) if (isNew(importer)) queued.add(importer);
  while (queued.size > 0) {
    const file = queued.values().next().value as string;
    queued.delete(file);
    const sourceFile = byName.get(file);
    if (!sourceFile || !isNew(file)) continue;
    const candidate = input.isCandidate(file);
    const answer = answerFor(sourceFile, candidate ? input.namesSource : undefined, input.resolve, reaching, carriers);
    const nowReaching = candidate || answer.receives;
    if (!nowReaching || (reaching.has(file) && sameExports(carriers.get(file), answer.exports))) continue;
    reaching.add(file);
    carriers.set(file, answer.exports);
    for (const importer of importers.get(file) ?? []) queued.add(importer);
  }
  return { reaching, carriers };
}

/** One file's carriers given what the files it imports carry so far (also used to check an edited file). */
export function answerFor(
  sourceFile: ts.SourceFile,
  /** Absent: the file names no source (it is not a candidate). */
  namesSource: ((text: string) => boolean) | undefined,
  resolve: (fileName: string, specifier: string) => string | undefined,
  reaching: ReadonlySet<string>,
  carriers: ReadonlyMap<string, string[] | null>,
): ReturnType<typeof carriersOf> {
  const file = sourceFile.fileName;
  const carries = importCarriesBy({ reaching, carriers }, resolve);
  return carriersOf(sourceFile, {
    namesSource,
    isProjectModule: (specifier) => resolve(file, specifier) !== undefined,
    importCarries: (specifier, name) => carries(sourceFile, specifier, name),
    reExportedCarriers(specifier) {
      const target = resolve(file, specifier);
      return target === undefined ? [] : carriers.get(target) ?? null;
    },
  });
}

function sameExports(a: string[] | null | undefined, b: string[] | null | undefined): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((name, index) => name === b[index]);
}

/**
 * Whether `fileName`'s import of `name` from `specifier` ('default'; '*': any export) binds
 * something that can carry a secret, by the reach found: the walker's question (taint.ts importCarries).
 */
export function importCarriesBy(reach: { reaching: ReadonlySet<string>; carriers: ReadonlyMap<string, string[] | null> }, resolve: (fileName: string, specifier: string) => string | undefined): (sourceFile: { fileName: string }, specifier: string, name: string) => boolean {
  return (sourceFile, specifier, name) => {
    const target = resolve(sourceFile.fileName, specifier);
    if (target === undefined || !reach.reaching.has(target)) return false;
    const exported = reach.carriers.get(target);
    return exported === null || exported === undefined || name === '*' || exported.includes(name);
  };
}
