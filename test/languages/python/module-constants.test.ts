// An env name held in a constant of another module that the prefilter skipped is read from that
// module on demand (src/core/python-module-constants.ts), within the scan's max_file_bytes: a
// planted huge `names.py` is never read, and the read stays a name that is not a constant. An
// imported name that is an Object property (`constructor`, `toString`) is no constant of any file
// (src/core/const-refs.ts too): such a read stays dynamic, in Python and in TS.
import { describe, expect, it } from 'vitest';
import { scan } from '../../../src/core/engine.js';
import { REGISTRY } from '../../cache/tree.js';
import { writeTree } from '../../support/run-cli.js';

const AGENT = 'import os\n\nfrom acme.names import TRAINED_FILE_ENV\n\ntrained = os.getenv(TRAINED_FILE_ENV)\n';

async function dynamicReads(namesPy: string, files: Record<string, string> = { 'src/acme/agent.py': AGENT }): Promise<string[]> {
  const root = writeTree({
    '.clavis-lint.yaml': 'registry: secrets.registry.yaml\nmax_file_bytes: 400\n',
    'secrets.registry.yaml': REGISTRY,
    'src/acme/names.py': namesPy,
    ...files,
  });
  const result = await scan({ cwd: root, paths: [root], workers: 0, today: '2026-11-30' });
  expect(result.errors.filter((e) => e.message.includes('failed'))).toEqual([]);
  return result.findings.filter((f) => f.ruleId === 'no-dynamic-env-read').map((f) => `${f.file}:${f.line}`);
}

describe('Python constants of a module the prefilter skipped', () => {
  it('are read from the module an absolute import names', async () => {
    expect(await dynamicReads('TRAINED_FILE_ENV = "ACME_TRAINED_FILE"\n')).toEqual([]);
  });

  it('are not read from a module larger than max_file_bytes', async () => {
    expect(await dynamicReads(`TRAINED_FILE_ENV = "ACME_TRAINED_FILE"\n${'# padding\n'.repeat(60)}`)).toEqual(['src/acme/agent.py:5']);
  });

  it('never take an Object property for a constant (`constructor`, `toString`)', async () => {
    const files = {
      'src/acme/agent.py': 'import os\nfrom .names import constructor\nfrom acme.names import toString\n\na = os.getenv(constructor)\nb = os.getenv(toString)\n',
      'src/web/names.ts': "export const A = 'ACME_A';\n",
      'src/web/read.ts': "import { constructor } from './names';\n\nexport const v = process.env[constructor];\n",
    };
    expect(await dynamicReads('OTHER = "ACME_OTHER"\n', files)).toEqual(['src/acme/agent.py:5', 'src/acme/agent.py:6', 'src/web/read.ts:3']);
  });
});
