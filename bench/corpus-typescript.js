// Generates a plain TypeScript application corpus for the env-read benchmark: ~100-line modules
// (services, handlers, models, utilities, tests) of which ~5% read the environment, some of them
// registry names (direct reads, destructuring, constant keys, aliases), plus a resolver module.
// Deterministic: the same options give byte-identical files.
import fs from 'node:fs';
import path from 'node:path';

/** The registry the corpus is written against (ids, canonical names, aliases, deprecated names). */
export const BENCH_SECRETS = [
  { id: 'OpenRouterApiKey', env: 'OPENROUTER_API_KEY', aliases: ['VOX_OPENROUTER_API_KEY'], deprecated: 'OPENROUTER_KEY', cls: 'llm' },
  { id: 'OpenAiApiKey', env: 'OPENAI_API_KEY', cls: 'llm' },
  { id: 'AnthropicApiKey', env: 'ANTHROPIC_API_KEY', cls: 'llm' },
  { id: 'GithubToken', env: 'GITHUB_TOKEN', aliases: ['GH_TOKEN'], cls: 'scm' },
  { id: 'StripeSecretKey', env: 'STRIPE_SECRET_KEY', deprecated: 'STRIPE_KEY', cls: 'payments' },
  { id: 'StripeWebhookSecret', env: 'STRIPE_WEBHOOK_SECRET', cls: 'payments' },
  { id: 'DatabaseUrl', env: 'DATABASE_URL', cls: 'db' },
  { id: 'RedisUrl', env: 'REDIS_URL', cls: 'db' },
  { id: 'SentryDsn', env: 'SENTRY_DSN', cls: 'telemetry' },
  { id: 'SlackBotToken', env: 'SLACK_BOT_TOKEN', deprecated: 'SLACK_TOKEN', cls: 'chat' },
  { id: 'SendgridApiKey', env: 'SENDGRID_API_KEY', cls: 'mail' },
  { id: 'JwtSigningKey', env: 'JWT_SIGNING_KEY', aliases: ['AUTH_JWT_SECRET'], cls: 'auth' },
  { id: 'SessionSecret', env: 'SESSION_SECRET', cls: 'auth' },
  { id: 'AwsSecretAccessKey', env: 'AWS_SECRET_ACCESS_KEY', cls: 'cloud' },
  { id: 'GcpServiceAccountJson', env: 'GCP_SERVICE_ACCOUNT_JSON', cls: 'cloud' },
  { id: 'TwilioAuthToken', env: 'TWILIO_AUTH_TOKEN', cls: 'sms' },
  { id: 'PosthogKey', env: 'POSTHOG_KEY', kind: 'config', cls: 'analytics' },
  { id: 'LogLevel', env: 'LOG_LEVEL', kind: 'config', cls: 'ops' },
  { id: 'Port', env: 'PORT', kind: 'config', cls: 'ops' },
  { id: 'EncryptionKey', env: 'ENCRYPTION_KEY', deprecated: 'APP_ENCRYPTION_KEY', cls: 'crypto' },
];

export function registryYaml(secrets = BENCH_SECRETS) {
  const lines = [
    'version: 1',
    'resolver:',
    '  paths: ["src/secrets/**"]',
    '  functions: [resolveSecret]',
    '  types: [ResolvedSecret]',
    '  sanitizers: [redact]',
    'secrets:',
  ];
  for (const secret of secrets) {
    lines.push(`  - id: ${secret.id}`, `    env: ${secret.env}`, `    kind: ${secret.kind ?? 'secret'}`, `    class: ${secret.cls}`, '    owner: platform');
    if (secret.aliases) lines.push(`    aliases: [${secret.aliases.join(', ')}]`);
    if (secret.deprecated) lines.push('    deprecated:', `      - name: ${secret.deprecated}`, '        remove_after: 2027-06-30');
  }
  return `${lines.join('\n')}\n`;
}

export const CONFIG_YAML = 'registry: secrets.registry.yaml\nexclude: ["**/node_modules/**"]\n';

