// `clavis-lint docs --check|--fix`: regenerates the marked blocks of the docs pages listed in
// `docs:` from the registry. Only the lines strictly between
// `<!-- clavis-lint:begin secrets-table -->` and `<!-- clavis-lint:end -->` are ever rewritten,
// the output is deterministic (registry order, fixed column order), and a page is written only
// when a block really changed, so `--fix` followed by `--check` is clean and a second `--fix`
// changes nothing. Column precedence: `columns=` in the begin marker, then `docs[].columns`,
// then the renderer's defaults.
import fs from 'node:fs';
import path from 'node:path';
import type { Registry } from '../registry/model.js';
import { renderSecretsTable } from '../registry/secrets-table.js';
import { normalizeBlockContent } from './block-hash.js';
import { findMarkedBlocks, type MarkedBlock } from './marked-blocks.js';

export interface DocsPage {
  path: string;
  columns?: string[];
}

export interface DocsFinding {
  line: number;
  column: number;
  message: string;
}

export interface DocsPageResult {
  /** The page path as configured (relative to the project root). */
  file: string;
  /** `--check`: some block is stale. `--fix`: the file was rewritten. */
  changed: boolean;
  findings: DocsFinding[];
}

export const SECRETS_TABLE_BLOCK = 'secrets-table';

/** Columns for one block: marker option, then page setting, then the renderer default. */
export function blockColumns(block: Pick<MarkedBlock, 'options'>, page?: Pick<DocsPage, 'columns'>): string[] | undefined {
  const fromMarker = block.options.columns?.split(',').map((c) => c.trim()).filter(Boolean);
  if (fromMarker && fromMarker.length > 0) return fromMarker;
  return page?.columns && page.columns.length > 0 ? page.columns : undefined;
}

/** The content a block should have (without the markers). */
export function expectedBlockContent(registry: Registry, blockName: string, columns?: string[]): string | null {
  if (blockName !== SECRETS_TABLE_BLOCK) return null;
  return renderSecretsTable(registry, columns);
}

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
    if (block.endLine === null) {
      findings.push({ ...at, message: `block '${block.name}' has no '<!-- clavis-lint:end -->' marker.` });
      continue;
    }
    const expected = expectedBlockContent(registry, block.name, blockColumns(block, page));
    if (expected === null) {
      findings.push({ ...at, message: `unknown block '${block.name}' (supported: ${SECRETS_TABLE_BLOCK}).` });
      continue;
    }
    const current = lines.slice(block.contentStart, block.contentEnd).join('\n');
    if (normalizeBlockContent(current) === normalizeBlockContent(expected)) continue;
    changed = true;
    findings.push({ ...at, message: `block '${block.name}' is out of date with the registry; run \`clavis-lint docs --fix\`.` });
    lines.splice(block.contentStart, block.contentEnd - block.contentStart, '', ...normalizeBlockContent(expected).split('\n'), '');
  }
  findings.sort((a, b) => a.line - b.line);
  return { text: lines.join(eol), changed, findings };
}

function pagesOf(settings: DocsPage[] | { docs: DocsPage[] }): DocsPage[] {
  return Array.isArray(settings) ? settings : settings.docs;
}

function processPages(root: string, registry: Registry, settings: DocsPage[] | { docs: DocsPage[] }, write: boolean): DocsPageResult[] {
  const results: DocsPageResult[] = [];
  for (const page of pagesOf(settings)) {
    const abs = path.resolve(root, page.path);
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8');
    } catch {
      results.push({ file: page.path, changed: false, findings: [{ line: 1, column: 1, message: `docs page '${page.path}' could not be read.` }] });
      continue;
    }
    const regenerated = regenerateMarkdown(text, registry, page);
    if (write && regenerated.changed && regenerated.text !== text) fs.writeFileSync(abs, regenerated.text);
    results.push({ file: page.path, changed: regenerated.changed, findings: regenerated.findings });
  }
  return results;
}

/** Reports pages whose marked blocks differ from what the registry would generate. Writes nothing. */
export function checkDocs(root: string, registry: Registry, settings: DocsPage[] | { docs: DocsPage[] }): DocsPageResult[] {
  return processPages(root, registry, settings, false);
}

/** Rewrites stale marked blocks in place; pages without a change are not touched. */
export function fixDocs(root: string, registry: Registry, settings: DocsPage[] | { docs: DocsPage[] }): DocsPageResult[] {
  return processPages(root, registry, settings, true);
}
