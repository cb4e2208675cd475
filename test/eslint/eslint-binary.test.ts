// The real `eslint` binaries (10, and 9 through the `eslint9` alias package) with a flat config
// that imports the plugin as users do (`clavis-lint/eslint-plugin`), on a temporary project with
// typed linting (projectService). Checks findings, a typed leak rule, and that
// `eslint-disable-next-line clavis/<rule> -- reason` is honoured.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, writeTree } from '../support/run-cli.js';

const ESLINT_BINARIES = [
  { name: 'eslint 10', bin: path.join(REPO, 'node_modules/eslint/bin/eslint.js'), major: 10 },
  { name: 'eslint 9', bin: path.join(REPO, 'node_modules/eslint9/bin/eslint.js'), major: 9 },
];

const REGISTRY = `version: 1
resolver:
  paths: ["src/secrets/**"]
  functions: [resolveSecret]
secrets:
  - id: OpenRouterApiKey
    env: OPENROUTER_API_KEY
    deprecated:
      - name: OPENROUTER_KEY
        remove_after: 2026-06-30
    kind: secret
  - id: StripeSecretKey
    env: STRIPE_SECRET_KEY
    kind: secret
`;

const APP = `import { resolveSecret } from './secrets/resolver.js';

export const direct = process.env.OPENROUTER_API_KEY;
// eslint-disable-next-line clavis/no-direct-env-read -- read once at boot, tracked in SEC-12
export const allowed = process.env.STRIPE_SECRET_KEY;
export const old = process.env.OPENROUTER_KEY;

export async function handler(): Promise<void> {
  const key = await resolveSecret('OpenRouterApiKey');
  console.log('calling with', key);
}
`;

const RESOLVER = `export async function resolveSecret(id: string): Promise<string> {
  return process.env[id] ?? '';
}
`;

const ESLINT_CONFIG = `import clavis from 'clavis-lint/eslint-plugin';
import tsParser from '@typescript-eslint/parser';

export default [
  clavis.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
];
`;

function fixtureProject(): string {
  const root = writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\nlifecycle:\n  today: 2026-11-28\n',
    'secrets.registry.yaml': REGISTRY,
    'src/app.ts': APP,
    'src/secrets/resolver.ts': RESOLVER,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], noEmit: true }, include: ['src'] }),
    'package.json': JSON.stringify({ name: 'fixture', private: true, type: 'module' }),
    'eslint.config.mjs': ESLINT_CONFIG,
  });
  // Resolve the plugin through the package's own export map, as an installed dependency would.
  fs.mkdirSync(path.join(root, 'node_modules/@typescript-eslint'), { recursive: true });
  fs.symlinkSync(REPO, path.join(root, 'node_modules/clavis-lint'), 'dir');
  fs.symlinkSync(path.join(REPO, 'node_modules/@typescript-eslint/parser'), path.join(root, 'node_modules/@typescript-eslint/parser'), 'dir');
  return root;
}

interface EslintMessage {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  severity: number;
}

describe.each(ESLINT_BINARIES)('$name binary with the flat config', ({ bin, major }) => {
  it.skipIf(!fs.existsSync(bin))('reports clavis findings, runs the typed leak rule and honours eslint-disable-next-line', () => {
    const version = JSON.parse(fs.readFileSync(path.join(path.dirname(bin), '../package.json'), 'utf8')) as { version: string };
    expect(Number(version.version.split('.')[0])).toBe(major);
    const root = fixtureProject();
    const run = spawnSync(process.execPath, [bin, '--format', 'json', '--report-unused-disable-directives-severity', 'error', '.'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: EslintMessage[] }>;
    const byFile = new Map(results.map((r) => [path.relative(root, r.filePath).split(path.sep).join('/'), r.messages]));
    expect([...byFile.keys()].sort()).toEqual(['eslint.config.mjs', 'src/app.ts', 'src/secrets/resolver.ts']);
    expect(byFile.get('eslint.config.mjs')).toEqual([]);

    const app = byFile.get('src/app.ts')!.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    expect(app).toEqual(['3:23 clavis/no-direct-env-read', '6:20 clavis/no-deprecated-alias', '6:20 clavis/no-direct-env-read', '10:31 clavis/no-secret-in-log']);
    const leak = byFile.get('src/app.ts')!.find((m) => m.ruleId === 'clavis/no-secret-in-log')!;
    expect(leak.message).toContain('OpenRouterApiKey');
    // The disable comment was used: no finding on line 5 and no "unused directive" report.
    expect(byFile.get('src/app.ts')!.some((m) => m.line === 5 || m.ruleId === null)).toBe(false);
    // The resolver (resolver.paths) is the one place allowed to read the environment.
    expect(byFile.get('src/secrets/resolver.ts')).toEqual([]);
  });
});
