// Walks a tree-sitter-bash tree and emits facts: env reads (`$X`, `${X:-d}`, `printenv X`),
// `export X=...` name refs, secret-store CLI calls, suppression comments, and ConfigFacts the
// no-secret-echo rule reads (`shell-echo`, `shell-xtrace`, `shell-env-dump`, `shell-cat`,
// `shell-build-arg`). Positions go through a ShellPositionMap so workflow `run:` blocks can be
// reported at their place in the YAML file.
import type { Node } from 'web-tree-sitter';
import type { Fact, Range } from '../../core/facts.js';
import type { SecretStoreEntry } from '../secret-stores/catalog.js';
import { valueLiteralFact } from '../../core/value-literals.js';
import { argumentPieces, assignmentPieces, expansionDefaultPieces, type BoundPiece } from './bound-literals.js';
import { literalText } from './literal-text.js';
import { indirectNames } from './indirect-names.js';

/**
 * Maps snippet positions to file positions. Snippet line `n` (1-based) is file line
 * `n + lineOffset`; snippet column `c` is file column `c + columnOffsetFor(n)`, where
 * `columnOffsetFor` is `lineColumnMap` when given, else the constant `columnOffset`. A YAML block
 * scalar whose lines were de-indented by 10 spaces passes `columnOffset: 10` (or a per-line map
 * when the first line sits after `run: ` and the rest are indented).
 */
export interface ShellPositionMap {
  lineOffset: number;
  columnOffset: number;
  lineColumnMap?: (line: number) => number;
}

/** A `${{ expr }}` GitHub expression that was blanked out before parsing (see analyzeShellSnippet). */
export interface TemplateExpression {
  row: number;
  start: number;
  end: number;
  expression: string;
}

const SUPPRESSION_MARKER = 'clavis-lint-disable';
const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
/** Variables bash sets itself: reading them is not an environment read of interest. */
const SHELL_INTERNALS = new Set(['BASH_SOURCE', 'BASH_REMATCH', 'BASH_LINENO', 'BASHPID', 'FUNCNAME', 'LINENO', 'RANDOM', 'SECONDS', 'PIPESTATUS', 'IFS', 'OPTARG', 'OPTIND', 'PPID', 'REPLY', 'EUID', 'UID', 'PWD', 'OLDPWD', 'SHLVL', 'HOSTNAME']);

export interface ShellAnalysisInput {
  root: Node;
  map: ShellPositionMap;
  stores: SecretStoreEntry[];
  inTest: boolean;
  templates?: TemplateExpression[];
}

export function collectShellFacts(input: ShellAnalysisInput): Fact[] {
  return new ShellFactCollector(input).run();
}

class ShellFactCollector {
  private readonly facts: Fact[] = [];
  private readonly localNames: Set<string>;
  private readonly testFlag: { inTest?: true };

  constructor(private readonly input: ShellAnalysisInput) {
    this.testFlag = input.inTest ? { inTest: true } : {};
    this.localNames = collectLocalNames(input.root);
  }

  private lastExpansionAt: Map<string, number> | undefined;

  /** Each variable's last expansion (`$X`, `${X…}`) in the script, by start offset: asked only when the script turns tracing on. */
  private lastExpansions(): Map<string, number> {
    if (!this.lastExpansionAt) {
      this.lastExpansionAt = new Map();
      for (const expansion of this.input.root.descendantsOfType(['simple_expansion', 'expansion'])) {
        const name = expansion?.descendantsOfType('variable_name')[0]?.text;
        if (name) this.lastExpansionAt.set(name, Math.max(this.lastExpansionAt.get(name) ?? -1, expansion!.startIndex));
      }
    }
    return this.lastExpansionAt;
  }

