// The stat fast path (src/cache/file-hasher.ts): a file whose size, times and inode are unchanged
// is not read again, a file changed since is, even when the change keeps its size and mtime, and
// a file changed moments after it was read (the same clock tick) is never trusted by its stat.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setHasherClockForTests } from '../../src/cache/file-hasher.js';
import { cacheProject, reports, write } from './tree.js';

const CACHE = { enabled: true };
const HOUR = 3_600_000;

afterEach(() => setHasherClockForTests(undefined));

describe('the cache trusts an unchanged stat, never a fresh one', () => {
  it('reads no file of an unchanged tree once the files are older than the racy window', async () => {
    const root = cacheProject();
    // While the files are younger than the racy window (a clock an hour behind), no stat is trusted.
    setHasherClockForTests(() => Date.now() - HOUR);
    const first = await reports(root, CACHE);
    expect(first.hashed).toBeGreaterThan(5);
    const again = await reports(root, CACHE);
    expect(again.hashed, 'fresh files are hashed again').toBe(first.hashed);
    // An hour later (the clock the hasher sees), the files are old: the next scan records their stats ...
    setHasherClockForTests(() => Date.now() + HOUR);
    await reports(root, CACHE);
    // ... and the one after reads none of them, with the same report.
    const trusted = await reports(root, CACHE);
    expect(trusted.hashed).toBe(0);
    expect(trusted.json).toBe((await reports(root, undefined)).json);

    // An edit that keeps the size and puts the old mtime back still changes ctime: read, and seen.
    const file = path.join(root, 'src/log.ts');
    const before = fs.statSync(file);
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace("'key'", "'KEY'"));
    fs.utimesSync(file, before.atime, before.mtime);
    expect(fs.statSync(file).size).toBe(before.size);
    const edited = await reports(root, CACHE);
    expect(edited.hashed).toBe(1);
    expect(edited.json).toBe((await reports(root, undefined)).json);
    expect(edited.json).toContain('KEY');
  });

  it('an edit right after a scan, same size, is seen (the racy case)', async () => {
    const root = cacheProject();
    await reports(root, CACHE);
    write(root, 'src/log.ts', fs.readFileSync(path.join(root, 'src/log.ts'), 'utf8').replace("'key'", "'KEY'"));
    const cached = await reports(root, CACHE);
    expect(cached.json).toBe((await reports(root, undefined)).json);
    expect(cached.json).toContain('KEY');
  });
});
