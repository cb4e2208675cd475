// Invariant (DESIGN §7, issue 13): nothing outside the project root is read or written through a
// path the repository controls. Every configured path kind is tried with every way out (`..`, an
// absolute path, a symbolic link): the exit code is the designed one, no output carries the canary
// from the outside files, and nothing outside changes. A new path kind belongs in KINDS.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/run-cli.js';
import { CANARY, ESCAPES, escapePath, expectNoCanary, hostileTree, parseReport, registryYaml, snapshot, type Escape, type HostileTree } from './hostile-tree.js';

interface Case {
  tree: HostileTree;
  args: string[];
  /** Checks beyond the shared ones (exit code, canary, outside unchanged). */
  check: (run: CliRun) => void;
  code: number;
}

type Kind = (escape: Escape) => Case;

const READS_KEY = { 'src/app.ts': 'const key = process.env.OPENROUTER_API_KEY;\n' };
const CANARY_ID_REGISTRY = `version: 1\nsecrets:\n  - id: ${CANARY}\n    env: OPENROUTER_API_KEY\n    kind: secret\n`;

/** A configured registry source of the given kind whose file is outside; the config names it by `escape`. */
function registryKind(from: 'yaml' | 'rust' | 'json' | 'overlay', file: string, text: string): Kind {
  return (escape) => {
    const repoFiles: Record<string, string> = { ...READS_KEY };
    if (from === 'overlay') repoFiles['secrets.registry.yaml'] = registryYaml();
    const tree = hostileTree(repoFiles, { [file]: text });
    const where = escapePath(tree, escape, file, `registry/${file}`);
    const source = `{ from: ${from}, path: ${JSON.stringify(where)} }`;
    const registry = from === 'overlay' ? `[secrets.registry.yaml, ${source}]` : source;
    fs.writeFileSync(path.join(tree.repo, '.clavis-lint.yaml'), `registry: ${registry}\n`);
    return {
      tree,
      args: ['scan', '--format', 'json'],
      code: 2,
      check: (run) => expect(run.stderr).toMatch(/\.clavis-lint\.yaml:1:\d+: registry(\[1\])?\.path: the registry source .* outside the project root( through '\.\.')?; it is not read/),
    };
  };
}

const STALE_PAGE = `# ${CANARY}\n\n<!-- clavis-lint:begin secrets-table -->\nold\n<!-- clavis-lint:end -->\n`;

function docsKind(mode: '--check' | '--fix'): Kind {
  return (escape) => {
    const tree = hostileTree({ 'secrets.registry.yaml': registryYaml() }, { 'page.md': STALE_PAGE });
    const page = escapePath(tree, escape, 'page.md', 'docs/secrets.md');
    fs.writeFileSync(path.join(tree.repo, '.clavis-lint.yaml'), `docs: [{ path: ${JSON.stringify(page)} }]\n`);
    return { tree, args: ['docs', mode], code: 2, check: (run) => expect(run.stderr).toMatch(/configured docs page .* outside the project root( through '\.\.')?; it is not read or written/) };
  };
}

/** The discovered config itself: `..` and absolute are the two forms of a symlink's target; `symlink` is a chain of two. */
const discoveredConfig: Kind = (escape) => {
  const tree = hostileTree(READS_KEY, { passwd: `${CANARY}: x\n` });
  const link = path.join(tree.repo, '.clavis-lint.yaml');
  const target = path.join(tree.outside, 'passwd');
  if (escape === 'dotdot') fs.symlinkSync(path.relative(tree.repo, target), link);
  else if (escape === 'absolute') fs.symlinkSync(target, link);
  else {
    fs.mkdirSync(path.join(tree.repo, 'cfg'));
    fs.symlinkSync(target, path.join(tree.repo, 'cfg/clavis.yaml'));
    fs.symlinkSync('cfg/clavis.yaml', link);
  }
  return { tree, args: ['scan', '--format', 'json'], code: 2, check: (run) => expect(run.stderr).toMatch(/\.clavis-lint\.yaml: the config file resolves through a symbolic link to a location outside the project root/) };
};

// The TypeScript leak analysis: a secret passed to a helper that logs it. The helper lives outside;
// following it would produce a no-secret-in-log finding with a flow step in it.
const TS_REGISTRY = registryYaml('OPENROUTER_API_KEY', 'resolver:\n  functions: [resolveSecret]\n');
const HELPER = `// ${CANARY}\nexport function wrap(k: string): void { console.log('${CANARY}', k); }\n`;
const appImporting = (specifier: string) =>
  `import { wrap } from '${specifier}';\ndeclare function resolveSecret(name: string): string;\nwrap(resolveSecret('OPENROUTER_API_KEY'));\n`;

