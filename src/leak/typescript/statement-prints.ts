// Which top-level statements of a module an edit changed, and whether a root's walk can read one
// of them (issue 12: after editing one file, a rescan costs a fraction of the first). The recorded
// edges (incremental.ts) say which roots reach an edited module; most of those use a few of its
// declarations, and most edits touch one declaration or none (a comment, a helper only one route
// calls). TypeScript's own incremental builder skips a module's importers while the module's
// declaration output is unchanged; this is the same idea, finer, because the leak walk reads
// function bodies: a root is rerun only when a statement it can read changed.
//
// The walk and the checker go from a name to its declarations, never from a declaration to the
// code that mentions its name. So what a walk can read of a module, from a root that reaches it, is:
// - the declarations of the names it exports that a file the walk reads mentions (star-exports.ts,
//   readFiles: words of the text, so a doubt counts as a mention);
// - every statement that declares nothing (top-level code runs; `export default <expression>`)
//   and the default export;
// - then the declarations of the module's names these mention, and so on.
// An import binds its names without reading the others it imports; one statement that declares
// several names (`const { a, b } = f()`) is read for any of them. Export lists (`export { a as
// b }`, `export * from`) are the module's export shape, which the edit must keep.
//
// The names are grouped by the statements of the new text that mention them together, both ways
// (a margin: it also covers a statement that only assigns to a name read), and a group is read as
// a whole. The record keeps no words: the statements the edit left alone have the same words in
// both texts, and a changed one that a walk could read is found through the names it declares or,
// when it declares none, always.
//
// Statements are compared by the hash of their text, aligned by their common prefix and suffix, so
// that a reordering counts as a change. The comments and blank lines before a statement are not
// part of it (in a TypeScript module no comment is a type), unless they open the file and may
// hold a directive (`/// <reference>`, `@jsx`): a comment edited, a blank line added, is no change. The
// positions of each statement's text in both versions are recorded, so that a stored flow through
// an unchanged statement moves with it (walk-positions.ts).
import { hash } from 'node:crypto';
import { ts } from './compiler-api.js';
import { exportShape, forEachWord, type ExportShape } from './star-exports.js';
import { declaredNames, hasModifier } from './top-level-names.js';

/** A module's top-level statements as the leak record keeps them (statementPrints). */
export interface StatementPrints {
  /** Hash of the module's export shape (exportShape). */
  shape: string;
  /** Per statement in order: [hash, kind, ...the names it declares]. */
  statements: string[][];
  /** Per statement in order, where its text starts: offset, line, character (0-based), flat. */
  places: number[];
}

/** How a statement is read: an import binding, a declaration (for its names), code read always, an export list (the shape). */
type Kind = 'import' | 'declaration' | 'always' | 'export';

/** Stands for "always read" among names: the empty string is no identifier. */
const ALWAYS = '';

interface Described {
  statement: ts.Statement;
  hash: string;
  kind: Kind;
  declared: string[];
  /** Where its text starts (after the comments before it). */
  start: number;
}

/** The prints of a module; null when its exports are not all statements (a JavaScript file, `export =`). */
export function statementPrints(sourceFile: ts.SourceFile): StatementPrints | null {
  const shape = exportShape(sourceFile);
  if (!shape) return null;
  const described = describeAll(sourceFile);
  const places = described.flatMap((entry) => {
    const at = sourceFile.getLineAndCharacterOfPosition(entry.start);
    return [entry.start, at.line, at.character];
  });
  return { shape: shapePrint(shape), statements: described.map((entry) => [entry.hash, entry.kind, ...entry.declared]), places };
}

/** Whether the module exports what the prints recorded, by the same statements (a barrel's table of it is then the same). */
export function keepsExportShape(recorded: unknown, now: ts.SourceFile): boolean {
  const shape = exportShape(now);
  return isStatementPrints(recorded) && shape !== null && shapePrint(shape) === recorded.shape;
}

/**
 * Whether a walk that reads the names `used` of the module's exports can read a statement the edit
 * changed, from the recorded prints and the module's new syntax. True whenever it cannot tell (no
 * or a damaged record, another export shape).
 */
