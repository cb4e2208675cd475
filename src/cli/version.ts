import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The package version, read from package.json so SARIF and --version never drift from it. */
export function toolVersion(): string {
  if (cached) return cached;
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'clavis-lint' && pkg.version) return (cached = pkg.version);
    } catch {
      // try the next layout (src/ under vitest vs lib/ when built)
    }
  }
  return (cached = '0.0.0');
}
