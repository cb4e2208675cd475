// Keeps TypeScript/JavaScript nesting below MAX_NESTING_DEPTH before the compiler sees the text.
//
// The compiler's parser, binder and checker recurse, so a deep construct overflows the stack, and
// where it does depends on the thread and the JIT: with the text as it is, the same file was
// analysed in a worker and lost on the main thread. Two deterministic steps, both pure functions
// of the text, make every later step see the same shallow text on any thread:
//
// 1. Before parsing, the TypeScript scanner (a real lexer: strings, comments, regular expressions,
//    templates and JSX are tokens, not characters) estimates how deep the parser will recurse:
//    each open bracket, template substitution, JSX element or type-argument list counts as one
//    level (four units), and tokens the parser handles by recursing (prefix operators, `=`, `?`,
//    `:`, `=>`, `if`, `new`, ...) as a quarter level each, until the statement or list item ends.
//    The estimate errs on the high side. A construct that goes past MAX_NESTING_DEPTH / 2 levels
//    is blanked: the inside of the bracket, or the rest of the chain.
// 2. Chains the parser handles in a loop (`a.b.c`, `a + b + c`, `f()()`) can still make the tree
//    deep. When a cheap bound from step 1 says the tree might pass MAX_NESTING_DEPTH, the text is
//    parsed (now safely) and the tree measured with an explicit stack; nodes past the limit are
//    blanked and the text parsed again.
//
// Before both, files without JSX go through a cheap pre-check (nesting-bound.ts): where a bound
// on the step-1 estimate stays at or below the step-2 threshold, neither step would change the text
// or build a tree, and the text is returned as it is.
//
// Blanking replaces characters with spaces and keeps line breaks, so every position outside the
// blanked constructs is unchanged; each blanked construct becomes an errors[] entry with its line.
import { blankRanges, MAX_NESTING_DEPTH, type TextRange } from '../nesting-limit.js';
import { ts, type TS } from './typescript-module.js';
import { takeGuardedText } from './guard-memo.js';
import { CONTINUES, K, LOOPED, OPERAND, RECURSIVE, RESTRICTED, ROLE, STATEMENT_CHAIN, STATEMENT_HEAD } from './nesting-tokens.js';
import { fitsNestingBudget, type TokenTrace } from './nesting-bound.js';

/** Units: an open bracket is 4, a recursive operator 1 (2 for `=>`), a looped operator 1. */
const LEVEL = 4;
/** The parser's budget: MAX_NESTING_DEPTH / 2 bracket levels (a bracket is about two tree levels). */
const PARSE_BUDGET = (MAX_NESTING_DEPTH / 2) * LEVEL;
/**
 * Step 2 runs when the bound on tree depth (all units, looped operators included) passes this.
 * Measured on our corpora and on every construct of test/security/robustness.test.ts, a unit
 * never stands for more than about one tree level, so below half the limit the tree fits.
 */
const TREE_CHECK_THRESHOLD = MAX_NESTING_DEPTH / 2;
/** Rounds of step 2; blanking only removes tokens, so one is enough in practice. */
const MAX_TREE_ROUNDS = 3;

type LevelKind = 'root' | 'paren' | 'bracket' | 'brace' | 'template' | 'jsxTag' | 'jsxChildren' | 'jsxClosing';

interface Level {
  kind: LevelKind;
  /** Units this level adds to the parser's estimate: its bracket plus the chains open in it. */
  own: number;
  stmt: number;
  expr: number;
  angles: number;
  /** Units of looped operators in the current statement of this level (only for the tree bound). */
  flat: number;
  /** `(` right after `if`/`while`/`for`/`with`/`switch`/`catch`: a statement follows its `)`. */
  statementHead: boolean;
  /** `{` of a JSX attribute or child expression: closing it returns to JSX scanning. */
  jsxExpression: boolean;
  /** JSX tag: the next token is an attribute value. */
  expectValue: boolean;
  /** JSX tag: tokens after `<` (to tell a generic arrow `<T,>` / `<T extends U>` from a tag). */
  tagTokens: number;
}

