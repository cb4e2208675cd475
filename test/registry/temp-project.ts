// Writes a throwaway project (with a `.git` marker, so config lookup stops there) for loader tests.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempProject(files: Record<string, string>, { git = true } = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'clavis-reg-'));
  if (git) mkdirSync(path.join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return root;
}
