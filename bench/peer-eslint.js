// ESLint 10 as the peer for the env-read job: @typescript-eslint/parser without type information
// (clavis-lint's front end uses no type checker either) and the single core rule that flags env
// access, `no-restricted-properties` on `process.env`, from a generated flat config. Config
// lookup is replaced by `--config`; no cache; default concurrency (off) unless asked.
// Lints `corpusDir` (generated corpora), or exactly the `targets` given (real repositories: the
// files clavis-lint analyses there, relative to the cwd the command runs in).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const requireFromBench = createRequire(import.meta.url);

export function eslintVersion() {
  return requireFromBench('eslint/package.json').version;
}

/** TS and JS files by extension: the `files` of the config when explicit targets are given. */
export const TS_JS_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/** Writes the flat config next to (not inside) the corpus and returns the node arguments to run ESLint. */
export function eslintCommand({ workDir, corpusDir, files = TS_JS_FILES, targets, outputFile, concurrency }) {
  const parserUrl = pathToFileURL(requireFromBench.resolve('@typescript-eslint/parser')).href;
  const configFile = path.join(workDir, 'eslint.bench.config.mjs');
  fs.writeFileSync(
    configFile,
    `import parser from ${JSON.stringify(parserUrl)};
export default [
  {
    files: ${JSON.stringify(files)},
    languageOptions: { parser, ecmaVersion: 'latest', sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read secrets through the resolver.' }],
    },
  },
];
`,
  );
  const packageJson = requireFromBench.resolve('eslint/package.json');
  const eslintBin = path.join(path.dirname(packageJson), requireFromBench(packageJson).bin.eslint);
  const args = [eslintBin, '--config', configFile, '--no-cache', '--format', 'json', '--output-file', outputFile];
  if (concurrency) args.push('--concurrency', String(concurrency));
  if (targets) args.push('--', ...targets);
  else args.push(corpusDir);
  return args;
}

/** Number of messages in ESLint's JSON output, and how many of them are parse errors (fatal). */
export function countEslintMessages(outputFile) {
  try {
    const results = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
    return {
      files: results.length,
      messages: results.reduce((sum, result) => sum + result.messages.length, 0),
      fatal: results.reduce((sum, result) => sum + result.messages.filter((m) => m.fatal).length, 0),
    };
  } catch {
    return null;
  }
}
