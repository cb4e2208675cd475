// Discovery tests a `**/NAME/**` exclude on a file's own name only (its directories were tested
// already, once each): the files a rescan lists must be those the globs themselves select, inside
// git and outside it, for names that look alike (prefixes, suffixes, dot names, a file named NAME).
import { spawnSync } from 'node:child_process';
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/core/discovery.js';
import { writeTree } from '../support/run-cli.js';

const EXCLUDE = ['**/node_modules/**', '**/.next/**', '**/dist/**', 'docs/*.md', '**/gen-*/**'];
const FILES = [
  'src/a.ts',
  'src/node_modules/b.ts',
  'node_modules/c.js',
  'src/node_modulesx/d.ts',
  'src/xnode_modules/e.ts',
  'src/.node_modules/f.ts',
  'src/node_modules.ts',
  'dist',
  'src/dist',
  'src/dist.ts',
  'pkg/dist/out.js',
  '.next/cache.json',
  'app/.nextx/g.ts',
  'docs/readme.md',
  'docs/deep/readme.md',
  'gen-api/h.ts',
  'src/gen-x/i.ts',
];

/** What the globs select by themselves: a path is out when it or one of its directories matches. */
function expected(): string[] {
  const exclude = picomatch(EXCLUDE, { dot: true });
  return FILES.filter((file) => {
    const parts = file.split('/');
    return !parts.some((_, i) => exclude(parts.slice(0, i + 1).join('/')));
  }).sort();
}

describe('exclude globs in discovery', () => {
  for (const where of ['outside git', 'inside git'] as const) {
    it(`select the same files as picomatch, ${where}`, () => {
      const root = writeTree(Object.fromEntries(FILES.map((file) => [file, 'x\n'])));
      if (where === 'inside git') expect(spawnSync('git', ['init', '-q'], { cwd: root }).status).toBe(0);
      const found = discoverFiles({ root, targets: [root], include: ['**/*'], exclude: EXCLUDE });
      expect(found.files).toEqual(expected());
      expect(found.files).toContain('src/node_modules.ts');
      expect(found.files).not.toContain('dist');
    });
  }
});
