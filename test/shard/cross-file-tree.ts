// A monorepo whose findings depend on facts of other files, for the shard tests that split the
// work: a TS leak whose source is in one workspace package (config), its sink in a helper of
// another (logging), reached only from a third (api); a Python secret passed to a logging helper
// in another module (the finding moves to the helper's sink); a Rust secret passed to a helper in
// another module; a Python env-key helper called with a constant name from another file; an env
// name read through a constant exported by another package; docs and registry findings that
// depend on what every file reads. `workspaces: false` gives the same tree without a workspace
// layout (ownership by path hash: every file its own unit). Values are fake.
import { SHARD_TREE_SECRETS } from './monorepo-tree.js';

export function crossFileTree(options: { workspaces: boolean }): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name: 'cross', private: true, ...(options.workspaces ? { workspaces: ['packages/*'] } : {}) }, null, 2),
    'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022' } }, null, 2),
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\ndocs:\n  - path: docs/secrets.md\n',
    'secrets.registry.yaml': ['version: 1', 'resolver:', '  functions: [resolveSecret]', 'secrets:', ...SHARD_TREE_SECRETS, ''].join('\n'),
    'docs/secrets.md': '# Secrets\n\n| Name | Purpose |\n| --- | --- |\n| `OPENROUTER_API_KEY` | LLM gateway key |\n',
    'packages/config/package.json': JSON.stringify({ name: '@cross/config', version: '1.0.0', type: 'module' }, null, 2),
    'packages/config/src/keys.ts': 'export function stripeKey(): string {\n  return process.env.STRIPE_SECRET_KEY ?? "";\n}\n',
    // A name read through a constant of another package (resolved from that file's exports).
    'packages/config/src/names.ts': 'export const STRIPE_ENV = "STRIPE_SECRET_KEY";\n',
    'packages/api/src/billing.ts': 'import { STRIPE_ENV } from "../../config/src/names.js";\n\nexport const stripe = process.env[STRIPE_ENV];\n',
    'packages/logging/package.json': JSON.stringify({ name: '@cross/logging', version: '1.0.0', type: 'module' }, null, 2),
    'packages/logging/src/log.ts': 'export function logLine(label: string, value: string): void {\n  console.log(label, value);\n}\n',
    'packages/api/package.json': JSON.stringify({ name: '@cross/api', version: '1.0.0', type: 'module' }, null, 2),
    'packages/api/src/handler.ts': [
      'import { stripeKey } from "../../config/src/keys.js";',
      'import { logLine } from "../../logging/src/log.js";',
      '',
      'export function handle(): void {',
      '  logLine("stripe", stripeKey());',
      '}',
      '',
    ].join('\n'),
    'services/py/app.py': 'import os\nfrom logutil import log_key\nfrom envutil import env_value\n\nlog_key(os.environ["OPENROUTER_API_KEY"])\nstripe = env_value("STRIPE_SECRET_KEY")\n',
    'services/py/logutil.py': 'import logging\n\n\ndef log_key(k):\n    logging.info(k)\n',
    'services/py/envutil.py': 'import os\n\n\ndef env_value(name):\n    return os.getenv(name)\n',
    'services/rs/src/main.rs': 'mod util;\n\nfn main() {\n    let key = std::env::var("OPENROUTER_API_KEY").unwrap();\n    util::log_key(&key);\n}\n',
    'services/rs/src/util.rs': 'pub fn log_key(k: &str) {\n    println!("{}", k);\n}\n',
  };
}
