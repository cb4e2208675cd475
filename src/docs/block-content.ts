// What a marked docs block should contain, from the registry alone: used by the `docs-drift` rule
// and by `docs --check|--fix` (regenerate.ts). Kept apart from the Markdown parsing so that
// importing the rules (the ESLint plugin does) does not load markdown-it.
import type { Registry } from '../registry/model.js';
import { renderSecretsTable } from '../registry/secrets-table.js';

export const SECRETS_TABLE_BLOCK = 'secrets-table';

/** Columns for one block: marker option, then page setting, then the renderer default. */
export function blockColumns(block: { options: Record<string, string> }, page?: { columns?: string[] }): string[] | undefined {
  const fromMarker = block.options.columns?.split(',').map((c) => c.trim()).filter(Boolean);
  if (fromMarker && fromMarker.length > 0) return fromMarker;
  return page?.columns && page.columns.length > 0 ? page.columns : undefined;
}

/** The content a block should have (without the markers). */
export function expectedBlockContent(registry: Registry, blockName: string, columns?: string[]): string | null {
  if (blockName !== SECRETS_TABLE_BLOCK) return null;
  return renderSecretsTable(registry, columns);
}
