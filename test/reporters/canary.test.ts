// DESIGN §7: no output of any kind contains a secret value. At this layer the scan result holds
// names only, so the canary must never appear; source lines and parser messages that do quote
// a value are masked by the reporters as a second line of defence.
import { describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/core/finding.js';
import { formatResult, REPORT_FORMATS } from '../../src/reporters/index.js';
import { reporterContext, scanResult, SOURCE } from './scan-result-fixture.js';

const CANARY = 'sk-test-FAKE-CANARY-0001';

describe('canary secret never appears in any reporter output', () => {
  for (const format of REPORT_FORMATS) {
    it(`${format}: names only in, no value out`, () => {
      const ctx = reporterContext({ includeSuppressed: true, color: true });
      expect(JSON.stringify(scanResult())).not.toContain(CANARY);
      expect(formatResult(format, scanResult(), ctx)).not.toContain(CANARY);
    });

    it(`${format}: a value in a source line or a parser message is masked`, () => {
      const result: ScanResult = { ...scanResult(), errors: [{ file: 'src/broken.ts', message: `Unexpected token '${CANARY}'.`, line: 4, column: 2 }] };
      const lines: Record<string, string[]> = {
        ...SOURCE,
        'src/a.ts': SOURCE['src/a.ts'].map((line, i) => (i === 2 ? `const key = process.env.OPENROUTER_API_KEY ?? "${CANARY}";` : line)),
        '.github/workflows/ci.yml': ['env:', `  OPENROUTER_KEY: ${CANARY.replace(/\d/g, '')}`],
      };
      const out = formatResult(format, result, reporterContext({ sourceLines: (file) => lines[file] }));
      expect(out).not.toContain(CANARY);
      expect(out).not.toContain(CANARY.replace(/\d/g, ''));
    });

    it(`${format}: a value pasted into a suppression reason is masked`, () => {
      const base = scanResult();
      const suppressed = base.suppressed.map((f) => ({ ...f, suppression: { kind: 'inline' as const, justification: `rotated, old value ${CANARY}` } }));
      const out = formatResult(format, { ...base, suppressed }, reporterContext({ includeSuppressed: true }));
      expect(out).not.toContain(CANARY);
    });
  }
});

describe('determinism', () => {
  for (const format of REPORT_FORMATS) {
    it(`${format}: same input, byte-identical output, whatever the input order`, () => {
      const result = scanResult();
      const reordered: ScanResult = {
        ...result,
        findings: [...result.findings].reverse(),
        errors: [...result.errors].reverse(),
        enabledRules: [...result.enabledRules].reverse(),
        stats: { ...result.stats, filesByLanguage: Object.fromEntries(Object.entries(result.stats.filesByLanguage).reverse()) },
      };
      const first = formatResult(format, result, reporterContext());
      expect(formatResult(format, scanResult(), reporterContext())).toBe(first);
      expect(formatResult(format, reordered, reporterContext())).toBe(first);
    });
  }
});
