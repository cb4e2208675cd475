import { describe, expect, it } from 'vitest';
import type { ConfigFact, Fact, NameRefFact } from '../../src/core/facts.js';
import { composeFrontEnd } from '../../src/languages/config/compose.js';
import { dockerfileFrontEnd } from '../../src/languages/config/dockerfile.js';
import { dotenvFrontEnd, isExampleEnvFile } from '../../src/languages/config/dotenv.js';
import { kubernetesFrontEnd } from '../../src/languages/config/kubernetes.js';
import { testFrontEndOptions } from './test-registry.js';

const refs = (facts: Fact[], context: string) =>
  facts.filter((f): f is NameRefFact => f.kind === 'name-ref' && f.context === context).map((f) => [f.name, f.range.line, f.range.column, f.range.endColumn, f.hasLiteralValue ?? null]);
const configs = (facts: Fact[], type: string) => facts.filter((f): f is ConfigFact => f.kind === 'config' && f.type === type);
const opts = testFrontEndOptions();

describe('compose front end', () => {
  it('reads environment maps and lists, build args and interpolations', async () => {
    const text = [
      'services:',
      '  api:',
      '    image: example/api:${TAG:-latest}',
      '    environment:',
      '      STRIPE_SECRET_KEY: sk-test-FAKE',
      '      DATABASE_URL: ${DATABASE_URL}',
      '      PASSTHROUGH:',
      '    build:',
      '      args:',
      '        - NPM_TOKEN=$NPM_TOKEN',
      '        - VERSION=1',
      '  worker:',
      '    environment:',
      '      - "OPENROUTER_API_KEY=changeme"',
      '      - PRICE=$$5',
    ].join('\n');
    const { facts, errors } = await composeFrontEnd.analyze('docker-compose.yml', text, opts);
    expect(errors ?? []).toEqual([]);
    expect(refs(facts, 'compose-env-key')).toEqual([
      ['STRIPE_SECRET_KEY', 5, 7, 24, true],
      ['DATABASE_URL', 6, 7, 19, false],
      ['PASSTHROUGH', 7, 7, 18, false],
      ['OPENROUTER_API_KEY', 14, 10, 28, false],
      ['PRICE', 15, 9, 14, true],
    ]);
    expect(configs(facts, 'docker-build-arg').map((f) => f.data.name)).toEqual(['NPM_TOKEN', 'VERSION']);
    expect(refs(facts, 'compose-interpolation').map((r) => r.slice(0, 3))).toEqual([
      ['TAG', 3, 26],
      ['DATABASE_URL', 6, 23],
      ['NPM_TOKEN', 10, 22],
    ]);
    expect(JSON.stringify(facts)).not.toContain('sk-test-FAKE');
  });
});