function expectLeakNotFollowed(run: CliRun, errorFile: string): void {
  const report = parseReport(run);
  expect(report.findings.filter((f) => f.ruleId === 'no-secret-in-log')).toEqual([]);
  expect(report.findings.flatMap((f) => (f.flow ?? []).map((s) => s.file)).filter((file) => file !== 'src/app.ts')).toEqual([]);
  expect(report.errors).toContainEqual(expect.objectContaining({ file: errorFile, message: expect.stringMatching(/outside the project; not followed$/) }));
}

const tsImport: Kind = (escape) => {
  const tree = hostileTree({ 'secrets.registry.yaml': TS_REGISTRY }, { 'helper.ts': HELPER });
  const specifier = escapePath(tree, escape, 'helper.ts', 'src/link.ts', path.join(tree.repo, 'src')).replace(/\.ts$/, '');
  fs.mkdirSync(path.join(tree.repo, 'src'), { recursive: true });
  fs.writeFileSync(path.join(tree.repo, 'src/app.ts'), appImporting(specifier.startsWith('.') || specifier.startsWith('/') ? specifier : `./${specifier}`));
  return { tree, args: ['scan', '--format', 'json'], code: 0, check: (run) => expectLeakNotFollowed(run, 'src/app.ts') };
};

const tsconfigExtends: Kind = (escape) => {
  const base = `{ "compilerOptions": { "paths": { "@h/*": ["./*"] } }, "${CANARY}": 1 }\n`;
  const tree = hostileTree({ 'secrets.registry.yaml': TS_REGISTRY, 'src/app.ts': appImporting('@h/helper') }, { 'helper.ts': HELPER, 'base.json': base });
  const extendsPath = escapePath(tree, escape, 'base.json', 'base.json');
  fs.writeFileSync(path.join(tree.repo, 'tsconfig.json'), `{ "extends": ${JSON.stringify(escape === 'dotdot' || escape === 'symlink' ? `./${extendsPath}`.replace('./../', '../') : extendsPath)} }\n`);
  return { tree, args: ['scan', '--format', 'json'], code: 0, check: (run) => expectLeakNotFollowed(run, 'tsconfig.json') };
};

const tsconfigPaths: Kind = (escape) => {
  const tree = hostileTree({ 'secrets.registry.yaml': TS_REGISTRY, 'src/app.ts': appImporting('@h/helper') }, { 'helper.ts': HELPER });
  let target: string;
  if (escape === 'symlink') {
    fs.symlinkSync(tree.outside, path.join(tree.repo, 'vendor')); // a directory link: vendor/* is outside
    target = './vendor/*';
  } else {
    target = escape === 'absolute' ? `${tree.outside}/*` : '../outside/*';
  }
  fs.writeFileSync(path.join(tree.repo, 'tsconfig.json'), `{ "compilerOptions": { "paths": { "@h/*": [${JSON.stringify(target)}] } } }\n`);
  return { tree, args: ['scan', '--format', 'json'], code: 0, check: (run) => expectLeakNotFollowed(run, 'src/app.ts') };
};

const KINDS: Record<string, Kind> = {
  'config discovered in the tree': discoveredConfig,
  'registry yaml source': registryKind('yaml', 'reg.yaml', CANARY_ID_REGISTRY),
  'registry rust source': registryKind('rust', 'spec.rs', `pub const SPECS: &[SecretSpec] = &[SecretSpec { id: "${CANARY}", canonical_env: "OPENROUTER_API_KEY", aliases: &[], deprecated_aliases: &[] }];\n`),
  'registry json source': registryKind('json', 'reg.json', `{ "secrets": [{ "id": "${CANARY}", "env": "OPENROUTER_API_KEY" }] }\n`),
  'registry overlay source': registryKind('overlay', 'overlay.yaml', `secrets:\n  - id: ${CANARY}\n    owner: x\n`),
  'docs page (docs --check)': docsKind('--check'),
  'docs page (docs --fix)': docsKind('--fix'),
  'tsconfig extends': tsconfigExtends,
  'tsconfig paths': tsconfigPaths,
  'import': tsImport,
};

describe('containment of every configured path and import', () => {
  const matrix = Object.keys(KINDS).flatMap((kind) => ESCAPES.map((escape) => [kind, escape] as const));
  it.each(matrix)('%s by %s: designed exit code, no canary, nothing outside written', (kind, escape) => {
    const hostile = KINDS[kind](escape);
    const before = snapshot(hostile.tree.outside);
    const run = runCli(hostile.args, hostile.tree.repo);
    expect({ code: run.code, stderr: run.stderr.slice(0, 400) }).toMatchObject({ code: hostile.code });
    expectNoCanary(run);
    hostile.check(run);
    expect(snapshot(hostile.tree.outside)).toEqual(before);
  });
});
