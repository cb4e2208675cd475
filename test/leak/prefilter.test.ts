// The leak analysis's text prefilter (src/leak/typescript/prefilter.ts): a resolver function counts
// only where the text may call it, so `env` as a resolver does not make every `process.env` file a
// candidate; env names and type names count anywhere. It may say yes too often, never too rarely.
import { describe, expect, it } from 'vitest';
import type { FrontEndOptions } from '../../src/core/facts.js';
import { mayContainSource, sourceNeedles } from '../../src/leak/typescript/prefilter.js';

const options = {
  resolver: { functions: ['env'], types: ['ResolvedSecret'], sanitizers: [], paths: [] },
  secretNames: { STRIPE_SECRET_KEY: 'StripeSecretKey' },
} as unknown as FrontEndOptions;
const needles = sourceNeedles(options);

describe('mayContainSource', () => {
  it.each([
    ["const k = env('X');", true],
    ["const k = env ('X');", true],
    ["const k = env\n  ('X');", true],
    ["const k = env<string>('X');", true],
    ["const k = env?.('X');", true],
    ["const k = env!('X');", true],
    ["const k = env /* why */ ('X');", true],
    ["const k = config['env']('X');", true],
    ["const k = config.env('X');", true],
    ['const k = process.env.NODE_ENV;', false],
    ['const { NODE_ENV } = process.env;', false],
    ["const k = myenv('X'); const j = env2('X');", false],
    ['import { env } from "./env";', false],
    ['const k = process.env.STRIPE_SECRET_KEY;', true],
    ['let s: ResolvedSecret;', true],
  ])('%s -> %s', (text, expected) => {
    expect(mayContainSource(text, needles)).toBe(expected);
  });

  it('a name that is both a type and a function counts anywhere', () => {
    const both = sourceNeedles({ ...options, resolver: { ...options.resolver, functions: ['Secret'], types: ['Secret'] } } as FrontEndOptions);
    expect(mayContainSource('let s: Secret;', both)).toBe(true);
  });
});
