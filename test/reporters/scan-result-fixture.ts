// A hand-built ScanResult and rule metas for reporter tests: independent of the real rules and
// of the engine, so these tests only move when the reporters do.
import type { Finding, ScanResult } from '../../src/core/finding.js';
import type { RuleMeta } from '../../src/core/rule.js';
import type { ReporterContext } from '../../src/reporters/types.js';

export function ruleMeta(id: string, overrides: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    area: 'bypass',
    defaultSeverity: 'error',
    description: `Disallow what ${id} reports.`,
    rationale: `Why ${id} matters: a second path to secrets escapes the resolver.`,
    fix: `Route the read through resolveSecret(). Then remove the direct access.`,
    messages: { default: 'Something about {{name}}.' },
    cwe: ['CWE-798'],
    securitySeverity: '7.5',
    precision: 'high',
    bad: [{ lang: 'ts', code: 'const key = process.env.OPENROUTER_API_KEY;\n' }],
    good: [{ lang: 'ts', code: "const key = resolveSecret('OpenRouterApiKey');\n" }],
    appliesTo: ['typescript'],
    ...overrides,
  };
}

export const RULE_METAS: RuleMeta[] = [
  ruleMeta('no-direct-env-read'),
  ruleMeta('no-secret-in-log', { area: 'leak', cwe: ['CWE-532', '312'], securitySeverity: '8.0', fix: 'Log a sanitized form, e.g. redact(key).' }),
  ruleMeta('no-secret-in-prompt', { area: 'leak', cwe: ['CWE-200'] }),
  ruleMeta('no-deprecated-alias', { area: 'lifecycle', defaultSeverity: 'warn', cwe: [], securitySeverity: '3.0', precision: 'very-high', fix: 'Use the canonical name OPENROUTER_API_KEY instead.' }),
  ruleMeta('no-secret-echo', { area: 'config', securitySeverity: '6.5' }),
];

function finding(partial: Partial<Finding> & Pick<Finding, 'ruleId' | 'file' | 'line' | 'column' | 'endColumn' | 'message'>): Finding {
  return {
    severity: 'error',
    endLine: partial.line,
    secretId: 'OpenRouterApiKey',
    envName: 'OPENROUTER_API_KEY',
    fingerprint: `fp-${partial.ruleId}-${partial.file}-${partial.line}`,
    ...partial,
  };
}

export const SOURCE: Record<string, string[]> = {
  'src/a.ts': [
    "import { resolveSecret } from './secrets/index.js';",
    '',
    'const key = process.env.OPENROUTER_API_KEY;',
    '',
    "const token = resolveSecret('OpenRouterApiKey');",
    'const header = `Bearer ${token}`;',
    'console.log(header);',
  ],
  'scripts/deploy.sh': ['#!/bin/sh', '\tif true; then', '\t\techo "$OPENROUTER_API_KEY"', '\tfi'],
  'src/ünïcode.ts': ['const 名前 = "😀 héllo"; console.log(secret);'],
  '.github/workflows/ci.yml': ['env:', '  OPENROUTER_KEY: ${{ secrets.OPENROUTER_KEY }}'],
};

export function scanResult(): ScanResult {
  return {
    root: '/repo',
    // Deliberately out of order: reporters sort.
    findings: [
      finding({
        ruleId: 'no-secret-in-log',
        file: 'src/a.ts',
        line: 7,
        column: 13,
        endColumn: 19,
        message: 'Secret OpenRouterApiKey reaches console.log.',
        flow: [
          { file: 'src/a.ts', line: 5, column: 15, endLine: 5, endColumn: 48, note: "resolveSecret('OpenRouterApiKey') returns the secret" },
          { file: 'src/a.ts', line: 6, column: 16, note: 'interpolated into a template literal' },
          { file: 'src/a.ts', line: 7, column: 13, note: 'passed to console.log' },
        ],
      }),
      finding({
        ruleId: 'no-direct-env-read',
        file: 'src/a.ts',
        line: 3,
        column: 13,
        endColumn: 43,
        message: 'OPENROUTER_API_KEY (secret OpenRouterApiKey) is read from the environment outside the resolver.',
      }),
      finding({
        ruleId: 'no-secret-echo',
        file: 'scripts/deploy.sh',
        line: 3,
        column: 3,
        endColumn: 29,
        message: 'The shell step prints OPENROUTER_API_KEY.',
      }),
      finding({
        ruleId: 'no-secret-in-log',
        file: 'src/ünïcode.ts',
        line: 1,
        column: 36,
        endColumn: 42,
        severity: 'warning',
        secretId: null,
        envName: null,
        message: 'A value of type SecretString reaches console.log.',
      }),
      finding({
        ruleId: 'no-deprecated-alias',
        file: '.github/workflows/ci.yml',
        line: 2,
        column: 3,
        endColumn: 17,
        severity: 'warning',
        envName: 'OPENROUTER_KEY',
        message: 'OPENROUTER_KEY is a deprecated alias of OPENROUTER_API_KEY (removal after 2026-12-31).',
      }),
    ],
    suppressed: [
      finding({
        ruleId: 'no-direct-env-read',
        file: 'src/secrets/legacy.ts',
        line: 10,
        column: 5,
        endColumn: 35,
        message: 'OPENROUTER_API_KEY (secret OpenRouterApiKey) is read from the environment outside the resolver.',
        suppression: { kind: 'inline', justification: 'Bootstrap before the resolver exists.' },
      }),
    ],
    stats: { files: 12, filesByLanguage: { typescript: 8, workflow: 1, shell: 2, markdown: 1 }, ms: 42, prefiltered: 30 },
    errors: [
      { file: 'vendor/blob.min.js', message: 'File too large (2 MB); skipped.' },
      { file: 'src/broken.ts', message: 'Unexpected token.', line: 4, column: 2 },
    ],
    enabledRules: [
      { id: 'no-secret-in-log', level: 'error' },
      { id: 'no-direct-env-read', level: 'error' },
      { id: 'no-deprecated-alias', level: 'warn' },
      { id: 'no-secret-in-prompt', level: 'error' },
      { id: 'no-secret-echo', level: 'error' },
    ],
  };
}

export function emptyResult(): ScanResult {
  return { root: '/repo', findings: [], suppressed: [], stats: { files: 3, filesByLanguage: { typescript: 3 }, ms: 5 }, errors: [], enabledRules: [{ id: 'no-direct-env-read', level: 'error' }] };
}

export function reporterContext(overrides: Partial<ReporterContext> = {}): ReporterContext {
  return {
    rules: RULE_METAS,
    toolVersion: '1.2.3',
    color: false,
    sourceLines: (file) => SOURCE[file],
    ...overrides,
  };
}
