// The real rule catalog through the SARIF reporter: every rule's meta must give GitHub what it
// needs (descriptions, help, tags, security-severity) and validate against the schema.
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/rules/index.js';
import { buildSarifLog } from '../../src/reporters/sarif.js';
import { checkGithubSarifIngestion } from '../../src/reporters/sarif-ingestion.js';
import { compileSarifValidator } from './sarif-schema.js';
import { emptyResult, reporterContext } from './scan-result-fixture.js';

describe('SARIF with the real rule catalog', () => {
  it('lists every rule with GitHub-complete metadata and validates', () => {
    const metas = ALL_RULES.map((rule) => rule.meta);
    const result = { ...emptyResult(), enabledRules: metas.map((meta) => ({ id: meta.id, level: 'error' as const })) };
    const log = buildSarifLog(result, reporterContext({ rules: metas }));
    expect(checkGithubSarifIngestion(log, metas.map((m) => m.id))).toEqual([]);
    const validate = compileSarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    for (const descriptor of log.runs[0].tool.driver.rules!) {
      expect(descriptor.shortDescription!.text, descriptor.id).toMatch(/^(Disallow|Require|Enforce|Report) .*\.$/);
    }
  });
});
