// The real `eslint` binaries (10, and 9 through the `eslint9` alias package) running the
// eslint.config.js of docs/integrations.md exactly as written (it imports the plugin as users do,
// `clavis-lint/eslint-plugin`, with typescript-eslint and typed linting), on a temporary project
// that has a registry and no `.clavis-lint.yaml`. Checks the findings (typed leak rule included),
// `eslint-disable-next-line`, a broken registry (one message per file, no crash), `--cache`
// after a registry edit, and the one error a leak rule gives without type information.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, writeTree } from '../support/run-cli.js';
import { documentedSnippet } from './documented-snippets.js';

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
        remove_after: 2099-06-30
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

/** A JavaScript file: no Program, so the leak rules skip it; the other rules still check it. */
const SCRIPT = `export const stripe = process.env.STRIPE_SECRET_KEY;
console.log(stripe);
`;

function fixtureProject(config = documentedSnippet('eslint.config.js')): string {
  const root = writeTree({
    'secrets.registry.yaml': REGISTRY,
    'src/app.ts': APP,
    'src/secrets/resolver.ts': RESOLVER,
    'src/script.js': SCRIPT,
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', types: [], noEmit: true }, include: ['src'] }),
    'package.json': JSON.stringify({ name: 'fixture', private: true, type: 'module' }),
    'eslint.config.js': config,
  });
  // Resolve the plugin through the package's own export map, as an installed dependency would.
  fs.mkdirSync(path.join(root, 'node_modules'));
  fs.symlinkSync(REPO, path.join(root, 'node_modules/clavis-lint'), 'dir');
  fs.symlinkSync(path.join(REPO, 'node_modules/typescript-eslint'), path.join(root, 'node_modules/typescript-eslint'), 'dir');
  return root;
}

interface EslintMessage {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  severity: number;
}

const UNUSED_DIRECTIVES_ARE_ERRORS = ['--report-unused-disable-directives-severity', 'error'];

function runEslint(bin: string, root: string, extra: string[] = UNUSED_DIRECTIVES_ARE_ERRORS) {
  const run = spawnSync(process.execPath, [bin, '--format', 'json', ...extra, '.'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  const results = run.status === 2 ? [] : (JSON.parse(run.stdout) as Array<{ filePath: string; messages: EslintMessage[] }>);
  const byFile = new Map(results.map((r) => [path.relative(root, r.filePath).split(path.sep).join('/'), r.messages]));
  // clavis messages only (typescript-eslint's recommended rules run too), and parse errors (ruleId null).
  const clavis = (file: string) => (byFile.get(file) ?? []).filter((m) => m.ruleId === null || m.ruleId.startsWith('clavis/')).map((m) => `${m.line}:${m.column} ${m.ruleId}`);
  return { run, byFile, clavis };
}

describe.each(ESLINT_BINARIES)('$name binary with the documented eslint.config.js', ({ bin, major }) => {
  it.skipIf(!fs.existsSync(bin))('reports with a registry alone, runs the typed leak rule, honours eslint-disable-next-line, and --cache follows registry edits', () => {
    const version = JSON.parse(fs.readFileSync(path.join(path.dirname(bin), '../package.json'), 'utf8')) as { version: string };
    expect(Number(version.version.split('.')[0])).toBe(major);
    const root = fixtureProject();
    const cache = [...UNUSED_DIRECTIVES_ARE_ERRORS, '--cache', '--cache-location', path.join(root, '.eslintcache')];

    const first = runEslint(bin, root, cache);
    expect(first.run.stderr).toBe('');
    expect(first.run.status).toBe(1);
    expect([...first.byFile.keys()].sort()).toEqual(['eslint.config.js', 'src/app.ts', 'src/script.js', 'src/secrets/resolver.ts']);
    expect(first.clavis('eslint.config.js')).toEqual([]);
    expect(first.clavis('src/app.ts')).toEqual(['3:23 clavis/no-direct-env-read', '6:20 clavis/no-deprecated-alias', '6:20 clavis/no-direct-env-read', '10:31 clavis/no-secret-in-log']);
    const leak = first.byFile.get('src/app.ts')!.find((m) => m.ruleId === 'clavis/no-secret-in-log')!;
    expect(leak.message).toContain('OpenRouterApiKey');
    // The disable comment was used: no finding on line 5 and no "unused directive" report.
    expect(first.byFile.get('src/app.ts')!.some((m) => m.line === 5 || m.ruleId === null)).toBe(false);
    // The resolver (resolver.paths) is the one place allowed to read the environment.
    expect(first.clavis('src/secrets/resolver.ts')).toEqual([]);
    // JavaScript without type information: the leak rules skip it, the others report.
    expect(first.clavis('src/script.js')).toEqual(['1:23 clavis/no-direct-env-read']);

    // Same files, same registry: the cached results are the same.
    expect(runEslint(bin, root, cache).clavis('src/app.ts')).toEqual(first.clavis('src/app.ts'));

    // The registry drops the deprecated alias: no file changed, yet the results must.
    fs.writeFileSync(path.join(root, 'secrets.registry.yaml'), REGISTRY.replace(/ {4}deprecated:\n.*\n.*\n/, ''));
    const edited = runEslint(bin, root, cache);
    expect(edited.run.stderr).toBe('');
    expect(edited.clavis('src/app.ts')).toEqual(['3:23 clavis/no-direct-env-read', '10:31 clavis/no-secret-in-log']);
  });

  it.skipIf(!fs.existsSync(bin))('a broken registry is one clavis/setup message on line 1 of each file, never a crash', () => {
    const root = fixtureProject();
    fs.writeFileSync(path.join(root, 'secrets.registry.yaml'), 'version: 1\nsecrets:\n  - id: [unclosed\n');
    // Unused directives off: the clavis rule the directive in app.ts names is silent here.
    const { run, byFile, clavis } = runEslint(bin, root, ['--report-unused-disable-directives-severity', 'off']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    for (const file of ['eslint.config.js', 'src/app.ts', 'src/script.js', 'src/secrets/resolver.ts']) {
      expect(clavis(file)).toEqual(['1:1 clavis/setup']);
      expect(byFile.get(file)!.find((m) => m.ruleId === 'clavis/setup')!.message).toMatch(/^clavis-lint: secrets\.registry\.yaml:\d+:\d+: invalid registry: YAML syntax error/);
    }
  });

  it.skipIf(!fs.existsSync(bin))('a leak rule on a TypeScript file without type information stops the run with one error naming projectService', () => {
    const documented = documentedSnippet('eslint.config.js');
    const untyped = documented.replace(/parserOptions: \{ projectService: true, tsconfigRootDir: import\.meta\.dirname \}/, 'parserOptions: {}');
    expect(untyped).not.toBe(documented);
    const { run } = runEslint(bin, fixtureProject(untyped));
    expect(run.status).toBe(2);
    expect(run.stderr.match(/has no type information/g)).toHaveLength(1);
    expect(run.stderr).toMatch(/Error while loading rule 'clavis\/no-[a-z-]+'/);
    expect(run.stderr).toContain('`languageOptions.parserOptions.projectService: true`');
  });
});
