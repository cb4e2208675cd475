import { it } from 'vitest';
import { analyzeSnippet } from './leak-harness.js';
it('prof', async () => {
  let t = Date.now();
  let run = await analyzeSnippet(`import { resolveSecret } from './secrets/resolver';\nconsole.log(resolveSecret('GithubToken'));`);
  console.log('first', Date.now() - t, run.leaks.length);
  t = Date.now();
  run = await analyzeSnippet(`import { resolveSecret } from './secrets/resolver';\nconsole.log(resolveSecret('GithubToken'));`);
  console.log('second', Date.now() - t, run.leaks.length);
});
