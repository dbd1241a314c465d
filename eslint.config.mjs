import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node-side code the renderer must never import: it only talks to the contract. */
const NODE_ONLY = [
  { group: ['electron', 'electron/*'], message: 'The renderer talks to the main process only through the contract (window.tailorApi).' },
  {
    group: ['**/electron/**', '../electron', '../../electron'],
    message: 'renderer/ and shared/ cannot import Node-side code from electron/.',
  },
  { group: ['node:*'], message: 'Node built-ins are not available here.' },
  {
    group: ['better-sqlite3', 'mjml', 'papaparse', 'juice', 'html-to-text', 'sirv', 'commander'],
    message: 'Node-side library: call it through the contract.',
  },
];
const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'stream', 'worker_threads'];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'test/output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: NODE_ONLY }],
    },
  },
  {
    // Playwright reads fixture dependencies from the destructuring pattern; `{}` means "none".
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // shared/ runs in the renderer too, so it obeys the same boundary.
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NODE_BUILTINS, patterns: NODE_ONLY }] },
  },
);
