// The registry's `resolver:` block (DESIGN §1), shared by the YAML and JSON sources.
// `types` items are names or (DESIGN §10) objects `{ name, expose, redact, safe }`.
import { isMap, type Node } from 'yaml';
import type { ResolverSpec, ResolverTypeMembers } from '../model.js';
import { checkKeys, expectMap, expectSeq, readString, readStringList, type YamlSource } from '../yaml-reader.js';

const RESOLVER_KEYS = ['paths', 'functions', 'types', 'sanitizers'] as const;
const TYPE_KEYS = ['name', 'expose', 'redact', 'safe'] as const;

export function readResolver(source: YamlSource, node: Node | null, fallback: Node): Partial<ResolverSpec> {
  const map = expectMap(source, node, 'resolver', fallback);
  const resolver: Partial<ResolverSpec> = {};
  for (const [key, field] of checkKeys(source, map, RESOLVER_KEYS, 'resolver')) {
    if (key === 'types') Object.assign(resolver, readTypes(source, field.value, field.key));
    else resolver[key as 'paths' | 'functions' | 'sanitizers'] = readStringList(source, field.value, `resolver.${key}`, field.key);
  }
  return resolver;
}

function readTypes(source: YamlSource, node: Node | null, fallback: Node): Pick<ResolverSpec, 'types' | 'typeMembers'> {
  const seq = expectSeq(source, node, 'resolver.types', fallback);
  const types: string[] = [];
  const typeMembers: ResolverTypeMembers[] = [];
  seq.items.forEach((item, i) => {
    const where = `resolver.types[${i}]`;
    if (!isMap(item)) {
      types.push(readString(source, item, `${where} (a type name or { name, expose, redact, safe })`, seq));
      return;
    }
    const fields = checkKeys(source, expectMap(source, item, where, seq), TYPE_KEYS, where);
    const name = fields.get('name');
    const members: ResolverTypeMembers = { name: readString(source, name?.value ?? null, `${where}.name`, item) };
    for (const key of ['expose', 'redact', 'safe'] as const) {
      const field = fields.get(key);
      if (field) members[key] = readStringList(source, field.value, `${where}.${key}`, field.key);
    }
    types.push(members.name);
    typeMembers.push(members);
  });
  return typeMembers.length > 0 ? { types, typeMembers } : { types };
}
