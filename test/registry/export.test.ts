import { describe, expect, it } from 'vitest';
import { exportRegistry, renderSecretsTable } from '../../src/registry/export.js';
import { registryFrom } from './rule-harness.js';

const REGISTRY = `version: 1
secrets:
  - id: OpenRouterApiKey
    env: OPENROUTER_API_KEY
    aliases: [VOX_OPENROUTER_API_KEY]
    deprecated:
      - name: OPENROUTER_KEY
        remove_after: 2026-06-30
      - LEGACY_KEY
    kind: secret
    class: llm
    owner: platform
    description: Gateway key | routed
  - id: DatabaseUrl
    env: DATABASE_URL
  - id: GithubToken
    env: GITHUB_TOKEN
    class: scm
`;

describe('registry export', () => {
  it('json: ids, names, kinds with their source, origins and counts', async () => {
    const out = JSON.parse(exportRegistry(await registryFrom({ 'secrets.registry.yaml': REGISTRY }), 'json'));
    expect(out.counts).toEqual({ secrets: 3, byKind: { config: 1, secret: 2 }, byKindSource: { default: 1, explicit: 1, pattern: 1 }, bySource: { yaml: 3 } });
    expect(out.files).toEqual(['secrets.registry.yaml']);
    expect(out.secrets[0]).toEqual({
      id: 'OpenRouterApiKey',
      env: 'OPENROUTER_API_KEY',
      aliases: ['VOX_OPENROUTER_API_KEY'],
      deprecated: [
        { name: 'OPENROUTER_KEY', replacement: 'OPENROUTER_API_KEY', removeAfter: '2026-06-30' },
        { name: 'LEGACY_KEY', replacement: 'OPENROUTER_API_KEY', removeAfter: null },
      ],
      kind: 'secret',
      kindSource: 'explicit',
      class: 'llm',
      owner: 'platform',
      rotationDays: null,
      description: 'Gateway key | routed',
      sources: ['yaml'],
      origin: { file: 'secrets.registry.yaml', line: 3, column: 9 },
    });
  });

  it('markdown: one escaped table row per entry; columns are selectable', async () => {
    const registry = await registryFrom({ 'secrets.registry.yaml': REGISTRY });
    expect(exportRegistry(registry, 'markdown')).toBe(
      [
        '| Id | Env | Aliases | Deprecated | Kind | Class | Owner |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        '| `OpenRouterApiKey` | `OPENROUTER_API_KEY` | `VOX_OPENROUTER_API_KEY` | `OPENROUTER_KEY` (remove after 2026-06-30), `LEGACY_KEY` (no removal date) | secret | llm | platform |',
        '| `DatabaseUrl` | `DATABASE_URL` |  |  | config |  |  |',
        '| `GithubToken` | `GITHUB_TOKEN` |  |  | secret | scm |  |',
        '',
      ].join('\n'),
    );
    expect(renderSecretsTable(registry, ['canonical', 'description', 'bogus']).split('\n').slice(0, 3)).toEqual([
      '| Env | Description |',
      '| --- | --- |',
      '| `OPENROUTER_API_KEY` | Gateway key \\| routed |',
    ]);
  });

  it('env-example: NAME= per canonical name, grouped by class, deterministic', async () => {
    const registry = await registryFrom({ 'secrets.registry.yaml': REGISTRY });
    const out = exportRegistry(registry, 'env-example');
    expect(out).toBe(
      [
        '# --- llm ---',
        '# OpenRouterApiKey (secret, platform)',
        'OPENROUTER_API_KEY=',
        '',
        '# --- scm ---',
        '# GithubToken (secret)',
        'GITHUB_TOKEN=',
        '',
        '# --- unclassified ---',
        '# DatabaseUrl (config)',
        'DATABASE_URL=',
        '',
      ].join('\n'),
    );
    expect(exportRegistry(registry, 'env-example')).toBe(out);
  });
});
