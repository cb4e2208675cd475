// eslint.config.ts
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import clavis from 'clavis-lint/eslint-plugin';

export default defineConfig(
  tseslint.configs.recommended,
  clavis.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
);
