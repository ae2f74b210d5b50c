import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.output-prof/**', '.wxt/**', 'node_modules/**', 'server/node_modules/**', 'public/vendor/**', 'e2e/.cache/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Page text is untrusted: use textContent.' },
        { property: 'outerHTML', message: 'Page text is untrusted.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never render markup from data.' },
        { selector: "CallExpression[callee.name='eval']", message: 'MV3 CSP forbids eval.' },
        { selector: "NewExpression[callee.name='Function']", message: 'MV3 CSP forbids new Function.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
