// The prefilter's list of the names a TS/JS file imports (src/core/import-names.ts): a text scan
// that may list too much, never too little, for ES imports and CommonJS destructuring requires.
import { describe, expect, it } from 'vitest';
import { importedNames } from '../../src/core/import-names.js';

describe('importedNames', () => {
  it('lists the names of import clauses', () => {
    expect(importedNames("import { requireEnv, type Env } from './env';\nimport flag from './flag';\n")).toEqual(expect.arrayContaining(['requireEnv', 'Env', 'flag']));
  });

  it('lists the names a CommonJS require destructures, renamed ones included', () => {
    const names = importedNames("const { envFlag, loadDotEnv: load } = require('./utils/env');\nconst {\n  a,\n} =\n  require('./a');\n");
    expect(names).toEqual(expect.arrayContaining(['envFlag', 'loadDotEnv', 'load', 'a']));
  });

  it('lists nothing for a require that binds no destructured names', () => {
    expect(importedNames("const env = require('./env');\nrequire('./side-effect');\nconst x = { a } = b; require('./c');\n")).toEqual([]);
  });
});
