// The compiler host's containment check answers real paths from a per-scan memo
// (memoizedRealPaths) instead of realpathSync per probe. Its answers must be realPathOf's for every
// shape of path the compiler asks about: plain, through links inside and out, dangling links,
// loops, files under a file, and names that do not exist yet; also when what each entry is comes
// from its directory's listing (DirectoryListings) instead of an lstat.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containmentChecker, memoizedRealPaths, realPathOf } from '../../src/core/contained-path.js';
import { DirectoryListings } from '../../src/core/directory-listings.js';

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

describe.each([
  ['each entry asked with lstat', () => memoizedRealPaths()],
  ['entries read from directory listings', () => memoizedRealPaths(new DirectoryListings(true))],
])('memoizedRealPaths, %s', (_how, makeRealPaths) => {
  it('answers as realPathOf for every probe, asked in any order and more than once', () => {
    const realPath = makeRealPaths();
    for (const probe of [...probes, ...[...probes].reverse()]) expect(realPath(probe), probe).toBe(realPathOf(probe));
  });

  it('maps links to their targets and refuses dangling links and loops', () => {
    const realPath = makeRealPaths();
    expect(realPath(path.join(repo, 'linked-lib', 'a.ts'))).toBe(path.join(repo, 'src', 'lib', 'a.ts'));
    expect(realPath(path.join(repo, 'src', 'out', 'secret.ts'))).toBe(path.join(outside, 'secret.ts'));
    expect(realPath(path.join(repo, 'src', 'relative-link.ts'))).toBe(path.join(repo, 'src', 'lib', 'a.ts'));
    expect(realPath(path.join(repo, 'dangling', 'below.ts'))).toBeUndefined();
    expect(realPath(path.join(repo, 'loop-a', 'x.ts'))).toBeUndefined();
  });

  it('keeps the containment verdicts: a link out of the project is outside', () => {
    const inside = containmentChecker(repo, makeRealPaths());
    expect(inside(path.join(repo, 'linked-lib', 'a.ts'))).toBe(true);
    expect(inside(path.join(repo, 'src', 'out', 'secret.ts'))).toBe(false);
    expect(inside(path.join(repo, 'dangling'))).toBe(false);
    expect(inside(path.join(outside, 'secret.ts'))).toBe(false);
  });
});

describe('DirectoryListings', () => {
  it('says what an entry is from one listing of its directory, and when it cannot say', () => {
    const listings = new DirectoryListings(true);
    expect(listings.entryOf(path.join(repo, 'src', 'lib', 'a.ts'))?.isFile()).toBe(true);
    expect(listings.entryOf(path.join(repo, 'src', 'lib'))?.isDirectory()).toBe(true);
    expect(listings.entryOf(path.join(repo, 'linked-lib'))?.isSymbolicLink()).toBe(true);
    expect(listings.entryOf(path.join(repo, 'src', 'lib', 'missing.ts'))).toBeNull();
    // Under a file or a missing directory: no listing, so the caller asks the file system.
    expect(listings.entryOf(path.join(repo, 'src', 'lib', 'a.ts', 'under-a-file.ts'))).toBeUndefined();
    expect(listings.entryOf(path.join(repo, 'no', 'such', 'file.ts'))).toBeUndefined();
    // A file system that ignores case: a listing cannot say `A.TS` is absent.
    expect(new DirectoryListings(false).entryOf(path.join(repo, 'src', 'lib', 'a.ts'))).toBeUndefined();
  });
});
