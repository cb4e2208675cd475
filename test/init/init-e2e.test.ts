// `clavis-lint init --yes && clavis-lint` on fresh repositories in TS, Python and Rust
// (test/init/repos/*, copied to a temp dir: outside any git repository, as a new project is):
// the registry covers every secret-looking name, validates against the shipped schema, and the
// first scan reports what a user can act on (bypasses, a public copy of a secret, a build arg)
// and nothing about unregistered names.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from '../support/run-cli.js';

const REPOS = path.join(import.meta.dirname, 'repos');
const ajv = new Ajv({ allErrors: true, strict: true });
const validateRegistry = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'schema/registry.schema.json'), 'utf8')));
const validateConfig = ajv.compile(JSON.parse(fs.readFileSync(path.join(REPO, 'schema/clavis-lint.schema.json'), 'utf8')));

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  envName?: string | null;
  message: string;
}
interface JsonReport {
  findings: JsonFinding[];
  errors: unknown[];
}
interface RegistryDoc {
  resolver: { paths: string[] };
  secrets: Array<{ id: string; env: string; aliases?: string[]; kind?: string; owner?: string }>;
}

/** Names a registry-less scan calls unregistered secrets: what the registry must cover. */
const UNREGISTERED = /looks like a secret but is not in the registry/;

function copyRepo(name: string): string {
  const dir = path.join(tempDir('clavis-init-'), name);
  fs.cpSync(path.join(REPOS, name), dir, { recursive: true });
  return dir;
}

function scanJson(dir: string): { code: number; report: JsonReport; stderr: string } {
  const run = runCli(['--format', 'json'], dir);
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stderr: run.stderr };
}

interface Expectation {
  repo: string;
  /** Every entry init writes: env -> aliases. */
  secrets: Record<string, string[]>;
  resolver: string[];
  leftOut: string[];
  /** `ruleId file envName` of every finding the first scan with the registry reports. */
  firstRun: string[];
  /** Exit code of the registry-less scan: 0 unless a rule that needs no registry finds something. */
  exitWithoutRegistry: number;
}

const CASES: Expectation[] = [
  {
    repo: 'ts-app',
    secrets: {
      E2E_API_TOKEN: [],
      JWT_SECRET: [],
      NPM_TOKEN: [],
      OPENAI_API_KEY: ['OPENAI_KEY'],
      SENTRY_AUTH_TOKEN: [],
      SESSION_SECRET: [],
      STRIPE_SECRET_KEY: [],
      STRIPE_WEBHOOK_SECRET: [],
    },
    resolver: ['src/env.ts'],
    leftOut: ['GH_TOKEN', 'GITHUB_TOKEN', 'NEXT_PUBLIC_STRIPE_SECRET_KEY'],
    firstRun: [
      'env-example-drift .env.example E2E_API_TOKEN',
      'env-example-drift .env.example JWT_SECRET',
      'env-example-drift .env.example SESSION_SECRET',
      'no-compile-time-secret src/pages/checkout.ts NEXT_PUBLIC_STRIPE_SECRET_KEY',
      'no-direct-env-read src/routes/webhook.ts STRIPE_WEBHOOK_SECRET',
      'no-direct-env-read test/api.spec.ts E2E_API_TOKEN',
    ],
    exitWithoutRegistry: 0,
  },
  {
    repo: 'py-service',
    secrets: {
      ANTHROPIC_API_KEY: [],
      DB_PASSWORD: ['DB_PASS'],
      GITHUB_APP_PRIVATE_KEY: [],
      MAILGUN_API_KEY: [],
      OPENAI_API_KEY: [],
      SLACK_BOT_TOKEN: [],
    },
    resolver: ['app/config/**'],
    leftOut: [],
    firstRun: [
      'env-example-drift .env.example ANTHROPIC_API_KEY',
      'env-example-drift .env.example GITHUB_APP_PRIVATE_KEY',
      'env-example-drift .env.example MAILGUN_API_KEY',
      'no-direct-env-read app/worker.py GITHUB_APP_PRIVATE_KEY',
    ],
    exitWithoutRegistry: 0,
  },
  {
    repo: 'rust-cli',
    secrets: {
      ANTHROPIC_API_KEY: [],
      CARGO_REGISTRY_TOKEN: [],
      OPENROUTER_API_KEY: ['OPENROUTER_APIKEY'],
      RELEASE_API_TOKEN: [],
      SENTRY_AUTH_TOKEN: [],
    },
    resolver: ['src/secrets.rs'],
    leftOut: [],
    firstRun: [
      'no-compile-time-secret src/build_info.rs RELEASE_API_TOKEN',
      'no-direct-env-read src/main.rs SENTRY_AUTH_TOKEN',
      'no-secret-build-arg Dockerfile CARGO_REGISTRY_TOKEN',
    ],
    // An ARG carrying a token lands in the image whether or not a registry exists.
    exitWithoutRegistry: 1,
  },
];

