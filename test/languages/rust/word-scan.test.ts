import { describe, expect, it } from 'vitest';
import { TextOccurrences, WordSet } from '../../../src/languages/rust/word-scan.js';
import { ENV_VOCABULARY, mentionsEnvAccess } from '../../../src/languages/rust/index.js';

describe('rust text tests', () => {
  it('finds the same words on a first scan (characters) and on later scans of the same text (cached identifiers)', () => {
    const words = new WordSet(['OPENAI_API_KEY', 'resolve_secret', 'var', 'config.get_secret']);
    const text = 'let k = std::env::var("OPENAI_API_KEY"); // OPENAI_API_KEY_2 var_os\nresolve_secret(k); config.get_secret();var';
    const first = words.offsetsIn(text);
    expect(first).toEqual([18, 23, 68, 87, 107]);
    expect(words.offsetsIn(text)).toEqual(first);
    expect(new WordSet(['resolve_secret']).offsetsIn(text)).toEqual([68]);
    expect(words.mentionedIn(text, (word) => word === 'var')).toBe(true);
    expect(new WordSet(['OPENAI_API_KEY_3']).mentionedIn(text)).toBe(false);
    // A text that ends inside an identifier, and one without any.
    expect(new WordSet(['tail']).offsetsIn('x tail')).toEqual([2]);
    expect(new WordSet(['tail']).offsetsIn('x tail')).toEqual([2]);
    expect(new WordSet(['tail']).offsetsIn(' () ')).toEqual([]);
  });

  it('tests for env access the same as one search per vocabulary word', () => {
    // Clap attributes count only with an `env` identifier (`#[arg(long, env)]`); no text below has a `//` comment line.
    const clap = (text: string): boolean => (text.includes('#[arg') || text.includes('#[clap')) && /(^|[^A-Za-z0-9_])env($|[^A-Za-z0-9_])/.test(text);
    const naive = (text: string): boolean => text.includes('env') && (ENV_VOCABULARY.some((word) => !word.startsWith('#[') && text.includes(word)) || clap(text));
    const texts = [
      '', 'env', 'environment', 'std::env::var("X")', 'use std::env::{self, var};', 'use std::env::*;', 'use std::env as e;',
      'env!("X")', 'option_env!("X")', 'dotenvy::dotenv()', 'dotenv', 'xdot env', '#[arg(env)] x', '#[clap(env = "X")]',
      '#[arg(long)] // no e-n-v', 'env::set_var("A", "b")', 'env; remove_var', 'env; with_var', 'env; other_var', 'env; #[ arg',
      'env::current_dir()', 'envenv!', 'env:', 'env::', 'env::v', 'en', '#[#[arg env', 'setvar env', 'env at end of text env',
      '#[arg(long)] environment', '#[clap(long)] x.env', '#[arg(long)] env_var',
    ];
    for (const text of texts) expect([text, mentionsEnvAccess(text)]).toEqual([text, naive(text)]);
  });
});

describe('TextOccurrences', () => {
  it('says whether a range spells a word the same as slicing the range and searching it', () => {
    const text = 'std::env::var("A"); f(g(h(var_os))); set_var; xx';
    const occurrences = new TextOccurrences(text);
    const words = [['var'], ['var_os', 'set_var'], ['nothing'], ['x'], ['']];
    for (let start = 0; start < text.length; start += 3) {
      for (let end = start; end <= text.length; end += 5) {
        for (const list of words) {
          const sliced = text.slice(start, end);
          expect([start, end, list, occurrences.spellsAny(list, start, () => end)]).toEqual([start, end, list, list.some((word) => sliced.includes(word))]);
        }
      }
    }
    expect(occurrences.includes('set_var')).toBe(true);
    expect(occurrences.includes('remove_var')).toBe(false);
  });
});