export function readsChangedStatement(recorded: unknown, now: ts.SourceFile, used: (exportName: string) => boolean): boolean {
  if (!isStatementPrints(recorded)) return true;
  const shape = exportShape(now);
  if (!shape || shapePrint(shape) !== recorded.shape) return true;
  const described = describeAll(now);
  const before = recorded.statements;
  const { prefix, suffix } = aligned(before, described);
  // An export list that changed keeps the shape (checked above): it reads nothing.
  const changedBefore = before.slice(prefix, before.length - suffix).map((entry) => ({ kind: entry[1] as Kind, declared: entry.slice(2) })).filter((entry) => entry.kind !== 'export');
  const changedAfter = described.slice(prefix, described.length - suffix).filter((entry) => entry.kind !== 'export');
  if (changedBefore.length === 0 && changedAfter.length === 0) return false;

  const names = new Set([...before.flatMap((entry) => entry.slice(2)), ...described.flatMap((entry) => entry.declared)]);
  const groups = new NameGroups();
  const lengths = new Set([...names].map((name) => name.length));
  for (const entry of described) {
    if (entry.kind === 'import' || entry.kind === 'export') continue;
    const first = entry.kind === 'always' ? ALWAYS : entry.declared[0]!;
    for (const name of entry.declared) groups.union(first, name);
    for (const word of wordsAmong(now.text, entry.statement.pos, entry.statement.end, names, lengths)) groups.union(first, word);
  }

  const read = new Set([groups.find(ALWAYS)]);
  for (const name of shape.names) {
    // Who imports the default export cannot be told by name: it counts as used (as a declaration
    // exported as default is always read).
    if (name !== 'default' && !used(name)) continue;
    // `export { local as name }` reads `local`; a re-export (`from`) reads another module.
    const form = shape.forms.find((candidate) => 'name' in candidate && candidate.name === name);
    const local = form && 'property' in form ? (form.from === undefined ? form.property : undefined) : name;
    if (local !== undefined && names.has(local)) read.add(groups.find(local));
  }
  const isRead = (name: string): boolean => read.has(groups.find(name));
  return [...changedBefore, ...changedAfter].some((entry) => entry.kind === 'always' || entry.declared.length === 0 || entry.declared.some(isRead));
}

/**
 * A statement the edit left alone, in both versions: its text starts at `oldStart` (line
 * `oldLine`, character `oldCharacter`, 0-based) and spans `length` characters and `lines` line
 * breaks; a position in it moves by the deltas, its character only on the statement's first line.
 */
export interface MovedStatement {
  oldStart: number;
  oldLine: number;
  oldCharacter: number;
  length: number;
  lines: number;
  /** In the old version, the character (0-based) where its text ends on its last line. */
  lastCharacter: number;
  offsetDelta: number;
  lineDelta: number;
  characterDelta: number;
}

/** The statements the edit left alone (see aligned), with where each moved; null when the record cannot say. */
export function editMap(recorded: unknown, now: ts.SourceFile): MovedStatement[] | null {
  if (!isStatementPrints(recorded)) return null;
  const described = describeAll(now);
  const { prefix, suffix } = aligned(recorded.statements, described);
  const pairs: Array<[number, number]> = [];
  for (let at = 0; at < prefix; at++) pairs.push([at, at]);
  for (let back = suffix; back > 0; back--) pairs.push([recorded.statements.length - back, described.length - back]);
  return pairs.map(([old, current]) => {
    const entry = described[current]!;
    const [oldStart, oldLine, oldCharacter] = recorded.places.slice(old * 3, old * 3 + 3) as [number, number, number];
    const at = now.getLineAndCharacterOfPosition(entry.start);
    const end = now.getLineAndCharacterOfPosition(entry.statement.end);
    const lines = end.line - at.line;
    return {
      oldStart,
      oldLine,
      oldCharacter,
      length: entry.statement.end - entry.start,
      lines,
      lastCharacter: lines === 0 ? end.character - at.character + oldCharacter : end.character,
      offsetDelta: entry.start - oldStart,
      lineDelta: at.line - oldLine,
      characterDelta: at.character - oldCharacter,
    };
  });
}

