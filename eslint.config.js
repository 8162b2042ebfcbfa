// ESLint flat config: typescript-eslint's type-checked rules (see docs/decisions/formatter-and-linter.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bin/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Prettier wraps code at 120 but leaves long strings, template literals and comments alone; this rule
      // holds every line (code, comments, strings) to the same 120. Only a bare URL may run past it.
      'max-len': ['error', { code: 120, comments: 120, tabWidth: 2, ignoreUrls: true }],
    },
  },
  {
    // Tests read JSON documents (CLI reports, GraphQL and REST bodies, state files) as untyped values and assert
    // their shape with expect(); typing every such read would add casts and no safety, so the no-unsafe-* family
    // is off in tests only. Source files keep every rule.
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      // For the same reason a callback over such a document may take its items as `any`.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
