// What a Python module binds: imports (local name -> qualified module path) and string constants
// (`KEY = "OPENROUTER_API_KEY"`, f-strings and `+` of constants), per module and per function.
import type { Node } from 'web-tree-sitter';
import { dottedParts, hasInterpolation, literalStringText, ModuleNodes } from './python-syntax.js';

const SCOPE_TYPES = new Set(['function_definition', 'class_definition', 'lambda']);
export const IMPORT_TYPES: readonly string[] = ['import_statement', 'import_from_statement'];

export class ModuleScope {
  /** Local binding -> qualified name: `environ` -> `os.environ`, `o` -> `os`. */
  readonly imports = new Map<string, string>();
  /** Every module path imported anywhere in the file (`os`, `google.cloud.secretmanager`). */
  readonly importedModules = new Set<string>();
  /** `from .names import KEY as K` -> K: { module: '.names', name: 'KEY' }, for cross-file constants. */
  readonly importOrigins = new Map<string, { module: string; name: string }>();
  private readonly constantTables = new Map<number, Map<string, Node | null>>();
  private readonly assignmentTables = new Map<number, Map<string, Node[] | null>>();
  private readonly resolving = new Set<number>();
  private readonly qualified = new Map<number, string | null>();

  /** The module's nodes by type, collected once (see ModuleNodes). */
  readonly nodes: ModuleNodes;

  constructor(
    private readonly root: Node,
    private readonly projectConstants: Record<string, string> = {},
    nodes?: ModuleNodes,
  ) {
    this.nodes = nodes ?? new ModuleNodes(root, IMPORT_TYPES);
    this.collectImports();
  }

  private collectImports(): void {
    for (const node of this.nodes.of(IMPORT_TYPES)) {
      if (node.type === 'import_statement') {
        for (const name of node.childrenForFieldName('name')) {
          if (name.type === 'aliased_import') {
            const path = name.childForFieldName('name')?.text;
            const alias = name.childForFieldName('alias')?.text;
            if (path && alias) {
              this.imports.set(alias, path);
              this.importedModules.add(path);
            }
          } else {
            this.imports.set(name.text.split('.')[0], name.text.split('.')[0]);
            this.importedModules.add(name.text);
          }
        }
      } else {
        const moduleName = node.childForFieldName('module_name')?.text;
        if (!moduleName) continue;
        this.importedModules.add(moduleName);
        for (const name of node.childrenForFieldName('name')) {
          const imported = name.type === 'aliased_import' ? name.childForFieldName('name')?.text : name.text;
          const local = name.type === 'aliased_import' ? name.childForFieldName('alias')?.text : name.text;
          if (!imported || !local) continue;
          this.imports.set(local, `${moduleName}.${imported}`);
          this.importOrigins.set(local, { module: moduleName, name: imported });
          this.importedModules.add(`${moduleName}.${imported}`);
        }
      }
    }
  }

