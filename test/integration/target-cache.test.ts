import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.ts';
import { connectPg, type Queryable } from '../../src/db/queryable.ts';
import { catalogVersionSql, VERSIONED_CATALOGS } from '../../src/introspect/catalog-version.ts';
import { introspect, QUERIES_VERSION, type CatalogCache } from '../../src/introspect/introspect.ts';
import { readCatalogJson, writeCatalogJson } from '../../src/json-file.ts';
import type { Catalog } from '../../src/model/catalog.ts';
import type { CachedCatalog } from '../../src/model/catalog-json.ts';
import { fingerprintCatalog } from '../../src/model/fingerprint.ts';
import { statementsOf } from '../../src/plan/plan.ts';
import { serverCatalogCache } from '../../src/target/server-cache.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';
import { createTestDb, SERVER_URL, type TestDb } from '../helpers/db.ts';

const VERSION_SQL = catalogVersionSql(150000);

/** Both spellings: the tid hash (PostgreSQL 15 on) and the text hash older servers get. */
async function catalogVersion(db: Queryable): Promise<string> {
  const read = async (sql: string) => (await db.query<{ version: string }>(sql)).rows[0]!.version;
  return `${await read(catalogVersionSql(150000))} / ${await read(catalogVersionSql(140000))}`;
}

const SCHEMA = `
  create role sp_cache_reader;
  create type public.mood as enum ('ok');
  create table public.t (id int primary key, n int, note text);
  create function public.f() returns int language sql as 'select 1';
  grant select on public.t to sp_cache_reader;`;

describe('the catalogs’ version (introspect/catalog-version.ts)', () => {
  let t: TestDb;
  let db: Queryable;
  beforeAll(async () => {
    t = await createTestDb('sp_catver_', `drop role if exists sp_cache_reader; drop role if exists sp_cache_renamed; ${SCHEMA}`);
    db = await t.connect();
  });
  afterAll(async () => {
    await db.close();
    await t.drop();
    const admin = await connectPg(SERVER_URL);
    await admin.exec('drop role if exists sp_cache_reader; drop role if exists sp_cache_renamed');
    await admin.close();
  });

  it('hashes every catalog of the database but those that hold data', async () => {
    const { rows } = await db.query<{ relname: string }>(
      `select relname from pg_class where relnamespace = 'pg_catalog'::regnamespace and relkind = 'r' and not relisshared order by 1`,
    );
    const data = new Set(['pg_statistic', 'pg_statistic_ext_data', 'pg_largeobject', 'pg_largeobject_metadata', 'pg_user_mapping', 'pg_subscription_rel', 'pg_publication_namespace']);
    // A catalog a new PostgreSQL version adds fails here until it is listed (or named as data above).
    expect([...VERSIONED_CATALOGS].sort()).toEqual(rows.map((r) => r.relname).filter((c) => !data.has(c)));
  });

  it('stays put without DDL: data changes, VACUUM and ANALYZE, a rolled-back change', async () => {
    const before = await catalogVersion(db);
    await db.exec(`insert into public.t select g, g from generate_series(1, 500) g; delete from public.t where id > 250`);
    await db.exec('vacuum analyze public.t');
    await db.exec('vacuum freeze pg_catalog.pg_class');
    await db.exec(`begin; alter table public.t add column gone int; rollback`);
    expect(await catalogVersion(db)).toBe(before);
  });

  it.each([
    ['a column', 'alter table public.t add column m int'],
    ['a default', 'alter table public.t alter column n set default 7'],
    ['NOT NULL', 'alter table public.t alter column n set not null'],
    ['an index', 'create index t_n on public.t (n)'],
    ['a comment', `comment on table public.t is 'hello'`],
    ['a grant', 'grant insert on public.t to sp_cache_reader'],
    ['a policy', 'create policy p on public.t using (true)'],
    ['row-level security', 'alter table public.t enable row level security'],
    ['an enum value', `alter type public.mood add value 'meh'`],
    ['a function body', `create or replace function public.f() returns int language sql as 'select 2'`],
    ['a role name a grant shows', 'alter role sp_cache_reader rename to sp_cache_renamed'],
    // Settings change how pg_get_expr and pg_get_*def print constants, and no catalog row of the database holds them.
    ['the time zone definitions print in', `set timezone = 'Asia/Tokyo'`],
    ['the interval style', `set intervalstyle = 'iso_8601'`],
  ])('changes with %s', async (_what, ddl) => {
    const before = await catalogVersion(db);
    await db.exec(ddl);
    const after = await catalogVersion(db);
    expect(after.split(' / ')[0]).not.toBe(before.split(' / ')[0]);
    expect(after.split(' / ')[1]).not.toBe(before.split(' / ')[1]);
  });
});

