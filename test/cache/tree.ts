// A small project for the cache tests: TypeScript (a leak flow across two files: a getter in one
// module, the log call in another), Python and Rust, with a registry and a config.
import fs from 'node:fs';
import path from 'node:path';
import { scan, type ScanOptions } from '../../src/core/engine.js';
import { formatResult } from '../../src/reporters/index.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { writeTree } from '../support/run-cli.js';

export const REGISTRY = [
  'version: 1',
  'secrets:',
  '  - id: OpenAiKey',
  '    env: OPENAI_API_KEY',
  '    kind: secret',
  '  - id: StripeKey',
  '    env: STRIPE_SECRET_KEY',
  '    kind: secret',
  '',
].join('\n');

/** A project of `files` with the config and the registry above. */
export function registryTree(files: Record<string, string>): string {
  return writeTree({ '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n', 'secrets.registry.yaml': REGISTRY, ...files });
}

export function cacheProject(): string {
  return writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
    'secrets.registry.yaml': REGISTRY,
    'src/config.ts': "export function openAiKey(): string {\n  return process.env.OPENAI_API_KEY ?? '';\n}\n",
    'src/log.ts': "import { openAiKey } from './config';\n\nexport function start(): void {\n  console.log('key', openAiKey());\n}\n",
    'src/other.ts': "export const greeting = (name: string): string => `hello ${name}`;\n",
    'src/unknown.ts': 'export const region = process.env.AWS_REGION_NAME;\n',
    // An env name held in another module's exported constant (cross-file constant resolution).
    'src/keys.ts': "export const KEY_NAME = 'OPENAI_API_KEY';\nexport const BANNER = 'quokka-constant-value';\n",
    'src/read.ts': "import { KEY_NAME } from '~/keys';\n\nexport const key = process.env[KEY_NAME];\n",
    'app/worker.py': 'import os\n\nkey = os.environ["STRIPE_SECRET_KEY"]\nprint(key)\n',
    'crate/src/main.rs': 'fn main() {\n    let k = std::env::var("OPENAI_API_KEY").unwrap();\n    println!("{}", k);\n}\n',
  });
}

export function write(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

/** JSON and SARIF reports of an in-process scan (as the CLI formats them), and the cache's hit count. */
export async function reports(
  root: string,
  cache: ScanOptions['cache'],
): Promise<{ json: string; sarif: string; hits: number; misses: number; leakHit: boolean; notes: string[]; hashed: number; leakRoots?: { walked: number; reused: number; stubs?: number }; leakFullPass?: string }> {
  const result = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30', ...(cache ? { cache } : {}) });
  const ctx = { rules: ALL_RULES.map((r) => r.meta), toolVersion: '0.0.0-test', color: false, sourceLines: result.sourceLines, includeSuppressed: false, timing: false };
  return { json: formatResult('json', result, ctx), sarif: formatResult('sarif', result, ctx), hits: result.cache?.hits ?? 0, misses: result.cache?.misses ?? 0, leakHit: result.cache?.leakHit ?? false, notes: result.cache?.notes ?? [], hashed: result.cache?.hashed ?? 0, ...(result.cache?.leakRoots ? { leakRoots: result.cache.leakRoots } : {}), ...(result.cache?.leakFullPass ? { leakFullPass: result.cache.leakFullPass } : {}) };
}
