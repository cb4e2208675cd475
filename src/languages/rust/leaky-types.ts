// Structs and enums that hold a resolver-typed value and expose it: `#[derive(Debug)]`,
// `#[derive(Serialize)]` without `#[serde(skip)]` on that field, or `impl Display for`. A text
// field (`String`, `Option<String>`) that a struct literal of the file filled from a source
// (`filled`, from the taint walk) holds a secret too; a field of another type (an SDK client
// built with the secret, a `dyn Trait` of the project) does not. A field of a library wrapper
// whose own `Debug` prints a placeholder (`secrecy::SecretString` shows `[REDACTED]`) is not
// exposed by `derive(Debug)`.
import type { Node } from 'web-tree-sitter';
import type { ImportMap } from './imports.js';
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
  /** Its type's own Debug redacts (a `secrecy` wrapper): derive(Debug) on the holder shows no secret. */
  debugRedacted: boolean;
}

/** Crates whose secret wrappers implement Debug with a placeholder instead of the value. */
const REDACTING_DEBUG_CRATES = new Set(['secrecy']);
/** Traits whose objects are text (`Box<dyn Display>`, `impl AsRef<str>`); other trait objects are services. */
const TEXT_TRAITS = new Set(['AsRef', 'Into', 'ToString', 'Display', 'Borrow', 'Deref']);

const SERDE_REDACTIONS = new Set(['skip', 'skip_serializing', 'serialize_with', 'with']);

export function findLeakyTypes(typeItems: Node[], implItems: Node[], secretTypes: ReadonlySet<string>, filled?: ReadonlyMap<string, ReadonlyMap<string, string | null>>, imports?: ImportMap): LeakyTypeMatch[] {
  if (secretTypes.size === 0 && (!filled || filled.size === 0)) return [];
  const holders = new Map<string, { item: Node; fields: SecretFieldDecl[] }>();
  const localTypes = new Set<string>();
  for (const item of typeItems) {
    const name = item?.childForFieldName('name')?.text;
    if (name) localTypes.add(name);
  }
  const redacts = (type: Node | null): boolean => debugRedactingWrapper(type, secretTypes, localTypes, imports);
  for (const item of typeItems) {
    if (!item) continue;
    const name = item.childForFieldName('name')?.text;
    const fields = secretFieldsOf(item, secretTypes, name ? filled?.get(name) : undefined, redacts);
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
      const shown = fields.find((field) => !field.debugRedacted);
      if (derived.has('Debug') && shown) found.push({ typeName, field: shown.name, exposure: 'derive(Debug)', start: itemNode.startIndex, end: itemNode.endIndex });
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

function secretFieldsOf(item: Node, secretTypes: ReadonlySet<string>, filled: ReadonlyMap<string, string | null> | undefined, redacts: (type: Node | null) => boolean): SecretFieldDecl[] {
  const fields: SecretFieldDecl[] = [];
  for (const declaration of item.descendantsOfType(['field_declaration', 'ordered_field_declaration_list'])) {
    if (!declaration) continue;
    if (declaration.type === 'field_declaration') {
      const type = declaration.childForFieldName('type');
      const name = declaration.childForFieldName('name')?.text;
      const filledText = !!name && !!filled?.has(name) && holdsText(type, secretTypes);
      if (!filledText && !typeMentions(type, secretTypes)) continue;
      fields.push({ name: qualifiedFieldName(declaration, declaration.childForFieldName('name')?.text ?? '?'), serdeSkipped: isSerdeSkipped(declaration), debugRedacted: redacts(type) });
    } else {
      // Tuple fields: `struct Token(SecretString)`, `enum Auth { Bearer(SecretString) }`.
      let index = 0;
      for (const child of declaration.namedChildren) {
        if (!child || child.type === 'attribute_item' || child.type === 'visibility_modifier') continue;
        if (typeMentions(child, secretTypes)) fields.push({ name: qualifiedFieldName(declaration, String(index)), serdeSkipped: serdeSkippedBefore(child), debugRedacted: redacts(child) });
        index++;
      }
    }
  }
  return fields;
}

/**
 * A field's type is text (so a secret stored there is shown as it is): `String`, a resolver type,
 * a trait object of a text trait; `Arc<dyn Store>` holds a service, not text.
 */
function holdsText(type: Node | null, secretTypes: ReadonlySet<string>): boolean {
  if (!type || !isTextLike(type, secretTypes)) return false;
  const objects = type.descendantsOfType(['abstract_type', 'dynamic_type']);
  if (objects.length === 0) return true;
  // Text-like only through trait objects: text when one of them names a text trait.
  const withoutObjects = type.descendantsOfType(['type_identifier', 'primitive_type']).some((node) => !!node && !objects.some((object) => object && object.startIndex <= node.startIndex && node.endIndex <= object.endIndex) && isTextLike(node, secretTypes));
  if (withoutObjects) return true;
  return objects.some((object) => !!object && object.descendantsOfType('type_identifier').some((trait) => !!trait && TEXT_TRAITS.has(trait.text)));
}

/**
 * The field's type is a secret wrapper of a redacting library (`secrecy::SecretString`, or
 * `SecretString` imported from it, maybe inside `Option`/`Box`), not a type of the file itself.
 */
function debugRedactingWrapper(type: Node | null, secretTypes: ReadonlySet<string>, localTypes: ReadonlySet<string>, imports: ImportMap | undefined): boolean {
  if (!type) return false;
  const named = typeMentions(type, secretTypes) ?? typeMentions(type, SECRET_WRAPPER_NAMES);
  if (!named || localTypes.has(named)) return false;
  for (const scoped of type.descendantsOfType('scoped_type_identifier')) {
    if (scoped?.childForFieldName('name')?.text !== named) continue;
    const root = scoped.childForFieldName('path')?.text.split('::')[0];
    if (root && REDACTING_DEBUG_CRATES.has(root)) return true;
  }
  const imported = imports?.aliases.get(named);
  return !!imported && imported.length > 0 && REDACTING_DEBUG_CRATES.has(imported[0]);
}

/** The wrappers `secrecy` exports (a `String` field filled from a source may be one of them). */
export const SECRET_WRAPPER_NAMES: ReadonlySet<string> = new Set(['SecretString', 'SecretBox', 'SecretSlice', 'SecretVec', 'Secret']);

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
