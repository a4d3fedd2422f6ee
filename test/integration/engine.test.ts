import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.ts';
import { connectPg } from '../../src/db/queryable.ts';
import { buildDesiredCatalog } from '../../src/desired/build.ts';
import type { ShadowProvider } from '../../src/desired/shadow/provider.ts';
import { serverProvider } from '../../src/desired/shadow/server.ts';
import { createTestDb, SERVER_URL } from '../helpers/db.ts';
import { introspect } from '../../src/introspect/introspect.ts';
import { isEmpty } from '../../src/plan/plan.ts';
import { desiredFile, roundtrip } from '../helpers/roundtrip.ts';
import { renderSql } from '../../src/plan/render/sql.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';

const base = `
create type status as enum ('draft', 'active');
create table users (id uuid primary key default gen_random_uuid(), email text not null unique);
create table posts (
  id uuid primary key default gen_random_uuid(),
  "userId" uuid not null references users(id) on delete cascade,
  title text not null check (length(title) > 0),
  status status not null default 'draft',
  "createdAt" timestamptz not null default now()
);
create index posts_user_idx on posts ("userId");
alter table posts enable row level security;
create policy posts_owner on posts for select using ("userId" = current_setting('app.user')::uuid);
`;

describe('plan and apply against a real server', () => {
  it('creates a schema from nothing, in dependency order, and converges', async () => {
    const r = await roundtrip('', base);
    expect(isEmpty(r.replan)).toBe(true);
    const order = r.sql.map((s) => s.split(/\s+/).slice(0, 3).join(' '));
    expect(order.indexOf('CREATE TYPE public.status')).toBeLessThan(order.indexOf('CREATE TABLE public.posts'));
    expect(r.sql.findIndex((s) => s.includes('FOREIGN KEY'))).toBeGreaterThan(r.sql.findIndex((s) => s.startsWith('CREATE TABLE public.users')));
  });

  it('alters in place: add column, set default, enum value, policy, index swap', async () => {
    const to = base
      .replace(`'draft', 'active'`, `'draft', 'review', 'active'`)
      .replace(`"createdAt" timestamptz not null default now()`, `"createdAt" timestamptz not null default now(), body text default ''`)
      .replace('create index posts_user_idx on posts ("userId");', 'create index posts_user_created_idx on posts ("userId", "createdAt");')
      .concat(`create policy posts_insert on posts for insert with check ("userId" = current_setting('app.user')::uuid);`);
    const r = await roundtrip(base, to);
    expect(r.sql).toEqual([
      'DROP INDEX public.posts_user_idx',
      `ALTER TYPE public.status ADD VALUE 'review' BEFORE 'active'`,
      `ALTER TABLE public.posts ADD COLUMN body text DEFAULT ''::text`,
      'CREATE INDEX posts_user_created_idx ON public.posts USING btree ("userId", "createdAt")',
      `CREATE POLICY posts_insert ON public.posts FOR INSERT TO PUBLIC WITH CHECK (("userId" = (current_setting('app.user'::text))::uuid))`,
    ]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('commits a new enum value before a statement uses it: an array default, an uncast CHECK, rows converted to the type', async () => {
    const transactional = (r: Awaited<ReturnType<typeof roundtrip>>) =>
      r.plan.steps.flatMap((s) => s.statements).find((s) => s.sql.includes('ADD VALUE'))?.transactional;
    const arrays = await roundtrip(
      "create type e as enum ('x', 'y'); create table t (tags e[] default '{x}');",
      "create type e as enum ('x', 'y', 'z'); create table t (tags e[] default '{z,x}');",
    );
    expect(transactional(arrays)).toBe(false);
    expect(isEmpty(arrays.replan)).toBe(true);
    const check = await roundtrip(
      "create type st as enum ('a', 'b'); create table t (s st, constraint s_chk check (s in ('a', 'b')));",
      "create type st as enum ('a', 'b', 'c'); create table t (s st, constraint s_chk check (s in ('a', 'c')));",
    );
    expect(transactional(check)).toBe(false);
    expect(isEmpty(check.replan)).toBe(true);
    const converted = await roundtrip(
      "create type st as enum ('a', 'b'); create table t (id int, s text); insert into t values (1, 'a'), (2, 'c');",
      "create type st as enum ('a', 'b', 'c'); create table t (id int, s st);",
      { inspect: async (db) => (await db.query('select s::text as s from t order by id')).rows },
    );
    expect(transactional(converted)).toBe(false);
    expect(converted.inspected).toEqual([{ s: 'a' }, { s: 'c' }]);
    // Not used by anything: it stays in the plan's transaction.
    const unused = await roundtrip("create type e as enum ('x'); create table t (v e);", "create type e as enum ('x', 'w'); create table t (v e);");
    expect(transactional(unused)).toBe(true);
  });

  it('lets go of a default before its function is replaced, also when the column changes type with it', async () => {
    const r = await roundtrip(
      "create function f() returns int language sql as 'select 1'; create table t (v int default f());",
      "create function f() returns bigint language sql as 'select 1'; create table t (v bigint default f());",
    );
    const at = (p: string) => r.sql.findIndex((s) => s.startsWith(p));
    expect(at('ALTER TABLE public.t ALTER COLUMN v DROP DEFAULT')).toBeLessThan(at('DROP FUNCTION public.f()'));
    expect(at('ALTER TABLE public.t ALTER COLUMN v SET DEFAULT')).toBeGreaterThan(at('CREATE OR REPLACE FUNCTION public.f()'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('names a table rewrite only for type changes that rewrite: not for a looser varchar, text or numeric', async () => {
    const r = await roundtrip(
      'create table t (a varchar(10), b varchar(20), c numeric(10,2), d int);',
      'create table t (a varchar(50), b text, c numeric, d bigint);',
    );
    const hazardsOf = (col: string) => r.plan.steps.flatMap((s) => s.statements).filter((s) => s.sql.includes(`COLUMN ${col} TYPE`)).flatMap((s) => s.hazards.map((h) => h.code));
    expect([hazardsOf('a'), hazardsOf('b'), hazardsOf('c'), hazardsOf('d')]).toEqual([[], [], [], ['table-rewrite']]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('rebuilds the indexes and checks over an immutable function whose body changes (they would be stale)', async () => {
    const fn = (body: string) => `create function f(x int) returns int language sql immutable as 'select ${body}';`;
    const table = 'create table t (id int check (f(id) > 0)); create index t_f on t (f(id)); create table u (n int default f(1));';
    const r = await roundtrip(fn('x + 1') + table, fn('x + 2') + table);
    const at = (p: string) => r.sql.findIndex((s) => s.startsWith(p));
    expect(at('DROP INDEX public.t_f')).toBeLessThan(at('CREATE OR REPLACE FUNCTION public.f'));
    expect(at('CREATE INDEX t_f')).toBeGreaterThan(at('CREATE OR REPLACE FUNCTION public.f'));
    expect(at('ALTER TABLE public.t ADD CONSTRAINT t_id_check')).toBeGreaterThan(at('CREATE OR REPLACE FUNCTION public.f'));
    // A default is computed when a row is written: nothing of it is stale.
    expect(r.sql.some((s) => s.includes('public.u'))).toBe(false);
    expect(isEmpty(r.replan)).toBe(true);
    // What only tells the planner about the function (PARALLEL, COST) changes no value: nothing is rebuilt.
    const hinted = await roundtrip(fn('x + 1') + table, fn('x + 1').replace('immutable', 'immutable parallel safe cost 5') + table);
    expect(hinted.sql).toHaveLength(1);
    expect(hinted.sql[0]).toMatch(/^CREATE OR REPLACE FUNCTION public\.f/);
    expect(isEmpty(hinted.replan)).toBe(true);
  });

  it('never drops a table to change it: type change with USING, NOT NULL, default', async () => {
    const from = 'create table t (id int primary key, n int, s text);';
    const to = "create table t (id int primary key, n bigint not null default 0, s varchar(20));";
    const r = await roundtrip(from + 'insert into t values (1, 5, null);', to);
    expect(r.sql.some((s) => s.startsWith('DROP TABLE'))).toBe(false);
    expect(r.sql).toContain('ALTER TABLE public.t ALTER COLUMN n TYPE bigint USING n::bigint');
    expect(r.plan.steps.flatMap((s) => s.statements.flatMap((x) => x.hazards.map((h) => h.code)))).toContain('table-rewrite');
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('recreates three levels of views around a column type change', async () => {
    const views = `
      create view v1 as select id, amount from payments;
      create view v2 as select id, amount from v1 where amount > 0;
      create view v3 as select count(*) as n, sum(amount) as total from v2;`;
    const r = await roundtrip(`create table payments (id int primary key, amount int);${views}`, `create table payments (id int primary key, amount numeric(12,2));${views}`);
    const at = (prefix: string) => r.sql.findIndex((s) => s.startsWith(prefix));
    expect(at('DROP VIEW public.v3')).toBeLessThan(at('DROP VIEW public.v2'));
    expect(at('DROP VIEW public.v2')).toBeLessThan(at('DROP VIEW public.v1'));
    expect(at('DROP VIEW public.v1')).toBeLessThan(at('ALTER TABLE public.payments ALTER COLUMN amount TYPE'));
    expect(at('CREATE VIEW public.v1')).toBeLessThan(at('CREATE VIEW public.v2'));
    expect(at('CREATE VIEW public.v2')).toBeLessThan(at('CREATE VIEW public.v3'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('recreates an enum that loses a value without touching the table', async () => {
    const from = "create type mood as enum ('sad', 'ok', 'happy'); create table m (id int primary key, v mood default 'ok'); insert into m values (1, 'happy');";
    const to = "create type mood as enum ('ok', 'happy'); create table m (id int primary key, v mood default 'ok');";
    const r = await roundtrip(from, to);
    expect(r.sql.some((s) => s.startsWith('DROP TABLE') || s.includes('DROP COLUMN'))).toBe(false);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('orders drops by the current catalog: FK, policy and function before what they use', async () => {
    const from = `create table a (id int primary key); create table b (id int primary key, a_id int references a(id));
      create function allowed() returns boolean language sql as 'select true';
      alter table b enable row level security; create policy p on b using (allowed());`;
    const r = await roundtrip(from, 'create table b (id int primary key, a_id int);');
    const at = (prefix: string) => r.sql.findIndex((s) => s.startsWith(prefix));
    expect(at('ALTER TABLE public.b DROP CONSTRAINT')).toBeLessThan(at('DROP TABLE public.a'));
    expect(at('DROP POLICY')).toBeLessThan(at('DROP FUNCTION'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('alters policies in place and replaces a function whose return type changes, with its dependents', async () => {
    const from = `create table t (id int primary key, owner text);
      create function me() returns text language sql stable as $$ select current_user::text $$;
      alter table t enable row level security;
      create policy own on t for select using (owner = me());`;
    const to = `create table t (id int primary key, owner text);
      create function me() returns name language sql stable as $$ select current_user $$;
      alter table t enable row level security;
      create policy own on t for select to public using (owner = me()::text);`;
    const r = await roundtrip(from, to);
    const at = (prefix: string) => r.sql.findIndex((s) => s.startsWith(prefix));
    expect(at('DROP POLICY own')).toBeLessThan(at('DROP FUNCTION public.me()'));
    expect(at('CREATE OR REPLACE FUNCTION public.me()')).toBeLessThan(at('CREATE POLICY own'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('normalizes the desired state in embedded PGlite against a PostgreSQL 15 target', async () => {
    const r = await roundtrip('', base + 'create view recent as select id, title from posts;', { devUrl: 'embedded' });
    expect(isEmpty(r.replan)).toBe(true);
    // PostgreSQL 18 records a domain's NOT NULL as a constraint too; 15 does not: the same domain either way.
    const domain = "create type kind as enum ('a', 'b'); create domain kind_d as kind not null;";
    const same = await roundtrip(domain, domain, { devUrl: 'embedded' });
    expect(same.sql).toEqual([]);
  });
});

describe('the shadow of a desired state that does not compile', () => {
  it('is opened while the files compile, and dropped unused with the error reported', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sp-badsql-'));
    writeFileSync(path.join(dir, 'schema.sql'), 'create table ok (id int);\ncreate tabel broken (id int);\n');
    const server = serverProvider(SERVER_URL);
    const disposed: string[] = [];
    const observed: ShadowProvider = {
      key: server.key,
      async open() {
        const opened = await server.open();
        if (!opened.ok) return opened;
        const shadow = opened.value;
        const name = (await shadow.db.query<{ d: string }>('select current_database() as d')).rows[0]!.d;
        return { ok: true, value: { ...shadow, dispose: async () => (disposed.push(name), shadow.dispose()) } };
      },
    };
    try {
      const built = await buildDesiredCatalog(defaultConfig(dir), dir, observed, { cacheDir: null });
      expect(built.ok).toBe(false);
      if (!built.ok) {
        expect(built.error.message).toBe('syntax error at or near "tabel"');
        expect(built.error.location).toMatchObject({ line: 2 });
      }
      expect(disposed).toHaveLength(1);
      const admin = await connectPg(SERVER_URL);
      const left = await admin.query('select 1 from pg_database where datname = $1', [disposed[0]]);
      await admin.close();
      expect(left.rows).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reading a target while another session holds a lock', () => {
  it('gives up after the lock timeout with a message saying why, instead of waiting for the lock', async () => {
    const t = await createTestDb('sp_locked_', 'create table k (id int primary key, v int); create index k_v on k (v);');
    const holder = await connectPg(t.url);
    const reader = await connectPg(t.url);
    try {
      await holder.exec('begin; lock table k in access exclusive mode');
      await expect(introspect(reader, { schemas: ['public'], lockTimeout: '300ms' })).rejects.toThrow(/waited 300ms for a lock another session holds/);
      await holder.exec('commit');
      const catalog = await introspect(reader, { schemas: ['public'], lockTimeout: '300ms' });
      expect([...catalog.objects.values()].some((o) => o.kind === 'index' && o.id.name === 'k_v')).toBe(true);
    } finally {
      await holder.close();
      await reader.close();
      await t.drop();
    }
  });
});

describe('plan --format sql as a migration file', () => {
  it('runs as one transaction through psql-like execution, a function created before the table its body reads', async () => {
    const t = await createTestDb('sp_sqlout_', '');
    try {
      const desired = desiredFile('create function f() returns setof int language sql as $$ select id from t $$;\ncreate table t (id int);');
      const prepared = await preparePlan({ config: defaultConfig(process.cwd()), desiredPath: desired, target: { kind: 'url', url: t.url }, devUrl: SERVER_URL, noCache: true });
      if (!prepared.ok) throw new Error(prepared.error.message);
      await prepared.value.target.dispose();
      const sql = renderSql(prepared.value.plan);
      expect(sql.split('\n')[0]).toBe('SET check_function_bodies = false;');
      const db = await t.connect();
      try {
        await db.exec(`BEGIN;\n${sql}\nCOMMIT;`);
        expect((await db.query('select count(*)::int as n from f()')).rows).toEqual([{ n: 0 }]);
      } finally {
        await db.close();
      }
    } finally {
      await t.drop();
    }
  });
});
