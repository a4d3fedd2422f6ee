import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Extensions, PGlite } from '@electric-sql/pglite';
import { fromPglite, type Queryable } from '../../db/queryable.ts';
import { err, ok, type Result, type UserError } from '../../errors.ts';
import { lockDir } from './dir-lock.ts';
import { track, type ShadowProvider } from './provider.ts';

/**
 * PGlite and the contrib extensions an application schema commonly creates (PGlite needs them registered up
 * front). Imported on first use: a plan against a server, or a warm plan, never loads PGlite at all.
 */
async function pglite(): Promise<{ PGlite: typeof PGlite; extensions: Extensions }> {
  const [{ PGlite }, { btree_gin }, { btree_gist }, { citext }, { hstore }, { ltree }, { pg_trgm }, { pgcrypto }, { uuid_ossp }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gin'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/citext'),
    import('@electric-sql/pglite/contrib/hstore'),
    import('@electric-sql/pglite/contrib/ltree'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/pgcrypto'),
    import('@electric-sql/pglite/contrib/uuid_ossp'),
  ]);
  return { PGlite, extensions: { btree_gin, btree_gist, citext, hstore, ltree, pg_trgm, pgcrypto, uuid_ossp } };
}

// The package exports no package.json; read it beside its entry point (dist/…).
const PGLITE_VERSION: string = JSON.parse(
  readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json'), 'utf8'),
).version;

/**
 * Where the initialized PGlite data directory is kept: per user, shared by every project, per PGlite version
 * ($SCHEMAPLAN_CACHE_DIR, else $XDG_CACHE_HOME/schemaplan, else ~/.cache/schemaplan).
 */
export function templateFile(): string {
  const base = process.env['SCHEMAPLAN_CACHE_DIR'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(homedir(), '.cache'), 'schemaplan');
  return path.join(base, `pglite-${PGLITE_VERSION}-template.tar`);
}

/**
 * Embedded PGlite. initdb takes seconds, so an initialized data directory is kept as a tarball in the user's
 * cache and every later shadow starts from it (~0.6 s).
 */
export function pgliteProvider(): ShadowProvider {
  return {
    key: `pglite:${PGLITE_VERSION}`,
    async open() {
      const db = await createPglite(null);
      const version = (await db.query<{ v: string }>(`select current_setting('server_version') as v`)).rows[0]!.v;
      const q = fromPglite(db, 'shadow (embedded PGlite)');
      let closed = false;
      return ok(
        track({
          db: q,
          description: `embedded PGlite (PostgreSQL ${version})`,
          async dispose() {
            if (closed) return;
            closed = true;
            await q.close();
          },
        }),
      );
    },
  };
}

/** A PGlite in memory (dataDir null) or in a new data directory, started from the cached template. */
export async function createPglite(dataDir: string | null): Promise<PGlite> {
  const { PGlite, extensions } = await pglite();
  const template = templateFile();
  const where = dataDir ? { dataDir } : {};
  if (existsSync(template)) {
    try {
      return await PGlite.create({ ...where, loadDataDir: new Blob([readFileSync(template)]), extensions });
    } catch {
      // An unreadable template: fall through and rebuild it.
    }
  }
  const fresh = await PGlite.create({ extensions });
  const blob = await fresh.dumpDataDir('none');
  try {
    mkdirSync(path.dirname(template), { recursive: true });
    const tmp = `${template}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, template);
  } catch {
    // A read-only cache only costs speed.
  }
  if (!dataDir) return fresh;
  await fresh.close();
  return PGlite.create({ dataDir, loadDataDir: blob, extensions });
}

/** The persistent embedded dev database (the default target): a PGlite data directory. */
export async function openPgliteDir(dataDir: string, waitMs = 30_000): Promise<Result<{ db: Queryable; created: boolean }, UserError>> {
  const lock = await lockDir(dataDir, waitMs);
  if ('heldBy' in lock) {
    return err({ code: 'target', message: `the embedded dev database is in use by another schemaplan (pid ${lock.heldBy})`, hint: `wait for it to finish; ${dataDir}.lock names the process` });
  }
  try {
    const created = !existsSync(path.join(dataDir, 'PG_VERSION'));
    mkdirSync(dataDir, { recursive: true });
    const { PGlite, extensions } = await pglite();
    const db = created ? await createPglite(dataDir) : await PGlite.create({ dataDir, extensions });
    return ok({ db: fromPglite(db, `embedded dev database (${dataDir})`, async () => lock.release()), created });
  } catch (e) {
    lock.release();
    throw e;
  }
}
