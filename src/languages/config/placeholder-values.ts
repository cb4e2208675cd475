// What counts as "no real value" in a config file. The test itself (empty, references,
// placeholder words, local URLs, length, entropy) is policy and lives in
// src/core/placeholder-value.ts; front ends use this to set `hasLiteralValue`.
import { describeValue, isPlaceholder } from '../../core/placeholder-value.js';

/** True for values that are evidently not a real secret: empty, references, `changeme`, `xx`, `mysql://root:@localhost/db`... */
export function isPlaceholderValue(raw: string): boolean {
  return isPlaceholder(describeValue(raw));
}
