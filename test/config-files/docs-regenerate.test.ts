import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocs, fixDocs, regenerateMarkdown } from '../../src/docs/regenerate.js';
import { testRegistry } from './test-registry.js';

function tempPage(text: string): { root: string; page: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-docs-'));
  fs.mkdirSync(path.join(root, 'docs'));
  fs.writeFileSync(path.join(root, 'docs/secrets.md'), text);
  return { root, page: path.join(root, 'docs/secrets.md') };
}

const PAGE = '# Secrets\n\nIntro stays.\n\n<!-- clavis-lint:begin secrets-table -->\nold content\n<!-- clavis-lint:end -->\n\nOutro stays.\n';

describe('docs regeneration', () => {
  it('fixes only the marked block; then check is clean and a second fix changes nothing', () => {
    const { root, page } = tempPage(PAGE);
    const settings = [{ path: 'docs/secrets.md', columns: ['env', 'aliases', 'deprecated', 'rotation_days'] }];
    expect(checkDocs(root, testRegistry(), settings)).toMatchObject([{ file: 'docs/secrets.md', changed: true }]);
    expect(fs.readFileSync(page, 'utf8')).toBe(PAGE);
    expect(fixDocs(root, testRegistry(), settings)[0].changed).toBe(true);
    const fixed = fs.readFileSync(page, 'utf8');
    expect(fixed.startsWith('# Secrets\n\nIntro stays.\n\n<!-- clavis-lint:begin secrets-table -->\n')).toBe(true);
    expect(fixed.endsWith('<!-- clavis-lint:end -->\n\nOutro stays.\n')).toBe(true);
    expect(fixed).toContain('| Env | Aliases | Deprecated | Rotation (days) |');
    expect(fixed).toContain('| `OPENROUTER_API_KEY` | `VOX_OPENROUTER_API_KEY` | `OPENROUTER_KEY` (remove after 2026-06-30) | 90 |');
    expect(fixed).not.toContain('old content');
    expect(checkDocs(root, testRegistry(), settings)).toEqual([{ file: 'docs/secrets.md', changed: false, findings: [] }]);
    expect(fixDocs(root, testRegistry(), { docs: settings })[0].changed).toBe(false);
    expect(fs.readFileSync(page, 'utf8')).toBe(fixed);
  });

  it('is deterministic and keeps CRLF line endings', () => {
    const crlf = PAGE.replace(/\n/g, '\r\n');
    const a = regenerateMarkdown(crlf, testRegistry());
    const b = regenerateMarkdown(crlf, testRegistry());
    expect(a.text).toBe(b.text);
    expect(a.text.split('\r\n').length).toBe(a.text.split('\n').length);
    expect(regenerateMarkdown(a.text, testRegistry()).changed).toBe(false);
  });

  it('lets the begin marker choose columns and reports unknown or unterminated blocks', () => {
    const marker = regenerateMarkdown('<!-- clavis-lint:begin secrets-table columns=id,kind -->\n<!-- clavis-lint:end -->\n', testRegistry(), { columns: ['env'] });
    expect(marker.text).toContain('| Id | Kind |');
    const bad = regenerateMarkdown('<!-- clavis-lint:begin other -->\nx\n<!-- clavis-lint:end -->\n\n<!-- clavis-lint:begin secrets-table -->\n', testRegistry());
    expect(bad.changed).toBe(false);
    expect(bad.findings.map((f) => [f.line, f.kind, f.message])).toEqual([
      [1, 'invalid', "unknown block name in the begin marker; expected 'secrets-table'."],
      [5, 'invalid', "block 'secrets-table' has a begin marker but no '<!-- clavis-lint:end -->' marker after it."],
    ]);
  });

  it('reports a configured page that does not exist', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-docs-'));
    expect(checkDocs(root, testRegistry(), [{ path: 'docs/missing.md' }])[0].findings).toEqual([
      { line: 1, column: 1, kind: 'invalid', message: 'configured docs page does not exist; expected a readable Markdown file (fix the path in docs: or create the page).' },
    ]);
  });
});
