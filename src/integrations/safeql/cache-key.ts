/**
 * The plugin's options and SafeQL cache key. Loaded synchronously (tsx's CommonJS loader) from the `cacheKey`
 * getter in plugin.cjs, so nothing here may reach a module with top-level await (the engine's SQL parser does).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE } from '../../config/config.ts';
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

/**
 * Parsed settings, re-read only when schemaplan.yaml's size or mtime changes: SafeQL asks for the key before every
 * query, and parsing and validating the config each time cost ~1 ms per query. (`${VAR}` in devUrl is expanded
 * when the config is read; a changed environment variable needs a new ESLint process, as any env change does.)
 */
const settingsMemo = new Map<string, { stamp: string; settings: Result<SafeqlSettings> }>();

export function settingsFor(options: SchemaplanSafeqlOptions): Result<SafeqlSettings> {
  const cwd = options.cwd ?? process.cwd();
  const config = statSync(path.join(cwd, CONFIG_FILE), { throwIfNoEntry: false });
  const stamp = `${config?.size ?? -1}:${config?.mtimeMs ?? -1}:${process.env['SCHEMAPLAN_DEV_URL'] ?? ''}`;
  const key = JSON.stringify([cwd, options.devUrl, options.desired]);
  const hit = settingsMemo.get(key);
  if (hit && hit.stamp === stamp) return hit.settings;
  const env = options.devUrl ? { ...process.env, SCHEMAPLAN_DEV_URL: options.devUrl } : process.env;
  const settings = readSafeqlSettings(cwd, env, options.desired);
  settingsMemo.set(key, { stamp, settings });
  return settings;
}

/** The desired-state fingerprint; a broken config gets a key of its own so fixing it reconnects. */
export function safeqlCacheKey(options: SchemaplanSafeqlOptions): string {
  const settings = settingsFor(options);
  if (!settings.ok) return `schemaplan-config-error:${settings.error.message}`;
  return desiredStateFingerprint(settings.value);
}
