// The incremental TypeScript leak pass (src/leak/typescript/incremental.ts): an edit inside the
// leak Program reruns only the roots whose imports reach the edited file, and the report stays
// byte-identical to an uncached scan; a root's walk gives the same flows whichever roots were
// walked before it, in one context or alone in a Program of its own.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTypeScriptLeaks } from '../../src/leak/typescript/analyze.js';
import { RootsRecorder, replay, rerunChangedRoots, type RootsRecord } from '../../src/leak/typescript/incremental.js';
import { openLeakProject } from '../../src/leak/typescript/project.js';
import { frontEndOptionsFor, prepareProject } from '../../src/core/engine.js';
import { writeTree } from '../support/run-cli.js';
import { REGISTRY, reports, write } from './tree.js';
import { walkRootsInOrder } from './walk-roots.js';

const CACHE = { enabled: true };

/** A project with the registry, a tsconfig and src/config.ts (the source `openAiKey()`), plus `files`. */
function projectWith(files: Record<string, string>): string {
  return writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
    'secrets.registry.yaml': REGISTRY,
    'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "esnext", "moduleResolution": "bundler" } }\n',
    'src/config.ts': "export function openAiKey(): string {\n  return process.env.OPENAI_API_KEY ?? '';\n}\n",
    ...files,
  });
}

/** The first cached scan (the same bytes as uncached) and how many roots it walked. */
async function firstScan(root: string): Promise<{ json: string; total: number }> {
  const first = await reports(root, CACHE);
  expect(first.json).toBe((await reports(root, undefined)).json);
  return { json: first.json, total: first.leakRoots?.walked ?? 0 };
}

/** Each edit, then a cached and an uncached scan: the same bytes, and `walked` roots walked again (0: none, the others replayed). */
async function expectReruns(root: string, total: number, steps: Array<[string, () => void, number, { stubs: number }?]>): Promise<void> {
  for (const [name, edit, expected, loaded] of steps) {
    edit();
    const cached = await reports(root, CACHE);
    const uncached = await reports(root, undefined);
    expect(cached.json, name).toBe(uncached.json);
    expect(cached.sarif, name).toBe(uncached.sarif);
    expect(cached.leakRoots ?? { walked: 0, reused: total }, name).toMatchObject({ walked: expected, reused: total - expected });
    // Modules the rerun's Program loaded as stubs of their exports (no walk reads them).
    if (loaded) expect(cached.leakRoots, name).toMatchObject(loaded);
  }
}

function leakProject(): string {
  return projectWith({
    // A second source, named in a root of its own.
    'src/billing.ts': "export function charge(): void {\n  const key = process.env.STRIPE_SECRET_KEY;\n  console.error('stripe', key);\n}\n",
    // log.ts: the flow runs through a helper in another file (util/format.ts).
    'src/util/format.ts': 'export function fmt(text: string): string {\n  return `[${text}]`;\n}\n',
    'src/log.ts': "import { openAiKey } from './config';\nimport { fmt } from './util/format';\n\nexport function start(): void {\n  console.log(fmt(openAiKey()));\n}\n",
    // request.ts alone imports only-request.ts.
    'src/only-request.ts': "export const base = 'https://api.example.test';\n",
    'src/request.ts': "import { openAiKey } from './config';\nimport { base } from './only-request';\nimport { banner } from './util/banner';\n\nexport async function call(): Promise<void> {\n  banner();\n  await fetch(`${base}/v1?key=${openAiKey()}`);\n}\n",
    // banner.ts: imported and called, but with nothing secret and carrying nothing: no walk follows it.
    'src/util/banner.ts': "export function banner(): void {\n  console.log('starting');\n}\n",
    'src/quiet.ts': "/// <reference path=\"./globals.d.ts\" />\nimport { openAiKey } from './config';\n\nexport const hasKey = (): boolean => openAiKey().length > 0;\n",
    'src/globals.d.ts': 'declare function audit(message: string): void;\n',
    'src/other.ts': 'export const greeting = (name: string): string => `hello ${name}`;\n',
  });
}

