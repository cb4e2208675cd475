// Importing the plugin loads only what the TS/JS rules need: no tree-sitter (runtime or grammars),
// no Markdown parser, no glob or ignore-file matcher, no git or worker machinery. Checked on the
// module graph of a fresh Node process (an ESM load hook records every module, and the CommonJS
// cache shows what `require` loaded), not on timings.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../support/run-cli.js';

const FORBIDDEN = [
  /\/node_modules\/web-tree-sitter\//,
  /\/node_modules\/tree-sitter-[a-z]+\//,
  /\/node_modules\/markdown-it\//,
  /\/node_modules\/fast-glob\//,
  /\/node_modules\/ignore\//,
  // The leak rules use typescript-eslint's Program; the CLI's own Program builder is not loaded.
  /\/lib\/leak\/typescript\/(analyze|project|contained-file-system|importers|callee-names)\.js$/,
  /^node:child_process$/,
  /^node:worker_threads$/,
  /\/lib\/core\/(engine|discovery|worker-pool|git)\.js$/,
  /\/lib\/languages\/(rust|python|shell|config)\//,
];

const HOOKS = `import fs from 'node:fs';
export async function load(url, context, next) {
  fs.appendFileSync(process.env.CLAVIS_GRAPH_OUT, url + '\\n');
  return next(url, context);
}
`;

const MAIN = `import { createRequire } from 'node:module';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
register(pathToFileURL(process.env.CLAVIS_HOOKS).href);
await import('clavis-lint/eslint-plugin');
const cache = Object.keys(createRequire(import.meta.url).cache);
fs.appendFileSync(process.env.CLAVIS_GRAPH_OUT, cache.join('\\n') + '\\n');
`;

describe('plugin import', () => {
  it('does not load grammars, markdown-it, fast-glob or the scan engine', () => {
    const dir = tempDir('clavis-import-graph-');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.symlinkSync(REPO, path.join(dir, 'node_modules/clavis-lint'), 'dir');
    fs.writeFileSync(path.join(dir, 'hooks.mjs'), HOOKS);
    fs.writeFileSync(path.join(dir, 'main.mjs'), MAIN);
    const out = path.join(dir, 'graph.txt');
    const run = spawnSync(process.execPath, ['main.mjs'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CLAVIS_GRAPH_OUT: out, CLAVIS_HOOKS: path.join(dir, 'hooks.mjs') } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const modules = fs
      .readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((m) => (m.startsWith('file://') ? new URL(m).pathname : m).split(path.sep).join('/'));
    // The plugin itself and the TS front end were seen: the hook works.
    expect(modules.some((m) => m.endsWith('/lib/eslint/plugin.js'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/lib/languages/typescript/index.js'))).toBe(true);
    expect(modules.filter((m) => FORBIDDEN.some((re) => re.test(m)))).toEqual([]);
  });
});
