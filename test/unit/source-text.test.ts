import { beforeAll, describe, expect, it } from 'vitest';
import { withCheckExpression, withIndexExpressions, writtenExpressions } from '../../src/desired/source-text.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(() => loadParser()); // the pure SQL modules under test parse synchronously

const texts = (sql: string) => writtenExpressions(sql).map((w) => `${w.kind}:${'name' in w ? (w.name ?? '-') : w.column}:${'text' in w ? w.text : [...w.elements, w.where].join('|')}`);

describe('writtenExpressions', () => {
  it('finds CHECKs and DEFAULTs of CREATE TABLE, each ending where the next clause starts', () => {
    expect(
      texts(`create table "é" (s varchar check (s in ('é', 'b')), t text[] default ARRAY['a']::varchar[] not null,
        u text default 'x' collate "C", v int default 1, constraint x check (s <> 'a') not valid)`),
    ).toEqual([`check:-:s in ('é', 'b')`, `default:t:ARRAY['a']::varchar[]`, `default:u:'x'`, `default:v:1`, `check:x:s <> 'a'`]);
  });

  it('finds ADD COLUMN, ADD CONSTRAINT and SET DEFAULT in ALTER TABLE, in order', () => {
    expect(
      texts(`alter table public.t add column z varchar(3) default ('a'::varchar) check (z in ('a')),
        alter column y set default ARRAY['a', 'b'], add constraint "Q" check (y = any(array['a'])), alter column "column" set default 1+2`),
    ).toEqual([`default:z:('a'::varchar)`, `check:-:z in ('a')`, `default:y:ARRAY['a', 'b']`, `check:Q:y = any(array['a'])`, `default:column:1+2`]);
    expect(writtenExpressions(`alter table public.t alter column c set default 1`)[0]?.table).toEqual({ schema: 'public', name: 't' });
  });

  it('does not take a foreign key action for a default', () => {
    expect(texts(`alter table t add constraint fk foreign key (a) references b on delete set default, alter column c set default 'z'`)).toEqual([`default:c:'z'`]);
  });

  it('finds USING and WITH CHECK of CREATE / ALTER POLICY, per statement', () => {
    expect(texts(`create policy p on s.t for all to public using (status = any(array['a','b'])) with check (owner in ('x', 'y'))`)).toEqual([
      `policy:p:status = any(array['a','b'])`,
      `policy:p:owner in ('x', 'y')`,
    ]);
    expect(texts(`create table a (x int default 1); alter policy q on a with check (x in (1, 2))`)).toEqual([`default:x:1`, `policy:q:x in (1, 2)`]);
  });

  it('finds the expression elements (whole, with opclass and ordering) and the predicate of CREATE INDEX', () => {
    expect(writtenExpressions(`create index on s.orders (id, (status in ('a', 'b')), lower(name) text_pattern_ops desc) include (x) where x in ('z')`)).toEqual([
      { kind: 'index', table: { schema: 's', name: 'orders' }, name: null, elements: [null, `(status in ('a', 'b'))`, 'lower(name) text_pattern_ops desc'], where: `x in ('z')` },
    ]);
  });

  it('yields nothing for a statement that does not parse', () => {
    expect(writtenExpressions(`create table (`)).toEqual([]);
  });
});

describe('withCheckExpression', () => {
  it('replaces the expression of a constraint definition and keeps what follows it', () => {
    expect(withCheckExpression(`CHECK (((s)::text = ANY ((ARRAY['é'::character varying])::text[]))) NO INHERIT NOT VALID`, `s IN ('é')`)).toBe(
      `CHECK (s IN ('é')) NO INHERIT NOT VALID`,
    );
  });
});

describe('withIndexExpressions', () => {
  it('replaces the expression elements and the predicate of an index definition', () => {
    const [written] = writtenExpressions(`create index on orders (id, (status in ('a', 'b'))) where x in ('z')`);
    const deparsed = `CREATE INDEX orders_id_expr_idx ON public.orders USING btree (id, (((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])))) WHERE ((x)::text = ANY ((ARRAY['z'::character varying])::text[]))`;
    expect(written?.kind === 'index' && withIndexExpressions(deparsed, written)).toBe(
      `CREATE INDEX orders_id_expr_idx ON public.orders USING btree (id, (status in ('a', 'b'))) WHERE x in ('z')`,
    );
  });

  it('refuses a written index of another shape', () => {
    const [written] = writtenExpressions(`create index on orders ((status in ('a')))`);
    expect(written?.kind === 'index' && withIndexExpressions(`CREATE INDEX i ON public.orders USING btree (status)`, written)).toBeNull();
  });
});
