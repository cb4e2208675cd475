// `leak.sources` items are a call name (whole result secret) or `{ call, path }` (only that property
// path under the result is secret, DESIGN §10). Wrong shapes are errors at the item's line.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/config-types.js';
import { loadConfig } from '../../src/core/config.js';
import { frontEndOptionsFor } from '../../src/core/engine.js';
import { tempProject } from '../registry/temp-project.js';

function load(yaml: string) {
  return loadConfig({ cwd: tempProject({ '.clavis-lint.yaml': yaml }) });
}

function configError(yaml: string): ConfigError {
  try {
    load(yaml);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('leak.sources with declared property paths', () => {
  it('keeps call names in sources and puts { call, path } items in sourcePaths, split on dots', () => {
    const config = load('leak:\n  sources:\n    - getKey\n    - { call: get_config, path: llm.api_key }\n    - call: loadEnv\n      path: OPENAI_API_KEY\n');
    expect(config.leak.sources).toEqual(['getKey']);
    expect(config.leak.sourcePaths).toEqual([
      { call: 'get_config', path: ['llm', 'api_key'] },
      { call: 'loadEnv', path: ['OPENAI_API_KEY'] },
    ]);
  });

  it('defaults to no source paths', () => {
    expect(load('leak:\n  sources: [getKey]\n').leak.sourcePaths).toEqual([]);
  });

  it('hands the paths to the front ends without making the call a whole-value source', () => {
    const config = load('leak:\n  sources: [{ call: get_config, path: llm.api_key }]\n');
    const registry = { secrets: [], resolver: { paths: [], functions: [], types: [], sanitizers: [] } };
    const options = frontEndOptionsFor(config, registry as unknown as Parameters<typeof frontEndOptionsFor>[1]);
    expect(options.extraSourcePaths).toEqual([{ call: 'get_config', path: ['llm', 'api_key'] }]);
    expect(options.resolver.functions).not.toContain('get_config');
    expect(options.extraSources).toEqual([]);
  });

  const errors: Array<[string, string, number, number, RegExp]> = [
    ['missing path', 'leak:\n  sources:\n    - { call: get_config }\n', 3, 7, /leak\.sources\[0\]: missing "path"; expected the dotted property path/],
    ['missing call', 'leak:\n  sources:\n    - getKey\n    - { path: llm.api_key }\n', 4, 7, /leak\.sources\[1\]: missing "call"/],
    ['non-string call', 'leak:\n  sources:\n    - { call: 3, path: a.b }\n', 3, 15, /leak\.sources\[0\]\.call: expected a non-empty string, got a number/],
    ['non-string path', 'leak:\n  sources:\n    - { call: f, path: [a, b] }\n', 3, 24, /leak\.sources\[0\]\.path: expected a non-empty string, got a list/],
    ['empty path segment', 'leak:\n  sources:\n    - { call: f, path: llm..api_key }\n', 3, 24, /leak\.sources\[0\]\.path: empty segment; expected property names joined by single dots/],
    ['trailing dot', 'leak:\n  sources:\n    - { call: f, path: "llm." }\n', 3, 24, /empty segment/],
    ['unknown key', 'leak:\n  sources:\n    - { call: f, path: a, kind: secret }\n', 3, 27, /leak\.sources\[0\]: unknown key; expected one of: call, path/],
    ['a number item', 'leak:\n  sources: [getKey, 42]\n', 2, 21, /leak\.sources\[1\]: expected a non-empty string, got a number/],
    ['a list item', 'leak:\n  sources:\n    - [get_config, llm.api_key]\n', 3, 7, /leak\.sources\[0\]: expected a call name or \{ call, path \}, got a list/],
  ];
  it.each(errors)('rejects %s with a located message', (_name, yaml, line, column, message) => {
    const error = configError(yaml);
    expect(error.file).toBe('.clavis-lint.yaml');
    expect(error.message).toMatch(message);
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
  });
});
