import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_EXCLUDE, DEFAULT_MAX_FILE_BYTES, DEFAULT_SECRET_PATTERNS } from '../../src/core/config-types.js';
import { loadConfig } from '../../src/core/config.js';
import { tempProject } from '../registry/temp-project.js';

function configError(yaml: string): ConfigError {
  const root = tempProject({ '.clavis-lint.yaml': yaml });
  try {
    loadConfig({ cwd: root });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('config discovery', () => {
  it('uses defaults without a config: root is the git root, registry the default file if present', () => {
    const root = tempProject({ 'secrets.registry.yaml': 'secrets: []\n', 'pkg/src/a.ts': '' });
    const config = loadConfig({ cwd: path.join(root, 'pkg/src') });
    expect(config).toEqual({
      root,
      registry: ['secrets.registry.yaml'],
      include: ['**/*'],
      exclude: DEFAULT_EXCLUDE,
      rules: {},
      docs: [],
      secretPatterns: DEFAULT_SECRET_PATTERNS,
      testCode: { report: true, severity: 'warn' },
      lifecycle: { hardCut: false, maxPastDays: 90 },
      require: { owner: false, rotationDays: false },
      leak: { sinks: [], sources: [], sourcePaths: [], sanitizers: [] },
      secretStores: [],
      maxFileBytes: DEFAULT_MAX_FILE_BYTES,
      platformTokens: [],
    });
    expect(loadConfig({ cwd: tempProject({}) }).registry).toEqual([]);
  });

  it('reads platform_tokens as a list of env names, and rejects anything else at its line', () => {
    const root = tempProject({ '.clavis-lint.yaml': 'platform_tokens: [RUNPOD_API_KEY, MY_CI_JOB_TOKEN]\n' });
    expect(loadConfig({ cwd: root }).platformTokens).toEqual(['RUNPOD_API_KEY', 'MY_CI_JOB_TOKEN']);
    const bad = tempProject({ '.clavis-lint.yaml': 'platform_tokens: RUNPOD_API_KEY\n' });
    expect(() => loadConfig({ cwd: bad })).toThrow(/platform_tokens/);
  });

  it('walks up to the nearest config below the git root; the config dir is the root', () => {
    const root = tempProject({ '.clavis-lint.yaml': 'include: ["a/**"]\n', 'svc/.clavis-lint.yml': 'include: ["b/**"]\n', 'svc/src/x.ts': '' });
    expect(loadConfig({ cwd: path.join(root, 'svc/src') })).toMatchObject({ root: path.join(root, 'svc'), include: ['b/**'] });
    expect(loadConfig({ cwd: root })).toMatchObject({ root, configFile: path.join(root, '.clavis-lint.yaml'), include: ['a/**'] });
  });

  it('does not walk above the git root, nor above cwd outside a repository', () => {
    const outer = tempProject({ '.clavis-lint.yaml': 'include: ["outer/**"]\n' }, { git: false });
    mkdirSync(path.join(outer, 'repo/.git'), { recursive: true });
    mkdirSync(path.join(outer, 'plain/sub'), { recursive: true });
    expect(loadConfig({ cwd: path.join(outer, 'repo') })).toMatchObject({ root: path.join(outer, 'repo'), include: ['**/*'] });
    expect(loadConfig({ cwd: path.join(outer, 'plain/sub') })).toMatchObject({ root: path.join(outer, 'plain/sub'), include: ['**/*'] });
  });

  it('--config picks a file explicitly and refuses JavaScript configs', () => {
    const root = tempProject({ 'ci/lint.yaml': 'max_file_bytes: 1000\n', 'x.config.js': '' });
    expect(loadConfig({ cwd: root, configFile: 'ci/lint.yaml' })).toMatchObject({ root: path.join(root, 'ci'), maxFileBytes: 1000 });
    expect(() => loadConfig({ cwd: root, configFile: 'x.config.js' })).toThrow(/never loaded; expected a YAML config/);
    expect(() => loadConfig({ cwd: root, configFile: 'nope.yaml' })).toThrow(/config file not found/);
  });

  it('--registry replaces the configured list; SPEC prefixes pick the source kind', () => {
    const root = tempProject({ '.clavis-lint.yaml': 'registry: a.yaml\n' });
    const config = loadConfig({ cwd: root, registryOverride: 'rust:crates/s/spec.rs,json:c.json,overlay:o.yaml,plain.yaml' });
    expect(config.registry).toEqual([
      { from: 'rust', path: path.join(root, 'crates/s/spec.rs') },
      { from: 'json', path: path.join(root, 'c.json') },
      { from: 'overlay', path: path.join(root, 'o.yaml') },
      path.join(root, 'plain.yaml'),
    ]);
  });
});

describe('config keys', () => {
  it('maps every snake_case key onto the resolved config', () => {
    const yaml = `registry:
  - { from: rust, path: crates/s/spec.rs, struct: Spec, fields: { canonical_env: env } }
  - overlay.yaml
include: ["src/**"]
exclude: ["vendor/**"]
rules:
  no-direct-env-read: error
  no-compile-time-secret: [warn, { prefixes: [GATSBY_] }]
  registry-unreferenced: off
docs: [docs/secrets.md, { path: README.md, columns: [id, env] }]
secret_patterns: ['key$']
test_code: { report: false, severity: error }
lifecycle: { hard_cut: true, max_past_days: 30, today: 2026-05-01 }
require: { owner: true, rotation_days: true }
leak:
  sinks: [{ id: audit, language: typescript, ruleId: no-secret-in-log, module: audit-log, callee: '*.write', args: [0], label: audit log }]
  sources: [getKey]
  sanitizers: [scrub]
secret_stores: [{ provider: vault, language: shell, module: bao, calls: [read], label: OpenBao CLI }]
max_file_bytes: 4096
`;
    const root = tempProject({ '.clavis-lint.yaml': yaml });
    expect(loadConfig({ cwd: root })).toMatchObject({
      registry: [{ from: 'rust', path: 'crates/s/spec.rs', struct: 'Spec', fields: { canonical_env: 'env' } }, 'overlay.yaml'],
      include: ['src/**'],
      exclude: [...DEFAULT_EXCLUDE, 'vendor/**'],
      rules: {
        'no-direct-env-read': { level: 'error', options: {} },
        'no-compile-time-secret': { level: 'warn', options: { prefixes: ['GATSBY_'] } },
        'registry-unreferenced': { level: 'off', options: {} },
      },
      docs: [{ path: 'docs/secrets.md' }, { path: 'README.md', columns: ['id', 'env'] }],
      secretPatterns: ['key$'],
      testCode: { report: false, severity: 'error' },
      lifecycle: { hardCut: true, maxPastDays: 30, today: '2026-05-01' },
      require: { owner: true, rotationDays: true },
      leak: { sinks: [{ id: 'audit', language: 'typescript', ruleId: 'no-secret-in-log', module: 'audit-log', callee: '*.write', args: [0], label: 'audit log' }], sources: ['getKey'], sourcePaths: [], sanitizers: ['scrub'] },
      secretStores: [{ provider: 'vault', language: 'shell', module: 'bao', calls: ['read'], label: 'OpenBao CLI' }],
      maxFileBytes: 4096,
    });
  });

  it('accepts an empty or comment-only config', () => {
    expect(loadConfig({ cwd: tempProject({ '.clavis-lint.yaml': '' }) }).include).toEqual(['**/*']);
    expect(loadConfig({ cwd: tempProject({ '.clavis-lint.yaml': '# nothing yet\n' }) }).include).toEqual(['**/*']);
  });

  const errors: Array<[string, string, number, number, RegExp]> = [
    ['unknown key', 'include: []\nrulez: {}\n', 2, 1, /^config: unknown key; expected one of: registry, include, .*; did you mean "rules"\?$/],
    ['wrong type', 'include: "src/**"\n', 1, 10, /include: expected a list, got a string/],
    ['bad rule level', 'rules:\n  no-direct-env-read: fatal\n', 2, 23, /rules\.no-direct-env-read: expected one of off \| warn \| error, got another string$/],
    ['bad rule tuple', 'rules:\n  no-direct-env-read: [error, {}, 3]\n', 2, 23, /expected off \| warn \| error, or \[level, \{ options \}\]/],
    ['rule options not a mapping', 'rules:\n  no-direct-env-read: [warn, 3]\n', 2, 30, /rules\.no-direct-env-read\[1\] \(rule options\): expected a mapping, got a number/],
    ['bad source kind', 'registry: { from: toml, path: a.toml }\n', 1, 19, /registry\.from: expected one of yaml \| rust \| json \| overlay, got another string/],
    ['source without path', 'registry:\n  - { from: rust }\n', 2, 5, /registry\[0\]: missing "path"/],
    ['struct on a non-Rust source', 'registry: { from: json, path: a.json, struct: X }\n', 1, 39, /"struct" only applies to `from: rust`/],
    ['bad lifecycle date', 'lifecycle:\n  today: 2026-13-01\n', 2, 10, /lifecycle\.today: expected a real date YYYY-MM-DD/],
    ['negative max_past_days', 'lifecycle: { max_past_days: -1 }\n', 1, 29, /expected an integer >= 0/],
    ['bad test_code severity', 'test_code: { severity: info }\n', 1, 24, /test_code\.severity: expected one of warn \| error/],
    ['invalid secret pattern', "secret_patterns: ['(unclosed']\n", 1, 19, /secret_patterns\[0\]: expected a valid JavaScript regular expression/],
    ['sink missing a field', 'leak:\n  sinks:\n    - { id: x, language: rust, ruleId: no-secret-in-log, callee: "a!", label: a }\n', 3, 7, /leak\.sinks\[0\]: missing "args"/],
    ['syntax error', 'rules: {a: error\n', 2, 1, /YAML syntax error/],
    ['top level not a mapping', '- include\n', 1, 1, /config: expected a mapping, got a list/],
  ];
  it.each(errors)('rejects %s with a located message', (_name, yaml, line, column, message) => {
    const error = configError(yaml);
    expect(error.file).toBe('.clavis-lint.yaml');
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.message).toMatch(message);
  });
});
