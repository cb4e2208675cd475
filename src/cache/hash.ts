// Content hashes for the result cache. sha256 of the bytes: a cache entry is trusted only when
// every input it was computed from hashes the same as when it was written.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export function hashText(...parts: Array<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    // Length-prefixed, so ('ab', 'c') and ('a', 'bc') differ.
    hash.update(`${Buffer.byteLength(part)}:`);
    hash.update(part);
  }
  return hash.digest('hex');
}

/** The hash of a file's bytes, or null when it cannot be read (no entry can then be trusted). */
export function hashFile(abs: string): string | null {
  try {
    return hashText(fs.readFileSync(abs));
  } catch {
    return null;
  }
}
