import { describe, expect, it } from 'vitest';
import type { Fact, FileFacts, LanguageId, Range } from '../../src/core/facts.js';
import { formatMessage, type Report, type Rule, type RuleContext } from '../../src/core/rule.js';
import { blockContentHash } from '../../src/docs/block-hash.js';
import { renderSecretsTable } from '../../src/registry/secrets-table.js';
import docsDrift from '../../src/rules/docs-drift.js';
import envExampleDrift from '../../src/rules/env-example-drift.js';
import noDeprecatedAlias from '../../src/rules/no-deprecated-alias.js';
import noSecretBuildArg from '../../src/rules/no-secret-build-arg.js';
import noSecretEcho from '../../src/rules/no-secret-echo.js';
import noSecretLiteralInConfig from '../../src/rules/no-secret-literal-in-config.js';
import preferWorkloadIdentity from '../../src/rules/prefer-workload-identity.js';
import workflowSecretMismatch from '../../src/rules/workflow-secret-mismatch.js';
import { CONFIG_RULES } from '../../src/rules/catalog-config.js';
import { testContext } from './test-registry.js';

const r = (line: number, column = 1, endColumn = column + 1): Range => ({ line, column, endLine: line, endColumn });
const ref = (name: string, context: string, line: number, hasLiteralValue?: boolean): Fact => ({ kind: 'name-ref', name, context, range: r(line), ...(hasLiteralValue === undefined ? {} : { hasLiteralValue }) });
const cfg = (type: string, line: number, data: Record<string, unknown>, range = r(line)): Fact => ({ kind: 'config', type, range, data });
const file = (name: string, language: LanguageId, facts: Fact[]): FileFacts => ({ file: name, language, facts });

function run(rule: Rule, files: FileFacts | FileFacts[], ctx: RuleContext = testContext()): Array<Report & { message: string }> {
  const list = Array.isArray(files) ? files : [files];
  const reports = [...list.flatMap((f) => [...(rule.checkFile?.(f, ctx) ?? [])]), ...(rule.checkProject?.({ files: list }, ctx) ?? [])];
  return reports.map((rep) => ({ ...rep, message: formatMessage(rule.meta.messages[rep.messageId], rep.data) }));
}

describe('config rule catalog', () => {
  it('has complete meta for every rule', () => {
    expect(CONFIG_RULES.map((rule) => rule.meta.id).sort()).toEqual([
      'docs-drift', 'env-example-drift', 'no-deprecated-alias', 'no-secret-build-arg', 'no-secret-echo', 'no-secret-literal-in-config', 'prefer-workload-identity', 'workflow-secret-mismatch',
    ]);
    for (const { meta } of CONFIG_RULES) {
      expect(meta.description).toMatch(/^(Disallow|Require|Enforce|Report) .*\.$/);
      for (const message of Object.values(meta.messages)) expect(message.endsWith('.')).toBe(true);
      expect(meta.rationale.length).toBeGreaterThan(80);
      expect(meta.fix.length).toBeGreaterThan(40);
      expect(meta.cwe.length).toBeGreaterThan(0);
      expect(meta.bad.length).toBeGreaterThan(0);
      expect(meta.good.length).toBeGreaterThan(0);
    }
  });
});

