import { describe, expect, it } from 'vitest';
import type { Finding, ScanResult } from '../../src/core/finding.js';
import { escapeData, escapeProperty, shortFix, toGithubAnnotations } from '../../src/reporters/github.js';
import { ruleMeta } from './scan-result-fixture.js';
import { reporterContext, scanResult } from './scan-result-fixture.js';

function findings(count: number, severity: 'error' | 'warning'): Finding[] {
  return Array.from({ length: count }, (_, i) => ({
    ruleId: 'no-direct-env-read',
    severity,
    file: `src/${severity}${String(i).padStart(2, '0')}.ts`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 4,
    message: 'KEY is read from the environment outside the resolver.',
    secretId: 'Key',
    envName: 'KEY',
    fingerprint: `${severity}${i}`,
  }));
}

describe('workflow command escaping', () => {
  it('escapes data: %, CR, LF', () => {
    expect(escapeData('100% done\r\nnext:line,x')).toBe('100%25 done%0D%0Anext:line,x');
  });

  it('escapes properties: also : and ,', () => {
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
  });

  it('escapes % first, so an escape sequence in the input stays literal', () => {
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('a message cannot start a new workflow command', () => {
    const base = scanResult();
    const evil: ScanResult = {
      ...base,
      errors: [],
      findings: [{ ...base.findings[1], file: 'a,title=x:y.ts', message: 'x\n::set-env name=NODE_OPTIONS::--require=/tmp/evil.js' }],
    };
    const out = toGithubAnnotations(evil, reporterContext());
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toContain('file=a%2Ctitle=x%3Ay.ts,');
    expect(out).toContain('::x%0A::set-env');
  });
});

describe('github annotations', () => {
  it('names the rule, the secret and the fix', () => {
    const out = toGithubAnnotations(scanResult(), reporterContext());
    expect(out).toContain(
      '::error file=src/a.ts,line=3,col=13,endLine=3,endColumn=43,title=clavis-lint no-direct-env-read::OPENROUTER_API_KEY (secret OpenRouterApiKey) is read from the environment outside the resolver.%0ASecret: OpenRouterApiKey (OPENROUTER_API_KEY)%0AFix: Route the read through resolveSecret().\n',
    );
    expect(out).toMatch(/^::warning file=\.github\/workflows\/ci\.yml,.*title=clavis-lint no-deprecated-alias::/m);
  });

  it('caps at 10 per level and counts the rest in one notice', () => {
    const result: ScanResult = { ...scanResult(), errors: [], findings: [...findings(13, 'error'), ...findings(11, 'warning')] };
    const lines = toGithubAnnotations(result, reporterContext()).trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(10);
    expect(lines).toHaveLength(21);
    expect(lines[20]).toMatch(/^::notice title=clavis-lint::3 more errors and 1 more warning not shown as annotations .*SARIF.*job summary/);
  });

  it('prints nothing when there is nothing to say', () => {
    const result: ScanResult = { ...scanResult(), errors: [], findings: [] };
    expect(toGithubAnnotations(result, reporterContext())).toBe('');
  });

  it('short fix is the first sentence, not cut at abbreviations', () => {
    expect(shortFix(ruleMeta('x', { fix: 'Use redact(), e.g. redact(key). Then rotate it.' }))).toBe('Use redact(), e.g. redact(key).');
    expect(shortFix(ruleMeta('x', { fix: 'No period at the end' }))).toBe('No period at the end');
    expect(shortFix(undefined)).toBeUndefined();
  });
});
