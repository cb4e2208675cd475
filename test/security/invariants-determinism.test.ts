// Invariant classes (issue 13): the same tree gives the same bytes whatever the thread count and
// whatever the locale, and an output that cannot be delivered is one line and exit 2 whatever the
// format or command.
//
// - Worker independence: `--workers 0`, the default, 2 and 8 give byte-identical JSON and SARIF for
//   a project with findings of every area, leak flows, suppressions and files nested past the
//   limit in every language.
// - Locale independence: LC_ALL/LANG set to C, en_US, sv_SE and tr_TR (which collate `ä`, `I`,
//   `ı`, `_` and case differently) give byte-identical scan JSON/SARIF, baseline and inventory, in
//   code-unit order.
// - Closed stdout: every format of every command that writes a report ends with exit 2 and one
//   line on stderr, never a stack trace, when standard output is full or its reader is gone.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, writeTree, type CliRun } from '../support/run-cli.js';

const REGISTRY = [
  'version: 1',
  'resolver:',
  '  paths: ["src/secrets/**"]',
  '  functions: [resolveSecret]',
  'secrets:',
  '  - id: ZetaKey',
  '    env: Z_KEY',
  '    kind: secret',
  '  - id: alphaKey',
  '    env: a_key',
  '    deprecated: [{ name: OLD_ALPHA_KEY, remove_after: 2026-01-01 }]',
  '    kind: secret',
  '  - id: ApiKey',
  '    env: API_KEY',
  '    kind: secret',
  '',
].join('\n');
const CONFIG = 'registry: secrets.registry.yaml\nlifecycle: { today: 2026-06-01 }\n';

const rep = (text: string, n: number): string => text.repeat(n);

function ok(run: CliRun, label: string): CliRun {
  expect(run.code, `${label}: ${run.stderr}`).not.toBe(2);
  return run;
}

describe('worker independence', () => {
  const files: Record<string, string> = {
    '.clavis-lint.yaml': CONFIG,
    'secrets.registry.yaml': REGISTRY,
    'src/secrets/resolve.ts': 'export function resolveSecret(id: string): string {\n  return process.env[id] ?? "";\n}\n',
    'src/leak.ts': [
      "import { resolveSecret } from './secrets/resolve';",
      "const key = resolveSecret('ApiKey');",
      'console.log(`key=${key}`);',
      'export const direct = process.env.Z_KEY;',
      '// clavis-lint-disable-next-line no-direct-env-read -- read once at boot, before the resolver exists',
      'export const early = process.env.a_key;',
      'export const old = process.env.OLD_ALPHA_KEY;',
      '',
    ].join('\n'),
    'app/main.py': 'import os\nimport logging\nkey = os.environ["API_KEY"]\nlogging.info(key)\n',
    'crates/app/src/main.rs': 'fn main() {\n    let key = std::env::var("Z_KEY").unwrap();\n    println!("{}", key);\n}\n',
    'deploy.sh': '#!/bin/sh\necho "$API_KEY"\n',
    '.env': 'API_KEY=sk-test-FAKE-0123456789abcdef\n',
    // Past the nesting limit in every language.
    'deep/paren.ts': `export const a =\n${rep('(\n', 10_000)}process.env.API_KEY\n${rep(')', 10_000)};\nexport const b = process.env.API_KEY;\n`,
    'deep/elements.jsx': `export const a =\n${rep('<i>\n', 10_000)}{process.env.API_KEY}\n${rep('</i>', 10_000)};\n`,
    'deep/calls.js': `export const a = process.env.API_KEY\n${rep('.trim()\n', 10_000)};\n`,
    'deep/paren.py': `import os\nx = ${rep('(\n', 10_000)}os.environ["API_KEY"]\n${rep(')', 10_000)}\n`,
    'deep/blocks.rs': `fn main() {\n    let a = ${rep('{\n', 10_000)}std::env::var("API_KEY").unwrap()\n${rep('}', 10_000)};\n}\n`,
  };
  // Work for several threads. (When the default starts threads is plannedWorkers' business,
  // tested in robustness.test.ts; here every path must agree.)
  for (let i = 0; i < 40; i++) files[`src/many/m${i}.ts`] = `export const v${i} = process.env.API_KEY;\n`;
  const root = writeTree(files);

  for (const format of ['json', 'sarif']) {
    it(`--workers 0, default, 2 and 8: byte-identical ${format}`, () => {
      const [inProcess, ...others] = [['--workers', '0'], [], ['--workers', '2'], ['--workers', '8']].map((workers) =>
        ok(runCli(['--format', format, ...workers], root), `${format} ${workers.join(' ') || 'default'}`),
      );
      expect(inProcess.code).toBe(1);
      expect(inProcess.stdout.length).toBeGreaterThan(1000);
      for (const other of others) {
        expect(other.code).toBe(inProcess.code);
        expect(other.stdout === inProcess.stdout, 'same bytes').toBe(true);
      }
      if (format === 'json') {
        const report = JSON.parse(inProcess.stdout) as { errors: Array<{ file: string; message: string }> };
        const deep = report.errors.filter((e) => e.file.startsWith('deep/')).map((e) => e.file);
        expect(new Set(deep)).toEqual(new Set(['deep/paren.ts', 'deep/elements.jsx', 'deep/calls.js', 'deep/paren.py', 'deep/blocks.rs']));
      }
    });
  }
});

