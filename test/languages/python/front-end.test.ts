import { describe, expect, it } from 'vitest';
import type { EnvReadFact, Fact } from '../../../src/core/facts.js';
import { analyzePython, isPythonTestPath, pythonFrontEnd } from '../../../src/languages/python/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

async function facts(code: string, file = 'app/main.py'): Promise<Fact[]> {
  return (await analyzePython(file, code, fixtureOptions())).facts;
}

async function reads(code: string, file?: string): Promise<Array<Pick<EnvReadFact, 'name' | 'api' | 'enumerates'>>> {
  return (await facts(code, file))
    .filter((f): f is EnvReadFact => f.kind === 'env-read' && !f.access)
    .map(({ name, api, enumerates }) => ({ name, api, ...(enumerates ? { enumerates } : {}) }));
}

describe('python env reads', () => {
  it('recognises os.environ, os.getenv, environb and from-imports with renames', async () => {
    const code = [
      'import os',
      'import os as o',
      'from os import environ, getenv as ge, environ as E',
      'a = os.environ["A_KEY"]',
      'b = os.environ.get("B_KEY", "d")',
      'c = os.getenv("C_KEY")',
      'd = o.environb[b"D_KEY"]',
      'e = environ.get("E_KEY")',
      'f = environ["F_KEY"]',
      'g = ge("G_KEY")',
      'h = E["H_KEY"]',
      'i = os.environb.get(b"I_KEY")',
    ].join('\n');
    expect(await reads(code)).toEqual([
      { name: 'A_KEY', api: 'os.environ' },
      { name: 'B_KEY', api: 'os.environ.get' },
      { name: 'C_KEY', api: 'os.getenv' },
      { name: 'D_KEY', api: 'os.environb' },
      { name: 'E_KEY', api: 'os.environ.get' },
      { name: 'F_KEY', api: 'os.environ' },
      { name: 'G_KEY', api: 'os.getenv' },
      { name: 'H_KEY', api: 'os.environ' },
      { name: 'I_KEY', api: 'os.environb.get' },
    ]);
  });

  it('resolves module and function constants, f-strings and concatenation', async () => {
    const code = [
      'import os',
      'KEY = "OPENROUTER_API_KEY"',
      'PREFIX = "STRIPE"',
      'FULL = PREFIX + "_KEY"',
      'def f():',
      '    local = "GITHUB_TOKEN"',
      '    return os.getenv(local), os.getenv(KEY), os.getenv(f"{PREFIX}_SECRET_KEY"), os.getenv(FULL), os.getenv("A" "B")',
    ].join('\n');
    expect((await reads(code)).map((r) => r.name)).toEqual(['GITHUB_TOKEN', 'OPENROUTER_API_KEY', 'STRIPE_SECRET_KEY', 'STRIPE_KEY', 'AB']);
  });

  it('reports non-constant names as dynamic (name null), including reassigned and parameter names', async () => {
    const code = [
      'import os',
      'KEY = "A"',
      'KEY = "B"',
      'def f(name, suffix):',
      '    return os.getenv(name), os.environ[f"X_{suffix}"], os.getenv(KEY)',
    ].join('\n');
    expect((await reads(code)).map((r) => r.name)).toEqual([null, null, null]);
  });

  it('reports enumerations of the environment', async () => {
    const code = [
      'import os',
      'from dotenv import dotenv_values',
      'a = os.environ.copy()',
      'b = dict(os.environ)',
      'c = {**os.environ}',
      'for k in os.environ: pass',
      'd = [k for k in os.environ]',
      'e = os.environ.items()',
      'f = dotenv_values(".env")',
      'g = dotenv_values()["GITHUB_TOKEN"]',
    ].join('\n');
    expect(await reads(code)).toEqual([
      { name: null, api: 'os.environ.copy', enumerates: true },
      { name: null, api: 'dict(os.environ)', enumerates: true },
      { name: null, api: '**os.environ', enumerates: true },
      { name: null, api: 'os.environ', enumerates: true },
      { name: null, api: 'os.environ', enumerates: true },
      { name: null, api: 'os.environ.items', enumerates: true },
      { name: null, api: 'dotenv_values', enumerates: true },
      { name: 'GITHUB_TOKEN', api: 'dotenv_values' },
    ]);
  });

  it('does not treat environment writes or deletes as reads, nor a local dict named environ', async () => {
    const code = ['import os', 'os.environ["GITHUB_TOKEN"] = "x"', 'del os.environ["STRIPE_KEY"]', 'environ = {}', 'v = environ["GITHUB_TOKEN"]'].join('\n');
    expect(await reads(code)).toEqual([]);
    // They are facts all the same, classified as writes and deletes (lifecycle rules see the names).
    const accesses = (await facts(code)).filter((f): f is EnvReadFact => f.kind === 'env-read').map((f) => `${f.name}:${f.access}`);
    expect(accesses).toEqual(['GITHUB_TOKEN:write', 'STRIPE_KEY:delete']);
  });

  it('reads constant keys of a copy of the environment, not its writes, computed keys or a rebound name', async () => {
    const code = [
      'import os',
      'env = os.environ.copy()',
      'env["PYTHONPATH"] = "src"',
      'a = env.get("A_KEY")',
      'def f(k, env2=None):',
      '    snap = dict(os.environ)',
      '    b = snap["B_KEY"]',
      '    c = snap[k]',
      '    over = {**os.environ, "C_KEY": "x"}',
      '    d = over["C_KEY"]',
      '    e = over.get("E_KEY")',
      '    again = os.environ.copy()',
      '    again = {}',
      '    g = again.get("G_KEY")',
      '    return env2.get("H_KEY"), env.get("I_KEY")',
    ].join('\n');
    const named = (await reads(code)).filter((read) => read.name !== null);
    expect(named).toEqual([
      { name: 'A_KEY', api: 'os.environ.copy().get' },
      { name: 'B_KEY', api: 'dict(os.environ)' },
      { name: 'E_KEY', api: '{**os.environ}.get' },
      { name: 'I_KEY', api: 'os.environ.copy().get' },
    ]);
    const writes = (await facts(code)).filter((f) => f.kind === 'env-read' && f.access === 'write');
    expect(writes).toEqual([]);
  });

  it('reads pydantic BaseSettings fields with prefixes, aliases and v1 env=', async () => {
    const code = [
      'from pydantic import BaseSettings as V1Settings, Field, AliasChoices',
      'import pydantic_settings',
      'class A(pydantic_settings.BaseSettings):',
      '    model_config = pydantic_settings.SettingsConfigDict(env_prefix="APP_")',
      '    api_key: str',
      '    token: str = Field(validation_alias=AliasChoices("GITHUB_TOKEN", "GH_TOKEN"))',
      '    VERSION: ClassVar[str] = "1"',
      'class B(A):',
      '    extra: int = 3',
      'class C(V1Settings):',
      '    key: str = Field(env="STRIPE_KEY")',
      '    class Config:',
      '        env_prefix = "C_"',
      '        case_sensitive = True',
      '    lower: str',
      'class D(pydantic_settings.BaseSettings, env_prefix="D_"):',
      '    name: str',
      'class NotSettings:',
      '    field: str',
    ].join('\n');
    expect((await reads(code)).map((r) => r.name)).toEqual(['APP_API_KEY', 'GITHUB_TOKEN', 'GH_TOKEN', 'APP_EXTRA', 'STRIPE_KEY', 'C_lower', 'D_NAME']);
  });

  it('marks test code', async () => {
    for (const file of ['tests/test_app.py', 'pkg/test_x.py', 'pkg/x_test.py', 'conftest.py']) expect(isPythonTestPath(file)).toBe(true);
    expect(isPythonTestPath('pkg/testing.py')).toBe(false);
    const [read] = (await facts('import os\nos.getenv("GITHUB_TOKEN")', 'tests/test_env.py')) as EnvReadFact[];
    expect(read.inTest).toBe(true);
  });

  it('gives 1-based ranges in UTF-16 code units', async () => {
    const [read] = (await facts('import os\nx = "é😀"; y = os.getenv("GITHUB_TOKEN")')) as EnvReadFact[];
    // `😀` is two UTF-16 code units: `os` starts at column 16.
    expect(read.range).toEqual({ line: 2, column: 16, endLine: 2, endColumn: 41 });
  });
});

