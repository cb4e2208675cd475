// Type tests: tsc over test/eslint/types/ (the documented eslint.config.ts, and the configs under
// ESLint 9's and 10's own types). The documented snippet and the type-checked file are the same text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/run-cli.js';
import { documentedSnippet } from './documented-snippets.js';

const TYPES_DIR = path.join(REPO, 'test/eslint/types');

describe('plugin types', () => {
  it('the eslint.config.ts of the docs is the type-checked file', () => {
    expect(fs.readFileSync(path.join(TYPES_DIR, 'eslint.config.ts'), 'utf8')).toBe(documentedSnippet('eslint.config.ts'));
  });

  it('type-checks with defineConfig under ESLint 9 and 10 (tsc over the built declarations)', () => {
    const tsc = path.join(REPO, 'node_modules/typescript/bin/tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', path.join(TYPES_DIR, 'tsconfig.json')], { cwd: REPO, encoding: 'utf8' });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});
