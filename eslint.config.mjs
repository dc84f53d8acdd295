// The house's boundaries, enforced: the build fails, not a reviewer.
// - extension/core is the content model: no vscode, vue or vitepress; the disk only in core/node.
// - docs/ (the site package) may import the core, never the rest of the extension.
// - the extension may import the core, never the site package.
// - bench/ and test/ do not import each other.
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', 'docs/.vitepress/cache/**', 'docs/.vitepress/dist/**', 'test/fixtures/**', 'media/**', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] })] },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
      'import-x/no-restricted-paths': ['error', {
        zones: [
          zone('./extension/core', './extension', 'the core is plain TypeScript: it imports nothing else of the extension', ['./core']),
          zone('./extension/core', './docs', 'the core does not import the site'),
          zone('./extension', './docs', 'the extension does not import the site package: both use the core'),
          zone('./docs', './extension', 'the site imports the core only', ['./core']),
          zone('./bench', './test', 'benchmarks use the test helpers (drivers for Chromium and code-server, the notebook generator), never the tests', ['./helpers']),
          zone('./test', './bench', 'tests do not import benchmarks: the smoke runs `npm run bench -- --quick` as a user would'),
        ],
      }],
    },
  },
  {
    files: ['extension/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'the core never imports vscode' },
          { name: 'vue', message: 'the core never imports vue' },
          { name: 'vitepress', message: 'the core never imports vitepress' },
          { name: 'fs', message: 'the core touches the disk only in extension/core/node/' },
          { name: 'node:fs', message: 'the core touches the disk only in extension/core/node/' },
          { name: 'fs/promises', message: 'the core touches the disk only in extension/core/node/' },
          { name: 'node:fs/promises', message: 'the core touches the disk only in extension/core/node/' },
        ],
      }],
    },
  },
  {
    files: ['extension/core/node/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'the core never imports vscode' },
          { name: 'vue', message: 'the core never imports vue' },
          { name: 'vitepress', message: 'the core never imports vitepress' },
        ],
      }],
    },
  },
);
