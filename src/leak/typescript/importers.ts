// The first ring around the files that name a source: files that import one of them. Such a file
// receives secrets without naming a source (`import { getKey } from './config'`), so it is a root
// file of the leak Program too. Finding them must stay cheap on a 4,000-file monorepo, where
// `index`, `env` or `config` is a module name every other file mentions:
//
// 1. text tests (prefilters, never the decision): the file names the candidate's module (`/config`
//    followed by a quote or a dot, as an import specifier ends; a workspace package's entry by the
//    package name) and one of the candidate's exports that can carry a secret
//    (secret-carrying-exports.ts; an importer uses what it imports; a default or CommonJS export
//    can be imported under any name, so a candidate with one passes this test always);
// 2. the decision: the compiler's import scanner lists the file's imports and they are resolved as
//    the Program resolves them; only a real import of a candidate makes an importer.
import fs from 'node:fs';
import path from 'node:path';
import type { LeakProject } from './project.js';
import { mayContainSource, type SourceNeedles } from './prefilter.js';
import { carriersOf, secretCarryingExports } from './secret-carrying-exports.js';
import type { ts } from './compiler-api.js';

interface Candidate {
  /** Its real path (as imports resolve). */
  file: string;
  /** Its path as the caller gave it. */
  key: string;
  /** The module name an import specifier ends with (`config` for config.ts, `lib` or `index` for lib/index.ts). */
  moduleName: string;
  /** Names an importer would use, or null when any name can be (default or CommonJS exports). */
  exported: string[] | null;
}

/**
 * Files of `others` (absolute path to text) that import one of `candidates` (absolute paths, with
 * their texts). `exports`, when given, receives each candidate's exported names that can carry a
 * secret (secret-carrying-exports.ts; the result cache records them: an edit that keeps them
 * cannot change another file's importer status); names it already holds are used as they are. `handedOn`, when given, narrows those names to
 * the ones the taint engine found handing on a secret (handed-on-exports.ts): a file that imports
 * only other names of the candidate is no importer.
 */
export function importersOf(
  candidates: Map<string, string>,
  others: Map<string, string>,
  project: LeakProject,
  needles: SourceNeedles,
  exports?: Map<string, string[] | null>,
  handedOn?: ReadonlyMap<string, string[] | null>,
  imports?: ImportMemo,
): string[] {
  const names = new Map<string, string[] | null>();
  for (const [file, text] of candidates) {
    // A caller that computed the names already passes them in `exports`.
    const carrying = exports?.has(file) ? exports.get(file)! : carryingExports(file, text, project, needles);
    exports?.set(file, carrying);
    const narrowed = handedOn?.get(file);
    names.set(file, narrowed === undefined ? carrying : narrowed);
  }
  const index = candidateIndex(names, project);
  const found: string[] = [];
  for (const [file, text] of others) {
    // Resolution answers real paths; the scan's paths may run through a linked directory above the root.
    const named = new Set(namedCandidates(text, index).filter((candidate) => candidate.exported === null || candidate.exported.some((name) => text.includes(name))).map((candidate) => candidate.file));
    if (named.size === 0) continue;
    if (importsOfMemo(project, file, text, imports).some((imported) => named.has(imported))) found.push(file);
  }
  return found;
}

/**
 * For each candidate (absolute path) with a list of carrying export names, those that a file of
 * `others` mentions and that file really imports the candidate (importersOf's test, with the
 * imports). An export no importer mentions makes no importer whatever it carries, so
 * handed-on-exports.ts need not judge it. On dub the text test alone took Next.js route modules'
 * `POST` for mentioned wherever a file names some `/route` module beside a `method: "POST"`: 108
 * names were judged, where 85 are imported. `imports` remembers each file's resolved imports for importersOf.
 */
export function mentionedExports(others: Map<string, string>, project: LeakProject, exported: ReadonlyMap<string, string[] | null>, imports?: ImportMemo): Map<string, Set<string>> {
  const index = candidateIndex(exported, project);
  const mentioned = new Map<string, Set<string>>();
  for (const [file, text] of others) {
    let imported: ReadonlySet<string> | undefined;
    for (const candidate of namedCandidates(text, index)) {
      if (candidate.exported === null) continue;
      const names = candidate.exported.filter((name) => text.includes(name));
      if (names.length === 0) continue;
      imported ??= new Set(importsOfMemo(project, file, text, imports));
      if (!imported.has(candidate.file)) continue;
      const known = mentioned.get(candidate.key) ?? new Set<string>();
      for (const name of names) known.add(name);
      mentioned.set(candidate.key, known);
    }
  }
  return mentioned;
}

