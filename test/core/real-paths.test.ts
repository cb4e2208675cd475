// The compiler host's containment check answers real paths from a per-scan memo
// (memoizedRealPaths) instead of realpathSync per probe. Its answers must be realPathOf's for every
// shape of path the compiler asks about: plain, through links inside and out, dangling links,
// loops, files under a file, and names that do not exist yet.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containmentChecker, memoizedRealPaths, realPathOf } from '../../src/core/contained-path.js';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'clavis-real-paths-')));
const repo = path.join(base, 'repo');
const outside = path.join(base, 'outside');
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

fs.mkdirSync(path.join(repo, 'src', 'lib'), { recursive: true });
fs.mkdirSync(outside, { recursive: true });
fs.writeFileSync(path.join(repo, 'src', 'lib', 'a.ts'), 'export {};\n');
fs.writeFileSync(path.join(outside, 'secret.ts'), 'export {};\n');
fs.symlinkSync(path.join(repo, 'src', 'lib'), path.join(repo, 'linked-lib')); // inside -> inside
fs.symlinkSync(outside, path.join(repo, 'src', 'out')); // inside -> outside
fs.symlinkSync(path.join(repo, 'missing-target'), path.join(repo, 'dangling'));
fs.symlinkSync(path.join(repo, 'loop-b'), path.join(repo, 'loop-a'));
fs.symlinkSync(path.join(repo, 'loop-a'), path.join(repo, 'loop-b'));
fs.symlinkSync('lib/a.ts', path.join(repo, 'src', 'relative-link.ts')); // a relative link to a file

const probes = [
  'src/lib/a.ts',
  'src/lib/missing.ts',
  'src/lib/a.ts/under-a-file.ts',
  'linked-lib/a.ts',
  'linked-lib/index.ts',
  'src/out/secret.ts',
  'src/out/nothing/deeper.ts',
  'dangling',
  'dangling/below.ts',
  'loop-a/x.ts',
  'src/relative-link.ts',
  'src/../linked-lib/a.ts',
  'no/such/dir/file.ts',
].map((p) => path.join(repo, p));

describe('memoizedRealPaths', () => {
  it('answers as realPathOf for every probe, asked in any order and more than once', () => {
    const realPath = memoizedRealPaths();
    for (const probe of [...probes, ...[...probes].reverse()]) expect(realPath(probe), probe).toBe(realPathOf(probe));
  });

  it('maps links to their targets and refuses dangling links and loops', () => {
    const realPath = memoizedRealPaths();
    expect(realPath(path.join(repo, 'linked-lib', 'a.ts'))).toBe(path.join(repo, 'src', 'lib', 'a.ts'));
    expect(realPath(path.join(repo, 'src', 'out', 'secret.ts'))).toBe(path.join(outside, 'secret.ts'));
    expect(realPath(path.join(repo, 'src', 'relative-link.ts'))).toBe(path.join(repo, 'src', 'lib', 'a.ts'));
    expect(realPath(path.join(repo, 'dangling', 'below.ts'))).toBeUndefined();
    expect(realPath(path.join(repo, 'loop-a', 'x.ts'))).toBeUndefined();
  });

  it('keeps the containment verdicts: a link out of the project is outside', () => {
    const inside = containmentChecker(repo);
    expect(inside(path.join(repo, 'linked-lib', 'a.ts'))).toBe(true);
    expect(inside(path.join(repo, 'src', 'out', 'secret.ts'))).toBe(false);
    expect(inside(path.join(repo, 'dangling'))).toBe(false);
    expect(inside(path.join(outside, 'secret.ts'))).toBe(false);
  });
});
