/**
 * The embedded SafeQL database as a process: PGlite loaded with the desired state, served over the PostgreSQL
 * wire protocol on a free localhost port. Started on demand by embedded-server.ts; exits after `--idle` seconds
 * without a connection, or on SIGTERM when a newer desired state replaced it.
 *
 *   node --import tsx src/integrations/safeql/pglite-server.ts --cwd DIR --fingerprint FP --idle SECONDS --state FILE
 */
import { unlinkSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { formatUserError } from '../../errors.ts';
import { loadDesiredInto, readSafeqlSettings } from './desired-adapter.ts';
import type { EmbeddedServerState } from './embedded-server.ts';
import { readJson, writeJsonAtomic } from './state-dir.ts';

/** The ESLint CLI and an editor's ESLint server lint at the same time; each SafeQL worker holds one connection. */
const MAX_CONNECTIONS = 8;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { cwd: { type: 'string' }, fingerprint: { type: 'string' }, idle: { type: 'string' }, state: { type: 'string' } },
  });
  const { cwd, fingerprint, state: stateFile } = values;
  if (!cwd || !fingerprint || !stateFile) throw new Error('usage: pglite-server --cwd DIR --fingerprint FP --idle S --state FILE');
  const idleMs = Number(values.idle ?? 600) * 1000;

  const settings = readSafeqlSettings(cwd, { ...process.env, SCHEMAPLAN_DEV_URL: '' });
  if (!settings.ok) fail(formatUserError(settings.error));
  const db = await PGlite.create();
  const loaded = await loadDesiredInto({ exec: async (sql) => void (await db.exec(sql)) }, settings.value);
  if (!loaded.ok) fail(formatUserError(loaded.error));

  // idleTimeout closes a connection nobody used for the idle period (an editor that went away keeps its socket
  // open forever); postgres.js reconnects transparently if it was only resting.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS, idleTimeout: idleMs });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  writeJsonAtomic(stateFile, { pid: process.pid, port, fingerprint } satisfies EmbeddedServerState);

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    if (readJson<EmbeddedServerState>(stateFile)?.pid === process.pid) {
      try {
        unlinkSync(stateFile);
      } catch {
        // removed by a launcher that found us dead
      }
    }
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());

  let idleSince = Date.now();
  setInterval(() => {
    if (server.getStats().activeConnections > 0) idleSince = Date.now();
    else if (Date.now() - idleSince >= idleMs) void stop();
  }, Math.min(1000, idleMs)).unref();
  // The interval is unref'd; the listening socket keeps the process alive until stop().
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
