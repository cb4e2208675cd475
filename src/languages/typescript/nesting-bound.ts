// A fast pre-check for the nesting guard (nesting-guard.ts) on files without JSX (.ts, .mts,
// .cts): most files are nowhere near deep enough to need blanking or a tree check, and proving it
// here costs about half the guard's pass with the TypeScript scanner (dub's 178 .ts files that
// pass the prefilter, in a fresh process: 70-100 ms of main-thread CPU for the guard, 40-60 ms here).
//
// It reads the text token by token exactly as the guard's scanner does (same token kinds and
// extents, same regular-expression-or-division decision, same template rescans) and keeps an
// upper bound of the guard's estimate: the same levels, each charged at least what the guard
// charges for every token, and reset only where the guard resets the whole level (the statement
// after `;`, after a block, unless `else`/`catch`/`finally` or a continuing token follows). The
// guard's own decreases (`>` closing type arguments, commas, line breaks, `case`) are not made,
// so the bound can only be higher. While it stays at or below the guard's tree-check threshold,
// the guard would blank nothing and build no tree, and returns the text unchanged; so does the
// caller. Anything this reader does not read exactly like the scanner (a character outside
// ASCII in code, a backslash outside literals, an unterminated literal or comment, a legacy
// octal number, a merge-conflict marker, a line or paragraph separator anywhere) makes it answer
// false, and the guard runs as before.
import { CONTINUES, K, KEYWORDS, OPERAND, ROLE, STATEMENT_HEAD } from './nesting-tokens.js';
import type { TS } from './typescript-module.js';

/** For tests: every token as the guard would see it. */
export type TokenTrace = (kind: TS.SyntaxKind, start: number, end: number, lineBreak: boolean) => void;

/** Units of an open bracket (nesting-guard.ts LEVEL). */
const LEVEL = 4;

/**
 * This reader's own token codes, numbers written into the code so that its switches compile to
 * jump tables (the compiler's SyntaxKind values are properties read at run time, and differ
 * between compiler versions); SYNTAX_KIND maps them to the compiler's kinds.
 */
const enum Tok {
  Word, // identifier or keyword: its kind comes from KEYWORDS
  Numeric, BigInt, String, RegularExpression, NoSubstitutionTemplate, TemplateHead, TemplateMiddle, TemplateTail, Private,
  OpenParen, CloseParen, OpenBracket, CloseBracket, OpenBrace, CloseBrace, Semicolon, Comma, Colon, At, Tilde,
  Exclamation, ExclamationEquals, ExclamationEqualsEquals, Percent, PercentEquals, Ampersand, AmpersandAmpersand,
  AmpersandAmpersandEquals, AmpersandEquals, Asterisk, AsteriskEquals, AsteriskAsterisk, AsteriskAsteriskEquals, Plus,
  PlusPlus, PlusEquals, Minus, MinusMinus, MinusEquals, Dot, DotDotDot, Slash, SlashEquals, LessThan, LessThanLessThan,
  LessThanLessThanEquals, LessThanEquals, Equals, EqualsEquals, EqualsEqualsEquals, EqualsGreaterThan, GreaterThan,
  Question, QuestionDot, QuestionQuestion, QuestionQuestionEquals, Caret, CaretEquals, Bar, BarBar, BarBarEquals,
  BarEquals, Count,
}

