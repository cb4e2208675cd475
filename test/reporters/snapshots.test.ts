// What a user sees, format by format, on one hand-built scan. Review the committed snapshots by
// eye when they change: they are the reporters' specification.
import { describe, expect, it } from 'vitest';
import { formatResult, REPORT_FORMATS } from '../../src/reporters/index.js';
import { emptyResult, reporterContext, scanResult } from './scan-result-fixture.js';

const EXTENSION = { text: 'txt', compact: 'compact.txt', json: 'json', sarif: 'sarif.json', github: 'github.txt', markdown: 'md' } as const;

describe('reporter snapshots', () => {
  for (const format of REPORT_FORMATS) {
    it(`${format}: findings, flow, errors`, async () => {
      await expect(formatResult(format, scanResult(), reporterContext())).toMatchFileSnapshot(`__snapshots__/scan.${EXTENSION[format]}`);
    });
    it(`${format}: no findings`, async () => {
      await expect(formatResult(format, emptyResult(), reporterContext())).toMatchFileSnapshot(`__snapshots__/empty.${EXTENSION[format]}`);
    });
  }

  it('sarif: suppressed results on request', async () => {
    const sarif = formatResult('sarif', scanResult(), reporterContext({ includeSuppressed: true, automationId: 'clavis-lint/pr/' }));
    await expect(sarif).toMatchFileSnapshot('__snapshots__/scan-suppressed.sarif.json');
  });

  it('text: suppressed findings on request', async () => {
    const text = formatResult('text', scanResult(), reporterContext({ includeSuppressed: true }));
    await expect(text).toMatchFileSnapshot('__snapshots__/scan-suppressed.txt');
  });
});