/** What may stand in a JSX tag besides names: attribute values, `{...}`, `.`/`:` in names, the end. */
const TAG_TOKENS = new Set<TS.SyntaxKind>([
  K.GreaterThanToken, K.SlashToken, K.EqualsToken, K.StringLiteral, K.OpenBraceToken, K.DotToken, K.ColonToken, K.MinusToken,
  K.LessThanToken, K.CommaToken,
]);

function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36 || code > 127;
}

function isNameToken(kind: TS.SyntaxKind): boolean {
  return kind === K.Identifier || (kind >= K.FirstKeyword && kind <= K.LastKeyword);
}

function isJsxVariant(fileName: string): boolean {
  return !/\.[cm]?ts$/i.test(fileName);
}

interface ScanOutcome {
  blanks: TextRange[];
  /** Bound on tree depth, in units (see TREE_CHECK_THRESHOLD). */
  maxBound: number;
}

interface Skip {
  level: Level;
  start: number;
  /** inside: a bracket's content; element: a whole JSX element; rest: the rest of a chain. */
  kind: 'inside' | 'element' | 'rest';
  /**
   * For `rest`: an operator chain ends with its list item; a statement chain (`else if`) or an
   * open type-argument list only with the statement.
   */
  untilStatementEnd: boolean;
}

/** Step 1: one pass of the scanner. */
class NestingScanner {
  private readonly scanner: TS.Scanner;
  private readonly levels: Level[];
  private top: Level;
  /** Units of every open level: what the parser's stack will hold there. */
  private parseUnits = 0;
  private flatUnits = 0;
  private maxBound = 0;
  private endsExpression = false;
  private previous: TS.SyntaxKind = K.Unknown;
  /** Offset of the last `else`. */
  private elseStart = 0;
  /** A statement may have ended: after `;` always, after a block unless the next token continues it. */
  private pendingReset: 'statement' | 'brace' | null = null;
  private readonly blanks: TextRange[] = [];
  /** While set, tokens are only followed to find where the blanked construct ends. */
  private skip: Skip | null = null;

