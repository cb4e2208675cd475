// Reads one `secrets:` item (a full entry or an overlay patch) from a YAML/JSON node, validating
// every field and keeping the exact origin of the entry and of each name.
import type { Node } from 'yaml';
import { isMap, isScalar } from 'yaml';
import type { KindClassifier } from '../classify.js';
import { SECRET_SCOPES, type DeprecatedAlias, type Origin, type SecretEntry, type SecretScope } from '../model.js';
import {
  checkKeys,
  expectMap,
  expectSeq,
  fail,
  originOf,
  readDate,
  readEnum,
  readInteger,
  readString,
  type YamlSource,
} from '../yaml-reader.js';
import type { OverlayPatch } from './source-result.js';

export const ENTRY_KEYS = ['id', 'env', 'aliases', 'deprecated', 'kind', 'class', 'owner', 'rotation_days', 'description', 'scope'] as const;
/** JSON contracts generated from code often keep the code's field names. */
export const JSON_ENTRY_KEYS = [...ENTRY_KEYS, 'canonical_env', 'deprecated_aliases'] as const;
export const PATCH_KEYS = ['id', 'kind', 'class', 'owner', 'rotation_days', 'description', 'remove_after', 'deprecated', 'scope'] as const;
const DEPRECATED_KEYS = ['name', 'replacement', 'remove_after'] as const;
const KINDS = ['secret', 'config'] as const;

/** Env names: non-empty, no whitespace, no `=` (what every shell and CI system accepts). */
const ENV_NAME = /^[^\s=]+$/;

export function readEnvName(source: YamlSource, node: Node | null, where: string, fallback?: Node | null): string {
  const name = readString(source, node, where, fallback);
  if (!ENV_NAME.test(name)) fail(source, node, `${where}: expected an environment variable name (no spaces or "=")`, fallback);
  return name;
}

interface DeprecatedRead {
  name: string;
  replacement?: string;
  removeAfter?: string;
  origin: Origin;
  nameOrigin: Origin;
}

/** A deprecated alias: a bare name, or `{ name, replacement?, remove_after? }`. */
function readDeprecated(source: YamlSource, node: Node, where: string): DeprecatedRead {
  if (isScalar(node)) {
    const name = readEnvName(source, node, where);
    const origin = originOf(source, node);
    return { name, origin, nameOrigin: origin };
  }
  const map = expectMap(source, node, where);
  const fields = checkKeys(source, map, DEPRECATED_KEYS, where);
  const nameField = fields.get('name');
  if (!nameField) fail(source, map, `${where}: missing "name"; expected the deprecated env name`);
  const read: DeprecatedRead = {
    name: readEnvName(source, nameField.value, `${where}.name`, nameField.key),
    origin: originOf(source, nameField.value, nameField.key),
    nameOrigin: originOf(source, nameField.value, nameField.key),
  };
  const replacement = fields.get('replacement');
  if (replacement) read.replacement = readEnvName(source, replacement.value, `${where}.replacement`, replacement.key);
  const removeAfter = fields.get('remove_after');
  if (removeAfter) read.removeAfter = readDate(source, removeAfter.value, `${where}.remove_after`, removeAfter.key);
  return read;
}

function readDeprecatedList(source: YamlSource, node: Node | null, where: string, fallback: Node): DeprecatedRead[] {
  const seq = expectSeq(source, node, where, fallback);
  return seq.items.map((item, i) => readDeprecated(source, item, `${where}[${i}]`));
}

/** `scope: ci` or `scope: [app, ci]`: one or more of SECRET_SCOPES, duplicates dropped. */
function readScope(source: YamlSource, fields: ReturnType<typeof checkKeys>, where: string): SecretScope[] | undefined {
  const field = fields.get('scope');
  if (!field) return undefined;
  if (isScalar(field.value)) return [readEnum(source, field.value, `${where}.scope`, SECRET_SCOPES, field.key)];
  const seq = expectSeq(source, field.value, `${where}.scope`, field.key);
  if (seq.items.length === 0) fail(source, seq, `${where}.scope: empty list; expected one or more of ${SECRET_SCOPES.join(', ')}`);
  const scopes = seq.items.map((item, i) => readEnum(source, item, `${where}.scope[${i}]`, SECRET_SCOPES, seq));
  return [...new Set(scopes)];
}

function readOptionalText(source: YamlSource, fields: ReturnType<typeof checkKeys>, key: string, where: string): string | undefined {
  const field = fields.get(key);
  return field ? readString(source, field.value, `${where}.${key}`, field.key) : undefined;
}

/** True when the item has no `env` (nor `canonical_env`): it can only be an overlay patch. */
export function isPatchShaped(node: Node): boolean {
  return isMap(node) && !node.items.some((pair) => isScalar(pair.key) && (pair.key.value === 'env' || pair.key.value === 'canonical_env'));
}

