// `eslint --cache` must see a shared config (`extends:`) change like the config file itself.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectContentHash } from '../../src/eslint/project.js';
import { writeTree } from '../support/run-cli.js';

describe('ESLint cache key and extends', () => {
  it('changes with the content of an extended file', () => {
    const root = writeTree({
      'secrets.registry.yaml': 'version: 1\nsecrets: []\n',
      '.clavis-lint.yaml': 'extends: shared/base.yaml\n',
      'shared/base.yaml': 'lifecycle:\n  today: 2026-11-28\n',
    });
    const before = projectContentHash(root, {});
    fs.writeFileSync(path.join(root, 'shared/base.yaml'), 'lifecycle:\n  today: 2026-11-29\n  hard_cut: true\n');
    expect(projectContentHash(root, {})).not.toBe(before);
  });
});
