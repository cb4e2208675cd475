// The access inventory: every place code touches a secret (env read, resolver call, secret-store
// call), grouped by secret id and source. It is the map a migration to one resolver needs.
import type { FileFacts } from './facts.js';
import type { Registry } from '../registry/model.js';
import { indexNames } from '../registry/model.js';
import { compareCodeUnits } from './compare.js';

export type AccessSource = 'env' | 'resolver' | 'secret-store' | 'dynamic';

export interface AccessSite {
  file: string;
  line: number;
  column: number;
  source: AccessSource;
  /** The API used (`process.env`, `std::env::var`, `resolveSecret`, `keytar.getPassword`). */
  api: string;
  /** The env name as read, when there is one. */
  name: string | null;
  /** Secret-store provider (`keyring`, `vault`, `aws-secrets-manager`...) for secret-store sites. */
  provider?: string;
  inResolver: boolean;
}

export interface Inventory {
  version: 1;
  secrets: Array<{ id: string; env: string; kind: string; owner: string | null; sites: AccessSite[]; bySource: Record<string, number> }>;
  /** Sites not attributable to one registry id: dynamic reads, store calls, unregistered names. */
  unattributed: AccessSite[];
  totals: { sites: number; secretsReferenced: number; secretsUnreferenced: number; bySource: Record<string, number> };
}

export function buildInventory(files: FileFacts[], registry: Registry, isResolverPath: (file: string) => boolean): Inventory {
  const names = indexNames(registry);
  const ids = new Set(registry.secrets.map((s) => s.id));
  const bySecret = new Map<string, AccessSite[]>();
  const unattributed: AccessSite[] = [];
  const add = (id: string | null, site: AccessSite): void => {
    if (id === null) unattributed.push(site);
    else bySecret.set(id, [...(bySecret.get(id) ?? []), site]);
  };
  for (const file of files) {
    const inResolver = isResolverPath(file.file);
    for (const fact of file.facts) {
      const at = { file: file.file, line: fact.range.line, column: fact.range.column, inResolver };
      // Writes, deletes and save-for-restore copies (tests) are not access sites of a secret.
      if (fact.kind === 'env-read' && !fact.access) {
        const id = fact.name ? names.get(fact.name)?.secret.id ?? null : null;
        if (fact.name === null) add(null, { ...at, source: 'dynamic', api: fact.api, name: null });
        else if (id) add(id, { ...at, source: 'env', api: fact.api, name: fact.name });
      } else if (fact.kind === 'resolver-call') {
        const ref = fact.secretRef;
        const id = ref === null ? null : ids.has(ref) ? ref : names.get(ref)?.secret.id ?? null;
        add(id, { ...at, source: 'resolver', api: fact.function, name: ref && !ids.has(ref) ? ref : null });
      } else if (fact.kind === 'secret-store-call') {
        add(null, { ...at, source: 'secret-store', api: fact.api, name: null, provider: fact.provider });
      }
    }
  }
  const order = (a: AccessSite, b: AccessSite): number => compareCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column;
  const totalsBySource: Record<string, number> = {};
  const count = (sites: AccessSite[]): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const s of sites) {
      const key = s.source === 'secret-store' ? `secret-store:${s.provider}` : s.source;
      out[key] = (out[key] ?? 0) + 1;
      totalsBySource[key] = (totalsBySource[key] ?? 0) + 1;
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareCodeUnits(a, b)));
  };
  const secrets = [...registry.secrets]
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map((s) => {
      const sites = (bySecret.get(s.id) ?? []).sort(order);
      return { id: s.id, env: s.env, kind: s.kind, owner: s.owner ?? null, sites, bySource: count(sites) };
    });
  unattributed.sort(order);
  count(unattributed);
  return {
    version: 1,
    secrets,
    unattributed,
    totals: {
      sites: secrets.reduce((n, s) => n + s.sites.length, 0) + unattributed.length,
      secretsReferenced: secrets.filter((s) => s.sites.length > 0).length,
      secretsUnreferenced: secrets.filter((s) => s.sites.length === 0).length,
      bySource: Object.fromEntries(Object.entries(totalsBySource).sort(([a], [b]) => compareCodeUnits(a, b))),
    },
  };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;');
}

export function inventoryMarkdown(inv: Inventory): string {
  const out: string[] = ['# Secret access inventory', ''];
  out.push(`${inv.totals.sites} access sites; ${inv.totals.secretsReferenced} secrets referenced, ${inv.totals.secretsUnreferenced} not referenced.`, '');
  out.push('| Secret | Env | Kind | Owner | Sites | By source |', '|---|---|---|---|---:|---|');
  for (const s of inv.secrets) {
    const by = Object.entries(s.bySource).map(([k, v]) => `${k}: ${v}`).join(', ') || '-';
    out.push(`| ${cell(s.id)} | \`${s.env}\` | ${s.kind} | ${cell(s.owner ?? '-')} | ${s.sites.length} | ${by} |`);
  }
  const siteRow = (site: AccessSite): string =>
    `| \`${cell(site.file)}:${site.line}:${site.column}\` | ${site.source}${site.provider ? ` (${site.provider})` : ''} | \`${cell(site.api)}\` | ${site.name ? `\`${site.name}\`` : '-'} | ${site.inResolver ? 'yes' : 'no'} |`;
  for (const s of inv.secrets) {
    if (s.sites.length === 0) continue;
    out.push('', `## ${s.id} (\`${s.env}\`)`, '', '| Location | Source | API | Name | In resolver |', '|---|---|---|---|---|', ...s.sites.map(siteRow));
  }
  if (inv.unattributed.length > 0) {
    out.push('', '## Not attributable to one secret', '', '| Location | Source | API | Name | In resolver |', '|---|---|---|---|---|', ...inv.unattributed.map(siteRow));
  }
  return `${out.join('\n')}\n`;
}
