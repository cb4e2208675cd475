// Issue 13, items 2, 3, 4, 9 and 14: nothing outside the project is read or written through what
// the repository configures, no error quotes an outside file, `docs --check` reports every problem,
// and the project root comes from the scanned path, not the working directory. Each case builds
// its hostile tree in a temp dir (see hostile-tree.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { CANARY, escapePath, expectNoCanary, hostileTree, linkOut, parseReport, registryYaml, snapshot } from './hostile-tree.js';

const PASSWORD_FILE = `${CANARY}: x\nroot: "x:0:0:root:/root:/bin/bash"\n`;
const STALE_PAGE = `# Secrets\n\n${CANARY}\n\n<!-- clavis-lint:begin secrets-table -->\nold\n<!-- clavis-lint:end -->\n`;

describe('item 3: config and registry sources stay inside the project; errors never quote a file', () => {
  it('refuses a discovered .clavis-lint.yaml that is a symbolic link to a file outside (exit 2, no echo)', () => {
    const tree = hostileTree({ 'src/a.ts': 'export {};\n' }, { passwd: PASSWORD_FILE });
    linkOut(tree, '.clavis-lint.yaml', 'passwd');
    const run = runCli(['scan', '--format', 'json'], tree.repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.clavis-lint\.yaml: the config file resolves through a symbolic link to a location outside the project root; it is not read/);
    expectNoCanary(run);
  });

  it('reads an outside --config the user names, but says what is wrong without quoting it', () => {
    const tree = hostileTree({ 'src/a.ts': 'export {};\n' }, { passwd: PASSWORD_FILE });
    const run = runCli(['scan', '--config', path.join(tree.outside, 'passwd')], tree.repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/passwd:1:1: config: unknown key; expected one of: registry, include, exclude, rules/);
    expectNoCanary(run);
  });

  it.each([
    ['..', (t: ReturnType<typeof hostileTree>) => '../outside/passwd'],
    ['an absolute path', (t: ReturnType<typeof hostileTree>) => path.join(t.outside, 'passwd')],
  ])('refuses a configured registry source that leaves the project by %s, located in the config', (_how, pathOf) => {
    const tree = hostileTree({ 'src/a.ts': 'export {};\n' }, { passwd: PASSWORD_FILE });
    fs.writeFileSync(path.join(tree.repo, '.clavis-lint.yaml'), `include: ["**/*"]\nregistry: ${pathOf(tree)}\n`);
    const run = runCli(['scan'], tree.repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.clavis-lint\.yaml:2:11: registry: the registry source (leads outside the project root through '\.\.'|is an absolute path outside the project root); it is not read/);
    expectNoCanary(run);
  });

  it('refuses the default secrets.registry.yaml when it is a symbolic link out of the project', () => {
    const tree = hostileTree({ 'src/a.ts': 'export {};\n' }, { passwd: PASSWORD_FILE });
    linkOut(tree, 'secrets.registry.yaml', 'passwd');
    const run = runCli(['scan'], tree.repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/secrets\.registry\.yaml: registry source resolves through a symbolic link to a location outside the project root/);
    expectNoCanary(run);
  });

  it('an unknown registry key or a bad enum value is described, never quoted', () => {
    const tree = hostileTree({ 'secrets.registry.yaml': `version: 1\n${CANARY}: 1\nsecrets: []\n` }, {});
    const unknownKey = runCli(['scan'], tree.repo);
    expect(unknownKey.code).toBe(2);
    expect(unknownKey.stderr).toContain('secrets.registry.yaml:2:1: registry: unknown key; expected one of: version, resolver, secrets');
    expectNoCanary(unknownKey);
    fs.writeFileSync(path.join(tree.repo, 'secrets.registry.yaml'), `version: 1\nsecrets:\n  - id: A\n    env: A_KEY\n    kind: ${CANARY}\n`);
    const badKind = runCli(['scan'], tree.repo);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toContain('kind: expected one of secret | config, got another string');
    expect(badKind.stdout + badKind.stderr).not.toContain('hunter2');
  });

  it('still honours what the user chose on the command line and a shared registry inside the same git repository', () => {
    const tree = hostileTree(
      { 'pkg/.clavis-lint.yaml': 'registry: ../secrets.registry.yaml\n', 'secrets.registry.yaml': registryYaml(), 'pkg/a.ts': 'const k = process.env.OPENROUTER_API_KEY;\n' },
      { 'reg.yaml': registryYaml() },
      { git: true },
    );
    expect(runCli(['scan', 'pkg'], tree.repo).code).toBe(1);
    const explicit = runCli(['scan', '--registry', path.join(tree.outside, 'reg.yaml'), 'pkg'], tree.repo);
    expect(explicit.code).toBe(1);
  });
});