describe('no-deprecated-alias', () => {
  const facts = [ref('OPENROUTER_KEY', 'env-file-key', 1), ref('STRIPE_KEY', 'workflow-secret', 2), ref('STRIPE_SECRET_KEY', 'env-file-key', 3)];
  it('warns before the removal date and errors on and after it', () => {
    const before = run(noDeprecatedAlias, file('.env', 'dotenv', facts), testContext({ today: '2026-06-29' }));
    expect(before.map((x) => [x.range.line, x.severity])).toEqual([[1, 'warning'], [2, 'warning']]);
    expect(before[0].message).toBe("'OPENROUTER_KEY' is a deprecated alias of OpenRouterApiKey; use 'OPENROUTER_API_KEY' instead (removal after 2026-06-30).");
    const on = run(noDeprecatedAlias, file('.env', 'dotenv', facts), testContext({ today: '2026-06-30' }));
    expect(on.map((x) => [x.range.line, x.severity, x.messageId])).toEqual([[1, 'error', 'removed'], [2, 'warning', 'deprecated']]);
    const cut = run(noDeprecatedAlias, file('.env', 'dotenv', facts), testContext({ today: '2026-01-01', hardCut: true }));
    expect(cut.map((x) => [x.severity, x.messageId])).toEqual([['error', 'hardCut'], ['error', 'hardCut']]);
  });
  it('skips docs pages and the registry itself, and reports an env read once', () => {
    expect(run(noDeprecatedAlias, file('docs/a.md', 'markdown', [ref('OPENROUTER_KEY', 'docs', 1)]))).toEqual([]);
    expect(run(noDeprecatedAlias, file('registry.yaml', 'kubernetes', facts))).toEqual([]);
    const read: Fact = { kind: 'env-read', name: 'STRIPE_KEY', api: 'process.env', range: { line: 1, column: 1, endLine: 1, endColumn: 30 } };
    const literal: Fact = { kind: 'name-ref', name: 'STRIPE_KEY', context: 'string-literal', range: { line: 1, column: 14, endLine: 1, endColumn: 26 } };
    expect(run(noDeprecatedAlias, file('a.ts', 'typescript', [read, literal]))).toHaveLength(1);
  });
});

describe('no-secret-literal-in-config', () => {
  it('reports literal values of kind: secret names, never in example files', () => {
    const facts = [ref('STRIPE_SECRET_KEY', 'env-file-key', 1, true), ref('DATABASE_URL', 'env-file-key', 2, true), ref('GITHUB_TOKEN', 'env-file-key', 3, false)];
    const found = run(noSecretLiteralInConfig, file('.env', 'dotenv', facts));
    expect(found.map((x) => [x.range.line, x.secretId])).toEqual([[1, 'StripeSecretKey']]);
    expect(found[0].message).toBe("'STRIPE_SECRET_KEY' (StripeSecretKey) is assigned a literal value in a committed .env file; reference the secret from a secret store or CI secret instead.");
    const example = [...facts, cfg('env-file', 1, { example: true, keys: [] })];
    expect(run(noSecretLiteralInConfig, file('.env.example', 'dotenv', example))).toEqual([]);
    expect(run(noSecretLiteralInConfig, file('k.yaml', 'kubernetes', [ref('OPENROUTER_API_KEY', 'k8s-secret-key', 4, true)]))[0].message).toContain('Kubernetes Secret manifest');
  });
});

describe('workflow-secret-mismatch', () => {
  it('reports unknown, deprecated and crossed bindings; GITHUB_TOKEN is built in', () => {
    const ctx = testContext({ registry: { ...testContext().registry, secrets: testContext().registry.secrets.filter((s) => s.id !== 'GithubToken') } });
    ctx.names.delete('GITHUB_TOKEN');
    const facts = [
      ref('GITHUB_TOKEN', 'workflow-secret', 1),
      ref('github_token', 'workflow-secret', 2),
      ref('SENDGRID_API_KEY', 'workflow-secret', 3),
      ref('stripe_key', 'workflow-secret', 4),
      cfg('workflow-env-binding', 5, { envName: 'OPENROUTER_API_KEY', secretName: 'STRIPE_SECRET_KEY' }),
      cfg('workflow-env-binding', 6, { envName: 'OPENROUTER_API_KEY', secretName: 'VOX_OPENROUTER_API_KEY' }),
      cfg('workflow-with-binding', 7, { action: 'x/y', input: 'stripeSecretKey', secretName: 'OPENROUTER_API_KEY' }),
      cfg('workflow-with-binding', 8, { action: 'x/y', input: 'api-key', secretName: 'OPENROUTER_API_KEY' }),
    ];
    const found = run(workflowSecretMismatch, file('.github/workflows/a.yml', 'workflow', facts), ctx);
    expect(found.map((x) => [x.range.line, x.messageId])).toEqual([[3, 'unknown'], [4, 'deprecated'], [5, 'envMismatch'], [7, 'inputMismatch']]);
    expect(found[2].message).toBe("env 'OPENROUTER_API_KEY' (OpenRouterApiKey) receives 'secrets.STRIPE_SECRET_KEY' (StripeSecretKey); bind each name to its own secret.");
    const allowed = run(workflowSecretMismatch, file('.github/workflows/a.yml', 'workflow', facts.slice(2, 3)), { ...ctx, options: { allow: ['sendgrid_api_key'] } });
    expect(allowed).toEqual([]);
  });
});

