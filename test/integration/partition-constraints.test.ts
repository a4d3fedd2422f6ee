import { describe, expect, it } from 'vitest';
import { isEmpty } from '../../src/plan/plan.ts';
import { roundtrip } from '../helpers/roundtrip.ts';

const prefix = 'sp_pcon_';
const at = (sql: readonly string[], p: string) => sql.findIndex((s) => s.startsWith(p));

/** A partition's own PRIMARY KEY / UNIQUE whose index is attached to an index of its parent. */
describe('partition constraints attached to the parent', () => {
  const table = `create table m (id bigint not null, at date not null, note text) partition by range (at);
    create table m_1 partition of m for values from ('2026-01-01') to ('2026-02-01');`;
  const inherited = `create table m (id bigint not null, at date not null, note text, primary key (id, at)) partition by range (at);
    create table m_1 partition of m for values from ('2026-01-01') to ('2026-02-01');`;
  const parentOnly = `${table} alter table only m add constraint m_pkey primary key (id, at); create unique index m_1_key on m_1 (id, at);`;
  const attached = `${table} alter table only m add constraint m_pkey primary key (id, at); create unique index m_1_key on m_1 (id, at);
    alter table m_1 add constraint m_1_key primary key using index m_1_key; alter index m_pkey attach partition m_1_key;`;

  it('creates partitions that inherit the parent key without adding it again', async () => {
    const r = await roundtrip('', inherited, { prefix });
    expect(r.sql.filter((s) => s.includes('ADD CONSTRAINT'))).toEqual([]);
    expect(r.sql.some((s) => s.startsWith('CREATE TABLE public.m_1 PARTITION OF public.m'))).toBe(true);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('plans nothing for a schema that has them', async () => {
    expect((await roundtrip(inherited, inherited, { prefix })).sql).toEqual([]);
    expect((await roundtrip(attached, attached, { prefix })).sql).toEqual([]);
  });

  it('adds a partition key on an existing partition and attaches it to the parent key', async () => {
    const r = await roundtrip(parentOnly, attached, { prefix });
    expect(r.sql).toEqual([
      'DROP INDEX public.m_1_key',
      'ALTER TABLE public.m_1 ADD CONSTRAINT m_1_key PRIMARY KEY (id, at)',
      'ALTER INDEX public.m_pkey ATTACH PARTITION public.m_1_key',
    ]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('partitions a table with a primary key', async () => {
    const r = await roundtrip('create table m (id bigint not null, at date not null, note text, primary key (id, at));', inherited, { prefix });
    expect(r.sql).toContain('DROP TABLE public.m');
    expect(r.sql.filter((s) => s.includes('ADD CONSTRAINT'))).toEqual([]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('drops the partition keys with the parent key, and with the tables', async () => {
    const noKey = await roundtrip(inherited, table, { prefix });
    expect(noKey.sql).toEqual(['ALTER TABLE public.m DROP CONSTRAINT m_pkey']);
    expect(isEmpty(noKey.replan)).toBe(true);
    const dropped = await roundtrip(attached, '', { prefix });
    expect(dropped.sql).toEqual(['DROP TABLE public.m']);
  });

  it("rebuilds a parent's unique index around a new partition whose own constraint backs it", async () => {
    const parent = `create table u (a int, b int, c int) partition by list (a); create unique index u_ab on u (a, b);
      create table r (a int, b int, foreign key (a, b) references u (a, b));`;
    const to = `create table u (a int, b int, c int) partition by list (a);
      create table u_1 partition of u (constraint u_1_own unique (a, b)) for values in (1);
      create unique index u_ab on u (a, b); create table r (a int, b int, foreign key (a, b) references u (a, b));`;
    const r = await roundtrip(parent, to, { prefix });
    expect(at(r.sql, 'ALTER TABLE public.r DROP CONSTRAINT r_a_b_fkey')).toBeLessThan(at(r.sql, 'DROP INDEX public.u_ab'));
    expect(at(r.sql, 'DROP INDEX public.u_ab')).toBeLessThan(at(r.sql, 'CREATE TABLE public.u_1'));
    expect(at(r.sql, 'CREATE TABLE public.u_1')).toBeLessThan(at(r.sql, 'CREATE UNIQUE INDEX u_ab ON public.u'));
    expect(at(r.sql, 'CREATE UNIQUE INDEX u_ab ON public.u')).toBeLessThan(at(r.sql, 'ALTER TABLE public.r ADD CONSTRAINT r_a_b_fkey'));
    expect(r.sql.find((s) => s.startsWith('CREATE TABLE public.u_1'))).toContain('CONSTRAINT u_1_own UNIQUE (a, b)');
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('tables that become partitioned', () => {
  it('drops a foreign key that goes before the unique index it uses, when both tables are replaced', async () => {
    const from = `create table p (a int, b int); create unique index p_ab on p (a, b);
      create table q (a int, b int); create unique index q_ab on q (a, b);
      alter table q add constraint q_p foreign key (a, b) references p (a, b);
      alter table p add constraint p_q foreign key (a, b) references q (a, b);`;
    const to = `create table p (a int, b int) partition by list (a); create unique index p_ab on p (a, b);
      create table q (a int, b int) partition by list (a); create unique index q_ab on q (a, b);`;
    const r = await roundtrip(from, to, { prefix });
    expect(at(r.sql, 'ALTER TABLE public.q DROP CONSTRAINT q_p')).toBeLessThan(at(r.sql, 'DROP INDEX public.p_ab'));
    expect(at(r.sql, 'ALTER TABLE public.p DROP CONSTRAINT p_q')).toBeLessThan(at(r.sql, 'DROP INDEX public.q_ab'));
    expect(isEmpty(r.replan)).toBe(true);
  });

  it("drops the serial sequence of a table that becomes a partition and takes its parent's default", async () => {
    const from = 'create table p (id serial, at int); create table p_1 (id serial, at int);';
    const to = 'create table p (id serial, at int) partition by list (at); create table p_1 partition of p for values in (1);';
    const r = await roundtrip(from, to, { prefix });
    expect(r.sql).toContain('DROP SEQUENCE public.p_1_id_seq');
    expect(at(r.sql, "ALTER TABLE public.p_1 ALTER COLUMN id SET DEFAULT nextval('public.p_id_seq'::regclass)")).toBeLessThan(at(r.sql, 'DROP SEQUENCE public.p_1_id_seq'));
    expect(isEmpty(r.replan)).toBe(true);
  });
});

describe('partitions that become tables of their own', () => {
  it('are detached, keeping their columns and rows: no column is added again', async () => {
    const parent = 'create table m (id int, k int) partition by list (k); create table m1 partition of m for values in (1);';
    const r = await roundtrip(`${parent} create table m2 partition of m for values in (2); insert into m values (7, 2);`, `${parent} create table m2 (id int, k int);`, {
      inspect: async (db) => (await db.query('select id, k from only m2')).rows,
    });
    expect(r.sql).toEqual(['ALTER TABLE public.m DETACH PARTITION public.m2']);
    expect(r.inspected).toEqual([{ id: 7, k: 2 }]);
    expect(isEmpty(r.replan)).toBe(true);
  });
});
