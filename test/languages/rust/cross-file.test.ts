import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
describe('scratch', () => {
  it('x', async () => {
    const u = await analyze('pub fn log_key(k: &str) {\n    println!("key {}", k);\n}\npub fn safe(k: &str) { println!("{}", k.len()); }\npub fn fmt(prefix: &str, k: &str) -> String { format!("{prefix}{k}") }\n', 'src/util.rs');
    console.log(JSON.stringify(u.result, null, 1));
    const m = await analyze('mod util;\nfn main() {\n    let k = resolve_secret(SecretId::OpenRouterApiKey).unwrap();\n    util::log_key(&k);\n    let h = util::fmt("a", &k);\n    util::log_key(&h);\n}\n', 'src/main.rs');
    console.log(JSON.stringify(m.result, null, 1));
    const summaries = u.result.facts.filter((f) => f.kind === 'function-summary');
    const m2 = await analyze('mod util;\nfn main() {\n    let k = resolve_secret(SecretId::OpenRouterApiKey).unwrap();\n    util::log_key(&k);\n    let h = util::fmt("a", &k);\n    util::log_key(&h);\n}\n', 'src/main.rs', { ...(await import('../../support/fixture-front-end-options.js')).fixtureOptions(), functionSummaries: summaries as never });
    console.log(JSON.stringify(m2.leaks, null, 1));
    expect(1).toBe(1);
  });
});
