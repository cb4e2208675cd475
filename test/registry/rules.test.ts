import { describe, expect, it } from 'vitest';
import type { FileFacts } from '../../src/core/facts.js';
import registryCollision from '../../src/rules/registry-collision.js';
import registryDuplicate from '../../src/rules/registry-duplicate.js';
import registryLifecycle from '../../src/rules/registry-lifecycle.js';
import registryUnreferenced from '../../src/rules/registry-unreferenced.js';
import { contextFor, registryFrom, run } from './rule-harness.js';

const range = { line: 1, column: 1, endLine: 1, endColumn: 2 };

describe('registry-duplicate', () => {
  it('reports every later declaration of an id at its id', async () => {
    const registry = await registryFrom({
      'secrets.registry.yaml': 'secrets:\n  - id: GithubToken\n    env: GITHUB_TOKEN\n  - id: Other\n    env: OTHER_URL\n  - id: GithubToken\n    env: GH_TOKEN\n',
    });
    expect(run(registryDuplicate, contextFor(registry))).toEqual([
      "secrets.registry.yaml:6:9-6:20 [GithubToken/GH_TOKEN] Secret id 'GithubToken' is declared more than once; the first declaration is at secrets.registry.yaml:2:9.",
    ]);
  });

  it('finds duplicates across a Rust source and a YAML registry, pointing at each file', async () => {
    const rs = 'const S: &[SecretSpec] = &[SecretSpec { id: SecretId::GithubToken, canonical_env: "GITHUB_TOKEN", aliases: &[], deprecated_aliases: &[] }];\n';
    const registry = await registryFrom({ 'spec.rs': rs, 'more.yaml': 'secrets:\n  - id: GithubToken\n    env: GH_TOKEN\n' }, '[spec.rs, more.yaml]');
    expect(run(registryDuplicate, contextFor(registry))).toEqual([
      "more.yaml:2:9-2:20 [GithubToken/GH_TOKEN] Secret id 'GithubToken' is declared more than once; the first declaration is at spec.rs:1:45.",
    ]);
  });

  it('is silent for distinct ids and for overlay entries', async () => {
    const rs = 'const S: &[SecretSpec] = &[SecretSpec { id: SecretId::A, canonical_env: "A_KEY", aliases: &[], deprecated_aliases: &[] }];\n';
    const registry = await registryFrom({ 'spec.rs': rs, 'ov.yaml': 'secrets:\n  - id: A\n    owner: me\n' }, '[spec.rs, ov.yaml]');
    expect(run(registryDuplicate, contextFor(registry))).toEqual([]);
  });
});

describe('registry-collision', () => {
  it('reports an alias equal to another id\'s canonical name, shared names and repeated names', async () => {
    const registry = await registryFrom({
      'secrets.registry.yaml': `secrets:
  - id: GhAppToken
    env: GH_APP_TOKEN
    aliases: [GITHUB_TOKEN, GH_APP_TOKEN]
  - id: GithubToken
    env: GITHUB_TOKEN
    deprecated: [GH_TOKEN]
  - id: GhCliToken
    env: GH_CLI_TOKEN
    deprecated: [GH_TOKEN]
  - id: GithubToken2
    env: GITHUB_TOKEN
`,
    });
    expect(run(registryCollision, contextFor(registry))).toEqual([
      "secrets.registry.yaml:4:29-4:41 [GhAppToken/GH_APP_TOKEN] 'GH_APP_TOKEN' is listed more than once for 'GhAppToken'.",
      "secrets.registry.yaml:12:10-12:22 [GithubToken2/GITHUB_TOKEN] 'GITHUB_TOKEN' is claimed by both 'GithubToken' (secrets.registry.yaml:6:10) and 'GithubToken2'.",
      "secrets.registry.yaml:4:15-4:27 [GhAppToken/GITHUB_TOKEN] 'GITHUB_TOKEN' is listed as an alias of 'GhAppToken' but is the canonical name of 'GithubToken' (secrets.registry.yaml:6:10).",
      "secrets.registry.yaml:10:18-10:26 [GhCliToken/GH_TOKEN] 'GH_TOKEN' is claimed by both 'GithubToken' (secrets.registry.yaml:7:18) and 'GhCliToken'.",
    ]);
  });

  it('points into the Rust source for code registries', async () => {
    const rs = [
      'const S: &[SecretSpec] = &[',
      '    SecretSpec { id: SecretId::A, canonical_env: "A_TOKEN", aliases: &[], deprecated_aliases: &[] },',
      '    SecretSpec { id: SecretId::B, canonical_env: "B_TOKEN", aliases: &["A_TOKEN"], deprecated_aliases: &[] },',
      '];',
    ].join('\n');
    const registry = await registryFrom({ 'src/spec.rs': rs }, '[{ from: rust, path: src/spec.rs }]');
    expect(run(registryCollision, contextFor(registry))).toEqual([
      "src/spec.rs:3:72-3:81 [B/A_TOKEN] 'A_TOKEN' is listed as an alias of 'B' but is the canonical name of 'A' (src/spec.rs:2:50).",
    ]);
  });

  it('leaves same-id duplicates to registry-duplicate and is silent on a clean registry', async () => {
    const dup = await registryFrom({ 'secrets.registry.yaml': 'secrets:\n  - id: A\n    env: A_KEY\n  - id: A\n    env: A_KEY\n' });
    expect(run(registryCollision, contextFor(dup))).toEqual([]);
    const clean = await registryFrom({ 'secrets.registry.yaml': 'secrets:\n  - id: A\n    env: A_KEY\n    aliases: [OLD_A]\n  - id: B\n    env: B_KEY\n' });
    expect(run(registryCollision, contextFor(clean))).toEqual([]);
  });
});

