import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import type { Finding } from '../../src/core/finding.js';
import { mergeOverlapping, RULE_SPECIFICITY } from '../../src/core/merge-overlapping.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { toJson } from '../../src/reporters/json.js';
import { buildSarifLog } from '../../src/reporters/sarif.js';
import { FIXTURE_TODAY, FIXTURES } from '../support/fixture-harness.js';
import { reporterContext } from '../reporters/scan-result-fixture.js';

function finding(ruleId: string, overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId, severity: 'warning', file: '.github/workflows/ci.yml', line: 9, column: 35, endLine: 9, endColumn: 57,
    message: `${ruleId} says so.`, secretId: null, envName: 'STRIPE_KEY', fingerprint: `fp-${ruleId}`, ...overrides,
  };
}

describe('merging findings of several rules on one span', () => {
  it('keeps the most specific rule, names the others in its message and in `also`, and the worst severity', () => {
    const merged = mergeOverlapping([
      finding('workflow-secret-mismatch', { severity: 'error', secretId: 'StripeSecretKey' }),
      finding('no-deprecated-alias'),
    ]);
    expect(merged).toEqual([
      finding('no-deprecated-alias', {
        severity: 'error',
        secretId: 'StripeSecretKey',
        message: 'no-deprecated-alias says so. Also workflow-secret-mismatch: workflow-secret-mismatch says so.',
        also: ['workflow-secret-mismatch'],
      }),
    ]);
  });

  it('leaves different spans, and one rule reporting a span twice, alone', () => {
    const apart = [finding('no-deprecated-alias'), finding('workflow-secret-mismatch', { column: 36 })];
    expect(mergeOverlapping(apart)).toBe(apart);
    const twice = [finding('no-secret-echo', { message: 'a.' }), finding('no-secret-echo', { message: 'b.' })];
    expect(mergeOverlapping(twice)).toBe(twice);
  });

  it('merges three rules into one, in specificity order', () => {
    const merged = mergeOverlapping([finding('no-unregistered-secret-env'), finding('no-direct-env-read'), finding('no-compile-time-secret')]);
    expect(merged.map((f) => [f.ruleId, f.also])).toEqual([['no-compile-time-secret', ['no-direct-env-read', 'no-unregistered-secret-env']]]);
  });

  it('ranks only real rule ids', () => {
    const ids = new Set(ALL_RULES.map((r) => r.meta.id));
    expect(RULE_SPECIFICITY.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('a deprecated alias in a workflow is one finding end to end, in JSON and SARIF', async () => {
    const result = await scan({
      cwd: FIXTURES,
      paths: [path.join(FIXTURES, 'workflow-secret-mismatch/invalid/deprecated')],
      configFile: path.join(FIXTURES, '.clavis-lint.yaml'),
      workers: 0,
      today: FIXTURE_TODAY,
    });
    const onSpan = result.findings.filter((f) => f.file.endsWith('deprecated/.github/workflows/ci.yml') && f.line === 9);
    expect(onSpan.map((f) => [f.ruleId, f.also])).toEqual([['no-deprecated-alias', ['workflow-secret-mismatch']]]);
    expect(onSpan[0].message).toContain('Also workflow-secret-mismatch:');
    const json = JSON.parse(toJson(result, reporterContext()));
    expect(json.findings.find((f: { line: number }) => f.line === 9).also).toEqual(['workflow-secret-mismatch']);
    const sarif = buildSarifLog(result, reporterContext());
    expect(sarif.runs[0].results?.find((r) => r.locations?.[0].physicalLocation?.region?.startLine === 9)?.properties?.also).toEqual(['workflow-secret-mismatch']);
  });
});