  constructor(
    private readonly text: string,
    private readonly jsx: boolean,
    /** For tests: every token as read here (nesting-bound.ts must read the same). */
    private readonly trace?: TokenTrace,
  ) {
    this.scanner = ts.createScanner(ts.ScriptTarget.Latest, true, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
    this.top = this.newLevel('root', 0);
    this.levels = [this.top];
  }

  run(): ScanOutcome {
    for (;;) {
      const token = this.nextToken();
      if (token === K.EndOfFileToken) break;
      this.trace?.(token, this.scanner.getTokenStart(), this.scanner.getTokenEnd(), this.scanner.hasPrecedingLineBreak());
      const kind = this.top.kind;
      if (kind === 'jsxChildren') this.handleJsxChild(token);
      else if (kind === 'jsxTag') this.handleJsxTag(token);
      else if (kind === 'jsxClosing') {
        if (token === K.GreaterThanToken) this.closeJsxElement();
      } else this.handleCode(token);
    }
    if (this.skip) this.blanks.push({ start: this.skip.start, end: this.text.length });
    return { blanks: this.blanks, maxBound: this.maxBound };
  }

  private newLevel(kind: LevelKind, own: number): Level {
    return { kind, own, stmt: 0, expr: 0, angles: 0, flat: 0, statementHead: false, jsxExpression: false, expectValue: false, tagTokens: 0 };
  }

  private nextToken(): TS.SyntaxKind {
    const top = this.top;
    const scanner = this.scanner;
    if (top.kind === 'jsxChildren') return scanner.scanJsxToken();
    if (top.kind === 'jsxTag' && top.expectValue) {
      top.expectValue = false;
      return scanner.scanJsxAttributeValue();
    }
    let token = scanner.scan();
    if (top.kind === 'jsxTag' || top.kind === 'jsxClosing') {
      if (isNameToken(token)) scanner.scanJsxIdentifier();
      return token;
    }
    if ((token === K.SlashToken || token === K.SlashEqualsToken) && !this.endsExpression) token = scanner.reScanSlashToken();
    else if (token === K.CloseBraceToken && top.kind === 'template') token = scanner.reScanTemplateToken(false);
    return token;
  }

  // ---- JSX ------------------------------------------------------------------------------------

  private handleJsxChild(token: TS.SyntaxKind): void {
    if (token === K.LessThanSlashToken) {
      // Blanked text ends before the closing tag, which stays.
      if (this.skip !== null && this.skip.kind === 'rest' && this.skip.level === this.top) {
        this.blanks.push({ start: this.skip.start, end: this.scanner.getTokenStart() });
        this.skip = null;
      }
      this.top.kind = 'jsxClosing';
    }
    else if (token === K.LessThanToken) this.open('jsxTag');
    else if (token === K.OpenBraceToken) this.open('brace').jsxExpression = true;
    else if (token === K.JsxText) this.countTextBrackets(this.scanner.getTokenText());
  }

  /**
   * Brackets in JSX text are only text, but should code ever be taken for JSX text, they are
   * counted anyway: the estimate may be high, never low.
   */
  private countTextBrackets(text: string): void {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 40 || code === 91) this.add('angles', LEVEL);
      else if ((code === 41 || code === 93) && this.top.angles > 0) this.top.angles = this.setUnits(this.top.angles, this.top.angles - LEVEL);
    }
  }

  private handleJsxTag(token: TS.SyntaxKind): void {
    const top = this.top;
    top.tagTokens++;
    // `<T,>() => ...`, `<T extends U>(x) => ...`, `<T = U,>` and `<const T,>` are generic arrow
    // functions (TypeScript's own rule for .tsx), not elements; other code is not a tag either.
    const generic = (top.tagTokens === 1 && token === K.ConstKeyword) || (top.tagTokens === 2 && (token === K.CommaToken || token === K.ExtendsKeyword || token === K.EqualsToken));
    if (generic || !TAG_TOKENS.has(token) && !isNameToken(token)) {
      this.close(top);
      this.add('angles', LEVEL);
      this.endsExpression = false;
      this.previous = K.LessThanToken;
      if (!this.top.kind.startsWith('jsx')) this.handleCode(token);
      return;
    }
    if (token === K.GreaterThanToken) top.kind = 'jsxChildren';
    else if (token === K.SlashToken) {
      this.scanner.scan(); // the `>` of `/>`
      this.closeJsxElement();
    } else if (token === K.EqualsToken) top.expectValue = true;
    else if (token === K.OpenBraceToken) this.open('brace').jsxExpression = true;
  }

  private closeJsxElement(): void {
    this.close(this.top);
    this.afterJsx(true);
  }

  /** After a JSX element or expression container closes: back to JSX scanning, or to code. */
  private afterJsx(elementClosed: boolean): boolean {
    if (!this.top.kind.startsWith('jsx')) {
      this.endsExpression = elementClosed;
      this.previous = K.Identifier;
    }
    return elementClosed;
  }

  // ---- code -----------------------------------------------------------------------------------

  private handleCode(token: TS.SyntaxKind): void {
    const lineBreak = this.scanner.hasPrecedingLineBreak();
    const statementEnds = this.endsStatement(token, lineBreak);
    const continued = token === K.ElseKeyword || token === K.CatchKeyword || token === K.FinallyKeyword;
    const skip = this.skip;
    if (skip !== null && skip.kind === 'rest' && skip.level === this.top) {
      const listItemEnds = token === K.CommaToken && this.top.angles === 0;
      const ends = token === K.SemicolonToken || (skip.untilStatementEnd ? statementEnds && !continued : statementEnds || listItemEnds);
      if (ends) {
        this.blanks.push({ start: skip.start, end: this.scanner.getTokenStart() });
        this.skip = null;
      }
    }
    if (statementEnds) this.resetTop(!continued);
    this.pendingReset = null;
    if (token === K.ElseKeyword) this.elseStart = this.scanner.getTokenStart();
    const endsBefore = this.endsExpression;
    let endsAfter = false;
    switch (token) {
      case K.OpenParenToken:
        if (endsBefore) this.add('flat', 1); // a call
        this.open('paren').statementHead = STATEMENT_HEAD[this.previous] === 1;
        break;
      case K.OpenBracketToken:
        if (endsBefore) this.add('flat', 1); // an element access
        this.open('bracket');
        break;
      case K.OpenBraceToken:
        this.open('brace');
        break;
      case K.TemplateHead:
        if (endsBefore) this.add('flat', 1); // a tagged template
        this.open('template');
        break;
      case K.TemplateMiddle:
        this.resetTop(false);
        break;
      case K.TemplateTail:
      case K.CloseParenToken:
      case K.CloseBracketToken:
      case K.CloseBraceToken:
        endsAfter = this.closeBracket(token);
        break;
      case K.SemicolonToken:
        this.pendingReset = 'statement';
        break;
      case K.CommaToken:
        // A list item ends, unless the comma separates type arguments or parameters (`<A, B>`).
        if (this.top.angles === 0) this.top.expr = this.setUnits(this.top.expr, 0);
        this.add('flat', 1); // the comma operator nests to the left
        break;
      case K.CaseKeyword:
      case K.DefaultKeyword:
        this.resetTop(false);
        break;
      case K.EqualsGreaterThanToken:
        this.add('expr', 2);
        break;
      case K.LessThanToken:
        if (this.jsx && !endsBefore && this.startsJsxElement()) this.open('jsxTag');
        else this.add('angles', LEVEL); // type arguments or an assertion; a comparison costs the same
        break;
      case K.GreaterThanToken:
        if (this.top.angles > 0) this.top.angles = this.setUnits(this.top.angles, this.top.angles - LEVEL);
        this.add('flat', 1);
        break;
      case K.ExclamationToken:
      case K.PlusPlusToken:
      case K.MinusMinusToken:
        if (endsBefore && !lineBreak) {
          this.add('flat', 1); // postfix: `x!`, `i++`
          endsAfter = true;
        } else this.add('expr', 1);
        break;
      case K.PlusToken:
      case K.MinusToken:
        this.add(endsBefore ? 'flat' : 'expr', 1);
        break;
      case K.NoSubstitutionTemplateLiteral:
        if (endsBefore) this.add('flat', 1); // a tagged template
        endsAfter = true;
        break;
      default:
        switch (ROLE[token]) {
          case OPERAND:
            endsAfter = true;
            break;
          case STATEMENT_CHAIN:
            this.add('stmt', 1);
            break;
          case RECURSIVE:
            this.add('expr', 1);
            break;
          case LOOPED:
            this.add('flat', 1);
            break;
        }
    }
    this.endsExpression = endsAfter;
    this.previous = token;
  }

  /** `<` that starts a JSX element: followed by a tag name or `>` (a fragment). */
  private startsJsxElement(): boolean {
    const next = this.text.charCodeAt(this.scanner.getTokenEnd());
    return next === 62 || isIdentifierStart(next);
  }

  /**
   * Whether the statement of the top level ended before this token: after `;`, after a block the
   * token does not continue, at a line break where ASI ends the statement.
   */
  private endsStatement(token: TS.SyntaxKind, lineBreak: boolean): boolean {
    if (this.pendingReset === 'statement') return true;
    if (this.pendingReset === 'brace' || lineBreak) {
      if (CONTINUES[token] === 1) return false;
      return this.pendingReset === 'brace' || this.endsExpression || RESTRICTED[this.previous] === 1;
    }
    return false;
  }

  private resetTop(statementToo: boolean): void {
    const top = this.top;
    top.expr = this.setUnits(top.expr, 0);
    top.angles = this.setUnits(top.angles, 0);
    if (statementToo) top.stmt = this.setUnits(top.stmt, 0);
    this.flatUnits -= top.flat;
    top.flat = 0;
  }

  /** Sets one counter of the top level (kept in its `own` and the running total); returns `next`. */
  private setUnits(current: number, next: number): number {
    this.top.own += next - current;
    this.parseUnits += next - current;
    return next;
  }

  private add(counter: 'stmt' | 'expr' | 'angles' | 'flat', units: number): void {
    if (this.skip !== null) return;
    const top = this.top;
    if (counter === 'flat') {
      top.flat += units;
      this.flatUnits += units;
    } else {
      top[counter] = this.setUnits(top[counter], top[counter] + units);
      if (this.parseUnits > PARSE_BUDGET) {
        // Too deep: blank from this token to the end of its statement or list item.
        // `else if` goes as a whole: a lone `else` would adopt the next statement.
        const start = this.previous === K.ElseKeyword ? this.elseStart : this.scanner.getTokenStart();
        this.skip = { level: top, start, kind: 'rest', untilStatementEnd: counter !== 'expr' };
        return;
      }
    }
    if (this.parseUnits + this.flatUnits > this.maxBound) this.maxBound = this.parseUnits + this.flatUnits;
  }

  private open(kind: LevelKind): Level {
    const counted = this.skip === null;
    const level = this.newLevel(kind, counted ? LEVEL : 0);
    this.levels.push(level);
    this.top = level;
    if (!counted) return level;
    this.parseUnits += LEVEL;
    if (this.parseUnits > PARSE_BUDGET) {
      // Too deep: blank the bracket's content (a JSX element as a whole).
      const element = kind === 'jsxTag';
      this.skip = { level, start: element ? this.scanner.getTokenStart() : this.scanner.getTokenEnd(), kind: element ? 'element' : 'inside', untilStatementEnd: false };
    } else if (this.parseUnits + this.flatUnits > this.maxBound) {
      this.maxBound = this.parseUnits + this.flatUnits;
    }
    return level;
  }

  /** Pops `level` and everything above it (only JSX elements leave levels open inside them). */
  private close(level: Level): void {
    while (this.levels.length > 1) {
      const popped = this.levels.pop()!;
      this.top = this.levels[this.levels.length - 1];
      this.parseUnits -= popped.own;
      this.flatUnits -= popped.flat;
      if (this.skip !== null && this.skip.level === popped) {
        // An element goes with its closing `>`; a bracket keeps its closer; a chain ends before it.
        const end = this.skip.kind === 'element' ? this.scanner.getTokenEnd() : this.scanner.getTokenStart();
        this.blanks.push({ start: this.skip.start, end });
        this.skip = null;
      }
      if (popped === level) return;
    }
  }

  /**
   * Closes the innermost open bracket if the closer matches it. A closer that does not match is
   * ignored: in valid code it cannot happen, and where the lexer took a regular expression for a
   * division (`/[)]/`), closing an outer bracket would make the estimate low; ignoring it can
   * only make it high.
   */
  private closeBracket(token: TS.SyntaxKind): boolean {
    const wanted: LevelKind = token === K.CloseParenToken ? 'paren' : token === K.CloseBracketToken ? 'bracket' : token === K.TemplateTail ? 'template' : 'brace';
    const level = this.top;
    if (level.kind !== wanted) return false;
    this.close(level);
    if (level.jsxExpression) return this.afterJsx(false);
    if (wanted === 'brace') this.pendingReset = 'brace';
    return wanted === 'paren' ? !level.statementHead : true;
  }
}

