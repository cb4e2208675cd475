// Registry ids derived from env names: OPENAI_API_KEY -> OpenaiApiKey. Ids only need to be
// unique and stable; PascalCase matches the `SecretId::OpenRouterApiKey` style of the design.

/** `OPENAI_API_KEY` -> `OpenaiApiKey`, `npm-token` -> `NpmToken`; never empty. */
export function idFromEnvName(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  const id = words.map((w) => w[0].toUpperCase() + w.slice(1).toLowerCase()).join('');
  return id.length > 0 ? id : 'Secret';
}

/** Ids for names in order; a clash (`API_KEY` and `api-key`) gets a numeric suffix, in order. */
export function uniqueIds(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = idFromEnvName(name);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
    taken.add(id);
    return id;
  });
}
