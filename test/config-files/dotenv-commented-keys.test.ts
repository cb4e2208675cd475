// Commented-out assignments in example env files (`# NAME=`) are names the file documents.
// Only whole-line comments whose text is an UPPER_SNAKE assignment count; prose does not, and
// the value of a commented line never reaches a fact.
import { describe, expect, it } from 'vitest';
import { analyzeDotenv } from '../../src/languages/config/dotenv.js';
import { parseDotenv } from '../../src/languages/config/dotenv-parser.js';

const TEXT = [
  '# Copy to .env',
  'OPENROUTER_API_KEY=',
  '# STRIPE_SECRET_KEY=',
  '#GITHUB_TOKEN=sk-test-FAKE-commented-out-value',
  '#   export SENTRY_DSN = https://example.invalid/1',
  '# Default: 3000',
  '# In production set MAIL_API_KEY=... in the vault',
  '#   - Firecrawl Free (10 req/min): 6.0 seconds',
  '## DOUBLE_HASH_KEY=',
  '# lower_case=1',
  'PORT=3000 # TRAILING_KEY=1',
  '',
].join('\n');

describe('dotenv commented-out keys', () => {
  it('keeps only whole-line UPPER_SNAKE assignments, with exact key offsets', () => {
    const parsed = parseDotenv(TEXT);
    expect(parsed.commentedKeys.map((k) => [k.key, TEXT.slice(k.keyStart, k.keyEnd)])).toEqual([
      ['STRIPE_SECRET_KEY', 'STRIPE_SECRET_KEY'],
      ['GITHUB_TOKEN', 'GITHUB_TOKEN'],
      ['SENTRY_DSN', 'SENTRY_DSN'],
    ]);
    expect(parsed.entries.map((e) => e.key)).toEqual(['OPENROUTER_API_KEY', 'PORT']);
  });

  it('emits them as env-file-commented-key facts (not env-file-key name refs) and never their values', () => {
    const { facts } = analyzeDotenv('.env.example', TEXT);
    const commented = facts.filter((f) => f.kind === 'config' && f.type === 'env-file-commented-key');
    expect(commented.map((f) => [f.kind === 'config' && f.data.name, f.range.line, f.range.column])).toEqual([
      ['STRIPE_SECRET_KEY', 3, 3],
      ['GITHUB_TOKEN', 4, 2],
      ['SENTRY_DSN', 5, 12],
    ]);
    expect(facts.filter((f) => f.kind === 'name-ref').map((f) => f.kind === 'name-ref' && f.name)).toEqual(['OPENROUTER_API_KEY', 'PORT']);
    expect(JSON.stringify(facts)).not.toContain('FAKE-commented-out-value');
    const envFile = facts.find((f) => f.kind === 'config' && f.type === 'env-file');
    expect(envFile?.kind === 'config' && envFile.data.commentedKeys).toEqual(['STRIPE_SECRET_KEY', 'GITHUB_TOKEN', 'SENTRY_DSN']);
  });
});
