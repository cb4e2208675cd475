import { describe, expect, it } from 'vitest';
import type { ConfigFact, Fact, NameRefFact } from '../../src/core/facts.js';
import { workflowFrontEnd } from '../../src/languages/config/workflow.js';
import { testFrontEndOptions } from './test-registry.js';

const FILE = '.github/workflows/ci.yml';

async function analyze(text: string) {
  return workflowFrontEnd.analyze(FILE, text, testFrontEndOptions());
}

const refs = (facts: Fact[], context: string) => facts.filter((f): f is NameRefFact => f.kind === 'name-ref' && f.context === context);
const configs = (facts: Fact[], type: string) => facts.filter((f): f is ConfigFact => f.kind === 'config' && f.type === type);
const at = (f: { range: { line: number; column: number; endColumn: number } }) => [f.range.line, f.range.column, f.range.endColumn];

describe('workflow front end', () => {
  it('positions secrets.X exactly in plain, quoted, literal and folded scalars', async () => {
    const text = [
      'on: push',                                              // 1
      'env:',                                                  // 2
      '  A: ${{ secrets.PLAIN }}',                             // 3
      '  B: "x ${{ secrets.DOUBLE }}"',                        // 4
      "  C: '${{ secrets[''BRACKET''] }}'",                    // 5 (escaped quote: falls back to scalar start)
      'jobs:',                                                 // 6
      '  j:',                                                  // 7
      '    runs-on: ubuntu-latest',                            // 8
      '    steps:',                                            // 9
      '      - run: |',                                        // 10
      '          echo one',                                    // 11
      '          curl -H "a: ${{ secrets.LITERAL }}" x',       // 12
      '      - run: >',                                        // 13
      '          echo ${{ secrets.FOLDED_A }}',                // 14
      '          and ${{ secrets.FOLDED_B }}',                 // 15
      "      - run: echo '${{ secrets.SQ }}'",                 // 16
    ].join('\n');
    const { facts, errors } = await analyze(text);
    expect(errors ?? []).toEqual([]);
    const secrets = refs(facts, 'workflow-secret').map((f) => [f.name, ...at(f)]);
    expect(secrets).toEqual([
      ['PLAIN', 3, 10, 23],
      ['DOUBLE', 4, 13, 27],
      ['BRACKET', 5, 6, 6],
      ['LITERAL', 12, 27, 42],
      ['FOLDED_A', 14, 20, 36],
      ['FOLDED_B', 15, 19, 35],
      ['SQ', 16, 24, 34],
    ]);
  });

  it('keeps correct lines with anchors, aliases and merge keys', async () => {
    const text = [
      'on: push',                                        // 1
      'x-env: &shared',                                  // 2
      '  OPENROUTER_API_KEY: ${{ secrets.OPENROUTER_API_KEY }}', // 3
      'jobs:',                                           // 4
      '  a:',                                            // 5
      '    runs-on: ubuntu-latest',                      // 6
      '    env:',                                        // 7
      '      <<: *shared',                               // 8
      '      STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}', // 9
      '    steps:',                                      // 10
      '      - &step',                                   // 11
      '        run: echo hi',                            // 12
      '      - *step',                                   // 13
      '  b:',                                            // 14
      '    runs-on: ubuntu-latest',                      // 15
      '    env: *shared',                                // 16
      '    steps:',                                      // 17
      '      - run: echo "${{ secrets.GITHUB_TOKEN }}"', // 18
    ].join('\n');
    const { facts, errors } = await analyze(text);
    expect(errors ?? []).toEqual([]);
    expect(refs(facts, 'workflow-secret').map((f) => [f.name, f.range.line, f.range.column])).toEqual([
      ['OPENROUTER_API_KEY', 3, 27],
      ['STRIPE_SECRET_KEY', 9, 30],
      ['GITHUB_TOKEN', 18, 24],
    ]);
    // Aliased content is never reported a second time at a made-up place.
    expect(refs(facts, 'workflow-env-key').map((f) => [f.name, f.range.line])).toEqual([['STRIPE_SECRET_KEY', 9]]);
  });

  it('emits env keys, bindings, step uses and run scopes', async () => {
    const text = [
      'on: push',
      'permissions:',
      '  id-token: write',
      'env:',
      '  LOG_LEVEL: debug',
      '  EMPTY: ""',
      '  OPENROUTER_API_KEY: ${{ secrets.STRIPE_SECRET_KEY }}',
      'jobs:',
      '  deploy:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: read',
      '    steps:',
      '      - uses: aws-actions/configure-aws-credentials@v4',
      '        with:',
      '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}',
      '          aws-region: us-east-1',
      '          role: ${{ vars.ROLE }}',
      '      - run: ./deploy.sh',
      '        env:',
      '          TOKEN: ${{ secrets.GITHUB_TOKEN }}',
    ].join('\n');
    const { facts } = await analyze(text);
    expect(refs(facts, 'workflow-env-key').map((f) => [f.name, f.hasLiteralValue])).toEqual([
      ['LOG_LEVEL', true],
      ['EMPTY', false],
      ['OPENROUTER_API_KEY', false],
      ['TOKEN', false],
    ]);
    expect(configs(facts, 'workflow-env-binding').map((f) => [f.data.envName, f.data.secretName, f.data.level])).toEqual([
      ['OPENROUTER_API_KEY', 'STRIPE_SECRET_KEY', 'workflow'],
      ['TOKEN', 'GITHUB_TOKEN', 'step'],
    ]);
    const uses = configs(facts, 'workflow-step-uses')[0];
    expect(uses.data).toMatchObject({
      action: 'aws-actions/configure-aws-credentials',
      ref: 'v4',
      with: { 'aws-access-key-id': 'secret:AWS_ACCESS_KEY_ID', 'aws-region': 'literal', role: 'expression' },
      // Job-level permissions replace the workflow's, so id-token is not granted here.
      hasIdTokenWrite: false,
    });
    expect(configs(facts, 'workflow-with-binding').map((f) => [f.data.input, f.data.secretName])).toEqual([['aws-access-key-id', 'AWS_ACCESS_KEY_ID']]);
    const run = configs(facts, 'workflow-run')[0];
    expect(run.data.secretEnv).toEqual([
      { envName: 'OPENROUTER_API_KEY', secretName: 'STRIPE_SECRET_KEY' },
      { envName: 'TOKEN', secretName: 'GITHUB_TOKEN' },
    ]);
  });

  it('maps shell facts from run blocks into the workflow file', async () => {
    const text = ['on: push', 'jobs:', '  j:', '    runs-on: ubuntu-latest', '    steps:', '      - run: |', '          set -x', '          echo "$STRIPE_SECRET_KEY"'].join('\n');
    const { facts } = await analyze(text);
    const echo = configs(facts, 'shell-echo')[0];
    expect(echo.range).toMatchObject({ line: 8, column: 11 });
    expect(echo.data.names).toEqual(['STRIPE_SECRET_KEY']);
    expect(configs(facts, 'shell-xtrace')[0].range).toMatchObject({ line: 7, column: 11, endColumn: 17 });
  });

  it('emits comment facts from YAML comments only, not from values', async () => {
    const text = ['on: push # clavis-lint-disable-line workflow-secret-mismatch -- reason', 'env:', '  A: "# clavis-lint-disable-line not-a-comment"'].join('\n');
    const { facts } = await analyze(text);
    const comments = facts.filter((f) => f.kind === 'comment');
    expect(comments).toEqual([{ kind: 'comment', text: 'clavis-lint-disable-line workflow-secret-mismatch -- reason', range: { line: 1, column: 10, endLine: 1, endColumn: 71 } }]);
  });

  it('reports malformed YAML as located errors and never throws', async () => {
    const { errors } = await analyze('on: push\njobs:\n  a: [1, 2\n  b: {\n');
    expect(errors!.length).toBeGreaterThan(0);
    expect(errors![0]).toMatchObject({ file: FILE });
    expect(typeof errors![0].line).toBe('number');
    expect(errors![0].message).not.toContain('[1, 2');
    await expect(analyze('\u0000\u0001: : : [')).resolves.toBeDefined();
  });

  it('handles several documents in one file', async () => {
    const { facts } = await analyze('env:\n  A: ${{ secrets.ONE }}\n---\nenv:\n  B: ${{ secrets.TWO }}\n');
    expect(refs(facts, 'workflow-secret').map((f) => [f.name, f.range.line])).toEqual([['ONE', 2], ['TWO', 5]]);
  });
});
