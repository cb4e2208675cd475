// Kubernetes manifests (multi-document YAML). Emits NameRefFact `k8s-env-value` for container
// `env[].name` (hasLiteralValue for `value:`, false for `valueFrom`), `k8s-secret-key` for the
// keys of a Secret's `stringData`/`data`, and `k8s-configmap-key` for a ConfigMap's `data` keys.
// Containers are found wherever a `containers`/`initContainers`/`ephemeralContainers` list sits,
// so Deployments, CronJobs, Pods and Helm-rendered output all work.
import type { Fact, FileError, FrontEnd } from '../../core/facts.js';
import { isPlaceholderValue, valueProfileOf } from './placeholder-values.js';
import { asMap, asScalar, asSeq, mapEntries, mapGet, mapGetPair, nodeRange, parseYamlSource, scalarString, type YamlSource } from './yaml-source.js';
import { yamlValueLiterals } from './yaml-value-literals.js';
import { isMap, isPair, isSeq } from 'yaml';

export const kubernetesFrontEnd: FrontEnd = {
  id: 'kubernetes',
  prefilter: () => true,
  analyze: analyzeKubernetes,
};

const CONTAINER_LISTS = new Set(['containers', 'initContainers', 'ephemeralContainers']);

export function analyzeKubernetes(file: string, text: string): { facts: Fact[]; errors: FileError[] } {
  const src = parseYamlSource(file, text);
  const facts: Fact[] = [...src.comments];
  for (const doc of src.documents) {
    try {
    facts.push(...yamlValueLiterals(src, doc.contents));
    const kind = scalarString(mapGet(doc.contents, 'kind'));
    if (kind === 'Secret' || kind === 'ConfigMap') {
      const context = kind === 'Secret' ? 'k8s-secret-key' : 'k8s-configmap-key';
      for (const section of kind === 'Secret' ? ['stringData', 'data'] : ['data']) {
        for (const [name, pair] of mapEntries(mapGet(doc.contents, section))) {
          const range = nodeRange(src, pair.key);
          const value = scalarString(pair.value);
          if (range) facts.push({ kind: 'name-ref', name, context, range, hasLiteralValue: value !== null && !isPlaceholderValue(value), ...valueProfileOf(section === 'data' ? decodeBase64(value) : value, name) });
        }
      }
    }
    findContainers(src, doc.contents, facts, 0);
    } catch {
      // Pathological nesting or an unexpected shape: keep what we have, report the file.
      src.errors.push({ file, message: 'YAML structure could not be analysed completely' });
    }
  }
  return { facts, errors: src.errors };
}

function findContainers(src: YamlSource, node: unknown, facts: Fact[], depth: number): void {
  if (depth > 60) return;
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = scalarString(item.key);
      if (key && CONTAINER_LISTS.has(key) && asSeq(item.value)) {
        for (const container of asSeq(item.value)!.items) containerEnv(src, container, facts);
      }
      findContainers(src, item.value, facts, depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) findContainers(src, item, facts, depth + 1);
  }
}

function containerEnv(src: YamlSource, container: unknown, facts: Fact[]): void {
  for (const item of asSeq(mapGet(container, 'env'))?.items ?? []) {
    if (!asMap(item)) continue;
    const namePair = mapGetPair(item, 'name');
    const name = scalarString(namePair?.value);
    const range = nodeRange(src, namePair?.value);
    if (!name || !range) continue;
    const value = mapGetPair(item, 'value') ? scalarString(mapGet(item, 'value')) : null;
    const fromSecret = scalarString(mapGet(mapGet(mapGet(item, 'valueFrom'), 'secretKeyRef'), 'name'));
    const valueRange = asScalar(mapGet(item, 'value')) ? nodeRange(src, mapGet(item, 'value')) : null;
    facts.push({ kind: 'name-ref', name, context: 'k8s-env-value', range, hasLiteralValue: value !== null && !isPlaceholderValue(value), ...valueProfileOf(value, name), ...(valueRange ? { valueRange } : {}) });
    if (fromSecret !== null) facts.push({ kind: 'config', type: 'k8s-secret-ref', range, data: { name, secret: fromSecret, key: scalarString(mapGet(mapGet(mapGet(item, 'valueFrom'), 'secretKeyRef'), 'key')) } });
  }
}

/** A Secret's `data:` values are base64: the stored value is what they decode to. */
function decodeBase64(value: string | null): string | null {
  if (value === null || !/^[A-Za-z0-9+/\s]*={0,2}$/.test(value)) return value;
  return Buffer.from(value, 'base64').toString('utf8');
}
