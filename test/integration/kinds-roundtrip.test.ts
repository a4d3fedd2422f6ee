import { describe, expect, it } from 'vitest';
import { isEmpty } from '../../src/plan/plan.ts';
import { roundtrip } from '../helpers/roundtrip.ts';

/**
 * Per kind: create from nothing, alter from → to, and drop; every plan applies and converges (planning again
 * yields nothing). `expect` lists statements (their beginnings) the alter must contain, at least one per kind, so an
 * in-place change is not silently a drop and create.
 */
const CASES: { kind: string; from: string; to: string; expect: [string, ...string[]] }[] = [
  {
    kind: 'trigger (WHEN, transition table, constraint trigger, enabled state)',
    from: `create table t (n int); create function f() returns trigger language plpgsql as $$ begin return null; end $$;
      create trigger a after insert on t referencing new table as added for each statement execute function f();
      create constraint trigger c after insert on t deferrable initially deferred for each row when (new.n > 0) execute function f();`,
    to: `create table t (n int); create function f() returns trigger language plpgsql as $$ begin return null; end $$;
      create trigger a after insert on t referencing new table as added for each statement execute function f();
      alter table t disable trigger a;
      create constraint trigger c after insert on t deferrable initially deferred for each row when (new.n > 1) execute function f();`,
    expect: ['ALTER TABLE public.t DISABLE TRIGGER a'],
  },
  {
    kind: 'function (overloads, BEGIN ATOMIC, attributes)',
    from: `create function f(a int) returns int language sql immutable as 'select a';
      create function f(a text) returns text language sql begin atomic select a; end;`,
    to: `create function f(a int) returns int language sql stable strict security definer set search_path = pg_catalog as 'select a';
      create function f(a text) returns text language sql begin atomic select a || '!'; end;`,
    expect: ['CREATE OR REPLACE FUNCTION public.f(a integer)', 'CREATE OR REPLACE FUNCTION public.f(a text)'],
  },
  {
    kind: 'view (security_invoker)',
    from: 'create table t (n int); create view v as select n from t;',
    to: 'create table t (n int); create view v with (security_invoker = true) as select n from t;',
    expect: ['ALTER VIEW public.v SET (security_invoker=true)'],
  },
  {
    kind: 'domain, composite and range types',
    from: `create domain d as int check (value > 0); create type c as (a int); create type r as range (subtype = int4);`,
    to: `create domain d as int default 1 not null check (value > 0); create type c as (a int, b text); create type r as range (subtype = int4);
      comment on type r is 'range';`,
    expect: ['ALTER TYPE public.c ADD ATTRIBUTE b text', 'ALTER DOMAIN public.d SET DEFAULT 1', 'ALTER DOMAIN public.d SET NOT NULL', "COMMENT ON TYPE public.r IS 'range'"],
  },
  {
    kind: 'exclusion constraint, inheritance, unlogged, storage parameters, comments',
    from: `create extension if not exists btree_gist; create table p (id int); create table c (x tsrange) ;
      create table u (k int);`,
    to: `create extension if not exists btree_gist; create table p (id int); create table c (x tsrange, exclude using gist (x with &&)) inherits (p);
      create unlogged table u (k int) with (fillfactor = 50); comment on column u.k is 'key';`,
    expect: ['ALTER TABLE public.c INHERIT public.p', 'ALTER TABLE public.u SET UNLOGGED', 'ALTER TABLE public.u SET (fillfactor=50)'],
  },
  {
    kind: 'sequence (options, OWNED BY)',
    from: 'create table t (id int); create sequence s;',
    to: 'create table t (id int); create sequence s increment by 2 owned by t.id;',
    expect: ['ALTER SEQUENCE public.s OWNED BY public.t.id'],
  },
];

describe.each(CASES)('$kind', ({ from, to, expect: expected }) => {
  it('creates, alters in place and drops, converging each time', async () => {
    const created = await roundtrip('', to, { prefix: 'sp_kinds_' });
    expect(isEmpty(created.replan), created.sql.join('\n')).toBe(true);
    const altered = await roundtrip(from, to, { prefix: 'sp_kinds_' });
    for (const s of expected) expect(altered.sql.some((x) => x.startsWith(s)), `${s}\n---\n${altered.sql.join('\n')}`).toBe(true);
    expect(altered.sql.length).toBeGreaterThan(0);
    expect(isEmpty(altered.replan), altered.sql.join('\n')).toBe(true);
    const back = await roundtrip(to, from, { prefix: 'sp_kinds_' });
    expect(isEmpty(back.replan), back.sql.join('\n')).toBe(true);
    const dropped = await roundtrip(to, '', { prefix: 'sp_kinds_' });
    expect(isEmpty(dropped.replan), dropped.sql.join('\n')).toBe(true);
  });
});
