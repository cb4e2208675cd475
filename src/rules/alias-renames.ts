// no-deprecated-alias's fixes: where a use spells the alias as a whole token, and the rule that
// keeps a file consistent (every use of an alias in a file is renamed, or none is). Pure data:
// ranges come from the front ends; the fix engine checks the text before it edits.
import type { ConfigFact, EnvReadFact, Fact, FileFacts, NameRefFact, Range } from '../core/facts.js';
import type { Fix, FixEdit, Report } from '../core/rule.js';

/**
 * Where the fact spells the alias as a whole token: the front end's `nameRange`, else a range
 * that holds exactly the name (config keys), `secrets.X` in a workflow expression, or a one-line
 * string literal around it (`"X"`). Anything else (a name assembled from constants) has no certain edit.
 */
function aliasToken(fact: EnvReadFact | NameRefFact, name: string): Range | undefined {
  // A schema key (`z.object({ 'X': … }).parse(process.env)`) is also the property the code reads
  // from the parsed object elsewhere: renaming it alone would break those reads.
  if (fact.kind === 'env-read' && fact.via?.kind === 'schema') return undefined;
  if (fact.nameRange) return fact.nameRange;
  const { range } = fact;
  if (range.line !== range.endLine) return undefined;
  const width = range.endColumn - range.column;
  if (fact.kind === 'name-ref' && width === name.length) return range;
  // `secrets.X` in a workflow expression: the name ends the range.
  if (fact.kind === 'name-ref' && fact.context === 'workflow-secret' && width === 'secrets.'.length + name.length) {
    return { line: range.line, column: range.endColumn - name.length, endLine: range.line, endColumn: range.endColumn };
  }
  if (fact.kind === 'name-ref' && fact.context === 'string-literal' && width === name.length + 2) {
    return { line: range.line, column: range.column + 1, endLine: range.line, endColumn: range.endColumn - 1 };
  }
  return undefined;
}

/** `context\0name` of every name-ref of a file, built once per file. */
const keysByFacts = new WeakMap<readonly Fact[], Set<string>>();

function keysOf(facts: readonly Fact[]): Set<string> {
  let keys = keysByFacts.get(facts);
  if (!keys) {
    keys = new Set(facts.flatMap((f) => (f.kind === 'name-ref' ? [`${f.context}\u0000${f.name}`] : [])));
    keysByFacts.set(facts, keys);
  }
  return keys;
}

/** Renames the alias to its replacement where the token is certain; the fix engine checks the text is still the alias. */
export function renameFix(file: FileFacts, fact: EnvReadFact | NameRefFact, name: string, replacement: string): Fix | undefined {
  if (replacement === name) return undefined;
  // A key renamed onto a key the file already sets would duplicate it (invalid YAML, a shadowed `.env` line).
  if (fact.kind === 'name-ref' && fact.context !== 'string-literal' && keysOf(file.facts).has(`${fact.context}\u0000${replacement}`)) return undefined;
  const range = aliasToken(fact, name);
  if (!range) return undefined;
  // `{ OLD } = process.env` declares the local `OLD` too: `{ NEW: OLD }` renames the key and keeps it.
  const text = fact.kind === 'env-read' && fact.nameIsShorthand ? `${replacement}: ${name}` : replacement;
  return { edits: [{ file: file.file, range, text, expected: name }] };
}

/** One reported use of an alias, before the file-wide consistency check. */
export interface AliasUse {
  report: Report;
  name: string;
  replacement: string;
  /** The name-ref context (`workflow-env-key`, `string-literal`...), absent for env reads. */
  context?: string;
}

/**
 * A file is renamed consistently: the renames of an alias apply only if every use of it there
 * has one (a workflow `env:` key renamed while a read of it cannot be would break the step; an
 * `export X` renamed without its `$X`, the script). A workflow's `${{ env.X }}` references are
 * renamed with its `env:` keys, and hold the renames back when the file sets no such key.
 * String literals in code are not counted: they are suggestions, never applied by --fix.
 */
export function consistentRenames(file: FileFacts, uses: AliasUse[]): Report[] {
  const envRefs = new Map<string, ConfigFact[]>();
  for (const f of file.facts) {
    if (f.kind !== 'config' || f.type !== 'workflow-env-expression') continue;
    const name = String(f.data.name);
    envRefs.set(name, [...(envRefs.get(name) ?? []), f]);
  }
  const counted = uses.filter((u) => u.context !== 'string-literal');
  const complete = new Set<string>();
  for (const name of new Set(counted.map((u) => u.name))) {
    const ofName = counted.filter((u) => u.name === name);
    const refsCovered = !envRefs.has(name) || ofName.some((u) => u.context === 'workflow-env-key');
    if (refsCovered && ofName.every((u) => u.report.fix)) complete.add(name);
  }
  return uses.map(({ report, name, replacement, context }) => {
    if (context === 'string-literal' || !report.fix) return report;
    if (!complete.has(name)) {
      const { fix: _withheld, ...rest } = report;
      return rest;
    }
    if (context !== 'workflow-env-key' || !envRefs.has(name)) return report;
    const refEdits: FixEdit[] = envRefs.get(name)!.map((ref) => ({ file: file.file, range: ref.range, text: replacement, expected: name }));
    return { ...report, fix: { edits: [...report.fix.edits, ...refEdits] } };
  });
}
