// Function summaries for other files of the crate: which functions are worth summarising (their
// parameters are seeded as sources in the leak walk; in a file without a possible secret that
// walk exists only for them), the module path of a file, and whether a declared type can carry
// secret text at all (`u64`, `bool`, `Result<usize>` cannot).
import type { Node } from 'web-tree-sitter';
import type { FunctionInfo } from './function-index.js';
import { containsOffset } from './relevance.js';

const NON_TEXT_PRIMITIVES = new Set(['bool', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'f32', 'f64']);
/** Wrappers that carry their type argument and nothing else of their own. */
const TRANSPARENT_TYPES = new Set(['Result', 'Option']);
/** Types that are text themselves (as opposed to structs that may hold some). */
const TEXT_TYPES = new Set(['String', 'Cow', 'OsString', 'OsStr', 'Bytes', 'BytesMut', 'HeaderValue', 'Secret', 'SecretString', 'SecretBox', 'SecretVec', 'Zeroizing']);
const TEXT_PRIMITIVES = new Set(['str', 'char', 'u8']);

/** False when every type named in `type` is a number, bool, unit or a transparent wrapper of those. */
export function mayCarryText(type: Node | null): boolean {
  if (!type) return false;
  if (type.type === 'unit_type') return false;
  const named = type.descendantsOfType(['type_identifier', 'primitive_type', 'generic_type', 'function_type', 'dynamic_type', 'abstract_type']);
  let sawAny = false;
  for (const node of named) {
    if (!node) continue;
    if (node.type === 'primitive_type') {
      sawAny = true;
      if (!NON_TEXT_PRIMITIVES.has(node.text)) return true;
    } else if (node.type === 'type_identifier') {
      sawAny = true;
      if (!TRANSPARENT_TYPES.has(node.text)) return true;
    } else if (node.type !== 'generic_type') {
      return true;
    }
  }
  // Only unit types inside (`Result<()>`), or nothing we recognise: unknown shapes may carry text.
  return !sawAny && type.descendantsOfType('unit_type').length === 0;
}

/**
 * Stricter than mayCarryText: the type is text or bytes itself (`&str`, `String`, `&[u8]`,
 * `impl AsRef<str>`, a generic, a resolver type), not a struct that might hold some.
 */
export function isTextLike(type: Node | null, secretTypes: ReadonlySet<string>): boolean {
  if (!type) return false;
  for (const node of type.descendantsOfType(['type_identifier', 'primitive_type', 'abstract_type', 'dynamic_type'])) {
    if (!node) continue;
    if (node.type === 'abstract_type' || node.type === 'dynamic_type') return true;
    const name = node.text;
    if (node.type === 'primitive_type' ? TEXT_PRIMITIVES.has(name) : TEXT_TYPES.has(name) || secretTypes.has(name) || isGenericName(name)) return true;
  }
  return false;
}

/** `T`, `S`, `K2`: the usual spelling of a type parameter. */
function isGenericName(name: string): boolean {
  return name.length <= 2 && name.charCodeAt(0) >= 65 && name.charCodeAt(0) <= 90;
}

/** What to summarise of one function: the parameters to seed and whether its result can carry them. */
export interface SummaryPlan {
  fn: FunctionInfo;
  params: number[];
  returnsText: boolean;
}

/**
 * Functions worth a seeded walk: outside test code, with a parameter that can carry text, and
 * either a result that can carry it or a body holding a sink or a call of another function
 * (`interesting` are sorted offsets of such sites). `textOnly` (for files whose own walk would
 * exist only for the summaries) keeps parameters that are text themselves: a struct parameter
 * would cost a walk of nearly every function for a rare flow.
 */
export function planSummaries(functions: FunctionInfo[], interestingSites: () => number[], inTest: (offset: number) => boolean, textOnly: ReadonlySet<string> | null): SummaryPlan[] {
  const plans: SummaryPlan[] = [];
  let interesting: number[] | undefined;
  for (const fn of functions) {
    if (!fn.body || inTest(fn.node.startIndex)) continue;
    const params: number[] = [];
    fn.params.forEach((param, index) => {
      if (param.name && (textOnly ? isTextLike(param.type, textOnly) : mayCarryText(param.type))) params.push(index);
    });
    if (params.length === 0) continue;
    const returnsText = mayCarryText(fn.node.childForFieldName('return_type'));
    if (returnsText || containsOffset((interesting ??= interestingSites()), fn.body.startIndex, fn.body.endIndex)) plans.push({ fn, params, returnsText });
  }
  return plans;
}

/** `src/util/fmt.rs` -> `util::fmt`; crate roots (`src/lib.rs`, `src/main.rs`, `src/bin/x.rs`) -> `crate`. */
export function rustModulePath(file: string): string {
  const parts = file.split('/');
  const src = parts.lastIndexOf('src');
  let rest = src >= 0 ? parts.slice(src + 1) : parts.slice(-1);
  if (rest.length === 0) return 'crate';
  const last = rest[rest.length - 1].replace(/\.rs$/, '');
  if (rest.length === 1 && (last === 'lib' || last === 'main')) return 'crate';
  if (rest[0] === 'bin') return 'crate';
  rest = [...rest.slice(0, -1), last];
  if (last === 'mod') rest = rest.slice(0, -1);
  return rest.length > 0 ? rest.join('::') : 'crate';
}
