import nx from '@nx/eslint-plugin';

// Dependency arrows point one way: apps → feature → platform → data-access → domain → util.
// Domain libs stay free of frameworks (see docs/architecture.md).
const typeConstraints = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:platform',
      'type:data-access',
      'type:domain',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: [
      'type:feature',
      'type:platform',
      'type:data-access',
      'type:domain',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: [
      'type:platform',
      'type:data-access',
      'type:domain',
      'type:util',
    ],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain', 'type:util'],
  },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
];
// A scope may use shared libs and its own; apps may use any scope's feature libs they wire.
const scopeConstraints = [
  'intake',
  'referral',
  'notary',
  'notification',
  'audit',
  'sanctions',
  'discretion',
  'bulletin',
  'console',
].map((scope) => ({
  sourceTag: `scope:${scope}`,
  onlyDependOnLibsWithTags: [
    'scope:shared',
    `scope:${scope}`,
    'scope:referral',
    'scope:sanctions',
    'scope:notary',
    'scope:discretion',
    'scope:bulletin',
  ],
}));

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/node_modules',
      '.local/**',
      '**/webpack.config.js',
      '**/vite.config.*.timestamp*',
      '**/vitest.config.*.timestamp*',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            ...typeConstraints,
            ...scopeConstraints,
            {
              sourceTag: 'scope:shared',
              onlyDependOnLibsWithTags: ['scope:shared'],
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.ts'],
    rules: {
      // `_name` marks a value deliberately left unused (destructured away, or a required parameter).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // Domain libs import no framework.
    files: [
      'libs/**/domain/**/*.ts',
      'libs/shared/contracts/**/*.ts',
      'libs/shared/event-log/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '@nestjs/*',
            'mongoose',
            'kafkajs',
            'bullmq',
            'ioredis',
            'express',
          ],
        },
      ],
    },
  },
];
