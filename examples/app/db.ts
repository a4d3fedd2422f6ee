import pg from 'pg';
import { sql } from '@ts-safeql/sql-tag';

export { sql };

/** A pool, or a client inside a transaction: anything with pg's `query`. */
export type Db = Pick<pg.Pool, 'query'>;

export function createPool(connectionString = process.env['DATABASE_URL']): pg.Pool {
  return new pg.Pool({ connectionString, max: 10 });
}

/**
 * A `rows` template tag bound to a connection that resolves to the rows, annotated as `rows<Row>` followed by
 * the query. SafeQL checks it as a tag target (eslint.config.js); the `sql` tag inside `db.query(…)` is checked
 * as a wrapper target.
 */
export function rowsOf(db: Db) {
  return async function rows<Row extends pg.QueryResultRow>(strings: TemplateStringsArray, ...values: unknown[]): Promise<Row[]> {
    const result = await db.query<Row>(sql(strings, ...values));
    return result.rows;
  };
}

export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
