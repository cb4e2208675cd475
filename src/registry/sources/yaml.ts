// The native registry format (DESIGN §1), and YAML overlays that add metadata to ids declared by
// code. A `secrets:` item without `env` whose id an earlier source declared is an overlay patch,
// so a plain YAML file listed after a Rust source works as an overlay without `from: overlay`.
import { isScalar, type Node } from 'yaml';
import { ConfigError } from '../../core/config-types.js';
import { checkKeys, expectMap, expectSeq, fail, parseYamlSource, type YamlSource } from '../yaml-reader.js';
import { isPatchShaped, readEntry, readPatch } from './entry-reader.js';
import { readResolver } from './resolver-reader.js';
import type { SourceContext, SourceResult } from './source-result.js';

const TOP_LEVEL_KEYS = ['version', 'resolver', 'secrets'] as const;

export function checkVersion(source: YamlSource, node: Node | null, fallback: Node): void {
  if (!isScalar(node) || node.value !== 1) fail(source, node, 'version: expected 1', fallback);
}

export function readYamlRegistry(ctx: SourceContext, mode: 'yaml' | 'overlay'): SourceResult {
  const source = parseYamlSource(ctx.text, ctx.file, mode === 'overlay' ? 'registry overlay' : 'registry');
  const top = expectMap(source, source.doc.contents, 'registry');
  const fields = checkKeys(source, top, TOP_LEVEL_KEYS, 'registry');
  const result: SourceResult = { secrets: [], patches: [], diagnostics: [] };

  const version = fields.get('version');
  if (version) checkVersion(source, version.value, version.key);
  const resolver = fields.get('resolver');
  if (resolver) result.resolver = readResolver(source, resolver.value, resolver.key);
  const secrets = fields.get('secrets');
  if (!secrets) {
    if (!resolver) throw new ConfigError('registry: missing "secrets"; expected a list of secret entries', ctx.file, 1, 1);
    return result;
  }
  const seq = expectSeq(source, secrets.value, 'secrets', secrets.key);
  // A file listed after other sources whose items all lack `env` is an overlay as a whole, so an
  // id it names that no earlier source declared becomes a diagnostic rather than "missing env".
  const wholeFileIsOverlay = mode === 'overlay' || (ctx.knownIds.size > 0 && seq.items.length > 0 && seq.items.every(isPatchShaped));
  seq.items.forEach((item, i) => {
    const where = `secrets[${i}]`;
    const asPatch = wholeFileIsOverlay || (isPatchShaped(item) && patchTargetsKnownId(item, ctx.knownIds));
    if (asPatch) result.patches.push(readPatch(source, item, where));
    else result.secrets.push(readEntry(source, item, where, 'yaml', ctx.classify));
  });
  return result;
}

function patchTargetsKnownId(item: Node, knownIds: ReadonlySet<string>): boolean {
  const map = item as unknown as { get(key: string): unknown };
  const id = map.get('id');
  return typeof id === 'string' && knownIds.has(id);
}
