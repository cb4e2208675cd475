// The leak pass takes the TS/JS texts the front end already decoded instead of reading every file
// again (src/core/project-texts.ts `takeScripts`, src/leak/typescript/analyze.ts `texts`). Every
// pass decodes a file as the front end does, without a leading byte-order mark (as tsc and ESLint
// read it), so a handed-over text equals a read one and line 1 has one set of columns.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTypeScriptLeaks } from '../../src/leak/typescript/analyze.js';
import { frontEndOptionsFor, prepareProject, scan } from '../../src/core/engine.js';
import { ProjectTexts } from '../../src/core/project-texts.js';
import { registryTree } from '../cache/tree.js';

const LOGS_KEY = "console.log(process.env.OPENAI_API_KEY);\n";

describe('texts handed from the front end to the leak pass', () => {
  it('keeps TS/JS texts only when asked, by absolute path, once', () => {
    const texts = new ProjectTexts('/repo', { keepScripts: true });
    texts.remember('src/a.ts', 'typescript', 'a');
    texts.remember('src/b.js', 'javascript', 'b');
    texts.remember('src/c.py', 'python', 'c');
    expect(texts.peek('src/a.ts')).toBe('a');
    expect([...texts.takeScripts()]).toEqual([
      [path.join('/repo', 'src/a.ts'), 'a'],
      [path.join('/repo', 'src/b.js'), 'b'],
    ]);
    expect(texts.takeScripts().size).toBe(0);
    const off = new ProjectTexts('/repo');
    off.remember('src/a.ts', 'typescript', 'a');
    expect(off.takeScripts().size).toBe(0);
  });

  it('decides which files name a source from the handed-over texts, reads the others, and empties the map', async () => {
    const root = registryTree({ 'src/log.ts': LOGS_KEY });
    const prepared = await prepareProject({ cwd: root });
    const options = { ...frontEndOptionsFor(prepared.config, prepared.registry), leakAnalysis: true };
    const file = path.join(root, 'src/log.ts');
    const read = await analyzeTypeScriptLeaks({ root, files: [file], options });
    expect((read.facts.get(file) ?? []).map((fact) => fact.kind)).toEqual(['leak']);
    // A text that names no source: had the pass read the file, it would have found the leak.
    const texts = new Map([[file, 'export const n = 1;\n']]);
    const handed = await analyzeTypeScriptLeaks({ root, files: [file], options, texts });
    expect(handed.facts.size).toBe(0);
    expect(texts.size).toBe(0);
  });

  it('reports a leak on the first line of a file with a byte-order mark in the column the front end and ESLint give (the mark is not counted)', async () => {
    const columns = async (text: string): Promise<number[]> => {
      const root = registryTree({ 'src/log.ts': text });
      const result = await scan({ cwd: root, paths: [root], today: '2026-11-30' });
      return result.findings.filter((f) => f.ruleId === 'no-secret-in-log').map((f) => f.column);
    };
    const plain = await columns(LOGS_KEY);
    expect(plain).toHaveLength(1);
    expect(await columns('\uFEFF' + LOGS_KEY)).toEqual(plain);
  });
});
