// Front-end options for unit tests of the front ends and the leak analysis, built from the real
// fixtures/registry.yaml through the same loaders the engine uses, so the tests cannot drift from
// the fixture registry (or from how the engine turns a registry into options).
import path from 'node:path';
import { loadConfig } from '../../src/core/config.js';
import { frontEndOptionsFor } from '../../src/core/engine.js';
import type { FrontEndOptions } from '../../src/core/facts.js';
import { loadRegistry } from '../../src/registry/load.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

async function loadFixtureOptions(): Promise<FrontEndOptions> {
  const config = loadConfig({ cwd: FIXTURES, configFile: path.join(FIXTURES, '.clavis-lint.yaml') });
  const registry = await loadRegistry(config);
  // A broken fixture registry must fail loudly here, not as puzzling misses in every test.
  if (registry.diagnostics.length > 0) {
    throw new Error(`fixture registry: ${registry.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('; ')}`);
  }
  return frontEndOptionsFor(config, registry);
}

const FIXTURE_OPTIONS = await loadFixtureOptions();

/** A fresh copy per call, so a test that mutates its options cannot leak into the next one. */
export function fixtureOptions(overrides: Partial<FrontEndOptions> = {}): FrontEndOptions {
  return { ...structuredClone(FIXTURE_OPTIONS), ...overrides };
}
