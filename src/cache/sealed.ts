// Analyses that quote the file (config facts, suppression comments: see result-cache.ts) are
// stored sealed: encrypted (AES-256-GCM) with a key derived from the file's own bytes. Only a
// reader who has that exact content can open the entry, and such a reader already has every
// value the analysis quotes; the cache file alone shows none of them. The key is a hash of the
// bytes under its own label, so the content hash stored beside the entry (another label) does not
// give it; guessing the content is no easier than it already was with that content hash.
// Opening re-reads the file and checks its hash first: a stale or edited file never decrypts, and
// the GCM tag rejects a damaged entry.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { hashText } from './hash.js';

const LABEL = 'clavis-lint sealed analysis key\u0000';

function keyOf(bytes: Buffer): Buffer {
  return createHash('sha256').update(LABEL).update(bytes).digest();
}

/** `text` sealed with the key of `bytes`: base64 of iv, tag and ciphertext. */
export function seal(text: string, bytes: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(bytes), iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** The sealed text, when the file at `abs` still hashes to `hash`; undefined otherwise (or when damaged). */
export function unseal(sealed: string, abs: string, hash: string): string | undefined {
  try {
    const bytes = fs.readFileSync(abs);
    if (hashText(bytes) !== hash) return undefined;
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(bytes), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

/** The bytes of a file the cache is about to seal an analysis of, when they still hash to `hash`. */
export function bytesFor(root: string, file: string, hash: string): Buffer | undefined {
  try {
    const bytes = fs.readFileSync(path.join(root, file));
    return hashText(bytes) === hash ? bytes : undefined;
  } catch {
    return undefined;
  }
}
