// Runs the Rust front end on a snippet and returns its facts by kind.
import type { EnvReadFact, Fact, FrontEndOptions, LeakFact, LeakyTypeFact, NameRefFact, SecretStoreCallFact } from '../../../src/core/facts.js';
import { rustFrontEnd } from '../../../src/languages/rust/index.js';
import { fixtureOptions } from '../../support/fixture-front-end-options.js';

export async function analyze(code: string, file = 'src/main.rs', options: FrontEndOptions = fixtureOptions()) {
  const result = await rustFrontEnd.analyze(file, code, options);
  const of = <T extends Fact>(kind: T['kind']) => result.facts.filter((fact): fact is T => fact.kind === kind);
  return {
    result,
    envReads: of<EnvReadFact>('env-read'),
    nameRefs: of<NameRefFact>('name-ref'),
    stores: of<SecretStoreCallFact>('secret-store-call'),
    leaks: of<LeakFact>('leak'),
    leakyTypes: of<LeakyTypeFact>('leaky-type'),
  };
}

export async function envNames(code: string, file?: string, options?: FrontEndOptions): Promise<Array<string | null>> {
  return (await analyze(code, file, options)).envReads.map((read) => read.name);
}
