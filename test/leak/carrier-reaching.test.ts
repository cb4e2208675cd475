// Source-reaching files decided per imported name (src/leak/typescript/carrier-reaching.ts): a file
// reaches a source only through an import of something that can carry one, through re-exports and
// barrels too; what a module exports carries by the fixed point of secret-carrying-exports.ts.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { carrierReachingFiles } from '../../src/leak/typescript/carrier-reaching.js';
import { openLeakProject } from '../../src/leak/typescript/project.js';
import { writeTree } from '../support/run-cli.js';

const SOURCE = 'OPENAI_API_KEY';

function reachIn(files: Record<string, string>): { reaching: string[]; carriers: Record<string, string[] | null> } {
  const root = fs.realpathSync(writeTree(files));
  const names = Object.keys(files).filter((name) => name.endsWith('.ts'));
  const project = openLeakProject(root, { files: names.map((name) => path.join(root, name)) });
  const { program } = project.createProgram(names.map((name) => path.join(root, name)));
  const reach = carrierReachingFiles({
    sourceFiles: program.getSourceFiles(),
    isCandidate: (file) => fs.readFileSync(file, 'utf8').includes(SOURCE),
    resolve: (file, specifier) => project.resolveImport(file, specifier),
    namesSource: (text) => text.includes(SOURCE),
    imports: project.imports,
  });
  const rel = (file: string): string => path.relative(root, file);
  return {
    reaching: [...reach.reaching].map(rel).sort(),
    carriers: Object.fromEntries([...reach.carriers].map(([file, names]) => [rel(file), names]).sort()),
  };
}

describe('carrierReachingFiles', () => {
  it('follows carrying names through imports, barrels and storage, and nothing else', () => {
    const { reaching, carriers } = reachIn({
      'src/config.ts': [
        "import { Client } from 'some-sdk';",
        'export const BATCH = 100;',
        'export const client = new Client({ apiKey: process.env.OPENAI_API_KEY });',
        'export function openAiKey(): string { return process.env.OPENAI_API_KEY ?? ""; }',
        'let cache = "";',
        'export function warm(): void { cache = process.env.OPENAI_API_KEY ?? ""; }',
        'export const cached = (): string => cache;',
      ].join('\n'),
      // A barrel: `export *` hands on exactly the carrying names of config.ts.
      'src/index.ts': "export * from './config';\nexport * from './plain';\n",
      'src/plain.ts': 'export const label = "x";\n',
      'src/uses-key.ts': "import { openAiKey } from './index';\nexport const header = () => `Bearer ${openAiKey()}`;\n",
      'src/uses-cached.ts': "import { cached } from './config';\nexport const read = () => cached();\n",
      // Import only what cannot carry: not source-reaching.
      'src/uses-batch.ts': "import { BATCH, client } from './index';\nexport const size = BATCH;\nexport const c = client;\n",
      'src/uses-plain.ts': "import { label } from './index';\nexport const l = label;\n",
      // Second hop through a carrying export.
      'src/uses-header.ts': "import { header } from './uses-key';\nexport const h = header;\n",
    });
    expect(reaching).toEqual(['src/config.ts', 'src/index.ts', 'src/uses-cached.ts', 'src/uses-header.ts', 'src/uses-key.ts']);
    expect(carriers['src/config.ts']).toEqual(['cached', 'openAiKey', 'warm']);
    expect(carriers['src/index.ts']).toEqual(['cached', 'openAiKey', 'warm']);
    expect(carriers['src/uses-key.ts']).toEqual(['header']);
  });

  it('extends a settled answer for a Program closed under imports as a fresh computation would', () => {
    const files: Record<string, string> = {
      'src/config.ts': 'export function openAiKey(): string { return process.env.OPENAI_API_KEY ?? ""; }\nexport const label = "x";\n',
      'src/index.ts': "export * from './config';\n",
      'src/uses-key.ts': "import { openAiKey } from './index';\nexport const header = () => `Bearer ${openAiKey()}`;\n",
      'src/uses-header.ts': "import { header } from './uses-key';\nexport const h = header;\n",
      'src/uses-label.ts': "import { label } from './config';\nexport const l = label;\n",
    };
    const root = fs.realpathSync(writeTree(files));
    const abs = (name: string): string => path.join(root, name);
    const project = openLeakProject(root, { files: Object.keys(files).map(abs), reuseSourceFiles: true });
    const input = (program: ReturnType<typeof project.createProgram>['program']) => ({
      sourceFiles: program.getSourceFiles(),
      isCandidate: (file: string) => fs.readFileSync(file, 'utf8').includes(SOURCE),
      resolve: (file: string, specifier: string) => project.resolveImport(file, specifier),
      namesSource: (text: string) => text.includes(SOURCE),
      imports: project.imports,
    });
    // The candidates' Program (config.ts and what it imports), then one with every file.
    const first = project.createProgram([abs('src/config.ts')]).program;
    const settled = carrierReachingFiles(input(first));
    const whole = project.createProgram(Object.keys(files).map(abs)).program;
    const extended = carrierReachingFiles(input(whole), { files: new Set(first.getSourceFiles().map((sourceFile) => sourceFile.fileName)), reach: settled });
    const fresh = carrierReachingFiles(input(whole));
    const sorted = (reach: typeof fresh) => ({ reaching: [...reach.reaching].sort(), carriers: [...reach.carriers].sort(([a], [b]) => (a < b ? -1 : 1)) });
    expect(sorted(extended)).toEqual(sorted(fresh));
    expect([...fresh.reaching].map((file) => path.relative(root, file)).sort()).toEqual(['src/config.ts', 'src/index.ts', 'src/uses-header.ts', 'src/uses-key.ts']);
  });
});
