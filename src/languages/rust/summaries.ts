// Function summaries for other files of the crate: which functions are worth summarising (the
// seeded taint walk costs one pass over the body per parameter), the module path of a file, and
// whether a declared type can carry secret text at all (`u64`, `bool`, `Result<usize>` cannot).
import type { Node } from 'web-tree-sitter';
import type { FunctionInfo } from './function-index.js';

const NON_TEXT_PRIMITIVES = new Set(['bool', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'f32', 'f64']);
/** Wrappers that carry their type argument and nothing else of their own. */
const TRANSPARENT_TYPES = new Set(['Result', 'Option']);

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

/** What to summarise of one function: the parameters to seed and whether its result can carry them. */
export interface SummaryPlan {
  fn: FunctionInfo;
  params: number[];
  returnsText: boolean;
}

/**
 * Functions worth a seeded walk: outside test code, with a parameter that can carry text, and
 * either a result that can carry it or a body holding a sink or a call of another function
 * (`interesting` are sorted offsets of such sites).
 */
export function planSummaries(functions: FunctionInfo[], interesting: number[], inTest: (offset: number) => boolean): SummaryPlan[] {
  const plans: SummaryPlan[] = [];
  for (const fn of functions) {
    if (!fn.body || inTest(fn.node.startIndex)) continue;
    const params: number[] = [];
    fn.params.forEach((param, index) => {
      if (param.name && mayCarryText(param.type)) params.push(index);
    });
    if (params.length === 0) continue;
    const returnsText = mayCarryText(fn.node.childForFieldName('return_type'));
    if (returnsText || containsOffset(interesting, fn.body.startIndex, fn.body.endIndex)) plans.push({ fn, params, returnsText });
  }
  return plans;
}

function containsOffset(sorted: number[], start: number, end: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < start) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] < end;
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