describe('python name refs, comments and resolver calls', () => {
  it('emits string-literal name refs for registry names that are not read keys', async () => {
    const code = ['import os', 'KEY = "OPENROUTER_API_KEY"', 'os.getenv(KEY)', 'NAMES = ["STRIPE_KEY", "not-a-name"]', 'os.getenv("GITHUB_TOKEN")'].join('\n');
    const refs = (await facts(code)).filter((f) => f.kind === 'name-ref');
    expect(refs).toEqual([{ kind: 'name-ref', name: 'STRIPE_KEY', context: 'string-literal', range: { line: 4, column: 10, endLine: 4, endColumn: 22 } }]);
  });

  it('emits comment facts only for suppression directives', async () => {
    const code = '# plain comment\nx = 1  # clavis-lint-disable-line no-direct-env-read -- legacy\n';
    expect((await facts(code)).filter((f) => f.kind === 'comment')).toEqual([
      { kind: 'comment', text: '# clavis-lint-disable-line no-direct-env-read -- legacy', range: { line: 2, column: 8, endLine: 2, endColumn: 63 } },
    ]);
  });

  it('emits resolver calls with constant references', async () => {
    const code = 'from app.secrets import resolve_secret, get_secret\nID = "GithubToken"\na = resolve_secret(ID)\nb = get_secret(name)\n';
    const calls = (await facts(code)).filter((f) => f.kind === 'resolver-call').map((f) => f.kind === 'resolver-call' && [f.function, f.secretRef]);
    expect(calls).toEqual([
      ['resolve_secret', 'GithubToken'],
      ['get_secret', null],
    ]);
  });
});