const SYNTAX_KIND = new Int32Array(Tok.Count);
{
  const kinds: Array<[Tok, TS.SyntaxKind]> = [
    [Tok.Word, K.Identifier], [Tok.Numeric, K.NumericLiteral], [Tok.BigInt, K.BigIntLiteral], [Tok.String, K.StringLiteral],
    [Tok.RegularExpression, K.RegularExpressionLiteral], [Tok.NoSubstitutionTemplate, K.NoSubstitutionTemplateLiteral],
    [Tok.TemplateHead, K.TemplateHead], [Tok.TemplateMiddle, K.TemplateMiddle], [Tok.TemplateTail, K.TemplateTail],
    [Tok.Private, K.PrivateIdentifier], [Tok.OpenParen, K.OpenParenToken], [Tok.CloseParen, K.CloseParenToken],
    [Tok.OpenBracket, K.OpenBracketToken], [Tok.CloseBracket, K.CloseBracketToken], [Tok.OpenBrace, K.OpenBraceToken],
    [Tok.CloseBrace, K.CloseBraceToken], [Tok.Semicolon, K.SemicolonToken], [Tok.Comma, K.CommaToken], [Tok.Colon, K.ColonToken],
    [Tok.At, K.AtToken], [Tok.Tilde, K.TildeToken], [Tok.Exclamation, K.ExclamationToken], [Tok.ExclamationEquals, K.ExclamationEqualsToken],
    [Tok.ExclamationEqualsEquals, K.ExclamationEqualsEqualsToken], [Tok.Percent, K.PercentToken], [Tok.PercentEquals, K.PercentEqualsToken],
    [Tok.Ampersand, K.AmpersandToken], [Tok.AmpersandAmpersand, K.AmpersandAmpersandToken],
    [Tok.AmpersandAmpersandEquals, K.AmpersandAmpersandEqualsToken], [Tok.AmpersandEquals, K.AmpersandEqualsToken],
    [Tok.Asterisk, K.AsteriskToken], [Tok.AsteriskEquals, K.AsteriskEqualsToken], [Tok.AsteriskAsterisk, K.AsteriskAsteriskToken],
    [Tok.AsteriskAsteriskEquals, K.AsteriskAsteriskEqualsToken], [Tok.Plus, K.PlusToken], [Tok.PlusPlus, K.PlusPlusToken],
    [Tok.PlusEquals, K.PlusEqualsToken], [Tok.Minus, K.MinusToken], [Tok.MinusMinus, K.MinusMinusToken], [Tok.MinusEquals, K.MinusEqualsToken],
    [Tok.Dot, K.DotToken], [Tok.DotDotDot, K.DotDotDotToken], [Tok.Slash, K.SlashToken], [Tok.SlashEquals, K.SlashEqualsToken],
    [Tok.LessThan, K.LessThanToken], [Tok.LessThanLessThan, K.LessThanLessThanToken], [Tok.LessThanLessThanEquals, K.LessThanLessThanEqualsToken],
    [Tok.LessThanEquals, K.LessThanEqualsToken], [Tok.Equals, K.EqualsToken], [Tok.EqualsEquals, K.EqualsEqualsToken],
    [Tok.EqualsEqualsEquals, K.EqualsEqualsEqualsToken], [Tok.EqualsGreaterThan, K.EqualsGreaterThanToken], [Tok.GreaterThan, K.GreaterThanToken],
    [Tok.Question, K.QuestionToken], [Tok.QuestionDot, K.QuestionDotToken], [Tok.QuestionQuestion, K.QuestionQuestionToken],
    [Tok.QuestionQuestionEquals, K.QuestionQuestionEqualsToken], [Tok.Caret, K.CaretToken], [Tok.CaretEquals, K.CaretEqualsToken],
    [Tok.Bar, K.BarToken], [Tok.BarBar, K.BarBarToken], [Tok.BarBarEquals, K.BarBarEqualsToken], [Tok.BarEquals, K.BarEqualsToken],
  ];
  for (const [tok, kind] of kinds) SYNTAX_KIND[tok] = kind;
}

/** By compiler kind: `else`, `catch`, `finally` continue a statement after `;` (the guard keeps its `if` chain). */
const CONTINUES_STATEMENT = new Uint8Array(K.Count);
for (const kind of [K.ElseKeyword, K.CatchKeyword, K.FinallyKeyword]) CONTINUES_STATEMENT[kind] = 1;
/** By compiler kind: `case` and `default`, which the guard handles before looking at roles (no charge, no operand). */
const CASE_LIKE = new Uint8Array(K.Count);
for (const kind of [K.CaseKeyword, K.DefaultKeyword]) CASE_LIKE[kind] = 1;

