// The first ring around source files (src/leak/typescript/importers.ts): files that really import a
// candidate become roots of the leak Program. The text prefilter finds a candidate's module name as
// an import specifier's last segment in one pass (`/name` then a quote or a dot), names with dots
// included; the decision is the resolved import.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importersOf } from '../../src/leak/typescript/importers.js';
import { openLeakProject } from '../../src/leak/typescript/project.js';
import { writeTree } from '../support/run-cli.js';

function importersIn(files: Record<string, string>, candidates: string[]): string[] {
  const root = fs.realpathSync(writeTree(files));
  const texts = (names: string[]) => new Map(names.map((name) => [path.join(root, name), files[name]]));
  const others = Object.keys(files).filter((name) => !candidates.includes(name));
  return importersOf(texts(candidates), texts(others), openLeakProject(root))
    .map((file) => path.relative(root, file))
    .sort();
}

describe('importersOf', () => {
  it('finds importers by the last specifier segment, dotted module names and extensions included', () => {
    const found = importersIn(
      {
        'lib/lang-cookie.server.ts': 'export function cookieKey() { return process.env.SESSION_SECRET; }',
        'lib/config/index.ts': 'export const apiKey = process.env.STRIPE_SECRET_KEY;',
        'app/a.ts': "import { cookieKey } from '../lib/lang-cookie.server';\nexport const a = cookieKey();",
        'app/b.ts': 'import { cookieKey } from "../lib/lang-cookie.server.js";\nexport const b = cookieKey();',
        'app/d.ts': "import { apiKey } from '../lib/config';\nexport const d = apiKey;",
        // The index module spelled out, as ESM with nodenext resolution writes it.
        'app/g.ts': "import { apiKey } from '../lib/config/index.js';\nexport const g = apiKey;",
        'app/h.ts': "import { apiKey } from '../lib/config/index';\nexport const h = apiKey;",
        // Names the module in a comment and uses an exported name, but imports nothing of it.
        'app/e.ts': "// see ../lib/config/\n// see lib/lang-cookie.server'\nexport const apiKey = 'x'; export const cookieKey = 1;",
        // Imports a module of the same name elsewhere.
        'other/config.ts': 'export const apiKey = 1;',
        'app/f.ts': "import { apiKey } from '../other/config';\nexport const f = apiKey;",
      },
      ['lib/lang-cookie.server.ts', 'lib/config/index.ts'],
    );
    expect(found).toEqual(['app/a.ts', 'app/b.ts', 'app/d.ts', 'app/g.ts', 'app/h.ts']);
  });
});
