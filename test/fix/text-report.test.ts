// The text report's autofix marks: `[*]` before a fixable finding's message, and a closing line
// counting them. Reporters are pure, so a hand-built result is enough.
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/finding.js';
import { toText } from '../../src/reporters/text.js';
import { reporterContext } from '../reporters/scan-result-fixture.js';

function result(findings: Finding[]) {
  return { root: '/r', findings, suppressed: [], stats: { files: 1, filesByLanguage: { dotenv: 1 }, ms: 0 }, errors: [], enabledRules: [] };
}

const base: Finding = {
  ruleId: 'no-deprecated-alias',
  severity: 'warning',
  file: '.env.local',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 11,
  message: "'STRIPE_KEY' is a deprecated alias of StripeSecretKey; use 'STRIPE_SECRET_KEY' instead.",
  secretId: 'StripeSecretKey',
  envName: 'STRIPE_KEY',
  fingerprint: 'fp1',
};

describe('text report autofix marks', () => {
  it('marks fixable findings with [*] and ends with the count', () => {
    const fixable: Finding = { ...base, fix: { edits: [{ file: '.env.local', range: { line: 1, column: 1, endLine: 1, endColumn: 11 }, text: 'STRIPE_SECRET_KEY', expected: 'STRIPE_KEY' }] } };
    const other: Finding = { ...base, line: 2, endLine: 2, message: 'Another problem.', fingerprint: 'fp2' };
    expect(toText(result([fixable, other]), reporterContext())).toBe(
      [
        '.env.local',
        "  1:1  warning  [*] 'STRIPE_KEY' is a deprecated alias of StripeSecretKey; use 'STRIPE_SECRET_KEY' instead.  no-deprecated-alias",
        '  2:1  warning  Another problem.  no-deprecated-alias',
        '',
        'Problems by rule:',
        '  2  no-deprecated-alias',
        '',
        '✖ 2 problems (0 errors, 2 warnings) in 1 file',
        '',
        '[*] 1 problem fixable with --fix',
        '',
      ].join('\n'),
    );
  });

  it('says nothing about fixes when none is fixable', () => {
    expect(toText(result([base]), reporterContext())).not.toContain('fixable');
  });
});
