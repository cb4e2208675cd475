import { describe, expect, it } from 'vitest';
import { isMaskingReplacement } from '../../src/leak/mask-text.js';

describe('isMaskingReplacement', () => {
  // [replacement, global replace, masks]
  it.each([
    ['//***:***@', false, true],
    ['[REDACTED]', false, true],
    ['<masked>', false, true],
    ['****', false, true],
    ['*', true, true],
    ['•', true, true],
    ['rediss:', true, false],
    ['*', false, false],
    ['https://', true, false],
    ['$1', true, false],
    ['x', false, false],
  ])('%s (global %s) masks: %s', (text, global, masks) => {
    expect(isMaskingReplacement(text, global)).toBe(masks);
  });
});
