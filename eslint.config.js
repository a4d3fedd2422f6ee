// ESLint flat config (ESLint 10 reads only eslint.config.*; .eslintrc files are ignored).
// Application SQL in examples/app is checked by SafeQL against the desired state in desired/ — the same schema
// `schemaplan plan` would apply — served by schemaplan's SafeQL plugin (see docs/safeql.md).
import safeql from '@ts-safeql/eslint-plugin/config';
import schemaplanSafeql from 'schemaplan/safeql';
import tseslint from 'typescript-eslint';

/** Files whose SQL is checked. Test fixtures with deliberate mistakes live elsewhere and are linted by tests. */
const app = ['examples/app/**/*.ts'];

/** How application code talks to PostgreSQL with `pg` (shared with the tests so they check the same setup). */
export const pgTargets = [
  // pool.query<Row>(sql`…`) and client.query<Row>(sql`…`) with @ts-safeql/sql-tag: the row type sits on .query
  { wrapper: { regex: '(pool|client|tx|db)\\.query' } },
  // rows<Row>`…`: a tag bound to a pool that returns the rows (examples/app/db.ts)
  { tag: 'rows', transform: '{type}' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', '.schemaplan/**'] },
  {
    files: app,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: app,
    ...safeql.configs.connections({
      plugins: [schemaplanSafeql({ cwd: import.meta.dirname })],
      targets: pgTargets,
      // jsonb holds whatever the application put there: make callers narrow it instead of trusting `any`.
      overrides: { types: { json: 'unknown', jsonb: 'unknown' } },
    }),
  },
);
