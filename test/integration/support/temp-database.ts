import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import type { SourceStatement } from '../../../src/desired/sources.ts';

export const TEST_URL = process.env['SCHEMAPLAN_TEST_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database named with this suite's prefix; always dropped, even when `fn` throws. */
export async function withTempDatabase<T>(prefix: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(TEST_URL);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export async function loadSupabaseStubs(client: pg.Client): Promise<void> {
  await client.query(readFileSync(new URL('../../fixtures/supabase-stubs.sql', import.meta.url), 'utf8'));
}

/** Run statements one at a time so that a failure names the source location it came from. */
export async function executeStatements(client: pg.Client, statements: readonly SourceStatement[]): Promise<void> {
  for (const s of statements) {
    try {
      await client.query(s.sql);
    } catch (e) {
      const at = `${s.location.file}:${s.location.line}:${s.location.column}`;
      throw new Error(`${at}: ${(e as Error).message}\n${s.sql}`);
    }
  }
}
