// A registry declared in Rust: every `SecretSpec { id: SecretId::X, canonical_env: "..",
// aliases: &[..], deprecated_aliases: &[..], .. }` struct literal in one file becomes an entry.
// Parsed with tree-sitter; positions are exact. A row the linter cannot read (a field that is not
// a literal or a same-file const) becomes a located diagnostic, never a silent gap.
import type { Node } from 'web-tree-sitter';
import { ConfigError, type RustRegistryFields } from '../../core/config-types.js';
import { isRealIsoDate } from '../dates.js';
import type { DeprecatedAlias, Origin, SecretEntry } from '../model.js';
import { TextPositions } from '../text-positions.js';
import { RustConstants } from './rust-literals.js';
import type { SourceContext, SourceResult } from './source-result.js';

export const DEFAULT_RUST_FIELDS: RustRegistryFields = {
  id: 'id',
  canonical_env: 'canonical_env',
  aliases: 'aliases',
  deprecated_aliases: 'deprecated_aliases',
};

/** Field names accepted inside a deprecated-alias struct literal (`DeprecatedAlias { name, remove_after }`). */
const DEPRECATED_NAME_FIELDS = ['name', 'alias', 'env'];
const DEPRECATED_DATE_FIELDS = ['remove_after', 'removal_date', 'remove_after_date', 'until'];
const DEPRECATED_REPLACEMENT_FIELDS = ['replacement', 'replaced_by'];

export interface RustSourceOptions {
  struct?: string;
  fields?: Partial<RustRegistryFields>;
}

export async function readRustRegistry(ctx: SourceContext, options: RustSourceOptions = {}): Promise<SourceResult> {
  const structName = options.struct ?? 'SecretSpec';
  const fields = { ...DEFAULT_RUST_FIELDS, ...options.fields };
  // Loaded here, not at the top: importing the registry readers (the ESLint plugin does) must not load web-tree-sitter.
  const { createParser } = await import('../../languages/tree-sitter-loader.js');
  const parser = await createParser('rust');
  const tree = parser.parse(ctx.text);
  if (!tree) throw new ConfigError('cannot parse Rust registry source', ctx.file, 1, 1);
  try {
    const reader = new RustRowReader(ctx, new TextPositions(ctx.text), new RustConstants(tree.rootNode), fields);
    const result: SourceResult = { secrets: [], patches: [], diagnostics: [] };
    if (tree.rootNode.hasError) {
      const broken = tree.rootNode.descendantsOfType(['ERROR'])[0] ?? tree.rootNode;
      reader.diagnose(result, broken, 'Rust syntax error; rows in the damaged region may be missing');
    }
    const rows = tree.rootNode.descendantsOfType('struct_expression').filter((node) => lastSegment(node.childForFieldName('name')) === structName);
    for (const row of rows) reader.readRow(row, result);
    if (rows.length === 0) {
      throw new ConfigError(`no \`${structName} { .. }\` literal found; expected the struct literals that declare the secrets (set "struct" in the registry source if the type has another name)`, ctx.file, 1, 1);
    }
    return result;
  } finally {
    tree.delete();
    parser.delete();
  }
}

function lastSegment(node: Node | null): string | undefined {
  if (!node) return undefined;
  if (node.type === 'scoped_type_identifier' || node.type === 'scoped_identifier') return lastSegment(node.childForFieldName('name'));
  if (node.type === 'generic_type') return lastSegment(node.childForFieldName('type'));
  return node.text;
}

/** `name: value` pairs of a struct literal; shorthand `name` maps to the identifier itself. */
function structFields(node: Node): Map<string, Node> {
  const fields = new Map<string, Node>();
  const body = node.childForFieldName('body');
  for (const child of body?.namedChildren ?? []) {
    if (child.type === 'field_initializer') {
      const name = child.childForFieldName('field');
      const value = child.childForFieldName('value');
      if (name && value) fields.set(name.text, value);
    } else if (child.type === 'shorthand_field_initializer') {
      const ident = child.namedChildren[0];
      if (ident) fields.set(ident.text, ident);
    }
  }
  return fields;
}

class RustRowReader {
  constructor(
    private readonly ctx: SourceContext,
    private readonly positions: TextPositions,
    private readonly consts: RustConstants,
    private readonly fields: RustRegistryFields,
  ) {}

  origin(node: Node): Origin {
    return this.positions.origin(this.ctx.file, node.startIndex, node.endIndex);
  }

  diagnose(result: SourceResult, node: Node, message: string): void {
    const at = this.positions.at(node.startIndex);
    result.diagnostics.push({ file: this.ctx.file, line: at.line, column: at.column, message });
  }

