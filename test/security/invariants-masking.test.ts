// Invariant class (issue 13): masking by position across every format and command. Canaries that
// no look-based masker recognises (letters only, split by punctuation) are planted in every file
// kind, each time in a value position (assigned to a registered or secret-looking name, on a
// line a config rule reports, in a suppression reason, in a YAML syntax error), and then every
// output of every command is searched for the canary and for any 6-character piece of it.
// A canary that only ever appears in prose (a comment nobody assigns) cannot be placed and is
// not part of this promise.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../support/run-cli.js';

const LETTERS = 'quokkazephyrvortexbramble';
const SHORT_LETTERS = 'wombatquixoticfjord';
const SPLIT = 'qx7.vorpal-blimp!zonk';
const SPLIT_PATH = 'jabber_wock:frumious/bandersnatch';
const LOOKS_LIKE_A_KEY = 'sk-test-FAKE-CANARY-7f3a9c2e';
const CANARIES = [LETTERS, SHORT_LETTERS, SPLIT, SPLIT_PATH];

const REGISTRY = [
  'version: 1',
  'resolver:',
  '  paths: ["src/secrets/**"]',
  '  functions: [resolveSecret]',
  'secrets:',
  '  - id: OpenAiKey',
  '    env: OPENAI_API_KEY',
  '    deprecated: [{ name: OPENAI_KEY, remove_after: 2026-01-01 }]',
  '    kind: secret',
  '  - id: ServiceAccess',
  '    env: SERVICE_ACCESS',
  '    kind: secret',
  '',
].join('\n');