describe('item 2: docs --fix and --check never follow a page path out of the project', () => {
  it.each(['dotdot', 'absolute', 'symlink'] as const)('docs page by %s: exit 2, outside page unchanged and unread', (escape) => {
    const tree = hostileTree({ 'secrets.registry.yaml': registryYaml() }, { 'page.md': STALE_PAGE });
    const page = escapePath(tree, escape, 'page.md', 'docs/secrets.md');
    fs.writeFileSync(path.join(tree.repo, '.clavis-lint.yaml'), `docs:\n  - path: ${JSON.stringify(page)}\n`);
    const before = snapshot(tree.outside);
    for (const mode of ['--fix', '--check']) {
      const run = runCli(['docs', mode], tree.repo);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/configured docs page (leads outside the project root through '\.\.'|is an absolute path outside the project root|resolves through a symbolic link to a location outside the project root); it is not read or written/);
      expectNoCanary(run);
    }
    expect(snapshot(tree.outside)).toEqual(before);
  });
});

describe('item 9: docs --check reports every page problem with a location and a non-zero exit', () => {
  const setup = (page: string | undefined) => {
    const files: Record<string, string> = { 'secrets.registry.yaml': registryYaml(), '.clavis-lint.yaml': 'docs: [{ path: docs/secrets.md }]\n' };
    if (page !== undefined) files['docs/secrets.md'] = page;
    return hostileTree(files, {}).repo;
  };

  it.each([
    ['a missing page', undefined, /docs\/secrets\.md:1:1: configured docs page does not exist; expected a readable Markdown file/],
    ['a begin marker without an end', '# S\n\n<!-- clavis-lint:begin secrets-table -->\n| x |\n', /docs\/secrets\.md:3:1: block 'secrets-table' has a begin marker but no '<!-- clavis-lint:end -->' marker/],
    ['a misspelt block name', '<!-- clavis-lint:begin secret-table -->\n<!-- clavis-lint:end -->\n', /docs\/secrets\.md:1:1: unknown block name in the begin marker; expected 'secrets-table'/],
    ['a misspelt begin marker', '<!-- clavis-lint:begn secrets-table -->\nold\n<!-- clavis-lint:end -->\n', /docs\/secrets\.md:1:1: unrecognised clavis-lint marker/],
    ['an unknown column', '<!-- clavis-lint:begin secrets-table columns=id,envv -->\n<!-- clavis-lint:end -->\n', /docs\/secrets\.md:1:1: unknown column in the begin marker's columns=/],
  ])('%s: exit 2 with file:line:col and what was expected', (_name, page, message) => {
    const repo = setup(page);
    const run = runCli(['docs', '--check'], repo);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).not.toContain('up to date');
    if (page !== undefined) {
      expect(runCli(['docs', '--fix'], repo).code).toBe(2);
      expect(fs.readFileSync(path.join(repo, 'docs/secrets.md'), 'utf8')).toBe(page);
    }
  });

  it('a stale block is exit 1 with its location; --fix repairs it; then exit 0', () => {
    const repo = setup('# S\n\n<!-- clavis-lint:begin secrets-table -->\nold\n<!-- clavis-lint:end -->\n');
    const stale = runCli(['docs', '--check'], repo);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain("docs/secrets.md:3:1: block 'secrets-table' is out of date with the registry");
    expect(runCli(['docs', '--fix'], repo).code).toBe(0);
    const clean = runCli(['docs', '--check'], repo);
    expect(clean).toMatchObject({ code: 0, stdout: 'docs up to date (1 page)\n' });
  });
});

