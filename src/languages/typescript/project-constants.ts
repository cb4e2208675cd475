// First pass over every TS/JS file: its exported string constants, for cross-file resolution of
// `process.env[IMPORTED_NAME]`. This runs on every file, so it does not parse: it lexes (with the
// TypeScript scanner) only the statements that start with `export const` at the start of a line:
//   export const NAME = 'VALUE';             -> NAME
//   export const A = 'X', B = `Y`;           -> A, B
//   export const ENV = { KEY: 'X' } as const -> ENV.KEY
// and CommonJS exports at the start of a line (a `require` of the file reads them):
//   module.exports = { NAME: 'VALUE', K }   -> NAME, and K when `const K = '…'` is at a line start
//   module.exports.NAME = 'VALUE'; exports.NAME = K
// Values are kept only when they look like env names (or parts of one), so a constant holding a
// secret value never lands in the map.
import { ts, type TS } from './typescript-module.js';

const ENV_NAME_PART = /^[A-Za-z0-9_]{1,128}$/;
const SyntaxKind = ts.SyntaxKind;

function isAtLineStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) return true;
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}

class ConstLexer {
  private token: TS.SyntaxKind = SyntaxKind.Unknown;
  constructor(private readonly scanner: TS.Scanner) {}

  startAt(position: number): TS.SyntaxKind {
    this.scanner.resetTokenState(position);
    return this.next();
  }
  next(): TS.SyntaxKind {
    this.token = this.scanner.scan();
    return this.token;
  }
  get current(): TS.SyntaxKind {
    return this.token;
  }
  get value(): string {
    return this.scanner.getTokenValue();
  }
  get lineBreakBefore(): boolean {
    return this.scanner.hasPrecedingLineBreak();
  }

  /** Skips a type annotation up to the `=` at bracket depth 0. */
  skipTypeAnnotation(): boolean {
    let depth = 0;
    for (let token = this.next(); token !== SyntaxKind.EndOfFileToken; token = this.next()) {
      if (token === SyntaxKind.OpenParenToken || token === SyntaxKind.OpenBracketToken || token === SyntaxKind.OpenBraceToken || token === SyntaxKind.LessThanToken) depth++;
      else if (token === SyntaxKind.CloseParenToken || token === SyntaxKind.CloseBracketToken || token === SyntaxKind.CloseBraceToken || token === SyntaxKind.GreaterThanToken) depth--;
      else if (token === SyntaxKind.EqualsToken && depth === 0) return true;
      else if (token === SyntaxKind.SemicolonToken && depth === 0) return false;
    }
    return false;
  }

  /** After a value: `as const`, `satisfies T` are skipped; true when the declaration ends here. */
  endsDeclaration(): boolean {
    let token = this.next();
    if (token === SyntaxKind.AsKeyword && this.next() === SyntaxKind.ConstKeyword) token = this.next();
    return token === SyntaxKind.SemicolonToken || token === SyntaxKind.CommaToken || token === SyntaxKind.EndOfFileToken || this.lineBreakBefore || token === SyntaxKind.CloseBraceToken;
  }
}

/** An identifier or a keyword (`module`, `type`, `default`): a name after `.` or before `:`. */
function isWord(token: TS.SyntaxKind): boolean {
  return token === SyntaxKind.Identifier || (token >= SyntaxKind.FirstKeyword && token <= SyntaxKind.LastKeyword);
}

function isStringToken(token: TS.SyntaxKind): boolean {
  return token === SyntaxKind.StringLiteral || token === SyntaxKind.NoSubstitutionTemplateLiteral;
}

/** `{ KEY: 'X', 'B': "Y" }` with nothing but string members; the lexer sits on `{`. */
function readFlatObject(lexer: ConstLexer, owner: string, out: Record<string, string>): void {
  const found: Record<string, string> = {};
  for (;;) {
    let token = lexer.next();
    if (token === SyntaxKind.CloseBraceToken) break;
    if (token !== SyntaxKind.Identifier && !isStringToken(token)) return;
    const key = lexer.value;
    if (lexer.next() !== SyntaxKind.ColonToken || !isStringToken(lexer.next())) return;
    found[key] = lexer.value;
    token = lexer.next();
    if (token === SyntaxKind.CloseBraceToken) break;
    if (token !== SyntaxKind.CommaToken) return;
  }
  for (const [key, value] of Object.entries(found)) if (ENV_NAME_PART.test(value)) out[`${owner}.${key}`] = value;
}