/** How many statements the two versions share at the start and, after those, at the end. */
function aligned(before: readonly string[][], described: readonly Described[]): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < before.length && prefix < described.length && before[prefix]![0] === described[prefix]!.hash) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < described.length - prefix && before[before.length - 1 - suffix]![0] === described[described.length - 1 - suffix]!.hash) suffix++;
  return { prefix, suffix };
}

/** The statements of a module. */
function describeAll(sourceFile: ts.SourceFile): Described[] {
  const described: Described[] = [];
  for (const [index, statement] of sourceFile.statements.entries()) {
    const isImport = ts.isImportDeclaration(statement);
    const declared = isImport ? importedNames(statement) : ts.isExportDeclaration(statement) ? [] : declaredNames(statement);
    // An export list is part of the export shape, compared as a whole.
    const kind: Kind = ts.isExportDeclaration(statement) ? 'export' : isImport ? 'import' : declared.length === 0 || hasModifier(statement, ts.SyntaxKind.DefaultKeyword) ? 'always' : 'declaration';
    // Comments before the first statement may be the file's directives (`/// <reference>`) or
    // pragmas (`@jsx`, `@ts-nocheck`): then they are part of it.
    const start = index === 0 && holdsDirective(sourceFile.text.slice(statement.pos, statement.getStart(sourceFile))) ? statement.pos : statement.getStart(sourceFile);
    described.push({ statement, hash: fingerprint(sourceFile.text.slice(start, statement.end)), kind, declared, start });
  }
  return described;
}

/** Whether comments may hold a triple-slash directive or a pragma (a doubt counts). */
function holdsDirective(comments: string): boolean {
  return comments.includes('///') || comments.includes('@');
}

/** The words of text[start, end) that are among `names` (words as star-exports.ts cuts them). */
function wordsAmong(text: string, start: number, end: number, names: ReadonlySet<string>, lengths: ReadonlySet<number>): Set<string> {
  const found = new Set<string>();
  forEachWord(text, start, end, (from, to) => {
    // Most words are not the module's names: compare only those of a length one has.
    if (!lengths.has(to - from)) return;
    const word = text.slice(from, to);
    if (names.has(word)) found.add(word);
  });
  return found;
}

function importedNames(statement: ts.ImportDeclaration): string[] {
  const clause = statement.importClause;
  if (!clause) return [];
  const names = clause.name ? [clause.name.text] : [];
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  else if (bindings) for (const element of bindings.elements) names.push(element.name.text);
  return names;
}

/** The record's print of an export shape. */
function shapePrint(shape: ExportShape): string {
  return fingerprint(JSON.stringify(shape));
}

/** A statement's identity across versions (sha256, cut to 96 bits). */
function fingerprint(text: string): string {
  return hash('sha256', text, 'base64').slice(0, 16);
}

const KINDS = new Set<unknown>(['import', 'declaration', 'always', 'export']);

export function isStatementPrints(value: unknown): value is StatementPrints {
  const prints = value as StatementPrints;
  return (
    typeof prints === 'object' &&
    prints !== null &&
    typeof prints.shape === 'string' &&
    Array.isArray(prints.places) &&
    prints.places.every((value) => Number.isInteger(value) && value >= 0) &&
    Array.isArray(prints.statements) &&
    prints.places.length === prints.statements.length * 3 &&
    prints.statements.every((entry) => Array.isArray(entry) && entry.length >= 2 && KINDS.has(entry[1]) && entry.every((part) => typeof part === 'string') && (entry[1] !== 'declaration' || entry.length > 2))
  );
}

/** Union-find over names. */
class NameGroups {
  private readonly parent = new Map<string, string>();

  find(name: string): string {
    let root = name;
    for (let next = this.parent.get(root); next !== undefined && next !== root; next = this.parent.get(root)) root = next;
    // Path compression: every name on the way now points at the group's representative.
    for (let step = name; step !== root; ) {
      const next = this.parent.get(step)!;
      this.parent.set(step, root);
      step = next;
    }
    return root;
  }

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}