describe('python front end robustness', () => {
  it('reports unparseable Python as an error but keeps the facts it found', async () => {
    const result = await analyzePython('bad.py', 'import os\nx = os.getenv("GITHUB_TOKEN")\ndef broken(:\n  pass\n', fixtureOptions());
    expect(result.facts.some((f) => f.kind === 'env-read' && f.name === 'GITHUB_TOKEN')).toBe(true);
    expect(result.errors?.[0]).toMatchObject({ file: 'bad.py', line: 3 });
  });

  it('never throws on replacement characters, NUL bytes, or deep nesting', async () => {
    const weird = 'import os\n\uFFFD\uFFFD = os.getenv("GITHUB_TOKEN")\n\u0000\n';
    await expect(analyzePython('w.py', weird, fixtureOptions())).resolves.toBeDefined();
    const deep = `x = ${'('.repeat(3000)}1${')'.repeat(3000)}\n`;
    await expect(analyzePython('deep.py', deep, fixtureOptions())).resolves.toBeDefined();
    await expect(analyzePython('empty.py', '', fixtureOptions())).resolves.toEqual({ facts: [] });
  });

  it('prefilters files that cannot hold facts', () => {
    expect(pythonFrontEnd.prefilter('print("hello")\n', fixtureOptions())).toBe(false);
    expect(pythonFrontEnd.prefilter('import os\nos.environ\n', fixtureOptions())).toBe(true);
    expect(pythonFrontEnd.prefilter('x = "STRIPE_KEY"\n', fixtureOptions())).toBe(true);
  });

  it('exports module constants and marks imported constant keys for cross-file resolution', async () => {
    const names = await analyzePython('pkg/names.py', 'KEY = "GITHUB_TOKEN"\n_PRIVATE = "X"\n', fixtureOptions());
    expect(names.exportedConstants).toEqual({ KEY: 'GITHUB_TOKEN' });
    const user = await analyzePython('pkg/client.py', 'import os\nfrom .names import KEY\nos.getenv(KEY)\n', fixtureOptions());
    expect(user.facts[0]).toMatchObject({ kind: 'env-read', name: null, constRef: { identifier: 'KEY', from: './names' } });
  });

  it('marks a member of an imported module as a constant key (relative, absolute, aliased); a local object member is not one', async () => {
    const source = [
      'import os',
      'from . import names',
      'from pkg import settings',
      'import pkg.more as more',
      'os.getenv(names.KEY)',
      'os.getenv(settings.OTHER)',
      'os.getenv(more.THIRD)',
      'os.getenv(self_config.KEY)',
    ].join('\n');
    const reads = (await analyzePython('pkg/client.py', `${source}\n`, fixtureOptions())).facts.filter((fact) => fact.kind === 'env-read');
    expect(reads.map((fact) => (fact.kind === 'env-read' ? fact.constRef : undefined))).toEqual([
      { identifier: 'KEY', from: './names', module: '.names' },
      { identifier: 'OTHER', module: 'pkg.settings' },
      { identifier: 'THIRD', module: 'pkg.more' },
      undefined,
    ]);
  });
});
