// Regenerates docs/rules/*.md from rule metadata. Run: npm run docs:generate
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedRuleDocs } from '../lib/catalog/rule-docs.js';
import { ALL_RULES } from '../lib/rules/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const docs = generatedRuleDocs(ALL_RULES.map((r) => r.meta));
fs.mkdirSync(path.join(root, 'docs/rules'), { recursive: true });
for (const existing of fs.readdirSync(path.join(root, 'docs/rules'))) {
  if (!docs.has(`docs/rules/${existing}`)) fs.rmSync(path.join(root, 'docs/rules', existing));
}
for (const [rel, text] of docs) fs.writeFileSync(path.join(root, rel), text);
console.log(`wrote ${docs.size} files under docs/rules/`);
