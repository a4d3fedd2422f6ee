// Loads the legacy example database: the Supabase stand-in, the migrations in file-name order, the rows.
// Used by tests and by scripts that need a database "as production has it" (e.g. to check the master
// migration); schemaplan's own migrations-directory target must reproduce the same order.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Anything that runs a multi-statement script: the engine's Queryable, a PGlite, a wrapped `pg` client. */
export interface ScriptRunner {
  exec(sql: string): Promise<unknown>;
}

export interface LegacyScript {
  /** absolute path */
  readonly path: string;
  readonly sql: string;
}

export const legacyDir = fileURLToPath(new URL('.', import.meta.url));
export const legacyMigrationsDir = join(legacyDir, 'migrations');
/** Supabase roles, auth schema and auth functions: external objects, loaded before any migration. */
export const legacyStubFile = join(legacyDir, 'supabase-stub.sql');
export const legacySeedDataFile = join(legacyDir, 'seed-data.sql');

/**
 * Migration files sorted the way Supabase's CLI (and `LC_ALL=C ls`) sorts them: by UTF-16 code unit, which
 * for these ASCII names is byte order. That puts 000000000800_upsert_functions.sql first.
 */
export async function legacyMigrationFiles(): Promise<string[]> {
  const names = (await readdir(legacyMigrationsDir)).filter((n) => n.endsWith('.sql'));
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((n) => join(legacyMigrationsDir, n));
}

export interface LegacyParts {
  /** create the Supabase roles, auth schema and auth functions (default true) */
  readonly stub?: boolean;
  /** insert the example rows (default true) */
  readonly data?: boolean;
}

/** The scripts to run, in order. */
export async function legacyScripts(parts: LegacyParts = {}): Promise<LegacyScript[]> {
  const paths = [
    ...(parts.stub === false ? [] : [legacyStubFile]),
    ...(await legacyMigrationFiles()),
    ...(parts.data === false ? [] : [legacySeedDataFile]),
  ];
  return Promise.all(paths.map(async (path) => ({ path, sql: await readFile(path, 'utf8') })));
}

/**
 * Runs each script in its own transaction, as the Supabase CLI runs a migration file. A failing script is
 * rolled back and reported with its path, so a broken example points at the file to fix.
 */
export async function runScripts(db: ScriptRunner, scripts: readonly LegacyScript[]): Promise<void> {
  for (const script of scripts) {
    try {
      await db.exec(`begin;\n${script.sql}\n;commit;`);
    } catch (e) {
      await db.exec('rollback').catch(() => undefined);
      throw new Error(`loading ${script.path} failed: ${(e as Error).message}`, { cause: e });
    }
  }
}

/** Stub, migrations in file-name order, rows: the legacy database as production has it. */
export async function loadLegacy(db: ScriptRunner, parts: LegacyParts = {}): Promise<void> {
  await runScripts(db, await legacyScripts(parts));
}
