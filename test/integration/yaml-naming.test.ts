import { describe, expect, it } from 'vitest';
import { defaultName } from '../../src/desired/yaml/naming.ts';
import { withTempDatabase } from './support/temp-database.ts';

const long = 'a_table_name_that_is_quite_long_for_a_postgres_relation';
const longCol = 'a_column_whose_name_is_also_rather_long_for_comfort_x';

describe('default constraint and index names', () => {
  it('match the names PostgreSQL chooses, including truncation to 63 bytes', async () => {
    await withTempDatabase(async (db) => {
      await db.exec(`
        CREATE TABLE parent (id int PRIMARY KEY);
        CREATE TABLE ${long} (
          id int PRIMARY KEY,
          "userId" int UNIQUE REFERENCES parent (id) CHECK ("userId" > 0),
          ${longCol} int,
          "Zähler" int,
          UNIQUE (${longCol}, "Zähler")
        );
        CREATE INDEX ON ${long} ("userId", ${longCol});
        CREATE TABLE short (a int, b int, "Über" int);
        CREATE INDEX ON short (a, b);
        CREATE UNIQUE INDEX ON short ("Über");`);
      const names = (
        await db.query<{ n: string }>(`
          SELECT conname AS n FROM pg_constraint WHERE conrelid IN ('${long}'::regclass, 'short'::regclass)
          UNION SELECT relname FROM pg_class WHERE relkind = 'i' AND relname NOT LIKE 'pg_%' AND relname <> 'parent_pkey'`)
      ).rows.map((r) => r.n);
      const ours = [
        defaultName(long, null, 'pkey'),
        defaultName(long, ['userId'], 'key'),
        defaultName(long, ['userId'], 'fkey'),
        defaultName(long, ['userId'], 'check'),
        defaultName(long, [longCol, 'Zähler'], 'key'),
        defaultName(long, ['userId', longCol], 'idx'),
        defaultName('short', ['a', 'b'], 'idx'),
        defaultName('short', ['Über'], 'idx'),
      ];
      expect(new Set(ours)).toEqual(new Set(names));
      expect(ours.every((n) => Buffer.byteLength(n) <= 63)).toBe(true);
      expect(ours.some((n) => Buffer.byteLength(n) === 63)).toBe(true);
    });
  });
});
