// Interprets the TypeScript sink catalog (src/leak/sinks/typescript.ts) against call and `new`
// expressions. Catalog entries are compiled once per scan and indexed by their last callee segment.
import { ts } from './compiler-api.js';
import type { SinkEntry } from '../sink-catalog.js';
import { provenanceOf, type Provenance, type ProvenanceContext } from './provenance.js';
import { isCredentialStoreDestination } from '../ts-credential-destination.js';

export interface CompiledSink {
  entry: SinkEntry;
  isNew: boolean;
  /** Callee segments after `new ` / `*.`; empty for `*` (any). */
  segments: string[];
  anyReceiver: boolean;
  /** `*()`: calling a value that is itself a call result from `module`. */
  callResult: boolean;
  path: string[];
}

export interface CompiledCatalog {
  byKey: Map<string, CompiledSink[]>;
  /** Entries that match whatever the callee's last segment is (`*`, `new *`, `*()`). */
  wildcard: CompiledSink[];
  objectSinks: CompiledSink[];
  urlSinks: CompiledSink[];
  /** `=.name` entries by property name: a value assigned to that property of any object. */
  propertySinks: Map<string, CompiledSink>;
}

export function compileCatalog(entries: SinkEntry[]): CompiledCatalog {
  const catalog: CompiledCatalog = { byKey: new Map(), wildcard: [], objectSinks: [], urlSinks: [], propertySinks: new Map() };
  for (const entry of entries) {
    if (entry.language !== 'typescript' || typeof entry.callee !== 'string') continue;
    const path = entry.path ? entry.path.split('.').flatMap(splitArraySegment) : [];
    let callee = entry.callee.trim();
    const isNew = callee.startsWith('new ');
    if (isNew) callee = callee.slice(4).trim();
    const compiled: CompiledSink = { entry, isNew, segments: [], anyReceiver: false, callResult: false, path };
    if (entry.objectMatch) {
      catalog.objectSinks.push(compiled);
      continue;
    }
    if (entry.pattern === 'url-query') {
      catalog.urlSinks.push(compiled);
      continue;
    }
    if (callee.startsWith('=.')) {
      catalog.propertySinks.set(callee.slice(2), compiled);
      continue;
    }
    if (callee === '*()') {
      compiled.callResult = true;
      catalog.wildcard.push(compiled);
      continue;
    }
    if (callee.startsWith('*.')) {
      compiled.anyReceiver = true;
      callee = callee.slice(2);
    }
    if (callee === '*') {
      if (entry.module) catalog.wildcard.push(compiled);
      continue;
    }
    compiled.segments = callee.split('.');
    const key = `${isNew ? 'new' : 'call'}:${compiled.segments[compiled.segments.length - 1]}`;
    const list = catalog.byKey.get(key) ?? [];
    list.push(compiled);
    catalog.byKey.set(key, list);
  }
  return catalog;
}

function splitArraySegment(segment: string): string[] {
  return segment.endsWith('[]') ? [segment.slice(0, -2), '[]'].filter(Boolean) : [segment];
}

/** `a.b.c` -> [a, b, c]; a non-name root becomes `()` (call result) or `?`. */
export function memberChain(node: ts.Expression): { chain: string[]; root: ts.Expression } {
  const chain: string[] = [];
  let current: ts.Expression = node;
  for (;;) {
    if (ts.isPropertyAccessExpression(current)) {
      chain.unshift(current.name.text);
      current = current.expression;
    } else if (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression)) {
      chain.unshift(current.argumentExpression.text);
      current = current.expression;
    } else if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) {
      current = current.expression;
    } else break;
  }
  if (ts.isIdentifier(current)) chain.unshift(current.text);
  else if (current.kind === ts.SyntaxKind.ThisKeyword) chain.unshift('this');
  else chain.unshift(ts.isCallExpression(current) ? '()' : '?');
  return { chain, root: current };
}

export function lastCalleeName(callee: ts.Expression): string {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  if (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) return lastCalleeName(callee.expression);
  return '()';
}

export function moduleMatches(pattern: string, module: string): boolean {
  if (pattern.endsWith('*')) return module.startsWith(pattern.slice(0, -1));
  return module === pattern || module.startsWith(`${pattern}/`);
}