export function collectTypeScriptConstants(_file: string, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const marker = 'export const';
  // `export const` and CommonJS `exports` both spell `export`.
  if (!text.includes('export')) return out;
  const lexer = new ConstLexer(ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text));
  for (const first of statementsStartingWith(text, marker, lexer)) {
    try {
      if (first !== SyntaxKind.ExportKeyword || lexer.next() !== SyntaxKind.ConstKeyword) continue;
      for (;;) {
        if (lexer.next() !== SyntaxKind.Identifier) break;
        const name = lexer.value;
        let token = lexer.next();
        if (token === SyntaxKind.ColonToken) {
          if (!lexer.skipTypeAnnotation()) break;
          token = SyntaxKind.EqualsToken;
        }
        if (token !== SyntaxKind.EqualsToken) break;
        token = lexer.next();
        if (isStringToken(token)) {
          const value = lexer.value;
          if (!lexer.endsDeclaration()) break;
          if (ENV_NAME_PART.test(value)) out[name] = value;
        } else if (token === SyntaxKind.OpenBraceToken) {
          readFlatObject(lexer, name, out);
          break;
        } else break;
        if (lexer.current !== SyntaxKind.CommaToken) break;
      }
    } catch {
      // A lexer surprise in one statement only loses that statement's constants.
    }
  }
  collectCommonJsConstants(text, lexer, out);
  return out;
}

/** Statements at a line start that begin with `marker`, each with the lexer on its first token. */
function* statementsStartingWith(text: string, marker: string, lexer: ConstLexer): Generator<TS.SyntaxKind> {
  for (let index = text.indexOf(marker); index !== -1; index = text.indexOf(marker, index + marker.length)) {
    if (isAtLineStart(text, index)) yield lexer.startAt(index);
  }
}

/** `module.exports = { … }`, `module.exports.NAME = …`, `exports.NAME = …`; a member that is not a plain string or a known local constant ends the object's reading. */
function collectCommonJsConstants(text: string, lexer: ConstLexer, out: Record<string, string>): void {
  if (!text.includes('exports')) return;
  const locals = localStringConstants(text, lexer);
  for (const [name, value] of Object.entries(out)) locals.set(name, value);
  const member = (name: string): void => {
    if (lexer.next() !== SyntaxKind.EqualsToken) return;
    const value = constantValueAt(lexer, lexer.next(), locals);
    if (value !== undefined && lexer.endsDeclaration() && ENV_NAME_PART.test(value)) out[name] = value;
  };
  for (const marker of ['module.exports', 'exports.']) {
    for (const first of statementsStartingWith(text, marker, lexer)) {
      try {
        if (!isWord(first) || !atExportsObject(lexer)) continue;
        const after = lexer.next();
        if (after === SyntaxKind.DotToken) {
          if (isWord(lexer.next())) member(lexer.value);
        } else if (after === SyntaxKind.EqualsToken && marker === 'module.exports' && lexer.next() === SyntaxKind.OpenBraceToken) {
          readExportsObject(lexer, locals, out);
        }
      } catch {
        // As above: only this statement's constants are lost.
      }
    }
  }
}

/** On `module` or `exports` (an identifier): true, with the lexer on `exports`, when the tokens spell `module.exports` or `exports`. */
function atExportsObject(lexer: ConstLexer): boolean {
  const head = lexer.value;
  if (head === 'exports') return true;
  // `module` is a keyword token for the scanner (ModuleKeyword), `exports` an identifier.
  if (head !== 'module' || lexer.next() !== SyntaxKind.DotToken || lexer.next() !== SyntaxKind.Identifier) return false;
  return lexer.value === 'exports';
}

/** `{ NAME: 'X', K, 'B': L }`: string members and shorthand or named local constants, until anything else. */
function readExportsObject(lexer: ConstLexer, locals: Map<string, string>, out: Record<string, string>): void {
  for (;;) {
    let token = lexer.next();
    if (!isWord(token) && !isStringToken(token)) return;
    const key = lexer.value;
    token = lexer.next();
    let value: string | undefined;
    if (token === SyntaxKind.ColonToken) {
      value = constantValueAt(lexer, lexer.next(), locals);
      if (value === undefined) return;
      token = lexer.next();
    } else value = locals.get(key);
    if (token !== SyntaxKind.CommaToken && token !== SyntaxKind.CloseBraceToken) return;
    if (value !== undefined && ENV_NAME_PART.test(value)) out[key] = value;
    if (token === SyntaxKind.CloseBraceToken) return;
  }
}

/** The value the lexer's current token (`token`) spells: a string, or a local constant by its name; else undefined. */
function constantValueAt(lexer: ConstLexer, token: TS.SyntaxKind, locals: Map<string, string>): string | undefined {
  if (isStringToken(token)) return lexer.value;
  return token === SyntaxKind.Identifier ? locals.get(lexer.value) : undefined;
}

/** `const NAME = 'VALUE';` at a line start (a module's own constants, which a CommonJS export may list). */
function localStringConstants(text: string, lexer: ConstLexer): Map<string, string> {
  const locals = new Map<string, string>();
  for (const first of statementsStartingWith(text, 'const ', lexer)) {
    try {
      if (first !== SyntaxKind.ConstKeyword || lexer.next() !== SyntaxKind.Identifier) continue;
      const name = lexer.value;
      if (lexer.next() !== SyntaxKind.EqualsToken || !isStringToken(lexer.next())) continue;
      const value = lexer.value;
      if (lexer.endsDeclaration()) locals.set(name, value);
    } catch {
      // A lexer surprise loses this constant only.
    }
  }
  return locals;
}
