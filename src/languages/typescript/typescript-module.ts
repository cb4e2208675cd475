// The `typescript` compiler API, loaded through `require`. An ESM `import` of the 9 MB CommonJS
// bundle makes Node run its export-name lexer over the whole file first, which doubles the load
// time (about 350 ms extra on CI-class machines); `createRequire` skips that.
import { createRequire } from 'node:module';
import type * as TS from 'typescript';

const requireCjs = createRequire(import.meta.url);

export const ts: typeof TS = requireCjs('typescript');
export type { TS };
