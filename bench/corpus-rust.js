// Generates a deterministic corpus of realistic Rust files for the benchmark: crates with
// config structs, clients, handlers, env reads (some secret, most not), resolver calls, logging,
// serde, errors and #[cfg(test)] modules. Fake names only; no secret values anywhere.
import fs from 'node:fs';
import path from 'node:path';

const SECRET_ENVS = ['OPENROUTER_API_KEY', 'GITHUB_TOKEN', 'STRIPE_SECRET_KEY', 'OPENROUTER_KEY'];
const PLAIN_ENVS = ['RUST_LOG', 'PORT', 'HOME', 'DATABASE_URL', 'APP_REGION', 'WORKER_COUNT', 'CACHE_DIR'];
const SECRET_IDS = ['OpenRouterApiKey', 'GithubToken', 'StripeSecretKey'];
const NOUNS = ['order', 'invoice', 'user', 'session', 'model', 'repo', 'payment', 'report', 'job', 'event', 'tenant', 'quota'];

/** Small deterministic PRNG (mulberry32) so every run writes the same corpus. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pascal(word) {
  return word[0].toUpperCase() + word.slice(1);
}

function fileText(index, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const noun = pick(NOUNS);
  const Type = `${pascal(noun)}${index}`;
  const parts = [
    'use std::collections::HashMap;',
    'use std::env;',
    rnd() < 0.5 ? 'use tracing::{debug, info, warn};' : 'use log::{debug, info, warn};',
    'use serde::{Deserialize, Serialize};',
    '',
    `const ${noun.toUpperCase()}_ENV: &str = "${pick(PLAIN_ENVS)}";`,
    '',
    '#[derive(Debug, Clone, Serialize, Deserialize)]',
    `pub struct ${Type} {`,
    '    pub id: u64,',
    '    pub name: String,',
    '    pub tags: Vec<String>,',
    '    pub attributes: HashMap<String, String>,',
    '}',
    '',
    `impl ${Type} {`,
    `    pub fn new(id: u64, name: &str) -> Self {`,
    '        Self { id, name: name.to_string(), tags: Vec::new(), attributes: HashMap::new() }',
    '    }',
    '',
    '    pub fn describe(&self) -> String {',
    '        format!("{}#{} [{}]", self.name, self.id, self.tags.join(","))',
    '    }',
    '}',
    '',
  ];
  const functions = 3 + Math.floor(rnd() * 6);
  for (let f = 0; f < functions; f++) {
    const kind = rnd();
    parts.push(`pub async fn ${noun}_step_${f}(items: &[${Type}]) -> anyhow::Result<usize> {`);
    parts.push(`    let setting = env::var(${noun.toUpperCase()}_ENV).unwrap_or_default();`);
    if (kind < 0.08) {
      parts.push(`    let key = std::env::var("${pick(SECRET_ENVS)}")?;`);
      parts.push('    info!("calling upstream with {}", key);');
    } else if (kind < 0.2) {
      parts.push(`    let key = resolve_secret(SecretId::${pick(SECRET_IDS)}).await?;`);
      parts.push('    let client = reqwest::Client::new();');
      parts.push('    client.get("https://api.example.com").bearer_auth(key.expose_secret()).send().await?;');
      parts.push('    debug!(len = key.expose_secret().len(), "token loaded");');
    }
    parts.push('    let mut total = 0usize;');
    parts.push('    for item in items.iter().filter(|i| !i.name.is_empty()) {');
    parts.push('        total += item.tags.len() + item.attributes.len();');
    parts.push('        if total > 1_000 {');
    parts.push(`            warn!("large batch in ${noun} step ${f}: {}", item.describe());`);
    parts.push('        }');
    parts.push('    }');
    parts.push(`    debug!("setting {} gives {}", setting, total);`);
    parts.push('    let body = serde_json::to_string(&items.len())?;');
    parts.push('    Ok(total + body.len())');
    parts.push('}');
    parts.push('');
  }
  if (rnd() < 0.5) {
    parts.push('#[cfg(test)]', 'mod tests {', '    use super::*;', '', '    #[test]', '    fn builds() {');
    parts.push(`        let item = ${Type}::new(1, "x");`, '        assert_eq!(item.id, 1);', '    }', '}', '');
  }
  return parts.join('\n');
}

/** Writes `files` Rust files under `dir` (crates/<n>/src/*.rs) and returns their paths. */
export function generateRustCorpus(dir, { files = 2000 } = {}) {
  const rnd = random(0x5eed);
  const written = [];
  for (let index = 0; index < files; index++) {
    const crate = `crate_${String(Math.floor(index / 50)).padStart(3, '0')}`;
    const file = path.join(dir, 'crates', crate, 'src', `${NOUNS[index % NOUNS.length]}_${index}.rs`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, fileText(index, rnd));
    written.push(file);
  }
  return written;
}
