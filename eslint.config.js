// ESLint flat config (ESLint 10 reads only eslint.config.*; .eslintrc files are ignored).
// Application SQL in examples/app is checked by SafeQL against the desired state in desired/ — the same schema
// `schemaplan plan` would apply — served by schemaplan's SafeQL plugin (see docs/safeql.md).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import safeql from '@ts-safeql/eslint-plugin/config';
import schemaplanSafeql from 'schemaplan/safeql';
import tseslint from 'typescript-eslint';

/** How application code talks to PostgreSQL with `pg`. */
export const pgTargets = [
  // pool.query<Row>(sql`…`) / client.query<Row>(sql`…`) with @ts-safeql/sql-tag: the row type sits on .query
  { wrapper: { regex: '(pool|client|tx|db)\\.query' } },
  // rows<Row>`…`: a tag bound to a connection that resolves to the rows (examples/app/db.ts)
  { tag: 'rows' },
];

/**
 * Typed parsing plus SafeQL for `files`, checked against the desired state of the project at `options.cwd`
 * (options: see SchemaplanSafeqlOptions in src/integrations/safeql/plugin-core.ts).
 * @param {string[]} files
 * @param {{ cwd: string, desired?: string, devUrl?: string, databasePrefix?: string, idleSeconds?: number }} options
 */
export function sqlChecked(files, options) {
  return rooted(tseslint.config(
    {
      files,
      languageOptions: {
        parser: tseslint.parser,
        parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      },
    },
    {
      files,
      ...safeql.configs.connections({
        plugins: [schemaplanSafeql(options)],
        targets: pgTargets,
        // jsonb holds whatever the application put there: callers narrow it instead of trusting `any`.
        overrides: { types: { json: 'unknown', jsonb: 'unknown' } },
      }),
    },
  ));
}

/**
 * `files` patterns stay relative to this repository even when a generated config elsewhere (tests, bench)
 * reuses these helpers: ESLint would otherwise resolve them against that config file's directory.
 * @template T
 * @param {T[]} configs
 */
const rooted = (configs) => configs.map((c) => ({ basePath: import.meta.dirname, ...c }));

/**
 * The repository's lint setup for application code: typescript-eslint's type-checked rules plus SafeQL.
 * Exported so the benchmark can run the same setup against another project's desired state.
 * @param {{ cwd: string, desired?: string, devUrl?: string, databasePrefix?: string, idleSeconds?: number }} options
 */
export function appConfig(options, files = ['examples/app/**/*.ts']) {
  return [
    ...rooted(
      tseslint.config(
        { ignores: ['node_modules/**', '.schemaplan/**', 'dist/**'] },
        {
          files,
          extends: [tseslint.configs.recommendedTypeChecked],
          rules: {
            // SafeQL annotates a nullable json column `unknown | null`: the `| null` documents the schema's
            // nullability, which is the point of the annotation, even though `unknown` already includes it.
            '@typescript-eslint/no-redundant-type-constituents': 'off',
          },
        },
      ),
    ),
    ...sqlChecked(files, options),
  ];
}

// The repository's own desired state (the seed application's consolidated schema) lives in desired/; until it is
// in this checkout, the examples are checked against the SQL test fixture that mirrors it.
const desired = existsSync(join(import.meta.dirname, 'desired')) ? {} : { desired: 'test/fixtures/safeql-desired' };

export default appConfig({ cwd: import.meta.dirname, ...desired });
