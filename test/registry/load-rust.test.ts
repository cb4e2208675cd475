import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { loadRegistry } from '../../src/registry/load.js';
import { tempProject } from './temp-project.js';

const SPEC_RS = `//! Secret specs — the SSOT (é keeps columns honest).
pub const OLD_OR: &str = "OPENROUTER_KEY";
const STRIPE: &str = concat!("STRIPE_", "SECRET_KEY");
const GH_ALIASES: &[&str] = &["GH_TOKEN"];

pub static SPECS: &[SecretSpec] = &[
    SecretSpec {
        id: SecretId::OpenRouterApiKey,
        canonical_env: /* é€ */ "OPENROUTER_API_KEY",
        aliases: &["VOX_OPENROUTER_API_KEY"],
        deprecated_aliases: &[DeprecatedAlias { name: OLD_OR, remove_after: Some("2026-06-30") }],
        ..SecretSpec::DEFAULT
    },
    SecretSpec {
        id: SecretId::StripeSecretKey,
        canonical_env: STRIPE,
        aliases: &[],
        deprecated_aliases: &[("STRIPE_KEY", "2027-03-31"), "STRIPE_API", ("STRIPE_OLD", None, "STRIPE_SECRET_KEY")],
    },
    SecretSpec { id: SecretId::GithubToken, canonical_env: r"GITHUB_TOKEN", aliases: GH_ALIASES, deprecated_aliases: &[] },
    SecretSpec { id: SecretId::Dynamic, canonical_env: env_name("X"), aliases: &[], deprecated_aliases: &[] },
    SecretSpec { id: SecretId::Half, canonical_env: "HALF_TOKEN", aliases: &[other()], deprecated_aliases: &[] },
];
`;

async function loadRust(files: Record<string, string>, registry: string) {
  const root = tempProject({ '.clavis-lint.yaml': `registry: ${registry}\n`, ...files });
  return loadRegistry(loadConfig({ cwd: root }));
}