  run(): Fact[] {
    const stack: Node[] = [this.input.root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      this.visit(node);
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return this.facts;
  }

  private range(node: Node): Range {
    const { lineOffset, columnOffset, lineColumnMap } = this.input.map;
    const colOffset = (row: number): number => (lineColumnMap ? lineColumnMap(row + 1) : columnOffset);
    return {
      line: node.startPosition.row + 1 + lineOffset,
      column: node.startPosition.column + 1 + colOffset(node.startPosition.row),
      endLine: node.endPosition.row + 1 + lineOffset,
      endColumn: node.endPosition.column + 1 + colOffset(node.endPosition.row),
    };
  }

  private visit(node: Node): void {
    switch (node.type) {
      case 'comment':
        if (node.text.includes(SUPPRESSION_MARKER)) this.facts.push({ kind: 'comment', text: node.text, range: this.range(node) });
        return;
      case 'simple_expansion':
      case 'expansion':
        if (node.type === 'expansion') this.literals(expansionDefaultPieces(node));
        this.expansion(node);
        return;
      case 'declaration_command':
        this.declaration(node);
        return;
      case 'command':
        this.literals(argumentPieces(node));
        this.command(node);
        return;
      case 'variable_assignment':
        this.literals(assignmentPieces(node));
        return;
    }
  }

  /** Literal positions (for masking output), minus the blanked `${{ … }}` expressions, which stay visible. */
  private literals(pieces: BoundPiece[]): void {
    const templates = this.input.templates ?? [];
    for (const { node, name } of pieces) {
      if (node.text.trim() === '') continue;
      const row = node.startPosition.row;
      if (templates.length === 0 || node.endPosition.row !== row) {
        this.facts.push(valueLiteralFact(this.range(node), name));
        continue;
      }
      let spans: Array<[number, number]> = [[node.startPosition.column, node.endPosition.column]];
      for (const t of templates) {
        if (t.row !== row) continue;
        spans = spans.flatMap(([s, e]): Array<[number, number]> => (t.end <= s || t.start >= e ? [[s, e]] : [[s, Math.max(s, t.start)], [Math.min(e, t.end), e]]));
      }
      for (const [s, e] of spans) if (e > s) this.facts.push(valueLiteralFact(this.columnRange(row, s, e), name));
    }
  }

  private columnRange(row: number, start: number, end: number): Range {
    const { lineOffset, columnOffset, lineColumnMap } = this.input.map;
    const offset = lineColumnMap ? lineColumnMap(row + 1) : columnOffset;
    return { line: row + 1 + lineOffset, column: start + 1 + offset, endLine: row + 1 + lineOffset, endColumn: end + 1 + offset };
  }

  private expansion(node: Node): void {
    const nameNode = node.namedChildren.find((c) => c.type === 'variable_name');
    if (!nameNode) return;
    const name = nameNode.text;
    // `${!VAR}`: indirect expansion, the name read is whatever VAR holds.
    if (node.type === 'expansion' && node.children.some((c) => c.type === '!' && c.startIndex < nameNode.startIndex)) {
      // Over a loop of constant names (`for var in A B`, or a literal array): a read of each name.
      const names = indirectNames(node, name)?.filter((constant) => ENV_NAME.test(constant) && !SHELL_INTERNALS.has(constant));
      if (names && names.length > 0) {
        for (const constant of names) this.facts.push({ kind: 'env-read', name: constant, api: '${!X}', range: this.range(node), ...this.testFlag });
        return;
      }
      this.facts.push({ kind: 'env-read', name: null, api: '${!X}', range: this.range(node), ...this.testFlag });
      return;
    }
    if (!ENV_NAME.test(name) || SHELL_INTERNALS.has(name)) return;
    if (this.localNames.has(name) && !isSelfDefault(node, name)) return;
    this.facts.push({ kind: 'env-read', name, api: '$X', range: this.range(node), nameRange: this.range(nameNode), ...this.testFlag });
  }

  private declaration(node: Node): void {
    const keyword = node.children[0]?.text;
    const flags = node.namedChildren.filter((c) => c.type === 'word' && c.text.startsWith('-')).map((c) => c.text);
    const exports = keyword === 'export' || ((keyword === 'declare' || keyword === 'typeset') && flags.some((f) => /^-\w*x/.test(f)));
    if (!exports) return;
    const targets = node.namedChildren.filter((c) => c.type === 'variable_assignment' || c.type === 'variable_name');
    if (targets.length === 0) {
      // Only a bare `export` (or `-p`) lists the environment; `export $(cat .env | xargs)` exports what the substitution yields.
      const operands = node.namedChildren.filter((c) => !(c.type === 'word' && c.text.startsWith('-')));
      if (operands.length === 0 && (keyword === 'export' || flags.some((f) => /^-\w*p/.test(f)))) this.envDump(node, `${keyword}${flags.length ? ` ${flags.join(' ')}` : ''}`);
      return;
    }
    for (const target of targets) {
      const nameNode = target.type === 'variable_name' ? target : target.childForFieldName('name');
      if (!nameNode) continue;
      const value = target.type === 'variable_assignment' ? target.childForFieldName('value') : null;
      this.facts.push({
        kind: 'name-ref', name: nameNode.text, context: 'shell-export', range: this.range(nameNode),
        ...(value && isLiteralWord(value) && this.templatesIn(value).length === 0 ? { hasLiteralValue: true } : {}), ...this.testFlag,
      });
    }
  }

  private command(node: Node): void {
    const nameNode = node.childForFieldName('name');
    const command = nameNode ? literalText(nameNode) : null;
    if (!command) return;
    const args = node.childrenForFieldName('argument');
    const words = args.map((a) => literalText(a));
    const positional = words.filter((w): w is string => w !== null && !w.startsWith('-'));
    switch (command) {
      case 'echo':
      case 'printf':
        this.echo(node, command, args);
        break;
      case 'printenv':
        if (positional.length === 0) this.envDump(node, 'printenv');
        args.forEach((arg, i) => {
          const word = words[i];
          if (word && !word.startsWith('-')) this.facts.push({ kind: 'env-read', name: word, api: 'printenv', range: this.range(arg), ...this.testFlag });
        });
        break;
      case 'env':
        if (args.length === 0 || words.every((w) => w !== null && w.startsWith('-') && w !== '-i' && w !== '-u')) this.envDump(node, 'env');
        break;
      case 'set':
        this.set(node, words);
        break;
      case 'cat':
        // Inside `$(…)` the output is captured by the script, not printed.
        if (insideSubstitution(node)) break;
        {
          // Where the text goes: `cat .env > copy` prints nothing; `cat /run/secrets/x > f` stores it.
          const destination = outputDestination(node);
          args.forEach((arg, i) => {
            if (!words[i]?.startsWith('-')) this.config('shell-cat', arg, { path: arg.text, ...destination });
          });
        }
        break;
      case 'cp':
      case 'install':
      case 'mv':
        this.copy(node, command, args, words);
        break;
      case 'curl':
      case 'wget':
      case 'http':
      case 'https':
      case 'xh':
        this.urlQueries(command, args);
        break;
      case 'rm':
        for (const word of positional) this.config('shell-rm', node, { path: word });
        break;
      case 'docker':
      case 'podman':
        if (positional.includes('build')) this.buildArgs(args, words);
        break;
    }
    this.secretStoreCall(node, command, positional);
  }

  private echo(node: Node, command: string, args: Node[]): void {
    const names: string[] = [];
    const expressions: string[] = [];
    for (const arg of args) {
      for (const expansion of arg.descendantsOfType(['simple_expansion', 'expansion'])) {
        const name = expansion.namedChildren.find((c) => c.type === 'variable_name')?.text;
        if (name && !/^\d+$/.test(name) && !names.includes(name)) names.push(name);
      }
      for (const template of this.templatesIn(arg)) if (!expressions.includes(template)) expressions.push(template);
    }
    if (names.length === 0 && expressions.length === 0) return;
    const firstLiteral = args[0] ? (literalText(args[0]) ?? args[0].text) : '';
    const workflowCommand = /^["']?::([\w-]+)/.exec(firstLiteral)?.[1] ?? null;
    const destination = outputDestination(node);
    this.config('shell-echo', node, {
      command, names, ...(expressions.length ? { expressions } : {}),
      ...(workflowCommand ? { workflowCommand } : {}), ...destination,
    });
  }

  /**
   * `curl "https://host/api?user=me&apiToken=$PKG_API_KEY"`: the variables expanded after the `?`
   * of a literal http(s) URL are sent in its query string (the rule decides which hold secrets).
   * Only names: the fact carries no text of the script. A header (`-H "Authorization: …$KEY"`), a
   * body or the URL's path is not the query.
   */
  private urlQueries(command: string, args: Node[]): void {
    for (const arg of args) {
      const pieces: Array<{ text: string } | { name: string }> = [];
      const collect = (node: Node): void => {
        if (node.type === 'simple_expansion' || node.type === 'expansion') {
          const name = node.descendantsOfType('variable_name')[0]?.text;
          if (name) pieces.push({ name });
          return;
        }
        if (node.type === 'command_substitution') return;
        if (node.namedChildCount === 0) {
          pieces.push({ text: node.type === 'raw_string' ? node.text.slice(1, -1) : node.text.replace(/^"|"$/g, '') });
          return;
        }
        // A double-quoted string keeps its literal text between the named parts.
        let at = node.startIndex;
        for (const child of node.namedChildren) {
          if (child.startIndex > at) pieces.push({ text: this.input.root.text.slice(at - this.input.root.startIndex, child.startIndex - this.input.root.startIndex).replace(/"/g, '') });
          collect(child);
          at = child.endIndex;
        }
        if (node.endIndex > at) pieces.push({ text: this.input.root.text.slice(at - this.input.root.startIndex, node.endIndex - this.input.root.startIndex).replace(/"/g, '') });
      };
      collect(arg);
      const first = pieces.find((piece) => !('text' in piece) || piece.text !== '');
      if (!first || !('text' in first) || !/^https?:\/\//i.test(first.text)) continue;
      let inQuery = false;
      const names: string[] = [];
      for (const piece of pieces) {
        if ('text' in piece) {
          if (piece.text.includes('#')) break; // the fragment is never sent
          if (piece.text.includes('?')) inQuery = true;
        } else if (inQuery && !names.includes(piece.name)) names.push(piece.name);
      }
      if (names.length > 0) this.config('shell-url-query', arg, { command, names });
    }
  }

  /** `cp SRC... DEST` (also `install`, `mv`): literal sources and destination; `-t DIR` forms are left out. */
  private copy(node: Node, command: string, args: Node[], words: Array<string | null>): void {
    if (words.some((w) => w === null || w === '-t' || w.startsWith('--target-directory'))) return;
    const operands = (words as string[]).filter((w) => !w.startsWith('-'));
    if (operands.length < 2) return;
    this.config('shell-copy', node, { command, from: operands.slice(0, -1), to: operands[operands.length - 1] });
  }

  private set(node: Node, words: Array<string | null>): void {
    if (words.length === 0) {
      this.envDump(node, 'set');
      return;
    }
    for (let i = 0; i < words.length; i++) {
      const word = words[i] ?? '';
      // `assigned`: the script's own variables (`TOKEN=$1`) that a later command expands, which the
      // trace prints as much as the environment's.
      if (/^-[a-zA-Z]*x/.test(word) || (word === '-o' && words[i + 1] === 'xtrace')) {
        const expandedAfter = [...this.lastExpansions()].filter(([, at]) => at > node.endIndex).map(([name]) => name);
        const traced = expandedAfter.filter((name) => this.localNames.has(name)).sort();
        // `expanded`: every name a later command expands; the trace prints only those (a program
        // that reads a variable from its environment prints nothing).
        this.config('shell-xtrace', node, { ...(traced.length > 0 ? { assigned: traced } : {}), expanded: expandedAfter.sort() });
      }
      if (/^\+[a-zA-Z]*x/.test(word) || (word === '+o' && words[i + 1] === 'xtrace')) this.config('shell-xtrace-off', node, {});
    }
  }

  private buildArgs(args: Node[], words: Array<string | null>): void {
    for (let i = 0; i < args.length; i++) {
      const word = words[i];
      let spec: Node | null = null;
      let text: string | null = null;
      if (word === '--build-arg' && args[i + 1]) {
        spec = args[i + 1];
        text = literalText(spec) ?? spec.text.replace(/^["']/, '');
      } else if (word?.startsWith('--build-arg=')) {
        spec = args[i];
        text = word.slice('--build-arg='.length);
      }
      if (!spec || !text) continue;
      const eq = text.indexOf('=');
      const name = eq >= 0 ? text.slice(0, eq) : text;
      const literalValue =
        eq >= 0 && eq < text.length - 1 && spec.descendantsOfType(['simple_expansion', 'expansion', 'command_substitution']).length === 0 && this.templatesIn(spec).length === 0;
      this.config('shell-build-arg', spec, { name, ...(literalValue ? { hasLiteralValue: true } : {}) });
    }
  }

  private secretStoreCall(node: Node, command: string, positional: string[]): void {
    for (const entry of this.input.stores) {
      if (entry.module !== command) continue;
      for (const call of entry.calls) {
        const parts = call.split(' ');
        const at = indexOfSequence(positional, parts);
        if (at < 0) continue;
        this.facts.push({ kind: 'secret-store-call', provider: entry.provider, api: `${command} ${call}`, range: this.range(node), ...this.testFlag });
        return;
      }
    }
  }

  private envDump(node: Node, command: string): void {
    if (command === 'env' || command === 'printenv') {
      this.facts.push({ kind: 'env-read', name: null, api: command, range: this.range(node), enumerates: true, ...this.testFlag });
    }
    this.config('shell-env-dump', node, { command });
  }

  private config(type: string, node: Node, data: Record<string, unknown>): void {
    this.facts.push({ kind: 'config', type, range: this.range(node), data });
  }

  private templatesIn(node: Node): string[] {
    const templates = this.input.templates ?? [];
    if (templates.length === 0) return [];
    const start = node.startPosition;
    const end = node.endPosition;
    return templates
      .filter((t) => (t.row > start.row || (t.row === start.row && t.start >= start.column)) && (t.row < end.row || (t.row === end.row && t.end <= end.column)))
      .map((t) => t.expression);
  }
}

/** A later stage of a pipeline the output flows through: its command (null when not a plain command) and whether its stdout goes to a file. */
export interface PipeStage {
  command: string | null;
  toFile?: true;
}

/** Where a command's standard output goes (see outputDestination); `toPath`: the file's literal path. */
interface OutputDestination {
  toFile?: true;
  toPath?: string;
  piped?: true;
  pipedTo?: PipeStage[];
  captured?: true;
}

/**
 * Where a command's standard output goes, found by walking out through groups (`{ ...; }`,
 * `( ... )`, `&&` lists, loops, ifs) to the nearest redirect of stdout:
 * - `toFile`: a file redirect (`> f`, `>> "$GITHUB_ENV"`, `&> /dev/null`) on the command, on an
 *   enclosing group, or at the end of a pipeline it feeds;
 * - `piped` + `pipedTo`: the later stages of each pipeline the output passes through, in order;
 * - `captured`: inside `$( ... )` / `<( ... )`, so the output becomes a value, not log text; also
 *   inside a function of the script that is only ever called so (`$(git_auth_header)`): a
 *   function's output is its caller's.
 * `>&2`, `> /dev/stderr`, `> /dev/tty` still reach the log and end the walk without `toFile`.
 * Facts only: which consumers print their input again is the rule's decision.
 */
function outputDestination(node: Node, depth = 0): OutputDestination {
  const pipedTo: PipeStage[] = [];
  const result = (extra: { toFile?: true; toPath?: string; captured?: true }): OutputDestination => (pipedTo.length > 0 ? { ...extra, piped: true, pipedTo } : extra);
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    switch (p.type) {
      case 'redirected_statement': {
        if (p.childForFieldName('body')?.id !== child.id) return result({});
        const redirect = stdoutRedirect(p);
        // The path only when the command's own output is what the file gets (no pipeline stage in between).
        if (redirect?.target === 'file') return result({ toFile: true, ...(redirect.path !== null && pipedTo.length === 0 ? { toPath: redirect.path } : {}) });
        if (redirect?.target === 'log') return result({});
        break;
      }
      case 'pipeline': {
        const stages = p.namedChildren;
        const at = stages.findIndex((s) => s.id === child.id);
        for (const stage of stages.slice(at + 1)) pipedTo.push(pipeStage(stage));
        break;
      }
      case 'command_substitution':
      case 'process_substitution':
        return result({ captured: true });
      case 'function_definition':
        return result(depth < MAX_CALLER_DEPTH && onlyCalledCaptured(p, depth) ? { captured: true } : {});
      case 'program':
        return result({});
      default:
        break;
    }
  }
  return result({});
}

/** Functions calling functions whose calls are all captured: followed this far. */
const MAX_CALLER_DEPTH = 3;

/**
 * Every call of the function in this script is captured whole (`token="$(auth_header)"`, with no
 * pipe stage after it that could print it again); false when the script never calls it (another
 * script that sources this one may call it bare).
 */
function onlyCalledCaptured(fn: Node, depth: number): boolean {
  const name = fn.childForFieldName('name')?.text;
  if (!name) return false;
  const calls = commandsNamed(fn, name).filter((call) => !within(call, fn));
  return calls.length > 0 && calls.every((call) => {
    const destination = outputDestination(call, depth + 1);
    return destination.captured === true && !destination.piped;
  });
}

/** The script's commands by name, collected once per tree: a script may print from many lines of its functions. */
const commandsByTree = new WeakMap<object, Map<string, Node[]>>();

function commandsNamed(node: Node, name: string): Node[] {
  let byName = commandsByTree.get(node.tree);
  if (!byName) {
    byName = new Map();
    let root = node;
    while (root.parent) root = root.parent;
    for (const command of root.descendantsOfType('command')) {
      const commandName = command?.childForFieldName('name')?.text;
      if (command && commandName) byName.set(commandName, [...(byName.get(commandName) ?? []), command]);
    }
    commandsByTree.set(node.tree, byName);
  }
  return byName.get(name) ?? [];
}

function within(node: Node, ancestor: Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.id === ancestor.id) return true;
  return false;
}

function pipeStage(stage: Node): PipeStage {
  const command = stage.type === 'redirected_statement' ? stage.childForFieldName('body') : stage;
  const nameNode = command?.type === 'command' ? command.childForFieldName('name') : null;
  const name = nameNode ? literalText(nameNode) : null;
  return { command: name, ...(stage.type === 'redirected_statement' && stdoutTarget(stage) === 'file' ? { toFile: true } : {}) };
}

/** The last redirect of stdout on a redirected statement: to a file (with its literal path, when it has one), back to the log, or none. */
function stdoutRedirect(statement: Node): { target: 'file' | 'log'; path: string | null } | null {
  let found: { target: 'file' | 'log'; path: string | null } | null = null;
  for (const redirect of statement.childrenForFieldName('redirect')) {
    if (redirect.type !== 'file_redirect') continue;
    const fd = redirect.namedChildren.find((c) => c.type === 'file_descriptor')?.text;
    if (fd !== undefined && fd !== '1') continue;
    const operator = redirect.children.find((c) => !c.isNamed)?.text ?? '';
    if (!/^(>|>>|>\||&>|&>>|>&)$/.test(operator)) continue;
    const destination = redirect.childForFieldName('destination') ?? redirect.namedChildren[redirect.namedChildren.length - 1];
    const literal = destination ? literalText(destination) : null;
    const text = destination ? (literal ?? destination.text) : '';
    // `>&2` duplicates stderr, which is the log; so are the terminal devices.
    const toLog = (operator === '>&' && /^\d+$/.test(text)) || /^\/dev\/(stdout|stderr|tty|fd\/[12])$/.test(text);
    found = toLog ? { target: 'log', path: null } : { target: 'file', path: literal };
  }
  return found;
}

function stdoutTarget(statement: Node): 'file' | 'log' | null {
  return stdoutRedirect(statement)?.target ?? null;
}

/** Names assigned in the script without being exported: reading them is not an environment read. */
function collectLocalNames(root: Node): Set<string> {
  const assigned = new Set<string>();
  const exported = new Set<string>();
  for (const node of root.descendantsOfType(['variable_assignment', 'declaration_command', 'for_statement'])) {
    if (node.type === 'declaration_command') {
      const keyword = node.children[0]?.text;
      const names = node.namedChildren.map((c) => (c.type === 'variable_assignment' ? c.childForFieldName('name')?.text : c.type === 'variable_name' ? c.text : undefined));
      const isExport = keyword === 'export' || node.namedChildren.some((c) => c.type === 'word' && /^-\w*x/.test(c.text));
      for (const name of names) if (name) (isExport ? exported : assigned).add(name);
      continue;
    }
    if (node.type === 'for_statement') {
      const variable = node.childForFieldName('variable')?.text;
      if (variable) assigned.add(variable);
      continue;
    }
    // `FOO=1 cmd` sets FOO for cmd only; a bare `FOO=1` is a shell variable.
    if (node.parent?.type === 'command' || node.parent?.type === 'declaration_command') continue;
    const name = node.childForFieldName('name')?.text;
    if (name) assigned.add(name);
  }
  for (const name of exported) assigned.delete(name);
  return assigned;
}

/** `X="${X:-default}"`: the right-hand side reads the environment's X. */
function isSelfDefault(expansion: Node, name: string): boolean {
  for (let p = expansion.parent; p; p = p.parent) {
    if (p.type === 'variable_assignment') return p.childForFieldName('name')?.text === name;
    if (p.type === 'command' || p.type === 'program') return false;
  }
  return false;
}

function isLiteralWord(value: Node): boolean {
  const text = literalText(value);
  return text !== null && text.length > 0;
}

function indexOfSequence(haystack: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The command runs inside a command substitution (`$(…)` or backticks) of its statement: its output is captured. */
function insideSubstitution(node: Node): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.type === 'command_substitution') return true;
    if (parent.type === 'program' || parent.type === 'function_definition') return false;
  }
  return false;
}
