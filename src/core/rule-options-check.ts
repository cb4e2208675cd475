// Checks `rules: { id: [level, { options }] }` against the rule's own `optionsSchema` (the small
// JSON Schema subset rule metadata uses: an object of booleans, strings, numbers and string lists,
// `enum`, `pattern`, `additionalProperties: false`). Done on YAML nodes, so a wrong option is an
// error at its own line instead of an option the rule silently ignores. Messages name the option
// and what was expected, never the value written.
import { isAlias, isMap, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { describeNode, suggestion } from '../registry/yaml-reader.js';

interface PropertySchema {
  type?: string;
  items?: PropertySchema;
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
}

interface ObjectSchema {
  properties?: Record<string, PropertySchema>;
  additionalProperties?: boolean;
}

export interface OptionProblem {
  node: Node | null;
  message: string;
}

export function checkRuleOptions(map: YAMLMap<Node, Node | null>, schema: Record<string, unknown> | undefined): OptionProblem | undefined {
  const { properties = {}, additionalProperties } = (schema ?? {}) as ObjectSchema;
  const names = Object.keys(properties);
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key) || typeof key.value !== 'string') return { node: key, message: 'expected option names as string keys' };
    const property = properties[key.value];
    if (!property) {
      if (!schema) return { node: key, message: 'this rule takes no options; expected {}' };
      if (additionalProperties === false) return { node: key, message: `unknown option; expected one of: ${names.join(', ')}${suggestion(key.value, names)}` };
      continue;
    }
    const problem = checkValue(pair.value as Node | null, property, key.value);
    if (problem) return problem;
  }
  return undefined;
}

function checkValue(node: Node | null, schema: PropertySchema, where: string): OptionProblem | undefined {
  if (isAlias(node)) return { node, message: `${where}: expected a plain value, got a YAML alias` };
  switch (schema.type) {
    case 'boolean':
      return isScalar(node) && typeof node.value === 'boolean' ? undefined : { node, message: `${where}: expected true or false, got ${describeNode(node)}` };
    case 'integer':
    case 'number': {
      const ok = isScalar(node) && typeof node.value === 'number' && (schema.type === 'number' || Number.isInteger(node.value)) && node.value >= (schema.minimum ?? -Infinity);
      return ok ? undefined : { node, message: `${where}: expected ${schema.type === 'integer' ? 'an integer' : 'a number'}${schema.minimum === undefined ? '' : ` >= ${schema.minimum}`}, got ${describeNode(node)}` };
    }
    case 'string':
      return checkString(node, schema, where);
    case 'array': {
      if (!isSeq(node)) return { node, message: `${where}: expected a list, got ${describeNode(node)}` };
      for (const [i, item] of node.items.entries()) {
        const problem = schema.items ? checkValue(item as Node | null, schema.items, `${where}[${i}]`) : undefined;
        if (problem) return problem;
      }
      return undefined;
    }
    case 'object':
      return isMap(node) ? undefined : { node, message: `${where}: expected a mapping, got ${describeNode(node)}` };
    default:
      return undefined;
  }
}

function checkString(node: Node | null, schema: PropertySchema, where: string): OptionProblem | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return { node, message: `${where}: expected a string, got ${describeNode(node)}` };
  if (schema.enum && !schema.enum.includes(node.value)) return { node, message: `${where}: expected one of ${schema.enum.join(' | ')}` };
  if (schema.pattern && !new RegExp(schema.pattern, 'u').test(node.value)) return { node, message: `${where}: expected a string matching ${schema.pattern}` };
  return undefined;
}
