import type { ConfigFact, FileFacts, Range } from '../core/facts.js';
import { defineRule, type Report, type RuleContext } from '../core/rule.js';
import { blockContentHash } from '../docs/block-hash.js';
import { blockColumns, expectedBlockContent } from '../docs/block-content.js';
import { documentedIn, DOCS_PAGE_SCOPES, isTestHarnessName, secretScopes } from './secret-scopes.js';

interface NameAt {
  name: string;
  range: Range;
}

interface Row {
  group: string;
  names: NameAt[];
  /** For table rows, the column of each name (index-aligned with `names`); lists have none. */
  columns: number[] | null;
  deprecatedMarked: boolean;
  block: string | null;
}

function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\.\//, '');
}

/**
 * Secret-list heuristic: a table (or a list) is a list of secrets when at least one of its rows
 * names a registry entry, and in a table only the columns where registry names appear list
 * variables (an error-code table that mentions a variable in its "Recovery" column does not make
 * its codes variables). Only there are unregistered names reported, and only names that look like
 * secrets (`secret_patterns`, the test `no-unregistered-secret-env` applies): env-var reference
 * tables mix secrets with settings such as `LOG_LEVEL`, which are not drift.
 */
function rowsOf(file: FileFacts): Row[] {
  const rows: Row[] = [];
  for (const fact of file.facts) {
    if (fact.kind !== 'config') continue;
    if (fact.type === 'docs-table-row' && !fact.data.header) {
      rows.push({ group: `table:${fact.data.table}`, names: fact.data.nameRanges as NameAt[], columns: (fact.data.nameColumns as number[] | undefined) ?? null, deprecatedMarked: fact.data.deprecatedMarked === true, block: (fact.data.block as string | null) ?? null });
    } else if (fact.type === 'docs-list-item') {
      rows.push({ group: `list:${fact.data.list}`, names: fact.data.nameRanges as NameAt[], columns: null, deprecatedMarked: fact.data.deprecatedMarked === true, block: (fact.data.block as string | null) ?? null });
    }
  }
  return rows;
}

function isRemoved(removeAfter: string | undefined, ctx: RuleContext): boolean {
  return removeAfter !== undefined && ctx.today > removeAfter;
}

