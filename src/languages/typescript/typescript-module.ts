// The `typescript` compiler API, loaded through `require`. An ESM `import` of the 9 MB CommonJS
// bundle makes Node run its export-name lexer over the whole file first, which doubles the load
// time (about 350 ms extra on CI-class machines); `createRequire` skips that.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';
import { requireWithCodeCache } from '../../core/code-cache.js';

const requireCjs = createRequire(import.meta.url);

// The CommonJS bundle exposes every export through a getter, so each `ts.X` in a hot loop is a
// function call; a plain copy turns them into ordinary property loads. Loaded through the code
// cache when the CLI turned it on (core/code-cache.ts), and registered in `require.cache` either way.
export const ts: typeof TS = { ...(requireWithCodeCache(requireCjs, 'typescript') as typeof TS) };

/** Hoisted for `switch` statements in the walk, which would otherwise read `ts.SyntaxKind` per case. */
export const SyntaxKind = ts.SyntaxKind;
export type { TS };
