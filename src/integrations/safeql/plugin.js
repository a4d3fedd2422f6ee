// The SafeQL plugin entry (package subpath `schemaplan/safeql`). Plain JavaScript on purpose: SafeQL loads it
// with a synchronous require() in ESLint's main thread and with import() in its worker, neither of which runs
// TypeScript. The TypeScript implementation (plugin-core.ts) is loaded lazily through tsx's scoped CommonJS
// require, so nothing is registered globally and linting a file without SQL never pays for it.
import { definePlugin } from '@ts-safeql/plugin-utils';
import { require as tsxRequire } from 'tsx/cjs/api';

/** @type {import('./plugin-core.ts') | undefined} */
let core;
const loadCore = () => (core ??= tsxRequire('./plugin-core.ts', import.meta.url));

/**
 * @typedef {object} SchemaplanSafeqlOptions
 * @property {string} [cwd] project root holding schemaplan.yaml and desired/ (default: process.cwd())
 * @property {string} [devUrl] PostgreSQL server for the SafeQL database (default: schemaplan.yaml devUrl or
 *   SCHEMAPLAN_DEV_URL; none = embedded PGlite)
 * @property {string} [databasePrefix] name prefix of the databases created on the dev server
 * @property {number} [idleSeconds] how long the embedded PGlite server lives without connections
 */

export default definePlugin(
  /** @type {import('@ts-safeql/plugin-utils').DefinePluginOptions<SchemaplanSafeqlOptions>} */ ({
    name: 'schemaplan',
    package: 'schemaplan/safeql',
    setup(options) {
      return {
        createConnection: {
          // SafeQL reads the key before each query and reconnects when it changes: an edit to desired/ is
          // picked up by the next lint run (or keystroke in the editor) without restarting ESLint.
          get cacheKey() {
            return loadCore().safeqlCacheKey(options);
          },
          handler: () => loadCore().safeqlConnect(options),
        },
      };
    },
  }),
);
