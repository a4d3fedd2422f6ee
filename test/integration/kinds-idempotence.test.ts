import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.ts';
import { connectPg } from '../../src/db/queryable.ts';
import { formatUserError } from '../../src/errors.ts';
import { introspect } from '../../src/introspect/introspect.ts';
import { buildCatalog } from '../../src/model/catalog.ts';
import { makePlan } from '../../src/plan/make-plan.ts';
import { isEmpty, statementsOf } from '../../src/plan/plan.ts';
import { renderSql } from '../../src/plan/render/sql.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';
import { createTestDb, SERVER_URL } from '../helpers/db.ts';
import { desiredFile } from '../helpers/roundtrip.ts';

const suffix = randomBytes(3).toString('hex');
const reader = `sp_kinds_reader_${suffix}`;
const writer = `sp_kinds_writer_${suffix}`;

/** One database holding every kind schemaplan manages. */
const everything = `
create schema app;
create extension if not exists pgcrypto;
create type mood as enum ('sad', 'ok', 'happy');
create domain positive as integer default 1 check (value > 0) not null;
create type pair as (a integer, b text collate "C");
create type floatrange as range (subtype = float8, subtype_diff = float8mi);
create sequence counter as bigint increment by 5 minvalue 10 maxvalue 1000 start with 20 cache 2 cycle;
create table parent (id bigint generated always as identity (start with 100 increment by 10) primary key,
  label text collate "C" not null default 'x', m mood, p positive, during tsrange,
  constraint no_overlap exclude using gist (during with &&));
comment on table parent is 'the parent';
comment on column parent.label is 'a label';
alter table parent replica identity full;
create table child (id serial primary key, parent_id bigint references parent(id) on delete cascade deferrable initially deferred,
  score numeric(10,2) check (score >= 0)) with (fillfactor = 70);
create table legacy (id int) ;
create table legacy_child (extra text) inherits (legacy);
create unlogged table scratch (k text primary key);
create table events (id bigint, at date not null, payload jsonb) partition by range (at);
create table events_2026 partition of events for values from ('2026-01-01') to ('2027-01-01');
create index events_payload_idx on events using gin (payload);
create index child_score_idx on child (score) where score > 0;
create function app.add(a integer, b integer default 1) returns integer language sql immutable strict parallel safe
  as 'select a + b';
create function app.add(a numeric, b numeric) returns numeric language sql immutable begin atomic select a + b; end;
create function touch() returns trigger language plpgsql security definer set search_path = public as $$
begin new.score := coalesce(new.score, 0); return new; end $$;
create procedure app.noop(x integer) language plpgsql as $$ begin perform x; end $$;
create aggregate app.total(integer) (sfunc = app.add, stype = integer, initcond = '0');
create trigger child_touch before insert or update of score on child for each row when (new.score is null) execute function touch();
create trigger child_stmt after insert on child referencing new table as inserted for each statement execute function touch();
alter table child disable trigger child_stmt;
create constraint trigger child_check after insert on child deferrable initially deferred for each row execute function touch();
create view parent_labels with (security_invoker = true) as select id, label from parent;
create materialized view child_scores as select parent_id, sum(score) as total from child group by parent_id;
create policy own on child for select to ${reader} using (score > 0);
alter table child enable row level security;
comment on function app.add(integer, integer) is 'adds';
grant usage on schema app to ${reader};
grant select on parent, parent_labels to ${reader};
grant select (id, label), update (label) on parent to ${writer};
grant insert, update on child to ${writer} with grant option;
grant usage on sequence counter to ${writer};
revoke all on function app.add(integer, integer) from public;
grant execute on function app.add(integer, integer) to ${reader};
grant usage on type mood to ${writer};
alter default privileges in schema public grant select on tables to ${reader};
alter default privileges grant usage on sequences to ${writer} with grant option;
alter default privileges revoke execute on functions from public;
`;

describe('inspect → desired → plan against the same database', () => {
  beforeAll(async () => {
    const admin = await connectPg(SERVER_URL);
    for (const r of [reader, writer]) await admin.exec(`CREATE ROLE ${r}`);
    await admin.close();
  });
  afterAll(async () => {
    const admin = await connectPg(SERVER_URL);
    for (const r of [reader, writer]) await admin.exec(`DROP ROLE IF EXISTS ${r}`);
    await admin.close();
  });

  it('plans no change for a database holding every kind', async () => {
    const t = await createTestDb('sp_kinds_', everything);
    try {
      const db = await t.connect();
      let sql: string;
      try {
        const catalog = await introspect(db, { schemas: ['app', 'public'] });
        const kinds = new Set([...catalog.objects.values()].map((o) => o.kind));
        expect([...kinds].sort()).toEqual(
          ['column', 'constraint', 'defaultPrivilege', 'extension', 'function', 'grant', 'index', 'matview', 'policy', 'schema', 'sequence', 'table', 'trigger', 'type', 'view'].sort(),
        );
        // What `schemaplan inspect` prints: creating the schema from nothing (public exists everywhere).
        const empty = buildCatalog([...catalog.objects.values()].filter((o) => o.kind === 'schema' && o.id.name === 'public'), [], catalog.serverVersion);
        sql = renderSql(makePlan(empty, catalog, ['app', 'public']));
      } finally {
        await db.close();
      }
      for (const expected of [
        'CREATE OR REPLACE AGGREGATE app.total(integer) (SFUNC = app.add, STYPE = integer, INITCOND = \'0\')',
        `GRANT SELECT (label), UPDATE (label) ON TABLE public.parent TO ${writer}`,
        `GRANT INSERT, UPDATE ON TABLE public.child TO ${writer} WITH GRANT OPTION`,
        'REVOKE EXECUTE ON FUNCTION app.add(integer, integer) FROM PUBLIC',
        `ALTER DEFAULT PRIVILEGES FOR ROLE postgres GRANT USAGE ON SEQUENCES TO ${writer} WITH GRANT OPTION`,
        'ALTER DEFAULT PRIVILEGES FOR ROLE postgres REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC',
        'ALTER TABLE ONLY public.parent REPLICA IDENTITY FULL',
      ]) {
        expect(sql).toContain(expected);
      }
      const config = { ...defaultConfig(process.cwd()), schemas: ['app', 'public'] };
      const prepared = await preparePlan({ config, desiredPath: desiredFile(sql), target: { kind: 'url', url: t.url }, devUrl: SERVER_URL, noCache: true });
      if (!prepared.ok) throw new Error(formatUserError(prepared.error) + '\n' + sql);
      await prepared.value.target.dispose();
      const leftover = statementsOf(prepared.value.plan).map((s) => s.sql);
      expect(leftover, sql).toEqual([]);
      expect(isEmpty(prepared.value.plan)).toBe(true);
    } finally {
      await t.drop();
    }
  });
});