describe('Rust registry source', () => {
  it('extracts every SecretSpec literal with exact positions and same-file consts', async () => {
    const registry = await loadRust({ 'crates/secrets/src/spec.rs': SPEC_RS }, '[{ from: rust, path: crates/secrets/src/spec.rs }]');
    expect(registry.files).toEqual(['crates/secrets/src/spec.rs']);
    const byId = Object.fromEntries(registry.secrets.map((s) => [s.id, s]));
    expect(Object.keys(byId)).toEqual(['OpenRouterApiKey', 'StripeSecretKey', 'GithubToken', 'Half']);
    const or = byId.OpenRouterApiKey;
    expect(or).toMatchObject({ env: 'OPENROUTER_API_KEY', aliases: ['VOX_OPENROUTER_API_KEY'], kind: 'secret', kindSource: 'pattern', sources: ['rust'] });
    expect(or.origin).toMatchObject({ file: 'crates/secrets/src/spec.rs', line: 8, column: 13 });
    expect(or.nameOrigins.OPENROUTER_API_KEY).toMatchObject({ line: 9, column: 33, endLine: 9, endColumn: 53 });
    expect(or.deprecated).toEqual([{ name: 'OPENROUTER_KEY', replacement: 'OPENROUTER_API_KEY', removeAfter: '2026-06-30', origin: expect.objectContaining({ line: 11, column: 55 }) }]);
    expect(byId.StripeSecretKey.env).toBe('STRIPE_SECRET_KEY');
    expect(byId.StripeSecretKey.deprecated.map((d) => [d.name, d.removeAfter, d.replacement])).toEqual([
      ['STRIPE_KEY', '2027-03-31', 'STRIPE_SECRET_KEY'],
      ['STRIPE_API', undefined, 'STRIPE_SECRET_KEY'],
      ['STRIPE_OLD', undefined, 'STRIPE_SECRET_KEY'],
    ]);
    expect(byId.GithubToken).toMatchObject({ env: 'GITHUB_TOKEN', aliases: ['GH_TOKEN'] });
    expect(byId.Half.aliases).toEqual([]);
  });

  it('turns non-literal rows and fields into located diagnostics, never silent gaps', async () => {
    const registry = await loadRust({ 'spec.rs': SPEC_RS }, 'spec.rs');
    expect(registry.diagnostics).toEqual([
      { file: 'spec.rs', line: 21, column: 56, message: expect.stringMatching(/registry row Dynamic: "canonical_env" is not a string literal or same-file const: row skipped/) },
      { file: 'spec.rs', line: 22, column: 78, message: expect.stringMatching(/registry row Half: an alias is not a string literal/) },
    ]);
  });

  it('reports rows missing a field and syntax errors, still reading the intact rows', async () => {
    const rs = [
      'const S: &[SecretSpec] = &[',
      '    SecretSpec { id: SecretId::A, canonical_env: "A_TOKEN", aliases: &[], deprecated_aliases: &[] },',
      '    SecretSpec { id: SecretId::B, aliases: &[], ..SecretSpec::DEFAULT },',
      '];',
      'fn broken( {',
    ].join('\n');
    const registry = await loadRust({ 'spec.rs': rs }, 'spec.rs');
    expect(registry.secrets.map((s) => s.id)).toEqual(['A']);
    expect(registry.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      expect.stringMatching(/^5:\d+ Rust syntax error/),
      '3:5 registry row without "canonical_env": skipped; expected a literal canonical_env field',
    ]);
  });

  it('honours custom struct and field names', async () => {
    const rs = 'const S: &[Entry] = &[Entry { key: "MyId", var: "MY_API_KEY", alt: vec!["MY_KEY"], old: &[] }];\n';
    const registry = await loadRust({ 'spec.rs': rs }, '[{ from: rust, path: spec.rs, struct: Entry, fields: { id: key, canonical_env: var, aliases: alt, deprecated_aliases: old } }]');
    expect(registry.secrets.map((s) => [s.id, s.env, s.aliases])).toEqual([['MyId', 'MY_API_KEY', ['MY_KEY']]]);
  });

  it('rejects a file without any spec literal, and a bad date literal, as located ConfigErrors', async () => {
    await expect(loadRust({ 'spec.rs': 'fn main() {}\n' }, 'spec.rs')).rejects.toMatchObject({ file: 'spec.rs', message: expect.stringMatching(/no `SecretSpec \{ \.\. \}` literal found/) });
    const rs = 'const S: &[SecretSpec] = &[SecretSpec { id: SecretId::A, canonical_env: "A_KEY", aliases: &[], deprecated_aliases: &[("OLD", "2026-13-01")] }];\n';
    await expect(loadRust({ 'spec.rs': rs }, 'spec.rs')).rejects.toMatchObject({ file: 'spec.rs', line: 1, column: 126, message: expect.stringMatching(/expected a real date/) });
  });

  it('merges a YAML overlay after the code source, with diagnostics for unknown ids', async () => {
    const overlay = `version: 1
resolver:
  paths: ["crates/secrets/**"]
secrets:
  - id: OpenRouterApiKey
    kind: secret
    owner: platform
    class: llm
    rotation_days: 30
  - id: StripeSecretKey
    remove_after: 2027-01-01
    deprecated:
      - name: STRIPE_KEY
        remove_after: 2027-06-30
  - id: NotInCode
    owner: nobody
`;
    const registry = await loadRust({ 'spec.rs': SPEC_RS, 'overlay.yaml': overlay }, '[spec.rs, overlay.yaml]');
    const or = registry.secrets.find((s) => s.id === 'OpenRouterApiKey')!;
    expect(or).toMatchObject({ kindSource: 'explicit', owner: 'platform', class: 'llm', rotationDays: 30, sources: ['rust', 'overlay'] });
    const stripe = registry.secrets.find((s) => s.id === 'StripeSecretKey')!;
    expect(stripe.deprecated.map((d) => [d.name, d.removeAfter])).toEqual([
      ['STRIPE_KEY', '2027-06-30'],
      ['STRIPE_API', '2027-01-01'],
      ['STRIPE_OLD', '2027-01-01'],
    ]);
    expect(registry.resolver.paths).toEqual(['crates/secrets/**']);
    expect(registry.files).toEqual(['spec.rs', 'overlay.yaml']);
    expect(registry.diagnostics.at(-1)).toEqual({ file: 'overlay.yaml', line: 15, column: 9, message: expect.stringMatching(/id "NotInCode" is not declared by any earlier registry source/) });
  });

  it('an explicit overlay source rejects full entries', async () => {
    const overlay = 'secrets:\n  - id: OpenRouterApiKey\n    env: OTHER\n';
    const config = '[spec.rs, { from: overlay, path: overlay.yaml }]';
    await expect(loadRust({ 'spec.rs': SPEC_RS, 'overlay.yaml': overlay }, config)).rejects.toMatchObject({ file: 'overlay.yaml', line: 3, column: 5, message: expect.stringMatching(/^secrets\[0\]: unknown key; expected one of: id, kind, class, owner/) });
  });
});
