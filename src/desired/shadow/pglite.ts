import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { fromPglite, type Queryable } from '../../db/queryable.ts';
import { ok } from '../../errors.ts';
import { track, type ShadowProvider } from './provider.ts';

/** Contrib extensions an application schema commonly creates; PGlite needs them registered up front. */
export const PGLITE_EXTENSIONS: Extensions = { btree_gin, btree_gist, citext, hstore, ltree, pg_trgm, pgcrypto, uuid_ossp };

const TEMPLATE = 'pglite-template.tar';

/**
 * Embedded PGlite. initdb takes seconds, so an initialized data directory is kept as a tarball under the
 * cache directory and every later shadow starts from it (~0.6 s).
 */
export function pgliteProvider(cacheDir: string | null): ShadowProvider {
  return {
    key: `pglite:${PGlite.name}`,
    async open() {
      const db = await createPglite(cacheDir);
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

async function createPglite(cacheDir: string | null): Promise<PGlite> {
  const template = cacheDir ? path.join(cacheDir, TEMPLATE) : null;
  if (template && existsSync(template)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]), extensions: PGLITE_EXTENSIONS });
    } catch {
      // A template from another PGlite version: fall through and rebuild it.
    }
  }
  const db = await PGlite.create({ extensions: PGLITE_EXTENSIONS });
  if (template) {
    const blob = await db.dumpDataDir('none');
    mkdirSync(path.dirname(template), { recursive: true });
    const tmp = `${template}.${process.pid}`;
    writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    renameSync(tmp, template);
  }
  return db;
}

/** The persistent embedded dev database (the default target): a PGlite data directory. */
export async function openPgliteDir(dataDir: string): Promise<{ db: Queryable; created: boolean }> {
  const created = !existsSync(path.join(dataDir, 'PG_VERSION'));
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir, extensions: PGLITE_EXTENSIONS });
  return { db: fromPglite(db, `embedded dev database (${dataDir})`), created };
}
