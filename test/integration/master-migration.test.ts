import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { introspect } from '../../src/introspect/introspect.ts';
import { makePlan } from '../../src/plan/make-plan.ts';
import { isEmpty } from '../../src/plan/plan.ts';
import { renderSql } from '../../src/plan/render/sql.ts';
import { preparePlan } from '../../src/workflow/prepare.ts';
import { legacyDir, legacyMigrationsDir, loadLegacy } from '../../examples/legacy/load.ts';
import { createTestDb, SERVER_URL, type TestDb } from '../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MASTER = path.join(legacyDir, 'master-migration.sql');

/** The legacy production database (examples/legacy) with its rows, on the real server. */
describe('the master migration from the legacy database to desired/', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb('sp_master_');
    const c = await db.connect();
    await loadLegacy(c, { stub: true, data: true });
    await c.close();
  });
  afterAll(() => db.drop());

  it('is what `npm run master-migration` generates today', async () => {
    const config = loadConfig(ROOT);
    if (!config.ok) throw new Error(config.error.message);
    const prepared = await preparePlan({
      config: config.value,
      desiredPath: path.join(ROOT, 'desired'),
      target: { kind: 'migrations', dir: legacyMigrationsDir },
      devUrl: 'embedded',
      noCache: true,
    });
    if (!prepared.ok) throw new Error(prepared.error.message);
    await prepared.value.target.dispose();
    expect(renderSql(prepared.value.plan)).toBe(readFileSync(MASTER, 'utf8'));
  });

  it('applied to the legacy database with its rows, reaches the desired state and keeps the rows', async () => {
    const c = await db.connect();
    const count = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
    const before = {
      events: await count('select count(*) as n from public.events'),
      telemetry: await count('select count(*) as n from public.telemetry_events'),
      auditLogs: await count('select count(*) as n from public.audit_logs'),
      auditLog: await count('select count(*) as n from public.audit_log'),
      runs: await count('select count(*) as n from public.workflow_runs'),
    };
    await c.exec(`BEGIN; SET LOCAL check_function_bodies = false; ${readFileSync(MASTER, 'utf8')}; COMMIT`);
    expect(await count('select count(*) as n from public.events')).toBe(before.events + before.telemetry);
    expect(await count('select count(*) as n from public.audit_logs')).toBe(before.auditLogs + before.auditLog);
    expect(await count('select count(*) as n from public.workflow_runs')).toBe(before.runs);
    expect(await count(`select count(*) as n from public.workflow_runs r join public.workflows w on w.id = r."workflowId"`)).toBe(before.runs);
    expect(await count(`select count(*) as n from information_schema.columns where table_schema = 'public' and table_name = 'events' and column_name = 'id' and data_type = 'uuid'`)).toBe(1);
    expect(await count(`select count(*) as n from pg_tables where schemaname = 'public' and tablename in ('telemetry_events', 'audit_log', 'spend', 'metrics_daily')`)).toBe(0);
    const config = loadConfig(ROOT);
    if (!config.ok) throw new Error(config.error.message);
    const prepared = await preparePlan({ config: config.value, desiredPath: path.join(ROOT, 'desired'), target: { kind: 'url', url: db.url }, devUrl: SERVER_URL, noCache: true });
    if (!prepared.ok) throw new Error(prepared.error.message);
    const { plan, target, desired, schemas } = prepared.value;
    const replan = makePlan(await introspect(target.db, { schemas }), desired.catalog, schemas);
    await target.dispose();
    await c.close();
    expect(plan.steps.map((s) => s.statements.map((x) => x.sql)).flat()).toEqual([]);
    expect(isEmpty(replan)).toBe(true);
  });
});
