// The SafeQL plugin entry (package subpath `schemaplan/safeql`). Plain JavaScript on purpose: SafeQL loads it
// with a synchronous require() in ESLint's main thread and with import() in its worker, neither of which runs
// TypeScript, and schemaplan is TypeScript run through tsx. The TypeScript implementation is loaded lazily
// through tsx's scoped loaders, which register nothing globally, so linting a file without SQL never pays for it:
//   - the cache key (read synchronously before every query) through tsx's CommonJS require: cache-key.ts;
//   - the connection (async) through tsx's ESM import, because the engine's loader uses top-level await.
import { definePlugin } from '@ts-safeql/plugin-utils';
import { require as tsxRequire } from 'tsx/cjs/api';
import { tsImport } from 'tsx/esm/api';

/** @type {import('./cache-key.ts') | undefined} */
let cacheKeyModule;
/** @type {Promise<import('./plugin-core.ts')> | undefined} */
let coreModule;

/** @typedef {import('./cache-key.ts').SchemaplanSafeqlOptions} SchemaplanSafeqlOptions */

export default definePlugin(
  /** @type {import('@ts-safeql/plugin-utils').DefinePluginOptions<SchemaplanSafeqlOptions & Record<string, unknown>>} */ ({
    name: 'schemaplan',
    package: 'schemaplan/safeql',
    setup(options) {
      return {
        createConnection: {
          // SafeQL reads the key before each query and reconnects when it changes: an edit to desired/ is
          // picked up by the next lint run (or keystroke in the editor) without restarting ESLint.
          get cacheKey() {
            cacheKeyModule ??= tsxRequire('./cache-key.ts', import.meta.url);
            return cacheKeyModule.safeqlCacheKey(options);
          },
          async handler() {
            coreModule ??= tsImport('./plugin-core.ts', import.meta.url);
            return (await coreModule).safeqlConnect(options);
          },
        },
      };
    },
  }),
);
