// The registry as a Markdown table. Reused by `registry export --format markdown` and by
// `docs --fix`, which regenerates marked blocks in docs pages (`docs: [{ path, columns }]`).
import type { Registry, SecretEntry } from './model.js';

export const SECRET_TABLE_COLUMNS = {
  id: { header: 'Id', cell: (s: SecretEntry) => code(s.id) },
  env: { header: 'Env', cell: (s: SecretEntry) => code(s.env) },
  aliases: { header: 'Aliases', cell: (s: SecretEntry) => s.aliases.map(code).join(', ') },
  deprecated: {
    header: 'Deprecated',
    cell: (s: SecretEntry) => s.deprecated.map((d) => `${code(d.name)} (${d.removeAfter ? `remove after ${d.removeAfter}` : 'no removal date'})`).join(', '),
  },
  kind: { header: 'Kind', cell: (s: SecretEntry) => s.kind },
  class: { header: 'Class', cell: (s: SecretEntry) => s.class ?? '' },
  owner: { header: 'Owner', cell: (s: SecretEntry) => s.owner ?? '' },
  rotation_days: { header: 'Rotation (days)', cell: (s: SecretEntry) => (s.rotationDays === undefined ? '' : String(s.rotationDays)) },
  description: { header: 'Description', cell: (s: SecretEntry) => s.description ?? '' },
} as const;

export type SecretTableColumn = keyof typeof SECRET_TABLE_COLUMNS;

export const DEFAULT_TABLE_COLUMNS: SecretTableColumn[] = ['id', 'env', 'aliases', 'deprecated', 'kind', 'class', 'owner'];

/** Column aliases accepted in `docs[].columns` (people write `canonical` for `env`). */
const COLUMN_ALIASES: Record<string, SecretTableColumn> = { canonical: 'env', name: 'env', rotation: 'rotation_days', rotationDays: 'rotation_days' };

export function toTableColumn(name: string): SecretTableColumn | undefined {
  if (name in SECRET_TABLE_COLUMNS) return name as SecretTableColumn;
  return COLUMN_ALIASES[name];
}

function code(text: string): string {
  return `\`${text}\``;
}

function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** One row per registry entry in declaration order; unknown column names are ignored. */
export function renderSecretsTable(registry: Registry, columns: readonly string[] = DEFAULT_TABLE_COLUMNS): string {
  const cols = columns.map(toTableColumn).filter((c): c is SecretTableColumn => c !== undefined);
  const use = cols.length > 0 ? cols : DEFAULT_TABLE_COLUMNS;
  const lines = [
    `| ${use.map((c) => SECRET_TABLE_COLUMNS[c].header).join(' | ')} |`,
    `| ${use.map(() => '---').join(' | ')} |`,
    ...registry.secrets.map((s) => `| ${use.map((c) => escapeCell(SECRET_TABLE_COLUMNS[c].cell(s))).join(' | ')} |`),
  ];
  return `${lines.join('\n')}\n`;
}