describe.each(CASES)('init --yes, then a scan: $repo', (expected) => {
  let dir: string;
  let before: ReturnType<typeof scanJson>;
  let init: ReturnType<typeof runCli>;
  let registry: RegistryDoc;

  beforeAll(() => {
    dir = copyRepo(expected.repo);
    before = scanJson(dir);
    init = runCli(['init', '--yes'], dir);
    registry = parse(fs.readFileSync(path.join(dir, 'secrets.registry.yaml'), 'utf8')) as RegistryDoc;
  });

  it('without a registry, the scan says so in one line, points at init, and fails only on registry-independent rules', () => {
    expect(before.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^clavis-lint: no registry found .*'npx clavis-lint init'/)]);
    expect(before.code).toBe(expected.exitWithoutRegistry);
    const errors = before.report.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);
    expect(errors.every((id) => id === 'no-secret-build-arg')).toBe(true);
  });

  it('writes both files with schema modelines, valid against the shipped schemas', () => {
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toBe('');
    const registryText = fs.readFileSync(path.join(dir, 'secrets.registry.yaml'), 'utf8');
    const configText = fs.readFileSync(path.join(dir, '.clavis-lint.yaml'), 'utf8');
    expect(registryText.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/clavis-lint/schema/registry.schema.json');
    expect(configText.split('\n')[0]).toBe('# yaml-language-server: $schema=./node_modules/clavis-lint/schema/clavis-lint.schema.json');
    expect(validateRegistry(registry), JSON.stringify(validateRegistry.errors)).toBe(true);
    expect(validateConfig(parse(configText)), JSON.stringify(validateConfig.errors)).toBe(true);
  });

  it('proposes ids from names, aliases, the resolver; leaves kind and owner to the user', () => {
    const written = Object.fromEntries(registry.secrets.map((s) => [s.env, s.aliases ?? []]));
    expect(written).toEqual(expected.secrets);
    expect(registry.resolver.paths).toEqual(expected.resolver);
    for (const s of registry.secrets) {
      expect(s.id).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(s.kind).toBeUndefined();
      expect(s.owner).toBeUndefined();
    }
    expect(fs.readFileSync(path.join(dir, 'secrets.registry.yaml'), 'utf8')).toContain('# kind: secret # guessed from the name');
    for (const name of expected.leftOut) expect(init.stdout).toContain(`  ${name}: `);
    expect(init.stdout).toMatch(/Next steps:[\s\S]*npx clavis-lint[\s\S]*clavis-lint\/clavis-lint@v0/);
    // The ESLint step only where there is TS/JS to lint.
    expect(init.stdout.includes('Add the ESLint plugin')).toBe(expected.repo === 'ts-app');
  });

  it('covers every name the registry-less scan called an unregistered secret', () => {
    const registered = new Set(registry.secrets.flatMap((s) => [s.env, ...(s.aliases ?? [])]));
    const unregistered = before.report.findings.filter((f) => UNREGISTERED.test(f.message)).map((f) => f.envName ?? '');
    expect(unregistered.length).toBeGreaterThan(0);
    for (const name of unregistered) {
      if (expected.leftOut.includes(name)) continue;
      expect(registered, name).toContain(name);
    }
  });

  it('gives a first run a user can act on: no unregistered or unknown names, only real findings', () => {
    const after = scanJson(dir);
    expect(after.stderr).toBe('');
    expect(after.report.errors).toEqual([]);
    // env-example-drift (what the example file lacks) is checked for its shape only: its wording
    // of scopes evolves on its own; every other finding is listed exactly.
    const registered = new Set(registry.secrets.flatMap((s) => [s.env, ...(s.aliases ?? [])]));
    const drift = after.report.findings.filter((f) => f.ruleId === 'env-example-drift');
    for (const f of drift) {
      expect(f.severity).toBe('warning');
      expect(registered).toContain(f.envName);
    }
    const got = after.report.findings.filter((f) => f.ruleId !== 'env-example-drift').map((f) => `${f.ruleId} ${f.file} ${f.envName ?? ''}`).sort();
    expect(got).toEqual(expected.firstRun.filter((f) => !f.startsWith('env-example-drift ')).sort());
    expect(after.code).toBe(after.report.findings.some((f) => f.severity === 'error') ? 1 : 0);
    expect(runCli(['registry', 'check'], dir).code).toBe(0);
  });
});