describe('prefer-workload-identity', () => {
  it('reports static key inputs of the three cloud login actions at the input key', () => {
    const keyRange = r(9, 11, 28);
    const facts = [
      cfg('workflow-step-uses', 7, { action: 'aws-actions/configure-aws-credentials', with: { 'aws-access-key-id': 'secret:X', 'aws-region': 'literal' }, withKeyRanges: { 'aws-access-key-id': keyRange }, hasIdTokenWrite: false }),
      cfg('workflow-step-uses', 12, { action: 'google-github-actions/auth', with: { credentials_json: 'secret:Y' }, withKeyRanges: {}, hasIdTokenWrite: true }),
      cfg('workflow-step-uses', 14, { action: 'azure/login', with: { 'client-id': 'expression' }, withKeyRanges: {}, hasIdTokenWrite: true }),
      cfg('workflow-step-uses', 16, { action: 'actions/checkout', with: {}, withKeyRanges: {}, hasIdTokenWrite: false }),
    ];
    const found = run(preferWorkloadIdentity, file('.github/workflows/d.yml', 'workflow', facts));
    expect(found.map((x) => [x.range.line, x.messageId])).toEqual([[9, 'aws'], [12, 'gcp']]);
    expect(found[0].message).toContain("'role-to-assume'");
    expect(found[0].message).toContain('does not grant it yet');
    expect(found[1].message).not.toContain('does not grant');
  });
});

describe('no-secret-build-arg', () => {
  it('reports registry secrets and secret-looking names from every build-arg source', () => {
    const facts = [
      cfg('docker-arg', 1, { name: 'NPM_TOKEN' }),
      cfg('docker-env', 2, { name: 'OPENROUTER_API_KEY' }),
      cfg('docker-arg', 3, { name: 'DATABASE_URL' }),
      cfg('docker-arg', 4, { name: 'VERSION' }),
      cfg('shell-build-arg', 5, { name: '"STRIPE_SECRET_KEY' }),
      cfg('docker-build-arg', 6, { name: 'GITHUB_TOKEN' }),
    ];
    const found = run(noSecretBuildArg, file('Dockerfile', 'dockerfile', facts));
    expect(found.map((x) => [x.range.line, x.messageId, x.envName])).toEqual([
      [1, 'looksSecret', 'NPM_TOKEN'],
      [2, 'registry', 'OPENROUTER_API_KEY'],
      [5, 'registry', 'STRIPE_SECRET_KEY'],
      [6, 'registry', 'GITHUB_TOKEN'],
    ]);
    expect(run(noSecretBuildArg, file('Dockerfile', 'dockerfile', facts), { ...testContext(), options: { registryOnly: true } })).toHaveLength(3);
  });
});

