// UTF-8 decoding with a fast path for large texts that are plain ASCII (the compiler's 9 MB, the
// result cache's JSON): Latin-1 decoding gives the same string for ASCII bytes and takes a third
// of the time UTF-8 decoding takes. Invalid UTF-8 becomes replacement characters, as with
// `fs.readFileSync(file, 'utf8')`.
import { isAscii } from 'node:buffer';

export function decodeUtf8(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/**
 * A source file's text as the front end decodes it (src/core/analyze-file.ts): UTF-8 without a
 * leading byte-order mark, as the TypeScript compiler's own reader and ESLint give it, so every
 * pass puts a line-1 position in the same column. Invalid UTF-8 becomes replacement characters.
 */
export function decodeSourceText(bytes: Buffer): string {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.toString('utf8', 3) : bytes.toString('utf8');
}
