import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import {configs as litConfigs} from 'eslint-plugin-lit';
import {configs as wcConfigs} from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'examples/dist/',
      'consumers/*/dist/', // host apps' build output (consumers/<app>/run.mjs)
      'consumers/*/.angular/',
      'src/generated/',
      'storybook-static/',
      'custom-elements.json',
      'src/core/phone-zones.generated.ts',
      'src/core/phone-metadata.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  {
    plugins: {'lit-a11y': litA11y},
    rules: {...litA11y.configs.recommended.rules},
  },
  {
    languageOptions: {globals: {...globals.browser, ...globals.node, ...globals.mocha}},
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_', varsIgnorePattern: '^_'}],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  {
    // core/ is DOM-free and lit-free: it runs in Node 20 too.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '@lit/*', '../components/*', '../context/*'],
              message: 'core/ must not depend on lit or the DOM.',
            },
          ],
        },
      ],
    },
  },
);
