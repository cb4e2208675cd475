// A file no path rule claims (no known extension or name) is analysed only when its first line
// makes it a script: the head is read, never the rest of an image, an archive or a data blob.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { registryTree } from '../cache/tree.js';

describe('files of no known language', () => {
  it('are scanned as shell when a shebang says so, and skipped without an error otherwise', async () => {
    const root = registryTree({
      'bin/deploy': '#!/usr/bin/env bash\necho "using $OPENAI_API_KEY"\n',
      'notes/todo': 'echo "using $OPENAI_API_KEY"\n',
    });
    // A large blob with NUL bytes: read only up to its head.
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'assets', 'blob'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0]), Buffer.alloc(3 * 1024 * 1024, 7)]));
    const result = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30' });
    expect(result.stats.filesByLanguage.shell).toBe(1);
    expect(result.findings.some((f) => f.file === 'bin/deploy')).toBe(true);
    expect(result.findings.some((f) => f.file === 'notes/todo' || f.file === 'assets/blob')).toBe(false);
    expect(result.errors.filter((e) => e.file === 'assets/blob' || e.file === 'notes/todo')).toEqual([]);
  });
});
