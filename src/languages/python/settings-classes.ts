// pydantic `BaseSettings` subclasses read the environment implicitly: each annotated field reads
// `env_prefix + FIELD` (upper-cased unless `case_sensitive=True`), or its `alias` /
// `validation_alias` / v1 `Field(env=...)` names verbatim (aliases ignore the prefix).
import type { Node } from 'web-tree-sitter';
import type { ModuleScope } from './module-scope.js';
import type { PythonEnvRead } from './env-reads.js';
import { callArguments } from './python-syntax.js';
import { envDefaultFields } from './class-env-defaults.js';

const BASE_SETTINGS = new Set(['pydantic.BaseSettings', 'pydantic_settings.BaseSettings', 'pydantic.v1.BaseSettings', 'pydantic.env_settings.BaseSettings', 'pydantic_settings.main.BaseSettings']);

interface SettingsConfig {
  prefix: string;
  caseSensitive: boolean;
}

export interface SettingsAnalysis {
  reads: PythonEnvRead[];
  /** Field name -> env name it is loaded from, so `settings.field` can be a taint source. */
  fieldEnvNames: Map<string, string>;
}

export function collectSettingsReads(scope: ModuleScope): SettingsAnalysis {
  const result: SettingsAnalysis = { reads: [], fieldEnvNames: new Map() };
  const settingsClasses = new Map<string, SettingsConfig>();
  for (const cls of scope.nodes.of(['class_definition'])) {
    const superclasses = cls.childForFieldName('superclasses');
    if (!superclasses) continue;
    let inherited: SettingsConfig | null = null;
    const classKeywords = new Map<string, Node>();
    for (const base of superclasses.namedChildren) {
      if (base.type === 'keyword_argument') {
        const key = base.childForFieldName('name')?.text;
        const value = base.childForFieldName('value');
        if (key && value) classKeywords.set(key, value);
        continue;
      }
      const q = scope.qualify(base);
      if (q && BASE_SETTINGS.has(q)) inherited ??= { prefix: '', caseSensitive: false };
      else if (base.type === 'identifier' && settingsClasses.has(base.text)) inherited ??= settingsClasses.get(base.text)!;
    }
    if (!inherited) continue;
    const body = cls.childForFieldName('body');
    const config = readConfig(body, classKeywords, inherited, scope);
    const name = cls.childForFieldName('name')?.text;
    if (name) settingsClasses.set(name, config);
    for (const field of annotatedFields(body)) {
      const names = aliasNames(field.value, scope);
      if (names.length > 0) {
        for (const alias of names) result.reads.push({ name: alias.name, api: 'pydantic BaseSettings', node: alias.node, keyNode: alias.node });
        if (names[0].name) result.fieldEnvNames.set(field.name.text, names[0].name);
        continue;
      }
      const envName = config.prefix + (config.caseSensitive ? field.name.text : field.name.text.toUpperCase());
      result.reads.push({ name: envName, api: 'pydantic BaseSettings', node: field.name });
      result.fieldEnvNames.set(field.name.text, envName);
    }
  }
  // Fields of any class whose default reads the environment are loaded from it the same way.
  for (const [field, envName] of envDefaultFields(scope)) if (!result.fieldEnvNames.has(field)) result.fieldEnvNames.set(field, envName);
  return result;
}

function* annotatedFields(body: Node | null): Generator<{ name: Node; value: Node | null }> {
  if (!body) return;
  for (const statement of body.namedChildren) {
    if (statement.type !== 'expression_statement') continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    const type = assignment.childForFieldName('type');
    if (left?.type !== 'identifier' || !type || left.text === 'model_config') continue;
    if (/^(typing\.)?ClassVar\b/.test(type.text)) continue;
    yield { name: left, value: assignment.childForFieldName('right') };
  }
}

/** `Field(alias="X")`, `Field(validation_alias=AliasChoices("A", "B"))`, v1 `Field(env="X")` / `env=["A","B"]`. */
function aliasNames(value: Node | null, scope: ModuleScope): Array<{ name: string | null; node: Node }> {
  if (!value || value.type !== 'call') return [];
  const callee = scope.qualify(value.childForFieldName('function'));
  if (!callee || !/(^|\.)Field$/.test(callee)) return [];
  const args = callArguments(value);
  const alias = args.keywords.get('validation_alias') ?? args.keywords.get('alias') ?? args.keywords.get('env');
  if (!alias) return [];
  const out: Array<{ name: string | null; node: Node }> = [];
  const add = (node: Node): void => {
    if (node.type === 'call') {
      // AliasChoices("A", "B") / AliasPath("A", ...): the first element of an AliasPath is the env name.
      const isPath = /AliasPath$/.test(node.childForFieldName('function')?.text ?? '');
      const inner = callArguments(node).positional;
      for (const item of isPath ? inner.slice(0, 1) : inner) add(item);
    } else if (node.type === 'list' || node.type === 'tuple' || node.type === 'set') {
      for (const item of node.namedChildren) add(item);
    } else {
      out.push({ name: scope.constString(node), node });
    }
  };
  add(alias);
  return out;
}

function readConfig(body: Node | null, classKeywords: Map<string, Node>, inherited: SettingsConfig, scope: ModuleScope): SettingsConfig {
  const config = { ...inherited };
  const apply = (key: string, value: Node): void => {
    if (key === 'env_prefix') config.prefix = scope.constString(value) ?? config.prefix;
    if (key === 'case_sensitive') config.caseSensitive = value.text === 'True';
  };
  for (const [key, value] of classKeywords) apply(key, value);
  if (!body) return config;
  for (const statement of body.namedChildren) {
    if (statement.type === 'class_definition' && statement.childForFieldName('name')?.text === 'Config') {
      for (const inner of statement.childForFieldName('body')?.namedChildren ?? []) {
        const assignment = inner.namedChildren[0];
        if (inner.type !== 'expression_statement' || assignment?.type !== 'assignment') continue;
        const key = assignment.childForFieldName('left')?.text;
        const value = assignment.childForFieldName('right');
        if (key && value) apply(key, value);
      }
    }
    if (statement.type !== 'expression_statement') continue;
    const assignment = statement.namedChildren[0];
    if (assignment?.type !== 'assignment' || assignment.childForFieldName('left')?.text !== 'model_config') continue;
    const value = assignment.childForFieldName('right');
    if (value?.type === 'call') {
      for (const [key, arg] of callArguments(value).keywords) apply(key, arg);
    } else if (value?.type === 'dictionary') {
      for (const pair of value.namedChildren) {
        if (pair.type !== 'pair') continue;
        const key = scope.constString(pair.childForFieldName('key'));
        const v = pair.childForFieldName('value');
        if (key && v) apply(key, v);
      }
    }
  }
  return config;
}
