import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Import boundaries (bulletproof-react's rule): code goes one way, shared → features → app.
 *  - a feature (src/features/x) imports no other feature, and not app/;
 *  - shared code (src/components, src/lib, src/types) imports no feature, and not app/;
 *  - app/ composes the features (routes, providers, the registry of task screens); src/test
 *    renders the composed app, so it may import them too.
 * Core `no-restricted-imports` reads the import as written, not resolved: the app imports by
 * relative path, so a file `depth` folders below its feature (or shared folder) reaches another
 * feature with exactly `depth + 1` '../' then a name. One block per depth says so.
 * (/work/shared/tools/frontend-imports.py counts the same thing.)
 */
const MAX_DEPTH = 6;
const up = (times) => `^(\\.\\./){${times}}`;
const below = (root, depth) => `${root}/${'*/'.repeat(depth)}*.{ts,tsx}`;

const FEATURE_TO_FEATURE =
  'A feature imports no other feature: move what both need to components/, lib/ or types/, or compose them in app/ (see README, "Folders").';
const TO_APP = 'Only main.tsx and src/test import app/: app/ composes the features, not the other way round.';
const SHARED_TO_FEATURE =
  'Shared code (components/, lib/, types/) imports no feature: move what it needs out of the feature, or pass it in from app/.';

const boundaries = [];
for (let depth = 0; depth <= MAX_DEPTH; depth++) {
  boundaries.push(
    {
      name: `tandem/boundaries/features-depth-${depth}`,
      files: [below('src/features/*', depth)],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              // '../' × (depth + 1) is src/features/: any name there is a feature (its own too, by a detour)
              { regex: `${up(depth + 1)}[^./]`, message: FEATURE_TO_FEATURE },
              { regex: `${up(depth + 2)}features(/|$)`, message: FEATURE_TO_FEATURE },
              { regex: `${up(depth + 2)}app(/|$)`, message: TO_APP },
            ],
          },
        ],
      },
    },
    {
      name: `tandem/boundaries/shared-depth-${depth}`,
      files: ['components', 'lib', 'types'].map((dir) => below(`src/${dir}`, depth)),
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              { regex: `${up(depth + 1)}features(/|$)`, message: SHARED_TO_FEATURE },
              { regex: `${up(depth + 1)}app(/|$)`, message: TO_APP },
            ],
          },
        ],
      },
    },
  );
}

export default defineConfig([
  globalIgnores(['target/', 'node/', 'dist/', 'src/types/openapi.ts']),
  {
    name: 'tandem/base',
    files: ['**/*.{js,mjs,ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2022,
    },
  },
  {
    name: 'tandem/app',
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: {
      globals: globals.browser,
    },
  },
  {
    // build scripts and browser scenarios run in Node (the scenarios' callbacks run in the page)
    name: 'tandem/node',
    files: ['*.{js,ts}', 'scripts/**/*.mjs', 'e2e/**/*.mjs'],
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
  },
  ...boundaries,
]);
