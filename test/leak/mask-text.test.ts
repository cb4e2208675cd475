import { describe, expect, it } from 'vitest';
import { isMaskingReplacement } from '../../src/leak/mask-text.js';

describe('isMaskingReplacement', () => {
  it.each([
    ['//***:***@', false],
    ['[REDACTED]', false],
    ['<masked>', false],
    ['****', false],
    ['*', true],
    ['•', true],
  ])('%s (global %s) masks', (text, global) => {
    expect(isMaskingReplacement(text, global)).toBe(true);
  });

  it.each([
    ['rediss:', true],
    ['*', false],
    ['https://', true],
    ['$1', true],
    ['x', false],
  ])('%s (global %s) is no mask', (text, global) => {
    expect(isMaskingReplacement(text, global)).toBe(false);
  });
});
