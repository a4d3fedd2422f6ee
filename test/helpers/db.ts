import { randomBytes } from 'node:crypto';
import { connectPg, type Queryable } from '../../src/db/queryable.ts';
import { withDatabase } from '../../src/db/url.ts';

export const SERVER_URL = process.env['SCHEMAPLAN_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDb {
  readonly url: string;
  readonly name: string;
  connect(): Promise<Queryable>;
  drop(): Promise<void>;
}

/** A fresh database on the test server, named with `prefix` and a random suffix. */
export async function createTestDb(prefix = 'sp_test_', sql = ''): Promise<TestDb> {
  const name = `${prefix}${randomBytes(5).toString('hex')}`;
  const admin = await connectPg(SERVER_URL);
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = withDatabase(SERVER_URL, name);
  if (sql) {
    const db = await connectPg(url);
    await db.exec(sql);
    await db.close();
  }
  return {
    url,
    name,
    connect: () => connectPg(url),
    async drop() {
      const a = await connectPg(SERVER_URL);
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

export async function withDb<T>(fn: (db: Queryable) => Promise<T>, t: TestDb): Promise<T> {
  const db = await t.connect();
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
