// A generated JSON contract. Accepted shapes (decided here, documented in the schema):
//   { "version"?: 1, "resolver"?: {...}, "secrets"?: [entry...], "names"?: ["ENV_NAME", ...] }
//   [entry | "ENV_NAME", ...]
// An entry is the native YAML entry; `canonical_env` and `deprecated_aliases` are accepted as
// spellings of `env` and `deprecated`, since contracts generated from code keep the code's names.
// A bare name (a "managed env names" list) becomes an entry whose id is the name itself.
// JSON is parsed with the YAML parser (JSON is flow YAML) to keep exact positions; strict JSON
// validity is checked separately so a YAML-only construct is not silently accepted.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { ConfigError } from '../../core/config-types.js';
import type { SecretEntry } from '../model.js';
import { checkKeys, expectMap, expectSeq, fail, originOf, parseYamlSource, type YamlSource } from '../yaml-reader.js';
import { JSON_ENTRY_KEYS, readEntry, readEnvName } from './entry-reader.js';
import { readResolver } from './resolver-reader.js';
import type { SourceContext, SourceResult } from './source-result.js';
import { checkVersion } from './yaml.js';

const TOP_LEVEL_KEYS = ['version', 'resolver', 'secrets', 'names'] as const;

export function readJsonRegistry(ctx: SourceContext): SourceResult {
  const source = parseYamlSource(ctx.text, ctx.file, 'registry JSON');
  try {
    JSON.parse(ctx.text);
  } catch {
    // The JSON.parse message may quote file content, so it is not shown.
    throw new ConfigError('invalid registry JSON: expected strict JSON (no comments, trailing commas or unquoted keys)', ctx.file, 1, 1);
  }
  const result: SourceResult = { secrets: [], patches: [], diagnostics: [] };
  const top = source.doc.contents as Node;
  if (isSeq(top)) {
    readItems(source, expectSeq(source, top, 'registry'), 'registry', ctx, result);
    return result;
  }
  if (!isMap(top)) fail(source, top, 'registry JSON: expected an object with "secrets" or "names", or an array');
  const fields = checkKeys(source, expectMap(source, top, 'registry JSON'), TOP_LEVEL_KEYS, 'registry JSON');
  const version = fields.get('version');
  if (version) checkVersion(source, version.value, version.key);
  const resolver = fields.get('resolver');
  if (resolver) result.resolver = readResolver(source, resolver.value, resolver.key);
  const secrets = fields.get('secrets');
  if (secrets) readItems(source, expectSeq(source, secrets.value, 'secrets', secrets.key), 'secrets', ctx, result);
  const names = fields.get('names');
  if (names) readItems(source, expectSeq(source, names.value, 'names', names.key), 'names', ctx, result);
  if (!secrets && !names) fail(source, top, 'registry JSON: missing "secrets" or "names"; expected a list of entries or env names');
  return result;
}

function readItems(source: YamlSource, seq: ReturnType<typeof expectSeq>, where: string, ctx: SourceContext, result: SourceResult): void {
  seq.items.forEach((item, i) => {
    const at = `${where}[${i}]`;
    result.secrets.push(isScalar(item) ? nameEntry(source, item, at, ctx) : readEntry(source, item, at, 'json', ctx.classify, JSON_ENTRY_KEYS));
  });
}

function nameEntry(source: YamlSource, node: Node, where: string, ctx: SourceContext): SecretEntry {
  const name = readEnvName(source, node, where);
  const origin = originOf(source, node);
  return { id: name, env: name, aliases: [], deprecated: [], ...ctx.classify([name]), origin, nameOrigins: { [name]: origin }, sources: ['json'] };
}
