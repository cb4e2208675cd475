// Folds an expression to a constant string when the linter can be sure of it: literals,
// template literals and `+` over constants, `const` bindings, members of `const` object literals
// and string enums in the file, and constants imported from other project files.
import { meaningOf } from './binding-meaning.js';
import { unwrapTransparent } from './env-objects.js';
import type { Scope } from './scopes.js';
import { SyntaxKind, ts, type TS } from './typescript-module.js';

export interface ConstContext {
  /** Exported constant name (or `Object.member`) -> value, from every project file. */
  projectConstants: Record<string, string>;
}

const MAX_DEPTH = 40;

function projectConstant(context: ConstContext, key: string): string | null {
  return Object.prototype.hasOwnProperty.call(context.projectConstants, key) ? context.projectConstants[key] : null;
}

/**
 * The constant value of `expression`, or null. String literals that contributed to the value are
 * pushed to `literals`, so the caller can tell which literals are the key of an env read.
 */
export function resolveConstString(expression: TS.Expression, scope: Scope, context: ConstContext, literals: TS.Node[] | null, depth = 0): string | null {
  if (depth > MAX_DEPTH) return null;
  const value = unwrapTransparent(expression);
  switch (value.kind) {
    case SyntaxKind.StringLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
      literals?.push(value);
      return (value as TS.StringLiteral).text;
    case SyntaxKind.NumericLiteral:
      return (value as TS.NumericLiteral).text;
    case SyntaxKind.TemplateExpression: {
      const template = value as TS.TemplateExpression;
      let text = template.head.text;
      for (const span of template.templateSpans) {
        const part = resolveConstString(span.expression, scope, context, literals, depth + 1);
        if (part === null) return null;
        text += part + span.literal.text;
      }
      return text;
    }
    case SyntaxKind.BinaryExpression: {
      const binary = value as TS.BinaryExpression;
      if (binary.operatorToken.kind !== SyntaxKind.PlusToken) return null;
      const left = resolveConstString(binary.left, scope, context, literals, depth + 1);
      if (left === null) return null;
      const right = resolveConstString(binary.right, scope, context, literals, depth + 1);
      return right === null ? null : left + right;
    }
    case SyntaxKind.Identifier:
      return resolveIdentifier(value as TS.Identifier, scope, context, literals);
    case SyntaxKind.PropertyAccessExpression: {
      const access = value as TS.PropertyAccessExpression;
      return resolveMember(access.expression, access.name.text, scope, context, literals, depth);
    }
    case SyntaxKind.ElementAccessExpression: {
      const access = value as TS.ElementAccessExpression;
      const key = resolveConstString(access.argumentExpression, scope, context, null, depth + 1);
      return key === null ? null : resolveMember(access.expression, key, scope, context, literals, depth);
    }
    default:
      return null;
  }
}

function resolveIdentifier(identifier: TS.Identifier, scope: Scope, context: ConstContext, literals: TS.Node[] | null): string | null {
  const binding = scope.lookup(identifier.text);
  if (!binding) return null;
  const meaning = meaningOf(binding, context);
  if (meaning.kind === 'string') {
    literals?.push(...meaning.literals);
    return meaning.value;
  }
  if (meaning.kind === 'module' && meaning.imported !== 'default' && meaning.imported !== '*' && meaning.imported !== 'instance') {
    return projectConstant(context, meaning.imported);
  }
  return null;
}

/** `OBJ.KEY` for a const object literal or string enum in this file, or an imported namespace/object. */
function resolveMember(owner: TS.Expression, member: string, scope: Scope, context: ConstContext, literals: TS.Node[] | null, depth: number): string | null {
  const value = unwrapTransparent(owner);
  if (value.kind === SyntaxKind.ThisKeyword) return constantField(value, member, literals);
  if (!ts.isIdentifier(value)) return null;
  const binding = scope.lookup(value.text);
  if (!binding) return null;
  const meaning = meaningOf(binding, context);
  switch (meaning.kind) {
    case 'object':
      for (const property of meaning.literal.properties) {
        if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === member) {
          return resolveConstString(property.initializer, meaning.scope, context, literals, depth + 1);
        }
      }
      return null;
    case 'enum':
      for (const enumMember of meaning.declaration.members) {
        if (propertyNameText(enumMember.name) === member && enumMember.initializer) {
          return resolveConstString(enumMember.initializer, meaning.scope, context, literals, depth + 1);
        }
      }
      return null;
    case 'module':
      if (meaning.imported === '*') return projectConstant(context, member);
      if (meaning.imported !== 'default' && meaning.imported !== 'instance') return projectConstant(context, `${meaning.imported}.${member}`);
      return null;
    default:
      return null;
  }
}

