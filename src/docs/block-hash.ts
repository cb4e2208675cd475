// One normalisation + hash for generated doc blocks, shared by the markdown front end (what is
// in the file) and the docs rule / regenerator (what should be there), so they always agree.
import { createHash } from 'node:crypto';

/** Trailing spaces and surrounding blank lines do not count as drift; `\r\n` equals `\n`. */
export function normalizeBlockContent(content: string): string {
  const lines = content.replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

export function blockContentHash(content: string): string {
  return createHash('sha256').update(normalizeBlockContent(content)).digest('hex').slice(0, 16);
}
