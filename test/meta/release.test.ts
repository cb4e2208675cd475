// Keeps the release checklist (docs/releasing.md) honest: every place that states the version agrees
// with package.json, and the package carries what a registry page and a legal review need.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/run-cli.js';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as Record<string, unknown> & { version: string };

describe('release metadata', () => {
  it('--version prints the package.json version', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toContain(pkg.version);
  });

  it('SARIF tool.driver.version is the package.json version', () => {
    const run = runCli(['examples/demo', '--format', 'sarif']);
    const sarif = JSON.parse(run.stdout) as { runs: { tool: { driver: { version: string } } }[] };
    expect(sarif.runs[0]!.tool.driver.version).toBe(pkg.version);
  });

  it('the committed Action bundle carries the package.json version (rebuild dist/ after a bump)', () => {
    const bundle = fs.readFileSync(path.join(REPO, 'dist/index.cjs'), 'utf8');
    expect(bundle.includes(JSON.stringify(pkg.version))).toBe(true);
  });

  it('CHANGELOG has an Unreleased section and a heading for the current version', () => {
    const changelog = fs.readFileSync(path.join(REPO, 'CHANGELOG.md'), 'utf8');
    expect(changelog).toMatch(/^## \[Unreleased\]$/m);
    expect(changelog).toContain(`## [${pkg.version}] - `);
  });

  it('has a LICENSE matching the license field, and repository, homepage and bugs fields', () => {
    expect(pkg.license).toBe('MIT');
    expect(fs.readFileSync(path.join(REPO, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.repository).toMatchObject({ type: 'git', url: expect.stringContaining('github.com/clavis-lint/clavis-lint') });
    expect(typeof pkg.homepage).toBe('string');
    expect(pkg.bugs).toMatchObject({ url: expect.stringContaining('/issues') });
  });
});
