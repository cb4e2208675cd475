// Issue 13, items 10 and 11: values are masked by POSITION, not by look. A letters-only
// passphrase or a value split by punctuation looks like prose to a pattern, so it used to be
// printed under the caret; suppression reasons and YAML parser messages were copied verbatim.
// Each case builds its hostile project in a temp dir and checks that the canary never appears
// while the finding it sits on is still reported.
import { describe, expect, it } from 'vitest';
import { runCli, writeTree, type CliRun } from '../support/run-cli.js';

/** Letters only: no digit, no case mix, nothing a look-based masker calls a credential. */
const PASSPHRASE = 'quokkazephyrvortexbramble';
/** Split by punctuation into short, word-like pieces. */
const SPLIT = 'qx7.vorpal-blimp!zonk';

const REGISTRY = [
  'version: 1',
  'secrets:',
  '  - id: OpenAiKey',
  '    env: OPENAI_API_KEY',
  '    kind: secret',
  '  - id: LegacyToken',
  '    env: SERVICE_ACCESS',
  '    kind: secret',
  '',
].join('\n');

function project(files: Record<string, string>): string {
  return writeTree({ 'secrets.registry.yaml': REGISTRY, ...files });
}

function all(run: CliRun): string {
  return `${run.stdout}\n${run.stderr}`;
}

function expectMasked(run: CliRun, canaries: string[], shown: RegExp): void {
  const out = all(run);
  for (const canary of canaries) expect(out, `leaked ${canary}`).not.toContain(canary);
  expect(run.code, out).toBe(1);
  // The finding and its source line are still there: masking must not hide the report.
  expect(out).toMatch(shown);
}

describe('item 10: config values are masked by position, whatever they look like', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['.env', { '.env': `OPENAI_API_KEY=${PASSPHRASE.slice(0, 20)}\n` }, /1 \| OPENAI_API_KEY=\*{20}/],
    ['compose', { 'compose.yaml': `services:\n  app:\n    environment:\n      OPENAI_API_KEY: ${PASSPHRASE.slice(0, 20)}\n` }, /OPENAI_API_KEY: \*{20}/],
    ['compose flow mapping', { 'compose.yaml': `services:\n  app:\n    environment: { OPENAI_API_KEY: "${SPLIT}" }\n` }, /OPENAI_API_KEY: \*{23}/],
    ['workflow', { '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: ${PASSPHRASE.slice(0, 20)}\n    steps:\n      - run: make\n` }, /OPENAI_API_KEY: \*{20}/],
    ['Dockerfile', { Dockerfile: `FROM node:20\nENV OPENAI_API_KEY=${PASSPHRASE.slice(0, 20)}\n` }, /ENV OPENAI_API_KEY=\*{20}/],
    ['Kubernetes', { 'deploy.yaml': `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      env:\n        - { name: OPENAI_API_KEY, value: ${PASSPHRASE.slice(0, 20)} }\n` }, /name: OPENAI_API_KEY, value: \*{20}/],
  ];
  for (const [kind, files, shown] of cases) {
    it(`${kind}: a letters-only or punctuation-split value on the flagged line is masked`, () => {
      expectMasked(runCli(['.'], project(files)), [PASSPHRASE.slice(0, 20), SPLIT, 'vorpal', 'blimp'], shown);
    });
  }

  it('workflow run block: a value on an echo line a config rule reports is masked', () => {
    const dir = project({
      '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          make\n          echo ${SPLIT} "$OPENAI_API_KEY"\n        env:\n          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}\n`,
    });
    expectMasked(runCli(['.'], dir), [SPLIT, 'vorpal', 'blimp'], /8 \|\s+echo \*{21} "\$OPENAI_API_KEY"/);
  });

  it('workflow run: every literal on a line a config rule reports is masked, expressions stay', () => {
    const dir = project({
      '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${SPLIT} "$OPENAI_API_KEY" \${{ github.sha }}\n        env:\n          OPENAI_API_KEY: \${{ secrets.OPENAI_API_KEY }}\n`,
    });
    const run = runCli(['.'], dir);
    expectMasked(run, [SPLIT, 'vorpal', 'blimp'], /no-secret-echo/);
    expect(run.stdout).toContain('${{ github.sha }}');
  });
});