// Level kinds.
const PAREN = 1;
const BRACKET = 2;
const BRACE = 3;
const TEMPLATE = 4;

const AFTER_SEMICOLON = 1;
const AFTER_BRACE = 2;

/** `[A-Za-z_$]`, `[A-Za-z0-9_$]`: identifiers this reader reads (others contain non-ASCII or escapes: not read). */
const IDENTIFIER_START = new Uint8Array(128);
const IDENTIFIER_PART = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === 36;
  IDENTIFIER_START[code] = letter ? 1 : 0;
  IDENTIFIER_PART[code] = letter || (code >= 48 && code <= 57) ? 1 : 0;
}

/** (first letter, length) of every keyword: most words are no candidate and are never sliced. */
const KEYWORD_SHAPES = new Uint8Array(128 * 16);
for (const word of KEYWORDS.keys()) KEYWORD_SHAPES[word.charCodeAt(0) * 16 + word.length] = 1;

const RADIX_NUMBER = /^0(?:[xX][0-9a-fA-F_]+|[bB][01_]+|[oO][0-7_]+)n?$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A character that continues a word, or one this reader does not read (`\`, non-ASCII). */
function joinsWord(code: number): boolean {
  return code > 127 || code === 92 || IDENTIFIER_PART[code] === 1;
}

/** Seven equal characters at a line start: the scanner may read a merge-conflict marker there. */
function mayBeConflictMarker(text: string, at: number, code: number): boolean {
  if (at > 0) {
    const before = text.charCodeAt(at - 1);
    if (before !== 10 && before !== 13) return false;
  }
  for (let i = 1; i < 7; i++) if (text.charCodeAt(at + i) !== code) return false;
  return true;
}

/** Open levels: kind, charge (units of the tokens read in it since its last reset), statement head. */
class Levels {
  kinds = new Uint8Array(64);
  charges = new Int32Array(64);
  heads = new Uint8Array(64);

  grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    const charges = new Int32Array(size);
    const heads = new Uint8Array(size);
    kinds.set(this.kinds);
    charges.set(this.charges);
    heads.set(this.heads);
    this.kinds = kinds;
    this.charges = charges;
    this.heads = heads;
  }
}

// Readers of one token kind each, kept small so the engine optimises them on their own. Each
// returns where the token ends (packed with a flag where it says so), or -1: not read here.

/** Where a `#!` line at the start of the text ends (the scanner skips it as trivia); 0 without one. */
function shebangEnd(text: string, length: number): number {
  if (length < 2 || text.charCodeAt(0) !== 35 || text.charCodeAt(1) !== 33) return 0;
  let pos = 2;
  while (pos < length && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
  return pos;
}

/** Trivia from `pos`: the offset of the next token (or the end) times 2, plus 1 after a line break. */
function skipTrivia(text: string, pos: number, length: number): number {
  let lineBreak = 0;
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === 32 || code === 9 || code === 11 || code === 12) pos++;
    else if (code === 10 || code === 13) {
      lineBreak = 1;
      pos++;
    } else if (code !== 47) break;
    else {
      const next = pos + 1 < length ? text.charCodeAt(pos + 1) : 0;
      if (next === 47) {
        pos += 2;
        while (pos < length) {
          const inside = text.charCodeAt(pos);
          if (inside === 10 || inside === 13) break;
          pos++;
        }
      } else if (next === 42) {
        const close = text.indexOf('*/', pos + 2);
        if (close < 0) return -1;
        if (lineBreak === 0) {
          for (let at = pos + 2; at < close; at++) {
            const inside = text.charCodeAt(at);
            if (inside === 10 || inside === 13) {
              lineBreak = 1;
              break;
            }
          }
        }
        pos = close + 2;
      } else break;
    }
  }
  return pos * 2 + lineBreak;
}

/** A word from `pos` (an ASCII identifier start): its end. */
function scanWord(text: string, pos: number, length: number): number {
  pos++;
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code < 128 && IDENTIFIER_PART[code] === 1) pos++;
    else if (code === 92 || code > 127) return -1;
    else break;
  }
  return pos;
}

