// The engine's Python source rounds (src/core/cross-file-summaries.ts): a module that imports
// another's secret-holding value is analysed again even when the prefilter skipped it, wrappers
// hand the secret on over a second module, and a module that names no secret key is left alone.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/engine.js';
import { writeTree } from '../../support/run-cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const REGISTRY = 'version: 1\nsecrets:\n  - { id: GithubToken, env: GITHUB_TOKEN, kind: secret }\n';
// The field name says nothing about secrets, so a module that only reads it passes no prefilter.
const SETTINGS = [
  'from pydantic import Field',
  'from pydantic_settings import BaseSettings',
  '',
  'class Settings(BaseSettings):',
  '    gh: str = Field(alias="GITHUB_TOKEN")',
  '    region: str = "eu"',
  '',
  'settings = Settings()',
  '',
].join('\n');

async function leakLines(files: Record<string, string>): Promise<string[]> {
  const dir = writeTree({ 'secrets.registry.yaml': REGISTRY, '.clavis-lint.yaml': 'registry: secrets.registry.yaml\n', 'app/__init__.py': '', ...files });
  dirs.push(dir);
  const result = await scan({ cwd: dir, paths: [dir], workers: 0 });
  return result.findings.filter((f) => f.ruleId === 'no-secret-in-log').map((f) => `${f.file}:${f.line}`).sort();
}

describe('python cross-file sources in the engine', () => {
  it('analyses a module the prefilter skipped when it reads a secret field of an imported value', async () => {
    expect(await leakLines({
      'app/config.py': SETTINGS,
      'app/show.py': 'from app.config import settings\nprint(settings.gh)\nprint(settings.region)\n',
    })).toEqual(['app/show.py:2']);
  });

  it('follows a wrapper in a second module over a third (a later round)', async () => {
    expect(await leakLines({
      'app/config.py': SETTINGS,
      'app/wrap.py': 'from app.config import settings\n\ndef gh():\n    return settings.gh\n',
      'app/show.py': 'from app.wrap import gh\nprint(gh())\n',
    })).toEqual(['app/show.py:2']);
  });

  it('leaves a module that names none of the secret keys alone (a known limit for a whole-object print there)', async () => {
    expect(await leakLines({
      'app/config.py': SETTINGS,
      'app/show.py': 'from app.config import settings\nprint(settings)\n',
    })).toEqual([]);
  });
});