describe('the TS leak pass reruns only the roots an edit can affect', () => {
  it('edits inside the leak Program: same bytes as uncached, only the affected roots walked', async () => {
    const root = leakProject();
    const first = await reports(root, CACHE);
    expect(first.json).toBe((await reports(root, undefined)).json);
    const rootsOf = (json: string): number => (JSON.parse(json) as { findings: unknown[] }).findings.length;
    expect(rootsOf(first.json)).toBeGreaterThanOrEqual(3); // log, fetch URL, billing
    const total = first.leakRoots?.walked ?? 0;
    expect(total).toBeGreaterThanOrEqual(5); // config, billing, log, request, quiet

    // [step, edit, roots walked: a number (the others replayed), 'none' (all replayed), 'full' for a full pass, 0 for the stored result]
    const steps: Array<[string, () => void, number | 'full' | 'none']> = [
      ['a file imported by one root only', () => write(root, 'src/only-request.ts', "export const base = 'https://api2.example.test';\n"), 1],
      // Loaded (request.ts imports it) but never followed into: no walk depends on its text.
      ['a file a root imports but no walk reaches', () => write(root, 'src/util/banner.ts', "export function banner(): void {\n  console.log('starting up');\n}\n"), 'none'],
      ['a file on a flow path (the helper)', () => write(root, 'src/util/format.ts', 'export function fmt(text: string): string {\n  return `<${text}>`;\n}\n'), 1],
      ['the helper now hides the value', () => write(root, 'src/util/format.ts', 'export function fmt(text: string): string {\n  return String(text.length);\n}\n'), 1],
      ['a root file', () => write(root, 'src/log.ts', "import { openAiKey } from './config';\nimport { fmt } from './util/format';\n\nexport function start(): void {\n  console.log('key:', fmt(openAiKey()), openAiKey());\n}\n"), 1],
      ['a file the Program did not load', () => write(root, 'src/other.ts', 'export const greeting = (name: string): string => `hi ${name}`;\n'), 0],
      ['a .d.ts the Program loaded (global: every root)', () => write(root, 'src/globals.d.ts', 'declare function audit(message: string, level?: number): void;\n'), 'full'],
      ['an import added (the graph changes: full pass)', () => write(root, 'src/only-request.ts', "import { greeting } from './other';\n\nexport const base = greeting('https://api3.example.test');\n"), 'full'],
      // The source module: it and its three importers are rerun, billing.ts is replayed.
      ['the source file itself', () => write(root, 'src/config.ts', "export function openAiKey(): string {\n  return process.env.OPENAI_API_KEY ?? 'none';\n}\n"), 4],
      ['the source file exports one more name', () => write(root, 'src/config.ts', "export const region = 'eu';\n\nexport function openAiKey(): string {\n  return process.env.OPENAI_API_KEY ?? 'none';\n}\n"), 4],
      // A source-reaching file that hands on more than recorded (carrier-reaching.ts): full pass; one
      // that hands on less keeps the recorded (larger) set, which only prunes less.
      ['a reaching root exports one more carrier (full pass)', () => write(root, 'src/log.ts', "import { openAiKey } from './config';\nimport { fmt } from './util/format';\n\nexport function start(): void {\n  console.log('key:', fmt(openAiKey()), openAiKey());\n}\nexport const again = (): string => openAiKey();\n"), 'full'],
      ['and no longer (rerun alone)', () => write(root, 'src/log.ts', "import { openAiKey } from './config';\nimport { fmt } from './util/format';\n\nexport function start(): void {\n  console.log('key:', fmt(openAiKey()), openAiKey());\n}\n"), 1],
      ['a root that names a source no longer does (the roots change: full pass)', () => write(root, 'src/billing.ts', "export function charge(): void {\n  console.error('stripe');\n}\n"), 'full'],
      ['unchanged', () => {}, 0],
    ];
    for (const [name, edit, expected] of steps) {
      edit();
      const cached = await reports(root, CACHE);
      const uncached = await reports(root, undefined);
      expect(cached.json, name).toBe(uncached.json);
      expect(cached.sarif, name).toBe(uncached.sarif);
      if (expected === 0) expect(cached.leakHit, name).toBe(true);
      else if (expected === 'full') expect(cached.leakRoots?.reused, name).toBe(0);
      else if (expected === 'none') expect(cached.leakRoots, name).toMatchObject({ walked: 0, reused: total });
      else expect(cached.leakRoots, name).toMatchObject({ walked: expected, reused: total - expected });
    }
  });

  it('an edit reruns only the roots the checker reached the file from, not every root whose imports lead there', async () => {
    // r.ts and a.ts both have e.ts in their import closure (through m1.ts and m2.ts), but only a.ts's
    // walk follows an import into it (louder calls shout); r.ts's walk reads m1.ts's `plain` alone.
    const root = projectWith({
      'src/e.ts': 'export function shout(text: string): string {\n  return text.toUpperCase();\n}\n',
      'src/m1.ts': "import { shout } from './e';\n\nexport const plain = (text: string): string => text;\nexport const loud = (text: string): string => shout(text);\n",
      'src/m2.ts': "import { shout } from './e';\n\nexport const louder = (text: string): string => shout(text) + '!';\n",
      'src/r.ts': "import { openAiKey } from './config';\nimport { plain } from './m1';\n\nexport function show(): void {\n  console.log(plain(openAiKey()));\n}\n",
      'src/a.ts': "import { openAiKey } from './config';\nimport { louder } from './m2';\n\nexport function yell(): void {\n  console.log(louder(openAiKey()));\n}\n",
    });
    const first = await firstScan(root);
    const found = (json: string): string[] => (JSON.parse(json) as { findings: Array<{ file: string; ruleId: string }> }).findings.map((f) => `${f.file} ${f.ruleId}`);
    expect(found(first.json)).toEqual(['src/a.ts no-secret-in-log', 'src/config.ts no-direct-env-read', 'src/r.ts no-secret-in-log']);
    const total = first.total;
    expect(total).toBe(3); // config, r, a
    const steps: Array<[string, () => void, number]> = [
      // The helper's body: a.ts reads it (through m2.ts), r.ts never did.
      ['the shared helper', () => write(root, 'src/e.ts', 'export function shout(text: string): string {\n  return String(text.length);\n}\n'), 1],
      // Its twin: the function r.ts's walk does read.
      ['the function the other root reads', () => write(root, 'src/m1.ts', "import { shout } from './e';\n\nexport const plain = (text: string): string => text.length > 0 ? 'set' : 'unset';\nexport const loud = (text: string): string => shout(text);\n"), 1],
      ['the helper again (now hiding the value)', () => write(root, 'src/e.ts', 'export function shout(text: string): string {\n  return text.trim();\n}\n'), 1],
    ];
    await expectReruns(root, total, steps);
  });

  it('a module a root reaches only through `export *`, naming none of its exports, is no dependency of that root while its exports keep their shape', async () => {
    // ui/index.ts re-exports icons.ts and format.ts with `export *`: importing `wrap` makes the
    // checker resolve both, but r.ts's walk reads only format.ts until r.ts names `starIcon`.
    const root = projectWith({
      'src/ui/index.ts': "export * from './icons';\nexport * from './format';\n",
      'src/ui/icons.ts': "export const starIcon = (label: string): string => `* ${label}`;\n",
      'src/ui/format.ts': 'export function wrap(text: string): string {\n  return `[${text}]`;\n}\n',
      'src/r.ts': "import { openAiKey } from './config';\nimport { wrap } from './ui';\n\nexport function show(): void {\n  console.log(wrap(openAiKey()));\n}\n",
    });
    const { total } = await firstScan(root);
    expect(total).toBe(2); // config, r
    const steps: Array<[string, () => void, number, { stubs: number }?]> = [
      ['the re-exported module no walk names', () => write(root, 'src/ui/icons.ts', "export const starIcon = (label: string): string => `+ ${label}`;\n"), 0],
      // r.ts is walked again in a Program that loads icons.ts as a stub of its exports.
      ['the re-exported module the walk reads', () => write(root, 'src/ui/format.ts', 'export function wrap(text: string): string {\n  return String(text.length);\n}\n'), 1, { stubs: 1 }],
      ['the first one exports one more name (its shape changed)', () => write(root, 'src/ui/icons.ts', "export const starIcon = (label: string): string => `+ ${label}`;\nexport const wrapAll = (items: string[]): string => items.join(',');\n"), 1],
      ['it now hands the value on, and r.ts names its export', () => {
        write(root, 'src/ui/icons.ts', "export const starIcon = (label: string): string => label;\nexport const wrapAll = (items: string[]): string => items.join(',');\n");
        write(root, 'src/r.ts', "import { openAiKey } from './config';\nimport { starIcon, wrap } from './ui';\n\nexport function show(): void {\n  console.log(wrap(openAiKey()), starIcon(openAiKey()));\n}\n");
      }, 1],
      ['then its body again (named: read)', () => write(root, 'src/ui/icons.ts', "export const starIcon = (label: string): string => label.length > 0 ? 'set' : '';\nexport const wrapAll = (items: string[]): string => items.join(',');\n"), 1],
    ];
    await expectReruns(root, total, steps);
  });

  it('an edit reruns only the roots whose walks can read a statement it changed', async () => {
    // Three roots use src/util/text.ts, each through another export: r1 fmt (which reads inner,
    // then PREFIX), r2 count, r3 label (which reads the import of quote).
    const text = [
      "import { quote } from './quote';",
      'export const label = (name: string): string => quote(name);',
      "const PREFIX = '[';",
      'function inner(text: string): string {\n  return `${PREFIX}${text}]`;\n}',
      'export function fmt(text: string): string {\n  return inner(text);\n}',
      'export function count(text: string): string {\n  return String(text.length);\n}',
      '',
    ].join('\n');
    const rootUsing = (name: string): string => `import { openAiKey } from '../config';\nimport { ${name} } from './util/text';\n\nexport function show(): void {\n  console.log(${name}(openAiKey()));\n}\n`;
    const root = projectWith({
      'src/util/text.ts': text,
      'src/util/quote.ts': 'export function quote(text: string): string {\n  return `"${text}"`;\n}\n',
      'src/app/r1.ts': rootUsing('fmt').replace("'./util/text'", "'../util/text'"),
      'src/app/r2.ts': rootUsing('count').replace("'./util/text'", "'../util/text'"),
      'src/app/r3.ts': rootUsing('label').replace("'./util/text'", "'../util/text'"),
    });
    const { json, total } = await firstScan(root);
    const found = (report: string): string[] => (JSON.parse(report) as { findings: Array<{ file: string; ruleId: string }> }).findings.map((f) => `${f.file} ${f.ruleId}`);
    expect(found(json)).toEqual(['src/app/r1.ts no-secret-in-log', 'src/app/r3.ts no-secret-in-log', 'src/config.ts no-direct-env-read']);
    expect(total).toBe(4); // config, r1, r2, r3
    const edit = (from: string, to: string) => () => write(root, 'src/util/text.ts', fs.readFileSync(path.join(root, 'src/util/text.ts'), 'utf8').replace(from, to));
    // r1's and r3's flows pass through the module (label, inner): an edit above a kept walk's
    // steps moves them with it (the report must still match an uncached scan byte for byte).
    const steps: Array<[string, () => void, number]> = [
      ['a comment at the end', edit('String(text.length);\n}\n', 'String(text.length);\n}\n// formatting helpers\n'), 0],
      // No statement changed; r1's steps in inner and fmt move two lines down with them.
      ['a comment and a blank line above PREFIX', edit("const PREFIX = '[';", "// the opening bracket\n\nconst PREFIX = '[';"), 0],
      ['a comment at the top of the module', edit("import { quote }", "// Text helpers.\nimport { quote }"), 0],
      ['the body of count (r2 alone names it), below the other flows', edit('String(text.length)', 'String(text.trim().length)'), 1],
      ['PREFIX, which fmt reads through inner (r3 reads label, above it)', edit("const PREFIX = '[';", "const PREFIX = '<<';"), 1],
      ['the import label reads, above the steps of r1 (moved along)', edit("from './quote';", "from './quote.js';"), 1],
      ['label on two lines: r1\'s steps one line down', edit('export const label = (name: string): string => quote(name);', 'export const label = (name: string): string =>\n  quote(name);'), 1],
      // A new declaration that shadows the global count calls: count now hands the value on.
      ['a String that shadows the global count calls', edit('// formatting helpers\n', '// formatting helpers\nconst String = (value: unknown): string => `${value as string}`;\n'), 1],
      ['top-level code runs for every root that reads the module', edit('// formatting helpers\n', "// formatting helpers\nconsole.info('text helpers loaded');\n"), 3],
      // A reference to a declaration file no root loaded: its globals are seen from every root.
      ['a `/// <reference>` to a new global file (full pass)', () => {
        write(root, 'src/ambient.d.ts', 'declare function announce(text: string): void;\n');
        const file = path.join(root, 'src/util/text.ts');
        write(root, 'src/util/text.ts', `/// <reference path="../ambient.d.ts" />\n${fs.readFileSync(file, 'utf8')}`);
      }, 4],
      // Now a global file: every root sees it (whichever statements of it a walk reads).
      ['a global augmentation (full pass)', edit('// formatting helpers\n', '// formatting helpers\ndeclare global {\n  var console: Console;\n}\n'), 4],
    ];
    await expectReruns(root, total, steps);
  });

  it('a kept walk whose sink lies below an edit moves with it, and meets a rerun walk at the same sink', async () => {
    // r4 and r5 both reach the console.log in audit; r5 also reads tag, above it.
    const root = projectWith({
      'src/util/audit.ts': "export const tag = (name: string): string => `#${name}`;\nexport function audit(text: string): void {\n  console.log('audit', text);\n}\n",
      'src/r4.ts': "import { openAiKey } from './config';\nimport { audit } from './util/audit';\n\nexport function show(): void {\n  audit(openAiKey());\n}\n",
      'src/r5.ts': "import { openAiKey } from './config';\nimport { audit, tag } from './util/audit';\n\nexport function show(): void {\n  audit(tag(openAiKey()));\n}\n",
    });
    const { json, total } = await firstScan(root);
    expect((JSON.parse(json) as { findings: Array<{ file: string }> }).findings.map((finding) => finding.file)).toContain('src/util/audit.ts');
    await expectReruns(root, total, [
      ['tag on three lines: r5 walks again, r4 kept with its sink two lines down', () => write(root, 'src/util/audit.ts', "export const tag = (name: string): string =>\n  // a tag\n  `#${name}`;\nexport function audit(text: string): void {\n  console.log('audit', text);\n}\n"), 1],
    ]);
  });

  it('a barrel of barrels: a module two `export *` away is read when its exports are named', async () => {
    const root = projectWith({
      'src/utils/index.ts': "export * from './functions';\n",
      'src/utils/functions/index.ts': "export * from './wrap';\nexport * from './other';\n",
      'src/utils/functions/wrap.ts': 'export function wrap(text: string): string {\n  return String(text.length);\n}\n',
      'src/utils/functions/other.ts': "export const spare = (): string => 'spare';\n",
      'src/r.ts': "import { openAiKey } from './config';\nimport { wrap } from './utils';\n\nexport function show(): void {\n  console.log(wrap(openAiKey()));\n}\n",
    });
    const { total } = await firstScan(root);
    await expectReruns(root, total, [
      // The body now hands the value on: r.ts reports a leak, as an uncached scan does.
      ['the module r.ts names, two barrels away', () => write(root, 'src/utils/functions/wrap.ts', 'export function wrap(text: string): string {\n  return `[${text}]`;\n}\n'), 1],
      ['its neighbour no file names', () => write(root, 'src/utils/functions/other.ts', "export const spare = (): string => 'another';\n"), 0],
    ]);
  });

  it('a dynamic import names its module: only that module counts as read whole', async () => {
    // r1 loads its job lazily (`import('./job')`) and uses fmt; r2 indexes the helpers' namespace.
    const root = projectWith({
      'src/util/text.ts': 'export function fmt(text: string): string {\n  return `[${text}]`;\n}\nexport function count(text: string): string {\n  return String(text.length);\n}\n',
      'src/job.ts': "export const run = (): string => 'done';\n",
      'src/r1.ts': "import { openAiKey } from './config';\nimport { fmt } from './util/text';\n\nexport async function show(): Promise<void> {\n  const job = await import('./job');\n  console.log(fmt(openAiKey()), job.run());\n}\n",
      'src/r2.ts': "import { openAiKey } from './config';\nimport * as text from './util/text';\n\nexport function show(name: string): void {\n  console.log((text as Record<string, (value: string) => string>)[name]!(openAiKey()));\n}\n",
    });
    const { total } = await firstScan(root);
    expect(total).toBe(3); // config, r1, r2
    await expectReruns(root, total, [
      // count: r1 names only fmt (and its job is another module); r2 reaches every export unnamed.
      ['a declaration r1 does not name', () => write(root, 'src/util/text.ts', 'export function fmt(text: string): string {\n  return `[${text}]`;\n}\nexport function count(text: string): string {\n  return text;\n}\n'), 1],
      ['the one it names', () => write(root, 'src/util/text.ts', 'export function fmt(text: string): string {\n  return `<${text}>`;\n}\nexport function count(text: string): string {\n  return text;\n}\n'), 2],
    ]);
  });

  it('a file over the size limit, which the pass skips, does not make every edit run the whole pass', async () => {
    const root = projectWith({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\nmax_file_bytes: 4096\n',
      'src/util/format.ts': 'export function fmt(text: string): string {\n  return `[${text}]`;\n}\n',
      'src/log.ts': "import { openAiKey } from './config';\nimport { fmt } from './util/format';\n\nexport function start(): void {\n  console.log(fmt(openAiKey()));\n}\n",
      // Generated data over the limit: the front end reports it, the leak pass skips it.
      'src/generated/big.ts': `export const rows = [\n${'  "row",\n'.repeat(600)}];\n`,
    });
    const { total } = await firstScan(root);
    expect(total).toBe(2); // config, log
    await expectReruns(root, total, [
      ['the helper log.ts reads', () => write(root, 'src/util/format.ts', 'export function fmt(text: string): string {\n  return `<${text}>`;\n}\n'), 1],
      ['the oversized file itself, still oversized', () => write(root, 'src/generated/big.ts', `export const rows = [\n${'  "row",\n'.repeat(700)}];\n`), 0],
    ]);
  });

  it("a root's walk does not depend on the roots walked before it", async () => {
    const { root, options, files, keys, recorder } = await recordingSetup();
    const full = await analyzeTypeScriptLeaks({ root, files, options, observer: recorder });
    const record = recorder.record() as RootsRecord;
    expect(record).toBeDefined();
    expect(record.walks.some(([, adds]) => adds.length > 0)).toBe(true);
    // Replaying the recorded walks gives the pass's own result.
    const replayed = replay(record, keys);
    expect(JSON.stringify([...replayed.facts])).toBe(JSON.stringify([...full.facts]));
    expect(replayed.errors).toEqual(full.errors);

    const scanned = new Set(files);
    const walkAll = (order: string[], program: Parameters<typeof walkRootsInOrder>[2]): Map<string, string> => walkRootsInOrder({ root, options, calleeNames: new Set(Object.values(record.reaching).flat()), keys, scanned }, order, program);
    const recorded = new Map(record.walks.map(([file, adds, types, error]) => [file, JSON.stringify([adds, types, error])]));
    // All roots in reverse order, in one context.
    const project = openLeakProject(root);
    const reversed = walkAll([...record.roots].reverse(), project.createProgram([...record.roots, ...record.global].map(keys.abs)).program);
    for (const [file, walk] of recorded) expect(reversed.get(file), file).toBe(walk);
    // Each root alone, in a Program of just it and the global files.
    for (const [file, walk] of recorded) {
      const alone = walkAll([file], openLeakProject(root).createProgram([file, ...record.global].map(keys.abs)).program);
      expect(alone.get(file), file).toBe(walk);
    }
  });

  it('a rerun loads only the files the checker reaches, and walks as with the whole closure', async () => {
    const { root, options, files, keys, recorder } = await recordingSetup();
    // request.ts now has util/format.ts in its closure (through only-request.ts), but its walk
    // never asks for it (only log.ts's walk does): the per-root guess leaves it out.
    write(root, 'src/only-request.ts', "import { fmt } from './util/format';\n\nexport const base = 'https://api.example.test';\nexport const banner = fmt('request');\n");
    await analyzeTypeScriptLeaks({ root, files, options, observer: recorder });
    const record = recorder.record() as RootsRecord;
    expect(record.reached).toEqual(expect.arrayContaining(['src/config.ts', 'src/util/format.ts']));
    const recorded = new Map(record.walks.map((walk) => [walk[0], JSON.stringify(walk)]));
    const readText = (abs: string): string => fs.readFileSync(abs, 'utf8');
    expect(Object.keys(record.reachedBy ?? {}).sort()).toEqual([...record.roots].sort());
    // With the per-root hint (reachedBy), with the wide one only (reached), with a per-root hint
    // that falls short (every list empty: misses, then widened), and with none (every import the
    // checker follows is then a miss first): each root rerun as if edited walks as the full pass did.
    const variants: Array<[string, RootsRecord]> = [
      ['per-root hint', record],
      ['per-root hint, no edges', { ...record, reachedEdges: undefined }],
      ['wide hint', { ...record, reachedBy: undefined, reachedEdges: undefined }],
      ['short per-root hint', { ...record, reachedBy: Object.fromEntries(record.roots.map((file) => [file, []])), reachedEdges: undefined }],
      ['short per-root hint, with edges', { ...record, reachedBy: Object.fromEntries(record.roots.map((file) => [file, []])) }],
      // Edges without the roots' own (their imports are then missed first), the rest as recorded.
      ['short edges', { ...record, reachedBy: Object.fromEntries(record.roots.map((file) => [file, []])), reachedEdges: Object.fromEntries(Object.entries(record.reachedEdges ?? {}).filter(([file]) => !record.roots.includes(file))) }],
      ['no hint', { ...record, reached: [], reachedBy: undefined, reachedEdges: undefined }],
    ];
    const programFiles = new Map<string, Map<string, number>>();
    for (const [hint, variant] of variants) {
      const programs: number[] = [];
      const sizes = new Map<string, number>();
      programFiles.set(hint, sizes);
      for (const file of record.roots) {
        const rerun = rerunChangedRoots({ root, options, files, record: variant, changed: [file], keys, readText });
        if (!rerun) continue;
        programs.push(rerun.attempts);
        sizes.set(file, rerun.programFiles);
        for (const walk of rerun.record.walks) expect(JSON.stringify(walk), `${hint}, ${file} edited: ${walk[0]}`).toBe(recorded.get(walk[0]));
        // What the rerun root reached this time joins its list (the next rerun's guess).
        if (variant.reachedBy) expect(rerun.record.reachedBy?.[file], `${hint}, ${file}`).toEqual(expect.arrayContaining(variant.reachedBy[file] ?? []));
      }
      expect(programs.length, hint).toBeGreaterThanOrEqual(3);
      if (hint === 'wide hint') expect(programs.every((count) => count === 1)).toBe(true);
      if (hint === 'no hint' || hint === 'short per-root hint' || hint === 'short edges') expect(programs.some((count) => count > 1), hint).toBe(true);
      // The recorded edges (what the checker resolved from where, in any root's walk) make up for
      // the roots' own lists, which lack what an earlier root's walk resolved first.
      if (hint === 'short per-root hint, with edges' || hint === 'per-root hint') expect(programs.every((count) => count === 1), hint).toBe(true);
    }
    // A miss widens by the edges from what was missed, not to all that any walk reached in the
    // closure: request.ts's closure holds util/format.ts, which no walk reached from it.
    expect(record.reachedEdges?.['src/request.ts']).toBeDefined();
    expect(programFiles.get('short edges')!.get('src/request.ts')).toBeLessThan(programFiles.get('short per-root hint')!.get('src/request.ts')!);
    // The per-root guess loads no more than the wide one, and less for a root whose walk reached
    // only part of its closure.
    const perRoot = programFiles.get('per-root hint, no edges')!;
    const wide = programFiles.get('wide hint')!;
    for (const [file, count] of perRoot) expect(count, file).toBeLessThanOrEqual(wide.get(file)!);
    expect([...perRoot].some(([file, count]) => count < wide.get(file)!)).toBe(true);
  });
});

/** The leak project, its front-end options, the files of the pass and a recorder of its walks. */
async function recordingSetup() {
  const root = leakProject();
  const prepared = await prepareProject({ cwd: root });
  const options = { ...frontEndOptionsFor(prepared.config, prepared.registry), leakAnalysis: true };
  const files = ['src/config.ts', 'src/billing.ts', 'src/util/format.ts', 'src/log.ts', 'src/only-request.ts', 'src/request.ts', 'src/quiet.ts', 'src/globals.d.ts', 'src/other.ts'].map((file) => path.join(root, file));
  const keys = { rel: (abs: string) => path.relative(root, abs).split(path.sep).join('/'), abs: (rel: string) => path.resolve(root, rel) };
  return { root, options, files, keys, recorder: new RootsRecorder(keys) };
}