/** A number from `pos` (a digit, or `.` and a digit), as the scanner reads it: end times 2, plus 1 for a BigInt. */
function scanNumber(text: string, start: number, length: number): number {
  let pos = start;
  const first = text.charCodeAt(pos);
  const next = pos + 1 < length ? text.charCodeAt(pos + 1) : 0;
  if (first === 48 && (next === 120 || next === 88 || next === 98 || next === 66 || next === 111 || next === 79)) {
    if (pos + 2 >= length) return -1;
    pos += 2;
    while (pos < length && joinsWord(text.charCodeAt(pos))) pos++;
    const literal = text.slice(start, pos);
    if (!RADIX_NUMBER.test(literal)) return -1;
    return pos * 2 + (literal.endsWith('n') ? 1 : 0);
  }
  if (first === 48 && (isDigit(next) || next === 95)) return -1; // legacy octal, `0_`
  pos = skipDigits(text, pos, length);
  let plain = true;
  if (pos < length && text.charCodeAt(pos) === 46) {
    plain = false;
    pos = skipDigits(text, pos + 1, length);
  }
  if (pos < length && (text.charCodeAt(pos) === 101 || text.charCodeAt(pos) === 69)) {
    plain = false;
    pos++;
    if (pos < length && (text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45)) pos++;
    if (pos >= length || !isDigit(text.charCodeAt(pos))) return -1;
    pos = skipDigits(text, pos, length);
  }
  let bigInt = 0;
  if (plain && pos < length && text.charCodeAt(pos) === 110) {
    pos++;
    bigInt = 1;
  }
  if (pos < length && joinsWord(text.charCodeAt(pos))) return -1;
  return pos * 2 + bigInt;
}

function skipDigits(text: string, pos: number, length: number): number {
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (isDigit(code) || code === 95) pos++;
    else break;
  }
  return pos;
}

/** A string literal from its quote at `pos`: its end. */
function scanString(text: string, pos: number, length: number): number {
  const quote = text.charCodeAt(pos);
  pos++;
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === quote) return pos + 1;
    if (code === 92) pos += 2;
    else if (code === 10 || code === 13) return -1;
    else pos++;
  }
  return -1;
}

/** Template text from the backtick or `}` at `pos`: its end times 2, plus 1 when a substitution `${` ends it. */
function scanTemplate(text: string, pos: number, length: number): number {
  pos++;
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code === 96) return (pos + 1) * 2;
    if (code === 36 && pos + 1 < length && text.charCodeAt(pos + 1) === 123) return (pos + 2) * 2 + 1;
    pos += code === 92 ? 2 : 1;
  }
  return -1;
}

/** A regular expression from its `/` at `pos`, as the scanner's rescan reads it: its end. */
function scanRegularExpression(text: string, pos: number, length: number): number {
  pos++;
  let inEscape = false;
  let inClass = false;
  for (;;) {
    if (pos >= length) return -1;
    const code = text.charCodeAt(pos);
    if (code === 10 || code === 13) return -1;
    if (inEscape) inEscape = false;
    else if (code === 47 && !inClass) break;
    else if (code === 91) inClass = true;
    else if (code === 92) inEscape = true;
    else if (code === 93) inClass = false;
    pos++;
  }
  pos++;
  while (pos < length) {
    const code = text.charCodeAt(pos);
    if (code < 128 && IDENTIFIER_PART[code] === 1) pos++;
    else if (code > 127) return -1;
    else break;
  }
  return pos;
}

/** A private name from its `#` at `pos`: its end. */
function scanPrivateName(text: string, pos: number, length: number): number {
  const next = pos + 1 < length ? text.charCodeAt(pos + 1) : 0;
  if (next >= 128 || IDENTIFIER_START[next] !== 1) return -1;
  return scanWord(text, pos + 1, length);
}

