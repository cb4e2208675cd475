// A scan whose inputs are all unchanged replays the last report (src/cache/report-replay.ts): the
// same bytes as an uncached scan in every format, and any change of an input (a file's stat, a
// file added, the date, a rule level, the scanned paths, a file the leak pass loaded beyond the
// scanned ones) scans again. The hasher's clock runs an hour ahead: the files are then older than
// the racy window, and their stats are trusted (as a minute after writing them would make them).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scan, type ScanOptions } from '../../src/core/engine.js';
import { setHasherClockForTests } from '../../src/cache/file-hasher.js';
import { formatResult, type ReportFormat } from '../../src/reporters/index.js';
import { ALL_RULES } from '../../src/rules/index.js';
import { cacheProject, REGISTRY, registryTree, write } from './tree.js';

const HOUR = 3_600_000;
beforeEach(() => setHasherClockForTests(() => Date.now() + HOUR));
afterEach(() => setHasherClockForTests(undefined));

interface Run {
  text: string;
  replayed: boolean;
}

async function report(root: string, format: ReportFormat, cached: boolean, extra: Partial<ScanOptions> = {}): Promise<Run> {
  const result = await scan({
    cwd: root,
    paths: [root],
    workers: 0,
    today: '2026-11-30',
    ...(cached ? { cache: { enabled: true }, replay: { sourceLines: format === 'text' } } : {}),
    ...extra,
  });
  const ctx = { rules: ALL_RULES.map((r) => r.meta), toolVersion: '0.0.0-test', color: false, sourceLines: result.sourceLines, includeSuppressed: false, timing: false };
  return { text: formatResult(format, result, ctx), replayed: result.cache?.replayed === true };
}

/** A cached scan, and whether it matched an uncached scan of the same tree. */
async function cachedMatches(root: string, format: ReportFormat, extra: Partial<ScanOptions> = {}): Promise<Run & { same: boolean }> {
  const cached = await report(root, format, true, extra);
  const plain = await report(root, format, false, extra);
  return { ...cached, same: cached.text === plain.text };
}

describe('an unchanged tree replays its last report', () => {
  for (const format of ['json', 'sarif', 'text', 'markdown', 'compact', 'github'] as const) {
    it(`byte for byte in ${format}`, async () => {
      const root = cacheProject();
      const first = await cachedMatches(root, format);
      expect(first.replayed).toBe(false);
      expect(first.same).toBe(true);
      const second = await cachedMatches(root, format);
      expect(second.replayed).toBe(true);
      expect(second.same).toBe(true);
      if (format === 'text') expect(second.text).toContain("console.log('key', openAiKey());"); // the stored source line of the leak
    });
  }

  it('stores what reports show, not what they do not: no suppression justification, no constant value', async () => {
    const root = cacheProject();
    write(root, 'src/quiet.ts', "// clavis-lint-disable-next-line no-direct-env-read -- kept for quokka-justification\nexport const k = process.env.STRIPE_SECRET_KEY;\n");
    await report(root, 'text', true);
    const stored = fs.readFileSync(path.join(root, '.clavis-lint-cache/report.json'), 'utf8');
    expect(stored).toContain('src/quiet.ts'); // the suppressed finding is counted ...
    expect(stored).not.toContain('quokka-justification'); // ... without the comment's text
    expect(stored).not.toContain('quokka-constant-value');
    expect((await cachedMatches(root, 'markdown')).replayed).toBe(true);
  });
});

describe('any change of an input scans again, with the uncached report', () => {
  it('a file touched, edited, added or deleted; the registry edited', async () => {
    const root = cacheProject();
    await report(root, 'json', true);
    const steps: Array<[string, () => void]> = [
      ['touched (same bytes, new ctime)', () => fs.utimesSync(path.join(root, 'src/other.ts'), new Date(), new Date())],
      ['edited', () => write(root, 'src/other.ts', 'export const leak = (): void => console.log(process.env.STRIPE_SECRET_KEY);\n')],
      ['added', () => write(root, 'src/added.ts', 'export const added = process.env.OPENAI_API_KEY;\n')],
      ['deleted', () => fs.rmSync(path.join(root, 'app/worker.py'))],
      ['the registry edited', () => write(root, 'secrets.registry.yaml', REGISTRY.replace('    kind: secret\n  - id: StripeKey', '    kind: config\n  - id: StripeKey'))],
    ];
    for (const [name, change] of steps) {
      change();
      const changed = await cachedMatches(root, 'json');
      expect(changed.replayed, name).toBe(false);
      expect(changed.same, name).toBe(true);
      const again = await cachedMatches(root, 'json');
      expect(again.replayed, `${name}, then unchanged`).toBe(true);
      expect(again.same, `${name}, then unchanged`).toBe(true);
    }
  });

  it('another date, rule level or scanned path', async () => {
    const root = cacheProject();
    await report(root, 'json', true);
    for (const [name, extra] of [
      ['--today', { today: '2031-01-01' }],
      ['--rule', { ruleOverrides: { 'no-direct-env-read': 'off' as const } }],
      ['a path', { paths: [path.join(root, 'src')] }],
    ] as const) {
      const other = await cachedMatches(root, 'json', extra);
      expect(other.replayed, name).toBe(false);
      expect(other.same, name).toBe(true);
    }
  });

  it('a text report needs the stored source lines: a JSON run stores none', async () => {
    const root = cacheProject();
    await report(root, 'json', true);
    const text = await cachedMatches(root, 'text');
    expect(text.replayed).toBe(false);
    expect(text.same).toBe(true);
    expect((await cachedMatches(root, 'text')).replayed).toBe(true);
    expect((await cachedMatches(root, 'json')).replayed).toBe(true); // lines are extra for JSON
  });

  it('a file the leak pass loaded but the scan excludes', async () => {
    const root = registryTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\nexclude: ["vendor/**"]\n',
      'vendor/wrap.ts': 'export function wrap(value: string): string {\n  return `[${value}]`;\n}\n',
      'src/log.ts': "import { wrap } from '../vendor/wrap';\n\nexport function start(): void {\n  console.log('key', wrap(process.env.OPENAI_API_KEY ?? ''));\n}\n",
    });
    const first = await report(root, 'json', true);
    expect(first.text).toContain('no-secret-in-log'); // the value goes through the excluded file
    expect((await report(root, 'json', true)).replayed).toBe(true);
    write(root, 'vendor/wrap.ts', "export function wrap(value: string): string {\n  return value.length > 0 ? 'set' : 'unset';\n}\n");
    const edited = await cachedMatches(root, 'json');
    expect(edited.replayed).toBe(false);
    expect(edited.same).toBe(true);
    expect(edited.text).not.toContain('no-secret-in-log');
  });
});

describe('a report.json the scan did not write', () => {
  for (const [name, text] of [
    ['not JSON', '{"format":'],
    ['another shape', JSON.stringify({ format: 'clavis-lint-report/1', key: 'k', stats: {}, report: { findings: 'all' } })],
    ['a finding of the wrong shape', JSON.stringify({ format: 'clavis-lint-report/1', key: 'k', stats: {}, report: { findings: [{ ruleId: 1 }], suppressed: [], errors: [], stats: { files: 1, filesByLanguage: {} } } })],
  ] as const) {
    it(`is ignored: ${name}`, async () => {
      const root = cacheProject();
      await report(root, 'json', true);
      fs.writeFileSync(path.join(root, '.clavis-lint-cache/report.json'), text);
      const run = await cachedMatches(root, 'json');
      expect(run.replayed).toBe(false);
      expect(run.same).toBe(true);
    });
  }
});
