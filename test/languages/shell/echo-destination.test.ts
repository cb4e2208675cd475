import { describe, expect, it } from 'vitest';
import type { ConfigFact } from '../../../src/core/facts.js';
import { shellFrontEnd } from '../../../src/languages/shell/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

/** Where each echo of `code` writes: the destination fields of its `shell-echo` fact. */
async function destinations(code: string): Promise<Array<Record<string, unknown>>> {
  const { facts } = await shellFrontEnd.analyze('scripts/release.sh', code, fixtureOptions());
  return facts
    .filter((f): f is ConfigFact => f.kind === 'config' && f.type === 'shell-echo')
    .map(({ data }) => Object.fromEntries(Object.entries(data).filter(([key]) => ['toFile', 'piped', 'pipedTo', 'captured'].includes(key))));
}

describe('shell echo output destination', () => {
  it.each([
    ['a redirected group', '{ echo "K<<EOF"; echo "$TOKEN"; echo EOF; } >> "$GITHUB_ENV"', [{ toFile: true }]],
    ['an if block redirected as a whole', 'if true; then echo "$TOKEN"; fi > out.txt', [{ toFile: true }]],
    ['stdout to /dev/null with &>', 'echo "$TOKEN" &> /dev/null', [{ toFile: true }]],
    ['a pipeline whose end is redirected', 'echo "$TOKEN" | tee f > /dev/null', [{ toFile: true, piped: true, pipedTo: [{ command: 'tee' }] }]],
    ['a command substitution', 'X=$(echo "$TOKEN" | base64)', [{ captured: true, piped: true, pipedTo: [{ command: 'base64' }] }]],
    ['a consumer', 'echo "$TOKEN" | docker login --password-stdin', [{ piped: true, pipedTo: [{ command: 'docker' }] }]],
  ])('%s', async (_title, code, expected) => {
    expect(await destinations(code)).toEqual(expected);
  });

  it.each([
    ['stderr', 'echo "$TOKEN" >&2'],
    ['/dev/stderr, even after stderr is redirected', 'echo "$TOKEN" > /dev/stderr 2>/dev/null'],
    ['a group without a redirect', '{ echo "$TOKEN"; }'],
    ['a function body (its callers decide)', 'f() { echo "$TOKEN"; }\nf > out.txt'],
  ])('%s stays on the log', async (_title, code) => {
    expect(await destinations(code)).toEqual([{}]);
  });
});
