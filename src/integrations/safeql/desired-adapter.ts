/**
 * The one seam between the SafeQL integration and the engine's desired-state loader.
 *
 * TEMPORARY: the engine's `loadConfig` (src/config/config.ts) and `loadDesired` (src/desired/build.ts) are not on
 * main yet. Until they land this module reads `schemaplan.yaml` itself (only the keys SafeQL needs) and executes
 * `desired/**\/*.sql` in lexical path order. When they land, `readSafeqlSettings` becomes `loadConfig` +
 * picking fields, and `loadDesiredInto` becomes `loadDesired(db, { config })`; nothing else in this folder changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { err, ok, type Result, type UserError } from '../../errors.ts';
import { listDesiredFiles } from './desired-files.ts';

/** The subset of src/db/queryable.ts that loading needs (structurally compatible with the engine's Queryable). */
export interface Executor {
  exec(sql: string): Promise<void>;
}

export interface SafeqlSettings {
  /** Project root: where schemaplan.yaml lives. */
  readonly cwd: string;
  /** Absolute path of the config file, or null when the project has none (defaults apply). */
  readonly configFile: string | null;
  /** Absolute path of the desired-state directory. */
  readonly desiredDir: string;
  /** A PostgreSQL server to create the SafeQL database on; null = embedded PGlite. */
  readonly devUrl: string | null;
}

export const CONFIG_FILE = 'schemaplan.yaml';

export function readSafeqlSettings(cwd: string, env: NodeJS.ProcessEnv = process.env): Result<SafeqlSettings> {
  const root = resolve(cwd);
  const configFile = join(root, CONFIG_FILE);
  let raw: Record<string, unknown> = {};
  if (existsSync(configFile)) {
    try {
      const parsed: unknown = parse(readFileSync(configFile, 'utf8'));
      if (parsed !== null && typeof parsed === 'object') raw = parsed as Record<string, unknown>;
    } catch (e) {
      return err(configError(configFile, `cannot parse ${CONFIG_FILE}: ${(e as Error).message}`));
    }
  }
  const desired = raw['desired'] ?? 'desired';
  if (typeof desired !== 'string') return err(configError(configFile, '"desired" must be a directory path'));
  const devUrl = env['SCHEMAPLAN_DEV_URL'] || raw['devUrl'] || null;
  if (devUrl !== null && typeof devUrl !== 'string') return err(configError(configFile, '"devUrl" must be a URL'));
  return ok({
    cwd: root,
    configFile: existsSync(configFile) ? configFile : null,
    desiredDir: resolve(root, desired),
    devUrl,
  });
}

/** Runs the desired state on an empty database. */
export async function loadDesiredInto(db: Executor, settings: SafeqlSettings): Promise<Result<{ statements: number }>> {
  const files = listDesiredFiles(settings.desiredDir).filter((f) => f.endsWith('.sql'));
  if (files.length === 0) {
    return err({
      code: 'desired-empty',
      message: `no desired-state SQL files in ${settings.desiredDir}`,
      hint: 'write CREATE statements under desired/ (or set "desired" in schemaplan.yaml)',
    });
  }
  for (const file of files) {
    try {
      await db.exec(readFileSync(file, 'utf8'));
    } catch (e) {
      return err({ code: 'desired-sql', message: (e as Error).message, location: { file, line: 1, column: 1 } });
    }
  }
  return ok({ statements: files.length });
}

function configError(file: string, message: string): UserError {
  return { code: 'config', message, location: { file, line: 1, column: 1 } };
}
