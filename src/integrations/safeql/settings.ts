/**
 * The SafeQL integration's view of a project's configuration (src/config/config.ts). Synchronous and free of
 * top-level await: SafeQL computes its cache key synchronously, through tsx's CommonJS loader.
 */
import path from 'node:path';
import { expandEnv, loadConfig, type Config } from '../../config/config.ts';
import { err, ok, type Result } from '../../errors.ts';

export interface SafeqlSettings {
  /** Project root: where schemaplan.yaml lives. */
  readonly cwd: string;
  readonly config: Config;
  /** Absolute path of the desired state (a directory, or one .sql file). */
  readonly desiredDir: string;
  /** A PostgreSQL server to create the SafeQL database on; null = embedded PGlite. */
  readonly devUrl: string | null;
}

/**
 * The project's settings. The dev server is, in order: the plugin's `devUrl` option (passed in `env` by the
 * caller), SCHEMAPLAN_DEV_URL, `devUrl` in schemaplan.yaml (`${VAR}` expanded as the CLI does).
 */
export function readSafeqlSettings(cwd: string, env: NodeJS.ProcessEnv = process.env, desired?: string): Result<SafeqlSettings> {
  const loaded = loadConfig(path.resolve(cwd));
  if (!loaded.ok) return loaded;
  const config = desired ? { ...loaded, value: { ...loaded.value, desired } } : loaded;
  let devUrl = env['SCHEMAPLAN_DEV_URL'] || null;
  if (!devUrl && config.value.devUrl) {
    const expanded = expandEnv(config.value.devUrl);
    if (!expanded.ok) return expanded;
    devUrl = expanded.value;
  }
  // The CLI's other shadows: `embedded` is this integration's default; a container per lint process is not a
  // database an editor can keep asking.
  if (devUrl === 'embedded') devUrl = null;
  if (devUrl?.startsWith('docker://')) {
    return err({
      code: 'config',
      message: `SafeQL cannot use the dev URL ${devUrl}: it needs a database that outlives one lint run`,
      hint: 'give the plugin devUrl: "embedded" (or a postgres:// server), or set SCHEMAPLAN_DEV_URL',
    });
  }
  return ok({ cwd: config.value.root, config: config.value, desiredDir: path.resolve(config.value.root, config.value.desired), devUrl });
}

/** Files besides desired/ whose content decides the SafeQL database: the config and external stub files. */
export function trackedConfigFiles(settings: SafeqlSettings): string[] {
  const { config } = settings;
  return [...(config.file ? [config.file] : []), ...config.external.stubs.map((s) => path.resolve(config.root, s))];
}
