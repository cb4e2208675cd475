import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../../src/core/finding.js';
import { MAX_SUMMARY_FINDINGS, toMarkdown } from '../../src/reporters/markdown.js';
import { markdownCell, markdownCode } from '../../src/reporters/markdown-text.js';
import { reporterContext, scanResult } from './scan-result-fixture.js';

describe('markdown escaping', () => {
  it('keeps cells one line, without HTML, formatting or cell breaks', () => {
    expect(markdownCell('a | b <img src=x onerror=alert(1)> & *c*\n[l](javascript:x)')).toBe(
      'a \\| b &lt;img src=x onerror=alert(1)&gt; &amp; \\*c\\* \\[l\\](javascript:x)',
    );
  });

  it('code spans survive backticks and pipes', () => {
    expect(markdownCode('a`b|c')).toBe('``a`b\\|c``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('p|q', false)).toBe('`p|q`');
  });
});

describe('markdown job summary', () => {
  it('has the verdict, counts by rule and by secret, top findings, errors and how to suppress', () => {
    const md = toMarkdown(scanResult(), reporterContext());
    expect(md).toContain('✖ **5 problems (3 errors, 2 warnings) in 4 files**');
    expect(md).toContain('### Findings by rule');
    expect(md).toMatch(/\| \[`no-secret-in-log`\]\(.*\/docs\/rules\/no-secret-in-log\.md\) \| 1 \| 1 \|/);
    expect(md).toContain('| `OpenRouterApiKey` | 4 |');
    expect(md).toContain('| `src/a.ts:7` | error | `no-secret-in-log` | `OpenRouterApiKey` | Secret OpenRouterApiKey reaches console.log. |');
    expect(md).toContain('| `src/broken.ts:4:2` | Unexpected token. |');
    expect(md).toContain('clavis-lint-disable-next-line RULE -- reason');
    expect(md).toContain('--update-baseline');
  });

  it('escapes hostile file names and messages in the table', () => {
    const base = scanResult();
    const hostile: ScanResult = { ...base, findings: [{ ...base.findings[1], file: 'src/a|b.ts', message: 'Bad <script>alert(1)</script> | x.' }] };
    const md = toMarkdown(hostile, reporterContext());
    expect(md).not.toContain('<script>');
    const row = md.split('\n').find((l) => l.includes('src/a'))!;
    // 5 columns: 6 unescaped pipes, so 7 pieces.
    expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
  });

  it('shows at most 20 findings, errors first, and says how many more exist', () => {
    const base = scanResult().findings[1];
    const many: Finding[] = Array.from({ length: 30 }, (_, i) => ({
      ...base,
      file: `src/f${String(i).padStart(2, '0')}.ts`,
      severity: i >= 25 ? 'error' : 'warning',
      fingerprint: String(i),
    }));
    const md = toMarkdown({ ...scanResult(), findings: many }, reporterContext());
    const rows = md.split('\n').filter((l) => l.startsWith('| `src/f'));
    expect(rows).toHaveLength(MAX_SUMMARY_FINDINGS);
    expect(rows.slice(0, 5).every((r) => r.includes('| error |'))).toBe(true);
    expect(md).toContain('_Showing 20 of 30 findings.');
  });
});
