// The first bytes of a file, as the content tests read them (languages/detect.ts refineByContent:
// a shebang, a Kubernetes manifest's `apiVersion:`/`kind:`): no test looks further.
import fs from 'node:fs';

export const HEAD_BYTES = 512;

/** The file's first HEAD_BYTES bytes as Latin-1 text; throws as fs does for an unreadable file. */
export function readFileHead(abs: string): string {
  const head = Buffer.alloc(HEAD_BYTES);
  const fd = fs.openSync(abs, 'r');
  try {
    return head.subarray(0, fs.readSync(fd, head, 0, HEAD_BYTES, 0)).toString('latin1');
  } finally {
    fs.closeSync(fd);
  }
}
