// `clavis-lint init`: never overwrites without --force, never writes through a link, asks on a
// terminal (driven here through injected streams), and the registry-less scan that points at it.
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main, type CliIo } from '../../src/cli/main.js';
import { runCli, tempDir, writeTree } from '../support/run-cli.js';

const REPOS = path.join(import.meta.dirname, 'repos');

function copyRepo(name: string): string {
  const dir = path.join(tempDir('clavis-init-'), name);
  fs.cpSync(path.join(REPOS, name), dir, { recursive: true });
  return dir;
}

function registryOf(dir: string): { resolver: { paths: string[] }; secrets: Array<{ env: string }> } {
  return parse(fs.readFileSync(path.join(dir, 'secrets.registry.yaml'), 'utf8')) as { resolver: { paths: string[] }; secrets: Array<{ env: string }> };
}

describe('init never overwrites without --force', () => {
  it('refuses an existing registry in one line (exit 2), keeps it, and replaces it with --force', () => {
    const dir = writeTree({ 'src/a.ts': 'export const k = process.env.SLACK_BOT_TOKEN;\n', 'secrets.registry.yaml': 'version: 1\nsecrets: []\n' });
    const refused = runCli(['init', '--yes'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('clavis-lint: init: secrets.registry.yaml already exists; nothing written (use --force to overwrite)\n');
    expect(fs.readFileSync(path.join(dir, 'secrets.registry.yaml'), 'utf8')).toBe('version: 1\nsecrets: []\n');
    expect(fs.existsSync(path.join(dir, '.clavis-lint.yaml'))).toBe(false);

    const forced = runCli(['init', '--yes', '--force'], dir);
    expect(forced.code, forced.stderr).toBe(0);
    expect(registryOf(dir).secrets.map((s) => s.env)).toEqual(['SLACK_BOT_TOKEN']);
  });

  it('refuses an existing config, in either spelling', () => {
    for (const name of ['.clavis-lint.yaml', '.clavis-lint.yml']) {
      const dir = writeTree({ [name]: 'include: ["**/*"]\n' });
      const run = runCli(['init', '--yes'], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^clavis-lint: init: ${name.replace('.', '\\.')} already exists; nothing written`));
      expect(fs.existsSync(path.join(dir, 'secrets.registry.yaml'))).toBe(false);
    }
  });

  it('a second run in the same directory is refused: init writes once', () => {
    const dir = copyRepo('rust-cli');
    expect(runCli(['init', '--yes'], dir).code).toBe(0);
    const first = fs.readFileSync(path.join(dir, 'secrets.registry.yaml'), 'utf8');
    const again = runCli(['init', '--yes'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'secrets.registry.yaml'), 'utf8')).toBe(first);
  });

  it('never writes through a symbolic link, even with --force', () => {
    const outside = tempDir();
    const target = path.join(outside, 'victim.yaml');
    fs.writeFileSync(target, 'keep me\n');
    const dir = writeTree({ 'a.py': 'import os\nt = os.environ["SERVICE_TOKEN"]\n' });
    fs.symlinkSync(target, path.join(dir, 'secrets.registry.yaml'));
    const run = runCli(['init', '--yes', '--force'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('clavis-lint: init: secrets.registry.yaml exists and is not a regular file; nothing written (init never writes through it)\n');
    expect(fs.readFileSync(target, 'utf8')).toBe('keep me\n');
  });

  it('rejects a directory that does not exist, or more than one', () => {
    const dir = tempDir();
    expect(runCli(['init', '--yes', 'missing'], dir)).toMatchObject({ code: 2, stderr: "clavis-lint: init: 'missing' is not a directory\n" });
    expect(runCli(['init', '--yes', '.', '.'], dir).code).toBe(2);
  });

  it('writes into the directory it is given and names it in the next steps', () => {
    const parent = tempDir();
    fs.cpSync(path.join(REPOS, 'py-service'), path.join(parent, 'svc'), { recursive: true });
    const run = runCli(['init', '--yes', 'svc'], parent);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Wrote svc/secrets.registry.yaml');
    expect(run.stdout).toContain('Run a scan: npx clavis-lint svc');
    expect(fs.existsSync(path.join(parent, 'svc', '.clavis-lint.yaml'))).toBe(true);
  });

  it('without a terminal and without --yes it takes the proposals (scripts, CI)', () => {
    const dir = writeTree({ 'src/a.ts': 'export const k = process.env.SLACK_BOT_TOKEN;\n' });
    const run = runCli(['init'], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(registryOf(dir).secrets.map((s) => s.env)).toEqual(['SLACK_BOT_TOKEN']);
  });
});

/** A fake terminal: answers queued on stdin, everything written collected. */
function terminal(answers: string): { io: CliIo; output: () => string; errors: () => string } {
  const stdin = Object.assign(new PassThrough(), { isTTY: true });
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  stdin.end(answers);
  return { io: { cwd: '/', stdout, stderr, env: {}, stdin }, output: () => out, errors: () => err };
}

describe('init on a terminal', () => {
  it('lists the names, lets the user leave some out and pick the resolver, then writes', async () => {
    const dir = copyRepo('ts-app');
    // 9 is out of range (asked again); then leave out #1 (E2E_API_TOKEN); "x" is not a choice; 0 = no resolver; write.
    const tty = terminal('1 9\n1\nx\n0\ny\n');
    const code = await main(['init', dir], { ...tty.io, cwd: dir });
    expect(code, tty.errors()).toBe(0);
    const shown = tty.output();
    expect(shown).toMatch(/Secrets found \(8\):\n\s+1\. E2E_API_TOKEN\s+kind secret \(guessed\)/);
    expect(shown).toContain('OPENAI_API_KEY (aliases: OPENAI_KEY)');
    expect(shown).toContain('Expected numbers from 1 to 8');
    expect(shown).toMatch(/1\. src\/env\.ts {2}4 of 5 secret reads, 4 names {2}\(proposed\)/);
    expect(shown).toContain('Expected a number from 0 to');
    expect(shown).toContain('Write secrets.registry.yaml and .clavis-lint.yaml? [Y/n]');
    const registry = registryOf(dir);
    expect(registry.secrets.map((s) => s.env)).not.toContain('E2E_API_TOKEN');
    expect(registry.secrets).toHaveLength(7);
    expect(registry.resolver.paths).toEqual([]);
  });

  it('Enter takes every default: all names, the proposed resolver, write', async () => {
    const dir = copyRepo('py-service');
    const tty = terminal('\n\n\n');
    expect(await main(['init', dir], { ...tty.io, cwd: dir })).toBe(0);
    expect(registryOf(dir).resolver.paths).toEqual(['app/config/**']);
    expect(registryOf(dir).secrets).toHaveLength(6);
  });

  it('offers the resolver for the names kept: leaving out what env.ts reads leaves it nothing to propose', async () => {
    const dir = copyRepo('ts-app');
    // 2 JWT_SECRET, 4 OPENAI_API_KEY, 7 STRIPE_SECRET_KEY: every secret src/env.ts reads.
    const tty = terminal('2 4 7\n\n\n');
    expect(await main(['init', dir], { ...tty.io, cwd: dir })).toBe(0);
    expect(tty.output()).not.toContain('src/env.ts');
    expect(tty.output()).toContain('Pick one [0]: ');
    expect(registryOf(dir).resolver.paths).toEqual([]);
  });

  it('prints no control characters from the repository to the terminal, and keeps the name exact in the registry', async () => {
    const name = '\u001b]0;pwned\u0007API_TOKEN';
    const dir = writeTree({ 'src/a.ts': `export const k = process.env[${JSON.stringify(name)}];\n` });
    const tty = terminal('\n\n\n');
    expect(await main(['init', dir], { ...tty.io, cwd: dir })).toBe(0);
    expect(tty.output()).toContain('?]0;pwned?API_TOKEN');
    expect(tty.output()).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(registryOf(dir).secrets.map((s) => s.env)).toEqual([name]);
  });

  it('writes nothing when the user says no', async () => {
    const dir = copyRepo('rust-cli');
    const tty = terminal('\n\nn\n');
    expect(await main(['init', dir], { ...tty.io, cwd: dir })).toBe(0);
    expect(tty.output()).toContain('Nothing written.');
    expect(fs.existsSync(path.join(dir, 'secrets.registry.yaml'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '.clavis-lint.yaml'))).toBe(false);
  });

  it('input that ends before the last answer writes nothing (exit 2, one line)', async () => {
    const dir = copyRepo('rust-cli');
    const tty = terminal('\n');
    expect(await main(['init', dir], { ...tty.io, cwd: dir })).toBe(2);
    expect(tty.errors()).toBe('clavis-lint: init: the input ended before every question was answered; nothing written (use --yes to take the proposals)\n');
    expect(fs.existsSync(path.join(dir, 'secrets.registry.yaml'))).toBe(false);
  });

  it('--yes asks nothing, even on a terminal', async () => {
    const dir = copyRepo('rust-cli');
    const tty = terminal('');
    expect(await main(['init', '--yes', dir], { ...tty.io, cwd: dir })).toBe(0);
    expect(tty.output()).not.toContain('[Y/n]');
    expect(registryOf(dir).resolver.paths).toEqual(['src/secrets.rs']);
  });
});

describe('a scan without a registry (first run)', () => {
  it('says so in one line, points at init, and does not fail on what needs a registry', () => {
    const dir = writeTree({
      'app.py': 'import keyring\nimport os\n\npassword = keyring.get_password("svc", "user")\ntoken = os.environ["SERVICE_TOKEN"]\n',
      '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        env:\n          SERVICE_TOKEN: ${{ secrets.SERVICE_TOKEN }}\n',
    });
    const run = runCli(['--format', 'json'], dir);
    expect(run.stderr).toBe("clavis-lint: no registry found (secrets.registry.yaml, or 'registry:' in .clavis-lint.yaml), so the checks that need one are skipped; run 'npx clavis-lint init' to write one\n");
    const findings = (JSON.parse(run.stdout) as { findings: Array<{ ruleId: string; severity: string }> }).findings;
    // The store call has no resolver to go through yet: reported, but as a warning.
    expect(findings.map((f) => `${f.ruleId}:${f.severity}`).sort()).toEqual(['no-direct-secret-store-access:warning', 'no-unregistered-secret-env:warning']);
    expect(run.code).toBe(0);
  });

  it('with a registry, the store call is an error again and the note is gone', () => {
    const dir = writeTree({
      'app.py': 'import keyring\n\npassword = keyring.get_password("svc", "user")\n',
      'secrets.registry.yaml': 'version: 1\nsecrets: []\n',
    });
    const run = runCli(['--format', 'json'], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
  });
});
