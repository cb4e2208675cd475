// What a loop over the environment does with each value, as the TS and Python front ends classify
// it (src/languages/*/env-masking-loop.ts): the decision over those uses is shared, the syntax is not.

/** One use of a value: measured or compared, masked out of text, or appended to a local list. */
export type MaskUse = 'measure' | 'mask' | { list: string };

/**
 * Whether every use keeps the value hidden: measured, masked, or appended to lists that
 * `listOnlyMasks` accepts; at least one use must mask (or fill such a list). null uses (anything
 * else) make it false.
 */
export function onlyMasks<T>(uses: readonly T[], useOf: (use: T) => MaskUse | null, listOnlyMasks: (list: string) => boolean): boolean {
  const lists = new Set<string>();
  let masks = false;
  for (const use of uses) {
    const kind = useOf(use);
    if (kind === null) return false;
    if (kind === 'mask') masks = true;
    else if (kind !== 'measure') lists.add(kind.list);
  }
  if (lists.size === 0) return masks;
  return [...lists].every(listOnlyMasks);
}
