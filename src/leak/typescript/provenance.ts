// Provenance: which npm module a value comes from, and the path of member reads and calls that
// produced it (`import pino from 'pino'; const log = pino(); log.child().info` -> pino,
// [default, (), child, (), info]). Works syntactically through imports, `require`, initializers
// and declared types, so it holds even when node_modules are missing; the checker's resolved
// types are the fallback when they are present.
import { ts } from './compiler-api.js';

export interface Provenance {
  module: string;
  path: string[];
}

export interface ProvenanceContext {
  checker: ts.TypeChecker;
  nodeCache: Map<ts.Node, Provenance | null>;
  symbolCache: Map<ts.Symbol, Provenance | null>;
}

export function skipOuterExpressions(node: ts.Node): ts.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isAwaitExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

const extend = (base: Provenance | null, ...segments: string[]): Provenance | null => (base ? { module: base.module, path: [...base.path, ...segments] } : null);

export function provenanceOf(node: ts.Node, ctx: ProvenanceContext): Provenance | null {
  const expr = skipOuterExpressions(node);
  const cached = ctx.nodeCache.get(expr);
  if (cached !== undefined) return cached;
  ctx.nodeCache.set(expr, null); // recursion guard
  const result = computeProvenance(expr, ctx) ?? provenanceFromType(expr, ctx);
  ctx.nodeCache.set(expr, result);
  return result;
}

function computeProvenance(expr: ts.Node, ctx: ProvenanceContext): Provenance | null {
  if (ts.isIdentifier(expr)) {
    const symbol = ctx.checker.getSymbolAtLocation(expr);
    return symbol ? symbolProvenance(symbol, ctx) : null;
  }
  if (ts.isPropertyAccessExpression(expr)) {
    const base = provenanceOf(expr.expression, ctx);
    if (base) return extend(base, expr.name.text);
    const symbol = ctx.checker.getSymbolAtLocation(expr);
    return symbol ? symbolProvenance(symbol, ctx) : null;
  }
  if (ts.isElementAccessExpression(expr) && ts.isStringLiteralLike(expr.argumentExpression)) {
    return extend(provenanceOf(expr.expression, ctx), expr.argumentExpression.text);
  }
  if (ts.isCallExpression(expr)) {
    const required = requiredModule(expr);
    if (required) return { module: required, path: [] };
    return extend(provenanceOf(expr.expression, ctx), '()');
  }
  if (ts.isNewExpression(expr)) return extend(provenanceOf(expr.expression, ctx), '()');
  return null;
}

/** `require('m')` -> `m`. */
export function requiredModule(call: ts.CallExpression): string | null {
  if (ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1) {
    const arg = call.arguments[0];
    if (ts.isStringLiteralLike(arg)) return arg.text;
  }
  return null;
}

function symbolProvenance(symbol: ts.Symbol, ctx: ProvenanceContext): Provenance | null {
  const cached = ctx.symbolCache.get(symbol);
  if (cached !== undefined) return cached;
  ctx.symbolCache.set(symbol, null);
  const declaration = symbol.declarations?.[0];
  const result = declaration ? declarationProvenance(declaration, ctx) : null;
  ctx.symbolCache.set(symbol, result);
  return result;
}

function declarationProvenance(declaration: ts.Declaration, ctx: ProvenanceContext): Provenance | null {
  if (ts.isImportSpecifier(declaration)) {
    const module = moduleSpecifierOf(declaration.parent.parent.parent);
    return module ? { module, path: [(declaration.propertyName ?? declaration.name).text] } : null;
  }
  if (ts.isImportClause(declaration)) {
    const module = moduleSpecifierOf(declaration.parent);
    return module ? { module, path: ['default'] } : null;
  }
  if (ts.isNamespaceImport(declaration)) {
    const module = moduleSpecifierOf(declaration.parent.parent);
    return module ? { module, path: [] } : null;
  }
  if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference)) {
    const spec = declaration.moduleReference.expression;
    return ts.isStringLiteralLike(spec) ? { module: spec.text, path: [] } : null;
  }
  if (ts.isBindingElement(declaration)) {
    const pattern = declaration.parent;
    const holder = pattern.parent;
    if (ts.isObjectBindingPattern(pattern) && ts.isVariableDeclaration(holder) && holder.initializer) {
      const key = declaration.propertyName ?? declaration.name;
      if (ts.isIdentifier(key) || ts.isStringLiteralLike(key)) return extend(provenanceOf(holder.initializer, ctx), key.text);
    }
    return null;
  }
  if (ts.isVariableDeclaration(declaration) || ts.isParameter(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertySignature(declaration)) {
    if ('initializer' in declaration && declaration.initializer) {
      const fromInit = provenanceOf(declaration.initializer, ctx);
      if (fromInit) return fromInit;
    }
    if (declaration.type) return typeNodeProvenance(declaration.type, ctx);
  }
  return null;
}

function moduleSpecifierOf(node: ts.ImportDeclaration | ts.JSDocImportTag): string | null {
  return ts.isStringLiteralLike(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
}

/** `client: OpenAI` (imported type) -> an instance of `openai`'s export. */
function typeNodeProvenance(type: ts.TypeNode, ctx: ProvenanceContext): Provenance | null {
  if (!ts.isTypeReferenceNode(type)) return null;
  const name = type.typeName;
  if (ts.isIdentifier(name)) {
    const symbol = ctx.checker.getSymbolAtLocation(name);
    return symbol ? extend(symbolProvenance(symbol, ctx), '()') : null;
  }
  const left = ctx.checker.getSymbolAtLocation(name.left);
  return left ? extend(symbolProvenance(left, ctx), name.right.text, '()') : null;
}

/** Fallback when types resolve into node_modules: the declaring package of the value's type. */
function provenanceFromType(expr: ts.Node, ctx: ProvenanceContext): Provenance | null {
  if (!ts.isIdentifier(expr) && !ts.isPropertyAccessExpression(expr) && !ts.isCallExpression(expr)) return null;
  let type: ts.Type;
  try {
    type = ctx.checker.getTypeAtLocation(expr);
  } catch {
    return null;
  }
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const file = symbol?.declarations?.[0]?.getSourceFile().fileName;
  if (!symbol || !file) return null;
  const module = packageOfPath(file);
  return module ? { module, path: [symbol.name, '()'] } : null;
}

export function packageOfPath(file: string): string | null {
  const marker = '/node_modules/';
  const at = file.lastIndexOf(marker);
  if (at < 0) return null;
  const parts = file.slice(at + marker.length).split('/');
  let name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  if (name.startsWith('@types/')) {
    const bare = name.slice('@types/'.length);
    name = bare.includes('__') ? `@${bare.replace('__', '/')}` : bare;
  }
  return name;
}
