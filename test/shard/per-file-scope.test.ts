// Which files a shard runs the front ends on (src/shard/per-file.ts): its own, every file of a
// joined language it owns (Python, Rust), every config file when it owns one (build-arg checks
// join them), and everything when it owns a docs page, a registry file or an env file. Sound only
// if project-level rules never report in code files, and their findings in config files need only
// config files' facts: both checked here on every invalid fixture of those rules, so a new
// project-level rule that breaks either fails this test instead of silently changing sharded reports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../support/run-cli.js';
import { FIXTURES, FIXTURE_TODAY, fixtureCases } from '../support/fixture-harness.js';
import { scan } from '../../src/core/engine.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { detectByPath } from '../../src/languages/detect.js';
import { planShards } from '../../src/shard/plan.js';
import { perFileScope, projectFileKind } from '../../src/shard/per-file.js';
import { buildSharedContext, contextForRule } from '../../src/core/rule-context.js';
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
    // A config file needs every file that is not code (extensionless ones included: they may be scripts).
    expect(scopeOf('bin/deploy').checkedOnly).toEqual(['pkg/a.ts']);
    expect(scopeOf('k8s/app.yaml').checkedOnly).toEqual(['pkg/a.ts']);
    expect(scopeOf('conf/x.yaml').analysed).toEqual(['conf/x.yaml']);
    expect(scopeOf('pkg/README.md').analysed).toEqual(['pkg/README.md']);
    expect(scopeOf('pkg/a.ts').analysed).toEqual(['pkg/a.ts']);
  });
});

describe('project-level rules report only in project files', () => {
  // policy-weakened (--policy-from) reads config and registry texts and each file's own comments: tested in shard-work.test.ts.
  const projectRules = ALL_RULES.filter((rule) => rule.checkProject && rule.meta.id !== 'policy-weakened').map((rule) => rule.meta.id);

  it('covers the project-level rules', () => {
    expect(projectRules).toEqual(expect.arrayContaining(['docs-drift', 'env-example-drift', 'no-secret-build-arg', 'registry-unreferenced']));
  });

  it.each(projectRules)('%s: every finding of its invalid fixtures lies in a project file; in a config file, it needs no code file\'s facts', async (ruleId) => {
    const cases = fixtureCases(ruleId).filter((c) => c.kind === 'invalid');
    expect(cases.length).toBeGreaterThan(0);
    let configReports = 0;
    for (const c of cases) {
      const own = c.isDir ? path.join(c.casePath, '.clavis-lint.yaml') : '';
      const ruleConfig = path.join(FIXTURES, ruleId, '.clavis-lint.yaml');
      const configFile = own && fs.existsSync(own) ? own : fs.existsSync(ruleConfig) ? ruleConfig : path.join(FIXTURES, '.clavis-lint.yaml');
      const root = path.dirname(configFile);
      const result = await scan({ cwd: root, paths: [c.casePath], configFile, ruleOverrides: { [ruleId]: 'error' }, workers: 0, today: FIXTURE_TODAY });
      const kindOf = projectFileKind({ root: result.root, docsPages: result.prepared.config.docs.map((d) => d.path), registry: result.prepared.registry });
      const languageOf = (file: string) => result.facts.find((f) => f.file === file)?.language ?? detectByPath(file);
      for (const finding of result.findings.filter((f) => f.ruleId === ruleId)) {
        expect(kindOf(finding.file, languageOf(finding.file)), `${c.name}: ${finding.file}:${finding.line}`).toBeDefined();
      }
      // The rule's reports in config files, from every file's facts and from the config files' facts alone.
      const effective = result.prepared.rules.find((r) => r.rule.meta.id === ruleId)!;
      const ctx = contextForRule(buildSharedContext(result.prepared.config, result.prepared.registry, result.prepared.today, result.prepared.hardCut), effective.options);
      const inConfigFiles = (files: typeof result.facts) => [...effective.rule.checkProject!({ files }, ctx)].filter((report) => kindOf(report.file, languageOf(report.file)) === 'config');
      const configFacts = result.facts.filter((f) => !['typescript', 'javascript', 'python', 'rust'].includes(f.language));
      expect(JSON.stringify(inConfigFiles(configFacts)), c.name).toBe(JSON.stringify(inConfigFiles(result.facts)));
      configReports += inConfigFiles(result.facts).length;
    }
    if (ruleId === 'no-secret-build-arg') expect(configReports).toBeGreaterThan(0); // the comparison above is not vacuous
  }, 60_000);
});
