// The scan loads the TypeScript compiler only when a TS/JS file passes the prefilter: a Python or
// Rust project with a few config scripts never pays for it (about 0.2 s and 100 MB per thread).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir, writeTree } from '../../support/run-cli.js';
import { enoughScripts, looksLikeScriptProject } from '../../../src/core/warm-worker.js';

/** Runs the CLI with a preload that reports every `require('typescript')` on stderr. */
function scanTracingCompiler(root: string, threads: string[] = ['--workers', '0']): { loaded: boolean; stderr: string; report: { stats: { files: number; prefiltered: number } } } {
  const hook = path.join(tempDir('clavis-trace-'), 'trace.cjs');
  fs.writeFileSync(hook, "const M = require('module'); const load = M._load; M._load = function (request, ...rest) { if (request === 'typescript') process.stderr.write('COMPILER LOADED\\n'); return load.call(this, request, ...rest); };\n");
  const out = path.join(root, 'report.json');
  // The code cache (core/code-cache.ts) compiles the module itself, past `Module._load`; when it
  // loads is the same either way (the front end's first import), so the trace turns it off.
  const env = { ...process.env, NO_COLOR: '1', CI: 'true', NODE_DISABLE_COMPILE_CACHE: '1' };
  const run = spawnSync(process.execPath, ['--require', hook, BIN, '--no-cache', ...threads, '-f', 'json', '-o', out, '.'], { cwd: root, encoding: 'utf8', env });
  return { loaded: run.stderr.includes('COMPILER LOADED'), stderr: run.stderr, report: JSON.parse(fs.readFileSync(out, 'utf8')) };
}

describe('the TypeScript compiler is loaded on demand', () => {
  it('is not loaded when every JS/TS file fails the prefilter', () => {
    const root = writeTree({
      'app/main.py': 'import os\nkey = os.environ["OPENAI_API_KEY"]\n',
      'eslint.config.js': 'export default [{ rules: {} }];\n',
      'scripts/build.mjs': 'console.log("build");\n',
    });
    const { loaded, stderr, report } = scanTracingCompiler(root);
    expect(report.stats.prefiltered, stderr).toBeGreaterThanOrEqual(2);
    expect(loaded, stderr).toBe(false);
    // Nor by the warm worker (src/core/warm-worker.ts; --workers 2 starts it on any machine): no package.json, few scripts.
    const byDefault = scanTracingCompiler(root, ['--workers', '2']);
    expect(byDefault.report, byDefault.stderr).toEqual(report);
    expect(byDefault.loaded, byDefault.stderr).toBe(false);
  });

  it('is loaded early by the warm worker only for a JS/TS project, or when the file list holds 20+ TS/JS files', () => {
    expect(looksLikeScriptProject(writeTree({ 'package.json': '{"name":"web"}\n' }))).toBe(true);
    expect(looksLikeScriptProject(writeTree({ 'tsconfig.json': '{}\n' }))).toBe(true);
    expect(looksLikeScriptProject(writeTree({ 'pyproject.toml': '[project]\n', 'scripts/build.mjs': '\n' }))).toBe(false);
    const scripts = (n: number): string[] => ['app/main.py', ...Array.from({ length: n }, (_, i) => `web/page${i}.tsx`), 'README.md'];
    expect(enoughScripts(scripts(19))).toBe(false);
    expect(enoughScripts(scripts(20))).toBe(true);
    expect(enoughScripts(['a.py', 'b.rs', 'c.d.ts.map'])).toBe(false);
  });

  it('is loaded once a TS file can hold a fact', () => {
    const root = writeTree({ 'src/config.ts': 'export const key = process.env.OPENAI_API_KEY;\n' });
    expect(scanTracingCompiler(root).loaded).toBe(true);
  });
});