describe('item 4: the TypeScript leak analysis never reads outside the project', () => {
  const REGISTRY = registryYaml('OPENROUTER_API_KEY', 'resolver:\n  functions: [resolveSecret]\n');
  const HELPER = `// ${CANARY}\nexport function wrap(k: string): void { console.log('${CANARY}', k); }\n`;
  const app = (specifier: string) =>
    `import { wrap } from '${specifier}';\ndeclare function resolveSecret(name: string): string;\nwrap(resolveSecret('OPENROUTER_API_KEY'));\n`;

  function expectNotFollowed(repo: string, errorFile: string, message: RegExp): void {
    const run = runCli(['scan', '--format', 'json'], repo);
    expectNoCanary(run);
    const report = parseReport(run);
    expect(report.findings.flatMap((f) => (f.flow ?? []).map((s) => s.file)).filter((file) => !file.startsWith('src/app'))).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId === 'no-secret-in-log')).toEqual([]);
    expect(report.errors).toContainEqual(expect.objectContaining({ file: errorFile, message: expect.stringMatching(message) }));
    expect(run.code).toBe(0);
  }

  it('an import of an in-tree symbolic link to an outside file is not followed; the importer gets an errors[] entry', () => {
    const tree = hostileTree({ 'secrets.registry.yaml': REGISTRY, 'src/app.ts': app('./link') }, { 'helper.ts': HELPER });
    linkOut(tree, 'src/link.ts', 'helper.ts');
    expectNotFollowed(tree.repo, 'src/app.ts', /^import resolves outside the project; not followed$/);
  });

  it('tsconfig paths pointing outside are not followed', () => {
    const tree = hostileTree(
      { 'secrets.registry.yaml': REGISTRY, 'src/app.ts': app('@h/helper'), 'tsconfig.json': '{ "compilerOptions": { "paths": { "@h/*": ["../outside/*"] } } }\n' },
      { 'helper.ts': HELPER },
    );
    expectNotFollowed(tree.repo, 'src/app.ts', /^import resolves outside the project; not followed$/);
  });

  it('a tsconfig that extends an outside file is not followed (its paths would lead to the outside helper)', () => {
    const tree = hostileTree(
      { 'secrets.registry.yaml': REGISTRY, 'src/app.ts': app('@h/helper'), 'tsconfig.json': '{ "extends": "../outside/base.json" }\n' },
      { 'helper.ts': HELPER, 'base.json': `{ "compilerOptions": { "paths": { "@h/*": ["./*"] } }, "${CANARY}": 1 }\n` },
    );
    expectNotFollowed(tree.repo, 'tsconfig.json', /resolves outside the project; not followed/);
  });
});

describe('item 14: the project root comes from the scanned path, not the working directory', () => {
  const stripTiming = (stdout: string): unknown => {
    const report = JSON.parse(stdout) as { stats: Record<string, unknown> };
    delete report.stats.ms;
    return report;
  };

  it('scan REPO from the parent and scan . from inside give the same report and exit code (no git, no config)', () => {
    const tree = hostileTree({ 'secrets.registry.yaml': registryYaml(), 'src/a.ts': 'const k = process.env.OPENROUTER_API_KEY;\n' }, {});
    const fromParent = runCli(['scan', 'repo', '--format', 'json'], tree.base);
    const fromInside = runCli(['scan', '.', '--format', 'json'], tree.repo);
    const noPath = runCli(['scan', '--format', 'json'], tree.repo);
    expect(fromInside.code).toBe(1);
    expect(fromParent.code).toBe(fromInside.code);
    expect(noPath.code).toBe(fromInside.code);
    expect(stripTiming(fromParent.stdout)).toEqual(stripTiming(fromInside.stdout));
    expect(stripTiming(noPath.stdout)).toEqual(stripTiming(fromInside.stdout));
  });

  it('a subdirectory of a git repository is judged by the repository root wherever the command runs', () => {
    const tree = hostileTree({ 'secrets.registry.yaml': registryYaml(), 'src/a.ts': 'const k = process.env.OPENROUTER_API_KEY;\n' }, {}, { git: true });
    const runs = [runCli(['scan', 'repo/src', '--format', 'json'], tree.base), runCli(['scan', 'src', '--format', 'json'], tree.repo), runCli(['scan', '.', '--format', 'json'], path.join(tree.repo, 'src'))];
    for (const run of runs) expect(run.code).toBe(1);
    expect(stripTiming(runs[0].stdout)).toEqual(stripTiming(runs[1].stdout));
    expect(stripTiming(runs[2].stdout)).toEqual(stripTiming(runs[1].stdout));
    expect(parseReport(runs[0]).findings[0].file).toBe('src/a.ts');
  });
});
