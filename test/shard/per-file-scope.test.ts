// Which files a shard runs the front ends on (src/shard/per-file.ts): its own, every file of a
// joined language it owns (Python, Rust), and everything when it owns a file a project-level
// rule may report in. The last rule is only sound if project-level rules never report in code
// files: checked here on every invalid fixture of those rules, so a new project-level rule that
// reports elsewhere fails this test instead of silently breaking sharded reports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../support/run-cli.js';
import { FIXTURES, FIXTURE_TODAY, fixtureCases } from '../support/fixture-harness.js';
import { scan } from '../../src/core/engine.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { detectByPath } from '../../src/languages/detect.js';
import { planShards } from '../../src/shard/plan.js';
import { perFileScope, projectFileTest } from '../../src/shard/per-file.js';
import { crossFileTree } from './cross-file-tree.js';

const inputs = (root: string) => ({ root, docsPages: ['docs/secrets.md'], registry: { secrets: [{ origin: { file: 'secrets.registry.yaml', line: 6 } }] } });

describe('per-file scope of a shard', () => {
  it('with workspace packages: a package shard analyses its own files, the shard of the root files (registry, docs) everything', () => {
    const tree = crossFileTree({ workspaces: true });
    const dir = writeTree(tree);
    const files = Object.keys(tree).sort();
    const owner = (file: string) => planShards(dir, files, { index: 1, count: 4 }).shardOf(file);
    const logging = perFileScope(planShards(dir, files, { index: owner('packages/logging/src/log.ts'), count: 4 }), files, inputs(dir));
    expect(logging.analysed).toEqual(['packages/logging/package.json', 'packages/logging/src/log.ts']);
    expect(logging.checkedOnly).toContain('packages/api/src/handler.ts');
    const rootUnit = perFileScope(planShards(dir, files, { index: owner('secrets.registry.yaml'), count: 4 }), files, inputs(dir));
    expect(rootUnit.analysed).toEqual(files);
    expect(rootUnit.checkedOnly).toEqual([]);
  });

  it('a shard owning one Python file analyses every Python file (summaries, helpers and relocated leaks join them)', () => {
    const files = ['a/app.py', 'b/helpers.py', 'c/job.ts', 'd/main.rs'];
    const plan = { index: 1, count: 2, mode: 'path-hash' as const, packages: [], shardOf: (f: string) => (f === 'a/app.py' ? 1 : 2), owns: (f: string) => f === 'a/app.py' };
    expect(perFileScope(plan, files, inputs(writeTree({})))).toEqual({ analysed: ['a/app.py', 'b/helpers.py'], checkedOnly: ['c/job.ts', 'd/main.rs'] });
  });

  it('an owned extensionless shell script (#!) or Kubernetes manifest is a project file; a plain YAML or README is not', () => {
    const dir = writeTree({ 'bin/deploy': '#!/usr/bin/env bash\ndocker build --build-arg X .\n', 'k8s/app.yaml': 'apiVersion: v1\nkind: Secret\n', 'conf/x.yaml': 'a: 1\n', 'pkg/README.md': '# pkg\n', 'pkg/a.ts': 'export {};\n' });
    const scopeOf = (owned: string) => perFileScope({ index: 1, count: 2, mode: 'path-hash', packages: [], shardOf: (f) => (f === owned ? 1 : 2), owns: (f) => f === owned }, ['bin/deploy', 'conf/x.yaml', 'k8s/app.yaml', 'pkg/README.md', 'pkg/a.ts'], inputs(dir));
    expect(scopeOf('bin/deploy').checkedOnly).toEqual([]);
    expect(scopeOf('k8s/app.yaml').checkedOnly).toEqual([]);
    expect(scopeOf('conf/x.yaml').analysed).toEqual(['conf/x.yaml']);
    expect(scopeOf('pkg/README.md').analysed).toEqual(['pkg/README.md']);
  });
});

describe('project-level rules report only in project files', () => {
  // policy-weakened (--policy-from) reads config and registry texts and each file's own comments: tested in shard-work.test.ts.
  const projectRules = ALL_RULES.filter((rule) => rule.checkProject && rule.meta.id !== 'policy-weakened').map((rule) => rule.meta.id);

  it('covers the project-level rules', () => {
    expect(projectRules).toEqual(expect.arrayContaining(['docs-drift', 'env-example-drift', 'no-secret-build-arg', 'registry-unreferenced']));
  });

  it.each(projectRules)('%s: every finding of its invalid fixtures lies in a project file', async (ruleId) => {
    const cases = fixtureCases(ruleId).filter((c) => c.kind === 'invalid');
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const own = c.isDir ? path.join(c.casePath, '.clavis-lint.yaml') : '';
      const ruleConfig = path.join(FIXTURES, ruleId, '.clavis-lint.yaml');
      const configFile = own && fs.existsSync(own) ? own : fs.existsSync(ruleConfig) ? ruleConfig : path.join(FIXTURES, '.clavis-lint.yaml');
      const root = path.dirname(configFile);
      const result = await scan({ cwd: root, paths: [c.casePath], configFile, ruleOverrides: { [ruleId]: 'error' }, workers: 0, today: FIXTURE_TODAY });
      const isProjectFile = projectFileTest({ root: result.root, docsPages: result.prepared.config.docs.map((d) => d.path), registry: result.prepared.registry });
      const languageOf = (file: string) => result.facts.find((f) => f.file === file)?.language ?? detectByPath(file);
      for (const finding of result.findings.filter((f) => f.ruleId === ruleId)) {
        expect(isProjectFile(finding.file, languageOf(finding.file)), `${c.name}: ${finding.file}:${finding.line}`).toBe(true);
      }
    }
  }, 60_000);
});
