import { describe, expect, it } from 'vitest';
import type { ConfigFact, Fact, NameRefFact } from '../../src/core/facts.js';
import { markdownFrontEnd } from '../../src/languages/config/markdown.js';
import { testFrontEndOptions } from './test-registry.js';

const configs = (facts: Fact[], type: string) => facts.filter((f): f is ConfigFact => f.kind === 'config' && f.type === type);

const PAGE = [
  '# Secrets',                                                       // 1
  '',                                                                // 2
  '<!-- clavis-lint:begin secrets-table columns=env,aliases -->',    // 3
  '| Env | Aliases |',                                               // 4
  '| --- | --- |',                                                   // 5
  '| `OPENROUTER_API_KEY` | `VOX_OPENROUTER_API_KEY` |',             // 6
  '<!-- clavis-lint:end -->',                                        // 7
  '',                                                                // 8
  'Name | Status',                                                   // 9
  '--- | ---',                                                       // 10
  'OPENROUTER_KEY | ~~old~~',                                        // 11
  '`STRIPE_KEY` \\| pipe | current',                                 // 12
  '',                                                                // 13
  '- `GITHUB_TOKEN`: token <!-- clavis-lint-disable-line docs-drift -- reason -->', // 14
  '- FOO_BAR and',                                                   // 15
  '  BAZ_QUX (deprecated)',                                          // 16
  '',                                                                // 17
  'Prose NOT_A_NAME and `INLINE_CODE`.',                             // 18
  '',                                                                // 19
  '```',                                                             // 20
  '<!-- clavis-lint:begin secrets-table -->',                        // 21
  '```',                                                             // 22
].join('\n');

describe('markdown front end', () => {
  it('finds names in cells, list items and inline code at exact columns', async () => {
    const { facts } = await markdownFrontEnd.analyze('docs/secrets.md', PAGE, testFrontEndOptions());
    const names = facts.filter((f): f is NameRefFact => f.kind === 'name-ref').map((f) => [f.name, f.range.line, f.range.column, f.range.endColumn]);
    expect(names).toEqual([
      ['OPENROUTER_API_KEY', 6, 4, 22],
      ['VOX_OPENROUTER_API_KEY', 6, 27, 49],
      ['OPENROUTER_KEY', 11, 1, 15],
      ['STRIPE_KEY', 12, 2, 12],
      ['GITHUB_TOKEN', 14, 4, 16],
      ['FOO_BAR', 15, 3, 10],
      ['BAZ_QUX', 16, 3, 10],
      ['INLINE_CODE', 18, 23, 34],
    ]);
  });

  it('describes table rows, list items and marked blocks', async () => {
    const { facts } = await markdownFrontEnd.analyze('docs/secrets.md', PAGE, testFrontEndOptions());
    const rows = configs(facts, 'docs-table-row').filter((f) => !f.data.header);
    expect(rows.map((r) => [r.range.line, r.data.table, r.data.names, r.data.deprecatedMarked, r.data.block])).toEqual([
      [6, 0, ['OPENROUTER_API_KEY', 'VOX_OPENROUTER_API_KEY'], false, 'secrets-table'],
      [11, 1, ['OPENROUTER_KEY'], true, null],
      [12, 1, ['STRIPE_KEY'], false, null],
    ]);
    expect(rows[2].data.cells).toEqual(['`STRIPE_KEY` | pipe', 'current']);
    const items = configs(facts, 'docs-list-item');
    expect(items.map((i) => [i.range.line, i.data.names, i.data.deprecatedMarked])).toEqual([
      [14, ['GITHUB_TOKEN'], false],
      [15, ['FOO_BAR', 'BAZ_QUX'], true],
    ]);
    // The marker inside a code fence is not a block.
    const blocks = configs(facts, 'docs-block');
    expect(blocks).toHaveLength(1);
    expect(blocks[0].data).toMatchObject({ name: 'secrets-table', startLine: 3, endLine: 7, options: { columns: 'env,aliases' }, unterminated: false });
    expect(facts.filter((f) => f.kind === 'comment')).toEqual([
      { kind: 'comment', text: 'clavis-lint-disable-line docs-drift -- reason', range: { line: 14, column: 25, endLine: 14, endColumn: 79 } },
    ]);
  });
});