/** A cache in memory that counts what introspect asks of it. */
function memoryCache(): CatalogCache & { stored: Map<string, Catalog>; hits: number } {
  const stored = new Map<string, Catalog>();
  const cache = {
    stored,
    hits: 0,
    lookup(version: string) {
      const c = stored.get(version) ?? null;
      if (c) cache.hits++;
      return c;
    },
    store(version: string, catalog: Catalog) {
      stored.set(version, catalog);
    },
  };
  return cache;
}

describe('the catalogs’ version across databases and roles', () => {
  it('differs between two databases built by the same statements', async () => {
    const sql = 'create table public.same (id int primary key)';
    const [a, b] = [await createTestDb('sp_twin_', sql), await createTestDb('sp_twin_', sql)];
    try {
      const read = async (t: TestDb) => {
        const db = await t.connect();
        try {
          return (await db.query<{ version: string }>(VERSION_SQL)).rows[0]!.version;
        } finally {
          await db.close();
        }
      };
      expect(await read(a)).not.toBe(await read(b));
    } finally {
      await a.drop();
      await b.drop();
    }
  });

  it('is done without where the role may not compute it: the catalog is read in full and nothing is stored', async () => {
    const t = await createTestDb('sp_limited_', 'create table public.a (id int primary key, b text)');
    const admin = await connectPg(t.url);
    await admin.exec(`drop role if exists sp_cache_limited; create role sp_cache_limited login;
      revoke execute on function pg_catalog.pg_postmaster_start_time() from public`);
    await admin.close();
    const url = new URL(t.url);
    url.username = 'sp_cache_limited';
    const db = await connectPg(url.toString());
    try {
      const cache = memoryCache();
      const catalog = await introspect(db, { schemas: ['public'], cache });
      expect([...catalog.objects.values()].some((o) => o.kind === 'column' && o.id.name === 'b')).toBe(true);
      expect(cache.stored.size).toBe(0);
    } finally {
      await db.close();
      await t.drop();
      const cleanup = await connectPg(SERVER_URL);
      await cleanup.exec('drop role if exists sp_cache_limited');
      await cleanup.close();
    }
  });
});

describe('introspect with a catalog cache', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('sp_tcache_', 'create table public.a (id int primary key)');
  });
  afterAll(() => t.drop());

  it('reads and stores on a miss, answers from the cache while nothing changed, reads again after a change', async () => {
    const db = await t.connect();
    try {
      const cache = memoryCache();
      const first = await introspect(db, { schemas: ['public'], cache });
      expect(cache.stored.size).toBe(1);
      expect(cache.hits).toBe(0);
      const second = await introspect(db, { schemas: ['public'], cache });
      expect(second).toBe(first);
      expect(cache.hits).toBe(1);
      await db.exec('alter table public.a add column b text');
      const third = await introspect(db, { schemas: ['public'], cache });
      expect(third).not.toBe(first);
      expect([...third.objects.values()].some((o) => o.kind === 'column' && o.id.name === 'b')).toBe(true);
      expect(fingerprintCatalog(third)).toBe(fingerprintCatalog(await introspect(db, { schemas: ['public'] })));
      expect(cache.stored.size).toBe(2);
    } finally {
      await db.close();
    }
  });
});

