import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';

async function leakyTypes(code: string) {
  return (await analyze(code)).leakyTypes.map((fact) => [fact.typeName, fact.field, fact.exposure, fact.range.line]);
}

describe('rust leaky types', () => {
  it('reports derive(Debug) and derive(Serialize) on a struct holding a resolver type', async () => {
    const code = '#[derive(Clone, Debug, serde::Serialize)]\npub struct Config {\n    pub url: String,\n    pub api_key: SecretString,\n}';
    const { leakyTypes: facts } = await analyze(code);
    expect(facts.map((fact) => [fact.typeName, fact.field, fact.exposure])).toEqual([
      ['Config', 'api_key', 'derive(Debug)'],
      ['Config', 'api_key', 'derive(Serialize)'],
    ]);
    expect(facts[0].range).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 42 });
  });

  it('honours serde skip / skip_serializing / serialize_with on the secret field', async () => {
    const code = '#[derive(Serialize)]\nstruct A { #[serde(skip)] key: SecretString }\n#[derive(Serialize)]\nstruct B {\n    #[serde(skip_serializing)]\n    key: Option<SecretString>,\n}\n#[derive(Serialize)]\nstruct C { #[serde(serialize_with = "redacted")] key: ResolvedSecret }';
    expect(await leakyTypes(code)).toEqual([]);
  });

  it('reports impl Display with the impl header range', async () => {
    const code = 'struct Token(SecretString);\nimpl std::fmt::Display for Token {\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "{}", self.0.expose_secret()) }\n}';
    const { leakyTypes: facts } = await analyze(code);
    expect(facts.map((fact) => [fact.typeName, fact.field, fact.exposure])).toEqual([['Token', '0', 'impl Display']]);
    expect(facts[0].range).toEqual({ line: 2, column: 1, endLine: 2, endColumn: 33 });
  });

  it('reports enums with secret variants', async () => {
    expect(await leakyTypes('#[derive(Debug)]\nenum Auth { None, Bearer(SecretString), Basic { user: String, pass: ResolvedSecret } }')).toEqual([['Auth', 'Bearer.0', 'derive(Debug)', 1]]);
  });

  it('ignores types without secret fields and hand-written Debug', async () => {
    const code = '#[derive(Debug, Serialize)]\nstruct Plain { name: String }\nstruct Held { key: SecretString }\nimpl fmt::Debug for Held { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.write_str("Held(..)") } }';
    expect(await leakyTypes(code)).toEqual([]);
  });
});
