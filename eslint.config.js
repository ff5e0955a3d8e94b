import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  { ignores: ['.output/', '.wxt/', '.e2e/', 'node_modules/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.webextensions } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Extension pages must not load anything remote; keep eval out too.
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // Extension code imports `browser` from 'wxt/browser' (promise-based in both browsers); bare globals would
    // bypass the polyfill and differ between Chrome and Firefox.
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: "Import { browser } from 'wxt/browser' instead." },
        { name: 'browser', message: "Import { browser } from 'wxt/browser' instead." },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
);
