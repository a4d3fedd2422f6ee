/** What the SafeQL plugin entry (plugin.js) calls: the cache key and the connection. */
import postgres, { type Sql } from 'postgres';
import { formatUserError, type Result } from '../../errors.ts';
import { readSafeqlSettings, type SafeqlSettings } from './desired-adapter.ts';
import { ensureDevDatabase } from './dev-database.ts';
import { ensureEmbeddedServer } from './embedded-server.ts';
import { desiredStateFingerprint } from './fingerprint.ts';

export interface SchemaplanSafeqlOptions {
  readonly cwd?: string;
  readonly devUrl?: string;
  readonly databasePrefix?: string;
  readonly idleSeconds?: number;
}

export const DEFAULT_DATABASE_PREFIX = 'schemaplan_safeql_';
export const DEFAULT_IDLE_SECONDS = 600;

function settingsFor(options: SchemaplanSafeqlOptions): Result<SafeqlSettings> {
  const env = options.devUrl ? { ...process.env, SCHEMAPLAN_DEV_URL: options.devUrl } : process.env;
  return readSafeqlSettings(options.cwd ?? process.cwd(), env);
}

/** The desired-state fingerprint; a broken config gets a key of its own so fixing it reconnects. */
export function safeqlCacheKey(options: SchemaplanSafeqlOptions): string {
  const settings = settingsFor(options);
  if (!settings.ok) return `schemaplan-config-error:${settings.error.message}`;
  return desiredStateFingerprint(settings.value);
}

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
  const url = settings.value.devUrl
    ? await ensureDevDatabase(settings.value, fingerprint, options.databasePrefix ?? DEFAULT_DATABASE_PREFIX)
    : await ensureEmbeddedServer(settings.value, fingerprint, options.idleSeconds ?? DEFAULT_IDLE_SECONDS);
  if (!url.ok) {
    // SafeQL surfaces a thrown error as the lint message on every query, which is where the user looks.
    const message = `schemaplan: ${formatUserError(url.error)}`;
    if (url.error.code.startsWith('desired')) brokenStates.set(fingerprint, message);
    throw new Error(message);
  }
  // One connection: SafeQL asks one question at a time, and PGlite has a single session behind the socket.
  return postgres(url.value, { max: 1, onnotice: () => {}, connection: { application_name: 'schemaplan-safeql' } });
}