describe('plan against a server keeps the target’s catalog under .schemaplan/cache', () => {
  let t: TestDb;
  let root: string;
  beforeAll(async () => {
    t = await createTestDb('sp_tcplan_', 'create table public.a (id int primary key)');
    root = mkdtempSync(path.join(tmpdir(), 'sp-tcache-'));
  });
  afterAll(async () => {
    await t.drop();
    rmSync(root, { recursive: true, force: true });
  });

  const plan = async (extra: { refreshTargetCache?: boolean } = {}) => {
    const desired = path.join(root, 'desired.sql');
    writeFileSync(desired, 'create table public.a (id int primary key, b text);');
    const prepared = await preparePlan({ config: defaultConfig(root), desiredPath: desired, target: { kind: 'url', url: t.url }, devUrl: SERVER_URL, ...extra });
    if (!prepared.ok) throw new Error(prepared.error.message);
    await prepared.value.target.dispose();
    return statementsOf(prepared.value.plan).map((s) => s.sql);
  };

  it('plans the same from the cache, and what changed on the target once it changed', async () => {
    expect(await plan()).toEqual(['ALTER TABLE public.a ADD COLUMN b text']);
    const dir = path.join(root, '.schemaplan', 'cache');
    const files = readdirSync(dir).filter((f) => f.startsWith('target-'));
    expect(files).toHaveLength(1);
    const file = path.join(dir, files[0]!);
    const written = statSync(file).mtimeMs;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await plan()).toEqual(['ALTER TABLE public.a ADD COLUMN b text']);
    expect(statSync(file).mtimeMs).toBe(written); // answered from the file, not read and stored again
    const db = await t.connect();
    await db.exec('alter table public.a add column b text');
    await db.close();
    expect(await plan()).toEqual([]);
    // The new version replaced the old one.
    const now = readdirSync(dir).filter((f) => f.startsWith('target-'));
    expect(now).toHaveLength(1);
    expect(now[0]).not.toBe(files[0]);
  });

  it('is trusted by plan and refreshed by apply: apply reads the target itself and rewrites the file', async () => {
    expect(await plan()).toEqual([]);
    const dir = path.join(root, '.schemaplan', 'cache');
    const file = path.join(dir, readdirSync(dir).find((f) => f.startsWith('target-'))!);
    // A file that says column b is missing, under the current version.
    const { catalog, ...fields } = readCatalogJson<{ catalog: CachedCatalog }>(file)!;
    const objects = catalog.objects.filter((o) => !(o.kind === 'column' && o.id.name === 'b'));
    writeCatalogJson(file, fields, { ...catalog, objects, edges: [] });
    expect(await plan()).toEqual(['ALTER TABLE public.a ADD COLUMN b text']);
    expect(await plan({ refreshTargetCache: true })).toEqual([]);
    expect(await plan()).toEqual([]);
  });

  it('is one file per target and set of schemas, whatever the password', async () => {
    const db = await t.connect();
    const catalog = await introspect(db, { schemas: ['public'] });
    await db.close();
    const store = serverCatalogCache(root, 'postgres://u:secret@h/db', ['public'], QUERIES_VERSION);
    store.store('v1', catalog);
    const found = serverCatalogCache(root, 'postgres://u:other@h/db', ['public'], QUERIES_VERSION).lookup('v1');
    expect(found && fingerprintCatalog(found)).toBe(fingerprintCatalog(catalog));
    expect(serverCatalogCache(root, 'postgres://u:secret@h/db', ['public'], QUERIES_VERSION).lookup('v2')).toBeNull();
    expect(serverCatalogCache(root, 'postgres://u:secret@h/other', ['public'], QUERIES_VERSION).lookup('v1')).toBeNull();
    expect(serverCatalogCache(root, 'postgres://u:secret@h/db', ['public', 'app'], QUERIES_VERSION).lookup('v1')).toBeNull();
    expect(serverCatalogCache(root, 'postgres://u:secret@h/db', ['public'], 'other-queries').lookup('v1')).toBeNull();
    for (const f of readdirSync(path.join(root, '.schemaplan', 'cache'))) expect(readFileSync(path.join(root, '.schemaplan', 'cache', f), 'latin1')).not.toContain('secret');
  });
});
