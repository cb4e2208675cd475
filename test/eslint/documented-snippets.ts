// The ESLint snippets of docs/integrations.md, read from the page itself so the tests run them
// exactly as written: the fenced block whose first line is `// eslint.config.js` (or `.ts`).
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../support/run-cli.js';

export const INTEGRATIONS_DOC = path.join(REPO, 'docs/integrations.md');

export function documentedSnippet(fileName: 'eslint.config.js' | 'eslint.config.ts'): string {
  const text = fs.readFileSync(INTEGRATIONS_DOC, 'utf8');
  const fence = fileName.endsWith('.ts') ? '```ts\n' : '```js\n';
  const start = text.indexOf(`${fence}// ${fileName}\n`);
  if (start < 0) throw new Error(`docs/integrations.md has no ${fence.trim()} block starting with "// ${fileName}"`);
  const body = start + fence.length;
  return text.slice(body, text.indexOf('```\n', body));
}
