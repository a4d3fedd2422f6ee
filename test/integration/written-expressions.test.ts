import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.ts';
import type { Queryable } from '../../src/db/queryable.ts';
import { formatUserError } from '../../src/errors.ts';
import { getObject } from '../../src/model/catalog.ts';
import { isEmpty, statementsOf } from '../../src/plan/plan.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';
import { createTestDb, SERVER_URL, withDb } from '../helpers/db.ts';
import { desiredFile, roundtrip } from '../helpers/roundtrip.ts';

// Expressions whose deparsed text Postgres would store differently when executed again (see
// src/desired/expression-sources.ts): IN on a varchar column, a varchar[] default of a text[] column, and a
// policy comparing text with a varchar[] array.
const table = `create table orders (
  id integer primary key,
  status varchar(10) not null,
  kind varchar(10),
  tags text[],
  owner text
);
alter table orders enable row level security;`;

const source = `create table orders (
  id integer primary key,
  status varchar(10) not null check (status in ('pending', 'shipped')),
  kind varchar(10),
  tags text[] default array['a']::varchar[],
  owner text
);
alter table orders add constraint orders_kind_known check (kind in ('a', 'b'));
alter table orders enable row level security;
create policy own on orders using (true) with check (owner = any (array['x', 'y']::varchar[]));
create index orders_open on orders (id) where status in ('pending', 'shipped');
create index on orders ((kind in ('a', 'b')), lower(owner) text_pattern_ops desc);`;

/** Every expression of the table as Postgres prints it. */
async function expressions(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ e: string }>(`
    select conname || ': ' || pg_get_constraintdef(oid) as e from pg_constraint where conrelid = 'public.orders'::regclass and contype = 'c'
    union all select 'default: ' || pg_get_expr(adbin, adrelid) from pg_attrdef where adrelid = 'public.orders'::regclass
    union all select polname || ': ' || coalesce(pg_get_expr(polqual, polrelid), '') || ' / ' || coalesce(pg_get_expr(polwithcheck, polrelid), '')
      from pg_policy where polrelid = 'public.orders'::regclass
    union all select pg_get_indexdef(indexrelid) from pg_index where indrelid = 'public.orders'::regclass
    order by 1`);
  return rows.rows.map((r) => r.e);
}

async function planAgainst(url: string, desiredSql: string, devUrl = SERVER_URL) {
  const prepared = await preparePlan({ config: defaultConfig(process.cwd()), desiredPath: desiredFile(desiredSql), target: { kind: 'url', url }, devUrl, noCache: true });
  if (!prepared.ok) throw new Error(formatUserError(prepared.error));
  await prepared.value.target.dispose();
  return prepared.value;
}

describe('expressions Postgres does not print as a fixpoint', () => {
  it('plans no change against a target built from the same source', async () => {
    const t = await createTestDb('sp_written_', source);
    try {
      const { plan, desired } = await planAgainst(t.url, source);
      expect(isEmpty(plan), statementsOf(plan).map((s) => s.sql).join('\n')).toBe(true);
      // The desired catalog holds what the source stores, and knows how the source wrote it.
      const check = getObject(desired.catalog, { kind: 'constraint', schema: 'public', table: 'orders', name: 'orders_kind_known' });
      expect(check?.kind === 'constraint' && check.source).toEqual({ definition: `CHECK (kind in ('a', 'b'))` });
      const tags = getObject(desired.catalog, { kind: 'column', schema: 'public', table: 'orders', name: 'tags' });
      expect(tags?.kind === 'column' && tags.source).toEqual({ default: `(array['a']::varchar[])` });
      const policy = getObject(desired.catalog, { kind: 'policy', schema: 'public', table: 'orders', name: 'own' });
      expect(policy?.kind === 'policy' && policy.source).toEqual({ withCheck: `owner = any (array['x', 'y']::varchar[])` });
      const index = getObject(desired.catalog, { kind: 'index', schema: 'public', name: 'orders_open' });
      expect(index?.kind === 'index' && index.source).toEqual({ definition: `CREATE INDEX orders_open ON public.orders USING btree (id) WHERE status in ('pending', 'shipped')` });
    } finally {
      await t.drop();
    }
  });

  it('plans no change either when the desired state is normalized in embedded PGlite', async () => {
    const t = await createTestDb('sp_written_', source);
    try {
      const { plan } = await planAgainst(t.url, source, 'embedded');
      expect(isEmpty(plan), statementsOf(plan).map((s) => s.sql).join('\n')).toBe(true);
    } finally {
      await t.drop();
    }
  }, 60_000);

  it('applies the expressions as the source wrote them: the target stores what the source stores', async () => {
    const built = await createTestDb('sp_written_', source);
    try {
      const fromSource = await withDb(expressions, built);
      const migrated = await roundtrip(table, source, { prefix: 'sp_written_', inspect: expressions });
      expect(migrated.sql).toContain(`ALTER TABLE public.orders ADD CONSTRAINT orders_kind_known CHECK (kind in ('a', 'b'))`);
      expect(migrated.inspected).toEqual(fromSource);
      expect(isEmpty(migrated.replan), migrated.sql.join('\n')).toBe(true);
      // The same from an empty database: the table is created with the constraints inline.
      const created = await roundtrip('', source, { prefix: 'sp_written_', inspect: expressions });
      expect(created.inspected).toEqual(fromSource);
      expect(isEmpty(created.replan), created.sql.join('\n')).toBe(true);
    } finally {
      await built.drop();
    }
  });

  it("plans a partitioned table's index whose predicate is no fixpoint: the partitions' indexes follow their parent's", async () => {
    const partitioned = `create table lg (id int, lvl varchar(10)) partition by list (id);
      create table lg_1 partition of lg for values in (1);
      create index lg_lvl on lg (lvl) where lvl in ('error', 'fatal');`;
    const created = await roundtrip('', partitioned, { prefix: 'sp_written_' });
    expect(created.sql.some((s) => s.startsWith('CREATE INDEX lg_lvl ON public.lg'))).toBe(true);
    expect(isEmpty(created.replan), created.sql.join('\n')).toBe(true);
    const same = await roundtrip(partitioned, partitioned, { prefix: 'sp_written_' });
    expect(same.sql).toEqual([]);
  });

  it('settles an expression whose source text depends on the search_path, and still converges', async () => {
    // `lim()` resolves only through the search_path: the plan cannot write this text as is, so the desired
    // catalog holds what the deparsed (schema-qualified) text stores, which is what the plan writes.
    const fn = `create function lim() returns integer language sql immutable as 'select 10';`;
    const desired = `${fn}\n${table.replace('kind varchar(10),', `kind varchar(10) constraint kind_known check (kind in ('a', 'b') and length(kind) < lim()),`)}`;
    const run = await roundtrip(`${fn}\n${table}`, desired, { prefix: 'sp_written_' });
    const check = run.plan.steps.map((s) => s.change).find((c) => c.op === 'create' && c.to.kind === 'constraint');
    expect(check?.op === 'create' && check.to.kind === 'constraint' && check.to.source).toBeUndefined();
    expect(run.sql.some((s) => s.includes('public.lim()'))).toBe(true);
    expect(isEmpty(run.replan), run.sql.join('\n')).toBe(true);
  });
});
