// A replacement text that hides what it replaces: `url.replace(/\/\/.*@/, '//***:***@')`,
// `re.sub(r":[^@]*@", ":****@", dsn)`, `key.replace(/./g, '*')`. The call masks inline what a
// `redact*` function would, so its result is no secret (LibreChat's flush-cache prints its Redis
// URI this way). Rewriting text into other text (`/^redis:/` -> `rediss:`) is no mask.

/** A run of mask characters or a redaction word. */
const MASK_MARK = /\*{3,}|•{3,}|x{4,}|X{4,}|#{4,}|\bredacted\b|\bmasked\b|\bhidden\b/i;
/** Nothing but mask characters: with a global pattern, every match becomes one. */
const ONLY_MASK_CHARS = /^[*•#xX]+$/;

/** `replacement` is the literal text a replace call puts in; `global`: the call replaces every match. */
export function isMaskingReplacement(replacement: string, global: boolean): boolean {
  return MASK_MARK.test(replacement) || (global && ONLY_MASK_CHARS.test(replacement));
}