describe('no-secret-echo', () => {
  it('reports echo of secrets and secret expressions, but not masks, pipes or redirects', () => {
    const facts = [
      cfg('shell-echo', 1, { command: 'echo', names: ['STRIPE_SECRET_KEY'] }),
      cfg('shell-echo', 2, { command: 'echo', names: ['GITHUB_TOKEN'], workflowCommand: 'add-mask' }),
      cfg('shell-echo', 3, { command: 'printf', names: ['GITHUB_TOKEN'], piped: true }),
      cfg('shell-echo', 4, { command: 'echo', names: ['GITHUB_TOKEN'], toFile: true }),
      cfg('shell-echo', 5, { command: 'echo', names: ['VERSION'], expressions: ["secrets['OPENROUTER_API_KEY']"] }),
      cfg('shell-echo', 6, { command: 'echo', names: ['DATABASE_URL'] }),
    ];
    const found = run(noSecretEcho, file('a.sh', 'shell', facts));
    expect(found.map((x) => [x.range.line, x.messageId, x.secretId])).toEqual([[1, 'echo', 'StripeSecretKey'], [5, 'echoExpression', 'OpenRouterApiKey']]);
  });
  it('reports set -x and env dumps only with a secret in scope', () => {
    const run1 = cfg('workflow-run', 1, { env: ['LOG_LEVEL'], secretEnv: [], secretRefs: [] }, { line: 1, column: 1, endLine: 3, endColumn: 1 });
    const run2 = cfg('workflow-run', 4, { env: ['TOKEN'], secretEnv: [{ envName: 'TOKEN', secretName: 'GITHUB_TOKEN' }], secretRefs: [] }, { line: 4, column: 1, endLine: 6, endColumn: 1 });
    const facts = [run1, run2, cfg('shell-xtrace', 2, {}), cfg('shell-xtrace', 5, {}), cfg('shell-env-dump', 5, { command: 'printenv' })];
    const found = run(noSecretEcho, file('.github/workflows/a.yml', 'workflow', facts));
    expect(found.map((x) => [x.range.line, x.messageId])).toEqual([[5, 'xtrace'], [5, 'envDump']]);
    expect(found[1].message).toBe("'printenv' prints the whole environment while 'TOKEN' is in scope.");
    const script = [cfg('shell-xtrace', 1, {}), ref('STRIPE_SECRET_KEY', 'shell-export', 2)];
    expect(run(noSecretEcho, file('a.sh', 'shell', script)).map((x) => x.messageId)).toEqual(['xtrace']);
    expect(run(noSecretEcho, file('a.sh', 'shell', [cfg('shell-xtrace', 1, {})]))).toEqual([]);
  });
  it('reports cat of credential files only', () => {
    const facts = ['.env', '~/.npmrc', 'certs/server.key', '.env.example', 'README.md'].map((path, i) => cfg('shell-cat', i + 1, { path }));
    expect(run(noSecretEcho, file('a.sh', 'shell', facts)).map((x) => x.range.line)).toEqual([1, 2, 3]);
  });
});

