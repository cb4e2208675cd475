// `extends`, `overrides`, `baseline:` and every config error at once (issue 11, DESIGN §10).
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-types.js';
import { loadConfig } from '../../src/core/config.js';
import { levelAt, resolveRuleLevels } from '../../src/core/rule-levels.js';
import { tempProject } from '../registry/temp-project.js';

function problems(root: string): string[] {
  try {
    loadConfig({ cwd: root });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).locatedAll();
  }
  throw new Error('expected a config error');
}

describe('extends', () => {
  it('applies files in order, then the extending file; rules merge per id, other keys are replaced', () => {
    const root = tempProject({
      '.clavis-lint.yaml': 'extends: [./shared/base.yaml, shared/strict.json]\nrules:\n  no-secret-in-log: warn\n',
      'shared/base.yaml': 'include: ["src/**"]\nrules:\n  no-direct-env-read: warn\n  no-secret-in-log: error\n',
      'shared/strict.json': '{ "rules": { "no-direct-env-read": "error" }, "max_file_bytes": 1000 }',
    });
    const config = loadConfig({ cwd: root });
    expect(config.include).toEqual(['src/**']);
    expect(config.maxFileBytes).toBe(1000);
    expect(config.rules['no-direct-env-read'].level).toBe('error');
    expect(config.rules['no-secret-in-log'].level).toBe('warn');
    expect(config.extendedFiles).toEqual(['shared/base.yaml', 'shared/strict.json']);
  });

  it('resolves nested extends relative to the file that names them', () => {
    const root = tempProject({
      '.clavis-lint.yaml': 'extends: configs/team.yaml\n',
      'configs/team.yaml': 'extends: ./org.yaml\nexclude: ["gen/**"]\n',
      'configs/org.yaml': 'rules:\n  no-direct-env-read: off\n',
    });
    const config = loadConfig({ cwd: root });
    expect(config.rules['no-direct-env-read'].level).toBe('off');
    expect(config.exclude).toContain('gen/**');
    expect(config.extendedFiles).toEqual(['configs/org.yaml', 'configs/team.yaml']);
  });

  it('resolves a package from node_modules: its clavis-lint.yaml, or the path in package.json "clavis-lint"', () => {
    const root = tempProject({
      '.clavis-lint.yaml': 'extends: ["@acme/clavis-config", plain-config]\n',
      'node_modules/@acme/clavis-config/package.json': '{ "name": "@acme/clavis-config", "clavis-lint": "configs/recommended.yaml", "main": "index.js" }',
      'node_modules/@acme/clavis-config/configs/recommended.yaml': 'rules:\n  no-direct-env-read: warn\n',
      'node_modules/@acme/clavis-config/index.js': 'throw new Error("never loaded")\n',
      'node_modules/plain-config/clavis-lint.yaml': 'secret_patterns: ["token"]\n',
    });
    const config = loadConfig({ cwd: root });
    expect(config.rules['no-direct-env-read'].level).toBe('warn');
    expect(config.secretPatterns).toEqual(['token']);
  });

  it('never loads JavaScript from a package', () => {
    const root = tempProject({
      '.clavis-lint.yaml': 'extends: js-config\n',
      'node_modules/js-config/package.json': '{ "clavis-lint": "index.js" }',
      'node_modules/js-config/index.js': 'module.exports = {}\n',
    });
    expect(problems(root)).toEqual([expect.stringMatching(/^\.clavis-lint\.yaml:1:10: extends: .*JavaScript is never loaded/)]);
  });

  it('refuses a package that leads outside the project (a symbolic link) and a missing package', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'clavis-outside-'));
    writeFileSync(path.join(outside, 'clavis-lint.yaml'), 'rules: {}\n');
    const root = tempProject({ '.clavis-lint.yaml': 'extends: [evil, missing-one]\n' });
    mkdirSync(path.join(root, 'node_modules'));
    symlinkSync(outside, path.join(root, 'node_modules/evil'));
    const found = problems(root);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/extends\[0\]: the shared config resolves through a symbolic link to a location outside the project root/);
    expect(found[1]).toMatch(/extends\[1\]: .*package not found/);
  });

  it('refuses a file path out of the project and an absolute path', () => {
    const root = tempProject({ 'proj/.clavis-lint.yaml': 'extends: [../../etc.yaml, /etc/passwd.yaml]\n' }, { git: false });
    mkdirSync(path.join(root, 'proj/.git'));
    const found = problems(path.join(root, 'proj'));
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/extends\[0\]: .*outside the project root/);
    expect(found[1]).toMatch(/extends\[1\]: /);
  });

  it('detects cycles and names the chain', () => {
    const root = tempProject({
      '.clavis-lint.yaml': 'extends: a.yaml\n',
      'a.yaml': 'extends: b.yaml\n',
      'b.yaml': 'extends: ./a.yaml\n',
    });
    expect(problems(root)).toEqual([expect.stringMatching(/^b\.yaml:1:10: extends: extends cycle: \.clavis-lint\.yaml -> a\.yaml -> b\.yaml -> a\.yaml$/)]);
  });

  it('reports problems inside a shared config at its own file and line', () => {
    const root = tempProject({ '.clavis-lint.yaml': 'extends: shared.yaml\n', 'shared.yaml': 'rules:\n  no-direct-env-raed: error\n' });
    expect(problems(root)).toEqual([expect.stringMatching(/^shared\.yaml:2:3: rules: unknown rule id; .*did you mean "no-direct-env-read"\?$/)]);
  });
});

