// The functions of one file and the struct fields whose declared type is a secret type: what
// the taint analysis needs to follow calls (summaries) and to treat `x.api_key` as a source.
import type { Node } from 'web-tree-sitter';
import { lastSegment, typeMentions } from './syntax.js';

export interface ParamInfo {
  name: string | null;
  node: Node;
  /** The declared type. */
  type: Node | null;
  /** The resolver type the parameter is declared with, if any. */
  secretType: string | null;
}

export interface FunctionInfo {
  name: string;
  /** `Type::name` for functions inside `impl Type`. */
  qualified: string | null;
  node: Node;
  body: Node | null;
  params: ParamInfo[];
  hasSelf: boolean;
  /** The resolver type in the declared return type, if any. */
  returnsSecretType: string | null;
}

export interface SecretField {
  owner: string;
  field: string;
  typeName: string;
}

export interface FunctionIndex {
  all: FunctionInfo[];
  byName: Map<string, FunctionInfo[]>;
  secretFields: Map<string, SecretField>;
}

export function indexFunctions(functionItems: Node[], implItems: Node[], typeItems: Node[], secretTypes: ReadonlySet<string>): FunctionIndex {
  const all: FunctionInfo[] = [];
  const byName = new Map<string, FunctionInfo[]>();
  const implTypes = implTypesByMethodStart(implItems);
  for (const node of functionItems) {
    const info = describeFunction(node, secretTypes, implTypes.get(node.startIndex) ?? null);
    if (!info) continue;
    all.push(info);
    for (const key of info.qualified ? [info.name, info.qualified] : [info.name]) {
      const list = byName.get(key);
      if (list) list.push(info);
      else byName.set(key, [info]);
    }
  }
  return { all, byName, secretFields: collectSecretFields(typeItems, secretTypes) };
}

function describeFunction(node: Node, secretTypes: ReadonlySet<string>, implType: string | null): FunctionInfo | null {
  const name = node.childForFieldName('name')?.text;
  if (!name) return null;
  const params: ParamInfo[] = [];
  let hasSelf = false;
  for (const param of node.childForFieldName('parameters')?.namedChildren ?? []) {
    if (!param) continue;
    if (param.type === 'self_parameter') {
      hasSelf = true;
      continue;
    }
    if (param.type !== 'parameter') continue;
    const pattern = param.childForFieldName('pattern');
    if (pattern?.type === 'self') {
      hasSelf = true;
      continue;
    }
    const identifier = pattern?.type === 'identifier' ? pattern : pattern?.descendantsOfType('identifier')[0];
    const type = param.childForFieldName('type');
    params.push({ name: identifier?.text ?? null, node: identifier ?? param, type, secretType: typeMentions(type, secretTypes) });
  }
  return {
    name,
    qualified: implType ? `${implType}::${name}` : null,
    node,
    body: node.childForFieldName('body'),
    params,
    hasSelf,
    returnsSecretType: typeMentions(node.childForFieldName('return_type'), secretTypes),
  };
}

/** Start offset of each method -> the type of its `impl` block (no parent lookups: they are slow in tree-sitter). */
function implTypesByMethodStart(implItems: Node[]): Map<number, string> {
  const types = new Map<number, string>();
  for (const impl of implItems) {
    const type = impl?.childForFieldName('type');
    const name = type ? lastSegment(type) : undefined;
    if (!impl || !name) continue;
    for (const item of impl.childForFieldName('body')?.namedChildren ?? []) {
      if (item?.type === 'function_item') types.set(item.startIndex, name);
    }
  }
  return types;
}

function collectSecretFields(typeItems: Node[], secretTypes: ReadonlySet<string>): Map<string, SecretField> {
  const fields = new Map<string, SecretField>();
  if (secretTypes.size === 0) return fields;
  for (const declaration of typeItems.flatMap((item) => item.descendantsOfType('field_declaration'))) {
    const name = declaration?.childForFieldName('name')?.text;
    const typeName = declaration ? typeMentions(declaration.childForFieldName('type'), secretTypes) : null;
    if (!declaration || !name || !typeName || fields.has(name)) continue;
    fields.set(name, { owner: ownerName(declaration), field: name, typeName });
  }
  return fields;
}

/** The struct or enum a field declaration belongs to. */
export function ownerName(field: Node): string {
  let node: Node | null = field.parent;
  while (node && node.type !== 'struct_item' && node.type !== 'enum_item' && node.type !== 'union_item') node = node.parent;
  return node?.childForFieldName('name')?.text ?? '?';
}
