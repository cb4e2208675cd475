// Which exports of a file that names a source hand a secret on (src/leak/typescript/handed-on-exports.ts):
// the engine decides, and only importers of those become roots of the leak Program. Kept on the
// safe side: classes, `let`s and `const`s the module stores into. The result cache records the
// answer and checks it again when an edit can change it (an edit in a helper the export calls).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTypeScriptLeaks } from '../../src/leak/typescript/analyze.js';
import { RootsRecorder, type RootsRecord } from '../../src/leak/typescript/incremental.js';
import { frontEndOptionsFor, prepareProject } from '../../src/core/engine.js';
import { writeTree } from '../support/run-cli.js';
import { REGISTRY, reports, write } from '../cache/tree.js';

const KEYS = [
  "import OpenAI from 'openai';",
  "import { passOn } from './text';",
  '',
  "export function openAiKey(): string { return process.env.OPENAI_API_KEY ?? ''; }",
  "export function wrappedKey(): string { return passOn(process.env.OPENAI_API_KEY ?? ''); }",
  'export const hasKey = (): boolean => Boolean(process.env.OPENAI_API_KEY);',
  "export function keyLength(): number { return (process.env.OPENAI_API_KEY ?? '').length; }",
  'export const client = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });',
  'export const headers = { Authorization: `Bearer ${process.env.OPENAI_API_KEY}` };',
  'export const store = new Map<string, string>();',
  "export function init(): void { store.set('key', process.env.OPENAI_API_KEY ?? ''); }",
  "export let current = '';",
  "export function load(): void { current = process.env.OPENAI_API_KEY ?? ''; }",
  'export class Holder { key = process.env.OPENAI_API_KEY; }',
  '',
].join('\n');

/** The module that names the source, and the helper of another file one of its exports calls. */
const KEY_MODULES = { 'src/keys.ts': KEYS, 'src/text.ts': 'export function passOn(text: string): string { return text.trim(); }\n' };

async function pass(files: Record<string, string>): Promise<RootsRecord> {
  const root = writeTree({ '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n', 'secrets.registry.yaml': REGISTRY, ...files });
  const prepared = await prepareProject({ cwd: root });
  const options = { ...frontEndOptionsFor(prepared.config, prepared.registry), leakAnalysis: true };
  const keys = { rel: (abs: string) => path.relative(root, abs).split(path.sep).join('/'), abs: (rel: string) => path.resolve(root, rel) };
  const recorder = new RootsRecorder(keys);
  const scanned = Object.keys(files).filter((file) => file.endsWith('.ts')).map((file) => path.join(root, file));
  await analyzeTypeScriptLeaks({ root, files: scanned, options, observer: recorder });
  return recorder.record() as RootsRecord;
}

describe('handed-on exports', () => {
  it('keeps the exports that hand a secret on, and those only syntax can judge', async () => {
    const record = await pass({
      ...KEY_MODULES,
      // Mentions every export: each is judged.
      'src/all.ts': "import { Holder, client, current, hasKey, headers, init, keyLength, load, openAiKey, store, wrappedKey } from './keys';\nexport const all = [Holder, client, current, hasKey, headers, init, keyLength, load, openAiKey, store, wrappedKey];\n",
    });
    expect(record.exported?.['src/keys.ts']).toEqual(['Holder', 'current', 'hasKey', 'headers', 'init', 'keyLength', 'load', 'openAiKey', 'store', 'wrappedKey']);
    // Returns the key (also through a helper of another file), holds it, or may: kept. A test, a
    // length and functions that return nothing hand nothing on; the package client consumed it.
    expect(record.handedOn?.['src/keys.ts']).toEqual(['Holder', 'current', 'headers', 'openAiKey', 'store', 'wrappedKey']);
    expect(record.judged?.['src/keys.ts']).toEqual(record.exported?.['src/keys.ts']);
  });

  it('judges only the exports another file mentions, and keeps the others', async () => {
    const record = await pass({
      ...KEY_MODULES,
      'src/uses-test.ts': "import { hasKey } from './keys';\nconsole.log(hasKey());\n",
    });
    expect(record.judged?.['src/keys.ts']).toEqual(['hasKey']);
    expect(record.handedOn?.['src/keys.ts']).toEqual(record.exported?.['src/keys.ts']?.filter((name) => name !== 'hasKey'));
    expect(record.roots).toEqual(['src/keys.ts']);
  });

  it('does not judge an export that only a file not importing the module mentions', async () => {
    const record = await pass({
      ...KEY_MODULES,
      'src/uses-test.ts': "import { hasKey } from './keys';\nconsole.log(hasKey());\n",
      // Names the module and two of its exports, in text only: imports nothing from it.
      'src/notes.ts': "export const notes = ['see ./keys', 'keyLength', 'wrappedKey'];\n",
    });
    expect(record.judged?.['src/keys.ts']).toEqual(['hasKey']);
    expect(record.roots).toEqual(['src/keys.ts']);
  });

  it('makes roots only of the files that import a handed-on export', async () => {
    const record = await pass({
      ...KEY_MODULES,
      'src/uses-key.ts': "import { openAiKey } from './keys';\nconsole.log(openAiKey());\n",
      'src/uses-wrapped.ts': "import { wrappedKey } from './keys';\nconsole.log(wrappedKey());\n",
      'src/uses-test.ts': "import { hasKey, keyLength } from './keys';\nconsole.log(hasKey(), keyLength());\n",
      'src/uses-client.ts': "import { client } from './keys';\nexport const models = () => client.models.list();\n",
    });
    expect(record.roots).toEqual(['src/keys.ts', 'src/uses-key.ts', 'src/uses-wrapped.ts']);
    const sinks = record.walks.flatMap(([root, flows]) => flows.map(([, file]) => `${root} -> ${file}`));
    expect(sinks).toEqual(['src/uses-key.ts -> src/uses-key.ts', 'src/uses-wrapped.ts -> src/uses-wrapped.ts']);
  });

  it('an edit that makes an export hand the secret on is seen by a cached scan', async () => {
    const root = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "esnext", "moduleResolution": "bundler" } }\n',
      'src/shape.ts': 'export function shape(text: string): string {\n  return String(text.length);\n}\n',
      'src/keys.ts': "import { shape } from './shape';\n\nexport function label(): string {\n  return shape(process.env.OPENAI_API_KEY ?? '');\n}\n",
      'src/app.ts': "import { label } from './keys';\n\nexport function show(): void {\n  console.log(label());\n}\n",
    });
    const cache = { enabled: true };
    const first = await reports(root, cache);
    expect(JSON.parse(first.json).findings.filter((finding: { ruleId: string }) => finding.ruleId === 'no-secret-in-log')).toEqual([]);
    // The helper now passes the key through: label() hands it to app.ts, which logs it.
    write(root, 'src/shape.ts', 'export function shape(text: string): string {\n  return text.trim();\n}\n');
    const cached = await reports(root, cache);
    expect(cached.leakFullPass).toMatch(/hands on other exports than recorded/);
    const uncached = await reports(root, undefined);
    expect(cached.json).toBe(uncached.json);
    expect(JSON.parse(cached.json).findings.filter((finding: { ruleId: string; file: string }) => finding.ruleId === 'no-secret-in-log').map((finding: { file: string }) => finding.file)).toEqual(['src/app.ts']);
    // And back: the stored record now says label() hands it on; undoing the edit is judged again.
    write(root, 'src/shape.ts', 'export function shape(text: string): string {\n  return String(text.length);\n}\n');
    const undone = await reports(root, cache);
    expect(undone.json).toBe((await reports(root, undefined)).json);
  });
});
