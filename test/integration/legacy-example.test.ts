// Loads examples/legacy (Supabase stand-in, migrations in file-name order, rows) into a fresh database on the
// PostgreSQL server and checks that every finding of the seed document is true of it.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { legacyMigrationFiles, legacyMigrationsDir, loadLegacy } from '../../examples/legacy/load.ts';
import { findingChecks, type Query } from './legacy-example-checks.ts';

const adminUrl = process.env.SCHEMAPLAN_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `sp_legacy_${randomBytes(6).toString('hex')}`;

function urlFor(database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

let client: pg.Client;
const q: Query = async (sql, params) => (await client.query(sql, params)).rows;

beforeAll(async () => {
  await withAdmin(`create database ${dbName}`);
  client = new pg.Client({ connectionString: urlFor(dbName) });
  await client.connect();
  await loadLegacy({ exec: (sql) => client.query(sql) });
}, 60_000);

afterAll(async () => {
  await client?.end();
  await withAdmin(`drop database if exists ${dbName} with (force)`);
});

describe('legacy example on the PostgreSQL server', () => {
  it('runs on the server major this suite targets', async () => {
    const version = Number(await q('show server_version_num').then((r) => r[0]?.server_version_num));
    expect(version).toBeGreaterThanOrEqual(150000);
  });

  for (const check of findingChecks) {
    it(check.finding, () => check.run(q));
  }

  it('applies the migrations in byte order, so the ported 000000000800 file runs first', async () => {
    const names = (await legacyMigrationFiles()).map((p) => p.slice(legacyMigrationsDir.length + 1));
    expect(names[0]).toBe('000000000800_upsert_functions.sql');
    expect(names.indexOf('20240101000000_initial_schema.sql')).toBe(1);
    expect(names.indexOf('2025-11-05_telemetry.sql')).toBeLessThan(names.indexOf('2025-11-05_trust_audit.sql'));
    expect(names.indexOf('20240301000000_prisma_db_push.sql')).toBeLessThan(names.indexOf('20240302000000_organizations_rls.sql'));
  });

  it('keeps the organizationId policies in the migration text only', async () => {
    const text = await readFile(join(legacyMigrationsDir, '20240302000000_organizations_rls.sql'), 'utf8');
    expect(text).toMatch(/on workflows[\s\S]*"organizationId"/);
    expect(text).toMatch(/on subscriptions[\s\S]*"organizationId"/);
    const policies = await q(`select policyname from pg_policies where tablename in ('workflows', 'subscriptions')`);
    expect(policies.map((r) => r.policyname)).not.toContain('Organization members can view organization workflows');
  });

  it('creates the Prisma tables only in the stand-in file, never in a team migration', async () => {
    for (const file of await legacyMigrationFiles()) {
      const text = await readFile(file, 'utf8');
      const createsPrismaTable = /create table\s+(if not exists\s+)?"?(organizations|organization_members|workflow_versions|workflow_executions|user_integrations)"?\s*\(/i.test(text);
      expect(createsPrismaTable, file).toBe(file.endsWith('_prisma_db_push.sql'));
    }
  });

  it('enforces the legacy policies for an authenticated user', async () => {
    await client.query('begin');
    try {
      await client.query(`set local role authenticated`);
      await client.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: '5b7e9f20-3c4d-4e8a-b1f2-9d0c8a7b6e02', role: 'authenticated' }),
      ]);
      const own = await q(`select count(*)::int as n from workflows`);
      expect(own[0]?.n).toBe(1);
      await expect(q(`select count(*) from organizations`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.query('rollback');
    }
  });
});