function endsWith(path: string[], segments: string[]): boolean {
  if (segments.length > path.length) return false;
  const offset = path.length - segments.length;
  return segments.every((segment, index) => path[offset + index] === segment);
}

/** True when the chain's root identifier is a global (declared only in lib/.d.ts files, or unknown). */
function rootIsGlobal(root: ts.Expression, checker: ts.TypeChecker): boolean {
  if (!ts.isIdentifier(root)) return false;
  const symbol = checker.getSymbolAtLocation(root);
  if (!symbol?.declarations?.length) return true;
  return symbol.declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

function receiverMatches(sink: CompiledSink, callee: ts.Expression, checker: ts.TypeChecker): boolean {
  const { receiverNames, receiverTypes } = sink.entry;
  if (!receiverNames && !receiverTypes) return true;
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const receiver = callee.expression;
  const name = ts.isIdentifier(receiver) ? receiver.text : ts.isPropertyAccessExpression(receiver) ? receiver.name.text : null;
  if (name && receiverNames?.includes(name)) return true;
  if (receiverTypes) {
    try {
      const type = checker.getTypeAtLocation(receiver);
      const typeName = (type.aliasSymbol ?? type.getSymbol())?.name;
      if (typeName && receiverTypes.includes(typeName)) return true;
    } catch {
      return false;
    }
  }
  return false;
}

/**
 * Whether a callback sink (a tool handler whose return value the agent sees) is among the entries
 * `matchSinks` would try for this call: the only sinks a call without a tainted argument can reach.
 */
export function mayMatchCallbackSink(node: ts.CallExpression | ts.NewExpression, catalog: CompiledCatalog): boolean {
  const key = `${ts.isNewExpression(node) ? 'new' : 'call'}:${lastCalleeName(node.expression)}`;
  return (catalog.byKey.get(key) ?? []).some(isCallbackSink) || catalog.wildcard.some(isCallbackSink);
}

const isCallbackSink = (sink: CompiledSink): boolean => sink.entry.callbackReturn === true;

/** All catalog entries a call/new expression matches (allowed ones included). */
export function matchSinks(node: ts.CallExpression | ts.NewExpression, catalog: CompiledCatalog, ctx: ProvenanceContext): CompiledSink[] {
  const isNew = ts.isNewExpression(node);
  const callee = node.expression;
  const last = lastCalleeName(callee);
  const candidates = [...(catalog.byKey.get(`${isNew ? 'new' : 'call'}:${last}`) ?? []), ...catalog.wildcard];
  if (candidates.length === 0) return [];
  let provenance: Provenance | null | undefined;
  let chain: { chain: string[]; root: ts.Expression } | undefined;
  const matched: CompiledSink[] = [];
  for (const sink of candidates) {
    if (sink.isNew !== isNew) continue;
    // A file write into the program's own credential or config file is where the key lives.
    if (sink.entry.destinationArg !== undefined && isCredentialStoreDestination(node.arguments?.[sink.entry.destinationArg], ctx.checker)) continue;
    if (sink.entry.module) {
      if (provenance === undefined) provenance = provenanceOf(callee, ctx);
      if (!provenance || !moduleMatches(sink.entry.module, provenance.module)) continue;
      if (sink.callResult) {
        if (provenance.path[provenance.path.length - 1] !== '()') continue;
      } else if (sink.segments.length > 0 && !endsWith(provenance.path, sink.segments)) continue;
      matched.push(sink);
      continue;
    }
    if (sink.callResult || sink.segments.length === 0) continue;
    chain ??= memberChain(callee);
    if (sink.anyReceiver) {
      if (chain.chain.length <= sink.segments.length || !endsWith(chain.chain, sink.segments)) continue;
      if (!receiverMatches(sink, callee, ctx.checker)) continue;
    } else {
      if (chain.chain.length !== sink.segments.length || !endsWith(chain.chain, sink.segments)) continue;
      if (!rootIsGlobal(chain.root, ctx.checker)) continue;
    }
    matched.push(sink);
  }
  return matched;
}