describe('kubernetes front end', () => {
  it('reads every document of a multi-document manifest', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata: { name: api }',
      'stringData:',
      '  STRIPE_SECRET_KEY: sk-test-FAKE',
      '  OPENROUTER_API_KEY: "<set me>"',
      'data:',
      '  GITHUB_TOKEN: ZmFrZQ==',
      '---',
      'apiVersion: batch/v1',
      'kind: CronJob',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          initContainers:',
      '            - name: init',
      '              env:',
      '                - name: OPENROUTER_API_KEY',
      '                  value: sk-test-FAKE',
      '          containers:',
      '            - name: app',
      '              env:',
      '                - name: STRIPE_SECRET_KEY',
      '                  valueFrom:',
      '                    secretKeyRef: { name: api, key: STRIPE_SECRET_KEY }',
      '                - name: MODE',
      '                  value: $(OTHER)',
    ].join('\n');
    const { facts, errors } = await kubernetesFrontEnd.analyze('k8s/app.yaml', text, opts);
    expect(errors ?? []).toEqual([]);
    expect(refs(facts, 'k8s-secret-key')).toEqual([
      ['STRIPE_SECRET_KEY', 5, 3, 20, true],
      ['OPENROUTER_API_KEY', 6, 3, 21, false],
      ['GITHUB_TOKEN', 8, 3, 15, true],
    ]);
    expect(refs(facts, 'k8s-env-value')).toEqual([
      ['OPENROUTER_API_KEY', 20, 25, 43, true],
      ['STRIPE_SECRET_KEY', 25, 25, 42, false],
      ['MODE', 28, 25, 29, false],
    ]);
    expect(configs(facts, 'k8s-secret-ref').map((f) => f.data)).toEqual([{ name: 'STRIPE_SECRET_KEY', secret: 'api', key: 'STRIPE_SECRET_KEY' }]);
  });

  it('returns located errors for malformed YAML and keeps facts from good documents', async () => {
    const text = 'kind: Secret\nstringData:\n  A_TOKEN: x\n---\nkind: Secret\nstringData: [unclosed\n';
    const { facts, errors } = await kubernetesFrontEnd.analyze('bad.yaml', text, opts);
    expect(refs(facts, 'k8s-secret-key').map((r) => r[0])).toEqual(['A_TOKEN']);
    expect(errors!.some((e) => e.line !== undefined && e.line >= 6)).toBe(true);
  });

  it('reports one syntax error per file, the first, with how many follow', async () => {
    const text = 'kind: ConfigMap\ndata:\n  a: [one\n  b: {two\n  c: "three\n';
    const { errors } = await kubernetesFrontEnd.analyze('bad.yaml', text, opts);
    expect(errors).toHaveLength(1);
    expect(errors![0]).toMatchObject({ file: 'bad.yaml', line: 4 });
    expect(errors![0].message).toMatch(/^YAML syntax error \([A-Z_]+\): .+ \(\d+ more in this file not shown\)$/);
  });

  it('says a Helm chart template is a template, in one note, not in a syntax error per line', async () => {
    const text = [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: {{ include "app.fullname" . }}',
      '  labels:',
      '    {{- include "app.labels" . | nindent 4 }}',
      'spec:',
      '  ports:',
      '    {{- range .Values.ports }}',
      '    - port: {{ .port }}',
      '    {{- end }}',
      '',
    ].join('\n');
    const { facts, errors } = await kubernetesFrontEnd.analyze('chart/templates/service.yaml', text, opts);
    expect(facts).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors![0].message).toMatch(/^skipped: YAML with template actions \(\{\{ \.\.\. \}\}, as in a Helm chart's templates\), not valid YAML until rendered; first YAML syntax error/);
  });

  it('keeps the plain syntax error for YAML whose only braces are GitHub expressions', async () => {
    const text = 'kind: ConfigMap\ndata:\n  ref: ${{ github.ref }}\n  a: [one\n';
    const { errors } = await kubernetesFrontEnd.analyze('cm.yaml', text, opts);
    expect(errors).toHaveLength(1);
    expect(errors![0].message).toMatch(/^YAML syntax error/);
  });
});

describe('dockerfile front end', () => {
  it('tokenizes ARG, ENV, continuations, comments and secret mounts', async () => {
    const text = [
      '# escape=\\',
      'FROM node:20 AS build',
      'ARG NPM_TOKEN',
      'ARG STRIPE_SECRET_KEY=sk-test-FAKE VERSION',
      'ENV OPENROUTER_API_KEY=${OPENROUTER_API_KEY} \\',
      '    # clavis-lint-disable-next-line no-secret-build-arg -- build only',
      '    GITHUB_TOKEN="a b"',
      'ENV LEGACY_NAME some value',
      'RUN --mount=type=secret,id=npm,env=NPM_TOKEN \\',
      '    npm ci',
      'RUN <<EOF',
      'echo "$NPM_TOKEN"',
      'EOF',
    ].join('\n');
    const { facts } = await dockerfileFrontEnd.analyze('Dockerfile', text, opts);
    expect(refs(facts, 'dockerfile-arg')).toEqual([
      ['NPM_TOKEN', 3, 5, 14, false],
      ['STRIPE_SECRET_KEY', 4, 5, 22, true],
      ['VERSION', 4, 36, 43, false],
    ]);
    expect(refs(facts, 'dockerfile-env')).toEqual([
      ['OPENROUTER_API_KEY', 5, 5, 23, false],
      ['GITHUB_TOKEN', 7, 5, 17, true],
      ['LEGACY_NAME', 8, 5, 16, true],
    ]);
    expect(refs(facts, 'dockerfile-secret-mount')).toEqual([
      ['npm', 9, 28, 31, null],
      ['NPM_TOKEN', 9, 36, 45, null],
    ]);
    expect(facts.filter((f) => f.kind === 'comment').map((f) => f.range.line)).toEqual([6]);
    // The heredoc body is handed to the shell front end with its real position.
    const echo = configs(facts, 'shell-echo').find((f) => (f.data.names as string[]).includes('NPM_TOKEN'));
    expect(echo?.range).toMatchObject({ line: 12, column: 1 });
    expect(JSON.stringify(facts)).not.toContain('sk-test-FAKE');
  });
});