describe('locale independence', () => {
  const LOCALES = ['C', 'en_US.UTF-8', 'sv_SE.UTF-8', 'tr_TR.UTF-8'];
  // Names that collate differently: case, `_`, umlaut (after `z` in Swedish), dotted/dotless i.
  const NAMES = ['a.ts', 'B.ts', 'ä.ts', '_x.ts', 'z.ts', 'i.ts', 'I.ts', 'ı.ts', 'Zeta/k.ts', 'alpha/k.ts'];
  const files: Record<string, string> = { '.clavis-lint.yaml': CONFIG, 'secrets.registry.yaml': REGISTRY };
  NAMES.forEach((name, i) => (files[`src/${name}`] = `export const v${i} = [process.env.Z_KEY, process.env.a_key, process.env.API_KEY];\n`));
  const root = writeTree(files);
  const inLocale = (locale: string): Record<string, string> => ({ LC_ALL: locale, LANG: locale, LC_COLLATE: locale });

  function sameEverywhere(produce: (env: Record<string, string>) => string): string {
    const outputs = LOCALES.map((locale) => produce(inLocale(locale)));
    for (let i = 1; i < outputs.length; i++) expect(outputs[i] === outputs[0], `${LOCALES[i]} vs ${LOCALES[0]}`).toBe(true);
    return outputs[0];
  }

  it('scan --format json', () => {
    const out = sameEverywhere((env) => ok(runCli(['--format', 'json'], root, env), 'json').stdout);
    const report = JSON.parse(out) as { findings: Array<{ file: string }> };
    const order = [...new Set(report.findings.map((f) => f.file))];
    expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(order).toContain('src/ä.ts');
  });

  it('scan --format sarif', () => {
    sameEverywhere((env) => ok(runCli(['--format', 'sarif'], root, env), 'sarif').stdout);
  });

  it('--update-baseline writes the same file', () => {
    const text = sameEverywhere((env) => {
      const target = path.join(root, `baseline-${env.LC_ALL}.json`);
      const run = runCli(['--update-baseline', '--baseline', target], root, env);
      expect(run.code, run.stderr).toBe(0);
      return fs.readFileSync(target, 'utf8');
    });
    const keys = Object.keys((JSON.parse(text) as { files: object }).files);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(keys.filter((key) => key.startsWith('src/')).slice(0, 2)).toEqual(['src/B.ts', 'src/I.ts']);
  });

  it('inventory --format json', () => {
    const out = sameEverywhere((env) => ok(runCli(['inventory', '--format', 'json'], root, env), 'inventory').stdout);
    const ids = (JSON.parse(out) as { secrets: Array<{ id: string }> }).secrets.map((s) => s.id);
    expect(ids).toEqual(['ApiKey', 'ZetaKey', 'alphaKey']);
  });
});

describe('closed stdout', () => {
  const root = writeTree({
    '.clavis-lint.yaml': CONFIG,
    'secrets.registry.yaml': REGISTRY,
    ...Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`src/m${i}.ts`, `export const v${i} = process.env.API_KEY;\n`])),
  });
  // Every command that writes a report or a document to stdout, in every format it has.
  const COMMANDS: string[][] = [
    ...['text', 'compact', 'json', 'sarif', 'github', 'markdown'].map((format) => ['--format', format]),
    ...['markdown', 'json'].map((format) => ['inventory', '--format', format]),
    ...['json', 'markdown', 'env-example'].map((format) => ['registry', 'export', '--format', format]),
    ['registry', 'check'],
    ['rules'],
    ['rules', '--json'],
    ['explain', 'no-direct-env-read'],
    ['--help'],
  ];

  function expectOneLine(code: number | null, stderr: string, label: string): void {
    expect(code, `${label}: ${stderr}`).toBe(2);
    expect(stderr.trim().split('\n'), label).toHaveLength(1);
    expect(stderr, label).toMatch(/^clavis-lint: cannot write to standard output \((EPIPE|ENOSPC)\)/);
    expect(stderr, label).not.toMatch(/Unhandled|node:events|^\s+at /m);
  }

  it('full (/dev/full): exit 2 and one line for every command and format', () => {
    for (const args of COMMANDS) {
      const out = fs.openSync('/dev/full', 'w');
      try {
        const run = spawnSync(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
        expectOneLine(run.status, run.stderr, args.join(' '));
      } finally {
        fs.closeSync(out);
      }
    }
  });

  it('closed pipe (EPIPE): exit 2 and one line for every command and format', async () => {
    for (const args of COMMANDS) {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expectOneLine(code, stderr, args.join(' '));
    }
  });
});