  readRow(row: Node, result: SourceResult): void {
    const values = structFields(row);
    const idNode = values.get(this.fields.id);
    const envNode = values.get(this.fields.canonical_env);
    if (!idNode || !envNode) {
      const missing = !idNode ? this.fields.id : this.fields.canonical_env;
      this.diagnose(result, row, `registry row without "${missing}": skipped; expected a literal ${missing} field`);
      return;
    }
    const id = this.readId(idNode);
    if (id === undefined) {
      this.diagnose(result, idNode, `registry row "${this.fields.id}" is not a \`SecretId::X\` path or string literal: row skipped`);
      return;
    }
    const env = this.consts.string(envNode);
    if (env === undefined) {
      this.diagnose(result, envNode, `registry row ${id}: "${this.fields.canonical_env}" is not a string literal or same-file const: row skipped`);
      return;
    }
    const entry: SecretEntry = {
      id,
      env,
      aliases: [],
      aliasOrigins: [],
      deprecated: [],
      kind: 'config',
      kindSource: 'default',
      origin: this.origin(idNode),
      nameOrigins: { [env]: this.origin(envNode) },
      sources: ['rust'],
    };
    const aliasNode = values.get(this.fields.aliases);
    if (aliasNode) this.readAliases(entry, aliasNode, result);
    const depNode = values.get(this.fields.deprecated_aliases);
    if (depNode) this.readDeprecatedList(entry, depNode, result);
    Object.assign(entry, this.ctx.classify([entry.env, ...entry.aliases, ...entry.deprecated.map((d) => d.name)]));
    result.secrets.push(entry);
  }

  private readId(node: Node): string | undefined {
    if (node.type === 'scoped_identifier') return node.childForFieldName('name')?.text;
    if (node.type === 'identifier') return this.consts.isConstRef(node) ? this.consts.string(node) : node.text;
    return this.consts.string(node);
  }

  private readAliases(entry: SecretEntry, node: Node, result: SourceResult): void {
    const items = this.consts.listItems(node);
    if (!items) {
      this.diagnose(result, node, `registry row ${entry.id}: "${this.fields.aliases}" is not a literal list: aliases not read`);
      return;
    }
    for (const item of items) {
      const alias = this.consts.string(item);
      if (alias === undefined) {
        this.diagnose(result, item, `registry row ${entry.id}: an alias is not a string literal or same-file const: alias not read`);
        continue;
      }
      entry.aliases.push(alias);
      entry.aliasOrigins?.push(this.origin(item));
      entry.nameOrigins[alias] ??= this.origin(item);
    }
  }

  private readDeprecatedList(entry: SecretEntry, node: Node, result: SourceResult): void {
    const items = this.consts.listItems(node);
    if (!items) {
      this.diagnose(result, node, `registry row ${entry.id}: "${this.fields.deprecated_aliases}" is not a literal list: deprecated aliases not read`);
      return;
    }
    for (const item of items) {
      const dep = this.readDeprecated(entry, item);
      if (!dep) {
        this.diagnose(result, item, `registry row ${entry.id}: a deprecated alias is not a string, tuple or struct literal: alias not read`);
        continue;
      }
      entry.deprecated.push(dep.alias);
      entry.nameOrigins[dep.alias.name] ??= dep.nameOrigin;
    }
  }

  /** `"X"`, `("X", "2026-06-30")`, `("X", Some("2026-06-30"), "NEW")`, `DeprecatedAlias { name: "X", remove_after: .. }`. */
  private readDeprecated(entry: SecretEntry, node: Node): { alias: DeprecatedAlias; nameOrigin: Origin } | undefined {
    let nameNode: Node | undefined;
    let dateNode: Node | undefined;
    let replacementNode: Node | undefined;
    if (node.type === 'tuple_expression') {
      const parts = node.namedChildren;
      nameNode = parts[0];
      for (const part of parts.slice(1)) {
        // A later tuple part is the date unless it reads as an env name (the replacement).
        const value = this.consts.optionalString(part);
        const looksLikeDate = value === null || value === undefined || /^\d{4}-/.test(value);
        if (looksLikeDate) dateNode = part;
        else replacementNode = part;
      }
    } else if (node.type === 'struct_expression') {
      const values = structFields(node);
      nameNode = DEPRECATED_NAME_FIELDS.map((f) => values.get(f)).find(Boolean);
      dateNode = DEPRECATED_DATE_FIELDS.map((f) => values.get(f)).find(Boolean);
      replacementNode = DEPRECATED_REPLACEMENT_FIELDS.map((f) => values.get(f)).find(Boolean);
    } else {
      nameNode = node;
    }
    const name = nameNode ? this.consts.string(nameNode) : undefined;
    if (!nameNode || name === undefined) return undefined;
    const alias: DeprecatedAlias = { name, replacement: entry.env, origin: this.origin(nameNode) };
    if (dateNode) {
      const date = this.consts.optionalString(dateNode);
      if (date === undefined) return undefined;
      if (date !== null) {
        if (!isRealIsoDate(date)) {
          const at = this.positions.at(dateNode.startIndex);
          throw new ConfigError(`registry row ${entry.id}: deprecated alias "${name}" remove_after: expected a real date YYYY-MM-DD`, this.ctx.file, at.line, at.column);
        }
        alias.removeAfter = date;
      }
    }
    if (replacementNode) {
      const replacement = this.consts.optionalString(replacementNode);
      if (replacement === undefined) return undefined;
      if (replacement !== null) alias.replacement = replacement;
    }
    return { alias, nameOrigin: this.origin(nameNode) };
  }
}
