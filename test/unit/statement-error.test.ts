import { beforeAll, describe, expect, it } from 'vitest';
import { statementError } from '../../src/desired/execute.ts';
import type { DbError } from '../../src/db/queryable.ts';
import { loadParser } from '../../src/sql/parser.ts';

beforeAll(loadParser);

const at = (sql: string, e: Partial<DbError>) =>
  statementError({ sql, location: { file: 'desired/t.sql', line: 2, column: 1 } }, { message: '', ...e } as DbError, true).location;

describe('where an error Postgres gives no position for is reported', () => {
  it('at the name the parse tree locates (a relation in CREATE POLICY)', () => {
    expect(at('create policy p on organizations using (true)', { code: '42P01', message: 'relation "organizations" does not exist' })).toEqual({ file: 'desired/t.sql', line: 2, column: 20 });
  });

  it('at the name in the text where the parse tree keeps no position (an index column, COMMENT ON COLUMN)', () => {
    expect(at('create index nmae_idx on users (nmae)', { code: '42703', message: 'column "nmae" does not exist' })).toMatchObject({ line: 2, column: 33 });
    expect(at('comment on column users."Nmae" is \'x\'', { code: '42703', message: 'column "Nmae" of relation "users" does not exist' })).toMatchObject({ line: 2, column: 25 });
  });

  it('at the statement when the name is nowhere in it', () => {
    expect(at('select 1', { code: '42703', message: 'column "zzz" does not exist' })).toEqual({ file: 'desired/t.sql', line: 2, column: 1 });
  });
});