export default defineRule({
  meta: {
    id: 'docs-drift',
    area: 'drift',
    defaultSeverity: 'warn',
    description: "Report docs pages whose list of secrets disagrees with the registry: missing, unknown, deprecated or removed names, and stale generated blocks.",
    rationale:
      'Operators set secrets from the docs. A page that omits a secret, lists one the code no longer reads, presents a deprecated alias as the name to use or still documents an alias past its removal date sends people to configure the wrong thing, and that is usually found out in production. Only pages listed under `docs:` in the config are checked (`.md`, `.mdx`, `.markdown`); a listed page that is scanned but cannot be read as Markdown is reported, never silently skipped. A page mentions a secret in a table, a list, inline code, or a `.env` template in a shell, env or plain code block (`NAME=…`, `export NAME=…`, `# NAME=…` for an optional one). Secrets that live only in CI (every reference is a `${{ secrets.X }}` in a workflow, or `scope: ci` in the registry), and secrets only tests read (CI may hand them over; a registry `scope:` overrides this) or named for a test harness (`TEST_…`, `E2E_…`), and secrets only sample projects read (code under `examples/`, `demo/`, `cookbook/` and the like, which documents its own keys; also a secret no scanned code reads that only samples\' example env files list, such as a sandbox key the sample\'s SDK reads; a registry `scope:` overrides this) need not be on the page.',
    fix: 'Put a generated table between `<!-- clavis-lint:begin secrets-table -->` and `<!-- clavis-lint:end -->` and run `clavis-lint docs --fix`; otherwise edit the page: add missing secrets, mark aliases as deprecated with their removal date, and drop names the registry no longer has. `--fix` renames a removed alias to its replacement where the page does not name the replacement yet (otherwise it would list the secret twice); `docs --fix` regenerates the marked blocks.',
    messages: {
      missing: "registry secret '{{name}}' ({{secretId}}) is not mentioned on any configured docs page ({{pages}}).",
      missingUnreferenced: "registry secret '{{name}}' ({{secretId}}) is not mentioned on any configured docs page ({{pages}}) and no scanned code reads it; document it if a library reads it implicitly, or drop the registry entry if it is unused.",
      unknown: "'{{name}}' is listed as a secret but the registry does not know it.",
      deprecatedAsCurrent: "'{{name}}' is a deprecated alias of {{secretId}} but is not marked deprecated here; document '{{replacement}}' (removal after {{removeAfter}}).",
      removed: "'{{name}}' was removed on {{removeAfter}} (alias of {{secretId}}) but is still documented; remove it or point to '{{replacement}}'.",
      staleBlock: "the generated '{{block}}' block is out of date with the registry; run `clavis-lint docs --fix`.",
      unterminatedBlock: "the '{{block}}' block has no '<!-- clavis-lint:end -->' marker.",
      unreadPage: "docs page '{{path}}' is configured under `docs:` but was not read as Markdown (only .md, .mdx and .markdown pages are; or it could not be read, see errors), so its secrets are not checked.",
    },
    cwe: ['CWE-1059'],
    securitySeverity: '2.0',
    precision: 'medium',
    appliesTo: ['markdown'],
    fixable: 'code',
    bad: [{ lang: 'md', code: '| Name | Purpose |\n| --- | --- |\n| `OPENROUTER_KEY` | LLM gateway key |' }],
    good: [
      {
        lang: 'md',
        code: '| Name | Purpose |\n| --- | --- |\n| `OPENROUTER_API_KEY` | LLM gateway key |\n| `GITHUB_TOKEN` | CI automation |\n| `STRIPE_SECRET_KEY` | billing |',
      },
    ],
  },
  *checkFile(file, ctx): Generator<Report> {
    if (file.language !== 'markdown') return;
    const page = ctx.settings.docs.find((d) => normalizePath(d.path) === normalizePath(file.file));
    if (!page) return;
    const report = (messageId: string, range: Range, data: Record<string, string>, extra: Partial<Report> = {}): Report => ({ messageId, data, file: file.file, range, ...extra });

    // Generated blocks are checked as a whole; their rows are not re-judged name by name.
    const blocks = file.facts.filter((f): f is ConfigFact => f.kind === 'config' && f.type === 'docs-block');
    for (const block of blocks) {
      const name = String(block.data.name);
      if (block.data.unterminated) {
        yield report('unterminatedBlock', block.range, { block: name });
        continue;
      }
      const expected = expectedBlockContent(ctx.registry, name, blockColumns({ options: (block.data.options ?? {}) as Record<string, string> }, page));
      if (expected !== null && blockContentHash(expected) !== block.data.contentHash) yield report('staleBlock', block.range, { block: name });
    }

    const rows = rowsOf(file);
    // Per list or table, where its registry names are: any position for a list, columns for a table.
    const nameColumns = new Map<string, Set<number>>();
    for (const row of rows) {
      row.names.forEach((n, i) => {
        if (!ctx.names.has(n.name)) return;
        const columns = nameColumns.get(row.group) ?? new Set<number>();
        columns.add(row.columns?.[i] ?? -1);
        nameColumns.set(row.group, columns);
      });
    }
    const listsVariables = (row: Row, i: number): boolean => {
      const columns = nameColumns.get(row.group);
      return columns !== undefined && (row.columns === null || columns.has(row.columns[i] ?? -1));
    };
    for (const row of rows) {
      if (row.block !== null) continue;
      for (const [i, n] of row.names.entries()) {
        const info = ctx.names.get(n.name);
        if (!info) {
          if (listsVariables(row, i) && ctx.looksLikeSecret(n.name) && !isTestHarnessName(n.name)) yield report('unknown', n.range, { name: n.name }, { envName: n.name });
          continue;
        }
        if (info.role !== 'deprecated' || !info.deprecated) continue;
        const data = { name: n.name, secretId: info.secret.id, replacement: info.deprecated.replacement || info.secret.env, removeAfter: info.deprecated.removeAfter ?? 'none' };
        const extra = { secretId: info.secret.id, envName: n.name };
        if (isRemoved(info.deprecated.removeAfter, ctx)) yield report('removed', n.range, data, { ...extra, ...pointToReplacement(file, n.name, n.range, data.replacement) });
        else if (!row.deprecatedMarked) yield report('deprecatedAsCurrent', n.range, data, extra);
      }
    }
  },
  // Which secrets the pages must mention depends on where each secret lives, and that is inferred
  // from the whole project; so is whether a configured page was read at all. Docs are often split
  // (an env-var reference and a secrets page, one page per provider), so a secret is missing only
  // when no configured page mentions it; it is reported once, on the first page that was read.
  *checkProject(project, ctx): Generator<Report> {
    if (ctx.settings.docs.length === 0) return;
    const start = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    const pages: FileFacts[] = [];
    for (const page of ctx.settings.docs) {
      const pagePath = normalizePath(page.path);
      const file = project.files.find((f) => f.file === pagePath);
      if (file && file.language === 'markdown') {
        if (!pages.includes(file)) pages.push(file);
        continue;
      }
      // Reported on the page itself, so the engine keeps it only when the scan covers the page.
      yield { messageId: 'unreadPage', data: { path: pagePath }, file: pagePath, range: start, severity: 'error' };
    }
    if (pages.length === 0) return;
    const mentioned = new Set(pages.flatMap((page) => page.facts.flatMap((f) => (f.kind === 'name-ref' && f.context === 'docs' ? [f.name] : []))));
    const primary = pages[0];
    const firstBlock = primary.facts.find((f): f is ConfigFact => f.kind === 'config' && f.type === 'docs-block');
    const anchor = firstBlock?.range ?? start;
    const pageList = pages.map((p) => p.file).join(', ');
    const scopes = secretScopes(project, ctx);
    for (const secret of ctx.registry.secrets) {
      if (secret.kind !== 'secret' || !documentedIn(scopes.of(secret), DOCS_PAGE_SCOPES)) continue;
      if ([secret.env, ...secret.aliases].some((n) => mentioned.has(n)) || scopes.testOnly(secret) || scopes.sampleOnly(secret)) continue;
      const messageId = scopes.referenced(secret) ? 'missing' : 'missingUnreferenced';
      yield { messageId, data: { name: secret.env, secretId: secret.id, pages: pageList }, file: primary.file, range: anchor, secretId: secret.id, envName: secret.env };
    }
  },
});

/**
 * `removed`: the page still names an alias past its removal date; pointing it to the replacement is
 * the fix when the name is the reported range itself and the page does not name the replacement
 * already (a second row for one secret is not a fix).
 */
function pointToReplacement(file: FileFacts, name: string, range: Range, replacement: string): Pick<Report, 'fix'> {
  const exact = range.line === range.endLine && range.endColumn - range.column === name.length;
  const named = file.facts.some((f) => f.kind === 'name-ref' && f.context === 'docs' && f.name === replacement);
  if (!exact || named || replacement === name) return {};
  return { fix: { edits: [{ file: file.file, range, text: replacement, expected: name }] } };
}
