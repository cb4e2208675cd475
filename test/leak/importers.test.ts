// The first ring around source files (src/leak/typescript/importers.ts): files that really import a
// candidate become roots of the leak Program. The text prefilter finds a candidate's module name as
// an import specifier's last segment in one pass (`/name` then a quote or a dot), names with dots
// included; the decision is the resolved import.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importersOf } from '../../src/leak/typescript/importers.js';
import { openLeakProject } from '../../src/leak/typescript/project.js';
import type { SourceNeedles } from '../../src/leak/typescript/prefilter.js';
import { writeTree } from '../support/run-cli.js';

// The secret env names these trees read.
const NEEDLES: SourceNeedles = { needles: ['SESSION_SECRET', 'STRIPE_SECRET_KEY', 'QSTASH_TOKEN'], names: ['SESSION_SECRET', 'STRIPE_SECRET_KEY', 'QSTASH_TOKEN'], calls: [] };

function importersIn(files: Record<string, string>, candidates: string[]): string[] {
  const root = fs.realpathSync(writeTree(files));
  const texts = (names: string[]) => new Map(names.map((name) => [path.join(root, name), files[name]]));
  const others = Object.keys(files).filter((name) => !candidates.includes(name));
  const scanned = Object.keys(files).filter((name) => /\.[cm]?[jt]sx?$/.test(name)).map((name) => path.join(root, name));
  return importersOf(texts(candidates), texts(others), openLeakProject(root, { files: scanned }), NEEDLES)
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

  it('counts only importers of exports that can carry a secret: a package client or a constant carries none', () => {
    const found = importersIn(
      {
        'lib/cron.ts': [
          "import { Client } from '@upstash/qstash';",
          "import { stripeKey } from './keys';",
          'export const qstash = new Client({ token: process.env.QSTASH_TOKEN });',
          'export const BATCH_SIZE = 100;',
          'const token = process.env.QSTASH_TOKEN;',
          'export function authHeader() { return `Bearer ${token}`; }',
          'export const viaProject = () => stripeKey;',
          'export const url = new URL(process.env.QSTASH_TOKEN!);',
        ].join('\n'),
        'lib/keys.ts': 'export const stripeKey = 1;',
        'app/uses-client.ts': "import { qstash } from '../lib/cron';\nqstash.publish();",
        'app/uses-constant.ts': "import { BATCH_SIZE } from '../lib/cron';\nexport const n = BATCH_SIZE;",
        // Through a module-level name that names the source.
        'app/uses-helper.ts': "import { authHeader } from '../lib/cron';\nexport const h = authHeader();",
        // Through a name imported from a project module: may carry.
        'app/uses-project-import.ts': "import { viaProject } from '../lib/cron';\nexport const v = viaProject();",
        // URL keeps what it is given (walker.ts).
        'app/uses-url.ts': "import { url } from '../lib/cron';\nexport const u = url;",
      },
      ['lib/cron.ts'],
    );
    expect(found).toEqual(['app/uses-helper.ts', 'app/uses-project-import.ts', 'app/uses-url.ts']);
  });

  it('resolves workspace packages and nested tsconfig paths with no node_modules', () => {
    const found = importersIn(
      {
        'package.json': '{ "name": "root", "private": true }',
        'packages/shared/package.json': JSON.stringify({ name: '@acme/shared', exports: { '.': { import: './dist/src/index.js' }, './env': { import: './dist/src/env.js' } } }),
        'packages/shared/tsconfig.json': '{ "compilerOptions": { "outDir": "dist", "rootDir": "." } }',
        'packages/shared/src/env.ts': 'export const sessionSecret = process.env.SESSION_SECRET;',
        'packages/shared/src/index.ts': "export { sessionSecret } from './env';",
        'packages/unscoped/package.json': '{ "name": "unscoped-shared", "main": "lib/index.js" }',
        'packages/unscoped/src/index.ts': 'export const stripeKey = process.env.STRIPE_SECRET_KEY;',
        'apps/web/package.json': '{ "name": "web" }',
        // An app's own `@/*` paths, with a base config from a workspace package (its extends).
        'apps/web/tsconfig.json': '{ "extends": "@acme/tsconfig/next.json", "compilerOptions": { "paths": { "@/*": ["./*"] } } }',
        'packages/tsconfig/package.json': '{ "name": "@acme/tsconfig" }',
        'packages/tsconfig/next.json': '{ "compilerOptions": { "moduleResolution": "bundler", "module": "esnext" } }',
        'apps/web/lib/env.ts': 'export const apiKey = process.env.STRIPE_SECRET_KEY;',
        'apps/web/app/page.ts': "import { apiKey } from '@/lib/env';\nexport const p = apiKey;",
        'apps/web/app/subpath.ts': "import { sessionSecret } from '@acme/shared/env';\nexport const s = sessionSecret;",
        'apps/web/app/unscoped.ts': "import { stripeKey } from 'unscoped-shared';\nexport const k = stripeKey;",
        // A package of the same last segment that is not in the workspace: not followed.
        'apps/web/app/elsewhere.ts': "import { sessionSecret } from '@other/env';\nexport const e = sessionSecret;",
      },
      ['packages/shared/src/env.ts', 'packages/unscoped/src/index.ts', 'apps/web/lib/env.ts'],
    );
    expect(found).toEqual(['apps/web/app/page.ts', 'apps/web/app/subpath.ts', 'apps/web/app/unscoped.ts', 'packages/shared/src/index.ts']);
  });
});
