// Generates a typed TypeScript corpus for the leak-analysis benchmark: a tsconfig.json, a resolver
// module, ~2% of files using secrets (some leaking through cross-file helpers), the rest ordinary
// code that imports shared utilities. Deterministic: the same options give the same files.
import fs from 'node:fs';
import path from 'node:path';

const RESOLVER = `export type SecretId = 'OpenRouterApiKey' | 'GithubToken' | 'StripeSecretKey';
export class ResolvedSecret { #value: string; constructor(value: string) { this.#value = value; } expose(): string { return this.#value; } }
export function resolveSecret(id: SecretId): string { return process.env[id] ?? ''; }
export function redact(value: string): string { return value.slice(0, 2) + '…'; }
`;

const HELPERS = `export function formatLine(label: string, value: string): string { return \`\${label}: \${value}\`; }
export function logLine(line: string): void { console.log(line); }
export function sum(values: number[]): number { return values.reduce((a, b) => a + b, 0); }
`;

function ordinaryFile(index) {
  return `import { formatLine, sum } from '../shared/helpers';
export interface Item${index} { id: number; name: string; tags: string[] }
export class Service${index} {
  private items: Item${index}[] = [];
  add(item: Item${index}): void { this.items.push(item); }
  total(): number { return sum(this.items.map((item) => item.id)); }
  describe(): string { return this.items.map((item) => formatLine(item.name, item.tags.join(','))).join('\\n'); }
  async load(url: string): Promise<number> {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    const data = (await response.json()) as Item${index}[];
    for (const item of data) if (item.id % 2 === 0) this.add(item);
    return this.total();
  }
}
export function helper${index}(value: string): string { return value.trim().toUpperCase() + ${index}; }
`;
}

function secretFile(index) {
  const ids = ['OpenRouterApiKey', 'GithubToken', 'StripeSecretKey'];
  const id = ids[index % ids.length];
  return `import { resolveSecret, redact } from '../secrets/resolver';
import { formatLine, logLine } from '../shared/helpers';
export async function call${index}(prompt: string): Promise<string> {
  const key = resolveSecret('${id}');
  console.log('using', redact(key), key.length);
  const response = await fetch('https://api.example.test/v1', { headers: { Authorization: \`Bearer \${key}\` }, body: prompt });
  logLine(formatLine('key', key));
  return response.statusText;
}
`;
}

/** Writes the corpus into `dir` (created if missing); returns the number of files written. */
export function generateTypedTsCorpus(dir, { files = 3000, secretRatio = 0.02 } = {}) {
  fs.mkdirSync(path.join(dir, 'src', 'secrets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'src', 'shared'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true }, include: ['src'] }, null, 2),
  );
  fs.writeFileSync(path.join(dir, 'src', 'secrets', 'resolver.ts'), RESOLVER);
  fs.writeFileSync(path.join(dir, 'src', 'shared', 'helpers.ts'), HELPERS);
  const every = Math.max(1, Math.round(1 / secretRatio));
  let written = 2;
  for (let index = 0; index < files - 2; index++) {
    const folder = path.join(dir, 'src', `mod${Math.floor(index / 100)}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `file${index}.ts`), index % every === 0 ? secretFile(index) : ordinaryFile(index));
    written++;
  }
  return written;
}
