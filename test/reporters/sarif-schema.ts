// The SARIF 2.1.0 JSON schema as published (draft-04), read from the npm package that ships it,
// compiled once with ajv's draft-04 build.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const require = createRequire(import.meta.url);
// Both are CommonJS: the default import is `module.exports`, whose `default` is the export we want.
const Ajv04 = ajvDraft04.default;
const addFormats = ajvFormats.default;

export function sarifSchemaPath(): string {
  const packageJson = require.resolve('@microsoft/jest-sarif/package.json');
  return path.join(path.dirname(packageJson), 'lib/schemas/sarif-2.1.0-rtm.5.json');
}

export function compileSarifValidator() {
  const schema = JSON.parse(readFileSync(sarifSchemaPath(), 'utf8')) as Record<string, unknown>;
  // unicodeRegExp off: the published schema's `language` pattern has a stray `]` that the `u` flag rejects.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
