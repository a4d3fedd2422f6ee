/**
 * The SafeQL database on a dev server: one database per desired-state fingerprint, built once and reused while
 * the fingerprint holds. It is loaded under a temporary name and renamed into place, so a half-loaded database is
 * never visible and two ESLint processes racing to build it cannot both win.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connectPg, type Queryable } from '../../db/queryable.ts';
import { connectionError, withDatabase } from '../../db/url.ts';
import { err, formatUserError, ok, type Result } from '../../errors.ts';
import { ident, literal } from '../../sql/quote.ts';
import { loadDesiredInto } from './desired-adapter.ts';
import type { SafeqlSettings } from './settings.ts';
import { safeqlStateDir } from './state-dir.ts';
import { readJson, writeJsonAtomic } from '../../json-file.ts';

interface DevState {
  /** Databases this project created on the dev server, newest last. */
  databases: string[];
}

export function devDatabaseName(prefix: string, fingerprint: string): string {
  return `${prefix}${fingerprint.slice(0, 12)}`;
}

export async function ensureDevDatabase(
  settings: SafeqlSettings,
  fingerprint: string,
  prefix: string,
): Promise<Result<string>> {
  const devUrl = settings.devUrl!;
  const name = devDatabaseName(prefix, fingerprint);
  let admin: Queryable;
  try {
    admin = await connectPg(devUrl, 'dev server');
  } catch (e) {
    return err(connectionError(devUrl, e, 'dev server (schemaplan.yaml devUrl or SCHEMAPLAN_DEV_URL)'));
  }
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rows.length === 0) {
      const built = await buildDatabase(admin, settings, name);
      if (!built.ok) return built;
    }
    await dropSuperseded(admin, settings.cwd, name);
    return ok(withDatabase(devUrl, name));
  } finally {
    await admin.close().catch(() => {});
  }
}

async function buildDatabase(admin: Queryable, settings: SafeqlSettings, name: string): Promise<Result<void>> {
  const staging = `${name}_${randomBytes(4).toString('hex')}`;
  await admin.exec(`CREATE DATABASE ${ident(staging)}`);
  let loaded;
  try {
    const db = await connectPg(withDatabase(settings.devUrl!, staging), 'SafeQL database');
    try {
      loaded = await loadDesiredInto(db, settings);
    } finally {
      await db.close().catch(() => {});
    }
  } catch (e) {
    await dropDatabase(admin, staging);
    throw e;
  }
  if (!loaded.ok) {
    await dropDatabase(admin, staging);
    return err({ ...loaded.error, message: `desired state does not load: ${formatUserError(loaded.error)}` });
  }
  await admin.exec(`COMMENT ON DATABASE ${ident(staging)} IS ${literal(`schemaplan SafeQL database for ${settings.cwd}`)}`);
  try {
    await admin.exec(`ALTER DATABASE ${ident(staging)} RENAME TO ${ident(name)}`);
  } catch (e) {
    // Another ESLint process finished the same build first; its copy is identical. Postgres says so with 42P04
    // duplicate_database, or, when both renames pass the name check at the same moment, with 23505 from
    // pg_database's unique index.
    await dropDatabase(admin, staging);
    const code = (e as { code?: string }).code;
    if (code !== '42P04' && code !== '23505') throw e;
  }
  return ok(undefined);
}

/** Drop the databases this project built for older fingerprints: they can never be asked for again. */
async function dropSuperseded(admin: Queryable, cwd: string, current: string): Promise<void> {
  const file = join(safeqlStateDir(cwd), 'dev-databases.json');
  const state = readJson<DevState>(file) ?? { databases: [] };
  for (const old of state.databases) if (old !== current) await dropDatabase(admin, old);
  writeJsonAtomic(file, { databases: [current] } satisfies DevState);
}

export async function dropDatabase(admin: Queryable, name: string): Promise<void> {
  // WITH (FORCE) (PostgreSQL 13+): an editor's SafeQL worker may still hold a connection to a superseded database.
  await admin.exec(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}
