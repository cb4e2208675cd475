// Docs are tested like code: every "Incorrect" example in a rule's metadata (and so in its
// generated doc page) must trigger that rule, and every "Correct" example must not. Each
// snippet is scanned as a file of a small project that uses the shared fixture registry;
// registry-rule examples are the registry itself.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import type { RuleExample, RuleMeta } from '../../src/core/rule.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { FIXTURES, FIXTURE_TODAY } from '../support/fixture-harness.js';
import { tempDir } from '../support/run-cli.js';

const DEFAULT_FILE: Record<string, string> = {
  ts: 'src/example.ts',
  rust: 'src/main.rs',
  python: 'app/example.py',
  sh: 'scripts/example.sh',
  dockerfile: 'Dockerfile',
  dotenv: '.env',
  md: 'docs/secrets.md',
  yaml: '.github/workflows/example.yml',
};

async function findingsFor(meta: RuleMeta, example: RuleExample): Promise<string[]> {
  const dir = tempDir('clavis-example-');
  const registryText = fs.readFileSync(path.join(FIXTURES, 'registry.yaml'), 'utf8');
  const isRegistryExample = meta.area === 'registry' && example.lang === 'yaml' && !example.file;
  // A registry rule's code example fixes its first Incorrect registry: it runs against that registry.
  const registryExample = meta.area === 'registry' && !isRegistryExample ? meta.bad.find((e) => e.lang === 'yaml' && !e.file)?.code : undefined;
  fs.writeFileSync(path.join(dir, 'secrets.registry.yaml'), isRegistryExample ? example.code : (registryExample ?? registryText));
  fs.writeFileSync(path.join(dir, '.clavis-lint.yaml'), 'registry: secrets.registry.yaml\ndocs: [{ path: docs/secrets.md }]\nrequire: { owner: true, rotation_days: true }\n');
  if (!isRegistryExample) {
    const file = path.join(dir, example.file ?? DEFAULT_FILE[example.lang] ?? `example.${example.lang}`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${example.code}\n`);
  }
  // An example with a base version is a change: the base files go into `.base/`, which the scan
  // takes as the base policy (`--policy-from`), with the fixture registry on both sides.
  let policyFrom: { dir: string } | undefined;
  if (example.base !== undefined) {
    const baseDir = path.join(dir, '.base');
    const baseFile = path.join(baseDir, example.file ?? DEFAULT_FILE[example.lang] ?? `example.${example.lang}`);
    fs.mkdirSync(path.dirname(baseFile), { recursive: true });
    fs.writeFileSync(baseFile, `${example.base}\n`);
    fs.copyFileSync(path.join(dir, 'secrets.registry.yaml'), path.join(baseDir, 'secrets.registry.yaml'));
    policyFrom = { dir: baseDir };
  }
  const level = meta.defaultSeverity === 'off' ? 'error' : meta.defaultSeverity;
  const result = await scan({ cwd: dir, paths: [dir], ruleOverrides: { [meta.id]: level }, today: FIXTURE_TODAY, workers: 0, mergeOverlapping: false, ...(policyFrom ? { policyFrom } : {}) });
  return result.findings.filter((f) => f.ruleId === meta.id).map((f) => `${f.file}:${f.line} ${f.message}`);
}

describe('rule documentation examples', () => {
  for (const { meta } of ALL_RULES) {
    describe(meta.id, () => {
      meta.bad.forEach((example, i) => {
        it(`Incorrect example ${i + 1} (${example.lang}) is reported`, async () => {
          expect((await findingsFor(meta, example)).length).toBeGreaterThan(0);
        });
      });
      meta.good.forEach((example, i) => {
        it(`Correct example ${i + 1} (${example.lang}) is not reported`, async () => {
          expect(await findingsFor(meta, example)).toEqual([]);
        });
      });
    });
  }
});