describe('registry-lifecycle', () => {
  const REGISTRY = `secrets:
  - id: OpenRouterApiKey
    env: OPENROUTER_API_KEY
    owner: platform
    rotation_days: 90
    deprecated:
      - name: OPENROUTER_KEY
        remove_after: 2026-06-30
      - name: OR_KEY
  - id: DatabaseUrl
    env: DATABASE_URL
    kind: config
  - id: StripeSecretKey
    env: STRIPE_SECRET_KEY
    kind: secret
`;

  it('reports missing dates and long-past removals against today and max_past_days', async () => {
    const registry = await registryFrom({ 'secrets.registry.yaml': REGISTRY });
    expect(run(registryLifecycle, contextFor(registry))).toEqual([
      "secrets.registry.yaml:7:15-7:29 [OpenRouterApiKey/OPENROUTER_KEY] Deprecated alias 'OPENROUTER_KEY' of 'OpenRouterApiKey' was due for removal on 2026-06-30, 151 days ago; remove it from the registry.",
      "secrets.registry.yaml:9:15-9:21 [OpenRouterApiKey/OR_KEY] Deprecated alias 'OR_KEY' of 'OpenRouterApiKey' has no remove_after date.",
    ]);
    const recent = run(registryLifecycle, contextFor(registry, { today: '2026-09-28' }));
    expect(recent.filter((f) => f.includes('due for removal'))).toEqual([]);
    const edge = run(registryLifecycle, contextFor(registry, { today: '2026-09-29', lifecycle: { hardCut: false, maxPastDays: 91 } }));
    expect(edge.filter((f) => f.includes('due for removal'))).toEqual([]);
  });

  it('requires owner and rotation_days (secrets only) when the config asks', async () => {
    const registry = await registryFrom({ 'secrets.registry.yaml': REGISTRY });
    const findings = run(registryLifecycle, contextFor(registry, { today: '2026-07-01', require: { owner: true, rotationDays: true } }));
    expect(findings.filter((f) => !f.includes('OR_KEY'))).toEqual([
      "secrets.registry.yaml:10:9-10:20 [DatabaseUrl/DATABASE_URL] Secret 'DatabaseUrl' has no owner.",
      "secrets.registry.yaml:13:9-13:24 [StripeSecretKey/STRIPE_SECRET_KEY] Secret 'StripeSecretKey' has no owner.",
      "secrets.registry.yaml:13:9-13:24 [StripeSecretKey/STRIPE_SECRET_KEY] Secret 'StripeSecretKey' has no rotation_days.",
    ]);
  });
});

describe('registry-unreferenced', () => {
  it('is off by default and reports ids no fact references by id or any name', async () => {
    expect(registryUnreferenced.meta.defaultSeverity).toBe('off');
    const registry = await registryFrom({
      'secrets.registry.yaml': 'secrets:\n  - id: A\n    env: A_KEY\n  - id: B\n    env: B_KEY\n    deprecated: [OLD_B]\n  - id: C\n    env: C_KEY\n  - id: D\n    env: D_KEY\n',
    });
    const files: FileFacts[] = [
      { file: 'src/a.ts', language: 'typescript', facts: [{ kind: 'resolver-call', function: 'resolveSecret', secretRef: 'A', range }] },
      { file: '.github/workflows/ci.yml', language: 'workflow', facts: [{ kind: 'name-ref', name: 'OLD_B', context: 'workflow-secret', range }] },
      { file: 'secrets.registry.yaml', language: 'yaml', facts: [{ kind: 'name-ref', name: 'C_KEY', context: 'string-literal', range }] },
      { file: 'src/d.py', language: 'python', facts: [{ kind: 'env-read', name: null, api: 'os.getenv', range }] },
    ];
    expect(run(registryUnreferenced, contextFor(registry), files)).toEqual([
      "secrets.registry.yaml:7:9-7:10 [C/C_KEY] Secret 'C' is declared in the registry but nothing references it by id or name.",
      "secrets.registry.yaml:9:9-9:10 [D/D_KEY] Secret 'D' is declared in the registry but nothing references it by id or name.",
    ]);
  });
});

describe('registry rule meta', () => {
  it.each([registryCollision, registryDuplicate, registryLifecycle, registryUnreferenced])('$meta.id follows the meta conventions', (rule) => {
    expect(rule.meta.area).toBe('registry');
    expect(rule.meta.description).toMatch(/^(Disallow|Require|Enforce|Report) .*\.$/);
    for (const message of Object.values(rule.meta.messages)) expect(message).toMatch(/\.$/);
    expect(rule.meta.cwe.length).toBeGreaterThan(0);
    expect(rule.meta.bad.length).toBeGreaterThan(0);
    expect(rule.meta.good.length).toBeGreaterThan(0);
  });
});
