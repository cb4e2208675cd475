// Analyses that quote their file (a workflow's env block, a docs table, a suppression reason) are
// stored sealed (src/cache/sealed.ts): served from the cache like any other file, yet the cache
// file holds none of their values, and an edited file never opens its old entry.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTree } from '../support/run-cli.js';
import { REGISTRY, reports, write } from './tree.js';

const CACHE = { enabled: true };
const CANARY = 'sk-test-FAKEsealedcanary0123456789';
const WORKFLOW = `name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: ${CANARY}\n    steps:\n      - run: echo "$OPENAI_API_KEY"\n`;

describe('sealed cache entries', () => {
  it('serve files that quote values without writing the values', async () => {
    const root = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      '.github/workflows/ci.yml': WORKFLOW,
      '.env.example': `OPENAI_API_KEY=${CANARY}\n`,
      'src/app.ts': '// clavis-lint-disable-next-line no-direct-env-read -- reason naming sk-test-FAKEreasoncanary\nexport const key = process.env.OPENAI_API_KEY;\n',
    });
    const first = await reports(root, CACHE);
    const plain = await reports(root, undefined);
    expect(first.json).toBe(plain.json);
    expect(plain.json).toContain('ci.yml'); // the workflow has findings to carry
    const second = await reports(root, CACHE);
    expect(second.misses).toBe(0);
    expect(second.json).toBe(plain.json);
    const stored = fs.readFileSync(path.join(root, '.clavis-lint-cache/results.json'), 'utf8');
    expect(stored).not.toContain('FAKEsealedcanary');
    expect(stored).not.toContain('FAKEreasoncanary');

    write(root, '.github/workflows/ci.yml', WORKFLOW.replace('OPENAI_API_KEY: ', 'STRIPE_SECRET_KEY: '));
    const edited = await reports(root, CACHE);
    expect(edited.misses).toBe(1);
    expect(edited.json).toBe((await reports(root, undefined)).json);
  });
});
