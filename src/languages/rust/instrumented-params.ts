// `#[tracing::instrument]` makes a span for every call of the function it wraps and records each
// argument as a field of that span, formatted with `Debug`, unless `skip(a, b)` or `skip_all`
// leaves it out; with `ret` it records the returned value as well. Those fields go wherever the
// spans go (the log output, OpenTelemetry, Langfuse): a recorded parameter, and the result under
// `ret`, are telemetry sinks. `#[cfg_attr(cond, tracing::instrument(...))]` counts too (the span
// exists in the builds where `cond` holds).
import type { Node } from 'web-tree-sitter';
import type { FunctionInfo } from './function-index.js';
import type { ImportMap } from './imports.js';
import { SECRET_WRAPPER_NAMES } from './leaky-types.js';
import { isTextLike } from './summaries.js';
import { attributeArguments, attributeName, precedingAttributes, typeMentions } from './syntax.js';

const NO_TYPES: ReadonlySet<string> = new Set();

/**
 * Indexes of the parameters of `fn` that a span records as text: declared as text (`&str`,
 * `String`, `impl AsRef<str>`), not as a resolver type or a `secrecy` wrapper (their own `Debug`
 * decides what is shown, which no-leaky-secret-type checks), and not skipped.
 */
export function spanRecordedParams(fn: FunctionInfo, imports: ImportMap): number[] {
  return spanOf(fn, imports).params;
}

export interface InstrumentSpan {
  /** Indexes of the text parameters the span records (see spanRecordedParams). */
  params: number[];
  /** The `ret` argument when the span records the returned value. */
  ret: Node | null;
}

export function spanOf(fn: FunctionInfo, imports: ImportMap): InstrumentSpan {
  const span = instrumentRecordedParams(fn.node, fn.params.map((param) => param.name), imports);
  const recorded = span?.names;
  const ret = span?.ret ?? null;
  if (!recorded || recorded.size === 0) return { params: [], ret };
  const indexes: number[] = [];
  fn.params.forEach((param, index) => {
    if (!param.name || !recorded.has(param.name) || param.secretType || !isTextLike(param.type, NO_TYPES)) return;
    if (typeMentions(param.type, SECRET_WRAPPER_NAMES)) return;
    indexes.push(index);
  });
  return { params: indexes, ret };
}

/** The crates whose `instrument` attribute records arguments (`tracing` re-exports `tracing_attributes`'). */
const INSTRUMENT_CRATES = new Set(['tracing', 'tracing_attributes']);

/**
 * Names of the parameters of `fn` that an `instrument` attribute records, and its `ret`; null
 * when none wraps it. Several attributes (a `cfg_attr` per feature) record the union: some build
 * records each.
 */
export function instrumentRecordedParams(fn: Node, paramNames: ReadonlyArray<string | null>, imports: ImportMap): { names: Set<string>; ret: Node | null } | null {
  let recorded: { names: Set<string>; ret: Node | null } | null = null;
  for (const attribute of precedingAttributes(fn)) {
    for (const args of instrumentArguments(attribute, imports)) {
      recorded ??= { names: new Set(), ret: null };
      recorded.ret ??= topLevelIdentifier(args, 'ret');
      const skipped = skippedNames(args);
      if (skipped === 'all') continue;
      for (const name of paramNames) if (name && !skipped.has(name)) recorded.names.add(name);
    }
  }
  return recorded;
}

/** `ret` (or `ret(Debug)`) among the attribute's own arguments, not inside `fields(...)`. */
function topLevelIdentifier(args: Node | null, word: string): Node | null {
  for (const child of args?.children ?? []) if (child?.type === 'identifier' && child.text === word) return child;
  return null;
}

/** The argument lists of the `instrument` attributes in `attribute` (an empty list: `#[instrument]` bare; null entries stand for it). */
function instrumentArguments(attribute: Node, imports: ImportMap): Array<Node | null> {
  const name = attributeName(attribute);
  if (isInstrumentPath(name, imports)) return [attributeArguments(attribute)];
  if (name !== 'cfg_attr') return [];
  // `cfg_attr(cond, tracing::instrument(skip_all), other)`: the attributes after the condition, at the top level.
  const tree = attributeArguments(attribute);
  const found: Array<Node | null> = [];
  const children = tree?.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child?.type !== 'identifier' || child.text !== 'instrument') continue;
    const path = pathBefore(children, i);
    if (!isInstrumentPath(path, imports)) continue;
    const next = children[i + 1];
    found.push(next?.type === 'token_tree' ? next : null);
  }
  return found;
}

/** `tracing::instrument` written before `instrument` at `index` of a token list (`::` tokens and identifiers). */
function pathBefore(children: ReadonlyArray<Node | null>, index: number): string {
  const parts = [children[index]?.text ?? ''];
  for (let i = index - 1; i >= 1 && children[i]?.text === '::' && children[i - 1]?.type === 'identifier'; i -= 2) parts.unshift(children[i - 1]!.text);
  return parts.join('::');
}

/** `tracing::instrument`, or `instrument` imported from tracing (or a glob: a bare name no import names). */
function isInstrumentPath(path: string, imports: ImportMap): boolean {
  const segments = path.split('::');
  if (segments[segments.length - 1] !== 'instrument') return false;
  if (segments.length > 1) return INSTRUMENT_CRATES.has(segments[0]);
  const imported = imports.aliases.get('instrument');
  return !imported || imported.length === 0 || INSTRUMENT_CRATES.has(imported[0]);
}

/** What `skip_all` / `skip(a, b)` at the top level of the arguments leave out. */
function skippedNames(args: Node | null): Set<string> | 'all' {
  const skipped = new Set<string>();
  const children = args?.children ?? [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (child?.type !== 'identifier') continue;
    if (child.text === 'skip_all') return 'all';
    const list = children[i + 1];
    if (child.text !== 'skip' || list?.type !== 'token_tree') continue;
    for (const name of list.children) if (name?.type === 'identifier') skipped.add(name.text);
  }
  return skipped;
}
