/**
 * The embedded SafeQL database as a process: PGlite loaded with the desired state, served over the PostgreSQL
 * wire protocol on a free localhost port. Started on demand by embedded-server.ts; exits after `--idle` seconds
 * without a query, or on SIGTERM when a newer desired state replaced it. Clients that still hold a connection
 * then reconnect through embedded-server.ts, which starts a new server.
 *
 *   node --import tsx src/integrations/safeql/pglite-server.ts --cwd DIR --desired PATH --fingerprint FP \
 *     --idle SECONDS --state FILE
 */
import { unlinkSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { fromPglite } from '../../db/queryable.ts';
import { createPglite } from '../../desired/shadow/pglite.ts';
import { formatUserError } from '../../errors.ts';
import { loadDesiredInto } from './desired-adapter.ts';
import { readSafeqlSettings } from './settings.ts';
import { EXIT_DESIRED_STATE, type EmbeddedServerState } from './embedded-server.ts';
import { readJson, writeJsonAtomic } from '../../json-file.ts';

/** The ESLint CLI and an editor's ESLint server lint at the same time; each SafeQL worker holds one connection. */
const MAX_CONNECTIONS = 8;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cwd: { type: 'string' },
      desired: { type: 'string' },
      fingerprint: { type: 'string' },
      idle: { type: 'string' },
      state: { type: 'string' },
    },
  });
  const { cwd, desired, fingerprint, state: stateFile } = values;
  if (!cwd || !fingerprint || !stateFile) throw new Error('usage: pglite-server --cwd DIR [--desired PATH] --fingerprint FP --idle S --state FILE');
  const idleMs = Number(values.idle ?? 600) * 1000;

  const settings = readSafeqlSettings(cwd, { ...process.env, SCHEMAPLAN_DEV_URL: '' }, desired);
  if (!settings.ok) fail(formatUserError(settings.error), EXIT_DESIRED_STATE);
  // The engine's shadow PGlite: contrib extensions registered, started from the cached initdb template.
  const db = await createPglite(null);
  const loaded = await loadDesiredInto(fromPglite(db, 'SafeQL database (embedded PGlite)'), settings.value);
  if (!loaded.ok) fail(formatUserError(loaded.error), EXIT_DESIRED_STATE);

  // Idle means no query running or answered for the idle period. An editor keeps its connection open for as long as
  // it runs, so open connections cannot be the measure; pglite-socket's own idleTimeout is not used either, as it
  // only counts incoming bytes and would cut a connection in the middle of a slow answer.
  let running = 0;
  let lastActivity = Date.now();
  const execute = db.execProtocolRawStream.bind(db);
  db.execProtocolRawStream = async (...args) => {
    running++;
    try {
      return await execute(...args);
    } finally {
      running--;
      lastActivity = Date.now();
    }
  };
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: MAX_CONNECTIONS });
  // A client that just connected is about to ask something: do not exit under it.
  server.addEventListener('connection', () => (lastActivity = Date.now()));
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

  setInterval(() => {
    if (running === 0 && Date.now() - lastActivity >= idleMs) void stop();
  }, Math.min(1000, idleMs)).unref();
  // The interval is unref'd; the listening socket keeps the process alive until stop().
}

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

main().catch((e: unknown) => fail(e instanceof Error ? (e.stack ?? e.message) : String(e)));
