// Environment reads: `std::env::var*` (through any import or alias), `dotenvy::var`,
// clap `#[arg(env = "X")]`, and the compile-time `env!` / `option_env!` / `dotenv!` macros.
import type { Node } from 'web-tree-sitter';
import type { EnvReadFact } from '../../core/facts.js';
import { localLetValue, resolveConstString, type ConstScope } from './constants.js';
import { resolvePath, wildcardProvides, type ImportMap } from './imports.js';
import type { NameParts } from '../../core/facts.js';
import { namePartsOf } from './env-name-family.js';
import { attributeArguments, attributeName, lastSegment, macroTokenTree, pathSegments, tokenGroups } from './syntax.js';

export interface EnvReadMatch {
  api: string;
  name: string | null;
  enumerates?: boolean;
  compileTime?: boolean;
  /** The node whose range the fact reports (from its start to the end of `endNode`, when given). */
  node: Node;
  /** A read spelled by several tokens of a macro's token tree (`env` `!` `("X")`): its last one. */
  endNode?: Node;
  /** Literal nodes that spelled the name (not reported again as plain mentions). */
  literals: Node[];
  /** For a read through a helper's call: the argument that names the variable. */
  keyNode?: Node;
  /** An unresolved `SCREAMING_CASE` constant (probably from another file), for the engine to resolve. */
  constRef?: { identifier: string };
  /** A computed name's constant start and end (env-name-family.ts). */
  nameParts?: NameParts;
  /** What env-one-step.ts found out (see EnvReadFact): access kind, where the name is decided, the enumeration's use. */
  extra?: Partial<Pick<EnvReadFact, 'access' | 'via' | 'enumeration' | 'keyParam'>>;
}

interface EnvFunction {
  api: string;
  enumerates: boolean;
}

const ENV_FUNCTIONS: Record<string, EnvFunction> = {
  'std::env::var': { api: 'std::env::var', enumerates: false },
  'std::env::var_os': { api: 'std::env::var_os', enumerates: false },
  'std::env::vars': { api: 'std::env::vars', enumerates: true },
  'std::env::vars_os': { api: 'std::env::vars_os', enumerates: true },
  'dotenvy::var': { api: 'dotenvy::var', enumerates: false },
  'dotenvy::vars': { api: 'dotenvy::vars', enumerates: true },
  'dotenv::var': { api: 'dotenv::var', enumerates: false },
  'dotenv::vars': { api: 'dotenv::vars', enumerates: true },
};

const WILDCARD_SOURCES = ['std::env', 'dotenvy', 'dotenv'];
const COMPILE_TIME_MACROS: Record<string, string> = { env: 'env!', option_env: 'option_env!', dotenv: 'dotenv!' };

export interface EnvReadContext {
  imports: ImportMap;
  constScope: ConstScope;
  /** Function items of the file by name, for names a function of the file builds (env-name-family.ts). */
  functionsNamed?: (name: string) => Node[];
}

/** The env function a path denotes (`env::var`, `getenv`, `std::env::vars`), if any. */
export function envFunctionOf(callee: Node, imports: ImportMap): EnvFunction | null {
  const segments = pathSegments(callee);
  if (segments.length === 0) return null;
  const full = resolvePath(imports, segments);
  const direct = ENV_FUNCTIONS[full.join('::')];
  if (direct) return direct;
  if (segments.length === 1 && !imports.aliases.has(segments[0])) {
    for (const source of WILDCARD_SOURCES) {
      const candidate = ENV_FUNCTIONS[`${source}::${segments[0]}`];
      if (candidate && wildcardProvides(imports, source)) return candidate;
    }
  }
  return null;
}

/**
 * Words one of which the text of a call to an env function holds: `var` (every env function's
 * name ends a path of `var`, `var_os`, `vars`, `vars_os`), or a local alias of one
 * (`use std::env::var as getenv`). A call spelling none is no env read, nor passes one as a value.
 */
export function envCalleeWords(imports: ImportMap): string[] {
  const words = ['var'];
  for (const [local, full] of imports.aliases) if (ENV_FUNCTIONS[full.join('::')] && !local.includes('var')) words.push(local);
  return words;
}

export function envReadOfCall(call: Node, context: EnvReadContext): EnvReadMatch | null {
  const callee = call.childForFieldName('function');
  if (!callee) return null;
  const fn = envFunctionOf(callee, context.imports);
  if (!fn) return null;
  if (fn.enumerates) return { api: fn.api, name: null, enumerates: true, node: call, literals: [] };
  const args = call.childForFieldName('arguments');
  const first = args?.namedChild(0);
  const resolved = first ? resolveConstString(first, context.constScope) : null;
  const match: EnvReadMatch = { api: fn.api, name: resolved?.value ?? null, node: call, literals: resolved?.literals ?? [] };
  const constName = !resolved && first ? constantName(first, context.constScope.enclosingFunction ?? null) : null;
  if (constName) match.constRef = { identifier: constName };
  const family = !resolved && !constName && first && context.functionsNamed ? namePartsOf(first, { constScope: context.constScope, functionsNamed: context.functionsNamed }) : null;
  if (family) match.nameParts = family;
  return match;
}

