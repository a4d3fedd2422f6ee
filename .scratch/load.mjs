import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
const require = createRequire(new URL('../package.json', import.meta.url));
let t = performance.now();
const mod = require('schemaplan/safeql');
const main = performance.now() - t;
const descriptor = mod.default({ cwd: process.cwd(), desired: 'test/fixtures/safeql-desired' });
const plugin = mod.default.factory(descriptor.config);
t = performance.now();
const key1 = plugin.createConnection.cacheKey;
const firstKey = performance.now() - t;
t = performance.now();
for (let i = 0; i < 100; i++) plugin.createConnection.cacheKey;
const nextKey = (performance.now() - t) / 100;
console.log(JSON.stringify({ requireEntryMs: main.toFixed(1), firstCacheKeyMs: firstKey.toFixed(1), laterCacheKeyMs: nextKey.toFixed(3), key: key1.slice(0, 12) }));
// The connection path as SafeQL's worker runs it: import() of the entry in a worker thread, then handler().
const w = new Worker(`
  const { performance } = require('node:perf_hooks');
  (async () => {
    const t0 = performance.now();
    const mod = await import(${JSON.stringify(require.resolve('schemaplan/safeql'))});
    const plugin = mod.default.factory(${JSON.stringify(descriptor.config)});
    const t1 = performance.now();
    const sql = await plugin.createConnection.handler();
    const t2 = performance.now();
    await sql\`select 1\`;
    const t3 = performance.now();
    await sql.end();
    console.log(JSON.stringify({ workerImportMs: (t1 - t0).toFixed(1), handlerMs: (t2 - t1).toFixed(1), firstQueryMs: (t3 - t2).toFixed(1) }));
  })();
`, { eval: true });
await new Promise((r) => w.on('exit', r));
