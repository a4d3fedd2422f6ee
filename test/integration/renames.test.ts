import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/config.ts';
import { isEmpty } from '../../src/plan/plan.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';
import { createTestDb, SERVER_URL } from '../helpers/db.ts';
import { desiredFile, roundtrip } from '../helpers/roundtrip.ts';

describe('declared renames', () => {
  it('renames a table in place, keeping its rows, and its generated constraint and index names', async () => {
    const from = `create table people (id int primary key, email text unique); create index people_email_idx on people (lower(email)); insert into people values (1, 'ada@example.com');`;
    const to = `-- schemaplan:renamed-from people
create table persons (id int primary key, email text unique); create index persons_email_idx on persons (lower(email));`;
    const r = await roundtrip(from, to, { inspect: async (db) => (await db.query('select id, email from persons')).rows });
    expect(r.inspected).toEqual([{ id: 1, email: 'ada@example.com' }]);
    expect(r.sql[0]).toBe('ALTER TABLE public.people RENAME TO persons');
    expect(r.sql.slice(1).sort()).toEqual([
      'ALTER INDEX public.people_email_idx RENAME TO persons_email_idx',
      'ALTER TABLE public.persons RENAME CONSTRAINT people_email_key TO persons_email_key',
      'ALTER TABLE public.persons RENAME CONSTRAINT people_pkey TO persons_pkey',
    ]);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('renames a column declared with a hint', async () => {
    const r = await roundtrip(
      'create table t (id int primary key, user_id int);',
      'create table t (id int primary key);\n-- schemaplan:renamed-from user_id\nalter table t add column "userId" int;',
    );
    expect(r.sql).toEqual(['ALTER TABLE public.t RENAME COLUMN user_id TO "userId"']);
    expect(isEmpty(r.replan)).toBe(true);
  });

  it('reads the old name as SQL writes it: quoted, or qualified by the table\'s schema', async () => {
    const quoted = await roundtrip('create table "UserAccounts" (id int primary key);', '-- schemaplan:renamed-from "UserAccounts"\ncreate table accounts (id int primary key);');
    expect(quoted.sql[0]).toBe('ALTER TABLE public."UserAccounts" RENAME TO accounts');
    const qualified = await roundtrip('create table "order" (id int primary key);', '-- schemaplan:renamed-from public."order"\ncreate table orders (id int primary key);');
    expect(qualified.sql[0]).toBe('ALTER TABLE public."order" RENAME TO orders');
    expect(isEmpty(qualified.replan)).toBe(true);
  });

  it('is satisfied silently once the rename happened', async () => {
    const r = await roundtrip('create table persons (id int primary key);', '-- schemaplan:renamed-from people\ncreate table persons (id int primary key);');
    expect(r.sql).toEqual([]);
  });

  it('is an error when it matches nothing', async () => {
    const t = await createTestDb('sp_rn_', 'create table t (id int primary key);');
    try {
      const r = await preparePlan({
        config: defaultConfig(process.cwd()),
        desiredPath: desiredFile('create table t (id int primary key);\n-- schemaplan:renamed-from nothing_here\nalter table t add column c int;'),
        target: { kind: 'url', url: t.url },
        devUrl: SERVER_URL,
        noCache: true,
      });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/rename hint: column t\.nothing_here does not exist/);
    } finally {
      await t.drop();
    }
  });
});