describe('dotenv front end', () => {
  it('follows dotenv semantics: export, quotes, multiline values, comments, placeholders', async () => {
    const text = [
      '# clavis-lint-disable-next-line no-secret-literal-in-config -- local only',
      'OPENROUTER_API_KEY=',
      'export STRIPE_SECRET_KEY="sk-test-FAKE" # trailing',
      'PRIVATE_KEY="-----BEGIN-----',
      'line two',
      '-----END-----"',
      'GITHUB_TOKEN=<your token>',
      'API_TOKEN=your-token-here',
      'DATABASE_URL: postgres://localhost/db',
      'REF=${OTHER}',
      'XS=xxxx',
      'not a line',
      'AFTER=1',
    ].join('\n');
    const { facts, errors } = await dotenvFrontEnd.analyze('.env', text, opts);
    expect(errors ?? []).toEqual([]);
    expect(refs(facts, 'env-file-key')).toEqual([
      ['OPENROUTER_API_KEY', 2, 1, 19, false],
      ['STRIPE_SECRET_KEY', 3, 8, 25, true],
      ['PRIVATE_KEY', 4, 1, 12, true],
      ['GITHUB_TOKEN', 7, 1, 13, false],
      ['API_TOKEN', 8, 1, 10, false],
      ['DATABASE_URL', 9, 1, 13, true],
      ['REF', 10, 1, 4, false],
      ['XS', 11, 1, 3, false],
      ['AFTER', 13, 1, 6, true],
    ]);
    expect(facts.filter((f) => f.kind === 'comment').map((f) => f.range)).toEqual([{ line: 1, column: 1, endLine: 1, endColumn: 74 }]);
    expect(configs(facts, 'env-file')[0].data).toEqual({ example: false, keys: ['OPENROUTER_API_KEY', 'STRIPE_SECRET_KEY', 'PRIVATE_KEY', 'GITHUB_TOKEN', 'API_TOKEN', 'DATABASE_URL', 'REF', 'XS', 'AFTER'], commentedKeys: [], end: { line: 13, column: 8 }, endsWithNewline: false });
    expect(JSON.stringify(facts)).not.toContain('sk-test-FAKE');
  });

  it('reports an unterminated quote with its line and keeps earlier keys', async () => {
    const { facts, errors } = await dotenvFrontEnd.analyze('.env.local', 'A_KEY=1\nB_KEY="open\n', opts);
    expect(refs(facts, 'env-file-key').map((r) => r[0])).toEqual(['A_KEY', 'B_KEY']);
    expect(errors).toEqual([{ file: '.env.local', message: 'dotenv: unterminated quoted value', line: 2, column: 7 }]);
  });

  it('recognises example files', () => {
    expect(isExampleEnvFile('.env.example')).toBe(true);
    expect(isExampleEnvFile('app/.env.sample')).toBe(true);
    expect(isExampleEnvFile('.env.template')).toBe(true);
    expect(isExampleEnvFile('.env.production')).toBe(false);
    expect(isExampleEnvFile('.env')).toBe(false);
  });
});

describe('robustness', () => {
  it('never throws on pathological input', async () => {
    const inputs = ['['.repeat(5000), '- '.repeat(3000) + 'x', 'a: &a [*a]\n', '\u0000\u0001\u0002', 'key: "unterminated\n', '{'.repeat(2000) + '}'.repeat(2000)];
    const { workflowFrontEnd } = await import('../../src/languages/config/workflow.js');
    const { markdownFrontEnd } = await import('../../src/languages/config/markdown.js');
    for (const text of inputs) {
      for (const fe of [composeFrontEnd, kubernetesFrontEnd, dockerfileFrontEnd, dotenvFrontEnd, workflowFrontEnd, markdownFrontEnd]) {
        await expect(Promise.resolve().then(() => fe.analyze('f', text, opts))).resolves.toBeDefined();
      }
    }
    const deep = await composeFrontEnd.analyze('compose.yml', 'services:\n' + '- '.repeat(3000) + 'x', opts);
    expect(deep.errors).toEqual([{ file: 'compose.yml', message: 'YAML nesting deeper than 256 levels; not analysed', line: 2 }]);
  });
});
