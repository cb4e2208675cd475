import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { loadRegistry } from '../../src/registry/load.js';
import { tempProject } from './temp-project.js';

async function loadJson(text: string, spec = '[{ from: json, path: contracts/env.json }]') {
  const root = tempProject({ '.clavis-lint.yaml': `registry: ${spec}\n`, 'contracts/env.json': text });
  return loadRegistry(loadConfig({ cwd: root }));
}

describe('JSON registry source', () => {
  it('reads a contract object with code-style field names and line positions', async () => {
    const text = '{\n\t"version": 1,\n\t"secrets": [\n\t\t{ "id": "OpenRouterApiKey", "canonical_env": "OPENROUTER_API_KEY", "aliases": ["VOX_OPENROUTER_API_KEY"],\n\t\t  "deprecated_aliases": [{ "name": "OPENROUTER_KEY", "remove_after": "2026-06-30" }] }\n\t]\n}\n';
    const registry = await loadJson(text);
    const [entry] = registry.secrets;
    expect(entry).toMatchObject({ id: 'OpenRouterApiKey', env: 'OPENROUTER_API_KEY', aliases: ['VOX_OPENROUTER_API_KEY'], kind: 'secret', sources: ['json'] });
    expect(entry.deprecated[0]).toMatchObject({ name: 'OPENROUTER_KEY', removeAfter: '2026-06-30', origin: { file: 'contracts/env.json', line: 5 } });
    expect(entry.origin).toMatchObject({ file: 'contracts/env.json', line: 4, column: 11 });
  });

  it('reads generated name lists (object or bare array) as id = name entries', async () => {
    const fromObject = await loadJson('{ "names": ["DATABASE_URL", "SENTRY_AUTH_TOKEN"] }');
    expect(fromObject.secrets.map((s) => [s.id, s.env, s.kind])).toEqual([
      ['DATABASE_URL', 'DATABASE_URL', 'config'],
      ['SENTRY_AUTH_TOKEN', 'SENTRY_AUTH_TOKEN', 'secret'],
    ]);
    const fromArray = await loadJson('["A_TOKEN", { "id": "B", "env": "B_URL" }]', 'contracts/env.json');
    expect(fromArray.secrets.map((s) => s.id)).toEqual(['A_TOKEN', 'B']);
  });

  it('rejects non-strict JSON, unknown keys and missing lists with located errors', async () => {
    await expect(loadJson('{ "secrets": [], }')).rejects.toThrow(/expected strict JSON/);
    await expect(loadJson('{\n  "secret": []\n}')).rejects.toMatchObject({ file: 'contracts/env.json', line: 2, column: 3, message: expect.stringMatching(/^registry JSON: unknown key; expected one of: version, resolver, secrets, names; did you mean "secrets"\?$/) });
    await expect(loadJson('{ "version": 1 }')).rejects.toThrow(/missing "secrets" or "names"/);
    await expect(loadJson('{ "secrets": [{ "id": "A" }] }')).rejects.toThrow(/missing "env"/);
  });
});
