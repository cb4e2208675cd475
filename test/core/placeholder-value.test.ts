import { describe, expect, it } from 'vitest';
import { describeValue, placeholderReason, type PlaceholderReason } from '../../src/core/placeholder-value.js';

// Values a config file may assign to a secret name, with the reason each is only a placeholder.
const PLACEHOLDERS: Array<[string, PlaceholderReason]> = [
  ['', 'empty'],
  ['""', 'empty'],
  ['  ', 'empty'],
  ['${OPENROUTER_API_KEY}', 'reference'],
  ['$OPENROUTER_API_KEY', 'reference'],
  ['$(OPENROUTER_API_KEY)', 'reference'],
  ['${{ secrets.OPENROUTER_API_KEY }}', 'reference'],
  ['${OPENROUTER_API_KEY:-}', 'reference'],
  ['${A:-${B}}', 'reference'],
  ['<your-api-key>', 'template'],
  ['{{ .Values.apiKey }}', 'template'],
  ['Bearer <token>', 'template'],
  ['changeme', 'placeholder-word'],
  ['your-openrouter-api-key', 'placeholder-word'],
  ['YOUR_API_KEY_HERE', 'placeholder-word'],
  ['sk-xxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder-word'],
  ['AKIAIOSFODNN7EXAMPLE', 'placeholder-word'],
  ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'placeholder-word'],
  ['django-insecure-8f$k2!x9q@z7w#m4p1v6b3n0c5', 'placeholder-word'],
  ['password', 'placeholder-word'],
  // A job that runs against a mock provider says no key is involved (tensorzero's CI).
  ['not_used', 'placeholder-word'],
  ['NOT-SET', 'placeholder-word'],
  ['clickhouse', 'placeholder-word'],
  ['sk-lf-1234567890', 'low-entropy'],
  ['my-random-string-for-seeding', 'test-word'],
  ['${API_KEY:-dummy-key-for-tests}', 'placeholder-word'],
  ['mysql://root:@localhost:3306/test', 'local-url'],
  ['postgres://postgres:postgres@localhost:5432/app', 'local-url'],
  ['postgresql://app:${DB_PASSWORD}@db:5432/app', 'local-url'],
  ['redis://127.0.0.1:6379/0', 'local-url'],
  ['postgres://user:test-password@[::1]/db', 'local-url'],
  ['https://openrouter.ai/api/v1', 'url-without-password'],
  ['xx', 'short'],
  ['1234', 'short'],
  ['Bearer ${{ secrets.TOKEN }}', 'short'],
  ['aaaaaaaaaaaaaaaa', 'low-entropy'],
  ['0000-0000-0000-0000', 'low-entropy'],
  ['sk-test-FAKE0000000000000000', 'low-entropy'],
  ['e2e-test-secret-at-least-32-chars-long', 'test-word'],
  ['my-super-secret-key', 'test-word'],
  ['local-dev-token-for-compose', 'test-word'],
  ['FakeApiKeyForTests', 'test-word'],
];

// Values that may be real secrets: they must stay reported.
const REAL_LOOKING = [
  'sk-test-FAKE4eC39HqLyjWDarjtT1zdp7dc',
  'sk_test_51HqLyjWDarjtT1zdp7dcBx3KmWq9Tz',
  'sk-live-9fK2mQ8xVb4TzR1wL7pN3sYd',
  'ghp_FAKE9xQ2mB7kLp4Rt8vZ1wY6nC3jH5dF0sAe',
  'AKIA4EC39HQLYJWDARJT',
  'correct-horse-battery-staple',
  '3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e',
  'postgres://app:Xk29fPq81LmZ7wRt@localhost:5432/app',
  'postgres://app:Xk29fPq81LmZ7wRt@db.prod.example.net:5432/app'.replace('example', 'acme'),
  'https://hooks.slack.com/services/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',
  '${API_KEY:-sk-live-9fK2mQ8xVb4TzR1wL7pN3sYd}',
];

describe('placeholder values', () => {
  it.each(PLACEHOLDERS)('%j is a placeholder (%s)', (value, reason) => {
    expect(placeholderReason(describeValue(value))).toBe(reason);
  });

  it.each(REAL_LOOKING)('%j may be a real secret', (value) => {
    expect(placeholderReason(describeValue(value))).toBeNull();
  });

  it.each([
    ['SECRETKEY', 'AWS_SECRET_ACCESS_KEY'],
    ['ACCESSKEY', 'AWS_ACCESS_KEY_ID'],
    ['secret-access-key', 'AWS_SECRET_ACCESS_KEY'],
    ['ApiToken', 'LANGFUSE_API_TOKEN'],
  ])('%j spells words of %s: a stand-in (own-name)', (value, name) => {
    expect(placeholderReason(describeValue(value, name))).toBe('own-name');
  });

  it.each([
    // Words of the name out of order, or other words between them, or a generated part: not the name's own spelling.
    ['KEYSECRET', 'AWS_SECRET_ACCESS_KEY'],
    ['SECRETKEYVALUE', 'AWS_SECRET_ACCESS_KEY'],
    ['secretkey9fK2mQ8xVb4TzR1wL7pN3sYd', 'AWS_SECRET_ACCESS_KEY'],
    // Without the name, the value is judged alone.
    ['ACCESSKEY', undefined],
  ])('%j for %s is not judged a spelling of the name', (value, name) => {
    expect(describeValue(value, name).ownName).toBeUndefined();
  });

  it('a profile holds measurements, never the value', () => {
    const value = 'sk-live-9fK2mQ8xVb4TzR1wL7pN3sYd';
    const json = JSON.stringify(describeValue(`postgres://app:${value}@localhost/app`));
    expect(json).not.toContain(value);
    expect(json).not.toContain('9fK2');
  });
});