/** Punctuation at `pos` (first character `code`): its Tok times 4 plus its length. */
function scanPunctuation(text: string, pos: number, length: number, code: number): number {
  const next = pos + 1 < length ? text.charCodeAt(pos + 1) : 0;
  const third = pos + 2 < length ? text.charCodeAt(pos + 2) : 0;
  switch (code) {
    case 33: // !
      if (next === 61) return third === 61 ? Tok.ExclamationEqualsEquals * 4 + 3 : Tok.ExclamationEquals * 4 + 2;
      return Tok.Exclamation * 4 + 1;
    case 37: // %
      return next === 61 ? Tok.PercentEquals * 4 + 2 : Tok.Percent * 4 + 1;
    case 38: // &
      if (next === 38) return third === 61 ? Tok.AmpersandAmpersandEquals * 4 + 3 : Tok.AmpersandAmpersand * 4 + 2;
      return next === 61 ? Tok.AmpersandEquals * 4 + 2 : Tok.Ampersand * 4 + 1;
    case 40:
      return Tok.OpenParen * 4 + 1;
    case 41:
      return Tok.CloseParen * 4 + 1;
    case 42: // *
      if (next === 61) return Tok.AsteriskEquals * 4 + 2;
      if (next === 42) return third === 61 ? Tok.AsteriskAsteriskEquals * 4 + 3 : Tok.AsteriskAsterisk * 4 + 2;
      return Tok.Asterisk * 4 + 1;
    case 43: // +
      return next === 43 ? Tok.PlusPlus * 4 + 2 : next === 61 ? Tok.PlusEquals * 4 + 2 : Tok.Plus * 4 + 1;
    case 44:
      return Tok.Comma * 4 + 1;
    case 45: // -
      return next === 45 ? Tok.MinusMinus * 4 + 2 : next === 61 ? Tok.MinusEquals * 4 + 2 : Tok.Minus * 4 + 1;
    case 46: // .
      return next === 46 && third === 46 ? Tok.DotDotDot * 4 + 3 : Tok.Dot * 4 + 1;
    case 47: // / after an operand (comments were trivia)
      return next === 61 ? Tok.SlashEquals * 4 + 2 : Tok.Slash * 4 + 1;
    case 58:
      return Tok.Colon * 4 + 1;
    case 59:
      return Tok.Semicolon * 4 + 1;
    case 60: // <
      if (mayBeConflictMarker(text, pos, code)) return -1;
      if (next === 60) return third === 61 ? Tok.LessThanLessThanEquals * 4 + 3 : Tok.LessThanLessThan * 4 + 2;
      return next === 61 ? Tok.LessThanEquals * 4 + 2 : Tok.LessThan * 4 + 1;
    case 61: // =
      if (mayBeConflictMarker(text, pos, code)) return -1;
      if (next === 61) return third === 61 ? Tok.EqualsEqualsEquals * 4 + 3 : Tok.EqualsEquals * 4 + 2;
      return next === 62 ? Tok.EqualsGreaterThan * 4 + 2 : Tok.Equals * 4 + 1;
    case 62: // > (always one character: the parser, not the scanner, joins `>>`)
      return mayBeConflictMarker(text, pos, code) ? -1 : Tok.GreaterThan * 4 + 1;
    case 63: // ?
      if (next === 46 && !isDigit(third)) return Tok.QuestionDot * 4 + 2;
      if (next === 63) return third === 61 ? Tok.QuestionQuestionEquals * 4 + 3 : Tok.QuestionQuestion * 4 + 2;
      return Tok.Question * 4 + 1;
    case 64:
      return Tok.At * 4 + 1;
    case 91:
      return Tok.OpenBracket * 4 + 1;
    case 93:
      return Tok.CloseBracket * 4 + 1;
    case 94: // ^
      return next === 61 ? Tok.CaretEquals * 4 + 2 : Tok.Caret * 4 + 1;
    case 123:
      return Tok.OpenBrace * 4 + 1;
    case 124: // |
      if (mayBeConflictMarker(text, pos, code)) return -1;
      if (next === 124) return third === 61 ? Tok.BarBarEquals * 4 + 3 : Tok.BarBar * 4 + 2;
      return next === 61 ? Tok.BarEquals * 4 + 2 : Tok.Bar * 4 + 1;
    case 125:
      return Tok.CloseBrace * 4 + 1;
    case 126:
      return Tok.Tilde * 4 + 1;
    default:
      return -1; // `\`, non-ASCII, control characters: the scanner's business
  }
}

