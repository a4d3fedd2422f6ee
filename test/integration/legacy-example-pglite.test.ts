// The same legacy example in PGlite (PostgreSQL 18): every finding holds there too, the catalog matches the
// server's, and replaying the migrations in their historic order builds the same database.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  legacyMigrationsDir,
  legacyStubFile,
  legacyScripts,
  loadLegacy,
  runScripts,
  type LegacyScript,
} from '../../examples/legacy/load.ts';
import { findingChecks, legacyShape, type Query } from './legacy-example-checks.ts';

const adminUrl = process.env.SCHEMAPLAN_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The migrations "uuid-ossp" needs its PGlite build loaded up front. */
function newPglite(): PGlite {
  return new PGlite({ extensions: { uuid_ossp } });
}

const pgliteQuery =
  (db: PGlite): Query =>
  async (sql, params) =>
    (await db.query<Record<string, unknown>>(sql, params)).rows;

let db: PGlite;
const q: Query = (sql, params) => pgliteQuery(db)(sql, params);

beforeAll(async () => {
  db = newPglite();
  await loadLegacy(db);
}, 120_000);

afterAll(async () => {
  await db?.close();
});

describe('legacy example in PGlite', () => {
  it('runs on PostgreSQL 18', async () => {
    const version = Number((await q('show server_version_num'))[0]?.server_version_num);
    expect(version).toBeGreaterThanOrEqual(180000);
  });

  for (const check of findingChecks) {
    it(check.finding, () => check.run(q));
  }

  it('builds the same catalog as the PostgreSQL server', async () => {
    const name = `sp_legacy_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const server = new pg.Client({ connectionString: url.toString() });
    try {
      await server.connect();
      await loadLegacy({ exec: (sql) => server.query(sql) });
      const serverShape = await legacyShape(async (sql, params) => (await server.query(sql, params)).rows);
      const pgliteShape = await legacyShape(q);
      expect(pgliteShape.length).toBeGreaterThan(150);
      expect(pgliteShape).toEqual(serverShape);
    } finally {
      await server.end().catch(() => undefined);
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);

  it('builds the same database when the migrations run in their historic order', async () => {
    // Production applied the initial schema long before the ported 000000000800 file was pushed.
    const historic = [
      '20240101000000_initial_schema.sql',
      '20240102000000_rls_policies.sql',
      '000000000800_upsert_functions.sql',
    ].map((n) => join(legacyMigrationsDir, n));
    const scripts = await legacyScripts();
    const byPath = new Map(scripts.map((s) => [s.path, s]));
    const ordered: LegacyScript[] = [
      ...scripts.filter((s) => s.path === legacyStubFile),
      ...historic.map((p) => byPath.get(p)!),
      ...scripts.filter((s) => s.path !== legacyStubFile && !historic.includes(s.path)),
    ];
    expect(ordered.map((s) => s.path).sort()).toEqual(scripts.map((s) => s.path).sort());
    const other = newPglite();
    try {
      await runScripts(other, ordered);
      expect(await legacyShape(pgliteQuery(other))).toEqual(await legacyShape(q));
    } finally {
      await other.close();
    }
  }, 120_000);

  it('loads the Supabase stand-in idempotently', async () => {
    const stub = (await legacyScripts()).filter((s) => s.path === legacyStubFile);
    await runScripts(db, stub);
    const roles = await q(
      `select rolname, rolbypassrls from pg_roles where rolname in ('anon', 'authenticated', 'service_role') order by 1`,
    );
    expect(roles).toEqual([
      { rolname: 'anon', rolbypassrls: false },
      { rolname: 'authenticated', rolbypassrls: false },
      { rolname: 'service_role', rolbypassrls: true },
    ]);
    expect((await q(`select count(*)::int as n from auth.users`))[0]?.n).toBe(3);
  });

  it('reports the failing file when a script breaks', async () => {
    const other = newPglite();
    try {
      const broken: LegacyScript = { path: '/tmp/broken.sql', sql: 'create table t (id int);\nselect * from missing_table;' };
      await expect(runScripts(other, [broken])).rejects.toThrow(/broken\.sql failed: .*missing_table/);
      // the failed script was rolled back and the session is usable again
      expect((await other.query(`select to_regclass('public.t') as t`)).rows).toEqual([{ t: null }]);
    } finally {
      await other.close();
    }
  }, 60_000);
});
