// `scope` on registry entries (DESIGN §10): read from YAML (a word or a list), patched by an
// overlay, validated with a located error. Inference is the drift rules' job (fixtures cover it).
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-types.js';
import { loadConfig } from '../../src/core/config.js';
import { loadRegistry } from '../../src/registry/load.js';
import { tempProject } from './temp-project.js';

async function load(files: Record<string, string>, config = 'registry: secrets.registry.yaml\n') {
  return loadRegistry(loadConfig({ cwd: tempProject({ '.clavis-lint.yaml': config, ...files }) }));
}

const REGISTRY = `version: 1
secrets:
  - id: NpmToken
    env: NPM_TOKEN
    scope: ci
  - id: StripeSecretKey
    env: STRIPE_SECRET_KEY
    scope: [app, build, app]
  - id: OpenRouterApiKey
    env: OPENROUTER_API_KEY
`;

describe('registry scope', () => {
  it('reads a single scope or a list (duplicates dropped) and leaves it absent when not written', async () => {
    const registry = await load({ 'secrets.registry.yaml': REGISTRY });
    expect(registry.secrets.map((s) => [s.id, s.scope])).toEqual([
      ['NpmToken', ['ci']],
      ['StripeSecretKey', ['app', 'build']],
      ['OpenRouterApiKey', undefined],
    ]);
  });

  it('lets an overlay set the scope of an id declared by an earlier source', async () => {
    const registry = await load(
      { 'secrets.registry.yaml': REGISTRY, 'overlay.yaml': 'version: 1\nsecrets:\n  - id: OpenRouterApiKey\n    scope: [docs]\n' },
      'registry: [secrets.registry.yaml, { from: overlay, path: overlay.yaml }]\n',
    );
    expect(registry.secrets.find((s) => s.id === 'OpenRouterApiKey')?.scope).toEqual(['docs']);
  });

  it.each([
    ['an unknown scope', 'scope: [app, production]', 6, /secrets\[0\]\.scope\[1\]: expected one of app \| build \| ci \| docs/],
    ['an empty list', 'scope: []', 6, /secrets\[0\]\.scope: empty list; expected one or more of app, build, ci, docs/],
    ['a mapping', 'scope: { app: true }', 6, /secrets\[0\]\.scope: expected a list/],
  ])('rejects %s with file:line and what was expected', async (_, line, at, message) => {
    const text = `version: 1\nsecrets:\n  - id: NpmToken\n    env: NPM_TOKEN\n    kind: secret\n    ${line}\n`;
    const error = await load({ 'secrets.registry.yaml': text }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).file).toBe('secrets.registry.yaml');
    expect((error as ConfigError).line).toBe(at);
    expect((error as ConfigError).message).toMatch(message);
  });
});