export interface GuardedTypeScript {
  /** The text to parse: the original string when nothing was too deep. */
  text: string;
  /** Offsets where a blanked construct started (for errors[] lines). */
  cutAt: number[];
  /** When step 2 ran, the tree of the final text, parsed with the caller's function. */
  sourceFile?: TS.SourceFile;
}

/**
 * Returns the text with every construct deeper than MAX_NESTING_DEPTH blanked. `parse` must be
 * the caller's own parse (same options), so a tree built for step 2 can be handed back and reused.
 */
export function guardTypeScriptNesting(fileName: string, text: string, parse: (text: string) => TS.SourceFile): GuardedTypeScript {
  const jsx = isJsxVariant(fileName);
  // Most files are far from any limit: where a cheap bound on the estimate below proves that
  // nothing would be blanked and no tree checked, the answer is the text as it is.
  if (!jsx && fitsNestingBudget(text, TREE_CHECK_THRESHOLD)) return { text, cutAt: [] };
  const scan = new NestingScanner(text, jsx).run();
  let guarded = blankRanges(text, scan.blanks);
  const cutAt = scan.blanks.map((range) => range.start);
  if (scan.maxBound <= TREE_CHECK_THRESHOLD) return { text: guarded, cutAt };
  let sourceFile = parse(guarded);
  for (let round = 0; round < MAX_TREE_ROUNDS; round++) {
    const deep = nodesBelowLimit(sourceFile);
    if (deep.length === 0) return { text: guarded, cutAt, sourceFile };
    cutAt.push(...deep.map((range) => range.start));
    guarded = blankRanges(guarded, deep);
    sourceFile = parse(guarded);
  }
  // Blanking removes tokens, so each round is shallower; should one not be, nothing is analysed.
  if (nodesBelowLimit(sourceFile).length > 0) {
    cutAt.push(0);
    guarded = blankRanges(guarded, [{ start: 0, end: guarded.length }]);
    sourceFile = parse(guarded);
  }
  return { text: guarded, cutAt, sourceFile };
}

