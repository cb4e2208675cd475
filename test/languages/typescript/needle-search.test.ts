// The prefilter's multi-needle search must answer exactly what one RegExp alternation of the
// needles answers (the search it replaced): any needle anywhere, as a substring.
import { describe, expect, it } from 'vitest';
import { NeedleSearch } from '../../../src/languages/typescript/needle-search.js';

function byAlternation(needles: string[], text: string): boolean {
  const usable = needles.filter((needle) => needle.length > 0);
  if (usable.length === 0) return false;
  return new RegExp(usable.map((needle) => needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')).test(text);
}

/** A small deterministic PRNG (mulberry32): the same cases on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('NeedleSearch', () => {
  it('finds needles at the start, at the end, inside identifiers, and overlapping', () => {
    const search = new NeedleSearch(['OPENAI_API_KEY', 'DUB_EIN', 'getSecret', '@aws-sdk/client-ssm']);
    expect(search.foundIn('OPENAI_API_KEY')).toBe(true);
    expect(search.foundIn('x = "DUB_EIN"')).toBe(true);
    expect(search.foundIn('MY_OPENAI_API_KEY_2')).toBe(true); // a substring, like the alternation
    expect(search.foundIn('DUB_EI')).toBe(false);
    expect(search.foundIn('DUB_DUB_EIN')).toBe(true);
    expect(search.foundIn('await getSecre(t)')).toBe(false);
    expect(search.foundIn("import { SSM } from '@aws-sdk/client-ssm'")).toBe(true);
    expect(search.foundIn('')).toBe(false);
  });

  it('handles one- and two-character needles and no needles', () => {
    expect(new NeedleSearch([]).foundIn('anything')).toBe(false);
    expect(new NeedleSearch(['', '']).isEmpty).toBe(true);
    expect(new NeedleSearch(['Q']).foundIn('abcQ')).toBe(true);
    expect(new NeedleSearch(['Q', 'LONG_NAME']).foundIn('abc LONG_NAME')).toBe(true);
    expect(new NeedleSearch(['ab', 'LONG_NAME']).foundIn('xxab')).toBe(true);
    expect(new NeedleSearch(['ab', 'LONG_NAME']).foundIn('a b')).toBe(false);
  });

  it('is not fooled by characters outside ASCII that share a bucket with a needle block', () => {
    // 'Ł' (U+0141) has the low 7 bits of 'A' (0x41): same bucket, no match.
    const search = new NeedleSearch(['KEY_A', 'KEY_B']);
    expect(search.foundIn('KEY_Ł')).toBe(false);
    expect(search.foundIn('KEY_Ł KEY_B')).toBe(true);
    expect(new NeedleSearch(['é_TOKEN']).foundIn('x é_TOKEN')).toBe(true);
  });

  it('answers like the alternation on random needles and texts', () => {
    const next = random(20261130);
    const alphabet = 'AB_Ceab-@/ \n"\'ÄŁé';
    const word = (min: number, max: number): string => {
      const length = min + Math.floor(next() * (max - min + 1));
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
      return out;
    };
    for (let round = 0; round < 400; round++) {
      const needles = Array.from({ length: 1 + Math.floor(next() * 6) }, () => word(1 + Math.floor(next() * 2), 7));
      const search = new NeedleSearch(needles);
      for (let sample = 0; sample < 10; sample++) {
        // Half the texts carry a needle (possibly cut short), so both answers are common.
        let text = word(0, 40);
        if (next() < 0.5) {
          const needle = needles[Math.floor(next() * needles.length)];
          const cut = next() < 0.3 ? needle.slice(0, -1) : needle;
          const at = Math.floor(next() * (text.length + 1));
          text = text.slice(0, at) + cut + text.slice(at);
        }
        expect(search.foundIn(text), JSON.stringify({ needles, text })).toBe(byAlternation(needles, text));
      }
    }
  });
});