describe('item 10: code values bound to a registered or secret-looking name are masked', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['TypeScript const', { 'src/a.ts': `const OPENAI_API_KEY = "${PASSPHRASE}"; console.log(process.env.OPENAI_API_KEY);\n` }, /const OPENAI_API_KEY = \*{27};/],
    ['TypeScript default', { 'src/b.ts': `export const key = process.env.OPENAI_API_KEY ?? "${SPLIT}";\n` }, /\?\? \*{23};/],
    ['TypeScript option', { 'src/c.ts': `export const c = { apiKey: '${PASSPHRASE}', other: process.env.OPENAI_API_KEY };\n` }, /apiKey: \*{27}/],
    ['Python setdefault', { 'app.py': `import os\nkey = os.environ.setdefault("OPENAI_API_KEY", "${PASSPHRASE}")\n` }, /setdefault\("OPENAI_API_KEY", \*{27}\)/],
    ['Python getenv', { 'app.py': `import os\nk = os.getenv("OPENAI_API_KEY", "${SPLIT}")\n` }, /getenv\("OPENAI_API_KEY", \*{23}\)/],
    ['Rust', { 'src/main.rs': `fn main() { let k = std::env::var("OPENAI_API_KEY").unwrap_or("${PASSPHRASE}".to_string()); }\n` }, /unwrap_or\(\*{27}\.to_string\(\)\)/],
    ['shell default', { 'run.sh': `#!/bin/sh\necho "\${OPENAI_API_KEY:-${SPLIT}}"\n` }, /\$\{OPENAI_API_KEY:-\*{21}\}/],
    ['shell export', { 'run.sh': `#!/bin/sh\nexport OPENAI_API_KEY=${PASSPHRASE}; echo "$OPENAI_API_KEY"\n` }, /export OPENAI_API_KEY=\*{25};/],
  ];
  for (const [kind, files, shown] of cases) {
    it(`${kind}`, () => {
      expectMasked(runCli(['.'], project(files)), [PASSPHRASE, SPLIT, 'vorpal', 'blimp'], shown);
    });
  }

  it('a registry name that no secret pattern matches is still a secret name', () => {
    const dir = project({ 'src/a.ts': `const SERVICE_ACCESS = "${PASSPHRASE}"; console.log(process.env.SERVICE_ACCESS);\n` });
    expectMasked(runCli(['.'], dir), [PASSPHRASE], /const SERVICE_ACCESS = \*{27};/);
  });

  it('keeps a literal bound to an ordinary name readable', () => {
    const dir = project({ 'src/a.ts': `const region = "eu-west-1"; console.log(process.env.OPENAI_API_KEY);\n` });
    expect(runCli(['.'], dir).stdout).toContain('const region = "eu-west-1";');
  });
});

describe('item 11: suppression reasons and YAML parser messages are masked', () => {
  const reasonTree = (): string =>
    project({
      '.env': `# clavis-lint-disable-next-line no-secret-literal-in-config -- dev only, ${PASSPHRASE} is rotated daily\nOPENAI_API_KEY=${PASSPHRASE}\n`,
    });
  for (const format of ['text', 'json', 'sarif']) {
    it(`--include-suppressed --format ${format}: a reason quoting the suppressed value is masked`, () => {
      const run = runCli(['.', '--format', format, '--include-suppressed'], reasonTree());
      // The only finding is suppressed: a clean exit, and the reason is printed on request.
      expect(all(run)).not.toContain(PASSPHRASE);
      expect(run.code, all(run)).toBe(0);
      expect(all(run)).toContain('is rotated daily');
    });
  }

  for (const format of ['text', 'compact', 'json', 'sarif', 'github', 'markdown']) {
    it(`--format ${format}: a YAML syntax error names line and column, never the offending text`, () => {
      const dir = project({ 'compose.yaml': `services:\n  app:\n    environment:\n      OPENAI_API_KEY: |${PASSPHRASE}\n        x\n` });
      const run = runCli(['.', '--format', format], dir);
      expect(all(run)).not.toContain(PASSPHRASE);
      expect(all(run)).not.toContain('zephyr');
      expect(all(run)).toMatch(/YAML syntax error/);
    });
  }

  it('the YAML error keeps its position', () => {
    const dir = project({ 'compose.yaml': `services:\n  app:\n    environment:\n      OPENAI_API_KEY: |${PASSPHRASE}\n        x\n` });
    const report = JSON.parse(runCli(['.', '--format', 'json'], dir).stdout) as { errors: Array<{ file: string; line?: number; column?: number; message: string }> };
    const error = report.errors.find((e) => e.file === 'compose.yaml');
    expect(error).toMatchObject({ line: 4, message: expect.stringMatching(/^YAML syntax error \(UNEXPECTED_TOKEN\): /) });
  });
});
