import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The layering of ARCHITECTURE.md, enforced: the domain stays pure, the UI never reaches Graph.
const hostSdks = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/domain is pure: no React.' },
  { group: ['@fluentui/*'], message: 'src/domain is pure: no Fluent UI.' },
  { group: ['@microsoft/teams-js'], message: 'src/domain is pure: no teams-js.' },
  { group: ['@azure/msal-browser', '@azure/*'], message: 'src/domain is pure: no MSAL.' },
  { group: ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*'], message: 'src/domain is pure: no Graph client.' },
  { group: ['msw', 'msw/*'], message: 'src/domain is pure: no MSW.' },
  { group: ['**/app', '**/app/*', '**/graph', '**/graph/*', '**/auth', '**/auth/*', '**/hosts', '**/hosts/*', '**/storage', '**/storage/*', '**/ui', '**/ui/*', '**/demo', '**/demo/*'], message: 'src/domain imports nothing outside itself.' },
];
// Production code in the domain depends on zod and on itself, nothing else (its tests may use test tools).
const onlyZod = { regex: '^(?!zod(/|$)|\\.{1,2}/)', message: 'src/domain imports only zod and its own modules.' };

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Build tooling that webpack loads as CommonJS.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...hostSdks, onlyZod] }],
      'no-restricted-globals': ['error',
        { name: 'Office', message: 'src/domain is pure: no Office globals.' },
        { name: 'window', message: 'src/domain is pure: no browser globals.' },
        { name: 'document', message: 'src/domain is pure: no browser globals.' },
        { name: 'fetch', message: 'src/domain is pure: no I/O.' },
        { name: 'localStorage', message: 'src/domain is pure: no storage.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time comes in as an argument: no Date.now() in the domain.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time comes in as an argument: no new Date() in the domain.' },
      ],
    },
  },
  {
    files: ['src/domain/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: hostSdks }] },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/graph', '**/graph/*'], message: 'The UI talks to app/ use cases, never to src/graph.' },
        { group: ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*'], message: 'The UI never calls Graph directly.' },
        { group: ['@azure/msal-browser'], message: 'The UI never calls MSAL directly; use src/auth through app/.' },
        { group: ['@microsoft/teams-js'], message: 'The UI never calls teams-js directly; use src/hosts.' },
      ] }],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The UI does no I/O; call an app/ use case.' }],
    },
  },
  {
    // Nothing personal reaches the console: the app logs only through src/app/log.ts, which keeps messages,
    // bodies and tokens out. The demo tenant reports Graph contract violations (paths and types, no values).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/app/log.ts', 'src/demo/**'],
    rules: {
      'no-console': 'error',
    },
  },
);
