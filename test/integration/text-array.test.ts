import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseTextArray } from '../../src/db/queryable.ts';
import { SERVER_URL } from '../helpers/db.ts';

const generic = pg.types.getTypeParser(1009 as Parameters<typeof pg.types.getTypeParser>[0]) as (value: string) => unknown;

describe('text[] read from the server', () => {
  it('gives what pg own parser gives, for every shape Postgres prints', async () => {
    // Printed by a real server, so the quoting rules under test are Postgres', not this test's.
    const client = new pg.Client({ connectionString: SERVER_URL });
    await client.connect();
    try {
      const { rows } = await client.query<{ a: string }>(`
        select x::text as a from (values
          ('{}'::text[]), (array['a', 'b c', '']), (array['x', null, 'NULL', 'null']),
          (array['q"uote', 'back\\slash', 'com,ma', '{brace}']), (array['ünïcödé', E'tab\\tin']),
          ('{{a,b},{c,d}}'::text[]), ('[0:1]={a,b}'::text[]), (array['1259:16384:0', 'public.t']),
          (array['x', null, 'ünïcödé'])) v(x)`);
      expect(rows.length).toBe(9);
      for (const { a } of rows) expect(parseTextArray(a)).toEqual(generic(a));
      expect(rows.map((r) => parseTextArray(r.a))).toContainEqual(['x', null, 'NULL', 'null']);
      expect(rows.map((r) => parseTextArray(r.a))).toContainEqual(['1259:16384:0', 'public.t']);
      expect(rows.map((r) => parseTextArray(r.a))).toContainEqual(['x', null, 'ünïcödé']);
    } finally {
      await client.end();
    }
  });
});
