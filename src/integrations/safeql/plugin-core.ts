/**
 * The connection SafeQL asks for (plugin.cjs `createConnection.handler`): a database holding exactly the desired
 * state, on the dev server or in the embedded PGlite server. Loaded with tsx's ESM loader: the engine's desired-state
 * loader uses top-level await.
 */
import postgres, { type Sql } from 'postgres';
import { formatUserError, type UserError } from '../../errors.ts';
import { settingsFor, type SchemaplanSafeqlOptions } from './cache-key.ts';
import { ensureDevDatabase } from './dev-database.ts';
import { connectTo, ensureEmbeddedServer } from './embedded-server.ts';
import { desiredStateFingerprint } from './fingerprint.ts';

export const DEFAULT_DATABASE_PREFIX = 'schemaplan_safeql_';
export const DEFAULT_IDLE_SECONDS = 600;

/**
 * Desired states that failed to load, by fingerprint: SafeQL asks again for every query, and rebuilding a broken
 * state each time would make a lint run as slow as (queries × load). Editing desired/ changes the fingerprint,
 * which retries. Unreachable servers and timeouts are not remembered: they may recover.
 */
const brokenStates = new Map<string, string>();

export async function safeqlConnect(options: SchemaplanSafeqlOptions): Promise<Sql> {
  const settings = settingsFor(options);
  if (!settings.ok) throw new Error(formatUserError(settings.error));
  const fingerprint = desiredStateFingerprint(settings.value);
  const known = brokenStates.get(fingerprint);
  if (known) throw new Error(known);
  const fail = (error: UserError): never => {
    // SafeQL surfaces a thrown error as the lint message on every query, which is where the user looks.
    const message = `schemaplan: ${formatUserError(error)}`;
    if (error.code.startsWith('desired')) brokenStates.set(fingerprint, message);
    throw new Error(message);
  };
  // One connection: SafeQL asks one question at a time, and PGlite has a single session behind the socket.
  const common = { max: 1, onnotice: () => {}, connection: { application_name: 'schemaplan-safeql' } } as const;

  if (settings.value.devUrl) {
    const url = await ensureDevDatabase(settings.value, fingerprint, options.databasePrefix ?? DEFAULT_DATABASE_PREFIX);
    return url.ok ? postgres(url.value, common) : fail(url.error);
  }
  const idleSeconds = options.idleSeconds ?? DEFAULT_IDLE_SECONDS;
  const first = await ensureEmbeddedServer(settings.value, fingerprint, idleSeconds);
  if (!first.ok) fail(first.error);
  // SafeQL keeps this connection for as long as the key holds, but the embedded server exits when idle (an editor
  // left open overnight): every (re)connect asks for the current server, starting a new one when needed.
  // postgres.js calls `socket` for every connection it opens (src/connection.js createSocket) and expects it
  // connected; its type definitions do not list the option, hence the variable instead of an inline literal.
  const withSocket = {
    ...common,
    host: '127.0.0.1',
    username: 'postgres',
    database: 'postgres',
    socket: async () => {
      const port = await ensureEmbeddedServer(settings.value, fingerprint, idleSeconds);
      if (!port.ok) return fail(port.error);
      const socket = await connectTo(port.value);
      if (!socket) throw new Error(`schemaplan: the embedded PGlite server on port ${port.value} went away`);
      return socket;
    },
  };
  return postgres(withSocket);
}