describe('overrides', () => {
  it('sets per-path levels after the base levels; the last matching entry wins; --rule beats them', () => {
    const root = tempProject({
      '.clavis-lint.yaml': [
        'rules:',
        '  no-direct-env-read: error',
        'overrides:',
        '  - files: ["scripts/**", "tools/*.ts"]',
        '    rules: { no-direct-env-read: off }',
        '  - files: scripts/keep/**',
        '    rules: { no-direct-env-read: warn }',
        '',
      ].join('\n'),
    });
    const config = loadConfig({ cwd: root });
    expect(config.overrides).toEqual([
      { files: ['scripts/**', 'tools/*.ts'], rules: { 'no-direct-env-read': 'off' } },
      { files: ['scripts/keep/**'], rules: { 'no-direct-env-read': 'warn' } },
    ]);
    const rule = resolveRuleLevels(config, {}).find((r) => r.rule.meta.id === 'no-direct-env-read')!;
    expect(levelAt(rule, 'src/a.ts')).toBe('error');
    expect(levelAt(rule, 'scripts/a.ts')).toBe('off');
    expect(levelAt(rule, 'tools/x.ts')).toBe('off');
    expect(levelAt(rule, 'scripts/keep/a.ts')).toBe('warn');
    const cli = resolveRuleLevels(config, { 'no-direct-env-read': 'error' }).find((r) => r.rule.meta.id === 'no-direct-env-read')!;
    expect(levelAt(cli, 'scripts/a.ts')).toBe('error');
  });

  it('merges the overrides of extended configs before its own', () => {
    const root = tempProject({
      '.clavis-lint.yaml': 'extends: base.yaml\noverrides:\n  - files: ["b/**"]\n    rules: { no-secret-in-log: warn }\n',
      'base.yaml': 'overrides:\n  - files: ["a/**"]\n    rules: { no-secret-in-log: off }\n',
    });
    expect(loadConfig({ cwd: root }).overrides?.map((o) => o.files[0])).toEqual(['a/**', 'b/**']);
  });

  it('checks entries: unknown ids with a suggestion, options refused, missing keys', () => {
    const root = tempProject({
      '.clavis-lint.yaml': [
        'overrides:',
        '  - files: ["a/**"]',
        '    rules:',
        '      no-secret-in-lgo: off',
        '      no-direct-env-read: [warn, {}]',
        '  - rules: { no-secret-in-log: off }',
        '',
      ].join('\n'),
    });
    const found = problems(root);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^\.clavis-lint\.yaml:4:7: overrides\[0\]\.rules: unknown rule id; .*did you mean "no-secret-in-log"\?$/);
    expect(found[1]).toMatch(/^\.clavis-lint\.yaml:5:27: overrides\[0\]\.rules\.no-direct-env-read: overrides set levels only/);
    expect(found[2]).toMatch(/^\.clavis-lint\.yaml:6:5: overrides\[1\]: missing "files"/);
  });
});

describe('baseline key', () => {
  it('is read relative to the root and must stay inside the project', () => {
    expect(loadConfig({ cwd: tempProject({ '.clavis-lint.yaml': 'baseline: ci/baseline.json\n' }) }).baseline).toBe('ci/baseline.json');
    expect(problems(tempProject({ '.clavis-lint.yaml': 'baseline: /tmp/x.json\n' }))).toEqual([expect.stringMatching(/^\.clavis-lint\.yaml:1:11: baseline: .*outside the project root/)]);
  });
});

describe('every config error at once', () => {
  it('collects unknown keys, unknown rule ids, bad options and bad values, each at its line', () => {
    const root = tempProject({
      '.clavis-lint.yaml': [
        'exclud: ["x/**"]',
        'rules:',
        '  no-direct-env-raed: error',
        '  no-secret-in-log: loud',
        'max_file_bytes: -1',
        'test_code: { report: maybe }',
        '',
      ].join('\n'),
    });
    const found = problems(root);
    expect(found).toEqual([
      expect.stringMatching(/^\.clavis-lint\.yaml:1:1: config: unknown key; .*did you mean "exclude"\?$/),
      expect.stringMatching(/^\.clavis-lint\.yaml:3:3: rules: unknown rule id; .*did you mean "no-direct-env-read"\?$/),
      expect.stringMatching(/^\.clavis-lint\.yaml:4:21: rules\.no-secret-in-log: /),
      expect.stringMatching(/^\.clavis-lint\.yaml:5:17: max_file_bytes: /),
      expect.stringMatching(/^\.clavis-lint\.yaml:6:22: test_code\.report: /),
    ]);
  });

  it('a single problem is still a plain ConfigError with its location', () => {
    const root = tempProject({ '.clavis-lint.yaml': 'rules:\n  no-direct-env-raed: error\n' });
    try {
      loadConfig({ cwd: root });
      throw new Error('expected a config error');
    } catch (error) {
      expect((error as ConfigError).line).toBe(2);
      expect((error as ConfigError).locatedAll()).toHaveLength(1);
    }
  });
});

describe('--rule', () => {
  it('an unknown id names the near miss', () => {
    const config = loadConfig({ cwd: tempProject({}) });
    expect(() => resolveRuleLevels(config, { 'no-direct-env-raed': 'off' })).toThrow(/unknown rule 'no-direct-env-raed' in --rule: .*did you mean "no-direct-env-read"\?/);
  });
});
