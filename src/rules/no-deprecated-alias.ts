import type { Fact, Range } from '../core/facts.js';
import { defineRule, type Report, type Suggestion } from '../core/rule.js';
import { consistentRenames, renameFix, type AliasUse } from './alias-renames.js';
import { containmentIndex } from '../core/range-containment.js';

/** `line\0name` of every string literal naming a registry name, built once per file (a lookup per use stays O(1)). */
const literalNamesByFacts = new WeakMap<readonly Fact[], { count: number; literals: Set<string> }>();

function namesReplacementOnLine(facts: readonly Fact[], line: number, replacement: string): boolean {
  let cached = literalNamesByFacts.get(facts);
  if (!cached || cached.count !== facts.length) {
    cached = { count: facts.length, literals: new Set() };
    for (const f of facts) if (f.kind === 'name-ref' && f.context === 'string-literal' && f.name !== null) cached.literals.add(`${f.range.line}\u0000${f.name}`);
    literalNamesByFacts.set(facts, cached);
  }
  return cached.literals.has(`${line}\u0000${replacement}`);
}

export default defineRule({
  meta: {
    id: 'no-deprecated-alias',
    area: 'lifecycle',
    defaultSeverity: 'error',
    description: 'Report every use of a deprecated secret alias: a warning before its removal date, an error on and after it.',
    rationale:
      'A deprecated alias is a name the registry has promised to retire on `remove_after`. Every remaining reader, workflow, manifest or `.env` file that still uses it breaks (or silently falls back) on that day. Reporting uses as warnings before the date gives owners a migration window; turning them into errors on the date (or at once with `--hard-cut`) makes the cut enforceable instead of aspirational. Inside `resolver.paths` the resolver reads the alias on purpose, as its fallback: that is reported only on or after the removal date (or with `--hard-cut`), when the fallback itself has to go.',
    fix: "Rename the use to the replacement name the message gives (usually the secret's canonical env name). In CI and deployment config, add the new name first, then drop the old one. `--fix` renames the alias where the name is written literally as a whole token (`process.env.X`, `os.environ[\"X\"]`, `$X`, a config key, `${{ secrets.X }}`); a shorthand `{ X } = process.env` becomes `{ NEW: X }` (the local variable keeps its name). A string literal that is not the key of an env read (`env['X']` on a parsed config, a settings map) is only offered as an ESLint suggestion: its other spellings are out of sight. In one file every use of an alias is renamed, or none is (a workflow's `${{ env.X }}` references go with its `env:` key). A name assembled from constants, or a schema key (`z.object({ X: … })`, read back by that key elsewhere), is left for you (with the other uses of that alias in its file), as is a fallback read inside `resolver.paths`. Renaming a key in a deployed environment (CI secrets, a `.env` that a server reads) still needs the new name set there.",
    messages: {
      deprecated: "'{{name}}' is a deprecated alias of {{secretId}}; use '{{replacement}}' instead (removal after {{removeAfter}}).",
      removed: "'{{name}}' is a deprecated alias of {{secretId}} whose removal date {{removeAfter}} is reached; use '{{replacement}}' instead.",
      noDate: "'{{name}}' is a deprecated alias of {{secretId}}; use '{{replacement}}' instead (no removal date is set).",
      hardCut: "'{{name}}' is a deprecated alias of {{secretId}} and deprecated aliases are no longer accepted (hard cut, removal date {{removeAfter}}); use '{{replacement}}' instead.",
    },
    cwe: ['CWE-1104'],
    securitySeverity: '3.0',
    precision: 'very-high',
    appliesTo: ['typescript', 'javascript', 'rust', 'python', 'shell', 'workflow', 'compose', 'kubernetes', 'dockerfile', 'dotenv'],
    fixable: 'code',
    hasSuggestions: true,
    suggestionMessages: {
      renameLiteral: "Rename the string to '{{replacement}}' (check the other places that use this key).",
    },
    bad: [
      { lang: 'ts', code: 'const key = process.env.OPENROUTER_KEY;' },
      { lang: 'yaml', code: 'env:\n  OPENROUTER_KEY: ${{ secrets.OPENROUTER_KEY }}' },
    ],
    good: [
      { lang: 'ts', code: "const key = await resolveSecret('OpenRouterApiKey');" },
      { lang: 'yaml', code: 'env:\n  OPENROUTER_API_KEY: ${{ secrets.OPENROUTER_API_KEY }}' },
    ],
  },
  *checkFile(file, ctx) {
    // The registry is where aliases are declared; docs pages are judged by docs-drift, which
    // knows whether a row presents the alias as deprecated.
    if (ctx.settings.registryFiles.includes(file.file) || file.language === 'markdown') return;
    // Inside the resolver, reading a deprecated alias is how the resolver keeps it working until
    // its removal date: only the date (or a hard cut) makes it a finding there.
    const inResolver = ctx.isResolverPath(file.file);
    // Env-read ranges by name, indexed once: testing every read for every name-ref is quadratic.
    const readRanges = new Map<string, Range[]>();
    for (const f of file.facts) {
      if (f.kind !== 'env-read' || f.name === null) continue;
      const list = readRanges.get(f.name);
      if (list) list.push(f.range);
      else readRanges.set(f.name, [f.range]);
    }
    const insideRead = new Map<string, (range: Range) => boolean>();
    const isInsideRead = (name: string, range: Range): boolean => {
      let test = insideRead.get(name);
      if (!test) insideRead.set(name, (test = containmentIndex(readRanges.get(name) ?? [])));
      return test(range);
    };
    const uses: AliasUse[] = [];
    for (const fact of file.facts) {
      if (fact.kind !== 'env-read' && fact.kind !== 'name-ref') continue;
      if (fact.name === null || (fact.kind === 'name-ref' && fact.context === 'docs')) continue;
      // Saving and restoring the environment does not use the alias; neither does a test setting
      // or clearing it (it exercises the fallback). Production code that sets it keeps it alive.
      if (fact.kind === 'env-read' && (fact.access === 'snapshot' || (fact.access && (fact.inTest || file.isTest)))) continue;
      const info = ctx.names.get(fact.name);
      if (!info || info.role !== 'deprecated' || !info.deprecated) continue;
      // A string literal that is the key of an env read is the same use, reported once.
      if (fact.kind === 'name-ref' && isInsideRead(fact.name, fact.range)) continue;
      // `"TURSO_URL" => "VOX_DB_URL"`: a literal that names the alias beside its replacement describes
      // the deprecation (a migration table, a retired-name detector); it does not use the alias.
      if (fact.kind === 'name-ref' && fact.context === 'string-literal' && namesReplacementOnLine(file.facts, fact.range.line, info.deprecated.replacement || info.secret.env)) continue;
      const removeAfter = info.deprecated.removeAfter;
      const removalReached = !!removeAfter && ctx.today >= removeAfter;
      if (inResolver && !ctx.hardCut && !removalReached) continue;
      const data = { name: fact.name, secretId: info.secret.id, replacement: info.deprecated.replacement || info.secret.env, removeAfter: removeAfter ?? 'none' };
      // Inside the resolver the alias is a fallback beside the canonical read: renaming it would read
      // one name twice; removing the fallback is a decision for its owner, not a certain edit.
      const rename = inResolver ? undefined : renameFix(file, fact, fact.name, data.replacement);
      // A string literal in code that is not the key of an env read may be a key into anything (a
      // parsed config object, a settings map) whose other spellings the linter cannot see: the same
      // rename is offered as an ESLint suggestion, never applied by --fix.
      const literal = fact.kind === 'name-ref' && fact.context === 'string-literal';
      const fix = literal ? undefined : rename;
      const suggestions: Suggestion[] | undefined = literal && rename ? [{ messageId: 'renameLiteral', data: { replacement: data.replacement }, fix: rename }] : undefined;
      const base = { data, file: file.file, range: fact.range, secretId: info.secret.id, envName: fact.name, ...(fix ? { fix } : {}), ...(suggestions ? { suggestions } : {}) };
      const report: Report = ctx.hardCut
        ? { ...base, messageId: 'hardCut', severity: 'error' }
        : !removeAfter
          ? { ...base, messageId: 'noDate', severity: 'warning' }
          : removalReached
            ? { ...base, messageId: 'removed', severity: 'error' }
            : { ...base, messageId: 'deprecated', severity: 'warning' };
      uses.push({ report, name: fact.name, replacement: data.replacement, ...(fact.kind === 'name-ref' ? { context: fact.context } : {}) });
    }
    yield* consistentRenames(file, uses);
  },
});
