// A small workspace monorepo for the shard tests: two TS packages with a leak flowing from one
// into the other (the secret is read in packages/secrets, logged in packages/app), a Python and
// a Rust service, a registry and a docs page out of date, an unused suppression, a file that
// cannot be parsed. Every value is obviously fake.
/** The three secrets both shard trees register (one of them never read: registry-unreferenced). */
export const SHARD_TREE_SECRETS: string[] = [
  '  - id: OpenRouterApiKey',
  '    env: OPENROUTER_API_KEY',
  '    kind: secret',
  '    owner: platform',
  '  - id: StripeSecretKey',
  '    env: STRIPE_SECRET_KEY',
  '    kind: secret',
  '    owner: billing',
  '  - id: UnusedToken',
  '    env: UNUSED_TOKEN',
  '    kind: secret',
  '    owner: platform',
];

export const MONOREPO_TREE: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*'] }, null, 2),
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022' }, include: ['packages/*/src'] }, null, 2),
  '.clavis-lint.yaml': 'registry: secrets.registry.yaml\ndocs:\n  - path: docs/secrets.md\n',
  'secrets.registry.yaml': ['version: 1', 'resolver:', '  functions: [resolveSecret, resolve_secret, get_secret]', '  sanitizers: [redact]', 'secrets:', ...SHARD_TREE_SECRETS, ''].join('\n'),
  'docs/secrets.md': '# Secrets\n\n| Name | Purpose |\n| --- | --- |\n| `OPENROUTER_API_KEY` | LLM gateway key |\n',
  'packages/secrets/package.json': JSON.stringify({ name: '@mono/secrets', version: '1.0.0', type: 'module', main: 'src/index.ts' }, null, 2),
  'packages/secrets/src/index.ts': [
    'export function resolveSecret(name: string): string {',
    '  return process.env[name] ?? "";',
    '}',
    'export function openRouterKey(): string {',
    '  return resolveSecret("OPENROUTER_API_KEY");',
    '}',
    '',
  ].join('\n'),
  'packages/app/package.json': JSON.stringify({ name: '@mono/app', version: '1.0.0', type: 'module', dependencies: { '@mono/secrets': '1.0.0' } }, null, 2),
  'packages/app/src/main.ts': [
    'import { openRouterKey } from "../../secrets/src/index.js";',
    '',
    'const key = openRouterKey();',
    'console.log("key is", key);',
    'const stripe = process.env.STRIPE_SECRET_KEY;',
    '// clavis-lint-disable-next-line no-secret-in-log -- nothing here any more',
    'export const ready = Boolean(stripe);',
    '',
  ].join('\n'),
  'packages/app/src/broken.ts': 'export const = ;\n',
  'packages/worker/package.json': JSON.stringify({ name: '@mono/worker', version: '1.0.0' }, null, 2),
  'packages/worker/src/job.ts': 'export const token = process.env.GITHUB_TOKEN;\nconsole.log(process.env.STRIPE_SECRET_KEY);\n',
  // A Python flow across files: helpers.stripe() returns the secret, app.py prints it.
  'services/py/app.py': 'import os\nfrom helpers import stripe\n\nkey = os.environ["OPENROUTER_API_KEY"]\nprint(key)\nprint(stripe())\n',
  'services/py/helpers.py': 'import os\n\n\ndef stripe():\n    return os.getenv("STRIPE_SECRET_KEY")\n',
  'services/rs/src/main.rs': 'fn main() {\n    let key = std::env::var("OPENROUTER_API_KEY").unwrap();\n    println!("{}", key);\n}\n',
};
