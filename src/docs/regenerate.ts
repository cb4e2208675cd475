// `clavis-lint docs --check|--fix`: regenerates the marked blocks of the docs pages listed in
// `docs:` from the registry. Only the lines strictly between
// `<!-- clavis-lint:begin secrets-table -->` and `<!-- clavis-lint:end -->` are ever rewritten,
// the output is deterministic (registry order, fixed column order), and a page is written only
// when a block really changed, so `--fix` followed by `--check` is clean and a second `--fix`
// changes nothing. Column precedence: `columns=` in the begin marker, then `docs[].columns`,
// then the renderer's defaults.
//
// Two kinds of finding: `stale` (a block differs from the registry: `--fix` repairs it) and
// `invalid` (the page cannot be processed: outside the project, missing, unreadable, a begin marker
// without an end, an unknown block name or column; a person must fix it). Page paths come from the
// repository's config, so they must stay inside the project: a path that leads out (`..`, an
// absolute path, a symbolic link) is an `invalid` finding and the page is neither read nor written.
// Messages never quote the page's text.
import fs from 'node:fs';
import { resolveContained } from '../core/contained-path.js';
import type { Registry } from '../registry/model.js';
import { SECRET_TABLE_COLUMNS, toTableColumn } from '../registry/secrets-table.js';
import { normalizeBlockContent } from './block-hash.js';
import { findMarkedBlocks, findStrayMarkers, type MarkedBlock, type StrayMarker } from './marked-blocks.js';

export interface DocsPage {
  path: string;
  columns?: string[];
}

export interface DocsFinding {
  line: number;
  column: number;
  message: string;
  /** `stale`: regenerating fixes it (exit 1 on --check). `invalid`: the page cannot be processed (exit 2). */
  kind: 'stale' | 'invalid';
}

export interface DocsPageResult {
  /** The page path as configured (relative to the project root). */
  file: string;
  /** `--check`: some block is stale. `--fix`: the file was rewritten (never when it has an `invalid` finding). */
  changed: boolean;
  findings: DocsFinding[];
}

// Block contents come from the registry alone (block-content.ts, which the docs-drift rule imports without markdown-it).
import { blockColumns, expectedBlockContent, SECRETS_TABLE_BLOCK } from './block-content.js';
export { blockColumns, expectedBlockContent, SECRETS_TABLE_BLOCK };

const STRAY_MESSAGES: Record<StrayMarker['reason'], string> = {
  'end-without-begin': "'<!-- clavis-lint:end -->' marker without a begin marker before it; expected '<!-- clavis-lint:begin secrets-table -->' first.",
  'nested-begin': "begin marker inside a block that is still open; expected '<!-- clavis-lint:end -->' before the next begin marker.",
  'unknown-marker': "unrecognised clavis-lint marker; expected '<!-- clavis-lint:begin secrets-table -->' or '<!-- clavis-lint:end -->'.",
};

export interface RegeneratedPage {
  text: string;
  changed: boolean;
  findings: DocsFinding[];
}

/** Pure: regenerates every marked block of one page's text. */
export function regenerateMarkdown(text: string, registry: Registry, page?: Pick<DocsPage, 'columns'>): RegeneratedPage {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const findings: DocsFinding[] = [];
  const blocks = findMarkedBlocks(text);
  let changed = false;
  // Rewrite from the bottom so earlier line numbers stay valid.
  for (const block of [...blocks].reverse()) {
    const at = { line: block.beginLine + 1, column: 1 };
    if (block.name !== SECRETS_TABLE_BLOCK) {
      findings.push({ ...at, kind: 'invalid', message: `unknown block name in the begin marker; expected '${SECRETS_TABLE_BLOCK}'.` });
      continue;
    }
    if (block.endLine === null) {
      findings.push({ ...at, kind: 'invalid', message: `block '${block.name}' has a begin marker but no '<!-- clavis-lint:end -->' marker after it.` });
      continue;
    }
    const badColumn = unknownMarkerColumn(block);
    if (badColumn) {
      findings.push({ ...at, kind: 'invalid', message: badColumn });
      continue;
    }
    const expected = expectedBlockContent(registry, block.name, blockColumns(block, page));
    if (expected === null) continue; // unreachable: the name was checked above
    const current = lines.slice(block.contentStart, block.contentEnd).join('\n');
    if (normalizeBlockContent(current) === normalizeBlockContent(expected)) continue;
    changed = true;
    findings.push({ ...at, kind: 'stale', message: `block '${block.name}' is out of date with the registry; run \`clavis-lint docs --fix\`.` });
    lines.splice(block.contentStart, block.contentEnd - block.contentStart, '', ...normalizeBlockContent(expected).split('\n'), '');
  }
  for (const stray of findStrayMarkers(text)) findings.push({ line: stray.line + 1, column: 1, kind: 'invalid', message: STRAY_MESSAGES[stray.reason] });
  findings.sort((a, b) => a.line - b.line);
  return { text: lines.join(eol), changed, findings };
}

