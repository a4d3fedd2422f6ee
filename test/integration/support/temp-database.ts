import { defaultConfig } from '../../../src/config/config.ts';
import type { Queryable } from '../../../src/db/queryable.ts';
import { loadStubs } from '../../../src/desired/build.ts';
import { executeStatements } from '../../../src/desired/execute.ts';
import type { SourceStatement } from '../../../src/desired/sources.ts';
import { formatUserError } from '../../../src/errors.ts';
import { createTestDb, withDb } from '../../helpers/db.ts';

/** A fresh database named sp_yaml_…; always dropped, even when `fn` throws. */
export async function withTempDatabase<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
  const t = await createTestDb('sp_yaml_');
  try {
    return await withDb(fn, t);
  } finally {
    await t.drop();
  }
}

/** The engine's Supabase preset stubs: auth schema, auth.uid()/role()/jwt(), roles anon/authenticated/service_role. */
export async function loadSupabaseStubs(db: Queryable): Promise<void> {
  const base = defaultConfig(process.cwd());
  const r = await loadStubs(db, { ...base, external: { ...base.external, preset: 'supabase' } });
  if (!r.ok) throw new Error(formatUserError(r.error));
}

/** Runs statements in the given order (no retries), failing with the source location of the statement. */
export async function runInOrder(db: Queryable, statements: readonly SourceStatement[]): Promise<void> {
  const r = await executeStatements(db, statements, () => false, false);
  if (!r.ok) throw new Error(formatUserError(r.error));
}
