// The two product invariants checked end to end: no secret value in any output, and
// byte-identical output for identical input.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, writeTree } from '../support/run-cli.js';

const CANARIES = ['sk-test-FAKE-CANARY-7f3a9c2e', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'FAKEcanaryPassw0rd-42'];

function canaryProject(): string {
  const [c1, c2, c3, c4] = CANARIES;
  return writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\ndocs: [{ path: docs/secrets.md }]\n',
    'secrets.registry.yaml': [
      'version: 1',
      'resolver:',
      '  paths: ["src/secrets/**"]',
      '  functions: [resolveSecret]',
      'secrets:',
      '  - id: OpenRouterApiKey',
      '    env: OPENROUTER_API_KEY',
      '    deprecated: [{ name: OPENROUTER_KEY, remove_after: 2026-01-01 }]',
      '    kind: secret',
      '  - id: AwsAccessKey',
      '    env: AWS_SECRET_ACCESS_KEY',
      '    kind: secret',
      '',
    ].join('\n'),
    'src/app.ts': [
      `const fallback = '${c1}';`,
      `export const key = process.env.OPENROUTER_API_KEY ?? '${c1}';`,
      `console.log('${c1}', process.env.OPENROUTER_API_KEY);`,
      `throw new Error(\`bad key ${c1} \${process.env.OPENROUTER_KEY}\`);`,
      '',
    ].join('\n'),
    'worker.py': `import os\nKEY = "${c4}"\nprint(os.environ["OPENROUTER_API_KEY"], "${c4}")\n`,
    'main.rs': `fn main() { let k = std::env::var("OPENROUTER_API_KEY").unwrap_or("${c1}".into()); println!("{} ${c1}", k); }\n`,
    'scripts/run.sh': `#!/bin/sh\nexport OPENROUTER_API_KEY=${c1}\necho "$OPENROUTER_API_KEY"\n`,
    '.env': `OPENROUTER_API_KEY=${c1}\nAWS_SECRET_ACCESS_KEY=${c3}\nOPENROUTER_KEY="${c4}"\n`,
    '.env.example': `OPENROUTER_API_KEY=${c2}\n`,
    'compose.yaml': `services:\n  app:\n    environment:\n      OPENROUTER_API_KEY: ${c1}\n      AWS_SECRET_ACCESS_KEY: "${c3}"\n`,
    'k8s.yaml': `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n    - name: a\n      env:\n        - name: OPENROUTER_API_KEY\n          value: ${c1}\n`,
    'Dockerfile': `FROM node:20\nARG OPENROUTER_API_KEY=${c1}\nENV AWS_SECRET_ACCESS_KEY=${c3}\n`,
    '.github/workflows/ci.yml': `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      OPENROUTER_API_KEY: ${c1}\n    steps:\n      - run: echo ${c1} $OPENROUTER_API_KEY\n`,
    'docs/secrets.md': `# Secrets\n\n| Name | Example |\n|---|---|\n| OPENROUTER_API_KEY | ${c1} |\n`,
  });
}

const FORMATS = ['text', 'json', 'sarif', 'github', 'markdown'];

describe('invariants', () => {
  it('never prints a planted secret value, in any format or command', () => {
    const project = canaryProject();
    const outputs: string[] = [];
    for (const format of FORMATS) {
      const run = runCli(['.', '--format', format, '--include-suppressed'], project);
      expect(run.code, `${format}: ${run.stderr}`).toBe(1);
      outputs.push(run.stdout, run.stderr);
    }
    const out = path.join(tempDir(), 'out.sarif');
    outputs.push(runCli(['.', '--format', 'sarif', '--output', out], project).stderr, fs.readFileSync(out, 'utf8'));
    outputs.push(runCli(['inventory', '--format', 'json'], project).stdout);
    outputs.push(runCli(['inventory'], project).stdout);
    outputs.push(runCli(['registry', 'export', '--format', 'json'], project).stdout);
    outputs.push(runCli(['registry', 'check'], project).stdout);
    const all = outputs.join('\n');
    expect(all.length).toBeGreaterThan(1000);
    for (const canary of CANARIES) expect(all, `canary ${canary}`).not.toContain(canary);
    // The findings themselves are there: the test would be meaningless on an empty report.
    expect(all).toContain('OPENROUTER_API_KEY');
  });

  it('gives byte-identical JSON and SARIF for two runs', () => {
    for (const format of ['json', 'sarif']) {
      const a = runCli(['examples/demo', '--format', format]).stdout.replace(/"ms": \d+/, '"ms": 0');
      const b = runCli(['examples/demo', '--format', format]).stdout.replace(/"ms": \d+/, '"ms": 0');
      expect(a.length).toBeGreaterThan(100);
      expect(a).toBe(b);
    }
  });
});
