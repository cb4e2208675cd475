// Each root of the TS leak pass walks as it would alone (src/leak/typescript/memo-monitor.ts), also
// when two roots meet one mutually recursive pair of helpers from different ends: the full pass's
// walk of a root equals its walk in reverse order and alone, and an edit that reruns one of the
// two roots is incremental (no full pass) and gives the uncached report byte for byte.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTypeScriptLeaks } from '../../src/leak/typescript/analyze.js';
import { RootsRecorder, type RootsRecord } from '../../src/leak/typescript/incremental.js';
import { openLeakProject } from '../../src/leak/typescript/project.js';
import { frontEndOptionsFor, prepareProject } from '../../src/core/engine.js';
import { writeTree } from '../support/run-cli.js';
import { REGISTRY, reports, write } from './tree.js';
import { walkRootsInOrder } from './walk-roots.js';

// shout and whisper call each other. Walked from shout (first.ts), whisper's summary is computed
// while shout is pending: it sees no sink. Walked from whisper (second.ts), shout's log reaches
// whisper's parameter. Before each root walked alone, second.ts walked after first.ts read the
// first root's whisper and found no flow.
const HELPERS = [
  'export function shout(text: string, depth: number): string {',
  '  if (depth > 0) return whisper(text, depth - 1);',
  '  console.log(text);',
  "  return '';",
  '}',
  '',
  'export function whisper(text: string, depth: number): string {',
  '  if (depth > 0) return shout(text, depth - 1);',
  '  return text;',
  '}',
  '',
].join('\n');

function recursiveProject(): string {
  return writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
    'secrets.registry.yaml': REGISTRY,
    'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "esnext", "moduleResolution": "bundler" } }\n',
    'src/helpers.ts': HELPERS,
    'src/first-only.ts': "export const firstLabel = 'first';\n",
    'src/second-only.ts': "export const secondLabel = 'second';\n",
    'src/first.ts': "import { shout } from './helpers';\nimport { firstLabel } from './first-only';\n\nexport function first(): string {\n  return firstLabel + shout(process.env.OPENAI_API_KEY ?? '', 2);\n}\n",
    'src/second.ts': "import { whisper } from './helpers';\nimport { secondLabel } from './second-only';\n\nexport function second(): string {\n  return secondLabel + whisper(process.env.STRIPE_SECRET_KEY ?? '', 2);\n}\n",
  });
}

const FILES = ['src/helpers.ts', 'src/first-only.ts', 'src/second-only.ts', 'src/first.ts', 'src/second.ts'];

describe('TS leak roots are independent of the roots walked before them', () => {
  it('a root that enters a recursive pair from the other end walks as it does alone', async () => {
    const { recorded } = await expectWalksAsAlone(recursiveProject(), FILES, ['src/first.ts', 'src/second.ts']);
    // second.ts's own flow: STRIPE_SECRET_KEY into whisper, on to shout's log.
    expect(recorded.get('src/second.ts')).toContain('STRIPE_SECRET_KEY');
  });

  it('the sinks of a client kept in a field are those of the argument the root gives, not of the first root', async () => {
    // Api keeps an axios client built from both arguments; ping() logs a failed request's headers.
    // first.ts gives the key (in the headers: logged), second.ts the base URL (not in the headers).
    const root = writeTree({
      '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n',
      'secrets.registry.yaml': REGISTRY,
      'tsconfig.json': '{ "compilerOptions": { "strict": false, "module": "esnext", "moduleResolution": "bundler" } }\n',
      'src/api.ts': [
        "import axios from 'axios';",
        '',
        'export class Api {',
        '  private http;',
        '  constructor(key: string, base: string) {',
        '    this.http = axios.create({ baseURL: base, headers: { Authorization: key } });',
        '  }',
        '  async ping(): Promise<void> {',
        '    try {',
        "      await this.http.get('/ping');",
        '    } catch (error) {',
        '      console.log(error.config.headers);',
        '    }',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/first.ts': "import { Api } from './api';\n\nexport const first = new Api(process.env.OPENAI_API_KEY ?? '', 'https://eu.example.test');\n",
      'src/second.ts': "import { Api } from './api';\n\nexport const second = new Api('public', process.env.STRIPE_SECRET_KEY ?? '');\n",
    });
    const { recorded } = await expectWalksAsAlone(root, ['src/api.ts', 'src/first.ts', 'src/second.ts'], ['src/first.ts', 'src/second.ts']);
    expect(recorded.get('src/first.ts')).toContain('OPENAI_API_KEY');
    expect(recorded.get('src/second.ts')).not.toContain('STRIPE_SECRET_KEY');
  });

  it('an edit that reruns either root is incremental and equals an uncached scan', async () => {
    const root = recursiveProject();
    const cache = { enabled: true };
    const first = await reports(root, cache);
    expect(first.json).toBe((await reports(root, undefined)).json);
    expect(first.leakRoots?.walked).toBe(2);
    // Rerun first.ts (second.ts replayed after it), then second.ts alone (first.ts replayed).
    const steps: Array<[string, string, string]> = [
      ['the file only first.ts imports', 'src/first-only.ts', "export const firstLabel = 'first, edited';\n"],
      ['the file only second.ts imports', 'src/second-only.ts', "export const secondLabel = 'second, edited';\n"],
    ];
    for (const [name, file, text] of steps) {
      write(root, file, text);
      const cached = await reports(root, cache);
      expect(cached.leakFullPass, name).toBeUndefined();
      expect(cached.leakRoots, name).toMatchObject({ walked: 1, reused: 1 });
      const uncached = await reports(root, undefined);
      expect(cached.json, name).toBe(uncached.json);
      expect(cached.sarif, name).toBe(uncached.sarif);
    }
  });
});

/**
 * Runs the pass on `root` with a recorder, checks its roots, and checks that each recorded walk
 * equals the root's walk in reverse order (one context, as the pass walks) and alone in a Program
 * of its own. Returns the recorded walks (root -> JSON of flows, leaky-type facts, failure).
 */
async function expectWalksAsAlone(root: string, relativeFiles: string[], roots: string[]): Promise<{ recorded: Map<string, string> }> {
  const prepared = await prepareProject({ cwd: root });
  const options = { ...frontEndOptionsFor(prepared.config, prepared.registry), leakAnalysis: true };
  const files = relativeFiles.map((file) => path.join(root, file));
  const keys = { rel: (abs: string) => path.relative(root, abs).split(path.sep).join('/'), abs: (rel: string) => path.resolve(root, rel) };
  const recorder = new RootsRecorder(keys);
  await analyzeTypeScriptLeaks({ root, files, options, observer: recorder });
  const record = recorder.record() as RootsRecord;
  expect(record.roots).toEqual(roots);
  const recorded = new Map(record.walks.map(([file, adds, types, error]) => [file, JSON.stringify([adds, types, error])]));
  const scanned = new Set(files);
  const calleeNames = new Set(Object.values(record.reaching).flat());
  const walkAll = (order: string[], program: Parameters<typeof walkRootsInOrder>[2]): Map<string, string> => walkRootsInOrder({ root, options, calleeNames: calleeNames, keys, scanned }, order, program);
  const reversed = walkAll([...record.roots].reverse(), openLeakProject(root).createProgram(record.roots.map(keys.abs)).program);
  for (const [file, walk] of recorded) expect(reversed.get(file), `${file}, reverse order`).toBe(walk);
  for (const [file, walk] of recorded) {
    const alone = walkAll([file], openLeakProject(root).createProgram([keys.abs(file)]).program);
    expect(alone.get(file), `${file}, alone`).toBe(walk);
  }
  return { recorded };
}
