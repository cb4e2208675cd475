// The registry's `resolver:` block (DESIGN §1), shared by the YAML and JSON sources.
import type { Node } from 'yaml';
import type { ResolverSpec } from '../model.js';
import { checkKeys, expectMap, readStringList, type YamlSource } from '../yaml-reader.js';

const RESOLVER_KEYS = ['paths', 'functions', 'types', 'sanitizers'] as const;

export function readResolver(source: YamlSource, node: Node | null, fallback: Node): Partial<ResolverSpec> {
  const map = expectMap(source, node, 'resolver', fallback);
  const resolver: Partial<ResolverSpec> = {};
  for (const [key, field] of checkKeys(source, map, RESOLVER_KEYS, 'resolver')) {
    resolver[key as keyof ResolverSpec] = readStringList(source, field.value, `resolver.${key}`, field.key);
  }
  return resolver;
}
