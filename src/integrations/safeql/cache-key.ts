/**
 * The plugin's options and SafeQL cache key. Loaded synchronously (tsx's CommonJS loader) from the `cacheKey`
 * getter in plugin.js, so nothing here may reach a module with top-level await (the engine's SQL parser does).
 */
import type { Result } from '../../errors.ts';
import { desiredStateFingerprint } from './fingerprint.ts';
import { readSafeqlSettings, type SafeqlSettings } from './settings.ts';

export interface SchemaplanSafeqlOptions {
  /** Project root holding schemaplan.yaml and desired/ (default: process.cwd()). */
  readonly cwd?: string;
  /** PostgreSQL server for the SafeQL database (default: SCHEMAPLAN_DEV_URL, else schemaplan.yaml devUrl). */
  readonly devUrl?: string;
  /** The desired state, relative to `cwd` (default: `desired` in schemaplan.yaml). */
  readonly desired?: string;
  /** Name prefix of the databases created on the dev server (default `schemaplan_safeql_`). */
  readonly databasePrefix?: string;
  /** How long the embedded PGlite server lives without connections (default 600). */
  readonly idleSeconds?: number;
}

export function settingsFor(options: SchemaplanSafeqlOptions): Result<SafeqlSettings> {
  const env = options.devUrl ? { ...process.env, SCHEMAPLAN_DEV_URL: options.devUrl } : process.env;
  return readSafeqlSettings(options.cwd ?? process.cwd(), env, options.desired);
}

/** The desired-state fingerprint; a broken config gets a key of its own so fixing it reconnects. */
export function safeqlCacheKey(options: SchemaplanSafeqlOptions): string {
  const settings = settingsFor(options);
  if (!settings.ok) return `schemaplan-config-error:${settings.error.message}`;
  return desiredStateFingerprint(settings.value);
}
