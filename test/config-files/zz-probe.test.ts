import fs from 'node:fs';
import { it } from 'vitest';
import { analyzeCompose } from '../../src/languages/config/compose.js';
import { parseYamlSource } from '../../src/languages/config/yaml-source.js';
const log = (m: string) => fs.appendFileSync('/tmp/scratch/probe.log', m + '\n');
it('probe', async () => {
  const t = '- '.repeat(3000) + 'x';
  const src = parseYamlSource('f', t);
  log('err ' + JSON.stringify(src.errors).slice(0, 300));
  const r = analyzeCompose('f', t);
  log('done ' + r.facts.length);
});
