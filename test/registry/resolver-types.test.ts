import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-types.js';
import { loadConfig } from '../../src/core/config.js';
import { loadRegistry } from '../../src/registry/load.js';
import { DEFAULT_EXPOSE, secretTypeMembers } from '../../src/registry/resolver-types.js';
import { tempProject } from './temp-project.js';

async function load(resolverTypes: string) {
  const root = tempProject({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
    'secrets.registry.yaml': `version: 1\nresolver:\n  types:\n${resolverTypes}secrets:\n  - { id: A, env: A_TOKEN }\n`,
  });
  return loadRegistry(loadConfig({ cwd: root }));
}

describe('resolver.types entries (names or { name, expose, redact, safe })', () => {
  it('keeps plain names as they were: no member lists', async () => {
    const registry = await load('    - SecretString\n');
    expect(registry.resolver.types).toEqual(['SecretString']);
    expect(registry.resolver.typeMembers).toBeUndefined();
    expect([...secretTypeMembers(registry.resolver.types, registry.resolver.typeMembers).get('SecretString')!.expose]).toEqual(DEFAULT_EXPOSE);
  });

  it('reads object entries next to names; a list given replaces its default, one left out keeps it', async () => {
    const registry = await load('    - SecretString\n    - { name: ResolvedSecret, expose: [expose, value], safe: [status] }\n');
    expect(registry.resolver.types).toEqual(['SecretString', 'ResolvedSecret']);
    expect(registry.resolver.typeMembers).toEqual([{ name: 'ResolvedSecret', expose: ['expose', 'value'], safe: ['status'] }]);
    const members = secretTypeMembers(registry.resolver.types, registry.resolver.typeMembers).get('ResolvedSecret')!;
    expect([...members.expose]).toEqual(['expose', 'value']);
    expect(members.redact.has('redacted')).toBe(true);
  });

  it('rejects an object entry without a name or with an unknown key, naming the place', async () => {
    await expect(load('    - { expose: [value] }\n')).rejects.toThrow(ConfigError);
    await expect(load('    - { expose: [value] }\n')).rejects.toThrow(/resolver\.types\[0\]\.name: expected a non-empty string/);
    await expect(load('    - { name: T, exposes: [value] }\n')).rejects.toThrow(/resolver\.types\[0\]: unknown key; expected one of: name, expose, redact, safe/);
  });
});
