// `use` declarations -> a map from local names to full paths, so `env::var`, `var`, `getenv`
// and `e::var` all resolve to `std::env::var`.
import type { Node } from 'web-tree-sitter';
import { pathSegments } from './syntax.js';

export interface ImportMap {
  /** Local name -> full path segments (`getenv` -> [std, env, var]). */
  aliases: Map<string, string[]>;
  /** Prefixes imported with `*` (`use std::env::*`). */
  wildcards: string[][];
  /** Crate roots that the file names in `use` or `extern crate` (and, once `pathRoots` was asked, in qualified paths). */
  crateRoots: Set<string>;
  /** The crate roots of qualified paths, computed on demand (a tree walk most files never need). */
  pathRoots?: () => Set<string>;
  /** The parsed text: a crate a file never spells cannot be the root of one of its paths. */
  text?: string;
  /** Crates (as identifiers) whose path roots `text` was found not to spell: the sink and store matchers ask per call. */
  unspelled?: Set<string>;
}

export function emptyImportMap(): ImportMap {
  return { aliases: new Map(), wildcards: [], crateRoots: new Set() };
}

/** Records one `use` declaration into the map. */
export function addUseDeclaration(map: ImportMap, declaration: Node): void {
  const argument = declaration.childForFieldName('argument');
  if (argument) addUseTree(map, [], argument);
}

export function addExternCrate(map: ImportMap, declaration: Node): void {
  const name = declaration.childForFieldName('name');
  const alias = declaration.childForFieldName('alias');
  if (!name) return;
  map.crateRoots.add(name.text);
  if (alias) map.aliases.set(alias.text, [name.text]);
}

function addUseTree(map: ImportMap, prefix: string[], node: Node): void {
  switch (node.type) {
    case 'use_as_clause': {
      const path = node.childForFieldName('path');
      const alias = node.childForFieldName('alias');
      if (!path || !alias) return;
      const full = [...prefix, ...pathSegments(path)];
      record(map, alias.text, full);
      return;
    }
    case 'scoped_use_list': {
      const path = node.childForFieldName('path');
      const list = node.childForFieldName('list');
      const next = path ? [...prefix, ...pathSegments(path)] : prefix;
      if (list) addUseTree(map, next, list);
      return;
    }
    case 'use_list':
      for (const child of node.namedChildren) if (child) addUseTree(map, prefix, child);
      return;
    case 'use_wildcard': {
      const path = node.namedChild(0);
      const full = path ? [...prefix, ...pathSegments(path)] : prefix;
      if (full.length > 0) {
        map.wildcards.push(full);
        map.crateRoots.add(full[0]);
      }
      return;
    }
    case 'self':
      if (prefix.length > 0) record(map, prefix[prefix.length - 1], prefix);
      return;
    default: {
      const segments = pathSegments(node);
      if (segments.length === 0) return;
      let full = [...prefix, ...segments];
      if (full[full.length - 1] === 'self') full = full.slice(0, -1);
      if (full.length > 0) record(map, full[full.length - 1], full);
    }
  }
}

function record(map: ImportMap, local: string, full: string[]): void {
  const root = full[0] === '::' ? full[1] : full[0];
  if (root) map.crateRoots.add(root);
  if (local !== '_') map.aliases.set(local, full);
}

/** Expands the first segment of a path through the imports (`env::var` -> `std::env::var`). */
export function resolvePath(map: ImportMap, segments: string[]): string[] {
  if (segments.length === 0) return segments;
  const alias = map.aliases.get(segments[0]);
  if (alias && alias.join('::') !== segments[0]) return [...alias, ...segments.slice(1)];
  return segments;
}

/** True when `name` may come from `prefix` through a wildcard import. */
export function wildcardProvides(map: ImportMap, prefix: string): boolean {
  return map.wildcards.some((wildcard) => wildcard.join('::') === prefix);
}

/** `aws-sdk-ssm` -> `aws_sdk_ssm`. */
export function crateIdent(module: string): string {
  return module.replace(/-/g, '_');
}

/** The file references the crate (`use`, `extern crate` or a qualified path), also as `crate_suffix`. */
export function referencesCrate(map: ImportMap, module: string): boolean {
  const ident = crateIdent(module);
  const matches = (): boolean => {
    for (const root of map.crateRoots) {
      if (root === ident || root.startsWith(`${ident}_`)) return true;
    }
    return false;
  };
  if (matches()) return true;
  if (!map.pathRoots) return false;
  if (map.text !== undefined) {
    if (map.unspelled?.has(ident)) return false;
    if (!spellsPathRoot(map.text, ident)) {
      (map.unspelled ??= new Set()).add(ident);
      return false;
    }
  }
  for (const root of map.pathRoots()) map.crateRoots.add(root);
  map.pathRoots = undefined;
  return matches();
}

/**
 * The text may hold a qualified path whose root (the text before its first `::`, trimmed) is the
 * crate or `crate_suffix`: the name at a word start, then `_`, or spaces and `::`.
 */
function spellsPathRoot(text: string, ident: string): boolean {
  for (let at = text.indexOf(ident); at >= 0; at = text.indexOf(ident, at + 1)) {
    if (at > 0 && isIdentifierCode(text.charCodeAt(at - 1))) continue;
    let next = at + ident.length;
    if (text.charCodeAt(next) === 95) return true;
    while (next < text.length && (text[next] === ' ' || text[next] === '\t' || text[next] === '\n' || text[next] === '\r')) next++;
    if (text.startsWith('::', next)) return true;
  }
  return false;
}

function isIdentifierCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}
