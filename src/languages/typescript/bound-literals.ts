// The name a string literal is bound to, read from the syntax around it, so output can mask a
// value by position (core/value-literals.ts): `const OPENAI_API_KEY = "…"`, `{ apiKey: "…" }`,
// `x.token = "…"`, `process.env.KEY ?? "…"`, `f(apiKey = "…")`, `<C apiKey="…" />`,
// `env.get("KEY", "…")`. Which names are secret is not decided here.
import { SyntaxKind, ts, type TS } from './typescript-module.js';

/** Wrappers that do not change which value an expression is. */
function isTransparent(node: TS.Node): boolean {
  switch (node.kind) {
    case SyntaxKind.ParenthesizedExpression:
    case SyntaxKind.AsExpression:
    case SyntaxKind.SatisfiesExpression:
    case SyntaxKind.TypeAssertionExpression:
    case SyntaxKind.NonNullExpression:
      return true;
    default:
      return false;
  }
}

/** A property or declaration name as text (`apiKey`, `"api-key"`, `[K]` with a literal K). */
function nameText(name: TS.Node | undefined): string | null {
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteralLike(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && ts.isStringLiteralLike(name.expression)) return name.expression.text;
  if (ts.isJsxNamespacedName?.(name)) return name.name.text;
  return null;
}

/** The name an assignment target or a `??`/`||` left side stands for: `X`, `a.b.X`, `a["X"]`. */
function targetName(target: TS.Expression): string | null {
  let node: TS.Node = target;
  while (isTransparent(node)) node = (node as TS.ParenthesizedExpression).expression;
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return nameText(node.name);
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return null;
}

const BINDING_OPERATORS = new Set<TS.SyntaxKind>([
  SyntaxKind.EqualsToken,
  SyntaxKind.QuestionQuestionEqualsToken,
  SyntaxKind.BarBarEqualsToken,
  SyntaxKind.QuestionQuestionToken,
  SyntaxKind.BarBarToken,
]);

/** The name `literal` is assigned, defaulted or passed as the value of, or null. Parents must be set. */
export function boundNameOf(literal: TS.StringLiteralLike): string | null {
  let child: TS.Node = literal;
  let parent: TS.Node | undefined = literal.parent;
  while (parent && isTransparent(parent)) {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return null;
  switch (parent.kind) {
    case SyntaxKind.VariableDeclaration:
    case SyntaxKind.PropertyAssignment:
    case SyntaxKind.PropertyDeclaration:
    case SyntaxKind.Parameter:
    case SyntaxKind.BindingElement:
    case SyntaxKind.EnumMember: {
      const declaration = parent as TS.VariableDeclaration | TS.PropertyAssignment | TS.PropertyDeclaration | TS.ParameterDeclaration | TS.BindingElement | TS.EnumMember;
      return declaration.initializer === child ? nameText(declaration.name) : null;
    }
    case SyntaxKind.JsxAttribute: {
      const attribute = parent as TS.JsxAttribute;
      return attribute.initializer === child ? nameText(attribute.name) : null;
    }
    case SyntaxKind.BinaryExpression: {
      const binary = parent as TS.BinaryExpression;
      return binary.right === child && BINDING_OPERATORS.has(binary.operatorToken.kind) ? targetName(binary.left) : null;
    }
    case SyntaxKind.CallExpression: {
      // `get("KEY", "…")`, `setdefault("KEY", "…")`: a key literal, then its value.
      const args = (parent as TS.CallExpression).arguments;
      return args.length >= 2 && args[1] === child && ts.isStringLiteralLike(args[0]) ? args[0].text : null;
    }
    default:
      return null;
  }
}
