import { describe, expect, it } from 'vitest';
import { envReads } from './front-end-harness.js';

describe('TypeScript front end on JavaScript files', () => {
  it('reads env in CommonJS with require and module.exports', () => {
    const source = "const { env } = require('process');\nmodule.exports = { key: env.OPENROUTER_API_KEY, all: { ...process.env } };";
    expect(envReads(source, {}, 'lib/config.cjs')).toEqual([
      { name: 'OPENROUTER_API_KEY', api: 'process.env', text: 'env.OPENROUTER_API_KEY' },
      { name: null, api: 'process.env', text: 'process.env', enumerates: true },
    ]);
  });

  it('reads env inside JSX in .jsx and .tsx files', () => {
    const source = 'export const App = () => <a href={process.env.PUBLIC_URL}>{import.meta.env.VITE_TITLE}</a>;';
    for (const file of ['src/App.jsx', 'src/App.tsx']) {
      expect(envReads(source, {}, file).map((read) => [read.name, read.text])).toEqual([
        ['PUBLIC_URL', 'process.env.PUBLIC_URL'],
        ['VITE_TITLE', 'import.meta.env.VITE_TITLE'],
      ]);
    }
  });

  it('counts columns in UTF-16 code units after astral characters', () => {
    const source = "const label = '🔑'; const k = process.env.A;";
    const [read] = envReads(source, {}, 'src/a.mjs');
    expect(read.text).toBe('process.env.A');
  });
});
