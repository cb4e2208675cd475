// `clavis-lint registry export --format json|markdown|env-example`. Pure and deterministic: the
// same registry gives byte-identical output.
import type { Registry, SecretEntry } from './model.js';
import { renderSecretsTable } from './secrets-table.js';
import { compareCodeUnits } from '../core/compare.js';

export { renderSecretsTable } from './secrets-table.js';

export type RegistryExportFormat = 'json' | 'markdown' | 'env-example';

function countBy(secrets: SecretEntry[], key: (s: SecretEntry) => string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const secret of secrets) for (const k of key(secret)) counts[k] = (counts[k] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => compareCodeUnits(a, b)));
}

function exportJson(registry: Registry): string {
  const secrets = registry.secrets.map((s) => ({
    id: s.id,
    env: s.env,
    aliases: s.aliases,
    deprecated: s.deprecated.map((d) => ({ name: d.name, replacement: d.replacement, removeAfter: d.removeAfter ?? null })),
    kind: s.kind,
    kindSource: s.kindSource,
    class: s.class ?? null,
    owner: s.owner ?? null,
    rotationDays: s.rotationDays ?? null,
    description: s.description ?? null,
    sources: s.sources,
    origin: { file: s.origin.file, line: s.origin.line, column: s.origin.column },
  }));
  const out = {
    version: 1,
    files: registry.files,
    resolver: registry.resolver,
    counts: {
      secrets: registry.secrets.length,
      byKind: countBy(registry.secrets, (s) => [s.kind]),
      byKindSource: countBy(registry.secrets, (s) => [s.kindSource]),
      bySource: countBy(registry.secrets, (s) => s.sources),
    },
    secrets,
    diagnostics: registry.diagnostics,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** `NAME=` per canonical name, grouped by class (sorted, unclassified last), registry order inside a group. */
function exportEnvExample(registry: Registry): string {
  const groups = new Map<string, SecretEntry[]>();
  for (const secret of registry.secrets) {
    const key = secret.class ?? '';
    groups.set(key, [...(groups.get(key) ?? []), secret]);
  }
  const order = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : compareCodeUnits(a, b)));
  const seen = new Set<string>();
  const blocks: string[] = [];
  for (const cls of order) {
    const lines = [`# --- ${cls || 'unclassified'} ---`];
    for (const secret of groups.get(cls) ?? []) {
      if (seen.has(secret.env)) continue;
      seen.add(secret.env);
      lines.push(`# ${secret.id} (${[secret.kind, secret.owner].filter(Boolean).join(', ')})`, `${secret.env}=`);
    }
    blocks.push(lines.join('\n'));
  }
  return blocks.length > 0 ? `${blocks.join('\n\n')}\n` : '';
}

export function exportRegistry(registry: Registry, format: RegistryExportFormat): string {
  switch (format) {
    case 'json':
      return exportJson(registry);
    case 'markdown':
      return renderSecretsTable(registry);
    case 'env-example':
      return exportEnvExample(registry);
  }
}
