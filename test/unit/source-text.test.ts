import { describe, expect, it } from 'vitest';
import { withCheckExpression, writtenExpressions } from '../../src/desired/source-text.ts';

const texts = (sql: string) => writtenExpressions(sql).map((w) => `${w.kind}:${'name' in w ? (w.name ?? '-') : w.column}:${w.text}`);

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
