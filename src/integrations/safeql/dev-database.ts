/**
 * The SafeQL database on a dev server: one database per desired-state fingerprint, built once and reused while
 * the fingerprint holds. It is loaded under a temporary name and renamed into place, so a half-loaded database is
 * never visible and two ESLint processes racing to build it cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { err, formatUserError, ok, type Result } from '../../errors.ts';
import { ident, literal } from '../../sql/quote.ts';
import { loadDesiredInto, type SafeqlSettings } from './desired-adapter.ts';
import { readJson, safeqlStateDir, writeJsonAtomic } from './state-dir.ts';

interface DevState {
  /** Databases this project created on the dev server, newest last. */
  databases: string[];
}

export function devDatabaseName(prefix: string, fingerprint: string): string {
  return `${prefix}${fingerprint.slice(0, 12)}`;
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

export async function ensureDevDatabase(
  settings: SafeqlSettings,
  fingerprint: string,
  prefix: string,
): Promise<Result<string>> {
  const devUrl = settings.devUrl!;
  const name = devDatabaseName(prefix, fingerprint);
  const admin = new pg.Client({ connectionString: devUrl, application_name: 'schemaplan-safeql' });
  try {
    await admin.connect();
  } catch (e) {
    return err({ code: 'connection', message: `cannot reach the dev server: ${(e as Error).message}`, hint: redactedHint(devUrl) });
  }
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const built = await buildDatabase(admin, settings, name);
      if (!built.ok) return built;
    }
    await dropSuperseded(admin, settings.cwd, name);
    return ok(withDatabase(devUrl, name));
  } finally {
    await admin.end().catch(() => {});
  }
}

async function buildDatabase(admin: pg.Client, settings: SafeqlSettings, name: string): Promise<Result<void>> {
  const staging = `${name}_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${ident(staging)}`);
  const db = new pg.Client({ connectionString: withDatabase(settings.devUrl!, staging) });
  let loaded;
  try {
    await db.connect();
    loaded = await loadDesiredInto({ exec: async (sql) => void (await db.query(sql)) }, settings);
  } finally {
    await db.end().catch(() => {});
  }
  if (!loaded.ok) {
    await dropDatabase(admin, staging);
    return err({ ...loaded.error, message: `desired state does not load: ${formatUserError(loaded.error)}` });
  }
  await admin.query(`COMMENT ON DATABASE ${ident(staging)} IS ${literal(`schemaplan SafeQL database for ${settings.cwd}`)}`);
  try {
    await admin.query(`ALTER DATABASE ${ident(staging)} RENAME TO ${ident(name)}`);
  } catch (e) {
    // 42P04 duplicate_database: another ESLint process finished the same build first; its copy is identical.
    await dropDatabase(admin, staging);
    if ((e as { code?: string }).code !== '42P04') throw e;
  }
  return ok(undefined);
}

/** Drop the databases this project built for older fingerprints: they can never be asked for again. */
async function dropSuperseded(admin: pg.Client, cwd: string, current: string): Promise<void> {
  const file = join(safeqlStateDir(cwd), 'dev-databases.json');
  const state = readJson<DevState>(file) ?? { databases: [] };
  for (const old of state.databases) if (old !== current) await dropDatabase(admin, old);
  writeJsonAtomic(file, { databases: [current] } satisfies DevState);
}

export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  // WITH (FORCE) (PostgreSQL 13+): an editor's SafeQL worker may still hold a connection to a superseded database.
  await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

function redactedHint(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return `check the dev server ${u.toString()} (schemaplan.yaml devUrl or SCHEMAPLAN_DEV_URL)`;
  } catch {
    return 'check schemaplan.yaml devUrl or SCHEMAPLAN_DEV_URL';
  }
}
