import { describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import type { Finding, ScanResult } from '../../src/core/finding.js';
import { buildSarifLog, MAX_FLOW_LOCATIONS, relativeUri, rootUri, toSarif } from '../../src/reporters/sarif.js';
import { checkGithubSarifIngestion } from '../../src/reporters/sarif-ingestion.js';
import { cweTag, pascalCaseRuleName } from '../../src/reporters/sarif-rules.js';
import { compileSarifValidator } from './sarif-schema.js';
import { emptyResult, reporterContext, scanResult } from './scan-result-fixture.js';

const validate = compileSarifValidator();

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

function manyFindings(count: number): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    ruleId: 'no-direct-env-read',
    severity: i % 3 === 0 ? ('error' as const) : ('warning' as const),
    file: `src/f${i % 7}.ts`,
    line: i + 1,
    column: 1,
    endLine: i + 1,
    endColumn: 5,
    message: 'X is read from the environment outside the resolver.',
    secretId: null,
    envName: 'X',
    fingerprint: `fp${i}`,
  }));
}

describe('SARIF schema and GitHub ingestion', () => {
  it('the schema validator rejects a broken log (it can fail)', () => {
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const log = buildSarifLog(scanResult(), reporterContext());
    (log.runs[0].results![0] as unknown as Record<string, unknown>).level = 'fatal';
    expect(validate(log)).toBe(false);
  });

  it('validates against the SARIF 2.1.0 schema, with and without suppressed results', () => {
    expectValid(JSON.parse(toSarif(scanResult(), reporterContext())));
    expectValid(JSON.parse(toSarif(scanResult(), reporterContext({ includeSuppressed: true }))));
    expectValid(JSON.parse(toSarif(emptyResult(), reporterContext())));
    expect(checkGithubSarifIngestion(buildSarifLog(emptyResult(), reporterContext()), ['no-direct-env-read'])).toEqual([]);
  });

  it('passes the GitHub ingestion checks and lists every enabled rule', () => {
    const result = scanResult();
    const log = JSON.parse(toSarif(result, reporterContext())) as Sarif.Log;
    expect(checkGithubSarifIngestion(log, result.enabledRules.map((r) => r.id))).toEqual([]);
    const ids = log.runs[0].tool.driver.rules!.map((r) => r.id);
    expect(ids).toEqual(['no-deprecated-alias', 'no-direct-env-read', 'no-secret-echo', 'no-secret-in-log', 'no-secret-in-prompt']);
  });

  it('the ingestion checks catch what GitHub rejects', () => {
    const log = buildSarifLog(scanResult(), reporterContext());
    const run = log.runs[0];
    delete run.tool.driver.rules![0].fullDescription;
    run.results![0].locations![0].physicalLocation!.artifactLocation!.uri = '/abs/path.ts';
    run.results![1].ruleIndex = 0;
    run.columnKind = 'unicodeCodePoints';
    const problems = checkGithubSarifIngestion(log, ['missing-rule']);
    expect(problems.join('\n')).toMatch(/fullDescription/);
    expect(problems.join('\n')).toMatch(/relative path/);
    expect(problems.join('\n')).toMatch(/ruleIndex/);
    expect(problems.join('\n')).toMatch(/columnKind/);
    expect(problems.join('\n')).toMatch(/missing-rule/);
  });

  it('has the GitHub-required envelope', () => {
    const log = buildSarifLog(scanResult(), reporterContext({ automationId: 'clavis-lint/pr-42/' }));
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.automationDetails?.id).toBe('clavis-lint/pr-42/');
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe('file:///repo/');
    expect(run.tool.driver.version).toBe('1.2.3');
    expect(run.invocations?.[0].executionSuccessful).toBe(true);
    expect(run.invocations?.[0].toolExecutionNotifications?.map((n) => n.message.text)).toEqual(['Unexpected token.', 'File too large (2 MB); skipped.']);
  });

  it('maps results: rule index, level, fingerprint, properties and code flows', () => {
    const run = buildSarifLog(scanResult(), reporterContext()).runs[0];
    const rules = run.tool.driver.rules!;
    for (const result of run.results!) expect(rules[result.ruleIndex!].id).toBe(result.ruleId);
    const leak = run.results!.find((r) => r.ruleId === 'no-secret-in-log' && r.level === 'error')!;
    expect(leak.partialFingerprints).toEqual({ 'clavisLint/v1': 'fp-no-secret-in-log-src/a.ts-7' });
    expect(leak.properties).toEqual({ secretId: 'OpenRouterApiKey', envName: 'OPENROUTER_API_KEY' });
    const steps = leak.codeFlows![0].threadFlows[0].locations;
    expect(steps.map((s) => s.location?.message?.text)).toEqual([
      "resolveSecret('OpenRouterApiKey') returns the secret",
      'interpolated into a template literal',
      'passed to console.log',
    ]);
    expect(steps[0].location?.physicalLocation?.region).toEqual({ startLine: 5, startColumn: 15, endLine: 5, endColumn: 48 });
    const noSecret = run.results!.find((r) => r.level === 'warning' && r.ruleId === 'no-secret-in-log')!;
    expect(noSecret.properties).toBeUndefined();
    expect(noSecret.locations![0].physicalLocation!.artifactLocation!.uri).toBe('src/%C3%BCn%C3%AFcode.ts');
  });

  it('emits suppressed results only on request, with their justification', () => {
    expect(buildSarifLog(scanResult(), reporterContext()).runs[0].results!.some((r) => r.suppressions)).toBe(false);
    const run = buildSarifLog(scanResult(), reporterContext({ includeSuppressed: true })).runs[0];
    const suppressed = run.results!.filter((r) => r.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0].suppressions).toEqual([{ kind: 'inSource', justification: 'Bootstrap before the resolver exists.' }]);
    const baseline: ScanResult = { ...scanResult(), suppressed: [{ ...scanResult().suppressed[0], suppression: { kind: 'baseline', justification: 'In the baseline.' } }] };
    expect(buildSarifLog(baseline, reporterContext({ includeSuppressed: true })).runs[0].results!.find((r) => r.suppressions)!.suppressions![0].kind).toBe('external');
  });

  it('caps results, keeping errors first, and says so', () => {
    const result: ScanResult = { ...scanResult(), findings: manyFindings(30), errors: [] };
    const log = buildSarifLog(result, reporterContext({ maxResults: 10 }));
    const run = log.runs[0];
    expect(run.results).toHaveLength(10);
    expect(run.results!.every((r) => r.level === 'error')).toBe(true);
    const notes = run.invocations![0].toolExecutionNotifications!;
    expect(notes.map((n) => n.descriptor?.id)).toEqual(['results-capped']);
    expect(notes[0].message.text).toContain('Only 10 of 30 results');
    expectValid(log);
  });

  it('caps long code flows to the first steps and the sink', () => {
    const base = scanResult();
    const flow = Array.from({ length: MAX_FLOW_LOCATIONS + 50 }, (_, i) => ({ file: 'src/a.ts', line: i + 1, column: 1, note: `step ${i + 1}` }));
    const result: ScanResult = { ...base, findings: [{ ...base.findings[0], flow }] };
    const run = buildSarifLog(result, reporterContext()).runs[0];
    const steps = run.results![0].codeFlows![0].threadFlows[0].locations;
    expect(steps).toHaveLength(MAX_FLOW_LOCATIONS);
    expect(steps.at(-1)!.location!.message!.text).toBe(`step ${MAX_FLOW_LOCATIONS + 50}`);
    expect(run.invocations![0].toolExecutionNotifications!.some((n) => n.descriptor?.id === 'flow-capped')).toBe(true);
  });

  it('lists a rule that reported but is not in enabledRules (engine-level findings)', () => {
    const base = scanResult();
    const result: ScanResult = {
      ...base,
      findings: [{ ...base.findings[0], ruleId: 'unused-suppression', flow: undefined, severity: 'warning' }],
    };
    const log = buildSarifLog(result, reporterContext());
    const rule = log.runs[0].tool.driver.rules!.find((r) => r.id === 'unused-suppression')!;
    expect(rule.shortDescription?.text).toBe('Report unused-suppression findings.');
    expect(checkGithubSarifIngestion(log)).toEqual([]);
    expectValid(log);
  });

  it('never writes timestamps and is byte-identical whatever the input order', () => {
    const result = scanResult();
    const first = toSarif(result, reporterContext());
    const shuffled: ScanResult = { ...result, findings: [...result.findings].reverse(), errors: [...result.errors].reverse(), enabledRules: [...result.enabledRules].reverse() };
    expect(toSarif(shuffled, reporterContext({ rules: [...reporterContext().rules].reverse() }))).toBe(first);
    expect(first).not.toMatch(/"[A-Za-z]*(Time|time|Utc|date)[A-Za-z]*":/);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('helpers: relative URIs, root URIs, rule names, CWE tags', () => {
    expect(relativeUri('./src/a b#c.ts')).toBe('src/a%20b%23c.ts');
    expect(relativeUri('src\\win\\x.ts')).toBe('src/win/x.ts');
    expect(rootUri('/home/u/my repo')).toBe('file:///home/u/my%20repo/');
    expect(rootUri('C:\\work\\repo')).toBe('file:///C:/work/repo/');
    expect(rootUri('relative/root')).toBeUndefined();
    expect(pascalCaseRuleName('no-secret-in-url')).toBe('NoSecretInUrl');
    expect(cweTag('CWE-0532')).toBe('external/cwe/cwe-532');
    expect(cweTag('none')).toBeUndefined();
  });

  it('falls back to a described root when the root is not absolute', () => {
    const log = buildSarifLog({ ...scanResult(), root: '.' }, reporterContext());
    expect(log.runs[0].originalUriBaseIds?.['%SRCROOT%']).toEqual({ description: { text: 'The project root.' } });
    expectValid(log);
  });
});
