import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'cdktf.out/', 'coverage/', 'test-artifacts/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{
          name: '@cdktf/provider-aws',
          message: 'The package root loads 2,000+ modules; import from @cdktf/provider-aws/lib/<resource>.',
        }],
      }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // The product never depends on its tooling: tools/ may import src/, never the other way round.
    files: ['main.ts', 'src/**/*.ts', 'lambda-src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{
          name: '@cdktf/provider-aws',
          message: 'The package root loads 2,000+ modules; import from @cdktf/provider-aws/lib/<resource>.',
        }],
        patterns: [{ group: ['**/tools/**', '**/tools'], message: 'src/ is the product: it must not import tools/.' }],
      }],
    },
  },
  {
    // A function fits on a screen: one that grows past it is split along what its parts mean.
    files: ['main.ts', 'src/**/*.ts', 'lambda-src/**/*.ts', 'tools/**/*.ts', 'tools/**/*.mjs'],
    rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['browser-client/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly', document: 'readonly', location: 'readonly', history: 'readonly', self: 'readonly',
        fetch: 'readonly', performance: 'readonly', AbortController: 'readonly', URLSearchParams: 'readonly',
        setTimeout: 'readonly', clearTimeout: 'readonly', module: 'writable',
      },
    },
    rules: { 'no-var': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ignores: ['browser-client/**'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
