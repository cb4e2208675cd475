// Env calls inside a macro's arguments: `assert!(env::var("X").is_ok())`, `vec![env::var("A")?]`,
// `println!("{}", std::env::var("HOME")?)`, `json!({ "key": env::var("B")? })`. tree-sitter-rust
// keeps a macro's arguments as a token tree, in which a call is no `call_expression` node: the
// front end's walk over calls never saw these reads. The arguments are parsed again on their own,
// as an expression (the leak walk reads macro arguments the same way, src/languages/rust/taint.ts),
// and the calls of that parse are read as any other. Their nodes belong to the probe's tree: a
// read's offsets plus its `shift` are offsets in the file. Compile-time reads nested in macros
// (`format!("{}", env!("X"))`) are read from the tokens instead (env-reads.ts,
// nestedCompileTimeReads): the probe's error recovery on a `json!` object can cut an `env!` off
// from its literal (vox: `"tool": env!("CARGO_PKG_NAME")` as the fifth entry), the tokens cannot.
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { constantName, envReadOfCall, type EnvReadContext, type EnvReadMatch } from './env-reads.js';
import { resolveConstString } from './constants.js';
import { lastSegment, macroTokenTree, PROBE_PREFIX, PROBE_SUFFIX } from './syntax.js';
import type { TextOccurrences } from './word-scan.js';

/** Macros inside macros (`assert_eq!(format!("{}", env::var("X")?), …)`) are parsed again, this deep at most. */
const MAX_DEPTH = 3;

export interface MacroArgumentRead {
  read: EnvReadMatch;
  /** File offset = probe offset + shift. */
  shift: number;
}

export class MacroArgumentReads {
  private readonly trees: Tree[] = [];

  constructor(
    /** The file's tree: a probe's identifier is looked up there, where its `let` has a position to compare. */
    private readonly fileRoot: Node,
    private readonly parser: Parser,
    private readonly text: string,
    private readonly occurrences: TextOccurrences,
    private readonly envWords: readonly string[],
  ) {}

  /** The env calls in `macro`'s arguments (a node of the file's own tree). */
  readsOf(macro: Node, context: EnvReadContext): MacroArgumentRead[] {
    const reads: MacroArgumentRead[] = [];
    this.collect(macro, 0, context, reads, 0);
    return reads;
  }

  /** Frees the probes' trees: call once the reads' positions are taken. */
  dispose(): void {
    for (const tree of this.trees) tree.delete();
    this.trees.length = 0;
  }

  /**
   * `let key = "X"; assert_eq!(env::var(key)?, …)`: the name a local or a constant holds. Its
   * lookup compares positions with the function's `let`s, so it runs on the file's own token of
   * the identifier (token trees keep identifiers as nodes), not on the probe's.
   */
  private resolvedInFile(read: EnvReadMatch, call: Node, shift: number, context: EnvReadContext): EnvReadMatch {
    let arg = call.childForFieldName('arguments')?.namedChild(0) ?? null;
    while (arg && (arg.type === 'reference_expression' || arg.type === 'parenthesized_expression')) arg = arg.childForFieldName('value') ?? arg.namedChild(0);
    if (arg?.type !== 'identifier') return read;
    const token = this.fileRoot.descendantForIndex(arg.startIndex + shift, arg.endIndex + shift);
    if (token?.type !== 'identifier' || token.text !== arg.text) return read;
    const resolved = resolveConstString(token, context.constScope);
    // Its literals are the file's nodes, not the probe's: left unconsumed (at worst a plain mention of the name besides).
    if (resolved) {
      const { constRef: _unresolved, ...rest } = read;
      return { ...rest, name: resolved.value, literals: [] };
    }
    const constName = constantName(token, context.constScope.enclosingFunction ?? null);
    return constName ? { ...read, constRef: { identifier: constName } } : read;
  }

  private collect(macro: Node, shift: number, context: EnvReadContext, reads: MacroArgumentRead[], depth: number): void {
    const tree = macroTokenTree(macro);
    const name = lastSegment(macro.childForFieldName('macro') ?? macro);
    if (!tree || name === 'macro_rules' || depth >= MAX_DEPTH) return;
    // Between the delimiters, in file offsets.
    const start = tree.startIndex + shift + 1;
    const end = tree.endIndex + shift - 1;
    if (end <= start || !this.occurrences.spellsAny(this.envWords, start, () => end)) return;
    const probe = this.parser.parse(PROBE_PREFIX + this.text.slice(start, end) + PROBE_SUFFIX);
    if (!probe) return;
    this.trees.push(probe);
    const probeShift = start - PROBE_PREFIX.length;
    const body = probe.rootNode.namedChild(0)?.childForFieldName('body');
    if (!body) return;
    for (const call of body.descendantsOfType('call_expression')) {
      if (!call || !this.occurrences.spellsAny(this.envWords, call.startIndex + probeShift, () => call.endIndex + probeShift)) continue;
      const read = envReadOfCall(call, context);
      // An enumeration (`env::vars()`) is judged by where its result goes, which a probe does not show.
      if (read && !read.enumerates) reads.push({ read: read.name === null ? this.resolvedInFile(read, call, probeShift, context) : read, shift: probeShift });
    }
    for (const inner of body.descendantsOfType('macro_invocation')) {
      if (inner) this.collect(inner, probeShift, context, reads, depth + 1);
    }
  }
}
