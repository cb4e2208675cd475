// What each token does to the nesting guard's estimate (nesting-guard.ts), as tables indexed by
// token kind: shared by the guard and by its fast pre-check (nesting-bound.ts), which must read
// every token exactly as the guard does.
import { SyntaxKind, ts, type TS } from './typescript-module.js';

export const K = SyntaxKind;

// What a token does to the estimate, in one table lookup per token.
export const OTHER = 0;
/** Ends an operand: identifiers, literals, `this`, contextual keywords used as names. */
export const OPERAND = 1;
/** A statement the parser nests by recursing: `if`, `while`, `for`, `with`, `do`. */
export const STATEMENT_CHAIN = 2;
/** Operators and keywords the parser recurses on: prefix operators, assignments, `?`, `:`, `**`. */
export const RECURSIVE = 3;
/** Operators the parser loops over; they only deepen the tree. */
export const LOOPED = 4;

export const ROLE = new Uint8Array(K.Count);
/** Tokens that can continue the expression before a line break, so no statement ends there. */
export const CONTINUES = new Uint8Array(K.Count);
/** `(` after these opens a statement head. */
export const STATEMENT_HEAD = new Uint8Array(K.Count);
/** Keywords after which a line break ends the statement (`return` alone on its line). */
export const RESTRICTED = new Uint8Array(K.Count);

for (let kind = K.FirstLiteralToken; kind <= K.LastLiteralToken; kind++) ROLE[kind] = OPERAND;
for (let kind = K.LastFutureReservedWord + 1; kind <= K.LastKeyword; kind++) ROLE[kind] = OPERAND; // contextual keywords
for (const kind of [K.Identifier, K.ThisKeyword, K.SuperKeyword, K.NullKeyword, K.TrueKeyword, K.FalseKeyword, K.TemplateTail]) ROLE[kind] = OPERAND;
for (const kind of [K.IfKeyword, K.WhileKeyword, K.ForKeyword, K.WithKeyword, K.DoKeyword]) ROLE[kind] = STATEMENT_CHAIN;
for (const kind of [
  K.NewKeyword, K.AwaitKeyword, K.YieldKeyword, K.TypeOfKeyword, K.VoidKeyword, K.DeleteKeyword, K.KeyOfKeyword, K.ReadonlyKeyword,
  K.UniqueKeyword, K.InferKeyword, K.EqualsToken, K.PlusEqualsToken, K.MinusEqualsToken, K.AsteriskEqualsToken,
  K.AsteriskAsteriskEqualsToken, K.SlashEqualsToken, K.PercentEqualsToken, K.LessThanLessThanEqualsToken,
  K.GreaterThanGreaterThanEqualsToken, K.GreaterThanGreaterThanGreaterThanEqualsToken, K.AmpersandEqualsToken, K.BarEqualsToken,
  K.CaretEqualsToken, K.BarBarEqualsToken, K.AmpersandAmpersandEqualsToken, K.QuestionQuestionEqualsToken, K.QuestionToken,
  K.ColonToken, K.AsteriskAsteriskToken, K.TildeToken, K.DotDotDotToken,
]) ROLE[kind] = RECURSIVE;
for (const kind of [
  K.DotToken, K.QuestionDotToken, K.AsteriskToken, K.SlashToken, K.PercentToken, K.LessThanLessThanToken, K.LessThanEqualsToken,
  K.EqualsEqualsToken, K.ExclamationEqualsToken, K.EqualsEqualsEqualsToken, K.ExclamationEqualsEqualsToken, K.AmpersandToken,
  K.BarToken, K.CaretToken, K.AmpersandAmpersandToken, K.BarBarToken, K.QuestionQuestionToken, K.AsKeyword, K.SatisfiesKeyword,
  K.InstanceOfKeyword, K.InKeyword,
]) ROLE[kind] = LOOPED;
for (let kind = 0; kind < K.Count; kind++) if (ROLE[kind] === LOOPED) CONTINUES[kind] = 1;
for (let kind = K.FirstAssignment; kind <= K.LastAssignment; kind++) CONTINUES[kind] = 1;
for (const kind of [
  K.QuestionToken, K.ColonToken, K.AsteriskAsteriskToken, K.PlusToken, K.MinusToken, K.LessThanToken, K.GreaterThanToken, K.OpenParenToken, K.OpenBracketToken, K.CommaToken,
  K.SemicolonToken, K.EqualsGreaterThanToken, K.NoSubstitutionTemplateLiteral, K.TemplateHead, K.CloseParenToken,
  K.CloseBracketToken, K.CloseBraceToken, K.ElseKeyword, K.CatchKeyword, K.FinallyKeyword, K.ExclamationToken, K.EndOfFileToken,
]) CONTINUES[kind] = 1;
for (const kind of [K.IfKeyword, K.WhileKeyword, K.ForKeyword, K.WithKeyword, K.SwitchKeyword, K.CatchKeyword]) STATEMENT_HEAD[kind] = 1;
for (const kind of [K.ReturnKeyword, K.BreakKeyword, K.ContinueKeyword, K.DebuggerKeyword]) RESTRICTED[kind] = 1;

/** Keywords by their text: the scanner reads a word as a keyword exactly when it is one of these. */
export const KEYWORDS = new Map<string, TS.SyntaxKind>();
for (let kind = K.FirstKeyword; kind <= K.LastKeyword; kind++) KEYWORDS.set(ts.tokenToString(kind)!, kind);
