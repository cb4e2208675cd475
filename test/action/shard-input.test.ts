// The Action's `shard` input: parsed as the CLI's --shard, and a matrix of shard jobs whose SARIF
// files `clavis-lint merge` joins into the SARIF file of one unsharded Action run, byte for byte.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError, readInputs } from '../../src/action/inputs.js';
import { runAction } from '../../src/action/main.js';
import { tempDir, writeTree } from '../support/run-cli.js';
import { crossFileTree } from '../shard/cross-file-tree.js';
import { runMain } from '../shard/in-process-cli.js';

const input = (value: string) => (name: string) => (name === 'shard' ? value : '');

describe('the shard input', () => {
  it('is absent when empty, and reads I/N (spaces trimmed)', () => {
    expect(readInputs(input(''), {})).not.toHaveProperty('shard');
    expect(readInputs(input('2/4'), {}).shard).toEqual({ index: 2, count: 4 });
    expect(readInputs(input(' 1/1 '), {}).shard).toEqual({ index: 1, count: 1 });
  });

  it.each(['0/4', '5/4', '1/0', '2', '2/4/8', 'a/b', '1/257', '2/4; rm -rf /', '-1/4'])('rejects %j naming the input and what was expected', (value) => {
    expect(() => readInputs(input(value), {})).toThrow(InputError);
    expect(() => readInputs(input(value), {})).toThrow(/^invalid input shard: '.*'; expected I\/N with 1 <= I <= N <= 256/);
  });
});

describe('a matrix of shard jobs', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  /** One Action run in this process, as the runner sets it up (INPUT_* with dashes kept). */
  async function actionRun(workspace: string, inputs: Record<string, string>): Promise<void> {
    const out = tempDir('clavis-action-out-');
    const env: NodeJS.ProcessEnv = { GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: path.join(out, 'output'), GITHUB_STEP_SUMMARY: path.join(out, 'summary') };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    fs.writeFileSync(env.GITHUB_OUTPUT!, '');
    fs.writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
    Object.assign(process.env, env);
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write; // workflow commands and the report: not this test's business
    try {
      await runAction(process.env);
    } finally {
      process.stdout.write = write;
      for (const key of Object.keys(env)) delete process.env[key];
      process.exitCode = undefined;
    }
  }

  it.each([2, 4])('merge of %i shard SARIF files is the unsharded SARIF file; each shard has its own category', async (count) => {
    const dir = writeTree(crossFileTree({ workspaces: true }));
    await actionRun(dir, { 'sarif-file': 'out/whole.sarif', format: 'github', 'fail-on': 'never' });
    const parts: string[] = [];
    for (let index = 1; index <= count; index++) {
      await actionRun(dir, { 'sarif-file': `out/shard-${index}.sarif`, format: 'github', 'fail-on': 'never', shard: `${index}/${count}` });
      const log = JSON.parse(fs.readFileSync(path.join(dir, `out/shard-${index}.sarif`), 'utf8')) as { runs: Array<{ automationDetails: { id: string } }> };
      expect(log.runs[0].automationDetails.id).toBe(`clavis-lint/shard-${index}-of-${count}/`);
      parts.push(path.join(dir, `out/shard-${index}.sarif`));
    }
    const merged = await runMain(['merge', ...parts], dir);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(fs.readFileSync(path.join(dir, 'out/whole.sarif'), 'utf8'));
  }, 120_000);
});