describe('env-example-drift', () => {
  const example = (name: string, keys: string[]) =>
    file(name, 'dotenv', [cfg('env-file', 1, { example: true, keys }), ...keys.map((k, i) => ref(k, 'env-file-key', i + 1, false))]);
  it('reports unknown secret-looking keys and registry secrets missing from every example file', () => {
    const billing = file('src/billing.ts', 'typescript', [{ kind: 'env-read', name: 'STRIPE_SECRET_KEY', api: 'process.env', range: r(1) }]);
    const found = run(envExampleDrift, [example('.env.example', ['OPENROUTER_API_KEY', 'SENDGRID_API_KEY', 'PORT']), example('a/.env.sample', ['GITHUB_TOKEN']), billing]);
    expect(found.map((x) => [x.file, x.messageId, x.envName])).toEqual([
      ['.env.example', 'unknown', 'SENDGRID_API_KEY'],
      ['.env.example', 'missing', 'STRIPE_SECRET_KEY'],
    ]);
    // Nothing reads it: the message says so (a library may read it implicitly, or the row is a leftover).
    expect(run(envExampleDrift, [example('a/.env.sample', ['GITHUB_TOKEN', 'OPENROUTER_API_KEY'])]).map((x) => [x.messageId, x.envName])).toEqual([['missingUnreferenced', 'STRIPE_SECRET_KEY']]);
  });
  it('in a monorepo without a root example, asks a secret of the app example whose code reads it, or of none', () => {
    const web = file('apps/web/src/pay.ts', 'typescript', [{ kind: 'env-read', name: 'STRIPE_SECRET_KEY', api: 'process.env', range: r(1) }]);
    const shared = file('packages/utils/src/pay.ts', 'typescript', [{ kind: 'env-read', name: 'STRIPE_SECRET_KEY', api: 'process.env', range: r(1) }]);
    const gateway = file('gateway/src/main.rs', 'rust', [{ kind: 'env-read', name: 'STRIPE_SECRET_KEY', api: 'std::env::var', range: r(1) }]);
    const webApp = file('apps/web/src/app.ts', 'typescript', []);
    const examples = [example('apps/web/.env.example', ['GITHUB_TOKEN', 'OPENROUTER_API_KEY']), example('docs-site/.env.example', ['GITHUB_TOKEN', 'OPENROUTER_API_KEY'])];
    const where = (files: ReturnType<typeof file>[]) => run(envExampleDrift, [...examples, ...files]).map((x) => [x.file, x.envName]);
    expect(where([web])).toEqual([['apps/web/.env.example', 'STRIPE_SECRET_KEY']]);
    // Read in a shared package of the same runtime: the top-level app's example.
    expect(where([webApp, shared])).toEqual([['apps/web/.env.example', 'STRIPE_SECRET_KEY']]);
    // Read only by another runtime's code (a Rust gateway beside a TS app): no example file is asked.
    expect(where([webApp, gateway])).toEqual([]);
  });
  it('accepts aliases and stays quiet without any example file', () => {
    expect(run(envExampleDrift, [example('.env.example', ['VOX_OPENROUTER_API_KEY', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY'])])).toEqual([]);
    expect(run(envExampleDrift, [file('.env', 'dotenv', [cfg('env-file', 1, { example: false, keys: ['X_TOKEN'] }), ref('X_TOKEN', 'env-file-key', 1)])])).toEqual([]);
  });
});

describe('docs-drift', () => {
  const ctx = testContext({ settings: { ...testContext().settings, docs: [{ path: 'docs/secrets.md' }] } });
  const row = (line: number, table: number, names: string[], deprecatedMarked = false, block: string | null = null) =>
    cfg('docs-table-row', line, { table, header: false, names, nameRanges: names.map((name, i) => ({ name, range: r(line, 3 + i * 30) })), deprecatedMarked, cells: [], headers: [], block });
  const docRefs = (names: string[]) => names.map((n, i) => ref(n, 'docs', i + 1));

  it('only looks at configured pages (a configured page that was not read is reported on that page)', () => {
    const found = run(docsDrift, file('README.md', 'markdown', [row(3, 0, ['STRIPE_KEY'])]), ctx);
    expect(found.map((x) => [x.file, x.messageId])).toEqual([['docs/secrets.md', 'unreadPage']]);
  });

  it('reports unknown names in secret tables, deprecated-as-current, removed, and missing secrets', () => {
    const facts = [
      row(3, 0, ['OPENROUTER_API_KEY']),
      row(4, 0, ['SENDGRID_API_KEY']),
      row(5, 0, ['STRIPE_KEY']),
      row(6, 0, ['OPENROUTER_KEY'], true),
      row(7, 0, ['PLAIN_NAME', 'HTTP_PORT']),
      row(10, 1, ['HTTP_PORT']),
      ...docRefs(['OPENROUTER_API_KEY', 'SENDGRID_API_KEY', 'STRIPE_KEY', 'OPENROUTER_KEY', 'PLAIN_NAME', 'HTTP_PORT']),
    ];
    const found = run(docsDrift, file('docs/secrets.md', 'markdown', facts), ctx);
    expect(found.map((x) => [x.range.line, x.messageId, x.envName])).toEqual([
      [4, 'unknown', 'SENDGRID_API_KEY'],
      [5, 'deprecatedAsCurrent', 'STRIPE_KEY'],
      [6, 'removed', 'OPENROUTER_KEY'],
      // PLAIN_NAME leads its row but does not look like a secret: not drift (issue 10).
      [1, 'missingUnreferenced', 'GITHUB_TOKEN'],
      [1, 'missingUnreferenced', 'STRIPE_SECRET_KEY'],
    ]);
  });

  it('checks generated blocks by hash and skips their rows', () => {
    const registry = ctx.registry;
    const good = cfg('docs-block', 3, { name: 'secrets-table', contentHash: blockContentHash(renderSecretsTable(registry)), options: {}, unterminated: false });
    const stale = cfg('docs-block', 3, { name: 'secrets-table', contentHash: 'deadbeef', options: {}, unterminated: false });
    const inside = [row(5, 0, ['OPENROUTER_KEY'], false, 'secrets-table'), ...docRefs(['OPENROUTER_API_KEY', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY', 'OPENROUTER_KEY'])];
    expect(run(docsDrift, file('docs/secrets.md', 'markdown', [good, ...inside]), ctx)).toEqual([]);
    const found = run(docsDrift, file('docs/secrets.md', 'markdown', [stale, ...inside]), ctx);
    expect(found.map((x) => x.message)).toEqual(["the generated 'secrets-table' block is out of date with the registry; run `clavis-lint docs --fix`."]);
  });
});
