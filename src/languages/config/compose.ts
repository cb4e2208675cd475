// docker-compose files. Emits NameRefFact `compose-env-key` for `environment:` entries (map and
// `- KEY=value` list forms) with `hasLiteralValue`, ConfigFact `docker-build-arg` plus NameRefFact
// `compose-build-arg` for `build.args`, and NameRefFact `compose-interpolation` for every
// `${VAR}` / `$VAR` interpolation in any scalar (positions from the scalar's source).
import type { Scalar } from 'yaml';
import type { Fact, FileError, FrontEnd, Range } from '../../core/facts.js';
import type { ValueProfile } from '../../core/placeholder-value.js';
import { isPlaceholderValue, valueProfileOf } from './placeholder-values.js';
import { scalarSnippet } from './scalar-snippet.js';
import { yamlValueLiterals } from './yaml-value-literals.js';
import { asScalar, asSeq, mapEntries, mapGet, nodeRange, offsetRange, parseYamlSource, scalarString, walkScalars, type YamlSource } from './yaml-source.js';

export const composeFrontEnd: FrontEnd = {
  id: 'compose',
  prefilter: () => true,
  analyze: analyzeCompose,
};

interface Entry {
  name: string;
  range: Range;
  hasLiteralValue: boolean;
  valueProfile?: ValueProfile;
  valueRange?: Range;
}

export function analyzeCompose(file: string, text: string): { facts: Fact[]; errors: FileError[] } {
  const src = parseYamlSource(file, text);
  const facts: Fact[] = [...src.comments];
  for (const doc of src.documents) {
    try {
    for (const scalar of walkScalars(doc.contents)) facts.push(...interpolations(src, scalar));
    facts.push(...yamlValueLiterals(src, doc.contents));
    for (const [service, pair] of mapEntries(mapGet(doc.contents, 'services'))) {
      for (const entry of keyValueEntries(src, mapGet(pair.value, 'environment'))) {
        facts.push({ kind: 'name-ref', name: entry.name, context: 'compose-env-key', range: entry.range, hasLiteralValue: entry.hasLiteralValue, ...profileOf(entry), ...valueRangeOf(entry) });
      }
      for (const entry of keyValueEntries(src, mapGet(mapGet(pair.value, 'build'), 'args'))) {
        facts.push({ kind: 'name-ref', name: entry.name, context: 'compose-build-arg', range: entry.range, hasLiteralValue: entry.hasLiteralValue, ...profileOf(entry), ...valueRangeOf(entry) });
        facts.push({ kind: 'config', type: 'docker-build-arg', range: entry.range, data: { name: entry.name, service, hasLiteralValue: entry.hasLiteralValue, source: 'compose', ...profileOf(entry) } });
      }
    }
    } catch {
      // Pathological nesting or an unexpected shape: keep what we have, report the file.
      src.errors.push({ file, message: 'YAML structure could not be analysed completely' });
    }
  }
  return { facts, errors: src.errors };
}

function valueRangeOf(entry: Entry): { valueRange?: Range } {
  return entry.valueRange ? { valueRange: entry.valueRange } : {};
}

function profileOf(entry: Entry): { valueProfile?: ValueProfile } {
  return entry.valueProfile ? { valueProfile: entry.valueProfile } : {};
}

/** `KEY: value` mappings and `- KEY=value` / `- KEY` lists, as compose accepts for environment and args. */
function keyValueEntries(src: YamlSource, node: unknown): Entry[] {
  const entries: Entry[] = [];
  for (const [name, pair] of mapEntries(node)) {
    const range = nodeRange(src, pair.key);
    const value = scalarString(pair.value);
    // The value is a literal bound to this key already (yamlValueLiterals), expressions left visible.
    if (range) entries.push({ name, range, hasLiteralValue: value !== null && !isPlaceholderValue(value), ...valueProfileOf(value, name) });
  }
  for (const item of asSeq(node)?.items ?? []) {
    const scalar = asScalar(item);
    const text = scalarString(scalar);
    if (!scalar?.range || text === null) continue;
    const eq = text.indexOf('=');
    const name = (eq < 0 ? text : text.slice(0, eq)).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) continue;
    const snippet = scalarSnippet(src.text, scalar);
    const start = snippet.toFileOffset(snippet.text.indexOf(name));
    const end = snippet.exact ? start + name.length : start;
    // The value's position: after the `=` when the scalar maps exactly, else the whole scalar.
    const valueRange = eq < 0 || eq + 1 >= text.length ? undefined
      : snippet.exact ? offsetRange(src.lineCounter, snippet.toFileOffset(eq + 1), snippet.toFileOffset(text.length - 1) + 1)
      : nodeRange(src, scalar) ?? undefined;
    entries.push({ name, range: offsetRange(src.lineCounter, start, end), hasLiteralValue: eq >= 0 && !isPlaceholderValue(text.slice(eq + 1)), ...valueProfileOf(eq >= 0 ? text.slice(eq + 1) : null, name), ...(valueRange ? { valueRange } : {}) });
  }
  return entries;
}

/** `${VAR}`, `${VAR:-default}`, `${VAR?err}` and `$VAR`; `$$` is compose's escape for a literal dollar. */
function interpolations(src: YamlSource, scalar: Scalar): Fact[] {
  if (typeof scalar.value !== 'string' || !scalar.value.includes('$') || !scalar.range) return [];
  const snippet = scalarSnippet(src.text, scalar);
  const text = snippet.text;
  const facts: Fact[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$') continue;
    if (text[i + 1] === '$') {
      i++;
      continue;
    }
    const braced = text[i + 1] === '{';
    const nameStart = braced ? i + 2 : i + 1;
    let j = nameStart;
    while (j < text.length && /[A-Za-z0-9_]/.test(text[j])) j++;
    if (j === nameStart || /[0-9]/.test(text[nameStart])) continue;
    const start = snippet.toFileOffset(nameStart);
    const end = snippet.exact ? snippet.toFileOffset(j) : start;
    facts.push({ kind: 'name-ref', name: text.slice(nameStart, j), context: 'compose-interpolation', range: offsetRange(src.lineCounter, start, end) });
    i = j - 1;
  }
  return facts;
}
