// Where literal values sit in a file, so output can mask them by position rather than by look
// (DESIGN §7: no value in any output). Front ends emit one ConfigFact of type `value-literal`
// per literal they can place: a string literal in code, a config scalar, a shell word, a docs
// table cell. `name` is what the syntax binds the literal to, when it binds it to anything:
// `const OPENAI_API_KEY = "…"`, `apiKey: "…"`, `os.getenv("KEY", "…")`, `process.env.KEY ?? "…"`,
// `KEY: value`, `${KEY:-…}`. Front ends decide nothing: which names are secret, and which lines
// get every literal masked, is post-processing's policy (see value-masking.ts).
import type { ConfigFact, Fact, Range } from './facts.js';

export const VALUE_LITERAL = 'value-literal';

export interface ValueLiteralFact extends ConfigFact {
  type: typeof VALUE_LITERAL;
  data: { name?: string };
}

/** A literal's position, with the name it is assigned, defaulted or bound to (if any). Never the value. */
export function valueLiteralFact(range: Range, name?: string | null): ValueLiteralFact {
  return { kind: 'config', type: VALUE_LITERAL, range, data: name ? { name } : {} };
}

export function isValueLiteral(fact: Fact): fact is ValueLiteralFact {
  return fact.kind === 'config' && fact.type === VALUE_LITERAL;
}