const CONSTANT_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * `KEY`, `&KEY`, `crate::config::KEY` -> `KEY`, also through a local `let key = KEY;` earlier in
 * the function (goose's `let key_name = REPO_CONFIG_KEY;`); anything else (other locals, calls) -> null.
 */
export function constantName(node: Node, fn: Node | null, depth = 0): string | null {
  let target: Node | null = node;
  while (target && (target.type === 'reference_expression' || target.type === 'parenthesized_expression')) target = target.childForFieldName('value') ?? target.namedChild(0);
  if (!target || (target.type !== 'identifier' && target.type !== 'scoped_identifier')) return null;
  const name = lastSegment(target);
  if (!name) return null;
  if (CONSTANT_NAME.test(name)) return name;
  const value = target.type === 'identifier' && fn && depth < 3 ? localLetValue(fn, name, target.startIndex) : null;
  return value ? constantName(value, fn, depth + 1) : null;
}

/** `std::env::var` used as a value (`.map(env::var)`): a read whose name the linter cannot know. The caller checks the parent. */
export function envReadOfPathValue(path: Node, context: EnvReadContext): EnvReadMatch | null {
  const fn = envFunctionOf(path, context.imports);
  if (!fn) return null;
  return { api: fn.api, name: null, enumerates: fn.enumerates || undefined, node: path, literals: [] };
}

export function envReadOfMacro(macro: Node, context: EnvReadContext): EnvReadMatch | null {
  const name = lastSegment(macro.childForFieldName('macro') ?? macro);
  const api = name ? COMPILE_TIME_MACROS[name] : undefined;
  if (!api) return null;
  const tree = macroTokenTree(macro);
  const first = tree ? tokenGroups(tree)[0] : undefined;
  const resolved = first && first.length === 1 ? resolveConstString(first[0], context.constScope) : null;
  return { api, name: resolved?.value ?? null, compileTime: true, node: macro, literals: resolved?.literals ?? [] };
}

/**
 * Compile-time reads inside another macro's arguments: `format!("Bearer {}", env!("API_KEY"))`,
 * `concat!(env!("OUT_DIR"), "/x.rs")`, `println!("{}", env!("X"))`. tree-sitter-rust keeps a
 * macro's arguments as a token tree, so the inner read is no macro invocation of its own but the
 * tokens `env` `!` `(…)`: found here at any depth of the tree. A `macro_rules!` body is no
 * invocation, so its `env!($name)` templates are never looked at.
 */
export function nestedCompileTimeReads(macro: Node, context: EnvReadContext): EnvReadMatch[] {
  const reads: EnvReadMatch[] = [];
  const visit = (tree: Node): void => {
    const tokens = tree.children;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) continue;
      if (token.type === 'token_tree') {
        visit(token);
        continue;
      }
      const api = token.type === 'identifier' ? COMPILE_TIME_MACROS[token.text] : undefined;
      const args = tokens[i + 2];
      if (!api || tokens[i + 1]?.type !== '!' || args?.type !== 'token_tree') continue;
      // `x.env!` is no macro call; a path before it (`std::env!`) is.
      if (tokens[i - 1]?.type === '.') continue;
      const first = tokenGroups(args)[0];
      const resolved = first && first.length === 1 ? resolveConstString(first[0], context.constScope) : null;
      reads.push({ api, name: resolved?.value ?? null, compileTime: true, node: token, endNode: args, literals: resolved?.literals ?? [] });
      i += 2;
    }
  };
  const tree = macroTokenTree(macro);
  if (tree) visit(tree);
  return reads;
}

/** `#[arg(env = "X")]`, `#[clap(long, env)]` on a struct field (bare `env` uses the field name upper-cased). */
export function clapEnvReads(attribute: Node, fieldOf: () => Node | null, context: EnvReadContext): EnvReadMatch[] {
  const head = attributeName(attribute);
  if (head !== 'arg' && head !== 'clap') return [];
  const args = attributeArguments(attribute);
  if (!args) return [];
  const reads: EnvReadMatch[] = [];
  for (const group of tokenGroups(args)) {
    if (group[0]?.type !== 'identifier' || group[0].text !== 'env') continue;
    if (group.length === 1) {
      const fieldName = fieldOf()?.childForFieldName('name')?.text;
      reads.push({ api: 'clap(env)', name: fieldName ? fieldName.toUpperCase() : null, node: group[0], literals: [] });
    } else if (group.length === 3 && group[1].type === '=') {
      const resolved = resolveConstString(group[2], context.constScope);
      reads.push({ api: 'clap(env)', name: resolved?.value ?? null, node: group[2], literals: resolved?.literals ?? [] });
    }
  }
  return reads;
}
