// The SafeQL plugin entry (package subpath `schemaplan/safeql`). Plain CommonJS on purpose: SafeQL loads it with a
// synchronous require() in ESLint's main thread and with import() in its worker, and ESLint may run on a Node
// without require(esm) (editors bundle their own). Neither path runs TypeScript, and schemaplan is TypeScript
// run through tsx, so the implementation is loaded lazily through tsx's scoped loaders, which register nothing
// globally; linting a file without SQL never pays for it:
//   - the cache key (read synchronously before every query) through tsx's CommonJS require: cache-key.ts;
//   - the connection (async) through tsx's ESM import, because the engine's loader uses top-level await.
'use strict';
const { pathToFileURL } = require('node:url');
const { definePlugin } = require('@ts-safeql/plugin-utils');
const { require: tsxRequire } = require('tsx/cjs/api');

const here = pathToFileURL(__filename).href;

/** @type {import('./cache-key.ts') | undefined} */
let cacheKeyModule;
/** @type {Promise<import('./plugin-core.ts')> | undefined} */
let coreModule;

/** @typedef {import('./cache-key.ts').SchemaplanSafeqlOptions} SchemaplanSafeqlOptions */

module.exports = definePlugin(
  /** @type {import('@ts-safeql/plugin-utils').DefinePluginOptions<SchemaplanSafeqlOptions & Record<string, unknown>>} */ ({
    name: 'schemaplan',
    package: 'schemaplan/safeql',
    setup(options) {
      return {
        createConnection: {
          // SafeQL reads the key before each query and reconnects when it changes: an edit to desired/ is
          // picked up by the next lint run (or keystroke in the editor) without restarting ESLint.
          get cacheKey() {
            cacheKeyModule ??= tsxRequire('./cache-key.ts', here);
            return cacheKeyModule.safeqlCacheKey(options);
          },
          async handler() {
            // The ESM build of tsx's API: its CommonJS build resolves its own ESM half at a path that does not exist.
            coreModule ??= import('tsx/esm/api').then(({ tsImport }) => tsImport('./plugin-core.ts', here));
            return (await coreModule).safeqlConnect(options);
          },
        },
      };
    },
  }),
);