/** mulberry32: small, fast, deterministic. */
function randomSource(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DOMAINS = ['billing', 'accounts', 'orders', 'catalog', 'search', 'notifications', 'reports', 'inventory', 'shipping', 'auth', 'media', 'chat'];
const NOUNS = ['Invoice', 'Customer', 'Order', 'Product', 'Query', 'Message', 'Report', 'Item', 'Parcel', 'Session', 'Asset', 'Thread'];

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

function header(noun, index, domain) {
  return `import { strict as assert } from 'node:assert';
import type { Logger } from '../../shared/logger';
import { formatDate, clamp, chunk } from '../../shared/format';
import { HttpError } from '../../shared/errors';

/** ${noun} records of the ${domain} domain. */
export interface ${noun}${index} {
  id: string;
  createdAt: Date;
  updatedAt?: Date;
  status: 'draft' | 'active' | 'archived';
  amount: number;
  tags: readonly string[];
  owner: { id: string; name: string };
}

export type ${noun}${index}Patch = Partial<Omit<${noun}${index}, 'id' | 'createdAt'>>;

const MAX_PAGE_SIZE = ${50 + (index % 50)};
`;
}

function serviceBody(noun, index) {
  return `
export class ${noun}Service${index} {
  private readonly cache = new Map<string, ${noun}${index}>();

  constructor(
    private readonly logger: Logger,
    private readonly fetchPage: (offset: number, limit: number) => Promise<${noun}${index}[]>,
  ) {}

  async list(offset = 0, limit = 20): Promise<${noun}${index}[]> {
    const size = clamp(limit, 1, MAX_PAGE_SIZE);
    const page = await this.fetchPage(offset, size);
    for (const item of page) this.cache.set(item.id, item);
    this.logger.debug(\`loaded \${page.length} items at \${offset}\`);
    return page;
  }

  get(id: string): ${noun}${index} {
    const found = this.cache.get(id);
    if (!found) throw new HttpError(404, \`${noun.toLowerCase()} \${id} not found\`);
    return found;
  }

  update(id: string, patch: ${noun}${index}Patch): ${noun}${index} {
    const current = this.get(id);
    const next = { ...current, ...patch, updatedAt: new Date() };
    assert.ok(next.amount >= 0, 'amount must not be negative');
    this.cache.set(id, next);
    return next;
  }

  totals(): { count: number; amount: number; byStatus: Record<string, number> } {
    const byStatus: Record<string, number> = {};
    let amount = 0;
    for (const item of this.cache.values()) {
      byStatus[item.status] = (byStatus[item.status] ?? 0) + 1;
      amount += item.amount;
    }
    return { count: this.cache.size, amount, byStatus };
  }

  describe(item: ${noun}${index}): string {
    const when = formatDate(item.updatedAt ?? item.createdAt);
    return [item.id, item.owner.name, item.status, item.amount.toFixed(2), when].join(' | ');
  }

  batches(size = 10): ${noun}${index}[][] {
    return chunk([...this.cache.values()], size);
  }
}
`;
}

function utilityBody(noun, index) {
  return `
export function parse${noun}${index}(raw: unknown): ${noun}${index} {
  if (typeof raw !== 'object' || raw === null) throw new HttpError(400, 'expected an object');
  const value = raw as Record<string, unknown>;
  const id = String(value.id ?? '');
  if (!/^[a-z0-9-]{6,}$/.test(id)) throw new HttpError(400, 'invalid id');
  const status = value.status === 'active' || value.status === 'archived' ? value.status : 'draft';
  const tags = Array.isArray(value.tags) ? value.tags.map(String) : [];
  return {
    id,
    createdAt: new Date(String(value.createdAt ?? Date.now())),
    status,
    amount: Number(value.amount ?? 0),
    tags,
    owner: { id: String((value.owner as { id?: string })?.id ?? ''), name: String((value.owner as { name?: string })?.name ?? '') },
  };
}

export function sortBy${noun}${index}(items: ${noun}${index}[], key: keyof ${noun}${index} = 'createdAt'): ${noun}${index}[] {
  return [...items].sort((a, b) => {
    const left = a[key];
    const right = b[key];
    if (left === right) return 0;
    return (left ?? 0) < (right ?? 0) ? -1 : 1;
  });
}

export const ${noun.toLowerCase()}${index}Defaults = Object.freeze({
  pageSize: 20,
  retries: ${index % 5},
  backoffMs: [100, 200, 400, 800],
});
`;
}

function handlerBody(noun, index) {
  return `
export interface Request${index} { params: Record<string, string>; query: Record<string, string | undefined>; body?: unknown }
export interface Response${index} { status(code: number): Response${index}; json(body: unknown): void }

export function handle${noun}${index}(service: { list(o: number, l: number): Promise<${noun}${index}[]> }) {
  return async (request: Request${index}, response: Response${index}): Promise<void> => {
    const offset = Number(request.query.offset ?? 0);
    const limit = Number(request.query.limit ?? 20);
    if (!Number.isFinite(offset) || !Number.isFinite(limit)) {
      response.status(400).json({ error: 'offset and limit must be numbers' });
      return;
    }
    try {
      const items = await service.list(offset, limit);
      response.status(200).json({ items, next: items.length === limit ? offset + limit : null });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      response.status(status).json({ error: status === 500 ? 'internal error' : (error as Error).message });
    }
  };
}
`;
}

function metricsBody(noun, index) {
  return `
/** Rolling counters for ${noun.toLowerCase()} operations, exported to the metrics endpoint. */
export class ${noun}Metrics${index} {
  private readonly counts = new Map<string, number>();
  private readonly durations: number[] = [];

  record(operation: string, startedAt: number): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
    this.durations.push(Date.now() - startedAt);
    if (this.durations.length > 1000) this.durations.splice(0, this.durations.length - 1000);
  }

  percentile(p: number): number {
    if (this.durations.length === 0) return 0;
    const sorted = [...this.durations].sort((a, b) => a - b);
    const rank = Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length));
    return sorted[rank];
  }

  snapshot(): Array<[string, number]> {
    return [...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b));
  }
}
`;
}

const ENV_READ_SNIPPETS = [
  (s) => `\nexport function ${s.fn}(): string {\n  const value = process.env.${s.env};\n  if (!value) throw new Error('${s.env} is not set');\n  return value;\n}\n`,
  (s) => `\nconst { ${s.env}, LOG_LEVEL = 'info' } = process.env;\nexport const ${s.fn} = () => ({ key: ${s.env}, level: LOG_LEVEL });\n`,
  (s) => `\nconst KEY_NAME = '${s.env}';\nexport function ${s.fn}(): string | undefined {\n  return process.env[KEY_NAME];\n}\n`,
  (s) => `\nimport { env } from 'node:process';\nexport const ${s.fn} = (): string => env.${s.env} ?? '';\n`,
  (s) => `\nexport function ${s.fn}(name: string): string | undefined {\n  return process.env[name] ?? process.env.${s.env};\n}\n`,
  (s) => `\nexport const ${s.fn} = { port: Number(process.env.PORT ?? 3000), level: process.env.LOG_LEVEL ?? 'info', dsn: process.env.${s.env} };\n`,
];

const RESOLVER = `// The one place allowed to read secrets from the environment.
export class ResolvedSecret {
  #value: string;
  constructor(value: string) { this.#value = value; }
  expose(): string { return this.#value; }
  toJSON(): string { return '[redacted]'; }
}
export function resolveSecret(name: string): ResolvedSecret {
  const value = process.env[name];
  if (value === undefined) throw new Error(\`secret \${name} is not configured\`);
  return new ResolvedSecret(value);
}
export function redact(value: string): string { return value.slice(0, 2) + '…'; }
`;

const SHARED = {
  'logger.ts': `export interface Logger { debug(message: string): void; info(message: string): void; error(message: string, error?: unknown): void }\n`,
  'format.ts': `export function formatDate(date: Date): string { return date.toISOString().slice(0, 10); }\nexport function clamp(value: number, min: number, max: number): number { return Math.min(max, Math.max(min, value)); }\nexport function chunk<T>(items: T[], size: number): T[][] { const out: T[][] = []; for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size)); return out; }\n`,
  'errors.ts': `export class HttpError extends Error { constructor(readonly status: number, message: string) { super(message); } }\n`,
};

function moduleText(random, index, envSnippet) {
  const noun = pick(random, NOUNS);
  const domain = pick(random, DOMAINS);
  const kind = index % 3;
  let text = header(noun, index, domain);
  text += kind === 0 ? serviceBody(noun, index) : kind === 1 ? utilityBody(noun, index) + handlerBody(noun, index) : handlerBody(noun, index) + utilityBody(noun, index);
  if (kind !== 0 && random() < 0.5) text += serviceBody(noun, index).split('\n').slice(0, 30).join('\n') + '\n}\n';
  text += metricsBody(noun, index);
  if (envSnippet) text += envSnippet;
  else if (random() < 0.03) text += `\n// Values differ per deployment environment; see the runbook.\n`;
  return text;
}

/**
 * Writes the corpus into `dir`. Returns counts and the registry names, so callers can build
 * front-end options without re-reading the registry.
 */
export function generate(dir, { files = 3000, envRatio = 0.05, seed = 20261128 } = {}) {
  const random = randomSource(seed);
  fs.mkdirSync(path.join(dir, 'src', 'secrets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src', 'shared'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'secrets.registry.yaml'), registryYaml());
  fs.writeFileSync(path.join(dir, '.clavis-lint.yaml'), CONFIG_YAML);
  fs.writeFileSync(path.join(dir, 'src', 'secrets', 'resolver.ts'), RESOLVER);
  for (const [name, text] of Object.entries(SHARED)) fs.writeFileSync(path.join(dir, 'src', 'shared', name), text);
  let written = 1 + Object.keys(SHARED).length;
  let envFiles = 0;
  let lines = 0;
  let bytes = 0;
  for (let index = 0; written < files; index++, written++) {
    const domain = DOMAINS[index % DOMAINS.length];
    const isTest = index % 17 === 0;
    const folder = path.join(dir, 'src', domain, isTest ? '__tests__' : `part${Math.floor(index / 120)}`);
    fs.mkdirSync(folder, { recursive: true });
    let envSnippet = null;
    if (random() < envRatio) {
      const secret = pick(random, BENCH_SECRETS);
      const name = random() < 0.15 ? (secret.deprecated ?? secret.aliases?.[0] ?? secret.env) : random() < 0.2 ? `APP_FEATURE_${index}` : secret.env;
      envSnippet = pick(random, ENV_READ_SNIPPETS)({ env: name, fn: `read${index}` });
      envFiles++;
    }
    const text = moduleText(random, index, envSnippet);
    fs.writeFileSync(path.join(folder, `${domain}-${index}${isTest ? '.test' : ''}.ts`), text);
    lines += text.split('\n').length;
    bytes += text.length;
  }
  return { files: written, envFiles, lines, bytes, registryNames: registryNamesOf(BENCH_SECRETS) };
}

export function registryNamesOf(secrets) {
  return secrets.flatMap((secret) => [secret.env, ...(secret.aliases ?? []), ...(secret.deprecated ? [secret.deprecated] : [])]);
}

export const corpus = {
  name: 'typescript',
  description: 'TypeScript application modules, ~100 lines each, ~5% reading env vars',
  generate,
  /** Peers that can do the equivalent job on this corpus. */
  peers: ['eslint'],
  eslintFiles: ['**/*.ts'],
  // Same job as the ESLint peer: the bypass rules (env reads), not the leak analysis, which has
  // its own corpus (typed-ts) and target.
  cliArgs: ['--rule', 'no-secret-in-log=off', '--rule', 'no-secret-in-error=off', '--rule', 'no-secret-in-prompt=off', '--rule', 'no-secret-in-tool-output=off',
    '--rule', 'no-secret-in-telemetry=off', '--rule', 'no-secret-serialization=off', '--rule', 'no-secret-in-url=off', '--rule', 'no-leaky-secret-type=off'],
  targetRatio: 20,
};