export function readEntry(
  source: YamlSource,
  node: Node,
  where: string,
  sourceName: string,
  classify: KindClassifier,
  allowed: readonly string[] = ENTRY_KEYS,
): SecretEntry {
  const map = expectMap(source, node, where);
  const fields = checkKeys(source, map, allowed, where);
  const idField = fields.get('id');
  if (!idField) fail(source, map, `${where}: missing "id"; expected a stable secret identifier`);
  const envField = fields.get('env') ?? fields.get('canonical_env');
  if (!envField) fail(source, map, `${where}: missing "env"; expected the canonical env name`);
  const id = readString(source, idField.value, `${where}.id`, idField.key);
  const env = readEnvName(source, envField.value, `${where}.env`, envField.key);
  const nameOrigins: Record<string, Origin> = { [env]: originOf(source, envField.value, envField.key) };

  const aliases: string[] = [];
  const aliasOrigins: Origin[] = [];
  const aliasField = fields.get('aliases');
  if (aliasField) {
    const seq = expectSeq(source, aliasField.value, `${where}.aliases`, aliasField.key);
    seq.items.forEach((item, i) => {
      const alias = readEnvName(source, item, `${where}.aliases[${i}]`, seq);
      aliases.push(alias);
      aliasOrigins.push(originOf(source, item));
      nameOrigins[alias] ??= originOf(source, item);
    });
  }

  const deprecated: DeprecatedAlias[] = [];
  const depField = fields.get('deprecated') ?? fields.get('deprecated_aliases');
  if (depField) {
    for (const dep of readDeprecatedList(source, depField.value, `${where}.deprecated`, depField.key)) {
      deprecated.push({ name: dep.name, replacement: dep.replacement ?? env, removeAfter: dep.removeAfter, origin: dep.origin });
      nameOrigins[dep.name] ??= dep.nameOrigin;
    }
  }

  const kindField = fields.get('kind');
  const decided = kindField
    ? { kind: readEnum(source, kindField.value, `${where}.kind`, KINDS, kindField.key), kindSource: 'explicit' as const }
    : classify([env, ...aliases, ...deprecated.map((d) => d.name)]);

  const entry: SecretEntry = {
    id,
    env,
    aliases,
    aliasOrigins,
    deprecated,
    kind: decided.kind,
    kindSource: decided.kindSource,
    origin: originOf(source, idField.value, idField.key),
    nameOrigins,
    sources: [sourceName],
  };
  const cls = readOptionalText(source, fields, 'class', where);
  if (cls !== undefined) entry.class = cls;
  const owner = readOptionalText(source, fields, 'owner', where);
  if (owner !== undefined) entry.owner = owner;
  const description = readOptionalText(source, fields, 'description', where);
  if (description !== undefined) entry.description = description;
  const rotation = fields.get('rotation_days');
  if (rotation) entry.rotationDays = readInteger(source, rotation.value, `${where}.rotation_days`, 1, rotation.key);
  const scope = readScope(source, fields, where);
  if (scope !== undefined) entry.scope = scope;
  return entry;
}

export function readPatch(source: YamlSource, node: Node, where: string): OverlayPatch {
  const map = expectMap(source, node, where);
  const fields = checkKeys(source, map, PATCH_KEYS, where);
  const idField = fields.get('id');
  if (!idField) fail(source, map, `${where}: missing "id"; expected the id of a secret declared by an earlier source`);
  const patch: OverlayPatch = {
    id: readString(source, idField.value, `${where}.id`, idField.key),
    origin: originOf(source, idField.value, idField.key),
    nameOrigins: {},
  };
  const kindField = fields.get('kind');
  if (kindField) patch.kind = readEnum(source, kindField.value, `${where}.kind`, KINDS, kindField.key);
  patch.class = readOptionalText(source, fields, 'class', where);
  patch.owner = readOptionalText(source, fields, 'owner', where);
  patch.description = readOptionalText(source, fields, 'description', where);
  const rotation = fields.get('rotation_days');
  if (rotation) patch.rotationDays = readInteger(source, rotation.value, `${where}.rotation_days`, 1, rotation.key);
  patch.scope = readScope(source, fields, where);
  const removeAfter = fields.get('remove_after');
  if (removeAfter) patch.removeAfter = readDate(source, removeAfter.value, `${where}.remove_after`, removeAfter.key);
  const depField = fields.get('deprecated');
  if (depField) {
    patch.deprecated = readDeprecatedList(source, depField.value, `${where}.deprecated`, depField.key).map((dep) => {
      patch.nameOrigins[dep.name] ??= dep.nameOrigin;
      return { name: dep.name, replacement: dep.replacement, removeAfter: dep.removeAfter, origin: dep.origin };
    });
  }
  return patch;
}