  /** Module-level string constants other modules can import (names without a leading underscore). */
  exportedConstants(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of this.constantTable(this.root)) {
      if (!value || name.startsWith('_')) continue;
      const text = this.constString(value);
      if (text !== null) out[name] = text;
    }
    return out;
  }

  /**
   * For an identifier imported from another module (`from app.names import KEY`), or a member of an
   * imported module (`names.KEY` after `from app import names` or `import app.names as names`):
   * what the engine needs to resolve it (`constRef`).
   */
  constRefOf(node: Node | null): { identifier: string; from?: string; module?: string } | undefined {
    if (node?.type === 'attribute') return this.memberConstRef(node);
    if (node?.type !== 'identifier') return undefined;
    const origin = this.importOrigins.get(node.text);
    return origin ? moduleConstRef(origin.module, origin.name) : undefined;
  }

  /** `names.KEY` with `names` an imported module; a name that is no module of the project stays unresolved by the engine. */
  private memberConstRef(node: Node): { identifier: string; from?: string; module?: string } | undefined {
    const owner = node.childForFieldName('object');
    const member = node.childForFieldName('attribute');
    if (owner?.type !== 'identifier' || member?.type !== 'identifier') return undefined;
    const origin = this.importOrigins.get(owner.text);
    const module = origin ? (origin.module.endsWith('.') ? `${origin.module}${origin.name}` : `${origin.module}.${origin.name}`) : this.imports.get(owner.text);
    return module ? moduleConstRef(module, member.text) : undefined;
  }

  /** True when `module` (or a submodule of it, or a module whose name starts with it) is imported. */
  hasImported(module: string): boolean {
    for (const imported of this.importedModules) {
      if (imported === module || imported.startsWith(`${module}.`) || imported.startsWith(`${module}_`)) return true;
    }
    return false;
  }

  /**
   * `o.environ.get` with `import os as o` -> `os.environ.get`; null for non-dotted expressions.
   * Kept per node: the fact walk, the sink matcher and each leak pass ask about the same callees.
   */
  qualify(node: Node | null): string | null {
    if (!node) return null;
    let qualified = this.qualified.get(node.id);
    if (qualified === undefined) {
      const parts = dottedParts(node);
      const head = parts ? this.imports.get(parts[0]) : undefined;
      qualified = !parts ? null : head ? [head, ...parts.slice(1)].join('.') : parts.join('.');
      this.qualified.set(node.id, qualified);
    }
    return qualified;
  }

  /** The constant string value of an expression, or null when it is not a constant we can see. */
  constString(node: Node | null): string | null {
    if (!node) return null;
    switch (node.type) {
      case 'string': {
        if (!hasInterpolation(node)) return literalStringText(node);
        let out = '';
        for (const child of node.namedChildren) {
          if (child.type === 'string_content' || child.type === 'escape_sequence') out += child.text;
          else if (child.type === 'interpolation') {
            const inner = this.constString(child.childForFieldName('expression'));
            if (inner === null) return null;
            out += inner;
          }
        }
        return out;
      }
      case 'concatenated_string': {
        let out = '';
        for (const part of node.namedChildren) {
          const value = this.constString(part);
          if (value === null) return null;
          out += value;
        }
        return out;
      }
      case 'binary_operator': {
        if (node.childForFieldName('operator')?.text !== '+') return null;
        const left = this.constString(node.childForFieldName('left'));
        const right = left === null ? null : this.constString(node.childForFieldName('right'));
        return left !== null && right !== null ? left + right : null;
      }
      case 'parenthesized_expression':
        return this.constString(node.namedChildren[0] ?? null);
      case 'identifier':
        return this.lookupConstant(node);
      default:
        return null;
    }
  }

  /** The string literal nodes a constant expression is built from (`os.getenv(KEY)` -> the literal assigned to `KEY`). */
  constantLiterals(node: Node | null, depth = 0): Node[] {
    if (!node || depth > 8) return [];
    if (node.type === 'string') return [node];
    if (node.type === 'identifier') {
      const value = this.constantValueNode(node);
      return value ? this.constantLiterals(value, depth + 1) : [];
    }
    if (node.type === 'concatenated_string' || node.type === 'binary_operator' || node.type === 'parenthesized_expression') {
      return node.namedChildren.flatMap((child) => this.constantLiterals(child, depth + 1));
    }
    return [];
  }

  /** The value node a name assigned exactly once is bound to (`KEYS = ("A", "B")` -> the tuple), or null. */
  valueNodeOf(identifier: Node): Node | null {
    return identifier.type === 'identifier' ? this.constantValueNode(identifier) : null;
  }

  private constantValueNode(identifier: Node): Node | null {
    for (let scope = enclosingScope(identifier); ; scope = enclosingScope(scope)) {
      const table = this.constantTable(scope);
      if (table.has(identifier.text)) return table.get(identifier.text) ?? null;
      if (scope.type === 'module') return null;
    }
  }

  private lookupConstant(identifier: Node): string | null {
    const name = identifier.text;
    for (let scope = enclosingScope(identifier); ; scope = enclosingScope(scope)) {
      const table = this.constantTable(scope);
      if (table.has(name)) {
        const value = table.get(name);
        if (!value || this.resolving.has(value.id)) return null;
        this.resolving.add(value.id);
        try {
          return this.constString(value);
        } finally {
          this.resolving.delete(value.id);
        }
      }
      if (scope.type === 'module') break;
    }
    // Imported from another module of the project: the engine's first pass collected it.
    return Object.hasOwn(this.projectConstants, name) ? this.projectConstants[name] : null;
  }

  /**
   * Every value a name of the identifier's own scope is given, when plain `name = value`
   * assignments are all that bind it there (`if …: v = "A" else: v = "B"`); null when a loop,
   * `+=`, a walrus, an unpacking or a parameter binds it too, or the scope does not assign it.
   */
  assignedValuesOf(identifier: Node): Node[] | null {
    if (identifier.type !== 'identifier') return null;
    const scope = enclosingScope(identifier);
    this.constantTable(scope);
    return this.assignmentTables.get(scope.id)?.get(identifier.text) ?? null;
  }

  /** Names assigned exactly once in a scope (not counting nested functions/classes) -> value node; null when reassigned. */
  private constantTable(scope: Node): Map<string, Node | null> {
    let table = this.constantTables.get(scope.id);
    if (table) return table;
    table = new Map();
    // Alongside, every value of each name bound only by plain assignments (assignedValuesOf).
    const assigned = new Map<string, Node[] | null>();
    const unbind = (name: string): void => void assigned.set(name, null);
    const body = scope.type === 'module' ? scope : scope.childForFieldName('body');
    const stack: Node[] = body ? [...body.namedChildren] : [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (SCOPE_TYPES.has(node.type) || node.type === 'decorated_definition') continue;
      if (node.type === 'assignment') {
        const left = node.childForFieldName('left');
        const right = node.childForFieldName('right');
        if (left?.type === 'identifier') {
          table.set(left.text, table.has(left.text) ? null : (right ?? null));
          const values = assigned.get(left.text);
          if (values !== null) assigned.set(left.text, right ? [...(values ?? []), right] : null);
        } else if (left) {
          for (const id of left.descendantsOfType('identifier')) {
            table.set(id.text, null);
            unbind(id.text);
          }
        }
        if (right?.type === 'assignment') stack.push(right);
        continue;
      }
      if (node.type === 'augmented_assignment' || node.type === 'for_statement' || node.type === 'named_expression') {
        const target = node.childForFieldName(node.type === 'named_expression' ? 'name' : 'left');
        if (target) {
          for (const id of target.type === 'identifier' ? [target] : target.descendantsOfType('identifier')) {
            table.set(id.text, null);
            unbind(id.text);
          }
        }
      }
      // `global v` / `nonlocal v`: the assignments here are another scope's; `with … as v`,
      // `except … as v` and imports bind it otherwise.
      if (UNBINDING_TYPES.has(node.type)) for (const id of node.descendantsOfType('identifier')) unbind(id.text);
      for (const child of node.namedChildren) stack.push(child);
    }
    // Function parameters shadow module constants.
    const params = scope.childForFieldName('parameters');
    if (params) {
      for (const id of params.descendantsOfType('identifier')) {
        table.set(id.text, null);
        unbind(id.text);
      }
    }
    this.constantTables.set(scope.id, table);
    this.assignmentTables.set(scope.id, assigned);
    return table;
  }
}

const UNBINDING_TYPES = new Set(['global_statement', 'nonlocal_statement', 'as_pattern_target', 'import_statement', 'import_from_statement', 'except_clause']);

/** The nearest enclosing function/lambda, or the module. Class bodies are not scopes for name lookup in methods. */
export function enclosingScope(node: Node): Node {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'lambda' || p.type === 'module') return p;
  }
  return node.tree.rootNode;
}

/** A constant of `module` (absolute, or relative with leading dots): relative ones also as a path for the engine. */
function moduleConstRef(module: string, identifier: string): { identifier: string; from?: string; module: string } {
  const dots = /^\.*/.exec(module)![0].length;
  if (dots === 0) return { identifier, module };
  const rest = module.slice(dots).split('.').filter(Boolean).join('/');
  const up = dots === 1 ? './' : '../'.repeat(dots - 1);
  return { identifier, from: `${up}${rest}`, module };
}
