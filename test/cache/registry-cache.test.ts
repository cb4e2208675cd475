// The parsed registry kept in the cache directory (src/cache/registry-cache.ts): a rescan serves it
// only while every source text and the config's secret_patterns are as when it was stored, and a
// planted or damaged registry.json (it lies in the scanned tree) is never trusted.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/core/engine.js';
import { tempDir } from '../support/run-cli.js';
import { cacheProject, REGISTRY, reports, write } from './tree.js';

const CACHE = { enabled: true };
const entryOf = (root: string): string => path.join(root, '.clavis-lint-cache/registry.json');

describe('registry cache', () => {
  it('is written with the cache, served while the sources hold, and missed after a registry edit of the same size', async () => {
    const root = cacheProject();
    await reports(root, undefined);
    expect(fs.existsSync(entryOf(root))).toBe(false); // no cache requested: nothing written
    await reports(root, CACHE);
    const stored = JSON.parse(fs.readFileSync(entryOf(root), 'utf8')) as { registry: { secrets: Array<{ id: string; kind: string }> } };
    expect(stored.registry.secrets.map((s) => `${s.id} ${s.kind}`)).toEqual(['OpenAiKey secret', 'StripeKey secret']);
    const again = await reports(root, CACHE);
    expect(again.hits).toBeGreaterThan(0); // the scan key (which hashes the registry) held
    // Served from the entry, not parsed: a mark put in the stored registry (well-formed, same key) comes back.
    const marked = JSON.parse(fs.readFileSync(entryOf(root), 'utf8')) as { registry: { secrets: Array<{ description?: string }> } };
    marked.registry.secrets[0].description = 'served from registry.json';
    fs.writeFileSync(entryOf(root), JSON.stringify(marked));
    const served = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30', cache: CACHE });
    expect(served.prepared.registry.secrets[0].description).toBe('served from registry.json');

    // The same byte count, so only the text tells them apart: the registry's entry must miss, or
    // the stale registry (and with it the scan key, hence every stored file) would be served.
    const edited = REGISTRY.replace('    env: STRIPE_SECRET_KEY', '    env: STRIPE_SECRET_KEZ');
    expect(edited.length).toBe(REGISTRY.length);
    write(root, 'secrets.registry.yaml', edited);
    const cached = await reports(root, CACHE);
    const uncached = await reports(root, undefined);
    expect(cached.json).toBe(uncached.json);
    expect(cached.sarif).toBe(uncached.sarif);
    expect(cached.json).toContain('STRIPE_SECRET_KEY'); // now unregistered: reported as such
    expect(fs.readFileSync(entryOf(root), 'utf8')).toContain('STRIPE_SECRET_KEZ');
  });

  it('is missed when secret_patterns change (they decide guessed kinds)', async () => {
    const root = cacheProject();
    write(root, 'secrets.registry.yaml', 'version: 1\nsecrets:\n  - id: OpenAiKey\n    env: OPENAI_API_KEY\n  - id: StripeKey\n    env: STRIPE_SECRET_KEY\n    kind: secret\n');
    await reports(root, CACHE);
    write(root, '.clavis-lint.yaml', "registry: secrets.registry.yaml\nsecret_patterns: ['^NOTHING_MATCHES$']\n");
    const cached = await reports(root, CACHE);
    const uncached = await reports(root, undefined);
    expect(cached.json).toBe(uncached.json);
    expect((JSON.parse(fs.readFileSync(entryOf(root), 'utf8')) as { registry: { secrets: Array<{ kindSource: string }> } }).registry.secrets[0].kindSource).not.toBe('pattern');
  });

  it('ignores a damaged, foreign or ill-shaped registry.json and reports as without a cache', async () => {
    const root = cacheProject();
    const plain = await reports(root, undefined);
    await reports(root, CACHE);
    const good = JSON.parse(fs.readFileSync(entryOf(root), 'utf8')) as { format: string; key: string; registry: { secrets: Array<Record<string, unknown>>; resolver: Record<string, unknown> } };
    const shaped = (change: (doc: typeof good) => void): string => {
      const doc = structuredClone(good);
      change(doc);
      return JSON.stringify(doc);
    };
    const planted: Array<[string, string]> = [
      ['not JSON', '{"format": "clavis-lint-registry/1", '],
      ['another format', shaped((doc) => (doc.format = 'clavis-lint-registry/0'))],
      ['another key', shaped((doc) => (doc.key = '0'.repeat(64)))],
      ['a kind outside the model', shaped((doc) => (doc.registry.secrets[0].kind = 'password'))],
      ['a field the model does not have', shaped((doc) => (doc.registry.secrets[0].extra = true))],
      ['a list that is not one', shaped((doc) => (doc.registry.resolver.paths = 'src/**'))],
      ['an origin without a line', shaped((doc) => delete (doc.registry.secrets[0].origin as Record<string, unknown>).line)],
      ['no registry', shaped((doc) => delete (doc as Partial<typeof good>).registry)],
    ];
    for (const [name, text] of planted) {
      fs.writeFileSync(entryOf(root), text);
      const cached = await reports(root, CACHE);
      expect(cached.json, name).toBe(plain.json);
      expect(cached.sarif, name).toBe(plain.sarif);
      // Parsed again, hence rewritten whole when the scan saved.
      expect(JSON.parse(fs.readFileSync(entryOf(root), 'utf8')), name).toEqual(good);
    }
    // A link at its name is neither read nor followed when written (a well-formed entry behind it
    // would otherwise be served); a directory there is not read either, and the scan goes on.
    const outside = path.join(tempDir(), 'registry.json');
    fs.writeFileSync(outside, shaped((doc) => (doc.registry.secrets[0].description = 'read through a link')));
    const before = fs.readFileSync(outside, 'utf8');
    fs.rmSync(entryOf(root));
    fs.symlinkSync(outside, entryOf(root));
    const linked = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30', cache: CACHE });
    expect(linked.prepared.registry.secrets[0].description).toBeUndefined();
    expect(fs.readFileSync(outside, 'utf8')).toBe(before);
    expect(fs.lstatSync(entryOf(root)).isFile()).toBe(true); // replaced by the scan's own entry
    fs.rmSync(entryOf(root));
    fs.mkdirSync(entryOf(root));
    expect((await reports(root, CACHE)).json).toBe(plain.json);
  });
});
