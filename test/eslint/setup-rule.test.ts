// `clavis/setup` does the shared work (project, front-end facts) before the other clavis rules run,
// so TIMING=1 charges it there: a probe rule run right after it (before the other clavis rules)
// finds the facts computed, and the front end runs once per file; with setup off, the probe finds
// nothing yet and the first clavis rule does the work.
import fs from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';
import plugin from '../../src/eslint/plugin.js';
import { fileState } from '../../src/eslint/file-facts.js';
import { lintedFile, settingsLocation, type EslintContext } from '../../src/eslint/eslint-context.js';
import { typescriptFrontEnd } from '../../src/languages/typescript/index.js';
import { writeTree } from '../support/run-cli.js';

const REGISTRY = 'version: 1\nsecrets:\n  - id: StripeSecretKey\n    env: STRIPE_SECRET_KEY\n    kind: secret\n';

/** Records, when it runs, whether the file's facts were already there. */
function probe(seen: boolean[]) {
  return {
    meta: { type: 'problem' as const, schema: [] },
    create(context: EslintContext) {
      return {
        Program() {
          seen.push(fileState(context.sourceCode, lintedFile(context, false), settingsLocation(context.settings)).base !== undefined);
        },
      };
    },
  };
}

function lintWithProbe(setup: 'error' | 'off') {
  const root = writeTree({ 'secrets.registry.yaml': REGISTRY, 'src/app.ts': 'export const key = process.env.STRIPE_SECRET_KEY;\n' });
  const seen: boolean[] = [];
  // ESLint runs rules in the order they are first configured: setup, then the probe, then the rest.
  const config = [
    { plugins: { clavis: plugin, probe: { rules: { probe: probe(seen) } } }, rules: { 'clavis/setup': setup, 'probe/probe': 'error' } },
    { ...plugin.configs.recommended, languageOptions: { parser: tsParser } },
    plugin.configs['disable-type-checked'],
    { rules: { 'clavis/setup': setup } },
  ];
  const analyze = vi.spyOn(typescriptFrontEnd, 'analyze');
  const file = path.join(root, 'src/app.ts');
  const messages = new Linter({ cwd: root }).verify(fs.readFileSync(file, 'utf8'), config as never, file);
  const calls = analyze.mock.calls.length;
  analyze.mockRestore();
  return { seen, calls, messages };
}

describe('clavis/setup', () => {
  it('computes the shared facts before the other rules, once per file', () => {
    const { seen, calls, messages } = lintWithProbe('error');
    // The probe runs right after setup, before any other clavis rule: the facts are there already.
    expect(seen).toEqual([true]);
    expect(calls).toBe(1);
    expect(messages.map((m) => m.ruleId)).toEqual(['clavis/no-direct-env-read']);
  });

  it('when off, the first clavis rule does the same work, still once per file', () => {
    const { seen, calls, messages } = lintWithProbe('off');
    expect(seen).toEqual([false]);
    expect(calls).toBe(1);
    expect(messages.map((m) => m.ruleId)).toEqual(['clavis/no-direct-env-read']);
  });
});