/** Resolved imports per file, shared by mentionedExports and importersOf within one pass. */
export type ImportMemo = Map<string, string[]>;

function importsOfMemo(project: LeakProject, file: string, text: string, memo: ImportMemo | undefined): string[] {
  const known = memo?.get(file);
  if (known) return known;
  const found = project.importsOf(file, text);
  memo?.set(file, found);
  return found;
}

interface CandidateIndex {
  byModuleName: Map<string, Candidate[]>;
  /** Unscoped package names (`import … from 'shared'`): a specifier with no `/` to find it after. */
  unscoped: Candidate[];
}

/** The candidates (absolute path -> names an importer can use) by the module names an import specifier ends with. */
function candidateIndex(names: ReadonlyMap<string, string[] | null>, project: LeakProject): CandidateIndex {
  const byModuleName = new Map<string, Candidate[]>();
  const unscoped: Candidate[] = [];
  for (const [file, exported] of names) {
    if (exported !== null && exported.length === 0) continue; // nothing any importer can receive
    const real = project.realPathOr(file);
    // A directory's index module is imported as `./config` or, spelled out, `./config/index.js`:
    // the text test looks for either last segment.
    // A workspace package's entry module is imported by the package's name (`@acme/shared`):
    // its last segment ends the specifier as a module name does.
    const packageNames = project.packageEntryNamesOf(real);
    for (const moduleName of [...moduleNamesOf(file), ...packageNames.filter((name) => name.includes('/')).map((name) => name.slice(name.lastIndexOf('/') + 1))]) {
      byModuleName.set(moduleName, [...(byModuleName.get(moduleName) ?? []), { file: real, key: file, moduleName, exported }]);
    }
    for (const name of packageNames.filter((name) => !name.includes('/'))) unscoped.push({ file: real, key: file, moduleName: name, exported });
  }
  return { byModuleName, unscoped };
}

/** The candidates whose module `text` names (`/name` then a quote or a dot, or an unscoped package name in quotes). */
function namedCandidates(text: string, index: CandidateIndex): Candidate[] {
  const found: Candidate[] = [];
  for (const moduleName of namedModules(text, index.byModuleName)) found.push(...index.byModuleName.get(moduleName)!);
  for (const candidate of index.unscoped) if (text.includes(`'${candidate.moduleName}'`) || text.includes(`"${candidate.moduleName}"`)) found.push(candidate);
  return found;
}

function moduleNamesOf(file: string): string[] {
  const base = path.basename(file).replace(/\.[cm]?[jt]sx?$/, '');
  return base === 'index' ? [path.basename(path.dirname(file)), base] : [base];
}

/**
 * The module names of `byModuleName` that `text` has as `/name` followed by a quote or a dot (an
 * import specifier's last segment). One pass over the text, whatever the number of module names:
 * after each `/`, every prefix ending before a quote or dot is looked up (a name never holds a `/`
 * or a line break, so the prefixes stop there, and at the longest name).
 */
function namedModules(text: string, byModuleName: Map<string, Candidate[]>): Set<string> {
  const found = new Set<string>();
  let longest = 0;
  for (const moduleName of byModuleName.keys()) longest = Math.max(longest, moduleName.length);
  for (let slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
    const limit = Math.min(text.length, slash + 1 + longest + 1);
    for (let at = slash + 1; at < limit; at++) {
      const c = text.charCodeAt(at);
      if (c === SLASH || c === NEWLINE) break;
      if (c === QUOTE || c === DOUBLE_QUOTE || c === DOT || c === BACKTICK) {
        const name = text.slice(slash + 1, at);
        if (byModuleName.has(name)) found.add(name);
      }
    }
  }
  return found;
}

const SLASH = 0x2f;
const NEWLINE = 0x0a;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const DOT = 0x2e;
const BACKTICK = 0x60;

/**
 * The candidate's exports an importer can receive a secret through (null: any name). `parsed`: a
 * Program's tree of the file, used when it was parsed from this very text (the nesting guard
 * leaves most texts as they are), instead of parsing the text again.
 */
export function carryingExports(file: string, text: string, project: LeakProject, needles: SourceNeedles, parsed?: ts.SourceFile): string[] | null {
  const isProjectModule = (specifier: string): boolean => project.resolveImport(file, specifier) !== undefined;
  // What a project module exports is not known here: any of it may carry.
  const questions = { namesSource: (fragment: string) => mayContainSource(fragment, needles), isProjectModule, importCarries: isProjectModule };
  return parsed?.text === text ? carriersOf(parsed, questions).exports : secretCarryingExports(file, text, questions);
}
