import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-types.js';
import { loadConfig } from '../../src/core/config.js';
import { loadRegistry } from '../../src/registry/load.js';
import { tempProject } from './temp-project.js';

async function load(registryText: string, config = 'registry: secrets.registry.yaml\n') {
  const root = tempProject({ '.clavis-lint.yaml': config, 'secrets.registry.yaml': registryText });
  return loadRegistry(loadConfig({ cwd: root }));
}

async function loadError(registryText: string): Promise<ConfigError> {
  try {
    await load(registryText);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

const GOOD = `version: 1
resolver:
  paths: ["src/secrets/**"]
  functions: [resolveSecret]
secrets:
  - id: OpenRouterApiKey
    env: OPENROUTER_API_KEY
    aliases: [VOX_OPENROUTER_API_KEY]
    deprecated:
      - name: OPENROUTER_KEY
        remove_after: 2026-06-30
      - LEGACY_OR_KEY
    class: llm
    owner: platform
    rotation_days: 90
  - id: DatabaseUrl
    env: DATABASE_URL
  - id: SessionCookie
    env: SESSION_COOKIE
    kind: config
`;

describe('native YAML registry', () => {
  it('reads entries with exact origins, defaults and kind classification', async () => {
    const registry = await load(GOOD);
    expect(registry.files).toEqual(['secrets.registry.yaml']);
    expect(registry.resolver).toEqual({ paths: ['src/secrets/**'], functions: ['resolveSecret'], types: [], sanitizers: [] });
    const [or, db, cookie] = registry.secrets;
    expect(or.id).toBe('OpenRouterApiKey');
    expect(or.origin).toMatchObject({ file: 'secrets.registry.yaml', line: 6, column: 9 });
    expect(or.nameOrigins.OPENROUTER_API_KEY).toMatchObject({ line: 7, column: 10, endColumn: 28 });
    expect(or.nameOrigins.VOX_OPENROUTER_API_KEY).toMatchObject({ line: 8, column: 15 });
    expect(or.nameOrigins.OPENROUTER_KEY).toMatchObject({ line: 10, column: 15 });
    expect(or.deprecated).toEqual([
      { name: 'OPENROUTER_KEY', replacement: 'OPENROUTER_API_KEY', removeAfter: '2026-06-30', origin: expect.objectContaining({ line: 10 }) },
      { name: 'LEGACY_OR_KEY', replacement: 'OPENROUTER_API_KEY', removeAfter: undefined, origin: expect.objectContaining({ line: 12, column: 9 }) },
    ]);
    expect(or).toMatchObject({ kind: 'secret', kindSource: 'pattern', class: 'llm', owner: 'platform', rotationDays: 90, sources: ['yaml'] });
    expect(db).toMatchObject({ kind: 'config', kindSource: 'default' });
    expect(cookie).toMatchObject({ kind: 'config', kindSource: 'explicit' });
  });

  it('classifies with the configured secret_patterns, case-insensitively', async () => {
    const registry = await load('secrets:\n  - id: Db\n    env: database_dsn\n', "registry: secrets.registry.yaml\nsecret_patterns: ['DATABASE']\n");
    expect(registry.secrets[0]).toMatchObject({ kind: 'secret', kindSource: 'pattern' });
  });

  const errors: Array<[string, string, number, number, RegExp]> = [
    ['wrong type', 'secrets:\n  - id: A\n    env: [A_KEY]\n', 3, 10, /secrets\[0\]\.env: expected a non-empty string, got a list/],
    ['unknown top-level key', 'version: 1\nsecret:\n  - id: A\n', 2, 1, /^registry: unknown key; expected one of: version, resolver, secrets; did you mean "secrets"\?$/],
    ['missing id', 'secrets:\n  - env: A_KEY\n', 2, 5, /secrets\[0\]: missing "id"/],
    ['missing env', 'secrets:\n  - id: A\n    owner: x\n', 2, 5, /secrets\[0\]: missing "env"; expected the canonical env name/],
    ['bad date', 'secrets:\n  - id: A\n    env: A_KEY\n    deprecated:\n      - name: OLD\n        remove_after: 2026-02-30\n', 6, 23, /remove_after: expected a real date YYYY-MM-DD, got a string that is not a real date$/],
    ['date of wrong shape', 'secrets:\n  - id: A\n    env: A_KEY\n    deprecated:\n      - name: OLD\n        remove_after: 30/06/2026\n', 6, 23, /expected a real date/],
    ['syntax error', 'secrets:\n  - id: A\n    env: [A_KEY\n  - id: B\n', 4, 3, /YAML syntax error/],
    ['empty file', '', 1, 1, /the file is empty; expected a mapping/],
    ['comment-only file', '# nothing\n', 1, 1, /the file is empty/],
    ['bad kind', 'secrets:\n  - id: A\n    env: A_KEY\n    kind: token\n', 4, 11, /kind: expected one of secret \| config, got another string$/],
    ['bad version', 'version: 2\nsecrets: []\n', 1, 10, /version: expected 1/],
    ['unknown entry key', 'secrets:\n  - id: A\n    env: A_KEY\n    aliasses: [B]\n', 4, 5, /secrets\[0\]: unknown key; expected one of: id, env, aliases, .*; did you mean "aliases"\?$/],
    ['secrets not a list', 'secrets:\n  id: A\n', 2, 3, /secrets: expected a list, got a mapping/],
    ['top level not a mapping', '- id: A\n', 1, 1, /registry: expected a mapping, got a list/],
    ['no secrets at all', 'version: 1\n', 1, 1, /missing "secrets"/],
    ['env with spaces', 'secrets:\n  - id: A\n    env: A KEY\n', 3, 10, /expected an environment variable name/],
    ['rotation not a positive integer', 'secrets:\n  - id: A\n    env: A_KEY\n    rotation_days: 0\n', 4, 20, /rotation_days: expected an integer >= 1/],
    ['duplicate YAML key', 'secrets:\n  - id: A\n    env: A_KEY\n    env: B_KEY\n', 4, 5, /DUPLICATE_KEY/],
  ];
  it.each(errors)('reports %s at file:line:col with what was expected', async (_name, text, line, column, message) => {
    const error = await loadError(text);
    expect(error.file).toBe('secrets.registry.yaml');
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.message).toMatch(message);
    expect(error.located()).toMatch(new RegExp(`^secrets\\.registry\\.yaml:${line}:${column}: `));
  });

  it('reports a missing registry file as a ConfigError naming it', async () => {
    const root = tempProject({ '.clavis-lint.yaml': 'registry: missing.yaml\n' });
    await expect(loadRegistry(loadConfig({ cwd: root }))).rejects.toThrow(/registry source file not found/);
    await expect(loadRegistry(loadConfig({ cwd: root }))).rejects.toMatchObject({ file: 'missing.yaml' });
  });

  it('never puts file content into a syntax error message', async () => {
    const error = await loadError('secrets:\n  - id: A\n    env: "sk-test-FAKECANARY\n');
    expect(error.message).not.toContain('sk-test-FAKECANARY');
  });
});