/**
 * `this.#keyEnv` in a class that declares `#keyEnv = "SIG_KEY"` and never assigns it again: the
 * literal. Only a field no code outside the class can change (`#private`, `private` or
 * `readonly`) with a literal initializer, read through the class's own `this` (methods, the
 * constructor, arrow functions in them; not a nested `function`, which has its own `this`).
 */
function constantField(self: TS.Node, member: string, literals: TS.Node[] | null): string | null {
  let owner: TS.Node | undefined = self.parent;
  while (owner && !ts.isClassLike(owner)) {
    if (ts.isFunctionDeclaration(owner) || ts.isFunctionExpression(owner)) return null;
    owner = owner.parent;
  }
  if (!owner) return null;
  const field = owner.members.find((m): m is TS.PropertyDeclaration => ts.isPropertyDeclaration(m) && (ts.isIdentifier(m.name) || ts.isPrivateIdentifier(m.name)) && m.name.text === member);
  const initializer = field?.initializer;
  if (!field || !initializer || !(ts.isStringLiteral(initializer) || ts.isNoSubstitutionTemplateLiteral(initializer))) return null;
  const modifiers = ts.getCombinedModifierFlags(field);
  const closed = ts.isPrivateIdentifier(field.name) || (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Readonly)) !== 0;
  if (!closed || (modifiers & ts.ModifierFlags.Static) !== 0 || assignsField(owner, member)) return null;
  literals?.push(initializer);
  return initializer.text;
}

/**
 * Whether the class body writes `member` of any instance (`this.#k`, or `other.#k` in a static
 * method): `=`, compound assignment, `++`/`--`, `delete`.
 */
function assignsField(owner: TS.ClassLikeDeclaration, member: string): boolean {
  let found = false;
  const isField = (node: TS.Node): boolean => ts.isPropertyAccessExpression(node) && node.name.text === member;
  const visit = (node: TS.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= SyntaxKind.FirstAssignment && node.operatorToken.kind <= SyntaxKind.LastAssignment && isField(node.left)) found = true;
    else if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && isField(node.operand)) found = true;
    else if (ts.isDeleteExpression(node) && isField(node.expression)) found = true;
    else ts.forEachChild(node, visit);
  };
  for (const m of owner.members) visit(m);
  return found;
}

export function propertyNameText(name: TS.PropertyName): string | null {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) return name.text;
  return null;
}

/**
 * For a key this file cannot resolve because it is imported (`import { K } from './names'`,
 * `names.K`, `ENV.K`): what the engine needs to look it up in the exporting file.
 */
export function importedConstRef(expression: TS.Expression, scope: Scope, context: ConstContext): { identifier: string; from?: string } | null {
  const value = unwrapTransparent(expression);
  let owner: TS.Expression = value;
  let member: string | null = null;
  if (ts.isPropertyAccessExpression(value)) {
    owner = unwrapTransparent(value.expression);
    member = value.name.text;
  }
  if (!ts.isIdentifier(owner)) return null;
  const binding = scope.lookup(owner.text);
  const meaning = binding ? meaningOf(binding, context) : null;
  if (meaning?.kind !== 'module' || meaning.imported === 'default' || meaning.imported === 'instance') return null;
  if (meaning.imported === '*') return member === null ? null : { identifier: member, from: meaning.module };
  return { identifier: member === null ? meaning.imported : `${meaning.imported}.${member}`, from: meaning.module };
}