/**
 * True when the nesting guard's estimate provably never passes `limit` for this text (read as a
 * file without JSX); false when it may, or when the text holds something this reader leaves to
 * the scanner.
 */
export function fitsNestingBudget(text: string, limit: number, trace?: TokenTrace): boolean {
  if (text.includes('\u2028') || text.includes('\u2029')) return false;
  const length = text.length;
  const levels = new Levels();
  let depth = 0;
  let total = 0;
  let endsExpression = false;
  let previous: number = K.Unknown;
  let pending = 0;
  let pos = shebangEnd(text, length);
  for (;;) {
    const trivia = skipTrivia(text, pos, length);
    if (trivia < 0) return false;
    pos = trivia >> 1;
    if (pos >= length) return true;
    const lineBreak = (trivia & 1) === 1;

    // One token, read as the guard's scanner reads it.
    const start = pos;
    const code = text.charCodeAt(pos);
    let tok: Tok;
    let kind = 0; // the compiler's kind: for words from KEYWORDS, for the rest from SYNTAX_KIND
    let end: number;
    if (code < 128 && IDENTIFIER_START[code] === 1) {
      end = scanWord(text, pos, length);
      if (end < 0) return false;
      tok = Tok.Word;
      kind = K.Identifier;
      const size = end - start;
      if (size >= 2 && size <= 12 && code >= 97 && KEYWORD_SHAPES[code * 16 + size] === 1) kind = KEYWORDS.get(text.slice(start, end)) ?? kind;
    } else if (isDigit(code) || (code === 46 && pos + 1 < length && isDigit(text.charCodeAt(pos + 1)))) {
      const packed = scanNumber(text, pos, length);
      if (packed < 0) return false;
      end = packed >> 1;
      tok = (packed & 1) === 1 ? Tok.BigInt : Tok.Numeric;
    } else if (code === 34 || code === 39) {
      end = scanString(text, pos, length);
      if (end < 0) return false;
      tok = Tok.String;
    } else if (code === 96 || (code === 125 && levels.kinds[depth] === TEMPLATE)) {
      // A template, or its continuation after a substitution (the guard rescans that `}`).
      const packed = scanTemplate(text, pos, length);
      if (packed < 0) return false;
      end = packed >> 1;
      const substitution = (packed & 1) === 1;
      tok = code === 96 ? (substitution ? Tok.TemplateHead : Tok.NoSubstitutionTemplate) : substitution ? Tok.TemplateMiddle : Tok.TemplateTail;
    } else if (code === 47 && !endsExpression) {
      // The guard rescans `/` and `/=` as a regular expression where no operand ends before it.
      end = scanRegularExpression(text, pos, length);
      if (end < 0) return false;
      tok = Tok.RegularExpression;
    } else if (code === 35) {
      end = scanPrivateName(text, pos, length);
      if (end < 0) return false;
      tok = Tok.Private;
    } else {
      const packed = scanPunctuation(text, pos, length, code);
      if (packed < 0) return false;
      tok = packed >> 2;
      end = pos + (packed & 3);
    }
    pos = end;
    if (tok !== Tok.Word) kind = SYNTAX_KIND[tok];
    if (trace !== undefined) trace(kind, start, pos, lineBreak);

    // The bound. A whole-level reset where the guard resets the whole level too.
    if (pending !== 0 && (pending === AFTER_SEMICOLON ? CONTINUES_STATEMENT[kind] === 0 : CONTINUES[kind] === 0)) {
      total -= levels.charges[depth];
      levels.charges[depth] = 0;
    }
    pending = 0;
    let charge = 0;
    let endsAfter = false;
    switch (tok) {
      case Tok.OpenParen:
      case Tok.OpenBracket:
      case Tok.TemplateHead:
        levels.charges[depth] += 1; // a call, element access or tagged template
        total += 1;
      // falls through
      case Tok.OpenBrace:
        depth++;
        if (depth === levels.kinds.length) levels.grow();
        levels.kinds[depth] = tok === Tok.OpenParen ? PAREN : tok === Tok.OpenBracket ? BRACKET : tok === Tok.OpenBrace ? BRACE : TEMPLATE;
        levels.charges[depth] = 0;
        levels.heads[depth] = tok === Tok.OpenParen ? STATEMENT_HEAD[previous] : 0;
        total += LEVEL;
        if (total > limit) return false;
        break;
      case Tok.CloseParen:
      case Tok.CloseBracket:
      case Tok.CloseBrace:
      case Tok.TemplateTail: {
        const wanted = tok === Tok.CloseParen ? PAREN : tok === Tok.CloseBracket ? BRACKET : tok === Tok.CloseBrace ? BRACE : TEMPLATE;
        if (depth > 0 && levels.kinds[depth] === wanted) {
          total -= LEVEL + levels.charges[depth];
          endsAfter = wanted === PAREN ? levels.heads[depth] === 0 : true;
          depth--;
          if (wanted === BRACE) pending = AFTER_BRACE;
        }
        break;
      }
      case Tok.Semicolon:
        pending = AFTER_SEMICOLON;
        break;
      case Tok.TemplateMiddle:
        break;
      case Tok.EqualsGreaterThan:
        charge = 2;
        break;
      case Tok.LessThan:
        charge = LEVEL; // type arguments, or a comparison charged the same
        break;
      case Tok.Exclamation:
      case Tok.PlusPlus:
      case Tok.MinusMinus:
        charge = 1;
        endsAfter = endsExpression && !lineBreak; // postfix
        break;
      case Tok.NoSubstitutionTemplate:
        charge = 1;
        endsAfter = true;
        break;
      case Tok.Comma:
      case Tok.GreaterThan:
      case Tok.Plus:
      case Tok.Minus:
        charge = 1;
        break;
      default: {
        if (CASE_LIKE[kind] === 1) break;
        const role = ROLE[kind];
        if (role === OPERAND) endsAfter = true;
        else if (role !== 0) charge = 1;
      }
    }
    if (charge > 0) {
      levels.charges[depth] += charge;
      total += charge;
      if (total > limit) return false;
    }
    endsExpression = endsAfter;
    previous = kind;
  }
}

