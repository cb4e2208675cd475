// The published JSON Schemas (schema/*.json) must accept what the loaders accept and reject what
// they reject, so editors and the linter never disagree.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-types.js';
import { loadConfig } from '../../src/core/config.js';
import { loadRegistry } from '../../src/registry/load.js';
import { tempProject } from '../registry/temp-project.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ajv = new Ajv({ allErrors: true, strict: true });
const validateConfig = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/clavis-lint.schema.json'), 'utf8')));
const validateRegistry = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'schema/registry.schema.json'), 'utf8')));

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const files = [...walk(path.join(ROOT, 'fixtures')), ...walk(path.join(ROOT, 'examples'))];
const configs = files.filter((f) => /\.clavis-lint\.ya?ml$/.test(f));
const registries = files.filter((f) => /(registry|overlay)\.ya?ml$/.test(path.basename(f)));

describe('schemas accept the fixture and example files', () => {
  it('finds files to check', () => {
    expect(configs.length).toBeGreaterThan(5);
    expect(registries.length).toBeGreaterThan(5);
  });
  it.each(configs.map((f) => [path.relative(ROOT, f), f]))('config %s', (_rel, file) => {
    expect(validateConfig(parse(readFileSync(file, 'utf8'))), JSON.stringify(validateConfig.errors)).toBe(true);
  });
  it.each(registries.map((f) => [path.relative(ROOT, f), f]))('registry %s', (_rel, file) => {
    expect(validateRegistry(parse(readFileSync(file, 'utf8'))), JSON.stringify(validateRegistry.errors)).toBe(true);
  });
});

function loaderAcceptsConfig(text: string): boolean {
  try {
    loadConfig({ cwd: tempProject({ '.clavis-lint.yaml': text }) });
    return true;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return false;
  }
}

async function loaderAcceptsRegistry(text: string): Promise<boolean> {
  try {
    await loadRegistry(loadConfig({ cwd: tempProject({ '.clavis-lint.yaml': 'registry: r.yaml\n', 'r.yaml': text }) }));
    return true;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return false;
  }
}

describe('loader and schema agree', () => {
  const configDocs: Array<[string, boolean]> = [
    ['rules: { no-direct-env-read: warn, no-compile-time-secret: [error, { prefixes: [GATSBY_] }], registry-unreferenced: [off] }\n', true],
    ['rules: { made-up-rule: warn }\n', false],
    ['registry: [a.yaml, { from: rust, path: s.rs, struct: S, fields: { id: key } }, { from: overlay, path: o.yaml }]\n', true],
    ['docs: [a.md, { path: b.md, columns: [id] }]\nlifecycle: { today: 2026-05-01, max_past_days: 0 }\n', true],
    ['rulez: {}\n', false],
    ['rules: { no-direct-env-read: fatal }\n', false],
    ['rules: { no-direct-env-read: [warn, 1] }\n', false],
    ['include: src\n', false],
    ['registry: { from: json, path: a.json, struct: X }\n', false],
    ['registry: { from: rust }\n', false],
    ['test_code: { severity: info }\n', false],
    ['require: { owner: yes please }\n', false],
    ['max_file_bytes: 0\n', false],
    ['leak: { sinks: [{ id: x, language: go, ruleId: r, callee: c, args: all, label: l }] }\n', false],
    ['secret_stores: [{ provider: p, language: shell, module: m, calls: [read] }]\n', false],
    ['leak: { sources: [getKey, { call: get_config, path: llm.api_key }] }\n', true],
    ['leak: { sources: [{ call: get_config }] }\n', false],
    ['leak: { sources: [{ call: get_config, path: llm..api_key }] }\n', false],
    ['leak: { sources: [{ call: get_config, path: [llm, api_key] }] }\n', false],
    ['overrides: [{ files: ["test/**"], rules: { no-direct-env-read: off } }, { files: scripts/**, rules: {} }]\n', true],
    ['overrides: [{ files: ["test/**"], rules: { no-direct-env-raed: off } }]\n', false],
    ['overrides: [{ files: ["test/**"], rules: { no-direct-env-read: [off] } }]\n', false],
    ['overrides: [{ rules: { no-direct-env-read: off } }]\n', false],
    ['overrides: [{ files: [], rules: {} }]\n', false],
    ['baseline: ci/baseline.json\n', true],
    ['baseline: 3\n', false],
    ['cache: { enabled: true, location: .cache/clavis }\n', true],
    ['cache: { enabled: maybe }\n', false],
    ['extends: 7\n', false],
    ['extends: []\n', true],
  ];
  it.each(configDocs)('config %j: accepted = %s', (text, accepted) => {
    expect(loaderAcceptsConfig(text)).toBe(accepted);
    expect(validateConfig(parse(text))).toBe(accepted);
  });

  const registryDocs: Array<[string, boolean]> = [
    ['version: 1\nsecrets:\n  - id: A\n    env: A_KEY\n    deprecated: [OLD, { name: OLDER, remove_after: 2026-01-01 }]\n', true],
    ['resolver: { paths: ["src/**"] }\n', true],
    ['secrets: []\n', true],
    ['version: 2\nsecrets: []\n', false],
    ['secret: []\n', false],
    ['secrets:\n  - env: A_KEY\n', false],
    ['secrets:\n  - id: A\n    env: A_KEY\n    kind: token\n', false],
    ['secrets:\n  - id: A\n    env: A_KEY\n    rotation_days: 0\n', false],
    ['secrets:\n  - id: A\n    env: [A_KEY]\n', false],
    ['secrets:\n  - id: A\n    env: A_KEY\n    deprecated: [{ remove_after: 2026-01-01 }]\n', false],
    ['secrets:\n  - id: A\n    env: A_KEY\n    aliasses: []\n', false],
  ];
  it.each(registryDocs)('registry %j: accepted = %s', async (text, accepted) => {
    expect(await loaderAcceptsRegistry(text)).toBe(accepted);
    expect(validateRegistry(parse(text))).toBe(accepted);
  });
});