function plantedProject(): string {
  return writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\ndocs: [{ path: docs/secrets.md }]\n',
    'secrets.registry.yaml': REGISTRY,
    '.env': [
      `OPENAI_API_KEY=${SHORT_LETTERS}`,
      `OPENAI_KEY="${SPLIT}"`,
      `# clavis-lint-disable-next-line no-secret-literal-in-config -- temporary: ${LETTERS} rotates nightly`,
      `SERVICE_ACCESS=${LETTERS}`,
      '',
    ].join('\n'),
    '.env.example': `OPENAI_API_KEY=${SPLIT_PATH}\nUNKNOWN_TOKEN=${SHORT_LETTERS}\n`,
    'compose.yaml': [
      'services:',
      '  app:',
      '    environment:',
      `      OPENAI_API_KEY: ${SHORT_LETTERS}`,
      '  cron:',
      '    environment:',
      `      - SERVICE_ACCESS=${SPLIT}`,
      '  worker:',
      `    environment: { OPENAI_KEY: "${LETTERS}", SERVICE_ACCESS: '${SPLIT_PATH}' }`,
      '  builder:',
      '    build:',
      '      args:',
      `        - SERVICE_ACCESS=${SPLIT}`,
      '',
    ].join('\n'),
    'docker-compose.override.yml': `services:\n  app:\n    environment:\n      OPENAI_API_KEY: |${LETTERS}\n        x\n`,
    'k8s/pod.yaml': [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: p }',
      'spec:',
      '  containers:',
      '    - name: a',
      '      env:',
      `        - { name: OPENAI_API_KEY, value: ${SHORT_LETTERS} }`,
      '        - name: SERVICE_ACCESS',
      `          value: "${SPLIT}"`,
      '---',
      'apiVersion: v1',
      'kind: Secret',
      'metadata: { name: s }',
      'stringData:',
      `  OPENAI_API_KEY: ${SPLIT_PATH}`,
      '',
    ].join('\n'),
    'k8s/broken.yaml': `apiVersion: v1\nkind: ConfigMap\ndata:\n  SERVICE_ACCESS: "${SPLIT}\\q ${LETTERS}"\n`,
    '.github/workflows/ci.yml': [
      'on: push',
      'jobs:',
      '  build:',
      '    runs-on: ubuntu-latest',
      '    env:',
      `      OPENAI_API_KEY: ${SHORT_LETTERS}`,
      `      OPENAI_KEY: "${SPLIT}"`,
      '    steps:',
      `      - run: echo ${SPLIT} "$OPENAI_API_KEY"`,
      '      - run: |',
      '          make',
      `          echo ${LETTERS} $SERVICE_ACCESS`,
      '        env:',
      '          SERVICE_ACCESS: ${{ secrets.SERVICE_ACCESS }}',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      `          aws-secret-access-key: ${SPLIT_PATH}`,
      '',
    ].join('\n'),
    Dockerfile: [
      'FROM node:20',
      `ARG OPENAI_API_KEY=${SHORT_LETTERS}`,
      `ENV SERVICE_ACCESS=${SPLIT}`,
      `ENV OPENAI_KEY ${LETTERS}`,
      `RUN echo ${SPLIT_PATH} $OPENAI_API_KEY`,
      '',
    ].join('\n'),
    'docs/secrets.md': [
      '# Secrets',
      '',
      '| Name | Example |',
      '|---|---|',
      `| OPENAI_KEY | ${LETTERS} |`,
      `| STRAY_SECRET | ${SPLIT} |`,
      '',
    ].join('\n'),
    'src/app.ts': [
      `const OPENAI_API_KEY = "${LETTERS}"; console.log(process.env.OPENAI_API_KEY);`,
      `export const key = process.env.OPENAI_API_KEY ?? '${SPLIT}';`,
      `export const client = { apiKey: \`${SPLIT_PATH}\`, other: process.env.SERVICE_ACCESS };`,
      `export const legacy = process.env.OPENAI_KEY || "${LOOKS_LIKE_A_KEY}";`,
      `// clavis-lint-disable-next-line no-direct-env-read -- was ${SHORT_LETTERS}, now in the vault`,
      'export const quiet = process.env.SERVICE_ACCESS;',
      '',
    ].join('\n'),
    'worker.py': [
      'import os',
      `os.environ.setdefault("OPENAI_API_KEY", "${LETTERS}")`,
      `token = os.getenv("SERVICE_ACCESS", "${SPLIT}")`,
      `SERVICE_ACCESS = "${SPLIT_PATH}"; print(os.environ["SERVICE_ACCESS"])`,
      '',
    ].join('\n'),
    'src/main.rs': [
      `const SERVICE_ACCESS: &str = "${SHORT_LETTERS}"; fn a() { let _ = std::env::var("SERVICE_ACCESS"); }`,
      `fn b() { let k = std::env::var("OPENAI_API_KEY").unwrap_or("${SPLIT}".to_string()); println!("{}", k); }`,
      '',
    ].join('\n'),
    'scripts/run.sh': [
      '#!/bin/sh',
      `export OPENAI_API_KEY=${LETTERS}; echo "$OPENAI_API_KEY"`,
      `echo "\${SERVICE_ACCESS:-${SPLIT}}"`,
      `echo ${SPLIT_PATH} $OPENAI_API_KEY`,
      '',
    ].join('\n'),
  });
}

/** The canary and every 6-unit piece of it. */
function fragments(canary: string): string[] {
  const out = new Set<string>([canary]);
  for (let i = 0; i + 6 <= canary.length; i++) out.add(canary.slice(i, i + 6));
  return [...out];
}

interface Output {
  label: string;
  text: string;
}

