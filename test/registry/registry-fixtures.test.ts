// Runs the registry rules over their fixture cases through the real config and registry loaders,
// until the engine's fixture harness (test/fixtures.test.ts) generates expected files for them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import type { Rule } from '../../src/core/rule.js';
import { loadRegistry } from '../../src/registry/load.js';
import { REGISTRY_RULES } from '../../src/rules/catalog-registry.js';
import { contextFor, run } from './rule-harness.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

function cases(rule: Rule, kind: 'valid' | 'invalid'): string[] {
  return readdirSync(path.join(FIXTURES, rule.meta.id, kind)).map((name) => path.join(FIXTURES, rule.meta.id, kind, name));
}

async function findings(rule: Rule, caseDir: string): Promise<string[]> {
  const config = loadConfig({ cwd: caseDir });
  expect(config.root).toBe(caseDir);
  const registry = await loadRegistry(config);
  expect(registry.diagnostics).toEqual([]);
  const ctx = contextFor(registry, { today: config.lifecycle.today, require: config.require, lifecycle: { hardCut: false, maxPastDays: config.lifecycle.maxPastDays } });
  return run(rule, ctx);
}

describe.each(REGISTRY_RULES.map((rule) => [rule.meta.id, rule] as const))('%s fixtures', (_id, rule) => {
  // registry-unreferenced needs facts from front ends for its valid cases: the engine harness covers those.
  const valid = rule.meta.id === 'registry-unreferenced' ? [] : cases(rule, 'valid');
  it.each(valid.map((dir) => [path.basename(dir), dir]))('valid/%s gives no finding', async (_name, dir) => {
    expect(await findings(rule, dir)).toEqual([]);
  });
  it.each(cases(rule, 'invalid').map((dir) => [path.basename(dir), dir]))('invalid/%s gives findings', async (_name, dir) => {
    expect((await findings(rule, dir)).length).toBeGreaterThan(0);
  });
});
