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
// Statements are compared by the hash of their full text (leading comments included: a JSDoc type
// is part of a declaration), aligned by their common prefix and suffix, so that a reordering
// counts as a change.
import { hash } from 'node:crypto';
import { ts } from './compiler-api.js';
import { exportShape } from './star-exports.js';

/** A module's top-level statements as the leak record keeps them (statementPrints). */
export interface StatementPrints {
  /** Hash of the module's export shape (exportShape). */
  shape: string;
  /** Per statement in order: [hash, kind, ...the names it declares]. */
  statements: string[][];
  /** Where the last statement ends: [offset, line (0-based)] (editMap); absent in older records. */
  end?: number[];
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
}

/** The prints of a module; null when its exports are not all statements (a JavaScript file, `export =`). */
export function statementPrints(sourceFile: ts.SourceFile): StatementPrints | null {
  const shape = exportShape(sourceFile);
  if (!shape) return null;
  const end = sourceFile.statements.at(-1)?.end ?? 0;
  return { shape: fingerprint(JSON.stringify(shape)), statements: describeAll(sourceFile).map((entry) => [entry.hash, entry.kind, ...entry.declared]), end: [end, sourceFile.getLineAndCharacterOfPosition(end).line] };
}

/** Whether the module exports what the prints recorded, by the same statements (a barrel's table of it is then the same). */
export function keepsExportShape(recorded: unknown, now: ts.SourceFile): boolean {
  const shape = exportShape(now);
  return isStatementPrints(recorded) && shape !== null && fingerprint(JSON.stringify(shape)) === recorded.shape;
}

/**
 * Whether a walk that reads the names `used` of the module's exports can read a statement the edit
 * changed, from the recorded prints and the module's new syntax. True whenever it cannot tell (no
 * or a damaged record, another export shape).
 */
export function readsChangedStatement(recorded: unknown, now: ts.SourceFile, used: (exportName: string) => boolean): boolean {
  if (!isStatementPrints(recorded)) return true;
  const shape = exportShape(now);
  if (!shape || fingerprint(JSON.stringify(shape)) !== recorded.shape) return true;
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

/** Where the module's text is the one the prints were recorded from (editMap). */
export interface EditMap {
  /** Both texts are the same up to this offset: positions before it did not move. */
  prefixEnd: number;
  /**
   * Both texts are the same again from here to the end of their last statements (the statements
   * after the last change): a position there moved by these deltas, its column too on the line
   * where this part starts (`oldStartLine`, 0-based), and not on the lines after it.
   */
  suffix?: { oldStart: number; oldStartLine: number; offsetDelta: number; lineDelta: number };
}

/** Where the module's text is unchanged since the prints, in the old text's coordinates; null when the record cannot say. */
export function editMap(recorded: unknown, now: ts.SourceFile): EditMap | null {
  if (!isStatementPrints(recorded)) return null;
  const described = describeAll(now);
  const { prefix, suffix } = aligned(recorded.statements, described);
  const lastEnd = now.statements.at(-1)?.end ?? 0;
  // Every statement as recorded (some may follow in the record): only what follows the last one may differ.
  const prefixEnd = prefix < described.length ? described[prefix]!.statement.pos : lastEnd;
  const end = recorded.end;
  if (suffix === 0 || !Array.isArray(end) || !Number.isInteger(end[0]) || !Number.isInteger(end[1])) return { prefixEnd };
  // The shared statements at the end have the same text in both: the offsets and lines of where
  // they start differ as those of where they end.
  const newStart = described[described.length - suffix]!.statement.pos;
  const offsetDelta = lastEnd - end[0]!;
  const lineDelta = now.getLineAndCharacterOfPosition(lastEnd).line - end[1]!;
  return { prefixEnd, suffix: { oldStart: newStart - offsetDelta, oldStartLine: now.getLineAndCharacterOfPosition(newStart).line - lineDelta, offsetDelta, lineDelta } };
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
  for (const statement of sourceFile.statements) {
    const isImport = ts.isImportDeclaration(statement);
    const declared = isImport ? importedNames(statement) : ts.isExportDeclaration(statement) ? [] : declaredNames(statement);
    // An export list is part of the export shape, compared as a whole.
    const kind: Kind = ts.isExportDeclaration(statement) ? 'export' : isImport ? 'import' : declared.length === 0 || isDefaultExport(statement) ? 'always' : 'declaration';
    // The full text: leading comments belong to the statement (a JSDoc type is part of a declaration).
    described.push({ statement, hash: fingerprint(statement.getFullText(sourceFile)), kind, declared });
  }
  return described;
}

/** ASCII letters, digits, `_` and `$` (with any non-ASCII character: wordsOf's word characters). */
const WORD_CHARACTER = new Uint8Array(128).map((_, code) => ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36 ? 1 : 0));

/** The words of text[start, end) that are among `names` (words as star-exports.ts's wordsOf cuts them). */
function wordsAmong(text: string, start: number, end: number, names: ReadonlySet<string>, lengths: ReadonlySet<number>): Set<string> {
  const found = new Set<string>();
  let from = -1;
  for (let at = start; at <= end; at++) {
    const code = at < end ? text.charCodeAt(at) : 32;
    if (code > 127 || WORD_CHARACTER[code] === 1) {
      if (from < 0) from = at;
    } else if (from >= 0) {
      // Most words are not the module's names: compare only those of a length one has.
      if (lengths.has(at - from)) {
        const word = text.slice(from, at);
        if (names.has(word)) found.add(word);
      }
      from = -1;
    }
  }
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

/** The names a statement declares at the top level of its module (none for code that only runs). */
function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((declaration) => bindingNames(declaration.name));
  if (ts.isImportEqualsDeclaration(statement)) return [statement.name.text];
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement) || ts.isEnumDeclaration(statement) || ts.isModuleDeclaration(statement)) {
    return statement.name && ts.isIdentifier(statement.name) ? [statement.name.text] : [];
  }
  return [];
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

function isDefaultExport(statement: ts.Statement): boolean {
  return ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
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
    Array.isArray(prints.statements) &&
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
