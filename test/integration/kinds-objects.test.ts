import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../src/db/queryable.ts';
import { isEmpty } from '../../src/plan/plan.ts';
import { roundtrip } from '../helpers/roundtrip.ts';

const prefix = 'sp_kinds_';
const at = (sql: readonly string[], p: string) => sql.findIndex((s) => s.startsWith(p));

describe('aggregates', () => {
  const fn = `create function add_int(a integer, b integer) returns integer language sql immutable as 'select a + b';`;
  const agg = `create aggregate total(integer) (sfunc = add_int, stype = integer, initcond = '0');`;

  it('creates after its state function, alters in place, drops before it', async () => {
    const created = await roundtrip(fn, fn + agg, { prefix });
    expect(created.sql).toEqual(["CREATE OR REPLACE AGGREGATE public.total(integer) (SFUNC = public.add_int, STYPE = integer, INITCOND = '0')"]);
    expect(isEmpty(created.replan)).toBe(true);
    const altered = await roundtrip(fn + agg, fn + agg.replace("'0'", "'10'") + `comment on aggregate total(integer) is 'sum';`, { prefix });
    expect(altered.sql).toEqual([
      "CREATE OR REPLACE AGGREGATE public.total(integer) (SFUNC = public.add_int, STYPE = integer, INITCOND = '10')",
      "COMMENT ON AGGREGATE public.total(integer) IS 'sum'",
    ]);
    const dropped = await roundtrip(fn + agg, '', { prefix });
    expect(dropped.sql).toEqual(['DROP AGGREGATE public.total(integer)', 'DROP FUNCTION public.add_int(integer, integer)']);
  });

  it('is recreated with a view that uses it when its state function must be replaced', async () => {
    const view = `create table t (n integer); create view v as select total(n) as s from t;`;
    // New argument names: CREATE OR REPLACE cannot change them, so the function is dropped and created again.
    const to = `create function add_int(x integer, y integer) returns integer language sql immutable as 'select x + y';
      ${agg} ${view}`;
    const r = await roundtrip(fn + agg + view, to, { prefix });
    expect(at(r.sql, 'DROP VIEW public.v')).toBeLessThan(at(r.sql, 'DROP AGGREGATE public.total(integer)'));
    expect(at(r.sql, 'DROP AGGREGATE')).toBeLessThan(at(r.sql, 'DROP FUNCTION public.add_int'));
    expect(at(r.sql, 'CREATE OR REPLACE AGGREGATE')).toBeLessThan(at(r.sql, 'CREATE VIEW public.v'));
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('tables that inherit (INHERITS)', () => {
  it("leave the columns they only inherit to their parent: added, retyped and generated there", async () => {
    const from = "create table base (id int, a text, g text generated always as (a || '!') stored); create table child (extra int) inherits (base); insert into child (id, a, extra) values (1, 'x', 2);";
    const to = "create table base (id bigint, a text, g text generated always as (a || '!') stored, x int); create table child (extra int) inherits (base);";
    const r = await roundtrip(from, to, { prefix, inspect: async (db) => (await db.query('select id::int as id, g, extra from child')).rows });
    expect(r.sql).toEqual(['ALTER TABLE public.base ALTER COLUMN id TYPE bigint USING id::bigint', 'ALTER TABLE public.base ADD COLUMN x integer']);
    expect(r.inspected).toEqual([{ id: 1, g: 'x!', extra: 2 }]);
    expect(isEmpty(r.replan)).toBe(true);
    // Leaving the parent, the child keeps what it inherited as its own columns.
    const left = await roundtrip('create table base (id int, a text); create table child (extra int) inherits (base);', 'create table base (id int, a text); create table child (id int, a text, extra int);', { prefix });
    expect(left.sql[0]).toBe('ALTER TABLE public.child NO INHERIT public.base');
    expect(left.sql.slice(1).sort()).toEqual(['a text', 'id integer'].map((c) => `ALTER TABLE public.child ADD COLUMN IF NOT EXISTS ${c}`));
    expect(isEmpty(left.replan)).toBe(true);
    // Joining one, it gets the parent's columns it lacks first.
    const joined = await roundtrip('create table base (id int not null, a text); create table child (extra int);', 'create table base (id int not null, a text); create table child (extra int) inherits (base);', { prefix });
    expect(joined.sql).toEqual(['ALTER TABLE public.child ADD COLUMN id integer NOT NULL', 'ALTER TABLE public.child ADD COLUMN a text', 'ALTER TABLE public.child INHERIT public.base']);
    expect(isEmpty(joined.replan)).toBe(true);
    const created = await roundtrip('', to, { prefix });
    expect(created.sql.find((s) => s.startsWith('CREATE TABLE public.child'))).toBe('CREATE TABLE public.child (\n  extra integer\n) INHERITS (public.base)');
    expect(isEmpty(created.replan)).toBe(true);
  });
});

describe('foreign keys whose columns change type on both sides', () => {
  it('are dropped before the columns change and added after, keeping the rows', async () => {
    const rows = async (db: Queryable) => (await db.query('select pid from c')).rows;
    const r = await roundtrip(
      'create table p (id int primary key); create table c (pid int references p); insert into p values (1); insert into c values (1);',
      'create table p (id text primary key); create table c (pid text references p);',
      { prefix, inspect: rows },
    );
    expect(at(r.sql, 'ALTER TABLE public.c DROP CONSTRAINT c_pid_fkey')).toBeLessThan(at(r.sql, 'ALTER TABLE public.p ALTER COLUMN id TYPE text'));
    expect(at(r.sql, 'ALTER TABLE public.c ADD CONSTRAINT c_pid_fkey')).toBeGreaterThan(at(r.sql, 'ALTER TABLE public.c ALTER COLUMN pid TYPE text'));
    expect(r.inspected).toEqual([{ pid: '1' }]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('are dropped and added around an enum both sides hold when it loses a value', async () => {
    const tables = 'create table p (code cur primary key); create table c (code cur references p);';
    const r = await roundtrip(
      `create type cur as enum ('eur', 'usd', 'xxx'); ${tables} insert into p values ('eur'); insert into c values ('eur');`,
      `create type cur as enum ('eur', 'usd'); ${tables}`,
      { prefix },
    );
    expect(at(r.sql, 'ALTER TABLE public.c DROP CONSTRAINT c_code_fkey')).toBeLessThan(at(r.sql, 'ALTER TYPE public.cur RENAME TO cur__old'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('stay when only one side changes type', async () => {
    const r = await roundtrip('create table p (id bigint primary key); create table c (pid int references p);', 'create table p (id bigint primary key); create table c (pid bigint references p);', { prefix });
    expect(r.sql).toEqual(['ALTER TABLE public.c ALTER COLUMN pid TYPE bigint USING pid::bigint']);
  });
});

describe('storage parameters of a key\'s index', () => {
  it('are read, created with the table, and changed by adding the key again', async () => {
    const created = await roundtrip('', 'create table r (id int primary key with (fillfactor = 80), u int unique with (fillfactor = 70) deferrable);', { prefix });
    expect(created.sql[0]).toContain('PRIMARY KEY (id) WITH (fillfactor=80)');
    expect(created.sql[0]).toContain('UNIQUE (u) WITH (fillfactor=70) DEFERRABLE');
    expect(isEmpty(created.replan)).toBe(true);
    const changed = await roundtrip('create table r (id int primary key);', 'create table r (id int primary key with (fillfactor = 80));', { prefix });
    expect(changed.sql).toEqual(['ALTER TABLE public.r DROP CONSTRAINT r_pkey', 'ALTER TABLE public.r ADD CONSTRAINT r_pkey PRIMARY KEY (id) WITH (fillfactor=80)']);
    expect(isEmpty(changed.replan)).toBe(true);
  });
});

describe('constraints changed in place', () => {
  it('validates a NOT VALID constraint instead of dropping and adding it', async () => {
    const tables = 'create table p (id int primary key); create table c (pid int, n int);';
    const r = await roundtrip(
      `${tables} alter table c add constraint c_fk foreign key (pid) references p (id) not valid; alter table c add constraint n_pos check (n > 0) not valid;`,
      `${tables} alter table c add constraint c_fk foreign key (pid) references p (id); alter table c add constraint n_pos check (n > 0);`,
      { prefix },
    );
    expect(r.sql.sort()).toEqual(['ALTER TABLE public.c VALIDATE CONSTRAINT c_fk', 'ALTER TABLE public.c VALIDATE CONSTRAINT n_pos']);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it("changes a foreign key's deferrability with ALTER CONSTRAINT, and back", async () => {
    const tables = 'create table p (id int primary key); create table c (pid int);';
    const deferred = `${tables} alter table c add constraint c_fk foreign key (pid) references p (id) deferrable initially deferred;`;
    const plain = `${tables} alter table c add constraint c_fk foreign key (pid) references p (id);`;
    const there = await roundtrip(plain, deferred, { prefix });
    expect(there.sql).toEqual(['ALTER TABLE public.c ALTER CONSTRAINT c_fk DEFERRABLE INITIALLY DEFERRED']);
    expect(isEmpty(there.replan)).toBe(true);
    const back = await roundtrip(deferred, plain, { prefix });
    expect(back.sql).toEqual(['ALTER TABLE public.c ALTER CONSTRAINT c_fk NOT DEFERRABLE']);
    expect(isEmpty(back.replan)).toBe(true);
  });

  it('drops and adds what ALTER cannot change: a valid constraint made NOT VALID, a new expression', async () => {
    const r = await roundtrip('create table t (n int, constraint n_pos check (n > 0));', 'create table t (n int, constraint n_pos check (n > 1));', { prefix });
    expect(r.sql).toEqual(['ALTER TABLE public.t DROP CONSTRAINT n_pos', 'ALTER TABLE public.t ADD CONSTRAINT n_pos CHECK ((n > 1))']);
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('composite types used by columns', () => {
  it('are recreated around their columns when an attribute changes type, keeping the rows', async () => {
    const r = await roundtrip('create type pair as (a int, b int); create table t (p pair); insert into t values (row(1, 2));', 'create type pair as (a bigint, b int); create table t (p pair);', {
      prefix,
      inspect: async (db) => (await db.query('select (p).a::text as a, (p).b as b from t')).rows,
    });
    expect(r.sql).toEqual([
      'ALTER TYPE public.pair RENAME TO pair__old',
      'CREATE TYPE public.pair AS (a bigint, b integer)',
      'ALTER TABLE public.t ALTER COLUMN p TYPE public.pair USING p::text::public.pair',
      'DROP TYPE public.pair__old',
    ]);
    expect(r.inspected).toEqual([{ a: '1', b: 2 }]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('are altered in place when no column holds them', async () => {
    const r = await roundtrip('create type pair as (a int, b int);', 'create type pair as (a bigint, b int);', { prefix });
    expect(r.sql).toEqual(['ALTER TYPE public.pair ALTER ATTRIBUTE a TYPE bigint']);
  });
});

describe('types built on an enum that is recreated', () => {
  it('are dropped and created around it when no column holds them', async () => {
    const r = await roundtrip(
      "create type e as enum ('x', 'y', 'z'); create domain de as e; create type c as (v e);",
      "create type e as enum ('x', 'y'); create domain de as e; create type c as (v e);",
      { prefix },
    );
    expect(at(r.sql, 'DROP DOMAIN public.de')).toBeLessThan(at(r.sql, 'DROP TYPE public.e__old'));
    expect(at(r.sql, 'CREATE DOMAIN public.de')).toBeGreaterThan(at(r.sql, 'CREATE TYPE public.e AS ENUM'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('are recreated around their own columns when the enum they are built on loses a value, keeping the rows', async () => {
    const types = (values: string) => `create type e as enum (${values}); create domain de as e; create type c as (v e, n int);`;
    const table = 'create table t (id int, d de, c c);';
    const r = await roundtrip(`${types("'x', 'y', 'z'")} ${table} insert into t values (1, 'x', row('y', 2));`, `${types("'x', 'y'")} ${table}`, {
      prefix,
      inspect: async (db) => (await db.query('select id, d::text as d, (c).v::text as v, (c).n as n from t')).rows,
    });
    expect(r.sql).toContain('ALTER TABLE public.t ALTER COLUMN d TYPE public.de USING d::text::public.de');
    expect(r.sql).toContain('ALTER TABLE public.t ALTER COLUMN c TYPE public.c USING c::text::public.c');
    // Each old type goes once nothing uses it: the domain's and the composite's before the enum's.
    expect(at(r.sql, 'DROP DOMAIN public.de__old')).toBeLessThan(at(r.sql, 'DROP TYPE public.e__old'));
    expect(at(r.sql, 'DROP TYPE public.c__old')).toBeLessThan(at(r.sql, 'DROP TYPE public.e__old'));
    expect(r.inspected).toEqual([{ id: 1, d: 'x', v: 'y', n: 2 }]);
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('domains used by columns', () => {
  it('are recreated around their columns when the base type changes, keeping the rows', async () => {
    const from = "create domain d as varchar(10); create table t (id int, v d default 'x'); insert into t values (1, 'abc');";
    const r = await roundtrip(from, "create domain d as varchar(50); create table t (id int, v d default 'x');", {
      prefix,
      inspect: async (db) => (await db.query('select id, v from t')).rows,
    });
    expect(r.sql.slice(0, 2)).toEqual(['ALTER TABLE public.t ALTER COLUMN v DROP DEFAULT', 'ALTER DOMAIN public.d RENAME TO d__old']);
    expect(r.sql).toContain('ALTER TABLE public.t ALTER COLUMN v TYPE public.d USING v::character varying(50)::public.d');
    expect(r.sql.slice(-2)).toEqual(["ALTER TABLE public.t ALTER COLUMN v SET DEFAULT 'x'::character varying", 'DROP DOMAIN public.d__old']);
    expect(r.inspected).toEqual([{ id: 1, v: 'abc' }]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('let go of a check calling a function that is replaced, and take it back', async () => {
    const fn = (arg: string) => `create function ok(x ${arg}) returns boolean language sql immutable as 'select x > 0';`;
    const r = await roundtrip(`${fn('int')} create domain d as int check (ok(value)); create table t (v d);`, `${fn('bigint')} create domain d as int check (public.ok(value::bigint)); create table t (v d);`, { prefix });
    const at = (p: string) => r.sql.findIndex((s) => s.startsWith(p));
    expect(at('ALTER DOMAIN public.d DROP CONSTRAINT')).toBeLessThan(at('DROP FUNCTION public.ok(integer)'));
    expect(at('ALTER DOMAIN public.d ADD CONSTRAINT')).toBeGreaterThan(at('CREATE OR REPLACE FUNCTION public.ok(x bigint)'));
    expect(r.sql.some((s) => s.startsWith('DROP DOMAIN'))).toBe(false);
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('stored generated columns', () => {
  const hazards = (r: { plan: { steps: readonly { statements: readonly { hazards: readonly { code: string }[] }[] }[] } }) =>
    r.plan.steps.flatMap((s) => s.statements.flatMap((x) => x.hazards.map((h) => h.code)));
  const rows = async (db: { query: (sql: string) => Promise<{ rows: unknown[] }> }) => (await db.query('select a, b from t order by a')).rows;

  it('keeps the computed values as ordinary ones when the column stops being generated', async () => {
    const from = 'create table t (a int, b int generated always as (a * 2) stored); insert into t (a) values (1), (2);';
    const r = await roundtrip(from, 'create table t (a int, b int);', { prefix, inspect: rows });
    expect(r.sql).toEqual(['ALTER TABLE public.t ALTER COLUMN b DROP EXPRESSION']);
    expect(r.inspected).toEqual([{ a: 1, b: 2 }, { a: 2, b: 4 }]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('is dropped and added again when its expression changes: a rewrite, not data loss', async () => {
    const from = 'create table t (a int, b int generated always as (a * 2) stored); insert into t (a) values (1), (2);';
    const r = await roundtrip(from, 'create table t (a int, b int generated always as (a * 3) stored);', { prefix, inspect: rows });
    expect(r.sql).toEqual(['ALTER TABLE public.t DROP COLUMN b', 'ALTER TABLE public.t ADD COLUMN b integer GENERATED ALWAYS AS ((a * 3)) STORED']);
    expect(hazards(r)).toEqual(['table-rewrite']);
    expect(r.inspected).toEqual([{ a: 1, b: 3 }, { a: 2, b: 6 }]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('is computed anew when a column it reads changes type, or an immutable function it calls changes body', async () => {
    const retyped = await roundtrip('create table t (a int, g int generated always as (a * 2) stored); insert into t (a) values (2);', 'create table t (a bigint, g int generated always as (a * 2) stored);', { prefix, inspect: async (db) => (await db.query('select a, g from t')).rows });
    expect(at(retyped.sql, 'ALTER TABLE public.t DROP COLUMN g')).toBeLessThan(at(retyped.sql, 'ALTER TABLE public.t ALTER COLUMN a TYPE bigint'));
    expect(retyped.inspected).toEqual([{ a: '2', g: 4 }]);
    expect(isEmpty(retyped.replan)).toBe(true);
    const fn = (body: string) => `create function f(x int) returns int language sql immutable as 'select ${body}';`;
    const table = 'create table t (a int, g int generated always as (f(a)) stored);';
    const rebody = await roundtrip(`${fn('x')} ${table} insert into t (a) values (1);`, `${fn('x * 10')} ${table}`, { prefix, inspect: async (db) => (await db.query('select a, g from t')).rows });
    expect(rebody.inspected).toEqual([{ a: 1, g: 10 }]);
    expect(isEmpty(rebody.replan)).toBe(true);
  });

  it('is data loss when a type change rounds or cuts values, and a table rewrite only when it keeps them', async () => {
    const rounded = await roundtrip('create table t (amount numeric(10,2));', 'create table t (amount numeric(10,0));', { prefix });
    expect(hazards(rounded)).toEqual(['table-rewrite', 'data-loss']);
    const widened = await roundtrip('create table t (amount numeric(10,2));', 'create table t (amount numeric(12,2));', { prefix });
    expect(hazards(widened)).toEqual(['table-rewrite']);
  });

  it('is data loss when an ordinary column becomes generated: its stored values are replaced', async () => {
    const r = await roundtrip('create table t (a int, b int);', 'create table t (a int, b int generated always as (a * 2) stored);', { prefix });
    expect(hazards(r)).toContain('data-loss');
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('identity columns and sequences', () => {
  it('drops an identity before a serial takes its sequence name, and numbers on after the existing rows', async () => {
    const r = await roundtrip("create table t (id int generated by default as identity primary key, v text); insert into t (v) values ('a'), ('b');", 'create table t (id serial primary key, v text);', {
      prefix,
      inspect: async (db) => (await db.query("insert into t (v) values ('c') returning id")).rows,
    });
    expect(at(r.sql, 'ALTER TABLE public.t ALTER COLUMN id DROP IDENTITY')).toBeLessThan(at(r.sql, 'CREATE SEQUENCE public.t_id_seq'));
    expect(r.inspected).toEqual([{ id: 3 }]);
    expect(r.sql.filter((s) => s.includes('DROP IDENTITY'))).toHaveLength(1);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('alters identity sequence options in place', async () => {
    const from = 'create table t (id bigint generated always as identity (start with 1 increment by 1), v text);';
    const to = 'create table t (id bigint generated by default as identity (start with 100 increment by 5 cycle), v text);';
    const r = await roundtrip(from, to, { prefix });
    expect(r.sql).toEqual(['ALTER TABLE public.t ALTER COLUMN id SET GENERATED BY DEFAULT', 'ALTER TABLE public.t ALTER COLUMN id SET START WITH 100 SET INCREMENT BY 5 SET CYCLE']);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('adds an identity to a nullable column, setting NOT NULL first', async () => {
    const r = await roundtrip('create table t (id bigint);', 'create table t (id bigint generated always as identity);', { prefix });
    expect(at(r.sql, 'ALTER TABLE public.t ALTER COLUMN id SET NOT NULL')).toBeLessThan(at(r.sql, 'ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('turns a serial into an identity whose sequence keeps the usual name', async () => {
    const r = await roundtrip('create table t (id serial);', 'create table t (id int generated always as identity);', { prefix });
    expect(at(r.sql, 'DROP SEQUENCE public.t_id_seq')).toBeLessThan(at(r.sql, 'ALTER TABLE public.t ALTER COLUMN id ADD GENERATED'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('numbers a new identity on after the rows a serial or plain column already holds, or from its start above them', async () => {
    const next = async (db: Queryable) => (await db.query<{ id: number }>("insert into t (v) values ('new') returning id")).rows;
    const serial = await roundtrip("create table t (id serial primary key, v text); insert into t (v) values ('a'), ('b');", 'create table t (id int generated by default as identity primary key, v text);', { prefix, inspect: next });
    expect(serial.inspected).toEqual([{ id: 3 }]);
    expect(isEmpty(serial.replan)).toBe(true);
    const plain = await roundtrip('create table t (id int primary key, v text); insert into t values (7, null);', 'create table t (id int generated by default as identity primary key, v text);', { prefix, inspect: next });
    expect(plain.inspected).toEqual([{ id: 8 }]);
    const above = await roundtrip('create table t (id int primary key, v text); insert into t values (7, null);', 'create table t (id int generated by default as identity (start with 100) primary key, v text);', { prefix, inspect: next });
    expect(above.inspected).toEqual([{ id: 100 }]);
    expect(isEmpty(above.replan)).toBe(true);
  });

  it('moves a sequence to another owner: released before the old table is dropped, owned after the new exists', async () => {
    const from = 'create table a (id int); create sequence s owned by a.id;';
    const to = 'create table b (id int); create sequence s owned by b.id;';
    const r = await roundtrip(from, to, { prefix });
    expect(at(r.sql, 'ALTER SEQUENCE public.s OWNED BY NONE')).toBeLessThan(at(r.sql, 'DROP TABLE public.a'));
    expect(at(r.sql, 'CREATE TABLE public.b')).toBeLessThan(at(r.sql, 'ALTER SEQUENCE public.s OWNED BY public.b.id'));
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('tables', () => {
  it('sets replica identity, including on a new table', async () => {
    const r = await roundtrip('create table t (id int primary key);', 'create table t (id int primary key); alter table t replica identity full; create table u (id int primary key); alter table u replica identity using index u_pkey;', { prefix });
    expect(r.sql).toEqual(expect.arrayContaining(['ALTER TABLE ONLY public.t REPLICA IDENTITY FULL', 'ALTER TABLE ONLY public.u REPLICA IDENTITY USING INDEX u_pkey']));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('adds a NOT VALID check after CREATE TABLE, where NOT VALID means something', async () => {
    const r = await roundtrip('', 'create table t (n int); alter table t add constraint positive check (n > 0) not valid;', { prefix });
    expect(r.sql).toContain('ALTER TABLE public.t ADD CONSTRAINT positive CHECK ((n > 0)) NOT VALID');
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('recreates a table that becomes partitioned with its serial, index and the view reading it', async () => {
    const view = 'create view totals as select sum(n) as n from t;';
    const from = `create table t (id serial, at date not null, n int); create index t_at on t (at); ${view}`;
    const to = `create table t (id serial, at date not null, n int) partition by range (at);
      create table t_2026 partition of t for values from ('2026-01-01') to ('2027-01-01'); create index t_at on t (at); ${view}`;
    const r = await roundtrip(from, to, { prefix });
    expect(at(r.sql, 'DROP VIEW public.totals')).toBeLessThan(at(r.sql, 'DROP TABLE public.t'));
    expect(at(r.sql, 'ALTER SEQUENCE public.t_id_seq OWNED BY NONE')).toBeLessThan(at(r.sql, 'DROP TABLE public.t'));
    expect(at(r.sql, 'CREATE VIEW public.totals')).toBeGreaterThan(at(r.sql, 'CREATE TABLE public.t '));
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('partitions', () => {
  const parent = `create table e (id bigint not null, at date not null, note text, prio int default 0) partition by range (at);
    create table e_1 partition of e for values from ('2026-01-01') to ('2026-02-01');`;

  it('creates an index on a partitioned table valid at once, usable by a foreign key', async () => {
    const to = `${parent} create unique index e_key on e (id, at); create table r (id bigint, at date, foreign key (id, at) references e (id, at));`;
    const r = await roundtrip(parent, to, { prefix });
    expect(r.sql).toContain('CREATE UNIQUE INDEX e_key ON public.e USING btree (id, at)');
    expect(at(r.sql, 'CREATE UNIQUE INDEX e_key')).toBeLessThan(at(r.sql, 'ALTER TABLE public.r ADD CONSTRAINT'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('attaches an explicitly named partition index under an existing parent index', async () => {
    const from = `${parent} create index e_note on only e (note);`;
    const to = `${parent} create index e_note on only e (note); create index e_1_note_custom on e_1 (note); alter index e_note attach partition e_1_note_custom;`;
    const r = await roundtrip(from, to, { prefix });
    expect(r.sql).toEqual(['CREATE INDEX IF NOT EXISTS e_1_note_custom ON public.e_1 USING btree (note)', 'ALTER INDEX public.e_note ATTACH PARTITION public.e_1_note_custom']);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('keeps, adds and removes column overrides of a partition', async () => {
    const withOverride = parent.replace("for values from ('2026-01-01')", "(prio default 5, note not null) for values from ('2026-01-01')");
    const added = await roundtrip(parent, withOverride, { prefix });
    expect(added.sql.sort()).toEqual(['ALTER TABLE public.e_1 ALTER COLUMN note SET NOT NULL', 'ALTER TABLE public.e_1 ALTER COLUMN prio SET DEFAULT 5']);
    expect(isEmpty(added.replan)).toBe(true);
    const removed = await roundtrip(withOverride, parent, { prefix });
    expect(removed.sql.sort()).toEqual(['ALTER TABLE public.e_1 ALTER COLUMN note DROP NOT NULL', 'ALTER TABLE public.e_1 ALTER COLUMN prio SET DEFAULT 0']);
    expect(isEmpty(removed.replan)).toBe(true);
    const created = await roundtrip('', withOverride, { prefix });
    expect(created.sql.some((s) => s.includes('PARTITION OF public.e (\n  note NOT NULL,\n  prio DEFAULT 5\n)') || s.includes('prio DEFAULT 5'))).toBe(true);
    expect(isEmpty(created.replan)).toBe(true);
  });

  it('drops a partitioned table with its partitions, foreign keys between dropped tables first', async () => {
    const from = `${parent} create unique index e_key on e (id, at);
      create table r (id bigint, at date, unique (id, at)) partition by range (at);
      create table r_1 partition of r for values from ('2026-01-01') to ('2026-02-01');
      alter table r add constraint r_e foreign key (id, at) references e (id, at);
      alter table e add constraint e_r foreign key (id, at) references r (id, at);`;
    const r = await roundtrip(from, '', { prefix });
    expect(r.sql.filter((s) => s.startsWith('DROP TABLE')).sort()).toEqual(['DROP TABLE public.e', 'DROP TABLE public.r']);
    expect(at(r.sql, 'ALTER TABLE public.e DROP CONSTRAINT e_r')).toBeLessThan(at(r.sql, 'DROP TABLE'));
  });
});

describe('comments on the attributes of composite types', () => {
  const type = 'create type money_t as (amount numeric, currency text);';
  it('are created with the type, changed in place, and go with a dropped attribute', async () => {
    const commented = type + `comment on column money_t.amount is 'in cents'; comment on column money_t.currency is 'ISO 4217';`;
    const created = await roundtrip('', commented, { prefix });
    expect(created.sql.slice(1)).toEqual(["COMMENT ON COLUMN public.money_t.amount IS 'in cents'", "COMMENT ON COLUMN public.money_t.currency IS 'ISO 4217'"]);
    expect(isEmpty(created.replan)).toBe(true);
    const changed = await roundtrip(commented, 'create type money_t as (amount numeric);' + `comment on column money_t.amount is 'in euro cents';`, { prefix });
    expect(changed.sql).toEqual(['ALTER TYPE public.money_t DROP ATTRIBUTE currency', "COMMENT ON COLUMN public.money_t.amount IS 'in euro cents'"]);
    expect(isEmpty(changed.replan)).toBe(true);
  });
});

describe('comments on the columns of views and materialized views', () => {
  const table = 'create table t (id int primary key, name text, price numeric);';
  const view = 'create view v as select id, name from t;';
  const matview = 'create materialized view m as select id, price from t;';
  const comments = `comment on column v.id is 'the key'; comment on column v.name is 'who'; comment on column m.price is 'in cents';`;

  it('are created with the view, changed and removed one by one, and kept when the view is replaced', async () => {
    const created = await roundtrip(table, table + view + matview + comments, { prefix });
    expect(created.sql).toEqual(expect.arrayContaining(["COMMENT ON COLUMN public.v.id IS 'the key'", "COMMENT ON COLUMN public.m.price IS 'in cents'"]));
    expect(at(created.sql, 'CREATE VIEW public.v')).toBeLessThan(at(created.sql, 'COMMENT ON COLUMN public.v.id'));
    expect(isEmpty(created.replan)).toBe(true);

    const changed = await roundtrip(
      table + view + matview + comments,
      table + view + matview + `comment on column v.id is 'the new key'; comment on column m.id is 'row';`,
      { prefix },
    );
    expect(changed.sql.sort()).toEqual([
      "COMMENT ON COLUMN public.m.id IS 'row'",
      'COMMENT ON COLUMN public.m.price IS NULL',
      "COMMENT ON COLUMN public.v.id IS 'the new key'",
      'COMMENT ON COLUMN public.v.name IS NULL',
    ]);
    expect(isEmpty(changed.replan)).toBe(true);

    // A column appended by CREATE OR REPLACE VIEW gets its comment after the view has it.
    const appended = await roundtrip(
      table + view + comments.split(';')[0] + ';',
      table + 'create view v as select id, name, price from t;' + `comment on column v.id is 'the key'; comment on column v.price is 'in cents';`,
      { prefix },
    );
    expect(appended.sql).toHaveLength(2);
    expect(appended.sql[0]).toMatch(/^CREATE OR REPLACE VIEW public\.v AS/);
    expect(appended.sql[1]).toBe("COMMENT ON COLUMN public.v.price IS 'in cents'");
    expect(isEmpty(appended.replan)).toBe(true);
  });

  it('are put back when the view is dropped and created again around a column type change', async () => {
    const from = table + view + `comment on column v.name is 'who';`;
    const r = await roundtrip(from, from.replace('name text', 'name varchar(20)'), { prefix });
    expect(at(r.sql, 'DROP VIEW public.v')).toBeLessThan(at(r.sql, 'ALTER TABLE public.t ALTER COLUMN name'));
    expect(at(r.sql, 'CREATE VIEW public.v')).toBeLessThan(at(r.sql, "COMMENT ON COLUMN public.v.name IS 'who'"));
    expect(isEmpty(r.replan)).toBe(true);
  });
});