describe('invariant: masking by position across every format and command', () => {
  let project: string;
  const outputs: Output[] = [];

  beforeAll(() => {
    project = plantedProject();
    const run = (label: string, args: string[]): void => {
      const result = runCli(args, project);
      outputs.push({ label: `${label} (stdout)`, text: result.stdout }, { label: `${label} (stderr)`, text: result.stderr });
    };
    for (const format of ['text', 'compact', 'json', 'sarif', 'github', 'markdown']) {
      run(`scan --format ${format}`, ['.', '--format', format]);
      run(`scan --format ${format} --include-suppressed`, ['.', '--format', format, '--include-suppressed']);
    }
    const outDir = tempDir();
    for (const format of ['json', 'sarif']) {
      const file = path.join(outDir, `report.${format}`);
      run(`scan --format ${format} --output`, ['.', '--format', format, '--include-suppressed', '--output', file]);
      outputs.push({ label: `scan --format ${format} --output (file)`, text: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '' });
    }
    // The dry-run diff shows whole lines around each fix (a renamed key beside its value).
    run('scan --fix-dry-run', ['.', '--fix-dry-run']);
    run('inventory --format json', ['inventory', '--format', 'json']);
    run('inventory --format markdown', ['inventory', '--format', 'markdown']);
    run('registry check', ['registry', 'check']);
    run('docs --check', ['docs', '--check']);
    // The result cache is written output too (issue 12): twice, so the second run reads it back.
    run('scan --cache', ['.', '--format', 'json', '--cache']);
    run('scan --cache (served from the cache)', ['.', '--format', 'json', '--cache']);
    // A replayed report (report.json) keeps the masked source lines of text output: stored once
    // the files are older than the cache's racy window (2 s), replayed by the run after.
    const age = Date.now() - fs.statSync(path.join(project, '.clavis-lint.yaml')).ctimeMs;
    if (age < 2500) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2500 - age);
    run('scan --cache text', ['.', '--cache']);
    run('scan --cache text (replayed)', ['.', '--cache']);
    const cacheDir = path.join(project, '.clavis-lint-cache');
    for (const name of fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir) : []) outputs.push({ label: `cache file ${name}`, text: fs.readFileSync(path.join(cacheDir, name), 'utf8') });
  }, 600_000);

  it('the outputs are real reports (the test is not vacuous)', () => {
    const json = outputs.find((o) => o.label === 'scan --format json --include-suppressed (stdout)')!.text;
    const report = JSON.parse(json) as { findings: Array<{ ruleId: string; file: string }>; suppressed: unknown[]; errors: Array<{ file: string }> };
    const rules = new Set(report.findings.map((f) => f.ruleId));
    for (const rule of ['no-secret-literal-in-config', 'no-direct-env-read', 'no-secret-echo', 'no-secret-build-arg']) expect(rules).toContain(rule);
    const files = new Set(report.findings.map((f) => f.file));
    for (const file of ['.env', 'compose.yaml', 'k8s/pod.yaml', '.github/workflows/ci.yml', 'Dockerfile', 'src/app.ts', 'worker.py', 'src/main.rs', 'scripts/run.sh']) {
      expect(files).toContain(file);
    }
    expect(report.suppressed.length).toBeGreaterThan(0);
    expect(report.errors.map((e) => e.file)).toEqual(expect.arrayContaining(['docker-compose.override.yml', 'k8s/broken.yaml']));
    const text = outputs.find((o) => o.label === 'scan --format text (stdout)')!.text;
    expect(text).toContain('OPENAI_API_KEY');
    // The dry run renames the deprecated OPENAI_KEY on lines that carry canaries.
    expect(outputs.find((o) => o.label === 'scan --fix-dry-run (stdout)')!.text).toMatch(/^\+ENV OPENAI_API_KEY \*+$/m);
    expect(text).toMatch(/\*{6,}/);
    expect(outputs.find((o) => o.label === 'cache file results.json')?.text).toContain('no-secret-in-log'); // the stored leak pass
    expect(outputs.find((o) => o.label === 'cache file report.json')?.text).toContain('"lines"'); // the replayed report, with text output's lines
    expect(outputs.find((o) => o.label === 'scan --cache text (replayed) (stdout)')?.text).toBe(text);
  });

  for (const canary of CANARIES) {
    it(`no output holds ${canary} or any 6-character piece of it`, () => {
      const leaks: string[] = [];
      for (const output of outputs) {
        for (const piece of fragments(canary)) {
          const at = output.text.indexOf(piece);
          if (at >= 0) leaks.push(`${output.label}: "${piece}" in …${output.text.slice(Math.max(0, at - 80), at + piece.length + 20)}…`);
        }
      }
      expect(leaks, leaks.join('\n')).toEqual([]);
    });
  }

  it(`no output holds the value-looking canary ${LOOKS_LIKE_A_KEY}`, () => {
    for (const output of outputs) expect(output.text, output.label).not.toContain(LOOKS_LIKE_A_KEY);
  });
});