/** For tests: the guard's tokens (kind, extent, preceding line break) and its bound on tree depth, in units. */
export function nestingEstimate(fileName: string, text: string, trace?: TokenTrace): number {
  return new NestingScanner(text, isJsxVariant(fileName), trace).run().maxBound;
}

/**
 * Where a subtree passes the limit, it is cut a little above it: the parent of a blanked node
 * keeps its own tokens and may get a placeholder child from error recovery, which must still fit.
 */
const CUT_DEPTH = MAX_NESTING_DEPTH - 16;

/** The nodes at CUT_DEPTH whose subtree goes deeper than the limit; explicit stacks only. */
function nodesBelowLimit(sourceFile: TS.SourceFile): TextRange[] {
  const found: TextRange[] = [];
  const nodes: TS.Node[] = [sourceFile];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth === CUT_DEPTH) {
      if (deeperThan(node, MAX_NESTING_DEPTH - CUT_DEPTH)) found.push({ start: node.getStart(sourceFile), end: node.end });
      continue;
    }
    ts.forEachChild(node, (child) => {
      nodes.push(child);
      depths.push(depth + 1);
    });
  }
  return found;
}

/** Whether the subtree under `root` has a node more than `levels` below it. */
function deeperThan(root: TS.Node, levels: number): boolean {
  const nodes: TS.Node[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > levels) return true;
    ts.forEachChild(node, (child) => {
      nodes.push(child);
      depths.push(depth + 1);
    });
  }
  return false;
}


const SOURCE_FILE = /\.[cm]?[jt]sx?$/i;

/** The script kind the compiler gives a source file by its name (the front end's scriptKindOf agrees). */
export function scriptKindOfSource(fileName: string): TS.ScriptKind {
  const lower = fileName.toLowerCase();
  return lower.endsWith('x') ? (lower.endsWith('tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.JSX) : /\.[cm]?js$/.test(lower) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/**
 * The text the compiler should see for a file read from disk (the leak analysis's file system):
 * TS/JS sources guarded like the front end guards them, anything else (tsconfig.json) unchanged.
 * The front end reports the blanked constructs; this only keeps the compiler off them.
 */
export function guardedSourceText(fileName: string, text: string): string {
  if (!SOURCE_FILE.test(fileName)) return text;
  const scriptKind = scriptKindOfSource(fileName);
  // The front end guarded this very text already in this scan (guard-memo.ts): no second scan or parse.
  const known = takeGuardedText(scriptKind, text);
  if (known !== undefined) return known;
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  return guardTypeScriptNesting(fileName, text, (source) => ts.createSourceFile(fileName, source, options, false, scriptKind)).text;
}
