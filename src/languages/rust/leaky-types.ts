// Structs and enums that hold a resolver-typed value and expose it: `#[derive(Debug)]`,
// `#[derive(Serialize)]` without `#[serde(skip)]` on that field, or `impl Display for`. A text
// field (`String`, `Option<String>`) that a struct literal of the file filled from a source
// (`filled`, from the taint walk) holds a secret too; a field of another type (an SDK client
// built with the secret) does not.
import type { Node } from 'web-tree-sitter';
import { isTextLike } from './summaries.js';
import { attributeArguments, attributeName, itemAttributes, lastSegment, precedingAttributes, tokenIdentifiers, typeMentions } from './syntax.js';

export interface LeakyTypeMatch {
  typeName: string;
  field: string;
  exposure: string;
  /** The derive attribute item or the impl header. */
  start: number;
  end: number;
}

interface SecretFieldDecl {
  name: string;
  serdeSkipped: boolean;
}

const SERDE_REDACTIONS = new Set(['skip', 'skip_serializing', 'serialize_with', 'with']);

export function findLeakyTypes(typeItems: Node[], implItems: Node[], secretTypes: ReadonlySet<string>, filled?: ReadonlyMap<string, ReadonlyMap<string, string | null>>): LeakyTypeMatch[] {
  if (secretTypes.size === 0 && (!filled || filled.size === 0)) return [];
  const holders = new Map<string, { item: Node; fields: SecretFieldDecl[] }>();
  for (const item of typeItems) {
    if (!item) continue;
    const name = item.childForFieldName('name')?.text;
    const fields = secretFieldsOf(item, secretTypes, name ? filled?.get(name) : undefined);
    if (name && fields.length > 0 && !holders.has(name)) holders.set(name, { item, fields });
  }
  if (holders.size === 0) return [];
  const found: LeakyTypeMatch[] = [];
  for (const [typeName, { item, fields }] of holders) {
    for (const attribute of precedingAttributes(item)) {
      if (attributeName(attribute) !== 'derive') continue;
      const args = attributeArguments(attribute);
      const derived = new Set(args ? tokenIdentifiers(args).map((node) => node.text) : []);
      const itemNode = attribute.parent ?? attribute;
      if (derived.has('Debug')) found.push({ typeName, field: fields[0].name, exposure: 'derive(Debug)', start: itemNode.startIndex, end: itemNode.endIndex });
      const serialized = fields.find((field) => !field.serdeSkipped);
      if (derived.has('Serialize') && serialized) found.push({ typeName, field: serialized.name, exposure: 'derive(Serialize)', start: itemNode.startIndex, end: itemNode.endIndex });
    }
  }
  for (const impl of implItems) {
    const trait = impl?.childForFieldName('trait');
    const type = impl?.childForFieldName('type');
    if (!impl || !trait || !type || lastSegment(trait) !== 'Display') continue;
    const typeName = lastSegment(type);
    const holder = typeName ? holders.get(typeName) : undefined;
    if (!holder || !typeName) continue;
    found.push({ typeName, field: holder.fields[0].name, exposure: 'impl Display', start: impl.startIndex, end: type.endIndex });
  }
  return found.sort((a, b) => a.start - b.start);
}

function secretFieldsOf(item: Node, secretTypes: ReadonlySet<string>, filled: ReadonlyMap<string, string | null> | undefined): SecretFieldDecl[] {
  const fields: SecretFieldDecl[] = [];
  for (const declaration of item.descendantsOfType(['field_declaration', 'ordered_field_declaration_list'])) {
    if (!declaration) continue;
    if (declaration.type === 'field_declaration') {
      const type = declaration.childForFieldName('type');
      const name = declaration.childForFieldName('name')?.text;
      const filledText = !!name && !!filled?.has(name) && isTextLike(type, secretTypes);
      if (!filledText && !typeMentions(type, secretTypes)) continue;
      fields.push({ name: qualifiedFieldName(declaration, declaration.childForFieldName('name')?.text ?? '?'), serdeSkipped: isSerdeSkipped(declaration) });
    } else {
      // Tuple fields: `struct Token(SecretString)`, `enum Auth { Bearer(SecretString) }`.
      let index = 0;
      for (const child of declaration.namedChildren) {
        if (!child || child.type === 'attribute_item' || child.type === 'visibility_modifier') continue;
        if (typeMentions(child, secretTypes)) fields.push({ name: qualifiedFieldName(declaration, String(index)), serdeSkipped: serdeSkippedBefore(child) });
        index++;
      }
    }
  }
  return fields;
}

function qualifiedFieldName(node: Node, field: string): string {
  const variant = node.parent?.type === 'enum_variant' ? node.parent : node.parent?.parent?.type === 'enum_variant' ? node.parent.parent : null;
  const variantName = variant?.childForFieldName('name')?.text;
  return variantName ? `${variantName}.${field}` : field;
}

function isSerdeSkipped(field: Node): boolean {
  return itemAttributes(field).some(isSerdeRedaction);
}

function serdeSkippedBefore(typeNode: Node): boolean {
  const previous = typeNode.previousNamedSibling;
  if (previous?.type !== 'attribute_item') return false;
  const attribute = previous.namedChildren.find((child) => child?.type === 'attribute');
  return !!attribute && isSerdeRedaction(attribute);
}

function isSerdeRedaction(attribute: Node): boolean {
  if (attributeName(attribute) !== 'serde') return false;
  const args = attributeArguments(attribute);
  return !!args && tokenIdentifiers(args).some((identifier) => SERDE_REDACTIONS.has(identifier.text));
}