/** A `columns=` option naming a column the table does not have (a typo would silently drop it). */
function unknownMarkerColumn(block: Pick<MarkedBlock, 'options'>): string | undefined {
  const names = block.options.columns?.split(',').map((c) => c.trim()).filter(Boolean) ?? [];
  if (names.every((name) => toTableColumn(name) !== undefined)) return undefined;
  return `unknown column in the begin marker's columns=; expected names from: ${Object.keys(SECRET_TABLE_COLUMNS).join(', ')}.`;
}

function pagesOf(settings: DocsPage[] | { docs: DocsPage[] }): DocsPage[] {
  return Array.isArray(settings) ? settings : settings.docs;
}

function invalidPage(page: DocsPage, message: string): DocsPageResult {
  return { file: page.path, changed: false, findings: [{ line: 1, column: 1, kind: 'invalid', message }] };
}

const READ_FAILURES: Record<string, string> = {
  ENOENT: 'does not exist',
  EISDIR: 'is a directory',
  EACCES: 'cannot be read (permission denied)',
  EPERM: 'cannot be read (permission denied)',
};

function processPages(root: string, registry: Registry, settings: DocsPage[] | { docs: DocsPage[] }, write: boolean): DocsPageResult[] {
  const results: DocsPageResult[] = [];
  for (const page of pagesOf(settings)) {
    const contained = resolveContained(root, page.path);
    if ('error' in contained) {
      results.push(invalidPage(page, `configured docs page ${contained.error}; it is not read or written. Expected a page inside the project.`));
      continue;
    }
    let text: string;
    try {
      text = fs.readFileSync(contained.absolute, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      const why = READ_FAILURES[code] ?? `cannot be read (${code || 'unknown error'})`;
      results.push(invalidPage(page, `configured docs page ${why}; expected a readable Markdown file (fix the path in docs: or create the page).`));
      continue;
    }
    const regenerated = regenerateMarkdown(text, registry, page);
    if (!write) {
      results.push({ file: page.path, changed: regenerated.changed, findings: regenerated.findings });
      continue;
    }
    // A malformed page is left exactly as it is: regenerating around a stray or nested marker
    // could overwrite text the author meant to keep.
    const rewrite = regenerated.changed && regenerated.text !== text && !regenerated.findings.some((f) => f.kind === 'invalid');
    if (rewrite) fs.writeFileSync(contained.absolute, regenerated.text);
    results.push({ file: page.path, changed: rewrite, findings: regenerated.findings.filter((f) => f.kind === 'invalid') });
  }
  return results;
}

/** Reports pages whose marked blocks differ from what the registry would generate. Writes nothing. */
export function checkDocs(root: string, registry: Registry, settings: DocsPage[] | { docs: DocsPage[] }): DocsPageResult[] {
  return processPages(root, registry, settings, false);
}

/** Rewrites stale marked blocks in place; pages without a change, or with an `invalid` finding, are not touched. Findings left: the `invalid` ones. */
export function fixDocs(root: string, registry: Registry, settings: DocsPage[] | { docs: DocsPage[] }): DocsPageResult[] {
  return processPages(root, registry, settings, true);
}
