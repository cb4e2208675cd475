import { describe, expect, it } from 'vitest';
import { toJson } from '../../src/reporters/json.js';
import { reporterContext, scanResult } from './scan-result-fixture.js';

describe('json reporter', () => {
  it('writes the DESIGN §3 contract with keys in order, 2-space indent and a trailing newline', () => {
    const text = toJson(scanResult(), reporterContext());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n  "version": 1,\n  "tool": {\n    "name": "clavis-lint",\n    "version": "1.2.3"\n  },\n')).toBe(true);
    const json = JSON.parse(text);
    expect(Object.keys(json)).toEqual(['version', 'tool', 'findings', 'stats', 'errors']);
    expect(Object.keys(json.findings[0])).toEqual([
      'ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'secretId', 'envName', 'fingerprint',
    ]);
    const leak = json.findings.find((f: { flow?: unknown }) => f.flow);
    expect(Object.keys(leak).at(-1)).toBe('flow');
    expect(leak.flow[0]).toEqual({ file: 'src/a.ts', line: 5, column: 15, endLine: 5, endColumn: 48, note: "resolveSecret('OpenRouterApiKey') returns the secret" });
    expect(Object.keys(leak.flow[1])).toEqual(['file', 'line', 'column', 'note']);
  });

  it('sorts findings, errors and languages; keeps null ids; timing only on request', () => {
    const json = JSON.parse(toJson(scanResult(), reporterContext()));
    expect(json.findings.map((f: { file: string; line: number }) => `${f.file}:${f.line}`)).toEqual([
      '.github/workflows/ci.yml:2', 'scripts/deploy.sh:3', 'src/a.ts:3', 'src/a.ts:7', 'src/ünïcode.ts:1',
    ]);
    expect(json.findings[4].secretId).toBeNull();
    // Identical runs give identical bytes: stats.ms is 0 unless --timing asks for it.
    expect(json.stats).toEqual({ files: 12, filesByLanguage: { markdown: 1, shell: 2, typescript: 8, workflow: 1 }, ms: 0, prefiltered: 30 });
    expect(JSON.parse(toJson(scanResult(), reporterContext({ timing: true }))).stats.ms).toBe(42);
    // --timing also adds the leak pass's part and the split by phase, after the counts; never without it.
    const phases = { config: 3, discovery: 2, files: 20, crossFile: 1, leak: 15, rules: 1 };
    const timed = { ...scanResult(), stats: { ...scanResult().stats, leakMs: 15, phases } };
    expect(JSON.parse(toJson(timed, reporterContext({ timing: true }))).stats).toEqual({ ...json.stats, ms: 42, leakMs: 15, phases });
    expect(Object.keys(JSON.parse(toJson(timed, reporterContext({ timing: true }))).stats).slice(-2)).toEqual(['leakMs', 'phases']);
    expect(JSON.parse(toJson(timed, reporterContext())).stats).toEqual(json.stats);
    expect(Object.keys(json.stats.filesByLanguage)).toEqual(['markdown', 'shell', 'typescript', 'workflow']);
    expect(json.errors).toEqual([
      { file: 'src/broken.ts', message: 'Unexpected token.', line: 4, column: 2 },
      { file: 'vendor/blob.min.js', message: 'File too large (2 MB); skipped.' },
    ]);
  });

  it('adds suppressed findings, with their suppression, only on request', () => {
    expect(JSON.parse(toJson(scanResult(), reporterContext())).suppressed).toBeUndefined();
    const json = JSON.parse(toJson(scanResult(), reporterContext({ includeSuppressed: true })));
    expect(Object.keys(json).at(-1)).toBe('suppressed');
    expect(json.suppressed[0].suppression).toEqual({ kind: 'inline', justification: 'Bootstrap before the resolver exists.' });
  });
});
