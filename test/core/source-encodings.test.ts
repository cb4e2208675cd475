// A source file in UTF-16 (what Windows editors and PowerShell's `>` write) is not read as binary
// or as broken UTF-8: the error says which encoding it is and what to do; the scan goes on.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { registryTree } from '../cache/tree.js';

const SOURCE = 'import os\nkey = os.environ["OPENAI_API_KEY"]\n';

describe('source encodings', () => {
  it('names UTF-16 files (either byte order) in errors and scans the UTF-8 ones', async () => {
    const root = registryTree({ 'app/plain.py': SOURCE });
    const littleEndian = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SOURCE, 'utf16le')]);
    const bigEndian = Buffer.from(littleEndian).swap16();
    fs.writeFileSync(path.join(root, 'app', 'le.py'), littleEndian);
    fs.writeFileSync(path.join(root, 'app', 'be.py'), bigEndian);
    const result = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30' });
    expect(result.findings.map((f) => f.file)).toContain('app/plain.py');
    expect(result.findings.some((f) => f.file !== 'app/plain.py' && f.file.startsWith('app/'))).toBe(false);
    const messages = result.errors.filter((e) => e.file.startsWith('app/')).map((e) => `${e.file}: ${e.message}`).sort();
    expect(messages).toEqual([
      'app/be.py: skipped: UTF-16BE text (byte-order mark); only UTF-8 source is analysed, convert the file to UTF-8 to have it checked',
      'app/le.py: skipped: UTF-16LE text (byte-order mark); only UTF-8 source is analysed, convert the file to UTF-8 to have it checked',
    ]);
  });

  it('still reads a UTF-8 file with a byte-order mark', async () => {
    const root = registryTree({});
    fs.mkdirSync(path.join(root, 'app'), { recursive: true });
    fs.writeFileSync(path.join(root, 'app', 'bom.py'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SOURCE)]));
    const result = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30' });
    expect(result.errors.filter((e) => e.file === 'app/bom.py')).toEqual([]);
    expect(result.findings.find((f) => f.file === 'app/bom.py')?.line).toBe(2);
  });
});
