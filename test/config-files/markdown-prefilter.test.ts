// The Markdown prefilter of a scan: pages outside `docs:` are parsed only when a rule may read one
// of their facts; `init` (no markdownPages) still parses every page.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FrontEndOptions } from '../../src/core/facts.js';
import { mayHoldReadFacts } from '../../src/languages/config/markdown-prefilter.js';
import { scan } from '../../src/core/engine.js';
import { testFrontEndOptions } from './test-registry.js';
import { writeTree } from '../support/run-cli.js';

function scoped(pages: string[] = ['docs/env.md']): FrontEndOptions {
  return { ...testFrontEndOptions(), envById: { OpenRouterApiKey: 'OPENROUTER_API_KEY', ID_SPELLED_LIKE_A_NAME: 'X' }, markdownPages: pages };
}

describe('Markdown prefilter', () => {
  it('parses every page when the scan sets no docs pages (init reads every table)', () => {
    expect(mayHoldReadFacts('| `SOME_UNKNOWN_NAME` | x |', testFrontEndOptions(), 'README.md')).toBe(true);
  });

  it('parses configured docs pages whatever they hold', () => {
    expect(mayHoldReadFacts('no names at all', scoped(), 'docs/env.md')).toBe(true);
  });

  it('skips other pages that name nothing a rule reads there', () => {
    expect(mayHoldReadFacts('# Setup\n\nSet `LOG_LEVEL` and `SOME_UNKNOWN_NAME`.\n', scoped(), 'README.md')).toBe(false);
    // A registry name inside a longer word is not that name (words, not substrings).
    expect(mayHoldReadFacts('see GITHUB_TOKENS here, or XGITHUB_TOKENx', scoped(), 'README.md')).toBe(false);
  });

  it('keeps pages naming a registry name, an UPPER_SNAKE registry id, or a prefixed registry name', () => {
    expect(mayHoldReadFacts('Set GITHUB_TOKEN first.', scoped(), 'README.md')).toBe(true);
    expect(mayHoldReadFacts('The id ID_SPELLED_LIKE_A_NAME.', scoped(), 'README.md')).toBe(true);
    expect(mayHoldReadFacts('Never `NEXT_PUBLIC_STRIPE_SECRET_KEY`.', scoped(), 'README.md')).toBe(true);
    expect(mayHoldReadFacts('Custom `MYAPP_PUBLICGITHUB_TOKEN`.', scoped(), 'README.md')).toBe(true);
  });

  it('without registry-unreferenced, a bare registry name or id is no reason to parse; a prefixed secret name still is', () => {
    const options = { ...scoped(), markdownMentions: false };
    expect(mayHoldReadFacts('Set GITHUB_TOKEN first.', options, 'README.md')).toBe(false);
    expect(mayHoldReadFacts('The id ID_SPELLED_LIKE_A_NAME.', options, 'README.md')).toBe(false);
    expect(mayHoldReadFacts('Never `NEXT_PUBLIC_STRIPE_SECRET_KEY`.', options, 'README.md')).toBe(true);
    expect(mayHoldReadFacts('no names', options, 'docs/env.md')).toBe(true);
  });

  it('keeps pages with clavis-lint markers (suppressions, generated blocks)', () => {
    expect(mayHoldReadFacts('<!-- clavis-lint-disable-next-line docs-drift -- reason -->\ntext', scoped(), 'README.md')).toBe(true);
    expect(mayHoldReadFacts('<!-- clavis-lint:begin secrets-table -->\n<!-- clavis-lint:end -->', scoped(), 'README.md')).toBe(true);
  });

  it('reads words as markdown-it does: escapes undone, backslashes splitting, entities parsed anyway', () => {
    expect(mayHoldReadFacts('Set GITHUB\\_TOKEN first.', scoped(), 'README.md')).toBe(true);
    expect(mayHoldReadFacts('`GITHUB_TOKEN\\_X` in code keeps its backslash', scoped(), 'README.md')).toBe(true);
    expect(mayHoldReadFacts('GITHUB&#95;TOKEN', scoped(), 'README.md')).toBe(true);
    expect(mayHoldReadFacts('GITHUB&lowbar;TOKEN', scoped(), 'README.md')).toBe(true);
    expect(mayHoldReadFacts('plain \\_ escapes only', scoped(), 'README.md')).toBe(false);
  });
});

describe('a scan with the Markdown prefilter', () => {
  const REGISTRY = 'version: 1\nsecrets:\n  - { id: StripeSecretKey, env: STRIPE_SECRET_KEY, kind: secret }\n  - { id: UnusedToken, env: UNUSED_TOKEN, kind: secret }\n';

  it('still reports what non-docs pages feed: public-prefixed secrets, suppressions, references', async () => {
    const root = writeTree({
      'secrets.registry.yaml': REGISTRY,
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\ndocs:\n  - path: ./docs/env.md\nrules:\n  registry-unreferenced: warn\n',
      'docs/env.md': '| Name | Use |\n| --- | --- |\n| `STRIPE_SECRET_KEY` | billing |\n',
      'README.md': 'Put `NEXT_PUBLIC_STRIPE_SECRET_KEY` in the client bundle.\n',
      'notes/setup.md': '<!-- clavis-lint-disable-next-line docs-drift -- old page -->\nnothing here\n',
      'notes/other.md': '# Other\n\nSet `LOG_LEVEL` and `SOME_SETTING_NAME`.\n',
      'notes/mentions.md': '- The deploy uses UNUSED_TOKEN.\n',
    });
    try {
      const result = await scan({ cwd: root, workers: 0 });
      const found = result.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort();
      expect(found).toContain('no-compile-time-secret README.md:1');
      expect(found).toContain('unused-suppression notes/setup.md:1');
      // UNUSED_TOKEN is named on a page outside docs: a reference for registry-unreferenced.
      expect(found.filter((f) => f.startsWith('registry-unreferenced'))).toEqual([]);
      // Only notes/other.md names nothing any rule reads there.
      expect(result.stats.prefiltered).toBe(1);
      expect(result.facts.map((f) => f.file)).not.toContain('notes/other.md');
      expect(result.stats.filesByLanguage.markdown).toBe(5);
      // With registry-unreferenced off (its default), nothing reads the bare mention: that page is skipped too.
      const byDefault = await scan({ cwd: root, workers: 0, ruleOverrides: { 'registry-unreferenced': 'off' } });
      expect(byDefault.stats.prefiltered).toBe(2);
      expect(byDefault.findings.map((f) => `${f.ruleId} ${f.file}:${f.line}`).sort()).toEqual(found.filter((f) => !f.startsWith('registry-unreferenced')));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