// Every path of the reader runs a few times when the module loads (well under a millisecond), so
// the engine optimises it with feedback for all of them. Without this, each rare path a file
// reaches first (a shebang, a private name, a BigInt) threw the optimised code away and it was
// compiled again: four to five compilations per scan instead of one or two.
const PRIMER = `/* a
 */ // b
import { x as y } from 'm'; export default class A<T> extends B { #p = 0x1F + 0b1n + 1_0.5e-3 + .5 + 2n; @d() m(a?: T): void { return this.#p; } }
if (a) b = /r[/]\\//gi.test("s\\"") ; else if (c) { d ??= e?.f ?? g?.[0]; } else try { h++; --i; !j; } catch { k } finally { l }
for (const [m, n] of o) switch (m) { case 1: break; default: continue; }
x = \`t\${ \`u\${v}\` }w\${ { z: 1 } }\` + tag\`q\`; y = a / b /= c % d %= e * f *= g ** h **= i;
y = a & b && c &&= d &= e | f || g ||= h |= i ^ j ^= k ~ l, m < n << o <<= p <= q > r >= s = t == u === v != w !== x => y;
z = typeof a === 'b' ? new C(...d) : void e; while (f) do g: h; while (i) delete j[k]; label: { ; }
`;
for (let round = 0; round < 8; round++) fitsNestingBudget(round === 0 ? `#!/usr/bin/env node\n${PRIMER}` : PRIMER, Infinity);
