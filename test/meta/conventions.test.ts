// Meta-tests: the conventions every rule must follow, checked rather than hoped for.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedRuleDocs } from '../../src/catalog/rule-docs.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { fixtureCases, fixtureRuleIds, FIXTURES } from '../support/fixture-harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DESIGN_RULE_IDS = [
  'no-direct-env-read', 'no-unregistered-secret-env', 'no-dynamic-env-read', 'no-direct-secret-store-access', 'no-compile-time-secret',
  'no-secret-in-log', 'no-secret-in-error', 'no-secret-in-prompt', 'no-secret-in-tool-output', 'no-secret-in-telemetry',
  'no-secret-serialization', 'no-secret-in-url', 'no-leaky-secret-type', 'no-deprecated-alias', 'docs-drift', 'env-example-drift',
  'no-secret-literal-in-config', 'workflow-secret-mismatch', 'no-secret-build-arg', 'prefer-workload-identity', 'no-secret-echo',
  'registry-duplicate', 'registry-collision', 'registry-lifecycle', 'registry-unreferenced',
];

describe('rule catalog', () => {
  it('contains every rule id of the DESIGN catalog (ids are permanent)', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    for (const id of DESIGN_RULE_IDS) expect(ids, id).toContain(id);
  });

  it('has unique, sorted ids', () => {
    const ids = ALL_RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  for (const { meta } of ALL_RULES) {
    describe(meta.id, () => {
      it('has well-formed metadata', () => {
        expect(meta.description).toMatch(/^(Disallow|Require|Enforce|Report) .+\.$/);
        expect(meta.rationale.length).toBeGreaterThan(40);
        expect(meta.fix.length).toBeGreaterThan(20);
        expect(Number(meta.securitySeverity)).toBeGreaterThanOrEqual(0);
        expect(Number(meta.securitySeverity)).toBeLessThanOrEqual(10);
        for (const cwe of meta.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
        expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
        for (const [id, text] of Object.entries(meta.messages)) expect(text, id).toMatch(/[.!?]$/);
        expect(meta.bad.length + meta.good.length).toBeGreaterThan(0);
      });

      it('has valid and invalid fixtures', () => {
        const cases = fixtureCases(meta.id);
        expect(cases.some((c) => c.kind === 'valid'), 'a valid case').toBe(true);
        expect(cases.some((c) => c.kind === 'invalid'), 'an invalid case').toBe(true);
      });

      it('exercises every message id in some fixture expectation', () => {
        const texts = fixtureCases(meta.id)
          .filter((c) => c.kind === 'invalid' && fs.existsSync(c.expectedPath))
          .flatMap((c) => (JSON.parse(fs.readFileSync(c.expectedPath, 'utf8')) as Array<{ message: string }>).map((f) => f.message));
        for (const [id, template] of Object.entries(meta.messages)) {
          // Each template, with placeholders as wildcards, must match some expected message.
          const pattern = new RegExp(`^${template.split(/\{\{\s*\w+\s*\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*?')}$`);
          expect(texts.some((t) => pattern.test(t)), `message '${id}' is exercised`).toBe(true);
        }
      });
    });
  }

  it('has a fixtures directory only for known rules', () => {
    const ids = new Set(ALL_RULES.map((r) => r.meta.id));
    for (const dir of fixtureRuleIds()) expect(ids.has(dir), `fixtures/${dir}`).toBe(true);
    expect(fs.existsSync(FIXTURES)).toBe(true);
  });
});

describe('generated docs', () => {
  it('docs/rules/ matches the rule metadata (run npm run docs:generate)', () => {
    const docs = generatedRuleDocs(ALL_RULES.map((r) => r.meta));
    for (const [rel, text] of docs) {
      const file = path.join(ROOT, rel);
      expect(fs.existsSync(file), `${rel} exists`).toBe(true);
      expect(fs.readFileSync(file, 'utf8'), rel).toBe(text);
    }
    const onDisk = fs.readdirSync(path.join(ROOT, 'docs/rules')).map((f) => `docs/rules/${f}`);
    expect(onDisk.sort()).toEqual([...docs.keys()].sort());
  });
});
